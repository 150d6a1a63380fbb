/**
 * toJson: the exact text Python's to_json writes for the same record.
 */
import { DTO_NAMES, type DtoName } from '../../generated/schemas';
import type { DtoTypes, EventRecord } from '../../generated/types';
import { InvalidArgumentError } from '../errors';
import { PythonJsonWriteError } from '../pyjson/errors';
import {
  STRING_NEEDS_ESCAPE,
  isPlainPrototype,
  objectKeys,
  pythonStringRepr,
  stringifyPython,
} from '../pyjson/stringify';
import { checkers } from '../validation/compiled';
import { ContractValidationError, assertValid, requireDtoName } from '../validation';
import { makeIssue } from '../validation/errors';
import {
  FIELD_DTO,
  FIELD_DTO_ARRAY,
  FIELD_LIST,
  FIELD_MAP,
  FIELD_SCALAR,
  FIELD_TIMESTAMP,
  fieldClass,
} from './field-class';
import { PLANS } from './plan';

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
  const writer = typeof dto === 'string' ? WRITERS[dto] : undefined;
  if (writer === undefined) requireDtoName(dto); // throws UnknownDtoError
  // The fast checker's verdict; only an invalid value pays for the diagnosis (every issue, with paths).
  if (!writer!.check(value)) assertValid(dto, value);
  try {
    return writeDto(writer!, value as unknown as Record<string, unknown>, '', -1);
  } catch (err) {
    if (err instanceof Unwritable) {
      const issue = { path: err.path, keyword: err.keyword, expected: 'a value json.dumps can write' };
      throw new ContractValidationError(dto, [
        makeIssue({ ...issue, received: err.reason, params: { unwritable: true } }),
      ]);
    }
    throw err;
  }
}

/** EventRecord.matched in Python: at least one event condition accepted the event (derived, never written). */
export function isMatched(record: Pick<EventRecord, 'matched_condition_ids'>): boolean {
  const ids: unknown = (record as Partial<EventRecord> | null)?.matched_condition_ids;
  if (!Array.isArray(ids)) throw new InvalidArgumentError('isMatched', 'record', 'an EventRecord', record);
  return ids.length > 0;
}

/** EventRecord.triggered in Python: at least one invocation was created from the event (derived, never written). */
export function isTriggered(record: Pick<EventRecord, 'triggered_invocation_ids'>): boolean {
  const ids: unknown = (record as Partial<EventRecord> | null)?.triggered_invocation_ids;
  if (!Array.isArray(ids)) throw new InvalidArgumentError('isTriggered', 'record', 'an EventRecord', record);
  return ids.length > 0;
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

interface Writer {
  readonly check: (data: unknown) => boolean;
  readonly names: readonly string[];
  readonly pointers: readonly string[];
  /** Per property: its FIELD_* class (./field-class.ts). */
  readonly classes: Uint8Array;
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
    classes: new Uint8Array(fields.map(fieldClass)),
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
    const v = value[key];
    if (opensString(writer.classes[k]!, v)) {
      out += writer.before[k * 4 + quoted * 2 + 1]! + (v as string);
      quoted = 1;
    } else {
      out += closedPiece(writer, k, v, quoted, base, index);
      quoted = 0;
    }
    k++;
  }
  if (byName || k < n) {
    for (; k < n; k++) {
      const v = value[names[k]!];
      if (opensString(writer.classes[k]!, v)) {
        out += writer.before[k * 4 + quoted * 2 + 1]! + (v as string);
        quoted = 1;
      } else {
        out += closedPiece(writer, k, v, quoted, base, index);
        quoted = 0;
      }
    }
  }
  return quoted === 1 ? `${out}"}` : `${out}}`;
}

/**
 * Whether `v`, the value of a property of class `kind`, is written as its characters after an opening quote
 * (see Writer.before): a timestamp (the validator has checked it is text isoformat() writes: nothing to escape) or a
 * scalar string with nothing to escape.
 */
function opensString(kind: number, v: unknown): boolean {
  if (typeof v !== 'string') return false;
  return kind === FIELD_TIMESTAMP || (kind === FIELD_SCALAR && !NEEDS_ESCAPE.test(v));
}

/** Property k's key text and value `v`, whole (see Writer.before); `quoted`: the previous value's quote is pending. */
function closedPiece(writer: Writer, k: number, v: unknown, quoted: number, base: string, index: number): string {
  if (v === null || v === true || v === false) {
    return writer.literals[k * 6 + quoted * 3 + (v === null ? 0 : v ? 1 : 2)]!;
  }
  return writer.before[k * 4 + quoted * 2]! + valueText(writer, k, v, base, index);
}

/** The text of property k's value `v`. */
function valueText(writer: Writer, k: number, v: unknown, base: string, index: number): string {
  const path = index < 0 ? base : `${base}${index}`;
  switch (writer.classes[k]) {
    case FIELD_TIMESTAMP:
      // The validator has checked it is text isoformat() writes: nothing to escape.
      return v === null ? 'null' : `"${v as string}"`;
    case FIELD_LIST:
      return Array.isArray(v) ? list(v as string[]) : any(v, writer, k, path);
    case FIELD_MAP:
      return map(v, writer, k, path);
    case FIELD_DTO:
      return writeDto(writer.nested[k]!, v as Record<string, unknown>, `${path}/${writer.pointers[k]!}`, -1);
    case FIELD_DTO_ARRAY:
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
    // a getter changed its mind: the general writer decides
    if (typeof item !== 'string') return any(v, writer, k, path);
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
