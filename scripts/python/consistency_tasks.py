"""The pynenc app and tasks that consistency_oracle.py drives (pynenc refuses tasks defined in __main__).

Source tasks run for real (DistributedInvocation.run): they emit events from inside the task body,
raise the exception they are told to, or return their argument. Target tasks are what triggers call.
The oracle chooses the app through CONSISTENCY_ORACLE_APP (JSON: the arguments of pynenc_app.build_app,
whose PynencBuilder gives the whole stack of one backend: memory, sqlite or redis).
"""
import json
import os

from pynenc_app import build_app

app = build_app(**json.loads(os.environ["CONSISTENCY_ORACLE_APP"]))


class OrderError(Exception):
    pass


class PaymentDeclined(Exception):
    pass


EXCEPTIONS = {cls.__name__: cls for cls in (OrderError, PaymentDeclined, ValueError, KeyError)}


def _body(x: int, emit: list[str], fail: str) -> int:
    for code in emit:
        app.trigger.emit_event(code, {"x": x})
    if fail:
        raise EXCEPTIONS[fail](f"told to fail with {fail}")
    return x


@app.task
def src_a(x: int, emit: list[str], fail: str) -> int:
    return _body(x, emit, fail)


@app.task
def src_b(x: int, emit: list[str], fail: str) -> int:
    return _body(x, emit, fail)


@app.task
def tgt_0() -> None:
    return None


@app.task
def tgt_1() -> None:
    return None


@app.task
def tgt_2() -> None:
    return None


SOURCES = [src_a, src_b]
TARGETS = [tgt_0, tgt_1, tgt_2]
