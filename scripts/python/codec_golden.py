"""Golden oracle for src/codec: pynenc's own from_json -> to_json (pynenc.trigger.monitoring, the installed pynenc).

Run with the venv's Python (test/support/pynenc-python.ts). Per DTO:
  TriggerRunRecord       TriggerRunRecord.from_json(text).to_json()
  TriggerRunParticipant  TriggerRunParticipant.from_dict(json.loads(text)), written with json.dumps(p.to_dict()),
                         as TriggerRunRecord.to_json writes each participant
  EventRecord            EventRecord.from_json(text, app).to_json(app), `app` a real Pynenc app (pynenc_app.py,
                         default serializer, client data store disabled). Each payload value goes through that
                         app's client data store: resolve(text) is the default serializer's (JsonPickleSerializer) jsonpickle.loads(text) (a
                         reference is looked up in the app's empty MemClientDataStore: KeyError), serialize(value)
                         is jsonpickle.dumps(value), inline because the store is disabled. So a payload text comes
                         back unchanged only when it is what jsonpickle writes for its value; others are rewritten
                         ("1.50" -> "1.5") or rejected. (jsonpickle falls back to PyYAML, a pynenc dependency,
                         for text json.loads refuses: "abc" -> '"abc"', "" -> "null".)
  EventMarker, EventMarkerPage
                         MODEL: pynenc has no JSON form for them (frozen dataclasses built from backend columns).
                         The model uses the real dataclasses (field names, order, defaults) and pynenc's timestamp
                         reader; only the reading rule is ours: a field without a default is required (data[...]),
                         the timestamp too (no "now" default), the others read with data.get.
"now": pynenc's readers call `pynenc.trigger.monitoring._now_utc()` for a missing/empty EventRecord.timestamp; that
module function is patched here to return the request's fixed instant.

Request on stdin: {"now": "<isoformat of the fixed 'now'>", "cases": [{"dto": ..., "text": ...}]}
Reply on stdout: [{"ok": to_json(from_json(text))} | {"error": "<type>", "msg": "<message>"}], ASCII.
"""
import json
from dataclasses import MISSING, fields, is_dataclass
from datetime import datetime

from pynenc.trigger import monitoring
from pynenc.trigger.monitoring import (
    EventMarker,
    EventMarkerPage,
    EventRecord,
    TriggerRunParticipant,
    TriggerRunRecord,
)

from pynenc_app import build_app, serve


def fixed_clock(now):
    """Patch pynenc's clock (monitoring._now_utc, looked up at call time by _parse_timestamp) to `now`."""
    monitoring._now_utc = lambda: now


def pynenc_app():
    """A real Pynenc app (pynenc_app.build_app: memory backends, JsonPickleSerializer), client data store disabled."""
    return build_app("codec-golden", disable_client_data_store=True)


# --- MODEL: EventMarker / EventMarkerPage (pynenc has no JSON form for them) ---------------------------

def marker_timestamp(value):
    """MODEL: EventMarker.timestamp is required, so no "now" default; otherwise pynenc's reader."""
    if not value:
        raise ValueError(f"EventMarker.timestamp is required, got {value!r}")
    return monitoring._parse_timestamp(value)


def marker_from_dict(data):
    kwargs = {}
    for f in fields(EventMarker):
        value = data[f.name] if f.default is MISSING else data.get(f.name, f.default)
        kwargs[f.name] = marker_timestamp(value) if f.name == "timestamp" else value
    return EventMarker(**kwargs)


def page_from_dict(data):
    return EventMarkerPage(
        markers=[marker_from_dict(m) for m in data["markers"]], total=data["total"], truncated=data["truncated"]
    )


def plain(value):
    """MODEL: a dataclass as JSON in field order, datetimes as isoformat() (as pynenc writes its other DTOs)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


# --- the round trips ------------------------------------------------------------------------------------

def round_trips(app):
    return {
        "EventRecord": lambda text: EventRecord.from_json(text, app).to_json(app),
        "TriggerRunRecord": lambda text: TriggerRunRecord.from_json(text).to_json(),
        "TriggerRunParticipant": lambda text: json.dumps(TriggerRunParticipant.from_dict(json.loads(text)).to_dict()),
        "EventMarker": lambda text: json.dumps(plain(marker_from_dict(json.loads(text)))),
        "EventMarkerPage": lambda text: json.dumps(plain(page_from_dict(json.loads(text)))),
    }


def run(trips, case):
    try:
        return {"ok": trips[case["dto"]](case["text"])}
    except Exception as e:  # the verdict is what we compare: any exception is a rejection
        return {"error": type(e).__name__, "msg": str(e)}


def answer(request):
    fixed_clock(datetime.fromisoformat(request["now"]))
    app = pynenc_app()
    assert app.client_data_store.conf.disable_client_data_store, "the payload values must stay inline"
    trips = round_trips(app)
    return [run(trips, c) for c in request["cases"]]


if __name__ == "__main__":
    serve(answer)
