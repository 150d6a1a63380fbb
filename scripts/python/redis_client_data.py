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
Answer as JSON on stdout.
"""

import hashlib
import json
import sys

import redis

CLIENT_DATA_PREFIX = "__pynenc__client_data__"


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


def reference_for(text):
    return f"{CLIENT_DATA_PREFIX}:{hashlib.sha256(text.encode()).hexdigest()}"


def main():
    command = sys.argv[1]
    request = json.load(sys.stdin)
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
    else:
        raise SystemExit(f"unknown command {command!r}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
