"""Drift gate, Python side: what the installed pynenc's monitoring DTOs look like, read from pynenc itself.

Imports `pynenc.trigger.monitoring` (or, with `--module-file PATH` or the env PYNENC_MONITORING_FILE, a copy of
that module loaded from PATH: how test/oracle/drift.test.ts proves the gate fails on a changed pynenc) and prints
one JSON document on stdout. The DTOs are the titles of contract/*.schema.json (`--contract DIR`); `dtos` maps
each to null when the module has no dataclass of that name, else to:

- `frozen`: the dataclass's frozen flag;
- `fields`, in dataclass order: `name`, `annotation` (the text as written), `type` (the annotation resolved by
  typing.get_type_hints, as a tree {"name", "args"}), `required` (no default and no default_factory), and for the
  others `default`: {"source": "value" | "factory", "factory": its name, "python_type": type of the value,
  "json": the value when JSON holds it (None, str, bool, int, float, list, dict), else absent};
- `json_method` / `json_keys`: the method pynenc writes the DTO with (`to_json`, else `to_dict`, else null) and
  the keys it writes, in order, called on an instance with every field set (a value built from each annotation;
  EventRecord.to_json gets a real Pynenc app with the memory client data store, as pynenc's own code needs);
- `read_method` / `read_missing`: the method pynenc reads that form with (from_json / from_dict, or null) and, per
  key written, what it does with the full instance's JSON lacking that key: {"raises": "<error>"} when the key is
  required on read, else the value read, as the writer writes it back (`json`), its Python type and, for a
  datetime, whether it is "now" (`near_now`);
- `problems`: what could not be read (an annotation no value could be built for, a method that raised).
`other_dataclasses` names the module's own dataclasses the contract has no schema for.

The TypeScript side (test/oracle/drift.ts) compares this with the contract. Usage:
  .venv/bin/python scripts/python/drift_gate.py [--module-file PATH]
"""
import argparse
import contextlib
import dataclasses
import importlib
import importlib.metadata
import importlib.util
import inspect
import json
import os
import sys
import types
import typing
from datetime import UTC, datetime

CONTRACT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "contract")
COMMON_FILE = "common.schema.json"
MODULE = "pynenc.trigger.monitoring"
# The name a copy loaded from a file gets (the real module keeps its own name: the app imports it).
COPY_MODULE = "pynenc_drift_gate_monitoring_copy"
SAMPLE_INSTANT = datetime(2026, 5, 9, 10, 11, 12, 345678, tzinfo=UTC)
JSON_SCALARS = (type(None), str, bool, int, float)


class CannotBuild(Exception):
    """No sample value can be made for an annotation."""


def contract_dtos(contract_dir):
    """The DTO names the contract defines: the titles of its schemas (common.schema.json holds no DTO)."""
    names = []
    for file in sorted(os.listdir(contract_dir)):
        if file.endswith(".schema.json") and file != COMMON_FILE:
            with open(os.path.join(contract_dir, file), encoding="utf-8") as handle:
                names.append(json.load(handle)["title"])
    return names


def own_dataclasses(module):
    """The dataclasses the module defines itself (not the ones it imports)."""
    return sorted(name for name, value in vars(module).items()
                  if isinstance(value, type) and dataclasses.is_dataclass(value)
                  and value.__module__ == module.__name__)


def load_module(module_file):
    if module_file is None:
        return importlib.import_module(MODULE)
    spec = importlib.util.spec_from_file_location(COPY_MODULE, module_file)
    if spec is None or spec.loader is None:
        raise SystemExit(f"drift_gate: cannot load a module from {module_file}")
    module = importlib.util.module_from_spec(spec)
    # get_type_hints resolves the (postponed) annotations in the module's globals, found through sys.modules.
    sys.modules[COPY_MODULE] = module
    spec.loader.exec_module(module)
    return module


def build_app():
    from pynenc.builder import PynencBuilder

    return PynencBuilder().app_id("drift-gate").memory().build()


def type_tree(tp):
    """A resolved annotation as {"name", "args"}: str, int, bool, float, datetime, None, Any, list, dict, union,
    or a class name (a nested DTO)."""
    if tp is type(None) or tp is None:
        return {"name": "None", "args": []}
    if tp is typing.Any:
        return {"name": "Any", "args": []}
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return {"name": "union", "args": [type_tree(a) for a in typing.get_args(tp)]}
    if origin is not None:
        return {"name": getattr(origin, "__name__", repr(origin)), "args": [type_tree(a) for a in typing.get_args(tp)]}
    return {"name": getattr(tp, "__name__", repr(tp)), "args": []}


def default_of(field):
    if field.default is not dataclasses.MISSING:
        value, source, factory = field.default, "value", None
    elif field.default_factory is not dataclasses.MISSING:
        value, source, factory = field.default_factory(), "factory", field.default_factory.__name__
    else:
        return None
    out = {"source": source, "python_type": type(value).__name__}
    if factory is not None:
        out["factory"] = factory
    if is_json(value):
        out["json"] = value
    return out


def is_json(value):
    if isinstance(value, JSON_SCALARS):
        return True
    if isinstance(value, list):
        return all(is_json(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_json(v) for k, v in value.items())
    return False


def sample(tp, name, module):
    """A value of annotation `tp` for field `name` (never None where something else is allowed)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        others = [a for a in args if a is not type(None)]
        if not others:
            return None
        return sample(others[0], name, module)
    if origin is list:
        return [sample(args[0] if args else str, name, module)]
    if origin is dict:
        return {"k": sample(args[1] if len(args) > 1 else str, name, module)}
    if tp is typing.Any or tp is str:
        return f"{name}-1"
    if tp is bool:
        return True
    if tp is int:
        return 3
    if tp is float:
        return 1.5
    if tp is datetime:
        return SAMPLE_INSTANT
    if tp is type(None):
        return None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return full_instance(tp, module)
    raise CannotBuild(f"{name}: no sample value for the annotation {tp!r}")


def full_instance(cls, module):
    hints = typing.get_type_hints(cls, vars(module))
    return cls(**{f.name: sample(hints[f.name], f.name, module) for f in dataclasses.fields(cls)})


def writer_of(cls):
    """The method pynenc writes the DTO with: to_json, else to_dict, else None (no JSON form)."""
    return next((name for name in ("to_json", "to_dict") if hasattr(cls, name)), None)


def reader_of(cls, writer):
    """The method pynenc reads what `writer` wrote with (from_json / from_dict), or None."""
    name = {"to_json": "from_json", "to_dict": "from_dict"}.get(writer)
    return name if name is not None and hasattr(cls, name) else None


def call(method, app, *args):
    """Calls a pynenc method, passing the app when it takes one more parameter (EventRecord's to_json/from_json)."""
    extra = len(inspect.signature(method).parameters) - len(args)
    return method(*args, app) if extra > 0 else method(*args)


def write(instance, writer, app):
    """What `writer` writes for `instance`, as a dict (keys in the order written)."""
    written = call(getattr(instance, writer), app)
    return json.loads(written) if isinstance(written, str) else written


def read_missing(cls, writer, reader, data, app):
    """Per key `writer` writes: what `reader` does with `data` lacking that key. {"raises": "<error>"} or
    {"python_type", "json": the value as `writer` writes it back, "near_now" for a datetime}."""
    out = {}
    for key in data:
        doc = {k: v for k, v in data.items() if k != key}
        try:
            read = call(getattr(cls, reader), app, json.dumps(doc) if reader == "from_json" else doc)
        except Exception as err:
            out[key] = {"raises": f"{type(err).__name__}: {err}"}
            continue
        value = getattr(read, key, None)
        entry = {"python_type": type(value).__name__, "json": write(read, writer, app).get(key)}
        if isinstance(value, datetime):
            entry["near_now"] = abs((datetime.now(UTC) - value).total_seconds()) < 60
        out[key] = entry
    return out


def describe(cls, module, app):
    params = getattr(cls, "__dataclass_params__", None)
    out = {"frozen": bool(params and params.frozen), "fields": [], "json_method": None, "json_keys": None,
           "read_method": None, "read_missing": None, "problems": []}
    hints = typing.get_type_hints(cls, vars(module))
    for field in dataclasses.fields(cls):
        default = default_of(field)
        entry = {
            "name": field.name,
            "annotation": field.type if isinstance(field.type, str) else inspect.formatannotation(field.type),
            "type": type_tree(hints[field.name]),
            "required": default is None,
        }
        if default is not None:
            entry["default"] = default
        out["fields"].append(entry)
    writer = out["json_method"] = writer_of(cls)
    reader = out["read_method"] = reader_of(cls, writer)
    if writer is not None:
        try:
            data = write(full_instance(cls, module), writer, app)
            out["json_keys"] = list(data)
            if reader is not None:
                out["read_missing"] = read_missing(cls, writer, reader, data, app)
        except Exception as err:  # reported, never swallowed: the TS side fails on any problem
            out["problems"].append(f"{writer} on an instance with every field set raised "
                                   f"{type(err).__name__}: {err}")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module-file", default=os.environ.get("PYNENC_MONITORING_FILE") or None,
                        help="load the monitoring module from this file instead of pynenc.trigger.monitoring")
    parser.add_argument("--contract", default=CONTRACT_DIR, help="the contract/ folder whose DTOs are described")
    options = parser.parse_args()
    # pynenc's import and app build may log; only the report goes to stdout.
    with contextlib.redirect_stdout(sys.stderr):
        app = build_app()
        module = load_module(options.module_file)
    report = {
        "pynenc_version": importlib.metadata.version("pynenc"),
        "module": module.__name__,
        "module_file": os.path.abspath(module.__file__),
        "modified_copy": options.module_file is not None,
        "dtos": {},
    }
    names = contract_dtos(options.contract)
    report["other_dataclasses"] = [name for name in own_dataclasses(module) if name not in names]
    for name in names:
        cls = getattr(module, name, None)
        if cls is None or not dataclasses.is_dataclass(cls):
            report["dtos"][name] = None
            continue
        report["dtos"][name] = describe(cls, module, app)
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
