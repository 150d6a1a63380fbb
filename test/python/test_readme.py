"""The Python snippets of docs/python.md run as written, and the page shows them unchanged.

readme_example.py is "Using the contract from Python"; readme_ci.sh is "In a CI pipeline": it is run with
bash in a scratch folder that holds a copy of generated/python where a checkout would be, `python3` on
PATH being this interpreter, and pip pointed at a scratch target (no network, nothing installed globally).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import _support

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "readme_example.py"
CI_SNIPPET = HERE / "readme_ci.sh"
# The page that shows them (the README links to it).
README = _support.ROOT / "docs" / "python.md"


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def shown_output(code: str) -> list[str]:
    """A whole-line comment in a snippet shows output; `…` elides."""
    return [part.strip() for line in re.findall(r"^# (.*)$", code, re.M) for part in line.split("…") if part.strip()]


class ReadmeText(unittest.TestCase):
    def test_the_readme_shows_the_tested_snippets_verbatim(self) -> None:
        text = README.read_text(encoding="utf-8")
        self.assertEqual(re.findall(r"```python\n(.*?)```", text, re.S), [EXAMPLE.read_text(encoding="utf-8")])
        self.assertIn(CI_SNIPPET.read_text(encoding="utf-8"), re.findall(r"```sh\n(.*?)```", text, re.S))


class PythonExample(unittest.TestCase):
    def test_runs_as_written_and_prints_what_it_shows(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(_support.PACKAGE_DIR), PYTHONDONTWRITEBYTECODE="1")
        result = run([sys.executable, str(EXAMPLE)], HERE, env)
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        shown = shown_output(EXAMPLE.read_text(encoding="utf-8"))
        self.assertGreater(len(shown), 3)
        for part in shown:
            self.assertIn(part, result.stdout)


class CiSnippet(unittest.TestCase):
    scratch: Path
    env: dict[str, str]
    vectors = [v for v in _support.load_vectors() if v.dto == "EventRecord"]

    @classmethod
    def setUpClass(cls) -> None:
        cls.scratch = Path(tempfile.mkdtemp(prefix="readme-ci-"))
        shutil.copytree(_support.PACKAGE_DIR, cls.scratch / "pynenc-monitoring-contract" / "generated" / "python")
        (cls.scratch / "bin").mkdir()
        (cls.scratch / "bin" / "python3").symlink_to(sys.executable)
        cls.env = {
            **os.environ,
            "PATH": f"{cls.scratch / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
            "PIP_TARGET": str(cls.scratch / "site"),
            "PIP_NO_INDEX": "1",
            "PIP_NO_BUILD_ISOLATION": "0",  # pip's spelling for --no-build-isolation: use the installed setuptools
            "PIP_NO_DEPS": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "PIP_ROOT_USER_ACTION": "ignore",
            "PYTHONPATH": str(cls.scratch / "site"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.scratch, ignore_errors=True)

    def run_snippet(self, records: list[object]) -> subprocess.CompletedProcess[str]:
        # a str stands for a raw line (blank, or not JSON); anything else is written as JSON
        lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
        (self.scratch / "records.jsonl").write_text(lines, encoding="utf-8")
        shutil.rmtree(self.scratch / "site", ignore_errors=True)
        return run(["bash", "-euo", "pipefail", str(CI_SNIPPET)], self.scratch, self.env)

    def test_passes_when_every_record_is_valid_and_installs_the_package_with_its_schemas(self) -> None:
        valid = [v.document for v in self.vectors if v.kind == "valid"]
        result = self.run_snippet(valid)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        installed = self.scratch / "site" / "pynenc_monitoring_contract"
        for schema in sorted(_support.CONTRACT.glob("*.schema.json")):
            self.assertEqual((installed / "schemas" / schema.name).read_bytes(), schema.read_bytes())
        self.assertTrue((installed / "py.typed").exists())

    def test_fails_and_names_file_line_and_path_of_each_bad_record(self) -> None:
        invalid = [v for v in self.vectors if v.kind == "invalid" and isinstance(v.document, dict)][:2]
        valid = [v.document for v in self.vectors if v.kind == "valid"][:3]
        result = self.run_snippet([valid[0], invalid[0].document, valid[1], valid[2], invalid[1].document])
        self.assertEqual(result.returncode, 1, result.stderr)
        printed = [line.split(": ")[0] for line in result.stdout.splitlines() if line.startswith("records.jsonl:")]
        self.assertEqual(
            printed, [f"records.jsonl:2 {invalid[0].error_path}", f"records.jsonl:5 {invalid[1].error_path}"]
        )

    def test_skips_blank_lines_and_reports_a_line_that_is_not_json(self) -> None:
        valid = [v.document for v in self.vectors if v.kind == "valid"][:2]
        reported = lambda out: [line.split(": ")[0] for line in out.splitlines() if line.startswith("records.jsonl:")]
        blank = self.run_snippet(["", valid[0], "   ", valid[1], ""])
        self.assertEqual((blank.returncode, reported(blank.stdout), blank.stderr), (0, [], ""))
        broken = self.run_snippet([valid[0], "{not json", "", valid[1]])
        self.assertEqual((broken.returncode, reported(broken.stdout), broken.stderr), (1, ["records.jsonl:2 not JSON"], ""))


if __name__ == "__main__":
    unittest.main()
