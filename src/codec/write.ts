/**
 * toJson: the exact text Python's to_json writes for the same record.
 */
import { DTO_NAMES, type DtoName } from '../../generated/schemas';
import type { DtoTypes, EventRecord } from '../../generated/types';
import { PythonJsonWriteError } from '../pyjson/errors';
import { STRING_NEEDS_ESCAPE, isPlainPrototype, objectKeys, pythonStringRepr, stringifyPython } from '../pyjson/stringify';
import { checkers } from '../validation/compiled';
import { ContractValidationError, assertValid, requireDtoName } from '../validation';
import { makeIssue } from '../validation/errors';
import { PLANS, type FieldPlan } from './plan';

/**
 * Writes `value` as Python's to_json does: schema key order, `", "` / `": "`
 * separators, ensure_ascii, Python float repr, NaN/Infinity tokens, exact big
 * ints, null for absent optionals; timestamps are already isoformat() text (the
 * contract's pattern) and are written as they are.
 * A value that is not valid per the contract (or holds something JSON cannot:
 * undefined, functions, cycles…) throws ContractValidationError; nothing is
 * returned half-written.
 */
export function toJson<D extends DtoName>(dto: D, value: DtoTypes[D]): string {
  let writer: Writer | undefined;
  if (dto === lastDto) writer = lastWriter;
  else {
    writer = typeof dto === 'string' ? WRITERS[dto] : undefined;
    if (writer === undefined) requireDtoName(dto); // throws UnknownDtoError
    lastDto = dto;
    lastWriter = writer;
  }
  // The fast checker's verdict; only an invalid value pays for the diagnosis (every issue, with paths).
  if (!writer!.check(value)) assertValid(dto, value);
  try {
    return writeDto(writer!, value as unknown as Record<string, unknown>, '', -1);
  } catch (err) {
    if (err instanceof Unwritable) {
      const issue = { path: err.path, keyword: err.keyword, expected: 'a value json.dumps can write' };
      throw new ContractValidationError(dto, [makeIssue({ ...issue, received: err.reason, params: { unwritable: true } })]);
    }
    throw err;
  }
}

/** The DTO of the previous call and its Writer (most callers write one DTO many times). */
let lastDto: unknown = Symbol('no call yet');
let lastWriter: Writer | undefined;

/** EventRecord.matched in Python: at least one event condition accepted the event (derived, never written). */
export function isMatched(record: Pick<EventRecord, 'matched_condition_ids'>): boolean {
  return record.matched_condition_ids.length > 0;
}

/** EventRecord.triggered in Python: at least one invocation was created from the event (derived, never written). */
export function isTriggered(record: Pick<EventRecord, 'triggered_invocation_ids'>): boolean {
  return record.triggered_invocation_ids.length > 0;
}

class Unwritable extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly keyword: string,
  ) {
    super(reason);
  }
}

// How each property is written (from the plan: kind and shape); the value has passed the validator.
/** isoformat() text (the contract's pattern: digits, `-`, `:`, `.`, `T`, `+`) or null: written as it is. */
const WRITE_TIMESTAMP = 0;
/** A string, boolean or null. */
const WRITE_SCALAR = 1;
/** An array of those. */
const WRITE_LIST = 2;
/** An object of those. */
const WRITE_MAP = 3;
/** Any JSON value: stringifyPython. */
const WRITE_ANY = 4;
const WRITE_DTO = 5;
const WRITE_DTO_ARRAY = 6;

interface Writer {
  readonly check: (data: unknown) => boolean;
  readonly names: readonly string[];
  readonly pointers: readonly string[];
  readonly writes: Uint8Array;
  readonly nested: (Writer | null)[];
  /**
   * The constant text before property k's value, indexed [k * 4 + after * 2 + opens]: `{` or
   * `, `, json.dumps's key text, with the previous string value's closing quote first when
   * `after` is 1 and the value's opening quote last when `opens` is 1. Writing a string value
   * then appends just its characters: a record is written in as few pieces as it has values.
   */
  readonly before: readonly string[];
  /** The same followed by `null`, `true`, `false`: [k * 6 + after * 3 + literal]. */
  readonly literals: readonly string[];
}

function writeOf(field: FieldPlan): number {
  switch (field.kind) {
    case 'timestamp':
    case 'optionalTimestamp':
      return WRITE_TIMESTAMP;
    case 'dto':
      return WRITE_DTO;
    case 'dtoArray':
      return WRITE_DTO_ARRAY;
    default:
      return field.shape === 'scalar' ? WRITE_SCALAR : field.shape === 'list' ? WRITE_LIST : field.shape === 'map' ? WRITE_MAP : WRITE_ANY;
  }
}

const BUILT = new Map<DtoName, Writer>();

function writerOf(dto: DtoName): Writer {
  let writer = BUILT.get(dto);
  if (writer !== undefined) return writer;
  const fields = PLANS[dto].fields;
  const nested: (Writer | null)[] = [];
  const before: string[] = [];
  const literals: string[] = [];
  fields.forEach((f, k) => {
    for (const after of ['', '"']) {
      const text = `${after}${k === 0 ? '{' : ', '}${f.keyText}`;
      before.push(text, `${text}"`);
      literals.push(`${text}null`, `${text}true`, `${text}false`);
    }
  });
  writer = {
    check: checkers[dto],
    names: fields.map((f) => f.name),
    pointers: fields.map((f) => f.pointer),
    writes: new Uint8Array(fields.map(writeOf)),
    nested,
    before,
    literals,
  };
  BUILT.set(dto, writer);
  for (const f of fields) nested.push(f.nested !== undefined ? writerOf(f.nested) : null);
  return writer;
}

/** DTO name → Writer (a null-prototype table: no inherited names). */
const WRITERS: Readonly<Record<string, Writer | undefined>> = Object.assign(
  Object.create(null) as Record<string, Writer>,
  Object.fromEntries(DTO_NAMES.map((dto) => [dto, writerOf(dto)])),
);

// Bound once: hot paths skip the getters of the modules' export objects (as tsx and other
// CommonJS transforms compile imports).
const repr = pythonStringRepr;
const plainPrototype = isPlainPrototype;
const keysOf = objectKeys;
const NEEDS_ESCAPE = STRING_NEEDS_ESCAPE;

/**
 * One DTO object, at JSON pointer `base` (followed by `index` for an item of an array:
 * the pointer is only built for an error). Its properties are read in the order for-in
 * gives them while that is the schema's order (the usual case: fast loads), the rest by
 * name; each is read once.
 */
function writeDto(writer: Writer, value: Record<string, unknown>, base: string, index: number): string {
  const names = writer.names;
  const n = names.length;
  let k = 0;
  let out = n === 0 ? '{' : '';
  let quoted = 0; // 1 while the last value written is a string whose closing quote is pending
  let byName = false;
  for (const key in value) {
    if (key !== names[k]) {
      byName = true;
      break;
    }
    quoted = writeProperty(writer, k, value[key], quoted, base, index);
    out += pieceText;
    k++;
  }
  if (byName || k < n) {
    for (; k < n; k++) {
      quoted = writeProperty(writer, k, value[names[k]!], quoted, base, index);
      out += pieceText;
    }
  }
  return quoted === 1 ? `${out}"}` : `${out}}`;
}

/** What writeProperty wrote (a second result without an allocation per property). */
let pieceText = '';

/**
 * Sets pieceText to property k's key text and value `v` (see Writer.before); `quoted` says
 * whether the previous value's closing quote is pending, the result whether this one's is.
 */
function writeProperty(writer: Writer, k: number, v: unknown, quoted: number, base: string, index: number): number {
  switch (writer.writes[k]) {
    case WRITE_TIMESTAMP:
      // The validator has checked it is text isoformat() writes: nothing to escape.
      if (typeof v === 'string') {
        pieceText = writer.before[k * 4 + quoted * 2 + 1]! + v;
        return 1;
      }
      break;
    case WRITE_SCALAR:
      if (typeof v === 'string' && !NEEDS_ESCAPE.test(v)) {
        pieceText = writer.before[k * 4 + quoted * 2 + 1]! + v;
        return 1;
      }
      break;
  }
  if (v === null || v === true || v === false) {
    pieceText = writer.literals[k * 6 + quoted * 3 + (v === null ? 0 : v ? 1 : 2)]!;
  } else {
    const before = writer.before[k * 4 + quoted * 2]!;
    pieceText = before + valueText(writer, k, v, base, index);
  }
  return 0;
}

/** The text of property k's value `v`. */
function valueText(writer: Writer, k: number, v: unknown, base: string, index: number): string {
  const path = index < 0 ? base : `${base}${index}`;
  switch (writer.writes[k]) {
    case WRITE_TIMESTAMP:
      // The validator has checked it is text isoformat() writes: nothing to escape.
      return v === null ? 'null' : `"${v as string}"`;
    case WRITE_LIST:
      return Array.isArray(v) ? list(v as string[]) : any(v, writer, k, path);
    case WRITE_MAP:
      return map(v, writer, k, path);
    case WRITE_DTO:
      return writeDto(writer.nested[k]!, v as Record<string, unknown>, `${path}/${writer.pointers[k]!}`, -1);
    case WRITE_DTO_ARRAY:
      return dtoArray(writer.nested[k]!, v as Record<string, unknown>[], `${path}/${writer.pointers[k]!}/`);
    default:
      return typeof v === 'string' ? repr(v) : v === null ? 'null' : any(v, writer, k, path);
  }
}

function dtoArray(nested: Writer, items: readonly Record<string, unknown>[], at: string): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) out += (i > 0 ? ', ' : '') + writeDto(nested, items[i]!, at, i);
  return `${out}]`;
}

/** An array of strings (the validator checked the items). */
function list(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  let out = `[${repr(items[0]!)}`;
  for (let i = 1; i < items.length; i++) out += `, ${repr(items[i]!)}`;
  return `${out}]`;
}

/** An object of strings (the validator checked the values), keys in Python's order (PY_KEY_ORDER). */
function map(v: unknown, writer: Writer, k: number, path: string): string {
  const obj = v as Record<string, string>;
  // Only plain objects are dicts: stringifyPython names anything else.
  if (!plainPrototype(obj)) return any(v, writer, k, path);
  const keys = keysOf(obj);
  if (keys.length === 0) return '{}';
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const item = obj[key];
    if (typeof item !== 'string') return any(v, writer, k, path); // a getter changed its mind: the general writer decides
    let keyText = KEY_TEXTS.get(key);
    if (keyText === undefined) {
      keyText = `${repr(key)}: `;
      if (key.length <= MAX_CACHED_KEY) {
        if (KEY_TEXTS.size >= MAX_KEY_TEXTS) KEY_TEXTS.clear();
        KEY_TEXTS.set(key, keyText);
      }
    }
    out += (i > 0 ? ', ' : '') + keyText + repr(item);
  }
  return `${out}}`;
}

/**
 * Key → `"key": ` as json.dumps writes it, for the keys of payload-like objects: the same
 * few keys come back record after record, and a lookup costs less than checking the key's
 * characters again. Bounded (short keys only, cleared when full).
 */
const KEY_TEXTS = new Map<string, string>();
const MAX_KEY_TEXTS = 4096;
const MAX_CACHED_KEY = 64;

/** Any value, through stringifyPython; what it cannot write is reported with its JSON path. */
function any(v: unknown, writer: Writer, k: number, path: string): string {
  try {
    return stringifyPython(v);
  } catch (err) {
    if (err instanceof PythonJsonWriteError) {
      throw new Unwritable(`${path}/${writer.pointers[k]!}${err.path}`, err.reason, 'type');
    }
    throw err;
  }
}
