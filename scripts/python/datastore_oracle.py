"""Python oracle for the client data store tests (test/datastore).

Reads one JSON request on stdin, writes one JSON answer on stdout. Uses only
what a pynenc app uses underneath: json, jsonpickle, hashlib, sqlite3. pynenc
itself is not installed here, so its JsonSerializer envelopes and its SQLite
table naming are written below from the wire-format reference
(shared/reference/python-wire-format.md); jsonpickle, json.dumps and
hashlib are the real thing.

Requests ("op"):
  texts        {"cases": [{"id", "expr", "jsonpickle_options"?}]}
               -> per case: jsonpickle text (jsonpickle.encode with the options,
                  default none = pynenc's jsonpickle.dumps), JsonSerializer text
                  (or its error), their reference keys and lengths.
  table_names  {"app_ids": [...]} -> SQLite client-data table per app_id.
  sqlite_store {"path", "app_id", "cases": [{"id", "expr"}]}
               -> stores jsonpickle.dumps(value) under its key, as pynenc's
                  SQLiteClientDataStore does; returns keys and texts.
  sqlite_read  {"path", "app_id", "keys": [...]}
               -> per key: the stored text, whether sha256 matches the key,
                  repr() of jsonpickle.loads(text) and json.loads(text).

  event_to_json {"records": [{<EventRecord fields but payload>, "payload": [[key, expr], ...]}],
                "min_size_to_cache"?}
               -> {"texts": [EventRecord.to_json(app) per record], "stored": {key: text}}
                  with pynenc's serialize(value) rules (jsonpickle, len >= min -> key).
  event_from_json {"texts": [...], "stored": {key: text}}
               -> per record: {payload key: repr(resolved value)} (from_json + resolve).
  reprs        {"cases": [{"id", "expr"}]} -> {id: repr(value)}.

`expr` is a Python expression evaluated with the names in ENV (test input
written by this repository's tests).
"""

import datetime
import decimal
import enum
import hashlib
import json
import re
import sqlite3
import sys
import uuid

import jsonpickle

from pynenc_model import EVENT_RECORD_FIELDS, PREFIX, key_of, serialize_for_store


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


def _envelope(obj):
    """pynenc JsonSerializer envelopes (reference: 'Payload values and the client data store')."""
    cls = type(obj)
    if isinstance(obj, enum.Enum):
        return {"__pynenc__enum__": {"module": cls.__module__, "qualname": cls.__qualname__, "value": obj.value}}
    if isinstance(obj, Exception):
        if cls.__module__ == "builtins":
            return {"__pynenc__std_py_exc__": {"type": cls.__name__, "args": obj.args, "message": str(obj)}}
        return {
            "__pynenc__client_exception__": {
                "module": cls.__module__,
                "qualname": cls.__qualname__,
                "args": obj.args,
                "message": str(obj),
            }
        }
    if hasattr(obj, "to_json") and hasattr(cls, "from_json"):
        return {"__pynenc__json_serializable__": {"module": cls.__module__, "qualname": cls.__qualname__, "data": obj.to_json()}}
    return None


class EnvelopeEncoder(json.JSONEncoder):
    def default(self, obj):
        env = _envelope(obj)
        if env is None:
            return super().default(obj)
        return env


def _preprocess(obj):
    # IntEnum/StrEnum are written natively by json; pynenc wraps every Enum first.
    if isinstance(obj, enum.Enum):
        return _envelope(obj)
    if isinstance(obj, dict):
        return {k: _preprocess(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_preprocess(v) for v in obj]
    return obj


def json_serializer_dumps(value):
    return json.dumps(_preprocess(value), cls=EnvelopeEncoder)


def table_name(app_id):
    sanitized = re.sub(r"[^a-zA-Z0-9_]", "_", app_id)
    if sanitized and sanitized[0].isdigit():
        sanitized = "_" + sanitized
    sanitized = sanitized or "_default"
    return f"{sanitized}_{hashlib.sha256(app_id.encode()).hexdigest()[:8]}__client_data"


def evaluate(expr):
    return eval(expr, dict(ENV))  # noqa: S307 - test input from this repository


def op_texts(req):
    out = []
    for case in req["cases"]:
        value = evaluate(case["expr"])
        pickled = jsonpickle.encode(value, **case.get("jsonpickle_options", {}))
        entry = {"id": case["id"], "jsonpickle": pickled, "jsonpickle_key": key_of(pickled), "jsonpickle_len": len(pickled)}
        try:
            text = json_serializer_dumps(value)
            entry.update(json=text, json_key=key_of(text), json_len=len(text))
        except (TypeError, ValueError, RecursionError) as exc:
            entry["json_error"] = f"{type(exc).__name__}: {exc}"
        out.append(entry)
    return out


def _connect(path, app_id):
    conn = sqlite3.connect(path)
    table = table_name(app_id)
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {table} ("
        " data_key TEXT PRIMARY KEY,"
        " data_value BLOB NOT NULL,"
        " created_at REAL NOT NULL DEFAULT (julianday('now')))"
    )
    conn.execute(f"CREATE INDEX IF NOT EXISTS idx_{table}_created ON {table}(created_at)")
    conn.commit()
    return conn, table


def op_sqlite_store(req):
    conn, table = _connect(req["path"], req["app_id"])
    out = []
    with conn:
        for case in req["cases"]:
            text = jsonpickle.dumps(evaluate(case["expr"]))
            key = key_of(text)
            conn.execute(f"INSERT OR REPLACE INTO {table} (data_key, data_value) VALUES (?, ?)", (key, text.encode("utf-8")))
            out.append({"id": case["id"], "key": key, "text": text})
    conn.close()
    return {"table": table, "entries": out}


def op_sqlite_read(req):
    conn, table = _connect(req["path"], req["app_id"])
    out = []
    for key in req["keys"]:
        row = conn.execute(f"SELECT data_value, typeof(data_value), created_at FROM {table} WHERE data_key = ?", (key,)).fetchone()
        if row is None:
            out.append({"key": key, "found": False})
            continue
        text = row[0].decode("utf-8")
        out.append(
            {
                "key": key,
                "found": True,
                "storage_type": row[1],
                "created_at_is_julianday": isinstance(row[2], float) and row[2] > 2400000.0,
                "text": text,
                "hash_ok": key_of(text) == key,
                "jsonpickle_repr": repr(jsonpickle.loads(text)),
                "json_repr": repr(json.loads(text)),
            }
        )
    conn.close()
    return out


def op_event_to_json(req):
    stored = {}
    min_size = req.get("min_size_to_cache", 1024)
    texts = []
    for rec in req["records"]:
        doc = {}
        for name in EVENT_RECORD_FIELDS:
            if name == "payload":
                pairs = rec["payload"]  # [[key, expr], ...]: keeps the order JSON objects in JS cannot
                doc[name] = {k: serialize_for_store(evaluate(expr), stored, min_size, jsonpickle.dumps) for k, expr in pairs}
            elif name == "timestamp":
                doc[name] = datetime.datetime.fromisoformat(rec[name]).isoformat()
            else:
                doc[name] = rec[name]
        texts.append(json.dumps(doc))
    return {"texts": texts, "stored": stored}


def resolve(text, stored):
    if text.startswith(PREFIX):
        text = stored[text]  # KeyError when absent, as pynenc
    return jsonpickle.loads(text)


def op_event_from_json(req):
    out = []
    for text in req["texts"]:
        data = json.loads(text)
        out.append({k: repr(resolve(v, req["stored"])) for k, v in (data.get("payload") or {}).items()})
    return out


def op_reprs(req):
    return {case["id"]: repr(evaluate(case["expr"])) for case in req["cases"]}


def op_table_names(req):
    return [table_name(a) for a in req["app_ids"]]


OPS = {
    "event_to_json": op_event_to_json,
    "event_from_json": op_event_from_json,
    "reprs": op_reprs,
    "texts": op_texts,
    "sqlite_store": op_sqlite_store,
    "sqlite_read": op_sqlite_read,
    "table_names": op_table_names,
}


def main():
    req = json.load(sys.stdin)
    json.dump(OPS[req["op"]](req), sys.stdout)


if __name__ == "__main__":
    main()
