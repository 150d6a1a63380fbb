"""Golden oracle for src/codec: pynenc's from_json -> to_json, with Python's own json and datetime.

Mirrors pynenc/trigger/monitoring.py (see ../shared/reference/python-wire-format.md): `data.get(...) or []`,
`datetime.fromisoformat`, naive -> UTC, `isoformat()`, json.dumps with defaults. EventMarker and
EventMarkerPage have no JSON form in Python; they are mirrored the same way (dataclass field order,
required fields read with data[...], the others with data.get, the same timestamp reader without a
"now" default). EventRecord payload values are kept as the strings they are (the client data store's
serialize(deserialize(text)) is the data store's business, not the codec's); like pynenc's
deserialize, a non-string value raises AttributeError.

Request on stdin: {"now": "<isoformat of the fixed 'now'>", "cases": [{"dto": ..., "text": ...}]}
Reply on stdout: [{"ok": to_json(from_json(text))} | {"error": "<type>", "msg": "<message>"}], ASCII.
"""
import json
import sys
from datetime import datetime

from pynenc_model import read_timestamp

NOW = None  # set from the request: the fixed clock of _now_utc()


def _now_utc():
    return NOW


def _parse_timestamp(value):
    if not value:
        return _now_utc()
    return read_timestamp(value)


def _parse_timestamp_optional(value):
    if not value:
        return None
    return _parse_timestamp(value)


def _parse_timestamp_required(value):
    # EventMarker.timestamp: required, no "now" default.
    return read_timestamp(value)


def _iso_or_none(value):
    return value.isoformat() if value is not None else None


def _deserialize(value):
    if not isinstance(value, str):
        raise AttributeError("'%s' object has no attribute 'startswith'" % type(value).__name__)
    return value


# --- EventRecord --------------------------------------------------------------------------------

def event_record_from_dict(data):
    payload = {key: _deserialize(value) for key, value in (data.get("payload") or {}).items()}
    return dict(
        event_id=data["event_id"],
        event_code=data["event_code"],
        payload=payload,
        timestamp=_parse_timestamp(data.get("timestamp")),
        matched_condition_ids=list(data.get("matched_condition_ids") or []),
        valid_condition_ids=list(data.get("valid_condition_ids") or []),
        triggered_invocation_ids=list(data.get("triggered_invocation_ids") or []),
        emitted_by_invocation_id=data.get("emitted_by_invocation_id"),
        emitted_by_task_id=data.get("emitted_by_task_id"),
        emitted_by_runner_context_id=data.get("emitted_by_runner_context_id"),
    )


def event_record_to_json(r):
    return json.dumps({
        "event_id": r["event_id"],
        "event_code": r["event_code"],
        "timestamp": r["timestamp"].isoformat(),
        "payload": dict(r["payload"]),
        "matched_condition_ids": list(r["matched_condition_ids"]),
        "valid_condition_ids": list(r["valid_condition_ids"]),
        "triggered_invocation_ids": list(r["triggered_invocation_ids"]),
        "emitted_by_invocation_id": r["emitted_by_invocation_id"],
        "emitted_by_task_id": r["emitted_by_task_id"],
        "emitted_by_runner_context_id": r["emitted_by_runner_context_id"],
    })


# --- Trigger runs -------------------------------------------------------------------------------

def participant_from_dict(data):
    return dict(
        context_type=data["context_type"],
        condition_id=data.get("condition_id"),
        valid_condition_id=data.get("valid_condition_id"),
        event_id=data.get("event_id"),
        source_invocation_id=data.get("source_invocation_id"),
        context_timestamp=_parse_timestamp_optional(data.get("context_timestamp")),
        context_summary=data.get("context_summary") or "",
    )


def participant_to_dict(p):
    return {
        "context_type": p["context_type"],
        "condition_id": p["condition_id"],
        "valid_condition_id": p["valid_condition_id"],
        "event_id": p["event_id"],
        "source_invocation_id": p["source_invocation_id"],
        "context_timestamp": _iso_or_none(p["context_timestamp"]),
        "context_summary": p["context_summary"],
    }


def trigger_run_from_dict(data):
    return dict(
        trigger_run_id=data["trigger_run_id"],
        trigger_id=data["trigger_id"],
        task_id_key=data["task_id_key"],
        logic_value=data["logic_value"],
        valid_condition_ids=list(data.get("valid_condition_ids") or []),
        condition_ids=list(data.get("condition_ids") or []),
        event_ids=list(data.get("event_ids") or []),
        source_invocation_ids=list(data.get("source_invocation_ids") or []),
        triggered_invocation_id=data.get("triggered_invocation_id"),
        arguments_preview=dict(data.get("arguments_preview") or {}),
        claimed_at=_parse_timestamp_optional(data.get("claimed_at")),
        executed_at=_parse_timestamp_optional(data.get("executed_at")),
        participants=[participant_from_dict(p) for p in data.get("participants") or []],
        atomic_service_run_id=data.get("atomic_service_run_id"),
        atomic_service_runner_id=data.get("atomic_service_runner_id"),
    )


def trigger_run_to_json(r):
    return json.dumps({
        "trigger_run_id": r["trigger_run_id"],
        "trigger_id": r["trigger_id"],
        "task_id_key": r["task_id_key"],
        "logic_value": r["logic_value"],
        "valid_condition_ids": list(r["valid_condition_ids"]),
        "condition_ids": list(r["condition_ids"]),
        "event_ids": list(r["event_ids"]),
        "source_invocation_ids": list(r["source_invocation_ids"]),
        "triggered_invocation_id": r["triggered_invocation_id"],
        "arguments_preview": r["arguments_preview"],
        "claimed_at": _iso_or_none(r["claimed_at"]),
        "executed_at": _iso_or_none(r["executed_at"]),
        "participants": [participant_to_dict(p) for p in r["participants"]],
        "atomic_service_run_id": r["atomic_service_run_id"],
        "atomic_service_runner_id": r["atomic_service_runner_id"],
    })


# --- Event markers (no Python JSON form; mirrored with the same rules) ------------------------

def marker_from_dict(data):
    return dict(
        event_id=data["event_id"],
        event_code=data["event_code"],
        timestamp=_parse_timestamp_required(data["timestamp"]),
        matched=data["matched"],
        triggered=data["triggered"],
        emitted_by_invocation_id=data.get("emitted_by_invocation_id"),
        emitted_by_runner_context_id=data.get("emitted_by_runner_context_id"),
    )


def marker_to_dict(m):
    return {
        "event_id": m["event_id"],
        "event_code": m["event_code"],
        "timestamp": m["timestamp"].isoformat(),
        "matched": m["matched"],
        "triggered": m["triggered"],
        "emitted_by_invocation_id": m["emitted_by_invocation_id"],
        "emitted_by_runner_context_id": m["emitted_by_runner_context_id"],
    }


def page_from_dict(data):
    return dict(markers=[marker_from_dict(m) for m in data["markers"]], total=data["total"], truncated=data["truncated"])


def page_to_json(p):
    return json.dumps({"markers": [marker_to_dict(m) for m in p["markers"]], "total": p["total"], "truncated": p["truncated"]})


CODECS = {
    "EventRecord": (event_record_from_dict, event_record_to_json),
    "TriggerRunRecord": (trigger_run_from_dict, trigger_run_to_json),
    "TriggerRunParticipant": (participant_from_dict, lambda p: json.dumps(participant_to_dict(p))),
    "EventMarker": (marker_from_dict, lambda m: json.dumps(marker_to_dict(m))),
    "EventMarkerPage": (page_from_dict, page_to_json),
}


def run(case):
    read, write = CODECS[case["dto"]]
    try:
        return {"ok": write(read(json.loads(case["text"])))}
    except Exception as e:  # the verdict is what we compare: any exception is a rejection
        return {"error": type(e).__name__, "msg": str(e)}


def main():
    global NOW
    request = json.load(sys.stdin)
    NOW = datetime.fromisoformat(request["now"])
    json.dump([run(c) for c in request["cases"]], sys.stdout)


if __name__ == "__main__":
    main()
