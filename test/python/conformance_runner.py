"""Runs documents through the generated Python helper and writes one JSON line per document.

    conformance_runner.py vectors   every contract/vectors file: {"file", "verdict", "issues"}
    conformance_runner.py stdin     JSON lines {"id", "dto", "document"} in: {"id", "verdict", "issues"} out

verdict is "valid" or "invalid"; issues are {"path", "keyword", "expected", "received", "message"} in the helper's order. The jest
cross-check (test/conformance/) compares these with Ajv's, vector by vector.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import _support
from pynenc_monitoring_contract import iter_errors


def check(dto: str, document: Any) -> dict[str, Any]:
    issues = [
        {"path": i.path, "keyword": i.keyword, "expected": i.expected, "received": i.received, "message": i.message}
        for i in iter_errors(dto, document)
    ]
    return {"verdict": "invalid" if issues else "valid", "issues": issues}


def main(mode: str) -> int:
    out = sys.stdout
    if mode == "vectors":
        for vector in _support.load_vectors():
            out.write(json.dumps({"file": vector.file, **check(vector.dto, vector.document)}) + "\n")
        return 0
    if mode == "stdin":
        for line in sys.stdin:
            if line.strip():
                request = json.loads(line)
                out.write(json.dumps({"id": request["id"], **check(request["dto"], request["document"])}) + "\n")
        return 0
    print(f"usage: {sys.argv[0]} vectors|stdin", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) == 2 else ""))
