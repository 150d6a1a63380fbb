/**
 * Stage 3 — generate the Python package (generated/python/): an installable
 * `pynenc_monitoring_contract` with one TypedDict per DTO (the JSON wire form),
 * the contract's schema files as package data (byte for byte), and the
 * validation helpers on python-jsonschema (copied from scripts/python-runtime/).
 *
 * Types are read off the schemas: `$ref` to a titled schema → that name (the
 * shared definitions become aliases), `type`/`enum`/`oneOf` → Python types.
 * Conditionals (`if`/`then`) constrain values, not shapes; validation applies them.
 * Anything this stage cannot map is an error naming the schema and pointer:
 * a new construct in the contract must be taught here, not guessed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from '../src/spec/json-schema';
import { refTitles, type Contract, type RefTitles, type SchemaFile } from './contract';
import { banner, type GeneratedFile } from './emit';

const PYTHON_PACKAGE = 'pynenc_monitoring_contract';
const RUNTIME_DIR = join(__dirname, 'python-runtime');
const RUNTIME_MODULE = '_validation.py';
const WIDTH = 110;
/** The Python package's one-line description, after the contract's name and version. */
const DESCRIPTION = 'TypedDicts and JSON Schema validation.';

export function generatePythonPackage(contract: Contract, root: string, sources: string[]): GeneratedFile[] {
  const base = join(root, 'generated', 'python');
  const pkg = join(base, PYTHON_PACKAGE);
  const schemaFiles = [contract.common, ...contract.dtos].map((s) => s.file).sort();
  const runtimeSource = `scripts/python-runtime/${RUNTIME_MODULE}`;
  return [
    { path: join(base, 'pyproject.toml'), content: pyproject(contract) },
    { path: join(pkg, '__init__.py'), content: `${banner('#', sources)}\n${initModule(contract)}` },
    {
      path: join(pkg, RUNTIME_MODULE),
      content: `${banner('#', [runtimeSource])}\n${readFileSync(join(RUNTIME_DIR, RUNTIME_MODULE), 'utf8')}`,
    },
    { path: join(pkg, 'py.typed'), content: '' },
    // Byte for byte: the package validates with exactly the contract's files.
    ...schemaFiles.map((file) => ({
      path: join(pkg, 'schemas', file),
      content: readFileSync(join(contract.dir, file), 'utf8'),
    })),
  ];
}

/** The Python package carries this npm package's version (read from this checkout, whatever --root is). */
function pyproject(contract: Contract): string {
  const pkgJson = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
    license?: string;
  };
  return [
    '# GENERATED FILE — DO NOT EDIT. Made by `npm run generate` (scripts/python-package.ts).',
    '[build-system]',
    'requires = ["setuptools>=61"]',
    'build-backend = "setuptools.build_meta"',
    '',
    '[project]',
    'name = "pynenc-monitoring-contract"',
    `version = ${pyString(pkgJson.version)}`,
    `description = ${pyString(`The pynenc trigger-monitoring contract v${contract.version}: ${DESCRIPTION}`)}`,
    `license = { text = ${pyString(pkgJson.license ?? 'MIT')} }`,
    'requires-python = ">=3.11"',
    'dependencies = ["jsonschema>=4.10"]',
    '',
    '[tool.setuptools]',
    `packages = [${pyString(PYTHON_PACKAGE)}]`,
    '',
    '[tool.setuptools.package-data]',
    `${PYTHON_PACKAGE} = ["py.typed", "schemas/*.json"]`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- __init__.py

interface Declaration {
  name: string;
  /** Names of aliases this one's value uses (evaluated at import time, so they must come first). */
  uses: string[];
  code: string;
}

function initModule(contract: Contract): string {
  const titles = refTitles(contract);
  const names = contract.dtos.map((d) => d.title);
  const aliases = aliasDeclarations(contract, titles);
  const classes = contract.dtos.map((dto) => typedDict(dto, titles));
  const exported = [
    'CONTRACT_VERSION',
    'DTO_NAMES',
    'DtoName',
    'SCHEMA_FILES',
    ...aliases.map((a) => a.name),
    ...names,
    'ContractError',
    'ContractValidationError',
    'UnknownDtoError',
    'ValidationIssue',
    'validate',
    'iter_errors',
    'is_valid',
    'load_schema',
  ];
  const lines = [
    docstring(
      `The pynenc trigger-monitoring contract v${contract.version} for Python: one TypedDict per DTO (the JSON wire ` +
        'form, every key present, None for null) and validation with python-jsonschema (draft 2020-12) against ' +
        "the contract's own schema files, shipped in this package.",
      '',
    ),
    '',
    'from __future__ import annotations',
    '',
    'from collections.abc import Iterator, Mapping',
    'from typing import Any, Final, Literal, TypeAlias, TypedDict, TypeGuard, overload',
    '',
    `from ._validation import ContractError, ContractValidationError, SchemaSet, UnknownDtoError, ValidationIssue`,
    '',
    '__all__ = [',
    ...exported.map((e) => `    ${pyString(e)},`),
    ']',
    '',
    `CONTRACT_VERSION: Final = ${contract.version}`,
    `"""Major version of the contract, carried by every schema's $id."""`,
    '',
    ...wrapCall('DtoName: TypeAlias = Literal[', names.map(pyString), ']'),
    '"""The name of a DTO the contract defines."""',
    '',
    ...wrapCall('DTO_NAMES: Final[tuple[DtoName, ...]] = (', names.map(pyString), ')'),
    '"""The DTOs the contract defines."""',
    '',
    'SCHEMA_FILES: Final[Mapping[str, str]] = {',
    ...contract.dtos.map((d) => `    ${pyString(d.title)}: ${pyString(d.file)},`),
    '}',
    `"""DTO name → its schema file in the package's schemas/ folder (shared definitions: ${contract.common.file})."""`,
    '',
    `_SCHEMAS: Final = SchemaSet(__name__, SCHEMA_FILES, ${pyString(contract.common.file)})`,
    '',
    ...orderAliases(aliases).flatMap((a) => [a.code, '']),
    ...classes.flatMap((c) => ['', c, '']),
    '',
    'def load_schema(dto: str) -> dict[str, Any]:',
    ...docstring(
      'The JSON Schema of a DTO, parsed from the file shipped in this package (a fresh copy on every call). ' +
        'Raises UnknownDtoError for a name the contract does not define.',
      '    ',
    ).split('\n'),
    '    return _SCHEMAS.load_schema(dto)',
    ...overloads(
      'validate',
      names,
      (n) => n,
      'Mapping[str, object]',
      [
        'Returns the document, typed as the DTO, when it is a valid instance of the DTO.',
        '',
        'Raises ContractValidationError (.dto, .path, .issues) listing every problem otherwise, each with the JSON ' +
          'pointer of the offending value (also for a missing or unknown key), and UnknownDtoError for a name the ' +
          'contract does not define.',
      ],
      'return _SCHEMAS.validate(dto, document)',
    ),
    ...overloads(
      'is_valid',
      names,
      (n) => `TypeGuard[${n}]`,
      'bool',
      [
        'True when the document is a valid instance of the DTO (narrows its type). ' +
          'Raises UnknownDtoError for a name the contract does not define.',
      ],
      'return _SCHEMAS.is_valid(dto, document)',
    ),
    '',
    '',
    'def iter_errors(dto: str, document: object) -> Iterator[ValidationIssue]:',
    ...docstring(
      [
        'Every reason the document is not a valid instance of the DTO, in document order (a missing key after the',
        'keys present); none when it is valid.',
        '',
        'One issue per offending value: ValidationIssue(path, message, keyword), where path is a JSON pointer',
        '(RFC 6901; "" is the whole document) to the value, or to the key for a missing or unknown key.',
        'Raises UnknownDtoError (at the call, not on iteration) for a name the contract does not define.',
      ].join('\n'),
      '    ',
    ).split('\n'),
    '    return _SCHEMAS.iter_errors(dto, document)',
    '',
  ];
  return lines.join('\n');
}

/** `@overload`s per DTO name, then one for any `str`, then the implementation. */
function overloads(
  fn: string,
  names: string[],
  returns: (name: string) => string,
  fallback: string,
  doc: string[],
  body: string,
): string[] {
  const out: string[] = [];
  for (const name of names) {
    out.push(
      '',
      '',
      '@overload',
      `def ${fn}(dto: Literal[${pyString(name)}], document: object) -> ${returns(name)}: ...`,
    );
  }
  out.push('', '', '@overload', `def ${fn}(dto: str, document: object) -> ${fallback}: ...`);
  out.push('', '', `def ${fn}(dto: str, document: object) -> ${fallback}:`);
  out.push(...docstring(doc.join('\n'), '    ').split('\n'));
  out.push(`    ${body}`);
  return out;
}

/** `head` + items + `tail` on one line when it fits, else one item per line. */
function wrapCall(head: string, items: string[], tail: string): string[] {
  const line = `${head}${items.join(', ')}${tail}`;
  if (line.length <= WIDTH) return [line];
  return [head, ...items.map((i) => `    ${i},`), tail];
}

function aliasDeclarations(contract: Contract, titles: RefTitles): Declaration[] {
  const defs = (contract.common.schema.$defs ?? {}) as Record<string, JsonSchema>;
  return Object.entries(defs).map(([key, def]) => {
    const name = String(def.title ?? key);
    const uses = new Set<string>();
    const type = pyType(def, { owner: contract.common, pointer: `/$defs/${key}`, titles, uses });
    const doc = typeof def.description === 'string' ? `\n${docstring(def.description, '')}` : '';
    return { name, uses: [...uses], code: `${name}: TypeAlias = ${type}${doc}` };
  });
}

/** Aliases in $defs order, except that an alias comes after the aliases its value uses. */
function orderAliases(aliases: Declaration[]): Declaration[] {
  const byName = new Map(aliases.map((a) => [a.name, a]));
  const out: Declaration[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (alias: Declaration): void => {
    if (state.get(alias.name) === 'done') return;
    if (state.get(alias.name) === 'visiting') {
      throw new Error(`contract/: shared definition ${alias.name} refers to itself`);
    }
    state.set(alias.name, 'visiting');
    for (const used of alias.uses) {
      const dep = byName.get(used);
      if (dep) visit(dep);
    }
    state.set(alias.name, 'done');
    out.push(alias);
  };
  aliases.forEach(visit);
  return out;
}

function typedDict(dto: SchemaFile, titles: RefTitles): string {
  const properties = (dto.schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((dto.schema.required ?? []) as string[]);
  const lines = [`class ${dto.title}(TypedDict):`];
  if (typeof dto.schema.description === 'string') lines.push(docstring(dto.schema.description, '    '), '');
  for (const [field, schema] of Object.entries(properties)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field) || PYTHON_KEYWORDS.has(field)) {
      throw new Error(
        `contract/${dto.file}: property "${field}" is not a Python identifier; the class syntax cannot declare it`,
      );
    }
    if (!required.has(field)) {
      throw new Error(
        `contract/${dto.file}: property "${field}" is not required; the wire form has every key ` +
          '(teach scripts/python-package.ts NotRequired)',
      );
    }
    const type = pyType(schema, { owner: dto, pointer: `/properties/${field}`, titles, uses: new Set() });
    lines.push(`    ${field}: ${type}`);
    const doc = [typeof schema.description === 'string' ? schema.description : '', defaultNote(schema)].filter(Boolean);
    if (doc.length) lines.push(docstring(doc.join('\n\n'), '    '));
  }
  if (Object.keys(properties).length === 0) lines.push('    pass');
  return lines.join('\n');
}

function defaultNote(schema: JsonSchema): string {
  if (!('default' in schema)) return '';
  return `Readers substitute ${pyLiteral(schema.default)} when the key is missing or null.`;
}

// ---------------------------------------------------------------- types

interface TypeContext {
  owner: SchemaFile;
  pointer: string;
  titles: RefTitles;
  /** Collects the titled names the type refers to. */
  uses: Set<string>;
}

const PRIMITIVES: Record<string, string> = {
  string: 'str',
  integer: 'int',
  number: 'float',
  boolean: 'bool',
  null: 'None',
};

function pyType(schema: JsonSchema, ctx: TypeContext): string {
  const fail = (why: string): never => {
    throw new Error(`contract/${ctx.owner.file}: cannot map ${ctx.pointer || '/'} to a Python type (${why})`);
  };
  if (typeof schema.$ref === 'string') {
    const name = ctx.titles(schema.$ref, ctx.owner.id);
    if (!name) return fail(`$ref ${schema.$ref} does not name a titled schema`);
    ctx.uses.add(name);
    return name;
  }
  if ('const' in schema) return `Literal[${pyLiteral(schema.const)}]`;
  if (Array.isArray(schema.enum)) return `Literal[${schema.enum.map(pyLiteral).join(', ')}]`;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) {
      return union(
        branches.map((b, i) => pyType(b as JsonSchema, { ...ctx, pointer: `${ctx.pointer}/${keyword}/${i}` })),
      );
    }
  }
  const types =
    typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : [];
  if (types.length === 0) return fail('no $ref, const, enum, oneOf, anyOf or type');
  return union(
    types.map((type) => {
      if (type in PRIMITIVES) return PRIMITIVES[type]!;
      if (type === 'array') {
        const items = schema.items;
        if (items === undefined || items === true) return 'list[Any]';
        if (typeof items !== 'object' || items === null) return fail('items is not a schema');
        return `list[${pyType(items as JsonSchema, { ...ctx, pointer: `${ctx.pointer}/items` })}]`;
      }
      if (type === 'object') {
        if (schema.properties !== undefined)
          return fail('an inline object with properties; give it its own titled schema');
        const extra = schema.additionalProperties;
        if (extra === undefined || extra === true) return 'dict[str, Any]';
        if (typeof extra !== 'object' || extra === null) return fail('a closed object without properties');
        return `dict[str, ${pyType(extra as JsonSchema, { ...ctx, pointer: `${ctx.pointer}/additionalProperties` })}]`;
      }
      return fail(`unknown type ${JSON.stringify(type)}`);
    }),
  );
}

function union(types: string[]): string {
  const unique = [...new Set(types)];
  return unique.join(' | ');
}

// ---------------------------------------------------------------- Python text

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

/** A Python string literal (JSON's escapes are all valid Python escapes). */
function pyString(text: string): string {
  return JSON.stringify(text);
}

function pyLiteral(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `float(${pyString(String(value))})`;
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`)
      .join(', ')}}`;
  }
  throw new Error(`cannot write ${String(value)} as a Python literal`);
}

/** A triple-quoted docstring, word-wrapped at WIDTH, each line prefixed with `indent`. */
function docstring(text: string, indent: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
  const paragraphs = escaped.split('\n');
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.trim() === '') {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > WIDTH) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  if (lines.length === 1 && indent.length + lines[0]!.length + 6 <= WIDTH && !lines[0]!.endsWith('"')) {
    return `${indent}"""${lines[0]}"""`;
  }
  return [`${indent}"""${lines[0]}`, ...lines.slice(1).map((l) => (l ? `${indent}${l}` : '')), `${indent}"""`].join(
    '\n',
  );
}
