"""What pynenc writes for the contract's valid vectors: its own from_json -> to_json, nothing mirrored.

Run with the pynenc venv (.venv/bin/python). Request on stdin (JSON): {"files": [{"dto": ..., "path": ...}]},
the vector files (contract/vectors/<DTO>/valid/*.json). Python reads each file itself (json.load) and writes
`text = json.dumps(document)`, then:
  TriggerRunRecord       TriggerRunRecord.from_json(text).to_json()
  TriggerRunParticipant  json.dumps(TriggerRunParticipant.from_dict(json.loads(text)).to_dict())
                         (pynenc writes a participant only inside a run's json.dumps; same separators)
  EventRecord            EventRecord.from_json(text, app).to_json(app), with two apps:
    "default"      pynenc's defaults (JsonPickleSerializer, MemClientDataStore): payload values go through
                   client_data_store.deserialize -> serialize, as they do in a real app;
    "passthrough"  the same MemClientDataStore with disable_client_data_store=True and PassThroughSerializer
                   below as the app's serializer_cls. This serializer is the one piece that is not pynenc's:
                   payload values on the wire are already serialized text, and this app leaves them as they
                   are, so what remains is pynenc's own record reading and writing. A reference key still
                   goes through the store's resolve (is_reference -> _resolve_reference), as in pynenc.
Reply (stdout, JSON): [{"dto", "path", "results": {<app or "pynenc">: {"ok": text} | {"error", "msg"}}}].
"""
import json
import sys

from pynenc import Pynenc
from pynenc.serializer.base_serializer import BaseSerializer
from pynenc.trigger.monitoring import EventRecord, TriggerRunParticipant, TriggerRunRecord


class PassThroughSerializer(BaseSerializer):
    """Not pynenc's (see the module doc): wire strings are left as they are, both ways."""

    @staticmethod
    def serialize(obj):
        return obj

    @staticmethod
    def deserialize(obj):
        return obj


def apps():
    default = Pynenc(config_values={"app_id": "vectors_python_default"})
    passthrough = Pynenc(config_values={
        "app_id": "vectors_python_passthrough",
        "serializer_cls": PassThroughSerializer.__name__,
        "disable_client_data_store": True,
    })
    return {"default": default, "passthrough": passthrough}


def outcome(write):
    try:
        return {"ok": write()}
    except Exception as exc:  # the reply names what pynenc raised
        return {"error": type(exc).__name__, "msg": str(exc)}


def results_for(dto, text, event_apps):
    if dto == "TriggerRunRecord":
        return {"pynenc": outcome(lambda: TriggerRunRecord.from_json(text).to_json())}
    if dto == "TriggerRunParticipant":
        return {"pynenc": outcome(lambda: json.dumps(TriggerRunParticipant.from_dict(json.loads(text)).to_dict()))}
    if dto == "EventRecord":
        return {
            name: outcome(lambda app=app: EventRecord.from_json(text, app).to_json(app))
            for name, app in event_apps.items()
        }
    raise ValueError(f"pynenc has no JSON form for {dto}")


def main():
    request = json.load(sys.stdin)
    event_apps = apps()
    reply = []
    for item in request["files"]:
        with open(item["path"], encoding="utf-8") as f:
            document = json.load(f)["document"]
        reply.append({
            "dto": item["dto"],
            "path": item["path"],
            "results": results_for(item["dto"], json.dumps(document), event_apps),
        })
    sys.stdout.write(json.dumps(reply))


if __name__ == "__main__":
    main()
