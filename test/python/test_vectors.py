"""Every shared vector in contract/vectors/ through the generated Python helper: valid ones are accepted
unchanged; invalid ones fail with exactly one issue, at their error_path. One test per vector file, named
after it, so a failure names the vector."""

from __future__ import annotations

import re
import unittest
from collections.abc import Callable

import _support
from pynenc_monitoring_contract import (
    DTO_NAMES,
    ContractValidationError,
    is_valid,
    iter_errors,
    validate,
)

VECTORS = _support.load_vectors()


class VectorSet(unittest.TestCase):
    def test_covers_every_dto_with_valid_and_invalid_documents(self) -> None:
        self.assertEqual({v.dto for v in VECTORS}, set(DTO_NAMES))
        for dto in DTO_NAMES:
            for kind in ("valid", "invalid"):
                self.assertTrue(any(v.dto == dto and v.kind == kind for v in VECTORS), f"no {kind} {dto} vector")
        self.assertGreaterEqual(len(VECTORS), 60)

    def test_invalid_vectors_name_their_error_path_and_valid_ones_do_not(self) -> None:
        for v in VECTORS:
            self.assertEqual(isinstance(v.error_path, str), v.kind == "invalid", v.file)


class Vectors(unittest.TestCase):
    """Filled below: test_<DTO>__<kind>__<file name>."""


def _valid_case(vector: _support.Vector) -> Callable[[unittest.TestCase], None]:
    def test(self: unittest.TestCase) -> None:
        self.assertEqual(list(iter_errors(vector.dto, vector.document)), [])
        self.assertTrue(is_valid(vector.dto, vector.document))
        self.assertIs(validate(vector.dto, vector.document), vector.document)

    return test


def _invalid_case(vector: _support.Vector) -> Callable[[unittest.TestCase], None]:
    def test(self: unittest.TestCase) -> None:
        issues = list(iter_errors(vector.dto, vector.document))
        self.assertEqual([i.path for i in issues], [vector.error_path])
        for issue in issues:
            self.assertNotIn("\n", issue.message)
            self.assertRegex(issue.keyword, r"^[A-Za-z]+$")
        self.assertFalse(is_valid(vector.dto, vector.document))
        with self.assertRaises(ContractValidationError) as raised:
            validate(vector.dto, vector.document)
        error = raised.exception
        self.assertEqual((error.dto, error.path, list(error.issues)), (vector.dto, vector.error_path, issues))
        self.assertEqual(error.code, "CONTRACT_INVALID")

    return test


for _vector in VECTORS:
    _name = "test_" + re.sub(r"\W", "_", _vector.file.removesuffix(".json").replace("/", "__"))
    _case = (_valid_case if _vector.kind == "valid" else _invalid_case)(_vector)
    _case.__name__ = _name
    _case.__doc__ = f"{_vector.file}: {_vector.description}"
    setattr(Vectors, _name, _case)


if __name__ == "__main__":
    unittest.main()
