"""Oracle for the monitoring readers (test/monitoring): pynenc's own trigger backends write and answer.

Runs with the Python of .venv. A real `Pynenc` app (PynencBuilder, see pynenc_app.py) with pynenc's SQLiteTrigger on
a given file, or pynenc_redis's RedisTrigger on a given Redis URL, writes a seeded randomized data set through
pynenc's monitoring API (`emit_event`, `store_event`, `store_trigger_run`, `link_trigger_run_to_events`), then
answers a grid of queries with the backend's own read methods. Nothing here models pynenc: the answers are what
`app.trigger.<method>(...)` returns, written as `to_json` texts and isoformat timestamps.

Usage: monitoring_oracle.py, one JSON request on stdin, one JSON answer on stdout.

  {"op": "seed_and_query", "backend": "sqlite"|"redis", "path"?: file, "redis_url"?: url, "app_id": id,
   "seed": int, "events": int, "runs": int, "emits": int}
      -> {"queries": [{"id", "method", "args", "kwargs"}], "answers": {id: answer}, "info": {...}}
  {"op": "query", ...same target..., "queries": [...]}        -> {"answers": {...}}
  {"op": "write", ...target..., "seed", "events", "runs", "emits", "with_queries"?}
      -> {"info": {...}, "queries": [...] (when with_queries, else [])} (no answers)
  {"op": "timestamps", "floats": [x...], "isos": [text...]}
      -> {"fromtimestamp": [datetime.fromtimestamp(x, tz=UTC).isoformat()],
          "seconds": [datetime.fromisoformat(t).timestamp()], "scores": [... * 1000.0]}
  {"op": "writer", ...target..., "seed", "batches", "batch"}  -> writes batches of events + runs, printing one
      line per committed batch on stderr ("batch <n> <event ids...>"), for the concurrent-reader test.

Answers: EventRecord / TriggerRunRecord as `to_json` text (EventRecord.to_json(app)), markers as dicts with
`timestamp.isoformat()`, dict results (batches) as [[key, value|None], ...] in dict order.
"""

import random
import sys
from datetime import UTC, datetime, timedelta, timezone

from pynenc_app import build_app, serve
from pynenc.trigger.monitoring import EventRecord, TriggerRunParticipant, TriggerRunRecord

T0 = datetime(2026, 1, 1, tzinfo=UTC)
CODES = ["order.created", "order.paid", "user.signup", "ünïcode.évent", "z"]
TASKS = ["app.tasks.alpha", "app.tasks.beta", "app.tasks.gamma", "app.tasks.delta"]
CONTEXT_TYPES = ["EventContext", "StatusContext", "ResultContext", "ExceptionContext", "CronContext"]


def app_for(req):
    if req["backend"] == "sqlite":
        return build_app(req["app_id"], store="sqlite", sqlite_db_path=req["path"])
    if req["backend"] == "redis":
        return build_app(req["app_id"], store="redis", redis_url=req["redis_url"])
    raise ValueError(f"unknown backend {req['backend']!r}")


def iso(dt):
    return dt.isoformat() if dt is not None else None


class DataSet:
    """A seeded randomized data set, written through pynenc's trigger API."""

    def __init__(self, app, seed):
        self.app = app
        self.t = app.trigger
        self.rnd = random.Random(seed)
        self.seed = seed
        self.events = []  # EventRecord as stored
        self.runs = []
        self.invocations = [f"inv-{seed}-{i}" for i in range(40)]
        self.emitters = [f"emitter-{i}" for i in range(12)]
        self.conditions = [f"cond-{i}" for i in range(15)]
        self.valid_conditions = [f"vc-{i}" for i in range(30)]
        self.timestamps = []

    def timestamp(self):
        r = self.rnd.random()
        if self.timestamps and r < 0.12:
            return self.rnd.choice(self.timestamps)  # equal timestamps
        micros = self.rnd.randrange(0, 2 * 3600 * 10**6)
        if r < 0.2:
            micros -= micros % 10**6  # whole seconds (no fraction in isoformat)
        elif r < 0.25:
            micros -= micros % 1000
        ts = T0 + timedelta(microseconds=micros)
        if r > 0.93:
            ts = ts.astimezone(timezone(timedelta(hours=self.rnd.choice([2, -5, 5.5]))))  # another offset
        self.timestamps.append(ts)
        return ts

    def write_events(self, n, emits):
        rnd = self.rnd
        for i in range(len(self.events), len(self.events) + n):
            code = rnd.choice(CODES)
            matched = rnd.random() < 0.4
            conds = rnd.sample(self.conditions, rnd.randint(1, 3)) if matched else []
            payload = {"n": i, "code": code}
            if rnd.random() < 0.1:
                payload["blob"] = "x" * 1500 + str(i)  # above min_size_to_cache: stored by reference
            if rnd.random() < 0.2:
                payload["items"] = [rnd.random(), {"k": "v", "t": (1, 2)}]
            emitted = rnd.random() < 0.35
            legacy = [] if rnd.random() > 0.03 else rnd.sample(self.invocations, 2)  # legacy seeded links
            record = EventRecord(
                event_id=f"evt-{self.seed}-{i:05d}",
                event_code=code,
                payload=payload,
                timestamp=self.timestamp(),
                matched_condition_ids=conds,
                valid_condition_ids=[rnd.choice(self.valid_conditions) for _ in conds],
                triggered_invocation_ids=legacy,
                emitted_by_invocation_id=rnd.choice(self.invocations[:15]) if emitted else None,
                emitted_by_task_id=rnd.choice(TASKS) if emitted else None,
                emitted_by_runner_context_id=f"runner-{rnd.randrange(3)}" if emitted and rnd.random() < 0.7 else None,
            )
            self.t.store_event(record)
            self.events.append(record)
        for i in range(emits):
            code = rnd.choice(CODES)
            event_id = self.t.emit_event(code, {"emitted": i})
            self.events.append(self.t.get_event(event_id))

    def write_runs(self, n):
        rnd = self.rnd
        for i in range(len(self.runs), len(self.runs) + n):
            events = rnd.sample(self.events, rnd.randint(0, 3)) if self.events else []
            sources = rnd.sample(self.invocations, rnd.randint(0, 2))
            claimed = T0 + timedelta(microseconds=rnd.randrange(0, 2 * 3600 * 10**6))
            if self.runs and rnd.random() < 0.1:
                claimed = self.runs[-1].claimed_at  # equal times
            executed = None if rnd.random() < 0.08 else claimed + timedelta(microseconds=rnd.randrange(0, 5 * 10**6))
            if executed is not None and self.runs and rnd.random() < 0.08 and self.runs[-1].executed_at:
                executed = self.runs[-1].executed_at
            vcs = [rnd.choice(self.valid_conditions) for _ in range(rnd.randint(0, 2))]
            participants = []
            if rnd.random() < 0.85:
                for e in events:
                    participants.append(
                        TriggerRunParticipant(
                            context_type="EventContext",
                            condition_id=rnd.choice(self.conditions),
                            valid_condition_id=rnd.choice(self.valid_conditions),
                            event_id=e.event_id,
                            context_timestamp=e.timestamp,
                            context_summary=f"event {e.event_code}",
                        )
                    )
                for s in sources:
                    participants.append(
                        TriggerRunParticipant(
                            context_type=rnd.choice(CONTEXT_TYPES[1:4]),
                            condition_id=rnd.choice(self.conditions),
                            valid_condition_id=rnd.choice(self.valid_conditions),
                            source_invocation_id=s,
                        )
                    )
            triggered = rnd.choice(self.invocations) if rnd.random() < 0.9 else None
            run = TriggerRunRecord(
                trigger_run_id=f"run-{self.seed}-{i:04d}",
                trigger_id=f"trigger-{rnd.randrange(8)}",
                task_id_key=rnd.choice(TASKS),
                logic_value=rnd.choice(["and", "or"]),
                valid_condition_ids=vcs,
                condition_ids=[rnd.choice(self.conditions) for _ in vcs],
                event_ids=[e.event_id for e in events],
                source_invocation_ids=sources,
                triggered_invocation_id=triggered,
                arguments_preview={"a": i} if rnd.random() < 0.2 else {},
                claimed_at=claimed,
                executed_at=executed,
                participants=participants,
                atomic_service_run_id=f"asr-{i}" if rnd.random() < 0.1 else None,
            )
            self.t.store_trigger_run(run)
            if triggered and events:
                self.t.link_trigger_run_to_events(
                    [e.event_id for e in events], triggered, trigger_run_id=run.trigger_run_id
                )
            self.runs.append(run)

    def info(self):
        stamps = sorted(self.timestamps)
        return {
            "events": len(self.events),
            "runs": len(self.runs),
            "first": iso(stamps[0]) if stamps else None,
            "last": iso(stamps[-1]) if stamps else None,
        }

    # ── the query grid ───────────────────────────────────────────────
    def queries(self):
        rnd = random.Random(self.seed + 1)
        out = []

        def q(method, *args, **kwargs):
            out.append({"id": f"q{len(out):04d}", "method": method, "args": list(args), "kwargs": kwargs})

        stamps = sorted(self.timestamps, key=lambda d: d.timestamp())
        first, last = stamps[0], stamps[-1]
        dup = next((a for a, b in zip(stamps, stamps[1:]) if a == b), stamps[len(stamps) // 2])
        windows = [
            (first, last),  # the whole data set, both edges on events
            (stamps[len(stamps) // 4], stamps[len(stamps) // 2]),  # edges exactly on events
            (dup, dup),  # one instant holding several events
            (last, first),  # empty: start after end
            (first - timedelta(days=1), first - timedelta(microseconds=1)),  # empty: before everything
            (stamps[10] + timedelta(microseconds=1), stamps[200] - timedelta(microseconds=1)),  # just inside edges
            (stamps[5].astimezone(timezone(timedelta(hours=-3))), stamps[300]),  # a bound at another offset
        ]
        ids = [e.event_id for e in self.events]
        event_ids = rnd.sample(ids, 15) + ["missing-event"]
        event_ids += [e.event_id for e in self.events if e.triggered_invocation_ids][:3]
        linked = [eid for r in self.runs if r.triggered_invocation_id for eid in r.event_ids][:10]
        for eid in event_ids + linked:
            q("get_event", eid)
            q("get_invocations_triggered_by_event", eid)
        q("list_event_codes")
        q("get_events")
        q("count_events")
        for code in CODES + ["no-such-code"]:
            q("get_events", event_code=code, limit=50)
            q("count_events", event_code=code)
        for start, end in windows:
            for code in [None, rnd.choice(CODES)]:
                kw = {"start_time": iso(start), "end_time": iso(end)}
                if code:
                    kw["event_code"] = code
                q("get_events", limit=1000, **kw)
                q("count_events", **kw)
                for state in ["all", "matched", "unmatched", "triggered", "untriggered"]:
                    extra = {"event_code": code} if code else {}
                    q("get_event_markers_in_timerange", iso(start), iso(end), state=state, **extra)
                for limit, offset in [(1, 0), (7, 3), (100, 0), (50, 40), (10, 100000), (0, 0)]:
                    q("get_event_markers_in_timerange", iso(start), iso(end), limit=limit, offset=offset)
        q("get_event_markers_in_timerange", iso(first), iso(last), limit=100000)
        for flag in [True, False]:
            q("get_events", matched=flag, limit=60)
            q("count_events", matched=flag)
            q("get_events", triggered=flag, limit=60)
            q("count_events", triggered=flag)
            q("get_events", matched=flag, triggered=not flag, start_time=iso(windows[1][0]), limit=500)
        for inv in self.invocations[:6]:
            q("get_events", emitted_by_invocation_id=inv)
            q("count_events", emitted_by_invocation_id=inv)
            q("get_events_emitted_by_invocation", inv)
            q("get_events_emitted_by_invocation", inv, limit=2, offset=1)
        for task in TASKS[:2]:
            q("get_events", emitted_by_task_id=task, limit=20, offset=5)
            q("count_events", emitted_by_task_id=task, end_time=iso(windows[1][1]))
        for limit, offset in [(0, 0), (1, 0), (13, 17), (100, len(ids) - 5), (10, len(ids) + 10)]:
            q("get_events", limit=limit, offset=offset)
        q("get_events_batch", event_ids[:8] + [event_ids[0], "missing-event"])
        q("get_events_batch", [])
        run_ids = [r.trigger_run_id for r in self.runs]
        for rid in rnd.sample(run_ids, 10) + ["missing-run"]:
            q("get_trigger_run", rid)
        for eid in linked[:8] + event_ids[:4]:
            q("get_trigger_runs_for_event", eid)
        for inv in self.invocations[:10] + ["missing-inv"]:
            q("get_trigger_runs_for_invocation", inv)
            q("get_trigger_runs_sourced_by_invocation", inv)
        for vc in self.valid_conditions[:10] + ["missing-vc"]:
            q("get_trigger_runs_for_valid_condition", vc)
        run_times = sorted(r.executed_at for r in self.runs if r.executed_at)
        run_windows = [
            (run_times[0], run_times[-1]),
            (run_times[20], run_times[120]),
            (run_times[-1], run_times[0]),
        ]
        for start, end in run_windows:
            q("get_trigger_runs_in_timerange", iso(start), iso(end))
            q("get_trigger_runs_in_timerange", iso(start), iso(end), limit=15)
            q("get_trigger_runs_in_timerange", iso(start), iso(end), task_id_key=TASKS[1])
            q("get_trigger_runs_in_timerange", iso(start), iso(end), event_code=CODES[0], limit=20)
        q("get_trigger_runs_batch", rnd.sample(run_ids, 12) + ["missing-run", run_ids[0]])
        return out


def answer(app, query):
    t = app.trigger
    method = query["method"]
    args = list(query["args"])
    kwargs = dict(query["kwargs"])
    for key in ("start_time", "end_time"):
        if kwargs.get(key) is not None:
            kwargs[key] = datetime.fromisoformat(kwargs[key])
    if method in ("get_event_markers_in_timerange", "get_trigger_runs_in_timerange"):
        args[0] = datetime.fromisoformat(args[0])
        args[1] = datetime.fromisoformat(args[1])
    result = getattr(t, method)(*args, **kwargs)
    return encode(app, result)


def encode(app, value):
    if isinstance(value, EventRecord):
        return value.to_json(app)
    if isinstance(value, TriggerRunRecord):
        return value.to_json()
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, list):
        return [encode(app, v) for v in value]
    if isinstance(value, dict):
        return [[k, encode(app, v)] for k, v in value.items()]
    if type(value).__name__ == "EventMarkerPage":
        return {
            "markers": [
                {
                    "event_id": m.event_id,
                    "event_code": m.event_code,
                    "timestamp": m.timestamp.isoformat(),
                    "matched": m.matched,
                    "triggered": m.triggered,
                    "emitted_by_invocation_id": m.emitted_by_invocation_id,
                    "emitted_by_runner_context_id": m.emitted_by_runner_context_id,
                }
                for m in value.markers
            ],
            "total": value.total,
            "truncated": value.truncated,
        }
    raise TypeError(f"cannot encode {type(value).__name__}")


def answers(app, queries):
    out = {}
    for query in queries:
        try:
            out[query["id"]] = {"ok": answer(app, query)}
        except Exception as exc:  # the TS side expects a typed error where Python raises
            out[query["id"]] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


def write(req):
    app = app_for(req)
    data = DataSet(app, req["seed"])
    data.write_events(req["events"], req.get("emits", 0))
    data.write_runs(req["runs"])
    return app, data


def writer(req):
    """Writes `batches` batches of `batch` events (each a store then a matched re-store) and one run per batch."""
    app = app_for(req)
    data = DataSet(app, req["seed"])
    for b in range(req["batches"]):
        start = len(data.events)
        data.write_events(req["batch"], 0)
        ids = [e.event_id for e in data.events[start:]]
        for e in data.events[start:]:  # the double write of a matched event, as emit_event does
            if not e.matched_condition_ids:
                e.matched_condition_ids = ["late-cond"]
                e.valid_condition_ids = ["late-vc"]
                app.trigger.store_event(e)
        data.write_runs(1)
        print("batch", b, *ids, file=sys.stderr, flush=True)
    return {"events": len(data.events)}


def handle(req):
    op = req["op"]
    if op == "timestamps":
        return {
            "fromtimestamp": [datetime.fromtimestamp(x, tz=UTC).isoformat() for x in req.get("floats", [])],
            "seconds": [datetime.fromisoformat(t).timestamp() for t in req.get("isos", [])],
            "scores": [datetime.fromisoformat(t).timestamp() * 1000.0 for t in req.get("isos", [])],
        }
    if op == "seed_and_query":
        app, data = write(req)
        queries = data.queries()
        return {"queries": queries, "answers": answers(app, queries), "info": data.info()}
    if op == "write":
        _, data = write(req)
        return {"info": data.info(), "queries": data.queries() if req.get("with_queries") else []}
    if op == "query":
        return {"answers": answers(app_for(req), req["queries"])}
    if op == "writer":
        return writer(req)
    raise ValueError(f"unknown op {op!r}")


if __name__ == "__main__":
    serve(handle)
