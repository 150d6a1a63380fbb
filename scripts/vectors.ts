/**
 * `npm run vectors` / `npm run vectors -- --check`: systematic conformance vectors, written beside the
 * hand-written ones as contract/vectors/<DTO>/{valid,invalid}/gen.*.json.
 *
 * Each is the DTO schema's first `examples` entry with exactly one change, so an invalid one has exactly one
 * defect and its error_path follows from the change (the key's pointer):
 *   gen.missing.<field>   the key removed                     → invalid at /<field>
 *   gen.type.<field>      a value of a JSON type not allowed   → invalid at /<field>
 *   gen.null.<field>      null where the field is not nullable → invalid at /<field>
 *   gen.null.<field>      null where it is nullable            → valid
 *   gen.value.<field>     a non-null value (when no hand-written valid vector has one) → valid
 *   gen.unknown-key       one key the DTO does not define (non-ASCII, with `/` and `~` to escape)
 *   gen.ts.<field>.<form> every timestamp field × every canonical form (valid) and common non-canonical
 *                         forms (invalid)
 * A case a hand-written vector already covers (same DTO and kind, same field and defect) is not generated.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { escapePointerToken } from '../src/spec/json-pointer';
import { admitsType, jsonTypeOf, type JsonSchema } from '../src/spec/json-schema';
import { isPlainObject } from '../src/spec/json-value';
import { documentUri, documentsById, resolveRef as followRef } from '../src/spec/refs';
import { loadContract, type Contract, type SchemaFile } from './contract';

const ROOT = resolve(__dirname, '..');
const PREFIX = 'gen.';

interface VectorFile {
  path: string;
  content: string;
}

interface Body {
  description: string;
  error_path?: string;
  document: unknown;
}

/** Timestamp forms Python's isoformat() writes (valid) and forms readers accept that are not canonical (invalid). */
export const TIMESTAMP_FORMS: { name: string; value: string; valid: boolean; what: string }[] = [
  {
    name: 'whole-seconds',
    value: '2026-05-09T10:11:12+00:00',
    valid: true,
    what: 'no fraction when microseconds are 0',
  },
  { name: 'microseconds', value: '2026-05-09T10:11:12.345678+00:00', valid: true, what: 'six-digit fraction' },
  {
    name: 'negative-offset',
    value: '2026-05-09T07:11:12.000001-03:00',
    valid: true,
    what: 'negative offset, smallest fraction',
  },
  { name: 'offset-seconds', value: '2026-05-09T10:11:12+05:30:15', valid: true, what: 'offset with seconds' },
  {
    name: 'offset-microseconds',
    value: '2026-05-09T10:11:12.999999+05:30:15.123456',
    valid: true,
    what: 'offset with seconds and microseconds',
  },
  { name: 'leap-day', value: '2024-02-29T23:59:59.999999+00:00', valid: true, what: 'Feb 29 of a leap year' },
  { name: 'year-one', value: '0001-01-01T00:00:00+00:00', valid: true, what: 'the smallest year' },
  { name: 'z', value: '2026-05-09T10:11:12Z', valid: false, what: '"Z" instead of +00:00' },
  { name: 'naive', value: '2026-05-09T10:11:12', valid: false, what: 'no offset (naive)' },
  { name: 'space', value: '2026-05-09 10:11:12+00:00', valid: false, what: 'space separator' },
  { name: 'date-only', value: '2026-05-09', valid: false, what: 'date only' },
  { name: 'millis', value: '2026-05-09T10:11:12.345+00:00', valid: false, what: 'three-digit fraction' },
  { name: 'feb-30', value: '2026-02-30T10:11:12+00:00', valid: false, what: 'Feb 30' },
  { name: 'hour-24', value: '2026-05-09T24:00:00+00:00', valid: false, what: 'hour 24' },
  {
    name: 'zero-fraction',
    value: '2026-05-09T10:11:12.000000+00:00',
    valid: false,
    what: '.000000 (isoformat omits a zero fraction)',
  },
  {
    name: 'minus-zero-offset',
    value: '2026-05-09T10:11:12-00:00',
    valid: false,
    what: '-00:00 (Python writes +00:00)',
  },
  {
    name: 'zero-offset-seconds',
    value: '2026-05-09T10:11:12+05:30:00',
    valid: false,
    what: 'zero offset seconds (isoformat omits them)',
  },
  {
    name: 'zero-offset-fraction',
    value: '2026-05-09T10:11:12+05:30:15.000000',
    valid: false,
    what: 'zero offset fraction (isoformat omits it)',
  },
  { name: 'empty', value: '', valid: false, what: 'empty string (readers map it to null or now)' },
];

/** An unknown key that needs escaping in a JSON pointer and is not ASCII. */
const UNKNOWN_KEY = 'größe/über~1';

function buildVectors(root = ROOT): VectorFile[] {
  const contract = loadContract(join(root, 'contract'));
  const dir = join(root, 'contract', 'vectors');
  const out: VectorFile[] = [];
  for (const dto of contract.dtos) {
    const hand = handWritten(join(dir, dto.title));
    const emit = (kind: 'valid' | 'invalid', name: string, body: Body): void => {
      out.push({
        path: join(dir, dto.title, kind, `${PREFIX}${name}.json`),
        content: `${JSON.stringify(
          {
            description: body.description,
            ...(body.error_path !== undefined ? { error_path: body.error_path } : {}),
            document: body.document,
          },
          null,
          2,
        )}\n`,
      });
    };
    const examples = dto.schema.examples;
    if (!Array.isArray(examples) || typeof examples[0] !== 'object' || examples[0] === null) {
      throw new Error(`contract/${dto.file}: needs an object in "examples" to derive vectors from`);
    }
    const base = examples[0] as Record<string, unknown>;
    const properties = (dto.schema.properties ?? {}) as Record<string, JsonSchema>;
    const note = '(generated by scripts/vectors.ts from the schema example)';
    for (const [field, schema] of Object.entries(properties)) {
      const allowed = allowedTypes(schema, dto, contract);
      const pointer = `/${escapePointerToken(field)}`;
      const at = (kind: 'valid' | 'invalid', test: (doc: Record<string, unknown>) => boolean) =>
        hand[kind].some(
          (v) => (kind === 'valid' || v.error_path === pointer) && isPlainObject(v.document) && test(v.document),
        );

      if (!at('invalid', (d) => !(field in d))) {
        const { [field]: _dropped, ...document } = base;
        emit('invalid', `missing.${field}`, {
          description: `${field} is missing ${note}`,
          error_path: pointer,
          document,
        });
      }
      if (!at('invalid', (d) => field in d && d[field] !== null && !allows(allowed, d[field]))) {
        const wrong = wrongValue(allowed);
        const held = `${jsonTypeOf(wrong)} ${JSON.stringify(wrong)}`;
        emit('invalid', `type.${field}`, {
          description: `${field} holds ${held}, not ${[...allowed].join(' or ')} ${note}`,
          error_path: pointer,
          document: { ...base, [field]: wrong },
        });
      }
      const nullable = allowed.has('null');
      if (!at(nullable ? 'valid' : 'invalid', (d) => d[field] === null)) {
        emit(nullable ? 'valid' : 'invalid', `null.${field}`, {
          description: `${field} is null, which it ${nullable ? 'may' : 'may not'} be ${note}`,
          ...(nullable ? {} : { error_path: pointer }),
          document: { ...base, [field]: null },
        });
      }
      if (!at('valid', (d) => d[field] !== null && d[field] !== undefined)) {
        const value = sampleValue(field, allowed);
        emit('valid', `value.${field}`, {
          description: `${field} holds ${JSON.stringify(value)} ${note}`,
          document: { ...base, [field]: value },
        });
      }
      if (isTimestampField(schema, dto, contract)) {
        for (const form of TIMESTAMP_FORMS) {
          const kind = form.valid ? 'valid' : 'invalid';
          if (at(kind, (d) => d[field] === form.value)) continue;
          emit(kind, `ts.${field}.${form.name}`, {
            description: `${field}: ${form.what} ${note}`,
            ...(form.valid ? {} : { error_path: pointer }),
            document: { ...base, [field]: form.value },
          });
        }
      }
    }
    emit('invalid', 'unknown-key', {
      description: `a key the DTO does not define, non-ASCII and escaped in the pointer (~ → ~0, / → ~1) ${note}`,
      error_path: `/${escapePointerToken(UNKNOWN_KEY)}`,
      document: { ...base, [UNKNOWN_KEY]: 'x' },
    });
  }
  return out;
}

interface HandVector {
  error_path?: string;
  document: unknown;
}

function handWritten(dtoDir: string): Record<'valid' | 'invalid', HandVector[]> {
  const read = (kind: string): HandVector[] => {
    const dir = join(dtoDir, kind);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.startsWith(PREFIX))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as HandVector);
  };
  return { valid: read('valid'), invalid: read('invalid') };
}

/** The JSON types a property's schema admits (following $refs into the contract). */
function allowedTypes(schema: JsonSchema, owner: SchemaFile, contract: Contract): Set<string> {
  const types = new Set<string>();
  const visit = (node: JsonSchema, from: SchemaFile): void => {
    if (typeof node.$ref === 'string') {
      const [target, from2] = resolveRef(node.$ref, from, contract);
      visit(target, from2);
      return;
    }
    if (Array.isArray(node.enum)) node.enum.forEach((v) => types.add(jsonTypeOf(v)));
    if ('const' in node) types.add(jsonTypeOf(node.const));
    for (const key of ['oneOf', 'anyOf'] as const) {
      if (Array.isArray(node[key])) (node[key] as JsonSchema[]).forEach((b) => visit(b, from));
    }
    if (typeof node.type === 'string') types.add(node.type);
    if (Array.isArray(node.type)) (node.type as string[]).forEach((t) => types.add(t));
  };
  visit(schema, owner);
  if (types.size === 0)
    throw new Error(`contract/${owner.file}: cannot tell which JSON types ${JSON.stringify(schema)} admits`);
  return types;
}

/** The field's `$ref` leads to common.schema.json's `timestamp` or `optionalTimestamp` (however it is spelled). */
function isTimestampField(schema: JsonSchema, owner: SchemaFile, contract: Contract): boolean {
  if (typeof schema.$ref !== 'string') return false;
  const [target] = resolveRef(schema.$ref, owner, contract);
  const defs = (contract.common.schema.$defs ?? {}) as JsonSchema;
  return target === defs.timestamp || target === defs.optionalTimestamp;
}

function resolveRef(ref: string, from: SchemaFile, contract: Contract): [JsonSchema, SchemaFile] {
  const files = [contract.common, ...contract.dtos];
  const target = followRef(ref, from.id, documentsById(files.map((s) => s.schema)));
  const file = files.find((s) => documentUri(s.id) === target?.document);
  if (!target || !file) throw new Error(`contract/${from.file}: $ref ${ref} leaves the contract or points at nothing`);
  if (!isPlainObject(target.node)) throw new Error(`contract/${from.file}: $ref ${ref} does not point at a schema`);
  return [target.node, file];
}

function allows(allowed: Set<string>, value: unknown): boolean {
  return admitsType(allowed, jsonTypeOf(value));
}

/** A value of a type the field does not admit, chosen to be a confusion Python's reader would let through. */
function wrongValue(allowed: Set<string>): unknown {
  const candidates: unknown[] = allowed.has('array')
    ? ['abc'] // Python's list(...) turns it into ["a", "b", "c"]
    : allowed.has('object')
      ? [['abc']]
      : allowed.has('boolean')
        ? ['true', 1]
        : allowed.has('integer') || allowed.has('number')
          ? ['42']
          : [42, 'abc', true];
  const wrong = candidates.find((c) => !allows(allowed, c));
  if (wrong === undefined) throw new Error(`no wrong value for a field admitting ${[...allowed].join(', ')}`);
  return wrong;
}

/** A plain value the field admits (ids and text get a readable string). */
function sampleValue(field: string, allowed: Set<string>): unknown {
  if (allowed.has('string')) return `${field.replace(/_id$/, '').replace(/_/g, '-')}-1`;
  if (allowed.has('boolean')) return true;
  if (allowed.has('integer') || allowed.has('number')) return 1;
  if (allowed.has('array')) return [];
  if (allowed.has('object')) return {};
  throw new Error(`no sample value for a field admitting ${[...allowed].join(', ')}`);
}

/** Generated vectors on disk that the contract no longer produces. */
function stale(root: string, files: VectorFile[]): string[] {
  const wanted = new Set(files.map((f) => f.path));
  const dir = join(root, 'contract', 'vectors');
  const found: string[] = [];
  for (const dto of readdirSync(dir)) {
    for (const kind of ['valid', 'invalid']) {
      const sub = join(dir, dto, kind);
      if (!existsSync(sub)) continue;
      for (const name of readdirSync(sub)) {
        if (name.startsWith(PREFIX) && !wanted.has(join(sub, name))) found.push(join(sub, name));
      }
    }
  }
  return found.sort();
}

/** Files that differ from what buildVectors produces, and generated files that should not exist. */
export function vectorDrift(root = ROOT): string[] {
  const files = buildVectors(root);
  const changed = files
    .filter((f) => !existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.content)
    .map((f) => f.path);
  return [...changed, ...stale(root, files)].map((p) => relative(root, p));
}

function main(): void {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const drift = vectorDrift(ROOT);
  if (values.check) {
    if (drift.length) {
      console.error(`generated vectors are stale; run \`npm run vectors\`:\n  ${drift.join('\n  ')}`);
      process.exitCode = 1;
    } else console.log('generated vectors match contract/.');
    return;
  }
  const files = buildVectors(ROOT);
  for (const path of stale(ROOT, files)) rmSync(path);
  for (const file of files) {
    if (existsSync(file.path) && readFileSync(file.path, 'utf8') === file.content) continue;
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
  }
  console.log(drift.length ? `wrote ${drift.length} vector file(s)` : 'generated vectors already up to date.');
}

if (require.main === module) main();
