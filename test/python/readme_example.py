import json

from pynenc_monitoring_contract import ContractValidationError, EventRecord, iter_errors, validate

text = (
    '{"event_id": "evt-1", "event_code": "order.created", "timestamp": "2026-05-09T10:11:12.345678+00:00", '
    '"payload": {"order_id": "42"}, "matched_condition_ids": [], "valid_condition_ids": [], '
    '"triggered_invocation_ids": [], "emitted_by_invocation_id": null, "emitted_by_task_id": null, '
    '"emitted_by_runner_context_id": null}'
)

record: EventRecord = validate("EventRecord", json.loads(text))  # the same dict, typed as the TypedDict
print(f"valid {record['event_code']} at {record['timestamp']}")
# valid order.created at 2026-05-09T10:11:12.345678+00:00

broken = {**record, "timestamp": "2026-02-30T10:11:12+00:00", "retries": 3}
del broken["payload"]
for issue in iter_errors("EventRecord", broken):
    print(f"{issue.path}: {issue.message}")
# /timestamp: must be a timestamp as Python's datetime.isoformat() writes it (…), got "2026-02-30T10:11:12+00:00"
# /retries: is not a property of this DTO (unknown key)
# /payload: is required but missing

try:
    validate("EventRecord", broken)
except ContractValidationError as err:
    print(f"{err.code} {err.dto} at {err.path}, {len(err.issues)} issues")
# CONTRACT_INVALID EventRecord at /timestamp, 3 issues
