"""The Python side of bench/monitoring.bench.ts: writes the bench store through pynenc's trigger API, then times
pynenc's own monitoring methods on it (time.perf_counter), for the TypeScript readers to be compared with.

Runs with the Python of .venv. One JSON request on stdin, one JSON answer on stdout (pynenc_app.serve).

  {"op": "write", target..., "app_id", "events", "runs", "seed"}
      -> {"first", "last", "event_ids": [the ids the runs-for-events case asks about]}
  {"op": "time", target..., "app_id", "cases": {...}, "rounds", "warmup"}
      -> {case: {"rounds_ms": [...], "fingerprint": {...}}} for the cases below.

target: {"backend": "sqlite", "path"} | {"backend": "redis", "redis_url"}.

Writing: every row is written by pynenc's own methods (`store_event`, `store_trigger_run`,
`link_trigger_run_to_events`, `client_data_store.serialize`). On SQLite, pynenc opens a connection and commits for
each call (~1.4 ms an event here); for 100,000 events the writer hands SQLiteTrigger one connection of pynenc's
own making (`create_sqlite_connection`) whose commits wait for the end of the bulk write: the same statements,
one transaction. Large payload values are serialized into the client data store first (pynenc's serialize gives
their reference keys); an EventRecord whose payload value is a reference keeps it as it is (BaseClientDataStore
.serialize returns a reference unchanged), so the bulk transaction writes no client-data rows.

Cases (what pynenc's own API offers for each; the client data store's local cache is off on both sides):
  markers: get_event_markers_in_timerange(first, last, limit=10000)   a 10,000-marker page of a 100,000-event window
  events:  get_events(limit=1000)                                     EventRecord.from_json resolves every payload
  runs:    [get_trigger_runs_for_event(id) for id in event_ids]       1,000 calls (pynenc has no batch for this)
"""

import hashlib
import random
import time
from datetime import UTC, datetime, timedelta

import pynenc.trigger.sqlite_trigger as sqlite_trigger
from pynenc.trigger.monitoring import EventRecord, TriggerRunParticipant, TriggerRunRecord
from pynenc.util.sqlite_utils import create_sqlite_connection

from pynenc_app import build_app, serve

T0 = datetime(2026, 2, 1, tzinfo=UTC)
SPAN_MICROS = 24 * 3600 * 10**6
CODES = ["order.created", "order.paid", "user.signup", "invoice.sent", "audit"]
TASKS = ["bench.tasks.a", "bench.tasks.b", "bench.tasks.c"]
# local_cache_size 1, not 0: pynenc 0.4.0's _cache_deserialized pops from the empty cache when the size is 0
# (KeyError); one entry holds no value twice in a row here (the shared blobs are 10 events apart).
CONFIG = {"logging_level": "error", "local_cache_size": 1}


def app_for(req):
    if req["backend"] == "sqlite":
        return build_app(req["app_id"], store="sqlite", sqlite_db_path=req["path"], **CONFIG)
    if req["backend"] == "redis":
        return build_app(req["app_id"], store="redis", redis_url=req["redis_url"], **CONFIG)
    raise ValueError(f"unknown backend {req['backend']!r}")


class _DeferredCommit:
    """pynenc's SQLiteConnection with commit() left to the end of the bulk write."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, *args):
        return self._conn.execute(*args)

    def commit(self):
        pass

    def __getattr__(self, name):
        return getattr(self._conn, name)


class _OneTransaction:
    """Stands in for SQLiteTrigger's `sqlite_conn` factory during the bulk write: one connection, one commit."""

    def __init__(self, path):
        self.conn = create_sqlite_connection(path)
        self.proxy = _DeferredCommit(self.conn)

    def __call__(self, _path):
        return self

    def __enter__(self):
        return self.proxy

    def __exit__(self, *exc):
        return False


def write(req):
    app = app_for(req)
    t = app.trigger
    rnd = random.Random(req["seed"])
    n_events, n_runs = req["events"], req["runs"]
    # Large values first, through pynenc's client data store (one row / key each): their reference keys.
    blobs = [app.client_data_store.serialize({"doc": "x" * 1200, "i": i}) for i in range(n_events // 20)]
    stamps = sorted(T0 + timedelta(microseconds=rnd.randrange(SPAN_MICROS)) for _ in range(n_events))
    events = []
    for i, ts in enumerate(stamps):
        matched = rnd.random() < 0.5
        conds = [f"cond-{rnd.randrange(20)}"] if matched else []
        payload = {"n": i, "note": f"event {i}", "items": [i, i * 0.5, {"k": "v"}]}
        if i % 10 == 0:
            payload["blob"] = blobs[(i // 10) % len(blobs)]  # a reference: stored once, shared
        emitted = rnd.random() < 0.3
        events.append(
            EventRecord(
                event_id=f"evt-{i:06d}",
                event_code=rnd.choice(CODES),
                payload=payload,
                timestamp=ts,
                matched_condition_ids=conds,
                valid_condition_ids=[f"vc-{i}-{c}" for c in conds],
                triggered_invocation_ids=[],
                emitted_by_invocation_id=f"inv-src-{rnd.randrange(500)}" if emitted else None,
                emitted_by_task_id=rnd.choice(TASKS) if emitted else None,
                emitted_by_runner_context_id="bench-runner",
            )
        )
    matched = [e for e in events if e.matched_condition_ids]
    runs = []
    for i in range(n_runs):
        linked = rnd.sample(matched, rnd.randint(1, 3))
        claimed = max(e.timestamp for e in linked) + timedelta(milliseconds=rnd.randrange(1, 5000))
        participants = [
            TriggerRunParticipant(
                context_type="EventContext",
                condition_id=e.matched_condition_ids[0],
                valid_condition_id=e.valid_condition_ids[0],
                event_id=e.event_id,
                context_timestamp=e.timestamp,
                context_summary=f"code:{e.event_code}",
            )
            for e in linked
        ]
        runs.append(
            TriggerRunRecord(
                trigger_run_id=f"run-{i:05d}",
                trigger_id=f"trigger-{rnd.randrange(10)}",
                task_id_key=rnd.choice(TASKS),
                logic_value=rnd.choice(["and", "or"]),
                valid_condition_ids=[p.valid_condition_id for p in participants],
                condition_ids=[p.condition_id for p in participants],
                event_ids=[e.event_id for e in linked],
                source_invocation_ids=[],
                triggered_invocation_id=f"inv-{i:05d}",
                claimed_at=claimed,
                executed_at=claimed + timedelta(microseconds=rnd.randrange(100, 50_000)),
                participants=participants,
            )
        )

    def store_all():
        for e in events:
            t.store_event(e)
        for run in runs:
            t.store_trigger_run(run)
            t.link_trigger_run_to_events(run.event_ids, run.triggered_invocation_id, trigger_run_id=run.trigger_run_id)

    if req["backend"] == "sqlite":
        t.count_events()  # the tables exist before the factory is swapped
        bulk = _OneTransaction(t.sqlite_db_path)
        factory = sqlite_trigger.sqlite_conn
        sqlite_trigger.sqlite_conn = bulk
        try:
            store_all()
            bulk.conn.commit()
        finally:
            sqlite_trigger.sqlite_conn = factory
            bulk.conn.close()
    else:
        store_all()
    # The runs-for-events case: 1,000 events, most of them linked by runs.
    linked_ids = sorted({eid for run in runs for eid in run.event_ids})
    asked = rnd.sample(linked_ids, min(800, len(linked_ids))) + rnd.sample([e.event_id for e in events], 200)
    return {"first": stamps[0].isoformat(), "last": stamps[-1].isoformat(), "event_ids": asked}


def sha(texts):
    h = hashlib.sha1()
    for t in texts:
        h.update(t.encode())
        h.update(b"\n")
    return h.hexdigest()


def cases(app, req):
    t = app.trigger
    c = req["cases"]
    first, last = datetime.fromisoformat(c["first"]), datetime.fromisoformat(c["last"])
    ids = c["event_ids"]

    def markers():
        page = t.get_event_markers_in_timerange(first, last, limit=10000)
        return {"ids": sha(m.event_id for m in page.markers), "n": len(page.markers), "total": page.total}

    def events():
        records = t.get_events(limit=1000)
        resolved = sum(1 for r in records for v in r.payload.values() if isinstance(v, dict) and "doc" in v)
        return {"ids": sha(r.event_id for r in records), "n": len(records), "blobs": resolved}

    def runs():
        per_event = [sorted(r.trigger_run_id for r in t.get_trigger_runs_for_event(eid)) for eid in ids]
        return {"runs": sha(",".join(r) for r in per_event), "n": sum(len(r) for r in per_event)}

    return {"markers": markers, "events": events, "runs": runs}


def time_cases(req):
    app = app_for(req)
    out = {}
    for name, fn in cases(app, req).items():
        fingerprint = None
        for _ in range(req["warmup"]):
            fingerprint = fn()
        rounds = []
        for _ in range(req["rounds"]):
            start = time.perf_counter()
            fingerprint = fn()
            rounds.append((time.perf_counter() - start) * 1000)
        out[name] = {"rounds_ms": rounds, "fingerprint": fingerprint}
    return out


def handle(req):
    if req["op"] == "write":
        return write(req)
    if req["op"] == "time":
        return time_cases(req)
    raise ValueError(f"unknown op {req['op']!r}")


if __name__ == "__main__":
    serve(handle)
