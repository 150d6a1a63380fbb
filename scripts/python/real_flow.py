"""The real pynenc producing trigger runs the way production does; prints every stored monitoring text.

Run with the pynenc venv (.venv/bin/python). Request on stdin (JSON):
  {"backend": "sqlite", "sqlite_db_path": "<temp file>", "app_id": "..."}
  {"backend": "redis", "redis_url": "redis://127.0.0.1:<port>/0", "app_id": "..."}

What runs (all pynenc's own code, configured through PynencBuilder as an application would):
- the app: `.sqlite(path)` (SQLite orchestrator, broker, state backend, client data store and SQLiteTrigger) or
  pynenc_redis's `.redis(url=...)` (RedisTrigger, RedisStateBackend, RedisClientDataStore; broker and orchestrator
  in memory, see build_app for why), a ThreadRunner;
- tasks declared with `app.task(..., triggers=TriggerBuilder()...)`: on_event (with a payload filter), on_status,
  on_result, on_exception, on_cron, an AND of event + status, an OR of event + exception, an AND of cron + event;
- events emitted with `app.trigger.emit_event` from outside any task and from inside a running task;
- the runner driven one loop at a time exactly as `BaseRunner.run()` does it: `runner.on_start()` (registers the
  deferred triggers), then per iteration `runner._check_atomic_services()` (claims the atomic-service slot through
  the orchestrator and calls `app.trigger.trigger_loop_iteration(atomic_service_run)`) and
  `runner.runner_loop_iteration()` (the ThreadRunner takes invocations from the broker and runs each in a thread;
  `DistributedInvocation.run` reports status, result and exception to the trigger through the orchestrator).
  The only change from a daemon runner is who calls the loop: this script, until the flow is quiet, joining the
  task threads between iterations so the run is deterministic.
- cron: nothing is patched and no clock is moved. BaseTrigger._should_trigger_cron_condition claims a cron
  condition that has no last execution (none cached, none stored) without evaluating its schedule, so on a fresh
  store every cron condition fires in the first trigger-loop iteration: "* * * * *" here, and pynenc's own
  recovery tasks ("*/5 * * * *", "*/15 * * * *"). The claim stores the last execution; later iterations (well
  within min_interval_seconds=50) evaluate the schedule and do not fire again.

Reply (stdout, JSON): every stored EventRecord and TriggerRunRecord text exactly as stored (SQLite columns
event_json / trigger_run_json; Redis string keys), the event -> invocation link index, what `get_event`
rehydrates, the storage names pynenc used, and a summary of the flow.
"""
import contextlib
import json
import logging
import sys
import threading
import time
from datetime import timedelta

from pynenc import PynencBuilder, context
from pynenc.invocation.status import InvocationStatus
from pynenc.trigger.trigger_builder import TriggerBuilder

# The condition of on_cron("* * * * *") (CronCondition.condition_id).
CRON_CONDITION_ID = "cron_* * * * *"
# Upper bound of runner loop iterations; the flow is quiet after about five.
MAX_ITERATIONS = 30
QUIET_ITERATIONS = 2


# --- the application's task functions (module level, as pynenc requires) -------------------------------------------

def produce(x: int) -> int:
    """A source task: emits an event from inside a running invocation, returns 2x."""
    # DistributedInvocation.run sets the running app in pynenc's context.
    context.get_current_app().trigger.emit_event("produce.done", {"x": x})
    return x * 2


def fail(x: int) -> int:
    """A source task that raises: its ExceptionContext feeds on_exception conditions."""
    raise ValueError(f"bad input {x}")


def on_order() -> str:
    return "order handled"


def after_produce() -> str:
    return "after produce"


def on_six() -> str:
    return "result was six"


def on_failure() -> str:
    return "failure handled"


def tick() -> str:
    return "tick"


def order_and_produced() -> str:
    return "order and produce"


def payment_or_failure() -> str:
    return "payment or failure"


def cron_and_deploy() -> str:
    return "cron and deploy"


def build_app(request):
    builder = PynencBuilder().app_id(request["app_id"])
    if request["backend"] == "sqlite":
        builder = builder.sqlite(request["sqlite_db_path"])
    elif request["backend"] == "redis":
        # pynenc_redis 0.3.0 does not fit pynenc 0.4.0 everywhere: RedisBroker lacks the abstract
        # BaseBroker._route_invocation(s) (it cannot be instantiated) and RedisOrchestrator's
        # register_runner_heartbeats refuses the consumed_queues argument the atomic-service claim passes.
        # So the queue and the orchestrator are pynenc's in-memory ones (one process, a ThreadRunner); the
        # trigger, state backend and client data store are pynenc_redis's.
        builder = builder.redis(url=request["redis_url"]).custom_config(
            broker_cls="MemBroker", orchestrator_cls="MemOrchestrator"
        )
    else:
        raise ValueError(f"unknown backend {request['backend']!r}")
    app = (
        builder.thread_runner(min_threads=1, max_threads=4)
        .runner_tuning(runner_loop_sleep_time_sec=0.01, invocation_wait_results_sleep_time_sec=0.01)
        .logging(level="warning", stream="stderr", colors=False)
        .custom_config(
            # Check for the atomic-service slot every 6 ms, i.e. on every loop iteration (default: every 30 s;
            # 0 is refused by validate_atomic_service_config), and let a single runner start anywhere in its
            # slot (default: a run more than half of the 5-minute slot late is skipped as a late start).
            atomic_service_check_interval_minutes=0.0001,
            atomic_service_max_start_slot_fraction=1.0,
        )
        .build()
    )
    t_produce = app.task(produce)
    t_fail = app.task(fail)
    app.task(on_order, triggers=TriggerBuilder().on_event("order.created", {"region": "eu"}))
    app.task(after_produce, triggers=TriggerBuilder().on_status(t_produce, InvocationStatus.SUCCESS))
    app.task(on_six, triggers=TriggerBuilder().on_result(t_produce, 6))
    app.task(on_failure, triggers=TriggerBuilder().on_exception(t_fail, "ValueError"))
    app.task(tick, triggers=TriggerBuilder().on_cron("* * * * *"))
    app.task(
        order_and_produced,
        triggers=TriggerBuilder().on_event("order.created").on_status(t_produce, "success").with_logic("and"),
    )
    app.task(
        payment_or_failure,
        triggers=TriggerBuilder().on_event("payment.failed").on_exception(t_fail).with_logic("or"),
    )
    app.task(cron_and_deploy, triggers=TriggerBuilder().on_cron("* * * * *").on_event("deploy").with_logic("and"))
    return app, t_produce, t_fail


class ErrorLog(logging.Handler):
    """Collects what pynenc logs at ERROR and above: monitoring writes that fail are logged and swallowed."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        exc = record.exc_info[1] if record.exc_info else None
        self.records.append({
            "logger": record.name,
            "message": record.getMessage(),
            "exception_type": type(exc).__name__ if exc else None,
            "exception_message": str(exc) if exc else None,
        })


def join_task_threads(runner):
    for info in list(runner.threads.values()):
        info.thread.join(timeout=30)


def pending_work(app):
    """Invocations not final yet, and valid conditions the trigger loop has not consumed."""
    pending = 0
    for task in list(app.tasks.values()):
        for invocation_id in app.orchestrator.get_existing_invocations(task):
            if not app.orchestrator.get_invocation_status(invocation_id).is_final():
                pending += 1
    return pending, len(app.trigger.get_valid_conditions())


def run_until_quiet(app, runner):
    """BaseRunner.run()'s loop body, one iteration at a time, until nothing is pending twice in a row."""
    iterations = 0
    quiet = 0
    pending = valid = -1
    while iterations < MAX_ITERATIONS and quiet < QUIET_ITERATIONS:
        iterations += 1
        runner._report_child_runner_heartbeats()
        runner._check_atomic_services()
        runner.runner_loop_iteration()
        join_task_threads(runner)
        pending, valid = pending_work(app)
        quiet = quiet + 1 if pending == 0 and valid == 0 else 0
    return {"iterations": iterations, "pending_invocations": pending, "valid_conditions_left": valid}


def make_cron_due_again(app, condition_id):
    """Move the cron condition's last execution two minutes back, in storage and in the trigger's local cache.

    Through pynenc's own optimistic write (store_last_cron_execution with the expected current value) and the
    cache _should_trigger_cron_condition reads first. The next trigger-loop iteration then evaluates the
    schedule (CronCondition._is_satisfied_by with last_execution): more than min_interval_seconds since the
    last run, the next scheduled minute after it has passed, and "* * * * *" is always within the 60 s check
    window, so the condition fires on its schedule, not as a first run.
    """
    trigger = app.trigger
    stored = trigger.get_last_cron_execution(condition_id)
    earlier = stored - timedelta(minutes=2)
    if not trigger.store_last_cron_execution(condition_id, earlier, expected_last_execution=stored):
        raise RuntimeError(f"could not move the last execution of {condition_id} back")
    trigger._last_cron_execution_cache[condition_id] = earlier
    return {"condition_id": condition_id, "last_execution": stored.isoformat(), "moved_to": earlier.isoformat()}


def run_flow(app, t_produce, t_fail):
    from pynenc.runner.thread_runner import ThreadRunner

    runner = ThreadRunner(app)
    context.set_current_runner(app.app_id, runner)
    runner.on_start()
    try:
        # Events from outside any task: one the on_event filter accepts, one nothing listens to, and the
        # events the composite triggers wait for.
        app.trigger.emit_event("order.created", {"region": "eu", "amount": 10})
        app.trigger.emit_event("order.created", {"region": "us", "amount": 7})
        app.trigger.emit_event("nobody.listens", {"note": "unmatched"})
        app.trigger.emit_event("payment.failed", {"order": 1})
        app.trigger.emit_event("deploy", {"version": "1.2.3"})
        t_produce(3)
        t_fail(1)
        first = run_until_quiet(app, runner)
        # Second phase: the "* * * * *" condition fires again on its schedule (see make_cron_due_again), with a
        # new "deploy" event for the cron AND event trigger.
        cron = make_cron_due_again(app, CRON_CONDITION_ID)
        app.trigger.emit_event("deploy", {"version": "1.2.4"})
        second = run_until_quiet(app, runner)
        return {
            "iterations": first["iterations"] + second["iterations"],
            "pending_invocations": second["pending_invocations"],
            "valid_conditions_left": second["valid_conditions_left"],
            "cron_rewound": cron,
        }
    finally:
        runner.on_stop()
        context.clear_current_runner(app.app_id)


# --- reading back what pynenc stored --------------------------------------------------------------------------------

def read_sqlite(app):
    from pynenc.util.sqlite_utils import create_sqlite_connection

    t = app.trigger.tables
    with create_sqlite_connection(app.trigger.sqlite_db_path) as conn:
        events = [
            {"key": row[0], "text": row[1]}
            for row in conn.execute(f"SELECT event_id, event_json FROM {t.EVENTS} ORDER BY event_timestamp, event_id")
        ]
        runs = [
            {"key": row[0], "text": row[1]}
            for row in conn.execute(
                f"SELECT trigger_run_id, trigger_run_json FROM {t.TRIGGER_RUNS} ORDER BY executed_at, trigger_run_id"
            )
        ]
        links = [
            {"event_id": row[0], "invocation_id": row[1], "trigger_run_id": row[2]}
            for row in conn.execute(
                f"SELECT event_id, invocation_id, trigger_run_id FROM {t.EVENT_TRIGGERED_INVOCATIONS} "
                "ORDER BY linked_at"
            )
        ]
        participant_rows = [
            dict(zip(("trigger_run_id", "context_type", "condition_id", "valid_condition_id", "event_id",
                      "source_invocation_id"), row))
            for row in conn.execute(
                f"SELECT trigger_run_id, context_type, condition_id, valid_condition_id, event_id, "
                f"source_invocation_id FROM {t.TRIGGER_RUN_CONDITIONS} ORDER BY rowid"
            )
        ]
        event_rows = [
            dict(zip(("event_id", "event_timestamp", "matched_condition_count", "triggered_invocation_count"), row))
            for row in conn.execute(
                f"SELECT event_id, event_timestamp, matched_condition_count, triggered_invocation_count "
                f"FROM {t.EVENTS} ORDER BY event_timestamp, event_id"
            )
        ]
        schema_version = [list(row) for row in conn.execute(f"SELECT key, value FROM {t.SCHEMA_VERSION}")]
        tables = sorted(
            row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE ?", (f"{t.table_prefix}%",)
            )
        )
        columns = {
            name: [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
            for name in (t.EVENTS, t.TRIGGER_RUNS, t.EVENT_TRIGGERED_INVOCATIONS, t.TRIGGER_RUN_CONDITIONS)
        }
    storage = {
        "table_prefix": t.table_prefix,
        "tables": tables,
        "columns": columns,
        "schema_version": schema_version,
        "participant_rows": participant_rows,
        "event_rows": event_rows,
    }
    return events, runs, links, storage


def read_redis(app):
    trigger = app.trigger
    client = trigger.client
    key = trigger.key

    def texts(pattern_key, strip):
        out = []
        for raw_key in sorted(client.scan_iter(pattern_key + "*", count=1000)):
            name = raw_key.decode()
            out.append({"key": name[len(strip):], "redis_key": name, "type": client.type(raw_key).decode(),
                        "text": client.get(raw_key).decode("utf-8")})
        return out

    events = texts(key.event_hash(""), key.event_hash(""))
    runs = texts(key.trigger_run_hash(""), key.trigger_run_hash(""))
    links = []
    for event in events:
        for inv in client.lrange(key.event_triggered_invocations(event["key"]), 0, -1):
            links.append({"event_id": event["key"], "invocation_id": inv.decode(), "trigger_run_id": None})
    kinds = {}
    for raw_key in client.scan_iter(key.prefix + "*", count=1000):
        name = raw_key.decode()
        kinds.setdefault(name[len(key.prefix):].split(":")[0], name)
    storage = {"key_prefix": key.prefix, "key_kinds": {kind: kinds[kind] for kind in sorted(kinds)}}
    return events, runs, links, storage


def main():
    request = json.load(sys.stdin)
    real_stdout = sys.stdout
    # pynenc and the task threads may print; the reply alone goes to stdout.
    with contextlib.redirect_stdout(sys.stderr):
        app, t_produce, t_fail = build_app(request)
        errors = ErrorLog()
        app.logger.addHandler(errors)
        started = time.monotonic()
        summary = run_flow(app, t_produce, t_fail)
        summary["seconds"] = round(time.monotonic() - started, 3)
        if request["backend"] == "sqlite":
            events, runs, links, storage = read_sqlite(app)
        else:
            events, runs, links, storage = read_redis(app)
        rehydrated = {}
        for event in events:
            # BaseTrigger.get_event: the stored record with triggered_invocation_ids from the link index.
            record = app.trigger.get_event(event["key"])
            rehydrated[event["key"]] = {"triggered_invocation_ids": list(record.triggered_invocation_ids),
                                        "text": record.to_json(app)}
        summary["errors_logged"] = errors.records
        summary["threads_alive"] = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    reply = {
        "pynenc_trigger_class": type(app.trigger).__name__,
        "app_id": app.app_id,
        "events": events,
        "trigger_runs": runs,
        "links": links,
        "rehydrated": rehydrated,
        "storage": storage,
        "summary": summary,
    }
    real_stdout.write(json.dumps(reply))
    real_stdout.flush()


if __name__ == "__main__":
    # pynenc refuses tasks of the __main__ module (workers must import them by name): run as the module
    # real_flow (this directory is sys.path[0]), so the task ids are real_flow.<function>.
    import real_flow

    real_flow.main()
