"""Python oracle for the client data store tests (test/datastore): a real pynenc app answers.

Runs with the Python of .venv (pynenc 0.4.0, pinned in requirements.txt). Every text, key, table name,
stored value and EventRecord JSON below comes from a real `Pynenc` app (pynenc_app.build_app) with its own
client data store (MemClientDataStore or SQLiteClientDataStore) and serializer (JsonPickleSerializer or
JsonSerializer). Nothing of pynenc is modelled here. Reads one JSON request on stdin, writes one JSON answer.

Requests ("op"):
  texts        {"cases": [{"id", "expr", "jsonpickle_options"?}]}
               -> per case: app.serializer.serialize(value) for each serializer (JsonSerializer: or its
                  error), the reference app.client_data_store.serialize(value, False) stores it under, and
                  len(text). With jsonpickle_options the "jsonpickle" text is jsonpickle.encode(value, **options)
                  itself (pynenc never passes options; used to get py/b85, which jsonpickle writes, not pynenc).
  table_names  {"app_ids": [...]} -> SQLiteClientDataStore(app).tables.STORE per app_id.
  sqlite_store {"path", "app_id", "cases": [{"id", "expr"}]}
               -> each value through SQLiteClientDataStore.serialize(value, False) with min_size_to_cache 0.
  sqlite_read  {"path", "app_id", "keys": [...]}
               -> per key: the row as sqlite3 sees it (storage type, created_at), the text
                  SQLiteClientDataStore._retrieve returns (or the error it raises), whether pynenc's key of it
                  is the key, and repr(app.client_data_store.resolve(key)).
  sqlite_create {"path", "app_id"} -> the table SQLiteClientDataStore(app) created (with its index).
  sqlite_purge {"path", "app_id"} -> null, after app.client_data_store.purge().
  event_to_json {"records": [{<EventRecord fields but payload>, "payload": [[key, expr], ...]}],
                "config"?: {min_size_to_cache, ...}, "serializer"?}
               -> {"texts": [EventRecord(...).to_json(app)], "stored": MemClientDataStore's entries}
  event_from_json {"texts": [...], "stored": {key: text}}
               -> per record: {payload key: repr(value)} of EventRecord.from_json(text, app).payload,
                  the entries first put in the app's MemClientDataStore (its _store).
  event_roundtrip {"texts": [...], "stored": {key: text}, "config"?, "serializer"?}
               -> {"texts": [EventRecord.from_json(text, app).to_json(app)], "stored": the store's entries after}.
  session      {"config": {...}, "serializer"?, "steps": [{"op": "serialize", "expr", "disable_cache"?}
                | {"op": "resolve", "step": i} | {"op": "resolve", "text"} | {"op": "purge"}
                | {"op": "put", "key", "text"}]}
               -> per step: wire text or repr, warnings logged, backend reads (_retrieve) and writes
                  (_store), and the keys of the process-local LRU (oldest first) afterwards.
  defaults     {} -> the client data store config of a Pynenc app built with no config values.
  reprs        {"cases": [{"id", "expr"}]} -> {id: repr(value)}.

`expr` is a Python expression evaluated with the names in ENV (test input written by this repository's tests).
"""

import datetime
import decimal
import enum
import os
import sqlite3
import tempfile
import uuid
import warnings

import jsonpickle
from pynenc import Pynenc
from pynenc.trigger.monitoring import EventRecord

from pynenc_app import SERIALIZERS, WarningLog, build_app, reference_of, serve


class Color(enum.Enum):
    RED = 1
    GREEN = "green"


class Level(enum.IntEnum):
    LOW = 1


class OrderError(Exception):
    pass


class Money:
    """A JsonSerializable (to_json / from_json) domain object."""

    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency

    def to_json(self):
        return {"amount": self.amount, "currency": self.currency}

    @classmethod
    def from_json(cls, data):
        return cls(data["amount"], data["currency"])


ENV = {
    "Color": Color,
    "Level": Level,
    "OrderError": OrderError,
    "Money": Money,
    "datetime": datetime,
    "decimal": decimal,
    "uuid": uuid,
}

APP_ID = "datastore-oracle"


def evaluate(expr):
    return eval(expr, dict(ENV))  # noqa: S307 - test input from this repository


def error_text(exc):
    return f"{type(exc).__name__}: {exc}"


def op_texts(req):
    # min_size_to_cache 0: every value is stored, so serialize returns the reference pynenc computes for it
    apps = {name: build_app(APP_ID, serializer=name, min_size_to_cache=0) for name in SERIALIZERS}
    out = []
    for case in req["cases"]:
        value = evaluate(case["expr"])
        entry = {"id": case["id"]}
        for name, field in (("JsonPickleSerializer", "jsonpickle"), ("JsonSerializer", "json")):
            app = apps[name]
            try:
                if field == "jsonpickle" and "jsonpickle_options" in case:
                    with warnings.catch_warnings():  # jsonpickle 4 warns that `keys` will default to True in 5
                        warnings.simplefilter("ignore", DeprecationWarning)
                        text = jsonpickle.encode(value, **case["jsonpickle_options"])
                    key = reference_of(text)
                else:
                    text = app.serializer.serialize(value)
                    key = app.client_data_store.serialize(value, False)
            except (TypeError, ValueError, RecursionError) as exc:
                entry[f"{field}_error"] = error_text(exc)
                continue
            entry.update({field: text, f"{field}_key": key, f"{field}_len": len(text)})
        out.append(entry)
    return out


def op_table_names(req):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "names.sqlite")
        apps = (build_app(a, store="sqlite", sqlite_db_path=path) for a in req["app_ids"])
        return [app.client_data_store.tables.STORE for app in apps]


def sqlite_app(req, **config):
    return build_app(req["app_id"], store="sqlite", sqlite_db_path=req["path"], **config)


def op_sqlite_store(req):
    app = sqlite_app(req, min_size_to_cache=0)
    cds = app.client_data_store
    entries = []
    for case in req["cases"]:
        value = evaluate(case["expr"])
        entries.append({"id": case["id"], "key": cds.serialize(value, False), "text": app.serializer.serialize(value)})
    return {"table": cds.tables.STORE, "entries": entries}


def op_sqlite_read(req):
    cds = sqlite_app(req).client_data_store
    out = []
    conn = sqlite3.connect(req["path"])
    try:
        for key in req["keys"]:
            row = conn.execute(
                f"SELECT typeof(data_value), created_at FROM {cds.tables.STORE} WHERE data_key = ?", (key,)
            ).fetchone()
            try:
                text = cds._retrieve(key)
            except KeyError:
                out.append({"key": key, "found": False})
                continue
            except Exception as exc:  # noqa: BLE001 - what pynenc does with a row it cannot read is the answer
                out.append({"key": key, "found": True, "storage_type": row[0], "error": error_text(exc)})
                continue
            out.append(
                {
                    "key": key,
                    "found": True,
                    "storage_type": row[0],
                    "created_at_is_julianday": isinstance(row[1], float) and row[1] > 2400000.0,
                    "text": text,
                    "hash_ok": reference_of(text) == key,
                    "jsonpickle_repr": repr(cds.resolve(key)),
                }
            )
    finally:
        conn.close()
    return out


def op_sqlite_create(req):
    return sqlite_app(req).client_data_store.tables.STORE  # SQLiteClientDataStore creates its table and index


def op_sqlite_purge(req):
    sqlite_app(req).client_data_store.purge()


EVENT_FIELDS = (
    "matched_condition_ids",
    "valid_condition_ids",
    "triggered_invocation_ids",
    "emitted_by_invocation_id",
    "emitted_by_task_id",
    "emitted_by_runner_context_id",
)


def op_event_to_json(req):
    app = build_app(APP_ID, serializer=req.get("serializer", "JsonPickleSerializer"), **req.get("config", {}))
    texts = []
    for rec in req["records"]:
        record = EventRecord(
            event_id=rec["event_id"],
            event_code=rec["event_code"],
            payload={k: evaluate(expr) for k, expr in rec["payload"]},  # pairs: the order JS objects cannot keep
            timestamp=datetime.datetime.fromisoformat(rec["timestamp"]),
            **{name: rec[name] for name in EVENT_FIELDS if name in rec},
        )
        texts.append(record.to_json(app))
    return {"texts": texts, "stored": dict(app.client_data_store._storage)}


def op_event_from_json(req):
    app = build_app(APP_ID, serializer=req.get("serializer", "JsonPickleSerializer"))
    for key, text in req["stored"].items():
        app.client_data_store._store(key, text)
    return [{k: repr(v) for k, v in EventRecord.from_json(text, app).payload.items()} for text in req["texts"]]


def op_event_roundtrip(req):
    app = build_app(APP_ID, serializer=req.get("serializer", "JsonPickleSerializer"), **req.get("config", {}))
    for key, text in req["stored"].items():
        app.client_data_store._store(key, text)
    texts = [EventRecord.from_json(text, app).to_json(app) for text in req["texts"]]
    return {"texts": texts, "stored": dict(app.client_data_store._storage)}


def op_session(req):
    app = build_app(APP_ID, serializer=req.get("serializer", "JsonPickleSerializer"), **req.get("config", {}))
    cds = app.client_data_store
    counts = {"retrieved": 0, "stored": 0}
    retrieve, store = cds._retrieve, cds._store

    def counting_retrieve(key):
        counts["retrieved"] += 1
        return retrieve(key)

    def counting_store(key, value):
        counts["stored"] += 1
        return store(key, value)

    cds._retrieve, cds._store = counting_retrieve, counting_store  # counts the backend calls pynenc makes
    results = []
    for step in req["steps"]:
        counts.update(retrieved=0, stored=0)
        result = {}
        with WarningLog(cds) as log:
            try:
                if step["op"] == "serialize":
                    wire = cds.serialize(evaluate(step["expr"]), step.get("disable_cache", False))
                    result.update(wire=wire, is_reference=cds.is_reference(wire))
                elif step["op"] == "resolve":
                    text = results[step["step"]]["wire"] if "step" in step else step["text"]
                    result["repr"] = repr(cds.resolve(text))
                elif step["op"] == "purge":
                    cds.purge()
                elif step["op"] == "put":  # what another writer left in the backend, written by the store itself
                    store(step["key"], step["text"])
                else:
                    raise SystemExit(f"unknown step {step['op']!r}")
            except Exception as exc:  # noqa: BLE001 - the step's outcome is what is asked
                result["error"] = error_text(exc)
        result.update(counts, warnings=log.messages, cache=list(cds._deserialized_cache))
        results.append(result)
    return results


def op_defaults(_req):
    app = Pynenc(config_values={"app_id": APP_ID})
    conf = app.client_data_store.conf
    names = ("disable_client_data_store", "min_size_to_cache", "max_size_to_cache", "local_cache_size")
    names += ("warn_threshold",)
    return {
        **{name: getattr(conf, name) for name in names},
        "serializer_cls": app.conf.serializer_cls,
        "client_data_store_cls": type(app.client_data_store).__name__,
    }


def op_reprs(req):
    return {case["id"]: repr(evaluate(case["expr"])) for case in req["cases"]}


OPS = {
    "defaults": op_defaults,
    "event_to_json": op_event_to_json,
    "event_from_json": op_event_from_json,
    "reprs": op_reprs,
    "session": op_session,
    "texts": op_texts,
    "sqlite_create": op_sqlite_create,
    "sqlite_purge": op_sqlite_purge,
    "event_roundtrip": op_event_roundtrip,
    "sqlite_store": op_sqlite_store,
    "sqlite_read": op_sqlite_read,
    "table_names": op_table_names,
}


if __name__ == "__main__":
    serve(lambda req: OPS[req["op"]](req))
