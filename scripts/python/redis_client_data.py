"""The Python side of the RedisStore cross-language tests: pynenc_redis's real RedisClientDataStore.

Runs with the Python of .venv (pynenc 0.4.0, pynenc-redis 0.3.0, redis-py, pinned in requirements.txt). Each
request builds a real `Pynenc` app whose client data store is pynenc_redis's RedisClientDataStore on the
given server (`redis_url` config, as PynencBuilder().redis(url=...) sets it), so keys (its `Key` class and
sanitising), references (BaseClientDataStore._generate_key), reads, writes and EventRecord JSON are
pynenc's code, not a model.

Usage: redis_client_data.py <command>, with a JSON request on stdin:
  store: {"host", "port", "db"?, "app_id", "texts": [str]}
         -> [{"reference", "key"}]  (each text written by the store's _store under pynenc's reference of it)
  fetch: {"host", "port", "db"?, "app_id", "references": [str]}
         -> [null | {"reference", "key", "text", "sha256_ok"}]  (the store's _retrieve; null on its KeyError;
            sha256_ok: pynenc's reference of the text is the one asked for)
  keys:  {"app_ids": [str], "reference"}   (no Redis needed: the store connects lazily)
         -> [{"key"} | {"error"}]  (RedisClientDataStore(app).key.client_data_store(reference), or the
            ValueError its constructor raises)
  write_records: {"host", "port", "db"?, "app_id", "min_size_to_cache", "records": [{event_id, event_code,
         timestamp, payload: {name: value}}]}
         -> {"texts": [EventRecord(...).to_json(app)], "stored": number of distinct references in the texts}
  read_records: {"host", "port", "db"?, "app_id", "texts": [EventRecord JSON]}
         -> [EventRecord.from_json(text, app).payload]
  purge: {"host", "port", "db"?, "app_id"} -> null  (app.client_data_store.purge())
  defaults: {} -> redis_url, redis_host, redis_port, redis_db of a RedisClientDataStore's config left unset
Answer as JSON on stdout (ASCII: json.dump escapes everything else).
"""

import datetime
import json
import sys

from pynenc import Pynenc
from pynenc.trigger.monitoring import EventRecord

from pynenc_app import build_app, reference_of, serve

UNREACHABLE = "redis://127.0.0.1:1/0"  # `keys` never connects


def redis_app(req, **config):
    url = f"redis://{req['host']}:{req['port']}/{req.get('db', 0)}"
    return build_app(req["app_id"], store="redis", redis_url=url, **config)


def keys(req):
    out = []
    for app_id in req["app_ids"]:
        try:
            cds = build_app(app_id, store="redis", redis_url=UNREACHABLE).client_data_store
            out.append({"key": cds.key.client_data_store(req["reference"])})
        except ValueError as exc:
            out.append({"error": str(exc)})
    return out


def store(req):
    cds = redis_app(req).client_data_store
    out = []
    for text in req["texts"]:
        reference = reference_of(text)
        cds._store(reference, text)
        out.append({"reference": reference, "key": cds.key.client_data_store(reference)})
    return out


def fetch(req):
    cds = redis_app(req).client_data_store
    out = []
    for reference in req["references"]:
        try:
            text = cds._retrieve(reference)
        except KeyError:
            out.append(None)
            continue
        out.append(
            {
                "reference": reference,
                "key": cds.key.client_data_store(reference),
                "text": text,
                "sha256_ok": reference_of(text) == reference,
            }
        )
    return out


def write_records(req):
    app = redis_app(req, min_size_to_cache=req["min_size_to_cache"])
    texts = []
    for rec in req["records"]:
        record = EventRecord(
            event_id=rec["event_id"],
            event_code=rec["event_code"],
            payload=rec["payload"],
            timestamp=datetime.datetime.fromisoformat(rec["timestamp"]),
        )
        texts.append(record.to_json(app))
    cds = app.client_data_store
    references = {v for text in texts for v in json.loads(text)["payload"].values() if cds.is_reference(v)}
    return {"texts": texts, "stored": len(references)}


def read_records(req):
    app = redis_app(req)
    return [EventRecord.from_json(text, app).payload for text in req["texts"]]


def defaults(_req):
    """Where a RedisClientDataStore connects when the app sets no redis_* config."""
    app = Pynenc(config_values={"app_id": "defaults", "client_data_store_cls": "RedisClientDataStore"})
    conf = app.client_data_store.conf
    return {name: getattr(conf, name) for name in ("redis_url", "redis_host", "redis_port", "redis_db")}


def purge(req):
    redis_app(req).client_data_store.purge()
    return None


COMMANDS = {
    "defaults": defaults,
    "fetch": fetch,
    "keys": keys,
    "purge": purge,
    "read_records": read_records,
    "store": store,
    "write_records": write_records,
}


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        raise SystemExit(f"usage: redis_client_data.py {'|'.join(COMMANDS)} < request.json")
    serve(COMMANDS[sys.argv[1]])
