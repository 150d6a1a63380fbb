"""The Python side of bench/pynenc-codec.bench.ts: pynenc writes the texts and times its own round trip on them.

Runs with the Python of .venv. One JSON request on stdin, one JSON answer on stdout (pynenc_app.serve).

  {"shape": "typical" | "hard" | "strict", "n", "seed", "rounds", "warmup"}
      -> {"texts": [n texts TriggerRunRecord.to_json wrote], "rounds_ms": [...], "rounds_cpu_ms": [...] (process_time),
          "check": sha1 of the round trip}

Each text is written by pynenc's own `TriggerRunRecord(...).to_json()`; the timed work is
`TriggerRunRecord.from_json(text).to_json()` on every text (time.perf_counter per round), the same work the
TypeScript side times as `toJson(fromJson(text))`. `check` is the sha1 of the round-tripped texts joined by newlines:
the TypeScript side computes the same over its own output, so both sides did the same work byte for byte.

  {"big": "ints" | "floats" | "object" | "strings", "scale", "path"}
      -> {"path", "bytes": size of the text written, "check": sha1 of the text, "round_trip_check": sha1 of
          TriggerRunRecord.from_json(text).to_json()}

bench/big-values.bench.ts: one TriggerRunRecord whose arguments_preview holds a big value, written to `path` by
pynenc's own `to_json()` (json.dumps: ASCII, non-ASCII written as escapes), at `scale` times the issue's sizes:
  ints     25 M ints (one digit each, `[7, 3, ...]`)
  floats   12 M integral floats (`1.0`, `-2.0`, ...)
  object   a 1 M-key object of ints
  strings  10 M characters of text in strings of 100,000, mixing ASCII, astral, escaped and non-ASCII characters

Shapes:
  typical  what BaseTrigger writes: hex and uuid ids, `+00:00` timestamps, `{}` arguments_preview.
  hard     arguments_preview of random doubles, integral floats (1.0, -3.0, 1e22), ints beyond 2**53, NaN and
           +-Infinity, astral, escaped and lone-surrogate text; timestamps with odd UTC offsets (seconds,
           microseconds); participants of every context type.
  strict   hard without NaN/Infinity (a text JSON.parse accepts).
"""

import hashlib
import random
import time
import uuid
from datetime import UTC, datetime, timedelta, timezone

from pynenc.trigger.monitoring import TriggerRunParticipant, TriggerRunRecord

from pynenc_app import serve

T0 = datetime(2026, 2, 1, tzinfo=UTC)
CONTEXTS = ["EventContext", "StatusContext", "ResultContext", "ExceptionContext", "CronContext"]
ODD_OFFSETS = [
    timezone(timedelta(hours=5, minutes=30)),
    timezone(timedelta(hours=-3, minutes=-15, seconds=-7)),
    timezone(timedelta(hours=13, minutes=45, seconds=30, microseconds=250000)),
    timezone(timedelta(0)),
    timezone(timedelta(hours=-11)),
]
TEXTS = ["plain", "Zürich", "emoji \U0001f600 and \U00010348", "lone \ud800 surrogate", 'quote " back \\ slash',
         "tab\tnew\nline", "\u2028 line separator", "\x7f del", "ends \udfff"]


def uid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def hexid(rng):
    return f"{rng.getrandbits(64):016x}"


def stamp(rng, hard):
    t = T0 + timedelta(microseconds=rng.randrange(10**12))
    if not hard:
        return t
    if rng.random() < 0.3:
        t = t.replace(microsecond=0)
    return t.astimezone(rng.choice(ODD_OFFSETS))


def hard_value(rng, allow_nan, depth=0):
    r = rng.random()
    if r < 0.2:
        return rng.uniform(-1e6, 1e6) * 10 ** rng.randrange(-30, 30)
    if r < 0.35:
        return float(rng.randrange(-10**6, 10**6))  # integral float: 1.0, -3.0
    if r < 0.45:
        return rng.choice([1e22, -0.0, 0.0, 2.0**60, 1e16])
    if r < 0.6:
        return rng.choice([1, -1]) * rng.randrange(2**53, 2**80)  # beyond 2**53
    if r < 0.7:
        return rng.randrange(-10**9, 10**9)
    if r < 0.75 and allow_nan:
        return rng.choice([float("nan"), float("inf"), float("-inf")])
    if r < 0.9 or depth > 1:
        return rng.choice(TEXTS) + str(rng.randrange(100))
    if r < 0.95:
        return [hard_value(rng, allow_nan, depth + 1) for _ in range(rng.randrange(4))]
    return {f"k{j}": hard_value(rng, allow_nan, depth + 1) for j in range(rng.randrange(4))}


def record(rng, shape):
    hard = shape != "typical"
    allow_nan = shape == "hard"
    participants = []
    for _ in range(rng.randrange(1, 4)):
        ctx = rng.choice(CONTEXTS) if hard else "EventContext"
        participants.append(
            TriggerRunParticipant(
                context_type=ctx,
                condition_id=hexid(rng),
                valid_condition_id=hexid(rng),
                event_id=uid(rng) if ctx == "EventContext" else None,
                source_invocation_id=uid(rng) if ctx in ("StatusContext", "ResultContext", "ExceptionContext") else None,
                context_timestamp=stamp(rng, hard),
                context_summary=rng.choice(TEXTS) if hard else "event order.created",
            )
        )
    preview = {f"arg{j}": hard_value(rng, allow_nan) for j in range(rng.randrange(2, 8))} if hard else {}
    return TriggerRunRecord(
        trigger_run_id=uid(rng),
        trigger_id=hexid(rng),
        task_id_key="bench.tasks.process_order",
        logic_value="and" if len(participants) > 1 else "or",
        valid_condition_ids=[p.valid_condition_id for p in participants],
        condition_ids=[p.condition_id for p in participants],
        event_ids=[p.event_id for p in participants if p.event_id],
        source_invocation_ids=[p.source_invocation_id for p in participants if p.source_invocation_id],
        triggered_invocation_id=uid(rng),
        arguments_preview=preview,
        claimed_at=stamp(rng, hard),
        executed_at=stamp(rng, hard) if rng.random() < 0.8 else None,
        participants=participants,
        atomic_service_run_id=uid(rng) if rng.random() < 0.5 else None,
        atomic_service_runner_id=hexid(rng) if rng.random() < 0.5 else None,
    )


BIG_TEXT = "plain ascii text, \U0001f600 astral \U00010348, escaped \" \\ \t \n \u2028, Z\u00fcrich \u00e9\u00e8; "


def big_record(kind, scale):
    if kind == "ints":
        preview = {"values": [j % 10 for j in range(int(25_000_000 * scale))]}
    elif kind == "floats":
        preview = {"values": [float(j % 7 - 3) for j in range(int(12_000_000 * scale))]}
    elif kind == "object":
        preview = {"values": {f"key{j}": j for j in range(int(1_000_000 * scale))}}
    elif kind == "strings":
        piece = (BIG_TEXT * (100_000 // len(BIG_TEXT) + 1))[:100_000]
        preview = {"values": [piece] * max(1, int(100 * scale))}
    else:
        raise ValueError(f"unknown big shape {kind!r}")
    rng = random.Random(16)
    rec = record(rng, "typical")
    rec.arguments_preview = preview
    return rec


def handle_big(req):
    text = big_record(req["big"], req["scale"]).to_json()
    data = text.encode("utf-8")
    with open(req["path"], "wb") as out:
        out.write(data)
    round_trip = TriggerRunRecord.from_json(text).to_json().encode("utf-8")
    return {
        "path": req["path"],
        "bytes": len(data),
        "check": hashlib.sha1(data).hexdigest(),
        "round_trip_check": hashlib.sha1(round_trip).hexdigest(),
    }


def handle(req):
    if "big" in req:
        return handle_big(req)
    rng = random.Random(req["seed"])
    texts = [record(rng, req["shape"]).to_json() for _ in range(req["n"])]
    rounds = []
    rounds_cpu = []
    out = None
    for k in range(req["warmup"] + req["rounds"]):
        t0 = time.perf_counter()
        c0 = time.process_time()
        out = [TriggerRunRecord.from_json(t).to_json() for t in texts]
        cpu_ms = (time.process_time() - c0) * 1000
        ms = (time.perf_counter() - t0) * 1000
        if k >= req["warmup"]:
            rounds.append(ms)
            rounds_cpu.append(cpu_ms)
    check = hashlib.sha1("\n".join(out).encode("utf-8", "surrogatepass")).hexdigest()
    return {"texts": texts, "rounds_ms": rounds, "rounds_cpu_ms": rounds_cpu, "check": check}


if __name__ == "__main__":
    serve(handle)
