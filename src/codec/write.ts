/**
 * toJson: the exact text Python's to_json writes for the same record.
 */
import type { DtoName } from '../../generated/schemas';
import type { DtoTypes, EventRecord } from '../../generated/types';
import { InvalidArgumentError } from '../errors';
import { PythonJsonWriteError } from '../pyjson/errors';
import {
  SINK_ITEMS,
  STRING_NEEDS_ESCAPE,
  escapedStringRepr,
  isPlainPrototype,
  objectKeys,
  pythonStringRepr,
  stringifyPython,
  stringifyPythonObject,
} from '../pyjson/stringify';
import { checkers } from '../validation/compiled';
import { ContractValidationError, assertValid, requireDtoName } from '../validation';
import { makeIssue } from '../validation/errors';
import { FIELD_DTO, FIELD_DTO_ARRAY, FIELD_LIST, FIELD_MAP, FIELD_TIMESTAMP, fieldClass } from './field-class';
import { perDto, planOf, type PerDto } from './plan';

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
  let writer = typeof dto === 'string' ? writerFor(dto) : undefined;
  if (writer === undefined) writer = writerFor(requireDtoName(dto)); // throws UnknownDtoError
  // The fast checker's verdict; only an invalid value pays for the diagnosis (every issue, with paths).
  if (!writer.check(value)) assertValid(dto, value);
  try {
    return flattened(writeDto(writer, value as unknown as Record<string, unknown>));
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

/**
 * `text` (a DTO's, so it starts with `{`) as one string. V8 keeps a string built by `+` as a rope of its pieces
 * (about 60 for a TriggerRunRecord) until its characters are first read; reading one here copies them at once,
 * while the pieces are young and die cheaply, so a text that is kept holds ~440 bytes, not ~60 rope nodes.
 * Measured (compiled, CPU, 10,000 typical TriggerRunRecords, interleaved, two runs): texts kept in an array 92.5–94.5
 * → 53.2–53.7 ms, `toJson(fromJson(text))` kept (the pynenc round-trip bench) 136.6–137.0 → 86.1–86.6 ms; toJson
 * then Buffer.from unchanged (48.3 → 47.5; Buffer.from flattened it anyway); toJson whose text is never read slower
 * (EventRecords 1.34–1.38× → 1.72–1.75× JSON.stringify), a use no caller has.
 */
function flattened(text: string): string {
  if (text.charCodeAt(0) !== 0x7b) throw new Error(`toJson wrote a text that does not start with "{"`);
  return text;
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

/**
 * Texts a writer puts between values. A string value is written as its characters after an opening quote whose
 * closing quote is left pending, to be written as the first character of whatever comes next (the next key's text,
 * or the closing brace); a list of strings the same way, with `"]` pending. So a record is written in about as many
 * pieces as it has values, each joined once (V8 builds a rope; whoever reads the text flattens it once).
 */
const CLOSERS = ['', '"', '"]'] as const;
/** What a key's text ends with: nothing (a value follows), `"` (a string's characters), `["` (a list's strings). */
const OPENERS = ['', '"', '["'] as const;
const OPENS_NOTHING = 0;
const OPENS_STRING = 1;
const OPENS_LIST = 2;
const PENDING_NOTHING = 0;
const PENDING_QUOTE = 1;
const PENDING_LIST = 2;
/** Values written whole after a key: null, true, false, an empty list (an empty dict: see literalOf). */
const LITERALS = ['null', 'true', 'false', '[]'] as const;
const LITERAL_NULL = 0;
const LITERAL_EMPTY_LIST = 3;
const BEFORE_STRIDE = CLOSERS.length * OPENERS.length;
const LITERAL_STRIDE = CLOSERS.length * LITERALS.length;

interface Writer {
  readonly check: (data: unknown) => boolean;
  readonly names: readonly string[];
  readonly pointers: readonly string[];
  /** Per property: its FIELD_* class (./field-class.ts). */
  readonly classes: Uint8Array;
  readonly nested: (Writer | null)[];
  /**
   * Per property, the constant text before its value, from the plan's key text (json.dumps's `"name": `):
   * [field * BEFORE_STRIDE + pending * OPENERS.length + opens] is CLOSERS[pending], then `{` (first property) or
   * `, `, the key text, OPENERS[opens].
   */
  readonly before: readonly string[];
  /** The same followed by a literal: [field * LITERAL_STRIDE + pending * LITERALS.length + literal]. */
  readonly literals: readonly string[];
}

/** The Writer of `dto`, made from the plans on first use (with those of the DTOs it nests; immutable once built). */
const writerFor: PerDto<Writer> = perDto((dto) => {
  const fields = planOf(dto).fields;
  const before: string[] = [];
  const literals: string[] = [];
  fields.forEach((field, position) => {
    for (const closer of CLOSERS) {
      const text = `${closer}${position === 0 ? '{' : ', '}${field.keyText}`;
      for (const opener of OPENERS) before.push(flatCopy(text + opener));
      for (const literal of LITERALS) literals.push(flatCopy(text + literal));
    }
  });
  return {
    check: checkers[dto],
    names: fields.map((field) => field.name),
    pointers: fields.map((field) => field.pointer),
    classes: new Uint8Array(fields.map(fieldClass)),
    nested: fields.map((field) => (field.nested !== undefined ? writerFor(field.nested) : null)),
    before,
    literals,
  };
});

/**
 * `text` as one sequential string. A constant built by `+` (closer, separator, key text, opener) stays a rope in V8,
 * and every text that embeds it copies it by walking that rope again when the text is flattened; a sequential
 * constant is copied at once. JSON.parse of its JSON text gives a fresh sequential string with the same code units
 * (lone surrogates included) in every engine. Measured (compiled, CPU, 10,000 typical TriggerRunRecords,
 * interleaved, medians of 15 rounds): toJson 36.0 → 28.6 ms, toJson(fromJson(text)) kept 86.3 → 78.3 ms.
 */
function flatCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

// Bound once: hot paths skip the getters of the modules' export objects (as tsc, tsx and other CommonJS
// transforms compile imports; the re-exports of ./field-class.ts are getters too).
const repr = pythonStringRepr;
const escapedRepr = escapedStringRepr;
const plainPrototype = isPlainPrototype;
const keysOf = objectKeys;
const NEEDS_ESCAPE = STRING_NEEDS_ESCAPE;
const TIMESTAMP = FIELD_TIMESTAMP;
const LIST = FIELD_LIST;
const MAP = FIELD_MAP;
const DTO = FIELD_DTO;
const DTO_ARRAY = FIELD_DTO_ARRAY;
/**
 * Lists and dicts of this many items or more are written by stringifyPython, whose byte sink holds their text once
 * (src/pyjson/stringify.ts, SINK), rather than joined here by `+`. Measured (compiled, CPU, toJson then Buffer.from
 * of an EventRecord whose payload has n keys and matched_condition_ids n ids, per call, two runs): n = 64 21–22 →
 * 16–18 µs, 128: 40–54 → 30–40, 1,000: 345–358 → 225–226, 5,000: 2.8 → 2.1–2.4 ms; 1 M keys (values strings
 * only) 1,931–2,072 → 1,261–1,300 ms (JSON.stringify 783), peak 7.2 → 3.2–3.3× the text; 5 keys 2.1 µs either way.
 */
const BIG_CONTAINER = SINK_ITEMS;

/**
 * One DTO object. Its properties are read in the order for-in gives them while that is the schema's order (the
 * usual case: fast loads), the rest by name; each is read once. A value that cannot be written throws Unwritable
 * with its path below this object.
 */
function writeDto(writer: Writer, value: Record<string, unknown>): string {
  const names = writer.names;
  const count = names.length;
  if (count === 0) return '{}';
  const classes = writer.classes;
  const before = writer.before;
  let field = 0;
  let out = '';
  let pending = PENDING_NOTHING;
  let listText: string | undefined;
  for (const key in value) {
    if (key !== names[field]) break;
    const item = value[key];
    const at = field * BEFORE_STRIDE + pending * OPENERS.length;
    if (typeof item === 'string') {
      // A timestamp is text isoformat() writes (the validator checked it): nothing to escape.
      if (classes[field] === TIMESTAMP || !NEEDS_ESCAPE.test(item)) {
        out += before[at + OPENS_STRING]! + item;
        pending = PENDING_QUOTE;
      } else {
        out += before[at + OPENS_NOTHING]! + escapedRepr(item);
        pending = PENDING_NOTHING;
      }
    } else {
      const literal = literalOf(classes[field]!, item);
      if (literal >= 0) {
        out += writer.literals[field * LITERAL_STRIDE + pending * LITERALS.length + literal]!;
        pending = PENDING_NOTHING;
      } else if (classes[field] === LIST && (listText = cleanListText(item)) !== undefined) {
        out += before[at + OPENS_LIST]! + listText;
        pending = PENDING_LIST;
      } else {
        out += before[at + OPENS_NOTHING]! + valueText(writer, field, item);
        pending = PENDING_NOTHING;
      }
    }
    if (++field === count) return `${out}${CLOSERS[pending]}}`;
  }
  // Properties out of the schema's order (or missing: written as null, as the validator allowed)
  out += CLOSERS[pending];
  for (; field < count; field++) {
    const item = value[names[field]!];
    const literal = literalOf(classes[field]!, item);
    out +=
      literal >= 0
        ? writer.literals[field * LITERAL_STRIDE + literal]!
        : before[field * BEFORE_STRIDE]! + valueText(writer, field, item);
  }
  return `${out}}`;
}

/**
 * Which of LITERALS `item` (a value of a property of class `kind`, not a string) is written as, or -1: null, a
 * boolean, an empty array (only where a property may hold one). A dict is not tested for `{}` here: dict()
 * lists its keys once and writes `{}` for none, where `for in` would list all the keys of an object in dictionary mode
 * (thousands of keys) before its first (1 M keys: 300–400 ms).
 */
function literalOf(kind: number, item: unknown): number {
  if (item === null) return LITERAL_NULL;
  if (item === true) return 1;
  if (item === false) return 2;
  if (kind === DTO || kind === DTO_ARRAY || !Array.isArray(item)) return -1;
  return item.length === 0 ? LITERAL_EMPTY_LIST : -1;
}

/**
 * The strings of `item`, if it is a non-empty array of strings with nothing to escape, joined by `", "` (its text but
 * for the outer `["` and `"]`); else undefined. Each item is read once, and the text is made of the strings as read
 * (a getter cannot change its mind between the check and the text). Joined by `+` as it goes rather than copied
 * into an array for Array.prototype.join: measured (compiled, CPU, 10,000 typical TriggerRunRecords, interleaved,
 * three runs) toJson as bytes 39.3 → 37.1 ms, toJson(fromJson(text)) kept 84–88 → 82–86 ms.
 */
function cleanListText(item: unknown): string | undefined {
  if (!Array.isArray(item)) return undefined;
  const length = item.length;
  if (length >= BIG_CONTAINER) return undefined;
  const first: unknown = item[0];
  if (typeof first !== 'string' || NEEDS_ESCAPE.test(first)) return undefined;
  let text = first;
  for (let position = 1; position < length; position++) {
    const entry: unknown = item[position];
    if (typeof entry !== 'string' || NEEDS_ESCAPE.test(entry)) return undefined;
    text = `${text}", "${entry}`;
  }
  return text;
}

/** The text of property `field`'s value `item` (not a literal, not a string with nothing to escape). */
function valueText(writer: Writer, field: number, item: unknown): string {
  switch (writer.classes[field]) {
    case LIST:
      return Array.isArray(item) ? list(item, writer, field) : any(item, writer, field);
    case MAP:
      return dict(item as object, writer, field, true);
    case DTO:
      return nestedDto(writer, field, item as Record<string, unknown>, -1);
    case DTO_ARRAY: {
      const items = item as readonly Record<string, unknown>[];
      let out = '[';
      for (let index = 0; index < items.length; index++) {
        out += (index > 0 ? ', ' : '') + nestedDto(writer, field, items[index]!, index);
      }
      return `${out}]`;
    }
    default:
      if (typeof item === 'string') return repr(item);
      if (typeof item === 'object' && item !== null && !Array.isArray(item)) return dict(item, writer, field, false);
      return any(item, writer, field);
  }
}

/** The nested DTO of property `field` (item `index` of its array, or -1); an Unwritable gets its path prefixed. */
function nestedDto(writer: Writer, field: number, item: Record<string, unknown>, index: number): string {
  try {
    return writeDto(writer.nested[field]!, item);
  } catch (err) {
    if (err instanceof Unwritable) {
      const at = index < 0 ? '' : `/${index}`;
      throw new Unwritable(`/${writer.pointers[field]!}${at}${err.path}`, err.reason, err.keyword);
    }
    throw err;
  }
}

/** An array of strings (the validator checked the items), some to escape. */
function list(items: readonly unknown[], writer: Writer, field: number): string {
  if (items.length >= BIG_CONTAINER) return any(items, writer, field);
  let out = '[';
  for (let position = 0; position < items.length; position++) {
    const item = items[position];
    if (typeof item !== 'string') return any(items, writer, field);
    out += (position > 0 ? ', ' : '') + repr(item);
  }
  return `${out}]`;
}

/**
 * A map of strings (the validator checked the values) with `keys` (objectKeys: Python's order, PY_KEY_ORDER), fewer
 * than BIG_CONTAINER. As in writeDto, a string with nothing to escape is written after its opening quote and its
 * closing quote left pending.
 */
function stringMap(obj: Record<string, unknown>, keys: readonly string[], writer: Writer, field: number): string {
  let out = '';
  let pending = false;
  for (let position = 0; position < keys.length; position++) {
    const key = keys[position]!;
    const entry = obj[key];
    // a getter changed its mind: the general writer decides
    if (typeof entry !== 'string') return any(obj, writer, field);
    const separator = position === 0 ? 0 : pending ? 2 : 1;
    const keyEscaped = NEEDS_ESCAPE.test(key);
    out += keyEscaped ? MAP_SEPARATORS[separator]! + escapedRepr(key) : MAP_KEY_OPENERS[separator]! + key;
    pending = !NEEDS_ESCAPE.test(entry);
    out += MAP_VALUE_OPENERS[(keyEscaped ? 0 : 2) + (pending ? 1 : 0)]! + (pending ? entry : escapedRepr(entry));
  }
  return pending ? `${out}"}` : `${out}}`;
}

/** What comes before a map's key: `{` (the first), `, ` or `", ` (the previous value's closing quote pending). */
const MAP_SEPARATORS = ['{', ', ', '", '] as const;
/** The same with the key's opening quote (its closing quote is written by MAP_VALUE_OPENERS). */
const MAP_KEY_OPENERS = MAP_SEPARATORS.map((separator) => `${separator}"`);
/** Between key and value: [keyQuotePending * 2 + valueOpens] (the value's closing quote left pending when it opens). */
const MAP_VALUE_OPENERS = [': ', ': "', '": ', '": "'] as const;

/**
 * A dict: a plain object (stringifyPython names anything else), its keys listed once (objectKeys), `{}` for none. A
 * map of strings (`strings`: a FIELD_MAP property) of fewer than BIG_CONTAINER keys is written by stringMap, any other
 * by stringifyPython.
 */
function dict(item: object, writer: Writer, field: number, strings: boolean): string {
  if (!plainPrototype(item)) return any(item, writer, field);
  const keys = keysOf(item);
  if (keys.length === 0) return '{}';
  if (strings && keys.length < BIG_CONTAINER) return stringMap(item as Record<string, unknown>, keys, writer, field);
  return any(item, writer, field, keys);
}

/**
 * Any value, through stringifyPython (a plain object whose keys are listed, `keys`, through stringifyPythonObject);
 * what it cannot write is reported with its JSON path.
 */
function any(item: unknown, writer: Writer, field: number, keys?: readonly string[]): string {
  try {
    return keys === undefined ? stringifyPython(item) : stringifyPythonObject(item as object, keys);
  } catch (err) {
    if (err instanceof PythonJsonWriteError) {
      throw new Unwritable(`/${writer.pointers[field]!}${err.path}`, err.reason, 'type');
    }
    throw err;
  }
}
