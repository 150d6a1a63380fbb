# GENERATED FILE — DO NOT EDIT.
# Made by `npm run generate` (scripts/index.ts) from scripts/python-runtime/_validation.py.
# Edit the schemas in contract/ and regenerate; CI fails when this file drifts.
"""Validation against the contract's JSON Schemas with python-jsonschema (Draft202012Validator).

Issues are reported the way the TypeScript runtime reports them, so both sides agree on every shared vector:
the path is a JSON pointer to the offending value, to the key itself for a missing or unknown key, and there
is one issue per value. Works with jsonschema 4.10 (RefResolver; Debian bookworm) and with the versions that
resolve references through the `referencing` library (4.18 and later).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final, cast
from urllib.parse import unquote, urldefrag, urljoin

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

_TIMESTAMP: Final = (
    "a timestamp as Python's datetime.isoformat() writes it "
    "(YYYY-MM-DDTHH:MM:SS[.ffffff]±HH:MM, a real calendar date)"
)
_ALTERNATIVES: Final = ("oneOf", "anyOf")


@dataclass(frozen=True)
class ValidationIssue:
    """One reason a document is not a valid instance of its DTO; `message` is made from the other fields (_issue)."""

    path: str
    """JSON pointer (RFC 6901) to the offending value, or to the missing or unknown key; "" is the document."""
    message: str
    """One line: what was expected there, and what was found."""
    keyword: str
    """The JSON Schema keyword that failed (required, additionalProperties, type, pattern, enum, …)."""
    expected: str = ""
    """What was expected there, as a noun phrase ("a string", 'one of "and", "or"', ">= 0")."""
    received: str | None = None
    """The value found, as shown to people (one line, at most 60 characters); None when nothing is shown."""
    condition: str | None = None
    """When the rule applies, for a rule inside a `then` ('context_type is "EventContext"')."""


_REQUIRED: Final = ("the key to be present (it is required)", "no such key")
_UNKNOWN_KEY_EXPECTED: Final = "only the keys the DTO defines"


def _issue(
    path: str, keyword: str, expected: str, received: str | None, condition: str | None = None
) -> ValidationIssue:
    """The issue, its message made from its data alone (as src/validation/errors.ts formatIssue makes it)."""
    if keyword == "required":
        message = "is required but missing"
    elif keyword == "additionalProperties":
        message = "is not a property of this DTO (unknown key)"
    else:
        when = f" when {condition}" if condition else ""
        got = f", got {received}" if received is not None else ""
        message = f"must be {expected}{when}{got}"
    return ValidationIssue(path, message, keyword, expected, received, condition)


class ContractError(Exception):
    """Base of the errors this package raises; `code` is stable and machine-readable."""

    code = "CONTRACT_ERROR"


class ContractValidationError(ContractError, ValueError):
    """A document is not a valid instance of its DTO; `issues` lists every reason, `path` is the first one's."""

    code = "CONTRACT_INVALID"

    def __init__(self, dto: str, issues: Sequence[ValidationIssue]) -> None:
        self.dto = dto
        self.issues: tuple[ValidationIssue, ...] = tuple(issues)
        first = self.issues[0] if self.issues else None
        self.path: str | None = first.path if first else None
        self.expected: str | None = None
        self.received: str | None = first.received if first else None
        if first:
            fixed = first.keyword in ("required", "additionalProperties")
            when = f" when {first.condition}" if first.condition and not fixed else ""
            self.expected = first.expected + when
        count = len(self.issues)
        more = f" (and {count - 1} more issue{'s' if count > 2 else ''})" if count > 1 else ""
        where = f"{first.path or '/'}: {first.message}" if first else "invalid"
        super().__init__(f"{dto} {where}{more}")


class UnknownDtoError(ContractError, ValueError):
    """A DTO name the contract does not define."""

    code = "UNKNOWN_DTO"

    def __init__(self, received: object, known: Sequence[str]) -> None:
        self.received = str(received)
        super().__init__(f"unknown DTO {json.dumps(self.received)}; expected one of {', '.join(known)}")


class SchemaSet:
    """The contract's schemas, read from a package's schemas/ folder; one validator per DTO, built on first use."""

    def __init__(self, package: str, schema_files: Mapping[str, str], common_file: str) -> None:
        self._package = package
        self._files = dict(schema_files)
        self._common_file = common_file
        self._store: dict[str, dict[str, Any]] | None = None
        self._validators: dict[str, Any] = {}

    def load_schema(self, dto: str) -> dict[str, Any]:
        return self._read(self._file_of(dto))

    def validate(self, dto: str, document: object) -> Mapping[str, object]:
        issues = list(self.iter_errors(dto, document))
        if issues:
            raise ContractValidationError(dto, issues)
        return cast(Mapping[str, object], document)  # every DTO is an object

    def is_valid(self, dto: str, document: object) -> bool:
        return bool(self._validator(dto).is_valid(document))

    def iter_errors(self, dto: str, document: object) -> Iterator[ValidationIssue]:
        validator = self._validator(dto)  # unknown DTO: raise now, not on first iteration
        return iter(self._issues(dto, validator, document))

    # -- schemas and validators

    def _file_of(self, dto: str) -> str:
        file = self._files.get(dto) if isinstance(dto, str) else None
        if file is None:
            raise UnknownDtoError(dto, list(self._files))
        return file

    def _read(self, file: str) -> dict[str, Any]:
        text = (resources.files(self._package) / "schemas" / file).read_text(encoding="utf-8")
        schema: dict[str, Any] = json.loads(text)
        return schema

    def _schemas(self) -> dict[str, dict[str, Any]]:
        """$id → schema, for every file of the contract."""
        if self._store is None:
            files = [self._common_file, *self._files.values()]
            self._store = {schema["$id"]: schema for schema in map(self._read, files)}
        return self._store

    def _root(self, dto: str) -> dict[str, Any]:
        file = self._file_of(dto)
        return next(s for s in self._schemas().values() if str(s["$id"]).endswith("/" + file))

    def _validator(self, dto: str) -> Any:
        validator = self._validators.get(dto)
        if validator is None:
            validator = _make_validator(self._root(dto), self._schemas())
            self._validators[dto] = validator
        return validator

    # -- issues

    def _issues(self, dto: str, validator: Any, document: object) -> list[ValidationIssue]:
        # Evaluation order as Ajv's: where several keywords fail at one value, the first one says it.
        # A failed alternative (oneOf/anyOf) is one error; python-jsonschema keeps its branches' in .context.
        errors: list[ValidationError] = sorted(validator.iter_errors(document), key=_evaluation_order)
        chosen: dict[str, ValidationIssue] = {}
        for error in errors:
            for issue in self._to_issues(dto, error):
                chosen.setdefault(issue.path, issue)  # one issue per value
        # Document order, as the TypeScript runtime lists them (src/validation/order.ts): the first issue, and so the
        # error's `path`, is the same in both languages. Ties (several missing keys) keep the evaluation order.
        positions: dict[int, dict[str, int]] = {}
        return sorted(chosen.values(), key=lambda issue: _document_order(document, issue.path, positions))

    def _to_issues(self, dto: str, error: ValidationError) -> list[ValidationIssue]:
        at = _pointer(error.absolute_path)
        keyword = str(error.validator)
        value = error.validator_value
        instance = error.instance
        condition = self._condition(dto, error)
        if keyword == "required" and isinstance(instance, dict):
            return [
                _issue(f"{at}/{_escape(name)}", "required", *_REQUIRED, condition)
                for name in value
                if name not in instance
            ]
        if keyword == "additionalProperties" and value is False and isinstance(instance, dict):
            schema = error.schema if isinstance(error.schema, dict) else {}
            known = schema.get("properties", {})
            patterns = list(schema.get("patternProperties", {}))
            return [
                _issue(f"{at}/{_escape(key)}", keyword, _UNKNOWN_KEY_EXPECTED, f"the key {_describe(key)}", condition)
                for key in instance
                if key not in known and not any(re.search(p, key) for p in patterns)
            ]
        expected, received = _expectation(keyword, value, instance, error.schema)
        return [_issue(at, keyword, expected, received, condition)]

    def _condition(self, dto: str, error: ValidationError) -> str | None:
        """For an error inside a `then`/`else`: when that branch applies (`context_type is "event"`)."""
        steps = list(error.absolute_schema_path)
        if "then" not in steps and "else" not in steps:
            return None
        store = self._schemas()
        node: Any = self._root(dto)
        base = str(node["$id"])
        condition = None
        try:
            for i, step in enumerate(steps):
                if isinstance(node, dict) and isinstance(node.get("$id"), str):
                    base = urljoin(base, node["$id"])
                if step == "if" and i + 1 < len(steps) and steps[i + 1] in ("then", "else"):
                    continue  # python-jsonschema files a branch's errors under the `if` keyword
                if step == "$ref":
                    url, fragment = urldefrag(urljoin(base, node["$ref"]))
                    base, node = url, store[url]
                    for part in [p for p in fragment.split("/") if p]:
                        node = node[_unescape(unquote(part))]  # as src/spec/refs.ts reads a fragment
                    continue
                if step in ("then", "else") and isinstance(node.get("if"), dict):
                    condition = _describe_condition(node["if"])
                    if step == "else":
                        condition = f"not ({condition})"
                node = node[step]
        except (KeyError, IndexError, TypeError, AttributeError):
            return None  # a schema path this walk does not understand: the message stays without the condition
        return condition


def _make_validator(schema: dict[str, Any], store: Mapping[str, dict[str, Any]]) -> Any:
    """Draft202012Validator over `schema`, resolving $refs among the contract's schemas only (no network)."""
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
    except ImportError:  # jsonschema < 4.18 has no `referencing`
        pass
    else:
        registry: Any = Registry().with_resources(
            (uri, Resource.from_contents(contents, default_specification=DRAFT202012))
            for uri, contents in store.items()
        )
        try:
            return Draft202012Validator(schema, registry=registry)
        except TypeError:  # `referencing` installed beside a jsonschema that predates it
            pass
    from jsonschema import RefResolver

    resolver = RefResolver(base_uri=schema["$id"], referrer=schema, store=dict(store))
    return Draft202012Validator(schema, resolver=resolver)


# Ajv evaluates, in each schema object, `type` first, then the keywords that apply to any type, then the
# type-specific ones (properties, required, pattern, minimum, …).
_ANY_TYPE_KEYWORDS: Final = frozenset({"$ref", "$dynamicRef", "allOf", "anyOf", "oneOf", "not", "if", "const", "enum"})
_NAMED_CHILDREN: Final = frozenset({"properties", "patternProperties", "dependentSchemas", "$defs"})
_INDEXED_CHILDREN: Final = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})


def _evaluation_order(error: ValidationError) -> tuple[int, ...]:
    """Rank of each keyword along the error's schema path: 0 type, 1 any-type keywords, 2 type-specific ones."""
    ranks: list[int] = []
    steps = list(error.absolute_schema_path)
    i = 0
    while i < len(steps):
        keyword = steps[i]
        ranks.append(0 if keyword == "type" else 1 if keyword in _ANY_TYPE_KEYWORDS else 2)
        if keyword in _NAMED_CHILDREN or keyword in _INDEXED_CHILDREN:
            i += 1  # the property name or branch index
        elif keyword == "if" and i + 1 < len(steps) and steps[i + 1] in ("then", "else"):
            i += 1  # python-jsonschema files a branch's errors under the `if` keyword
        i += 1
    return tuple(ranks)


def _describe_condition(condition: Mapping[str, Any]) -> str:
    """`{properties: {context_type: {const: "event"}}}` → `context_type is "event"`."""
    parts = []
    for name, rule in dict(condition.get("properties", {})).items():
        if isinstance(rule, dict) and "const" in rule:
            parts.append(f"{name} is {_json(rule['const'])}")
        elif isinstance(rule, dict) and isinstance(rule.get("enum"), list):
            parts.append(f"{name} is one of {', '.join(_json(v) for v in rule['enum'])}")
        else:
            parts.append(f"{name} matches its condition")
    return " and ".join(parts) if parts else "the schema's condition holds"


def _expectation(keyword: str, expected: Any, instance: Any, schema: Any) -> tuple[str, str]:
    """What the keyword expected (a noun phrase) and the value found, as src/validation/issues.ts words them."""
    got = _describe(instance)
    if keyword == "type":
        types = [expected] if isinstance(expected, str) else list(expected)
        return " or ".join(_article(str(t)) for t in types), _type_name(instance)
    if keyword == "pattern":
        title = schema.get("title") if isinstance(schema, dict) else None
        if title == "Timestamp":
            return _TIMESTAMP, got
        name = f" {title}" if isinstance(title, str) else ""
        return f"a{name} string matching {expected}", got
    if keyword == "enum":
        return f"one of {', '.join(_json(v) for v in expected)}", got
    if keyword in _ALTERNATIVES:
        return " or ".join(_branch_name(b) for b in expected), got
    bounds = {
        "minimum": ">=",
        "maximum": "<=",
        "exclusiveMinimum": ">",
        "exclusiveMaximum": "<",
    }
    if keyword in bounds:
        return f"{bounds[keyword]} {_json(expected)}", got
    if keyword == "const":
        return f"equal to {_json(expected)}", got
    return f"a value satisfying {keyword}: {_json(expected)}", got


def _branch_name(branch: Any) -> str:
    if isinstance(branch, dict) and isinstance(branch.get("$ref"), str):
        name = re.sub(r"\.schema\.json$", "", re.sub(r"^.*/", "", branch["$ref"]))
        return _TIMESTAMP if name == "timestamp" else _article(name)
    if isinstance(branch, dict) and isinstance(branch.get("type"), str):
        return _article(branch["type"])
    return "a matching value"


def _article(type_name: str) -> str:
    if type_name == "null":
        return "null"
    return f"an {type_name}" if type_name[:1].lower() in "aeiou" else f"a {type_name}"


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {_describe(value)}"
    if isinstance(value, str):
        return f"the string {_describe(value)}"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=repr)


def _describe(value: Any, limit: int = 60) -> str:
    """The received value for a message: compact JSON on one line, at most `limit` characters."""
    text = _json(value)
    # Lone surrogates (Python reads them from \\udXXX escapes) stay escaped, so the message can be printed.
    text = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
    # Line breaks JSON leaves raw (NEL, LS, PS) as JSON escapes: one line, nothing lost (as src/errors.ts does).
    text = re.sub("[\u0085\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape(key: object) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _pointer(path: Sequence[object]) -> str:
    return "".join(f"/{_escape(part)}" for part in path)


def _document_order(document: object, pointer: str, positions: dict[int, dict[str, int]]) -> tuple[int, ...]:
    """Sort key: where the pointer's value sits in the document (a missing key after the present ones).

    `positions` caches each object's key positions (by id; the document outlives the sort), so sorting many issues
    of one object costs one pass over its keys."""
    key: list[int] = []
    node: Any = document
    for raw in pointer.split("/")[1:]:
        part = _unescape(raw)
        if isinstance(node, dict):
            at = positions.get(id(node))
            if at is None:
                at = positions[id(node)] = {k: i for i, k in enumerate(node)}
            key.append(at.get(part, len(at)) if part in node else len(at))
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            key.append(int(part))
            node = node[int(part)]
        else:
            key.append(0)
            node = None
    return tuple(key)
