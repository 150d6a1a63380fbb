"""The generated package against the contract it was generated from: one TypedDict per DTO with the schema's
fields, order, types, nullability and descriptions; the schema files shipped byte for byte; the helpers'
errors and issue paths."""

from __future__ import annotations

import ast
import json
import re
import types
import typing
import unittest
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import _support
import pynenc_monitoring_contract as contract
from pynenc_monitoring_contract import (
    ContractValidationError,
    UnknownDtoError,
    is_valid,
    iter_errors,
    load_schema,
    validate,
)

SCHEMA_FILES = sorted(_support.CONTRACT.glob("*.schema.json"))
SCHEMAS = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_FILES}
BY_ID = {schema["$id"]: schema for schema in SCHEMAS.values()}
DTOS = {schema["title"]: schema for schema in SCHEMAS.values() if "properties" in schema}
COMMON = next(schema for schema in SCHEMAS.values() if "$defs" in schema)
PACKAGE = Path(contract.__file__).parent


def resolve(node: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
    """Follows a $ref among the contract's files."""
    url, fragment = urldefrag(urljoin(base, node["$ref"]))
    target: Any = BY_ID[url]
    for part in filter(None, fragment.split("/")):
        target = target[part]
    return target, url


def json_types(node: dict[str, Any], base: str) -> set[str]:
    """The JSON types a schema admits (integer counted as number)."""
    if "$ref" in node:
        return json_types(*resolve(node, base))
    if "enum" in node:
        return {json_type_of(v) for v in node["enum"]}
    for key in ("oneOf", "anyOf"):
        if key in node:
            return set().union(*(json_types(branch, base) for branch in node[key]))
    declared = node["type"]
    return {"number" if t == "integer" else t for t in ([declared] if isinstance(declared, str) else declared)}


def json_type_of(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}[type(value)]


def hint_types(hint: Any) -> set[str]:
    """The JSON types a Python type hint admits."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return set().union(*(hint_types(arg) for arg in typing.get_args(hint)))
    if origin is typing.Literal:
        return {json_type_of(v) for v in typing.get_args(hint)}
    if origin is list:
        return {"array"}
    if origin is dict or typing.is_typeddict(hint):
        return {"object"}
    simple = {str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}
    return {simple[hint]}


def normalize(text: str | None) -> str:
    return " ".join((text or "").split())


def field_docstrings(class_name: str) -> dict[str, str]:
    """field → the docstring written after it in the generated source (not kept at run time)."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name)
    docs: dict[str, str] = {}
    for stmt, following in zip(cls.body, cls.body[1:]):
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
                docs[stmt.target.id] = str(following.value.value)
    return docs


class GeneratedTypes(unittest.TestCase):
    def test_constants_follow_the_contract(self) -> None:
        self.assertEqual(list(contract.DTO_NAMES), sorted(DTOS))
        versions = {re.search(r"/v(\d+)/", s["$id"]).group(1) for s in SCHEMAS.values()}  # type: ignore[union-attr]
        self.assertEqual(versions, {str(contract.CONTRACT_VERSION)})
        for dto, file in contract.SCHEMA_FILES.items():
            self.assertEqual(SCHEMAS[file]["title"], dto)

    def test_one_typeddict_per_dto_with_the_schema_fields_in_order_all_required(self) -> None:
        for dto, schema in DTOS.items():
            with self.subTest(dto=dto):
                cls = getattr(contract, dto)
                self.assertTrue(typing.is_typeddict(cls))
                self.assertEqual(list(cls.__annotations__), list(schema["properties"]))
                self.assertEqual(set(cls.__required_keys__), set(schema["required"]))
                self.assertEqual(normalize(cls.__doc__), normalize(schema["description"]))

    def test_field_types_admit_exactly_the_json_types_the_schema_does(self) -> None:
        for dto, schema in DTOS.items():
            hints = typing.get_type_hints(getattr(contract, dto))
            for field, prop in schema["properties"].items():
                with self.subTest(dto=dto, field=field):
                    self.assertEqual(hint_types(hints[field]), json_types(prop, schema["$id"]))

    def test_nullable_fields_are_optional_and_others_are_not(self) -> None:
        for dto, schema in DTOS.items():
            hints = typing.get_type_hints(getattr(contract, dto))
            for field, prop in schema["properties"].items():
                nullable = "null" in json_types(prop, schema["$id"])
                self.assertEqual(type(None) in typing.get_args(hints[field]), nullable, f"{dto}.{field}")

    def test_field_docstrings_are_the_schema_descriptions(self) -> None:
        for dto, schema in DTOS.items():
            docs = field_docstrings(dto)
            for field, prop in schema["properties"].items():
                with self.subTest(dto=dto, field=field):
                    self.assertTrue(normalize(docs[field]).startswith(normalize(prop["description"])))

    def test_shared_definitions_are_aliases(self) -> None:
        for definition in COMMON["$defs"].values():
            with self.subTest(alias=definition["title"]):
                alias = getattr(contract, definition["title"])
                self.assertEqual(hint_types(alias), json_types(definition, COMMON["$id"]))
        hints = typing.get_type_hints(contract.EventRecord)
        self.assertIs(hints["event_id"], contract.Id)
        self.assertEqual(hints["matched_condition_ids"], contract.IdList)


class SchemaFiles(unittest.TestCase):
    def test_shipped_byte_for_byte(self) -> None:
        shipped = sorted(p.name for p in (PACKAGE / "schemas").glob("*.json"))
        self.assertEqual(shipped, [p.name for p in SCHEMA_FILES])
        for path in SCHEMA_FILES:
            self.assertEqual((PACKAGE / "schemas" / path.name).read_bytes(), path.read_bytes(), path.name)

    def test_load_schema_parses_the_dto_file_and_returns_a_copy(self) -> None:
        for dto in contract.DTO_NAMES:
            self.assertEqual(load_schema(dto), DTOS[dto])
        load_schema("EventRecord")["title"] = "changed"
        self.assertEqual(load_schema("EventRecord")["title"], "EventRecord")


def event_record() -> dict[str, Any]:
    return dict(DTOS["EventRecord"]["examples"][0])


class Helpers(unittest.TestCase):
    def test_unknown_dto(self) -> None:
        for call in (validate, is_valid, iter_errors, lambda dto, doc: load_schema(dto)):
            with self.assertRaises(UnknownDtoError) as raised:
                call("Nope", {})  # iter_errors too: at the call, not on iteration
            self.assertEqual(raised.exception.code, "UNKNOWN_DTO")
            self.assertIn('unknown DTO "Nope"; expected one of EventMarker, EventMarkerPage', str(raised.exception))

    def test_every_issue_once_in_document_order(self) -> None:
        document = event_record()
        del document["event_code"]
        document["timestamp"] = "2026-05-09T10:11:12Z"
        document["payload"] = {"a/b~c": 1, "ok": "x", "ü": None}
        document["extra"] = True
        issues = list(iter_errors("EventRecord", document))
        self.assertEqual(
            [(i.path, i.keyword) for i in issues],
            [
                ("/timestamp", "pattern"),
                ("/payload/a~1b~0c", "type"),
                ("/payload/ü", "type"),
                ("/extra", "additionalProperties"),
                ("/event_code", "required"),
            ],
        )
        with self.assertRaises(ContractValidationError) as raised:
            validate("EventRecord", document)
        error = raised.exception
        self.assertIsInstance(error, ValueError)
        self.assertEqual(error.issues, tuple(issues))
        self.assertEqual(error.path, "/timestamp")
        self.assertRegex(str(error), r"^EventRecord /timestamp: must be a timestamp .* \(and 4 more issues\)$")

    def test_one_issue_per_value_type_first(self) -> None:
        page = {"markers": [], "total": -1.5, "truncated": False}
        self.assertEqual(
            [(i.path, i.keyword, i.message) for i in iter_errors("EventMarkerPage", page)],
            [("/total", "type", "must be an integer, got the number -1.5")],
        )

    def test_conditional_rules_say_when_they_apply(self) -> None:
        participant = dict(DTOS["TriggerRunParticipant"]["examples"][0], source_invocation_id="inv-1")
        [issue] = iter_errors("TriggerRunParticipant", participant)
        self.assertEqual(issue.path, "/source_invocation_id")
        self.assertEqual(issue.message, 'must be null when context_type is "EventContext", got the string "inv-1"')
        # The message is made from the issue's fields; the error's expected carries the condition.
        self.assertEqual(
            (issue.keyword, issue.expected, issue.received, issue.condition),
            ("type", "null", 'the string "inv-1"', 'context_type is "EventContext"'),
        )
        with self.assertRaises(ContractValidationError) as raised:
            validate("TriggerRunParticipant", participant)
        self.assertEqual(raised.exception.expected, 'null when context_type is "EventContext"')
        self.assertEqual(raised.exception.received, 'the string "inv-1"')

    def test_issue_fields(self) -> None:
        document = event_record()
        del document["event_code"]
        document["extra"] = True
        document["matched_condition_ids"] = "c1"
        issues = {i.keyword: i for i in iter_errors("EventRecord", document)}
        expected = {
            "required": ("the key to be present (it is required)", "no such key", "is required but missing"),
            "additionalProperties": (
                "only the keys the DTO defines",
                'the key "extra"',
                "is not a property of this DTO (unknown key)",
            ),
            "type": ("an array", 'the string "c1"', 'must be an array, got the string "c1"'),
        }
        self.assertEqual({k: (i.expected, i.received, i.message) for k, i in issues.items()}, expected)

    def test_the_whole_document_and_nested_values(self) -> None:
        self.assertEqual([i.path for i in iter_errors("EventRecord", [])], [""])
        run = dict(DTOS["TriggerRunRecord"]["examples"][0])
        run["participants"] = [dict(p) for p in run["participants"]]
        run["participants"][1]["context_timestamp"] = "2026-05-09T10:11:12.9+00:00"
        [issue] = iter_errors("TriggerRunRecord", run)
        self.assertEqual((issue.path, issue.keyword), ("/participants/1/context_timestamp", "oneOf"))

    def test_valid_documents_come_back_as_they_are(self) -> None:
        document = event_record()
        self.assertIs(validate("EventRecord", document), document)
        self.assertTrue(is_valid("EventRecord", document))
        self.assertEqual(list(iter_errors("EventRecord", document)), [])

    def test_lone_surrogates_keep_messages_printable(self) -> None:
        [issue] = iter_errors("EventRecord", dict(event_record(), timestamp="\udc00"))
        self.assertTrue(issue.message.endswith(', got "\\udc00"'), issue.message)
        issue.message.encode("utf-8")  # no lone surrogate left in the text


if __name__ == "__main__":
    unittest.main()
