#!/usr/bin/python3
"""The Python side of the RedisStore cross-language tests.

Acts like pynenc_redis's RedisClientDataStore does (redis-py SET/GET of UTF-8
text under `__pynenc__:<app_id>:client_data_store:client_data_store:<reference>`,
reference = `__pynenc__client_data__:` + sha256 hex of the text's UTF-8 bytes),
computing keys and hashes itself so the TypeScript side is checked, not echoed.

Usage: redis_client_data.py store|fetch, with a JSON request on stdin:
  store: {"host", "port", "app_id", "texts": [str]}
         -> [{"reference", "key"}]
  fetch: {"host", "port", "app_id", "references": [str]}
         -> [null | {"reference", "key", "text", "sha256_ok"}]
  keys:  {"app_ids": [str], "reference"}   (no Redis needed)
         -> [{"key"} | {"error"}]
  write_records: {"host", "port", "app_id", "min_size_to_cache", "records": [{event_id, event_code,
         timestamp, payload: {name: value}}]}
         -> {"texts": [EventRecord JSON as EventRecord.to_json writes it], "stored": int}
         (each payload value is json.dumps'd; texts of >= min_size_to_cache chars are SET
         under their reference and replaced by it, as BaseClientDataStore.serialize does)
  read_records: {"host", "port", "app_id", "texts": [EventRecord JSON]}
         -> [{name: value}] payloads resolved as BaseClientDataStore.resolve does (GET, .decode(),
         json.loads), failing when a stored text does not hash to its reference
Answer as JSON on stdout (ASCII: json.dump escapes everything else).
"""

import json
import sys

import redis

from pynenc_model import EVENT_RECORD_FIELDS, PREFIX as CLIENT_DATA_PREFIX, key_of as reference_for, serialize_for_store


def sanitize_for_redis(s):
    # same replacements, same order as pynenc_redis.util.redis_keys.sanitize_for_redis
    for old, new in (("[", "__OPEN_BRACKET__"), ("]", "__CLOSE_BRACKET__"), ("*", "__ASTERISK__")):
        s = s.replace(old, new)
    return s


def data_key(app_id, reference):
    app = sanitize_for_redis(app_id)
    if not app:
        raise ValueError("App ID cannot be an empty string or None")
    if ":" in app:
        raise ValueError("App ID cannot contain ':'")
    return f"__pynenc__:{app}:client_data_store:client_data_store:{reference}"


def write_records(client, app_id, records, min_size):
    texts, stored = [], {}
    for record in records:
        payload = {name: serialize_for_store(value, stored, min_size, json.dumps) for name, value in record["payload"].items()}
        full = {
            "payload": payload,
            "matched_condition_ids": [],
            "valid_condition_ids": [],
            "triggered_invocation_ids": [],
            "emitted_by_invocation_id": None,
            "emitted_by_task_id": None,
            "emitted_by_runner_context_id": None,
        }
        for field in ("event_id", "event_code", "timestamp"):
            full[field] = record[field]
        texts.append(json.dumps({field: full[field] for field in EVENT_RECORD_FIELDS}))
    for reference, text in stored.items():
        client.set(data_key(app_id, reference), text)
    return {"texts": texts, "stored": len(stored)}


def read_records(client, app_id, texts):
    payloads = []
    for text in texts:
        record = json.loads(text)
        payload = {}
        for name, wire in record["payload"].items():
            if wire.startswith(CLIENT_DATA_PREFIX):
                raw = client.get(data_key(app_id, wire))
                if raw is None:
                    raise KeyError(f"Cache key not found: {wire}")
                wire_text = raw.decode()
                if reference_for(wire_text) != wire:
                    raise ValueError(f"stored text does not hash to {wire}")
                payload[name] = json.loads(wire_text)
            else:
                payload[name] = json.loads(wire)
        payloads.append(payload)
    return payloads


def main():
    command = sys.argv[1]
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    if command == "keys":
        out = []
        for app_id in request["app_ids"]:
            try:
                out.append({"key": data_key(app_id, request["reference"])})
            except ValueError as exc:
                out.append({"error": str(exc)})
        json.dump(out, sys.stdout)
        return
    client = redis.Redis(host=request["host"], port=request["port"], db=request.get("db", 0))
    app_id = request["app_id"]
    if command == "store":
        out = []
        for text in request["texts"]:
            reference = reference_for(text)
            key = data_key(app_id, reference)
            client.set(key, text)
            out.append({"reference": reference, "key": key})
    elif command == "fetch":
        out = []
        for reference in request["references"]:
            key = data_key(app_id, reference)
            raw = client.get(key)
            if raw is None:
                out.append(None)
                continue
            text = raw.decode()
            out.append(
                {
                    "reference": reference,
                    "key": key,
                    "text": text,
                    "sha256_ok": reference == reference_for(text),
                }
            )
    elif command == "write_records":
        out = write_records(client, app_id, request["records"], request["min_size_to_cache"])
    elif command == "read_records":
        out = read_records(client, app_id, request["texts"])
    else:
        raise SystemExit(f"unknown command {command!r}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
