"""Oracle for test/consistency: records written by the real pynenc, through its own code paths.

Nothing here builds a record by hand. For each random scenario the oracle registers real triggers
(TriggerBuilder: event, status, result, exception and cron conditions, AND or OR), then plays a random
sequence of real actions on a real app (consistency_tasks.py):
  - route a source task and run it (DistributedInvocation.run): the orchestrator reports its statuses,
    its result or its exception to the trigger; the task body may emit events (emitted_by_* set);
  - emit an event from outside any task (BaseTrigger.emit_event);
  - report a status of an existing invocation (BaseTrigger.report_tasks_status, as orchestrators do),
    which reaches every InvocationStatus;
  - check the cron conditions at a chosen UTC instant (BaseTrigger.check_time_based_triggers);
  - run one trigger loop iteration (BaseTrigger.trigger_loop_iteration with an AtomicServiceRun): it
    claims runs, calls the target task and stores the TriggerRunRecord that _build_trigger_run_record
    and _build_run_participants make.
Then it reads back every trigger run, every event and a few event-marker pages from the trigger backend.

Request on stdin: {"seed": int, "scenarios": int, "store": "memory" | "sqlite" | "redis",
                   "sqlite_db_path"?: str, "redis_url"?: str}  (the app: pynenc_app.build_app, PynencBuilder)
Reply on stdout: {"trigger_runs": [TriggerRunRecord.to_json()], "events": [EventRecord.to_json(app)],
                  "marker_pages": [EventMarkerPage as JSON], "figures": {what was covered: counts},
                  "status_names": [every InvocationStatus name]}
EventMarkerPage has no JSON form in pynenc; it is written here from the dataclass fields, in their order,
timestamps by isoformat() (the contract's form).
"""
import dataclasses
import itertools
import json
import os
import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from pynenc_app import serve


def page_json(page):
    """An EventMarkerPage as JSON: dataclass fields in order, datetimes by isoformat()."""

    def plain(obj):
        out = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, datetime):
                value = value.isoformat()
            elif isinstance(value, list):
                value = [plain(v) for v in value]
            out[f.name] = value
        return out

    return json.dumps(plain(page))


def play(request):
    app_args = {"app_id": f"consistency-oracle-{request['seed']}", "store": request.get("store", "memory")}
    for key in ("sqlite_db_path", "redis_url"):
        if request.get(key):
            app_args[key] = request[key]
    if app_args["store"] == "redis":
        # pynenc_redis 0.3.0's RedisBroker lacks methods pynenc 0.4.0's BaseBroker made abstract (as in
        # real_flow.py): broker and orchestrator in memory; trigger, state backend, client data store Redis.
        app_args.update(broker_cls="MemBroker", orchestrator_cls="MemOrchestrator")
    os.environ["CONSISTENCY_ORACLE_APP"] = json.dumps({**app_args, "logging_level": "critical"})

    from pynenc import context as ctx_mod
    from pynenc.invocation.status import InvocationStatus
    from pynenc.orchestrator.atomic_service import AtomicServiceRun
    from pynenc.trigger.trigger_builder import TriggerBuilder

    from consistency_tasks import EXCEPTIONS, SOURCES, TARGETS, app

    rng = random.Random(request["seed"])
    trigger = app.trigger
    runner_ctx = ctx_mod.get_or_create_runner_context(app.app_id)
    codes = ["order.created", "order.paid", "inner.code"]
    exception_names = list(EXCEPTIONS)
    statuses = list(InvocationStatus)
    window = (datetime.now(UTC) - timedelta(days=400), datetime.now(UTC) + timedelta(days=400))
    runs, events, pages = [], [], []
    figures = Counter()

    def random_condition(builder):
        kind = rng.choice(["event", "event", "status", "result", "exception", "cron"])
        figures[f"condition:{kind}"] += 1
        src = rng.choice(SOURCES)
        if kind == "event":
            payload_filter = rng.choice([None, None, {"x": rng.randint(0, 3)}])
            builder.on_event(rng.choice(codes), payload_filter)
        elif kind == "status":
            builder.on_status(src, rng.sample(statuses, rng.randint(1, len(statuses))))
        elif kind == "result":
            if rng.random() < 0.7:
                builder.on_any_result(src)
            else:
                builder.on_result(src, rng.randint(0, 3))
        elif kind == "exception":
            builder.on_exception(src, rng.choice([None, rng.sample(exception_names, rng.randint(1, 2))]))
        else:
            builder.on_cron(rng.choice(["* * * * *", "*/5 * * * *", "0 * * * *"]))

    def register_triggers():
        for target in rng.sample(TARGETS, rng.randint(1, len(TARGETS))):
            builder = TriggerBuilder()
            if rng.random() < 0.25:
                # one source answering two conditions: AND runs pick a coherent source
                src = rng.choice(SOURCES)
                builder.on_status(src, [InvocationStatus.SUCCESS]).on_any_result(src)
            for _ in range(rng.randint(1, 3)):
                random_condition(builder)
            builder.with_logic(rng.choice(["and", "or"]))
            trigger.register_task_triggers(target, builder)

    invocations = []
    status_turn = itertools.cycle(statuses)

    def run_source():
        src = rng.choice(SOURCES)
        emit = rng.sample(codes, rng.randint(0, 2))
        fail = rng.choice(["", "", ""] + exception_names)
        inv = src(rng.randint(0, 3), emit, fail)
        invocations.append(inv)
        app.orchestrator.set_invocation_status(inv.invocation_id, InvocationStatus.PENDING, runner_ctx)
        try:
            inv.run(runner_ctx)
        except Exception as error:  # the task raised as told; the orchestrator has reported it
            if type(error).__name__ != fail:
                raise

    def emit_outside():
        trigger.emit_event(rng.choice(codes), {"x": rng.randint(0, 3), "note": rng.choice(["a", "b"])})

    def report_status():
        if invocations:
            # every status in turn, so that each one's summary and context id are seen
            trigger.report_tasks_status([rng.choice(invocations).invocation_id], next(status_turn))

    def check_cron():
        minute = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 500_000))
        instant = minute + timedelta(microseconds=rng.choice([0, rng.randint(1, 59_999_999)]))
        trigger.check_time_based_triggers(instant, atomic_service_run=new_service_run())

    def new_service_run():
        return AtomicServiceRun(runner_id=f"runner-{rng.randint(0, 2)}")

    def loop():
        trigger.trigger_loop_iteration(new_service_run())

    actions = [run_source] * 3 + [emit_outside] * 2 + [report_status] * 2 + [check_cron, loop]
    for _ in range(request["scenarios"]):
        trigger.purge()
        invocations.clear()
        register_triggers()
        for _ in range(rng.randint(4, 24)):
            rng.choice(actions)()
        loop()
        scenario_runs = trigger.get_trigger_runs_in_timerange(*window)
        runs.extend(r.to_json() for r in scenario_runs)
        scenario_events = trigger.get_events(limit=10_000)
        events.extend(e.to_json(app) for e in scenario_events)
        for _ in range(2):
            limit = rng.randint(1, 4)
            offset = rng.randint(0, max(0, len(scenario_events) - 1))
            state = rng.choice(["all", "matched", "unmatched", "triggered", "untriggered"])
            page = trigger.get_event_markers_in_timerange(*window, state=state, limit=limit, offset=offset)
            pages.append(page_json(page))
            figures["marker pages with 2+ markers"] += len(page.markers) >= 2
            figures["truncated marker pages"] += page.truncated
        for run in scenario_runs:
            figures[f"logic:{run.logic_value}"] += 1
            figures[f"participants:{len(run.participants)}"] += 1
            for p in run.participants:
                figures[f"context:{p.context_type}"] += 1
                if p.context_summary.startswith("status:"):
                    figures[f"status:{p.context_summary.split()[0][7:]}"] += 1
            if len(set(run.event_ids)) < len(run.event_ids) or len(set(run.condition_ids)) < len(run.condition_ids):
                figures["runs with a repeated event or condition id"] += 1
    figures["trigger_runs"] = len(runs)
    figures["events"] = len(events)
    figures["matched events"] = sum(1 for e in events if json.loads(e)["matched_condition_ids"])
    figures["events emitted inside a task"] = sum(1 for e in events if json.loads(e)["emitted_by_invocation_id"])
    figures[f"trigger class {type(trigger).__name__}"] = 1
    return {
        "trigger_runs": runs,
        "events": events,
        "marker_pages": pages,
        "figures": dict(figures),
        "status_names": [s.name for s in statuses],
    }


if __name__ == "__main__":
    serve(play)
