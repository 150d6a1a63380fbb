/**
 * Valid documents of every DTO, generated from the contract (generated/schemas.ts)
 * rather than restated: each property's `$ref` / `type` / `enum` / `items`
 * decides its arbitrary, and the schema's `allOf` if/then rules are applied, so
 * a new field or rule in contract/ is fuzzed without touching this file. Values
 * lean hostile: lone surrogates, NUL, BOM, `__proto__`-like keys, ints beyond
 * 2^53, integral floats, NaN/Infinity, -0.
 */
import fc from 'fast-check';
import { commonSchema, schemas, type DtoName } from '../generated/schemas';
import { PyFloat, type PyJsonValue } from '../src/pyjson';
import type { JsonSchema } from '../src/spec/json-schema';
import { formatTimestamp } from '../src/timestamps';

/** Keys JavaScript (or a reader of pynenc's serializers) treats specially. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'valueOf',
  '0',
  '1',
  '10',
  '4294967294',
  '4294967295',
  '',
  '~',
  '/',
  '~1',
  'py/tuple',
  'py/object',
  'py/id',
  '__pynenc__enum__',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\udc00\ud800',
  'é😀',
  '\u2028',
] as const;

export const hostileKey = fc.constantFrom(...HOSTILE_KEYS);

/**
 * Byte sequences a UTF-8 reader must treat with care: invalid, overlong and truncated sequences, encoded
 * surrogates, code points above U+10FFFF, a BOM, U+FFFD, NUL, line breaks (CR, LF, CRLF, U+2028).
 */
export const HOSTILE_BYTES: readonly Buffer[] = [
  [0xff],
  [0xfe],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x80],
  [0xbf],
  [0xc0, 0x80],
  [0xc0, 0xaf],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80],
  [0xf0, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xc3],
  [0xef, 0xbb, 0xbf],
  [0xef, 0xbf, 0xbd],
  [0x00],
  [0x0a],
  [0x0d],
  [0x0d, 0x0a],
  [0xe2, 0x80, 0xa8],
].map((bytes) => Buffer.from(bytes));

export const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: hostileKey },
);

export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      'evt-1',
      'é😀\ud800',
      '\u0000',
      '\ufeff',
      '__pynenc__client_data__',
      '"\\',
      '\u2028',
      '__proto__',
      'x'.repeat(300),
    ),
  },
);

/** Own data property, also for `__proto__`. */
export function define(obj: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(obj, k, { value: v, writable: true, enumerable: true, configurable: true });
}

/** A plain object from entries (later duplicates win, as in Python), `__proto__` as data. */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const [k, v] of entries) define(obj, k, v);
  return obj;
}

/** Any value of Python's JSON dialect, hostile leaves included. */
export const pyValue: fc.Arbitrary<PyJsonValue> = fc.letrec<{ value: PyJsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.maxSafeInteger(),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 5e-324, 1e16, 2 ** 53),
    fc.bigInt().filter((b) => b > BigInt(Number.MAX_SAFE_INTEGER) || b < -BigInt(Number.MAX_SAFE_INTEGER)),
    fc.integer({ min: -1e6, max: 1e6 }).map((n) => new PyFloat(n)),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((e) => objectOf(e) as PyJsonValue),
  ),
})).value;

export const pyObject = fc
  .array(fc.tuple(key, pyValue), { maxLength: 5 })
  .map((e) => objectOf(e) as Record<string, PyJsonValue>);

// ── timestamps: what Python writes, and other texts fromisoformat reads ──

const DAY = 86_400_000_000n;
const MIN_EPOCH = -62135596800000000n + DAY;
const MAX_EPOCH = 253402300799999999n - DAY;
const offsetMicros = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -1439, max: 1439 }).map((m) => m * 60_000_000),
  fc.integer({ min: -86_399_999_999, max: 86_399_999_999 }).filter((us) => Math.abs(us) >= 1_000_000),
);
const canonicalTimestamp = fc
  .tuple(
    fc.oneof(
      fc.bigInt({ min: MIN_EPOCH, max: MAX_EPOCH }),
      fc.bigInt({ min: 1_700_000_000_000_000n, max: 1_900_000_000_000_000n }),
    ),
    offsetMicros,
  )
  .map(([e, o]) => formatTimestamp(e, o));

/** Canonical text, or a variant fromisoformat also reads (Z, naive, space, 7 digits, week date…). */
export const timestamp: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: canonicalTimestamp },
  {
    weight: 2,
    arbitrary: fc.tuple(canonicalTimestamp, fc.nat(5)).map(([t, k]) => {
      switch (k) {
        case 0:
          return t.replace(/\+00:00$/, 'Z');
        case 1:
          return t.replace(/[+-]\d\d:\d\d(?::\d\d(?:\.\d{6})?)?$/, '');
        case 2:
          return t.replace('T', ' ');
        case 3:
          return t.replace(/(\d\d:\d\d:\d\d)/, '$1.1234567');
        case 4:
          return t.slice(0, 10);
        default:
          return `${t.slice(0, 4)}-W01-1`;
      }
    }),
  },
);

// ── the schema walk ──

type Resolved = { schema: JsonSchema; base: string };

const COMMON_ID = String(commonSchema.$id);
const DTO_BY_ID = new Map<string, DtoName>(
  (Object.keys(schemas) as DtoName[]).map((name) => [String(schemas[name].$id), name]),
);

function resolve(ref: string, base: string): { dto: DtoName } | Resolved {
  const url = new URL(ref, base).href;
  const [doc, fragment] = url.split('#') as [string, string | undefined];
  const dto = DTO_BY_ID.get(doc);
  if (dto !== undefined && !fragment) return { dto };
  const root: unknown = dto !== undefined ? schemas[dto] : doc === COMMON_ID ? commonSchema : undefined;
  if (root === undefined) throw new Error(`fuzz: cannot resolve ${url}`);
  let node: unknown = root;
  for (const part of (fragment ?? '').split('/').filter(Boolean)) node = (node as Record<string, unknown>)[part];
  return { schema: node as JsonSchema, base: doc };
}

/** How EventRecord.payload's values are generated: plain text for the codec, serialized values for the data store. */
export interface ValueOptions {
  payloadValue: fc.Arbitrary<string>;
}

const DEFAULT_OPTIONS: ValueOptions = { payloadValue: text };

function forSchema(
  schema: JsonSchema,
  base: string,
  options: ValueOptions,
  property: string | undefined,
): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref, base);
    if ('dto' in target) return validValue(target.dto, options);
    return forSchema(target.schema, target.base, options, property);
  }
  if (schema.title === 'Timestamp') return timestamp;
  for (const list of [schema.oneOf, schema.anyOf]) {
    if (Array.isArray(list))
      return fc.oneof(...(list as JsonSchema[]).map((s) => forSchema(s, base, options, property)));
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = ([] as unknown[]).concat(schema.type ?? []);
  const arbs = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer': {
        const min = typeof schema.minimum === 'number' ? schema.minimum : -Number.MAX_SAFE_INTEGER;
        return fc.oneof(
          fc.integer({ min: Math.max(min, -1000), max: 1000 }),
          fc.integer({ min, max: Number.MAX_SAFE_INTEGER }),
        );
      }
      case 'number':
        return fc.double({ noNaN: true });
      case 'string':
        return Array.isArray(schema.examples)
          ? fc.oneof(fc.constantFrom(...(schema.examples as string[])), text)
          : text;
      case 'array':
        return fc.array(schema.items ? forSchema(schema.items as JsonSchema, base, options, property) : pyValue, {
          maxLength: 3,
        });
      case 'object': {
        const extra = schema.additionalProperties;
        if (extra !== undefined && typeof extra === 'object' && (extra as JsonSchema).type === 'string') {
          return fc.array(fc.tuple(key, options.payloadValue), { maxLength: 4 }).map(objectOf);
        }
        return pyObject;
      }
      default:
        throw new Error(`fuzz: no arbitrary for type ${String(type)} (${property ?? '?'})`);
    }
  });
  if (arbs.length === 0) return pyValue;
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

/** A valid instance of the DTO (every property present, in schema order, if/then rules applied). */
export function validValue(
  dto: DtoName,
  options: ValueOptions = DEFAULT_OPTIONS,
): fc.Arbitrary<Record<string, unknown>> {
  const schema = schemas[dto];
  const base = String(schema.$id);
  const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
  const arbs = properties.map(([name, prop]) => forSchema(prop, base, options, name));
  return fc.tuple(...arbs).map((values) => {
    const obj = objectOf(properties.map(([name], i) => [name, values[i]] as const));
    applyConditionals(schema, obj);
    return obj;
  });
}

/** The schema's `allOf: [{if: {properties: {k: const|enum}}, then: {properties: {p: {type}}}}]` rules, made true. */
function applyConditionals(schema: JsonSchema, obj: Record<string, unknown>): void {
  for (const rule of (schema.allOf ?? []) as JsonSchema[]) {
    const condition = rule.if as JsonSchema | undefined;
    const then = rule.then as JsonSchema | undefined;
    if (!condition || !then) continue;
    const holds = Object.entries((condition.properties ?? {}) as Record<string, JsonSchema>).every(([k, s]) => {
      const v = obj[k];
      if ('const' in s) return v === s.const;
      if (Array.isArray(s.enum)) return s.enum.includes(v);
      return true;
    });
    if (!holds) continue;
    for (const [p, s] of Object.entries((then.properties ?? {}) as Record<string, JsonSchema>)) {
      if (s.type === 'null') obj[p] = null;
      else if (s.type === 'string' && typeof obj[p] !== 'string') obj[p] = `${p}-1`;
    }
  }
}
