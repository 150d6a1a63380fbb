# Install the Python package from a checkout of this repository (it needs only jsonschema). --no-build-isolation
# builds with the setuptools already installed (Debian: python3-setuptools): no package index needed.
python3 -m pip install --no-build-isolation ./pynenc-monitoring-contract/generated/python

# Fail the job when a record your tests wrote (JSON Lines) breaks the contract; prints file:line path: message.
# Blank lines are skipped; a line that is not JSON is reported, not a crash.
python3 - EventRecord records.jsonl <<'PY'
import json
import sys

from pynenc_monitoring_contract import iter_errors

dto, path = sys.argv[1], sys.argv[2]
failed = False
with open(path, encoding="utf-8") as lines:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            print(f"{path}:{number} not JSON: {err}")
            failed = True
            continue
        for issue in iter_errors(dto, record):
            print(f"{path}:{number} {issue.path}: {issue.message}")
            failed = True
sys.exit(1 if failed else 0)
PY
