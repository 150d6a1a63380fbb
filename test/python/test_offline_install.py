"""The generated package installs offline: `pip install --no-build-isolation --no-index` into a venv that sees
Debian's python3-setuptools and python3-jsonschema (--system-site-packages), from a copy of generated/python. What
the build leaves in the source folder (build/, *.egg-info) is what .gitignore lists, so a checkout where someone ran
`pip install ./generated/python` stays clean for `npm test` and git.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import _support

RELATIVE = Path("generated") / "python"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


class OfflineInstall(unittest.TestCase):
    def test_installs_without_an_index_and_leaves_only_ignored_files(self) -> None:
        scratch = Path(tempfile.mkdtemp(prefix="offline-install-"))
        try:
            source = scratch / "src"
            shutil.copytree(_support.PACKAGE_DIR, source, ignore=shutil.ignore_patterns("build", "*.egg-info"))
            before = {p.name for p in source.iterdir()}
            made = run([sys.executable, "-m", "venv", "--system-site-packages", str(scratch / "venv")], scratch)
            self.assertEqual((made.returncode, made.stderr), (0, ""))
            python = scratch / "venv" / "bin" / "python"
            pip = [str(python), "-m", "pip", "install", "--no-build-isolation", "--no-index", "--no-deps"]
            installed = run([*pip, "--disable-pip-version-check", "--quiet", str(source)], scratch)
            self.assertEqual(installed.returncode, 0, installed.stdout + installed.stderr)

            valid = next(v for v in _support.load_vectors() if v.kind == "valid" and v.dto == "EventRecord")
            invalid = next(v for v in _support.load_vectors() if v.kind == "invalid" and v.dto == "EventRecord")
            script = (
                "import json, sys\n"
                "import pynenc_monitoring_contract as p\n"
                "docs = json.loads(sys.argv[1])\n"
                "print(json.dumps([p.__file__.startswith(sys.prefix)] + "
                "[[i.path for i in p.iter_errors('EventRecord', d)] for d in docs]))\n"
            )
            used = run([str(python), "-c", script, json.dumps([valid.document, invalid.document])], scratch)
            self.assertEqual((used.returncode, used.stderr), (0, ""))
            self.assertEqual(json.loads(used.stdout), [True, [], [invalid.error_path]])

            leftovers = sorted({p.name for p in source.iterdir()} - before)
            self.assertTrue(leftovers, "setuptools built in place (build/, *.egg-info): the case .gitignore covers")
            for name in leftovers:
                path = f"{RELATIVE / name}/" if (source / name).is_dir() else str(RELATIVE / name)
                ignored = run(["git", "check-ignore", "-q", path], _support.ROOT)
                self.assertEqual(ignored.returncode, 0, f"{path} is not ignored by .gitignore")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
