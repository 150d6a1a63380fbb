"""Shared by the Python tests: the repository paths, the generated package on sys.path, the vectors."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "contract"
VECTORS = CONTRACT / "vectors"
PACKAGE_DIR = ROOT / "generated" / "python"

if str(PACKAGE_DIR) not in sys.path:
    sys.path.insert(0, str(PACKAGE_DIR))


@dataclass(frozen=True)
class Vector:
    dto: str
    kind: str  # "valid" | "invalid"
    file: str  # "EventRecord/invalid/timestamp-naive.json", as the TypeScript tests name it
    description: str
    document: Any
    error_path: str | None


def load_vectors() -> list[Vector]:
    """contract/vectors/<DTO>/{valid,invalid}/*.json, in the order the TypeScript tests read them."""
    vectors = []
    for dto_dir in sorted(p for p in VECTORS.iterdir() if p.is_dir()):
        for kind in ("valid", "invalid"):
            folder = dto_dir / kind
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.json")):
                body = json.loads(path.read_text(encoding="utf-8"))
                vectors.append(
                    Vector(
                        dto=dto_dir.name,
                        kind=kind,
                        file=f"{dto_dir.name}/{kind}/{path.name}",
                        description=body["description"],
                        document=body["document"],
                        error_path=body.get("error_path"),
                    )
                )
    return vectors
