# Install the Python package from a checkout of this repository (it needs only jsonschema).
python3 -m pip install ./pynenc-monitoring-contract/generated/python

# Fail the job when a record your tests wrote (JSON Lines) breaks the contract; prints file:line path: message.
python3 - EventRecord records.jsonl <<'PY'
import json
import sys

from pynenc_monitoring_contract import iter_errors

dto, path = sys.argv[1], sys.argv[2]
failed = False
with open(path, encoding="utf-8") as lines:
    for number, line in enumerate(lines, start=1):
        for issue in iter_errors(dto, json.loads(line)):
            print(f"{path}:{number} {issue.path}: {issue.message}")
            failed = True
sys.exit(1 if failed else 0)
PY
