"""What the test oracles know of pynenc's client data store and EventRecord wire form, in one place.

pynenc itself is not installed here; these few facts are written from the wire-format reference
(shared/reference/python-wire-format.md) and shared by the oracles that emulate a pynenc app
(datastore_oracle.py, redis_client_data.py, codec_golden.py, isoformat_oracle.py). json, jsonpickle,
hashlib and datetime are the real thing.
"""
import hashlib
from datetime import datetime, timezone

PREFIX = "__pynenc__client_data__"

# EventRecord.to_json's key order (pynenc/trigger/monitoring.py _to_dict).
EVENT_RECORD_FIELDS = (
    "event_id",
    "event_code",
    "timestamp",
    "payload",
    "matched_condition_ids",
    "valid_condition_ids",
    "triggered_invocation_ids",
    "emitted_by_invocation_id",
    "emitted_by_task_id",
    "emitted_by_runner_context_id",
)


def key_of(text):
    """The reference a serialized text is stored under: prefix + sha256 of its UTF-8 bytes."""
    return f"{PREFIX}:{hashlib.sha256(text.encode('utf-8')).hexdigest()}"


def serialize_for_store(value, stored, min_size, dumps):
    """BaseClientDataStore.serialize(value): inline text below min_size, else stored under its key."""
    if isinstance(value, str) and value.startswith(PREFIX):
        return value
    text = dumps(value)
    if len(text) < min_size:
        return text
    key = key_of(text)
    stored[key] = text
    return key


def read_timestamp(value):
    """pynenc's reader of a non-empty timestamp text: datetime.fromisoformat, a naive result taken as UTC."""
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed
