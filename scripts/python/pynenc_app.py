"""Real pynenc apps for the client data store oracles (datastore_oracle.py, redis_client_data.py).

Runs with the Python of .venv (scripts/python/venv.sh, pinned in requirements.txt): every app here is a real
`Pynenc` built with pynenc's own `PynencBuilder`, so its client data store (MemClientDataStore,
SQLiteClientDataStore, pynenc_redis's RedisClientDataStore), its serializer (JsonPickleSerializer,
JsonSerializer), its config (ConfigClientDataStore) and its key / table naming are pynenc's code, not a model.
"""

import json
import logging
import sys

from pynenc import PynencBuilder
from pynenc.client_data_store.base_client_data_store import _generate_key

SERIALIZERS = ("JsonPickleSerializer", "JsonSerializer")

# pynenc's reference of a serialized text (BaseClientDataStore._generate_key: prefix + sha256 of the UTF-8 bytes).
reference_of = _generate_key


def build_app(app_id, store="memory", serializer="JsonPickleSerializer", sqlite_db_path=None, redis_url=None, **config):
    """A Pynenc app whose client data store is `store` (memory | sqlite | redis), with `config` as
    config_values (min_size_to_cache, max_size_to_cache, local_cache_size, warn_threshold, ...)."""
    builder = PynencBuilder().app_id(app_id)
    if store == "memory":
        builder.memory()
    elif store == "sqlite":
        if not sqlite_db_path:
            raise ValueError("store 'sqlite' needs sqlite_db_path")
        builder.sqlite(sqlite_db_path)
    elif store == "redis":
        if not redis_url:
            raise ValueError("store 'redis' needs redis_url")
        builder.redis(url=redis_url)
    else:
        raise ValueError(f"unknown store {store!r}")
    if serializer == "JsonSerializer":
        builder.serializer_json()
    elif serializer == "JsonPickleSerializer":
        builder.serializer_json_pickle()
    else:
        raise ValueError(f"unknown serializer {serializer!r}")
    return builder.custom_config(**config).build()


class WarningLog(logging.Handler):
    """Collects the warnings a client data store logs (pynenc's _log_size_warning)."""

    def __init__(self, cds):
        super().__init__(logging.WARNING)
        self.messages = []
        # the logger BaseClientDataStore.__init__ creates for this class
        self.logger = logging.getLogger(f"pynenc.client_data_store.{type(cds).__name__}")

    def emit(self, record):
        self.messages.append(record.getMessage())

    def __enter__(self):
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self)
        return False


def serve(handle):
    """Reads one JSON request on stdin, writes `handle(request)` as JSON (ASCII) on stdout.

    While `handle` runs, sys.stdout is stderr, so nothing pynenc prints can corrupt the answer.
    """
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    out = sys.stdout
    sys.stdout = sys.stderr
    try:
        answer = handle(request)
    finally:
        sys.stdout = out
    json.dump(answer, out)
    out.flush()
