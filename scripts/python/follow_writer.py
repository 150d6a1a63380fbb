"""A live pynenc writer for the follow() tests (test/monitoring/follow-pynenc.test.ts).

Runs with the Python of .venv. A real `Pynenc` app (pynenc_app.build_app) on a SQLite file or a Redis URL, with
tasks whose triggers are registered through pynenc's TriggerBuilder, writes the way a deployment does:
`app.trigger.emit_event(code, payload)` (store, evaluate conditions, store again when matched) and
`app.trigger.trigger_loop_iteration(...)` (claim, route the task, `store_trigger_run`, then
`link_trigger_run_to_events`). Nothing is written by hand.

One JSON request on stdin, one JSON answer on stdout (pynenc_app.serve):

  {"op": "init", target..., "app_id"}  -> {} once the backend's tables exist
  {"op": "write", target..., "app_id", "seed", "rounds", "per_round", "loop_every", "pause_ms"}
      -> each round emits `per_round` events (codes below, payload {"n": i, "tag": text}), every `loop_every`
         rounds runs one trigger-loop iteration, then sleeps `pause_ms`; a last iteration at the end. Answers
         what pynenc's own reads return afterwards: {"events": {id: to_json}, "runs": {id: to_json},
         "order": [event ids in emit order]}.

target: {"backend": "sqlite", "path": file} | {"backend": "redis", "redis_url": url}.
"""

import random
import time
from datetime import UTC, datetime

from pynenc_app import build_app, serve

# Codes: two with triggers (matched: emit_event writes twice; later a run links them), one without (never matched).
MATCHED_CODES = ("order.created", "order.paid")
CODES = MATCHED_CODES + ("audit.noise",)


def on_order(**kwargs):
    """Task of the single-condition trigger on order.created (module-level: pynenc refuses __main__ tasks)."""
    return None


def on_any_order(**kwargs):
    """Task of the OR trigger on order.created | order.paid: one run per matching event."""
    return None


def app_for(req):
    config = {"logging_level": "error"}
    if req["backend"] == "sqlite":
        return build_app(req["app_id"], store="sqlite", sqlite_db_path=req["path"], **config)
    if req["backend"] == "redis":
        # pynenc_redis 0.3.0's RedisBroker lacks the _route_invocation(s) pynenc 0.4.0's BaseBroker declares
        # abstract (it cannot be instantiated), so the trigger loop routes its tasks through pynenc's MemBroker;
        # the trigger (what follow() reads) is pynenc_redis's RedisTrigger.
        return build_app(req["app_id"], store="redis", redis_url=req["redis_url"], broker_cls="MemBroker", **config)
    raise ValueError(f"unknown backend {req['backend']!r}")


def with_tasks(app):
    import follow_writer  # this file as a module, so the tasks have an importable id
    from pynenc.trigger.trigger_builder import TriggerBuilder

    app.task(follow_writer.on_order, triggers=TriggerBuilder().on_event("order.created"))
    app.task(
        follow_writer.on_any_order,
        triggers=TriggerBuilder().on_event("order.created").on_event("order.paid").with_logic("or"),
    )
    app.register_deferred_triggers()
    return app


def loop_once(app):
    from pynenc.orchestrator.atomic_service import AtomicServiceRun

    app.trigger.trigger_loop_iteration(AtomicServiceRun(runner_id="follow-writer"))


def write(req):
    app = with_tasks(app_for(req))
    rnd = random.Random(req["seed"])
    order = []
    for r in range(req["rounds"]):
        for i in range(req["per_round"]):
            code = rnd.choice(CODES)
            order.append(app.trigger.emit_event(code, {"n": len(order), "tag": f"r{r}-{i}-ü"}))
        if (r + 1) % req["loop_every"] == 0:
            loop_once(app)
        time.sleep(req["pause_ms"] / 1000)
    loop_once(app)
    t = app.trigger
    events = t.get_events_batch(order)
    lo, hi = datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC)
    runs = t.get_trigger_runs_in_timerange(lo, hi)
    return {
        "order": order,
        "events": {eid: e.to_json(app) for eid, e in events.items() if e is not None},
        "runs": {run.trigger_run_id: run.to_json() for run in runs},
    }


def handle(req):
    if req["op"] == "init":
        with_tasks(app_for(req))
        return {}
    if req["op"] == "write":
        return write(req)
    raise ValueError(f"unknown op {req['op']!r}")


if __name__ == "__main__":
    serve(handle)
