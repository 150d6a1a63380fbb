/**
 * fromJson: what Python's from_json reads, checked against the contract.
 */
import { commonSchema, type DtoName } from '../../generated/schemas';
import type { DtoTypes } from '../../generated/types';
import { InvalidArgumentError, describeReceived } from '../errors';
// Imported from the defining modules: hot paths skip the re-export getters of the index modules.
import {
  DEFAULT_READ_LIMITS,
  InvalidOptionError,
  checkChoice,
  checkFunction,
  resolveLimits,
  resolveMaxIssues,
  type Limits,
  type ReadLimits,
} from '../limits';
import type { DtoWalk } from '../pyjson/fast-path';
import { BIG_LIST_CHARS } from '../pyjson/number-list';
import { FAST_PATH_MODES, parseExact, parseText, readFastExact, readNumberLists } from '../pyjson/parse';
import { pythonKeyOrder, withPythonKeyOrder, type PyJsonValue } from '../pyjson/values';
import { escapePointerToken } from '../spec/json-pointer';
import { defineOwn, isPlainObject } from '../spec/json-value';
import { TimestampError } from '../timestamps/errors';
import { inOrderCheckers } from '../validation/compiled';
import { ContractValidationError, requireDtoName, validate } from '../validation';
import { IssueSink } from '../validation/sink';
import { makeIssue } from '../validation/errors';
import { FIELD_LIST, FIELD_MAP, FIELD_SCALAR, FIELD_TIMESTAMP, fieldClass } from './field-class';
import { perDto, planOf, type DtoPlan, type FieldPlan, type PerDto } from './plan';
import { isAsPythonWrites, mayBeRewritten, nowText, pythonTimestamp, type Clock } from './timestamps';

/** A key the contract does not define, found while reading (a newer producer, or a typo). */
export interface UnknownKey {
  /** The DTO of the object that holds the key (TriggerRunParticipant for a key inside participants). */
  dto: DtoName;
  /** JSON pointer of the key, e.g. "/participants/2/weight". */
  path: string;
  key: string;
}

/**
 * Options of fromJson / fromJsonWithReport (and decodeEventRecord). The read
 * limits (maxDepth, maxDocumentLength, maxStringLength; see ReadLimits and
 * DEFAULT_READ_LIMITS) apply to the text; fromDict reads no text and ignores them.
 */
export interface FromJsonOptions extends ReadLimits {
  /**
   * Clock for EventRecord.timestamp when it is missing, null or "" (Python: datetime.now(UTC)).
   * Returns a Date, epoch microseconds as a bigint, or a PyTimestamp. Default: Date.now().
   */
  now?: Clock;
  /** Called for every unknown key (Python ignores them silently). */
  onUnknownKey?: (unknown: UnknownKey) => void;
  /** 'ignore' (default, as Python) drops unknown keys; 'reject' makes them a ContractValidationError. */
  unknownKeys?: 'ignore' | 'reject';
  /**
   * Which parser reads the text; the result is the same in every mode, only the speed changes.
   * Default (or true): JSON.parse first, kept when it provably read what Python reads (see
   * readFast in src/pyjson/fast-path.ts). 'sniff' and false are passed to parsePythonJson (false: always the exact
   * parser).
   */
  fastPath?: boolean | 'sniff';
  /**
   * How many issues a ContractValidationError lists (an integer >= 1, or Infinity); the others are counted in its
   * `moreIssues`. Default DEFAULT_MAX_ISSUES (1,000). See validate's ValidateOptions and docs/validation.md.
   */
  maxIssues?: number;
}

/** What fromJsonWithReport returns: the record and what the reader noticed on the way. */
export interface ReadReport<T> {
  value: T;
  /** Keys the contract does not define (dropped from `value`). */
  unknownKeys: UnknownKey[];
  /** JSON pointers of fields that were missing, null (or "" for timestamps) and got their default. */
  defaulted: string[];
}

interface Context {
  readonly dto: DtoName;
  readonly clock: Clock | undefined;
  readonly onUnknownKey: ((unknown: UnknownKey) => void) | undefined;
  readonly reject: boolean;
  readonly unknownKeys: UnknownKey[] | null;
  readonly defaulted: string[] | null;
  /** Copy arrays and objects taken from the input (fromDict: the caller keeps its data). */
  readonly copy: boolean;
  now: string | undefined;
  /** The reader's own findings (unreadable timestamps, rejected unknown keys), capped at maxIssues. */
  issues: IssueSink | null;
  readonly maxIssues: number;
}

/**
 * Reads `text` as Python's from_json does (see the README for the rules and
 * where we are stricter), validates the result against the contract and
 * returns it typed. Throws PythonJsonSyntaxError for text json.loads rejects,
 * ContractValidationError (DTO, JSON path, expectation) for everything else.
 */
export function fromJson<D extends DtoName>(dto: D, text: string, options: FromJsonOptions = NO_OPTIONS): DtoTypes[D] {
  const parsed = parse(dto, text, options);
  return parsed.asIs ? (parsed.value as unknown as DtoTypes[D]) : read(dto, parsed.value, options, false, null, null);
}

/** Throws InvalidOptionError for an option of the wrong kind (the limits are checked by resolveLimits). */
function checkOptions(options: FromJsonOptions): void {
  if (options === null || typeof options !== 'object') throw new InvalidOptionError('options', 'an object', options);
  checkChoice('fastPath', options.fastPath, FAST_PATH_MODES);
  checkChoice('unknownKeys', options.unknownKeys, UNKNOWN_KEYS_MODES);
  checkFunction('onUnknownKey', options.onUnknownKey);
  resolveMaxIssues(options.maxIssues);
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new InvalidOptionError(
      'now',
      'a function returning a Date, epoch microseconds (bigint) or a PyTimestamp',
      options.now,
    );
  }
}

const UNKNOWN_KEYS_MODES: readonly ('ignore' | 'reject')[] = ['ignore', 'reject'];

/** The options of a call that passes none (shared: nothing to allocate per call). */
const NO_OPTIONS: FromJsonOptions = Object.freeze({});

/** fromJson, also returning the unknown keys and defaulted fields it met. */
export function fromJsonWithReport<D extends DtoName>(
  dto: D,
  text: string,
  options: FromJsonOptions = {},
): ReadReport<DtoTypes[D]> {
  const unknownKeys: UnknownKey[] = [];
  const defaulted: string[] = [];
  const parsed = parse(dto, text, options);
  const value = parsed.asIs
    ? (parsed.value as unknown as DtoTypes[D])
    : read(dto, parsed.value, options, false, unknownKeys, defaulted);
  return { value, unknownKeys, defaulted };
}

/**
 * The same reading applied to an already-parsed document (Python's from_dict):
 * use it for values parsed with parsePythonJson. The input is not modified.
 */
export function fromDict<D extends DtoName>(dto: D, data: unknown, options: FromJsonOptions = {}): DtoTypes[D] {
  return read(dto, data, options, true, null, null);
}

/** DTO name → the fast path's walk, or null where from_dict may change a valid document (built on first use). */
const walkFor: PerDto<DtoWalk | null> = perDto((dto) => {
  const plan = planOf(dto);
  if (!plan.readsAsIs) return null;
  const fields = plan.fields;
  const classes = new Uint8Array(fields.map(fieldClass));
  /** How many properties are of one of the `wanted` classes. */
  const count = (...wanted: number[]): number => classes.filter((check) => wanted.includes(check)).length;
  const stamp = classes.indexOf(FIELD_TIMESTAMP);
  return {
    inOrder: inOrderCheckers[dto],
    classes,
    lists: count(FIELD_LIST),
    lookedEnd: classes.reduce((end, check, at) => (check !== FIELD_SCALAR && check !== FIELD_LIST ? at + 1 : end), 0),
    flatContainers:
      count(FIELD_SCALAR, FIELD_TIMESTAMP, FIELD_LIST, FIELD_MAP) === fields.length
        ? 1 + count(FIELD_LIST, FIELD_MAP)
        : 0,
    // A DTO reads as it is only when its nested DTOs do (planOf): theirs are walks too.
    nested: fields.map((field) => (field.nested !== undefined ? walkFor(field.nested) : null)),
    onlyTimestamp: stamp >= 0 && count(FIELD_SCALAR) === fields.length - 1 ? fields[stamp]!.name : null,
    rewritten: rewrittenByPython,
  };
});

/**
 * The walk's question for a timestamp the contract accepts: whether Python writes it back differently. The cheap
 * test (mayBeRewritten: an offset with seconds and a fraction) then the exact one (isAsPythonWrites), so a record
 * whose odd offset (`+13:45:30.250000`) Python writes back as it is stays JSON.parse's value: no second walk, no
 * reader, no validator. Compiled, fromJson of the 10,000 hard bench texts (3 in 5 hold such an offset), CPU, one
 * process, two builds interleaved, medians of 25 rounds: 101.6 → 88.9 ms; typical texts unchanged (36.5, 36.6).
 */
function rewrittenByPython(stamp: string): boolean {
  return mayBeRewritten(stamp) && !isAsPythonWrites(stamp);
}

/** What parse() read: the value, and whether it is already the record (JSON.parse's result, see readFast). */
interface Parsed {
  readonly value: PyJsonValue;
  readonly asIs: boolean;
}

function parse(dto: DtoName, text: string, options: FromJsonOptions): Parsed {
  const walk = typeof dto === 'string' ? walkFor(dto) : undefined;
  if (walk === undefined) requireDtoName(dto); // throws UnknownDtoError
  if (typeof text !== 'string') {
    throw new InvalidArgumentError('fromJson', 'text', 'the JSON text as a string', text, { dto });
  }
  // The call without options on a text too short to hold a big list of numbers (most calls) goes straight to the
  // fast path; the others' checks live in parseWithOptions, which keeps this function small enough for V8 to inline
  // it, readWhole, readFastExact and readFast into fromJson. Compiled, CPU, one process, two builds interleaved (both
  // orders): fromJson of bench/cases.ts case (a) 0.98–0.985 of before (with dtoAsIs's changes 0.96–0.99, 1.24–1.27 →
  // 1.20–1.24× JSON.parse). Returning the fast path's own FastReading instead of a Parsed made the 10,000 hard
  // pynenc texts 2–3 % slower; this form, one process per build: 2.08–2.19 → 2.13–2.24× JSON.parse, within the
  // noise of those runs.
  if (options !== NO_OPTIONS || text.length >= BIG_LIST_CHARS) return parseWithOptions(dto, text, options, walk!);
  return readWhole(text, DEFAULT_READ_LIMITS, walk!, dto);
}

/** parse() of a call with options or of a long text. */
function parseWithOptions(dto: DtoName, text: string, options: FromJsonOptions, walk: DtoWalk | null): Parsed {
  if (options !== NO_OPTIONS) checkOptions(options);
  const mode = options.fastPath;
  const limits = resolveLimits(options);
  // Errors (PythonJsonSyntaxError, LimitExceededError) name the DTO and the JSON path.
  if (mode === false || mode === 'sniff' || text.length > limits.maxDocumentLength) {
    return { value: parseText(text, mode ?? true, limits, dto), asIs: false };
  }
  // A text holding big lists of numbers: they are read count-first, in arrays of their size (peak memory)
  const lists = readNumberLists(text, limits, walk, dto);
  if (lists !== null) return { value: lists.value, asIs: lists.verdict === 'as-is' };
  return readWhole(text, limits, walk, dto);
}

/** The text read whole: readFastExact's reading, or the exact parser's where it says 'exact'. */
function readWhole(text: string, limits: Limits, walk: DtoWalk | null, dto: DtoName): Parsed {
  const fast = readFastExact(text, limits, walk, dto);
  if (fast.verdict === 'exact') return { value: parseExact(text, limits, dto), asIs: false };
  return { value: fast.value, asIs: fast.verdict === 'as-is' };
}

function read<D extends DtoName>(
  dto: D,
  data: unknown,
  options: FromJsonOptions,
  copy: boolean,
  unknownKeys: UnknownKey[] | null,
  defaulted: string[] | null,
): DtoTypes[D] {
  requireDtoName(dto);
  if (copy) {
    // fromDict: fromJson checked its options in parse(). The limits do not apply here (no text), but a bad one is
    // still a mistake to report.
    checkOptions(options);
    resolveLimits(options);
  }
  const ctx: Context = {
    dto,
    clock: options.now,
    onUnknownKey: options.onUnknownKey,
    reject: options.unknownKeys === 'reject',
    unknownKeys,
    defaulted,
    copy,
    now: undefined,
    issues: null,
    maxIssues: resolveMaxIssues(options.maxIssues),
  };
  const value = readDto(planOf(dto), data, '', ctx);
  const ours = ctx.issues;
  if (ours === null) {
    const result = validate(dto, value, { maxIssues: ctx.maxIssues });
    if (!result.ok) throw new ContractValidationError(dto, result.issues, result.moreIssues);
    return result.value;
  }
  // Our own findings (timestamps Python cannot read, rejected unknown keys) come first; the validator's follow.
  // The validator sees none of their paths (unknown keys were dropped, an unreadable timestamp was replaced by a
  // valid one, see readTimestamp), so each issue is listed once; the cap covers both.
  const result = validate(dto, value, { maxIssues: Math.max(1, ctx.maxIssues - ours.listed.length) });
  if (!result.ok) {
    for (const issue of result.issues) ours.add(issue);
    ours.more += result.moreIssues;
  }
  throw new ContractValidationError(dto, ours.listed, ours.more);
}

const hasOwn = Object.prototype.hasOwnProperty;

function readDto(plan: DtoPlan, data: unknown, path: string, ctx: Context): unknown {
  // Not an object: left as is, the validator reports it with its path.
  if (!isPlainObject(data)) return data;
  const fields = plan.fields;
  const keys = Object.keys(data);
  if (!ctx.copy && keys.length === fields.length && keysInPlanOrder(keys, fields)) {
    // What Python writes: every key, in order, nothing else. The freshly parsed
    // object is ours; only values that change are replaced (same key, same order).
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index]!;
      const value = data[field.name];
      const result = readField(field, true, value, path, ctx);
      if (result !== value) data[field.name] = result;
    }
    return data;
  }
  const out: Record<string, unknown> = {};
  let present = 0;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!;
    const has = hasOwn.call(data, field.name);
    if (has) present++;
    const result = readField(field, has, has ? data[field.name] : undefined, path, ctx);
    if (result !== ABSENT) out[field.name] = result;
  }
  if (present !== keys.length) reportUnknown(plan, data, path, ctx);
  return out;
}

function keysInPlanOrder(keys: readonly string[], fields: readonly FieldPlan[]): boolean {
  for (let index = 0; index < keys.length; index++) if (keys[index] !== fields[index]!.name) return false;
  return true;
}

/** A missing required key without default stays missing (the validator reports Python's KeyError). */
const ABSENT: unique symbol = Symbol('absent');

/**
 * One field as Python's reader takes it: defaults for missing/null ("" for timestamps), timestamps normalized,
 * nested DTOs read.
 */
function readField(field: FieldPlan, has: boolean, value: unknown, path: string, ctx: Context): unknown {
  if (
    value === undefined ||
    value === null ||
    (value === '' && (field.kind === 'optionalTimestamp' || field.defaultsToNow))
  ) {
    let filled: unknown;
    if (field.defaultsToNow) filled = ctx.now ??= nowText(ctx.clock);
    else if (field.kind === 'optionalTimestamp') filled = null;
    else if (field.hasDefault) filled = field.makeDefault();
    else return has ? value : ABSENT; // a null without default stays null: the validator says what was expected
    if (ctx.defaulted !== null && !(value === null && filled === null)) ctx.defaulted.push(`${path}/${field.pointer}`);
    return filled;
  }
  switch (field.kind) {
    case 'timestamp':
    case 'optionalTimestamp':
      return typeof value === 'string' ? readTimestamp(value, path, field, ctx) : value;
    case 'dto':
      return readDto(planOf(field.nested!), value, `${path}/${field.pointer}`, ctx);
    case 'dtoArray': {
      if (!Array.isArray(value)) return value;
      const nested = planOf(field.nested!);
      const list: unknown[] = ctx.copy ? new Array(value.length) : value;
      for (let index = 0; index < value.length; index++)
        list[index] = readDto(nested, value[index], `${path}/${field.pointer}/${index}`, ctx);
      return list;
    }
    default:
      return ctx.copy ? shallowCopy(value) : value;
  }
}

function readTimestamp(text: string, parent: string, field: FieldPlan, ctx: Context): string {
  try {
    return pythonTimestamp(text);
  } catch (err) {
    if (!(err instanceof TimestampError)) throw err;
    (ctx.issues ??= new IssueSink(ctx.maxIssues)).add(
      makeIssue({
        path: `${parent}/${field.pointer}`,
        keyword: 'pattern',
        expected: `a timestamp Python's datetime.fromisoformat reads (${err.reason})`,
        received: describeReceived(text),
        params: { reason: err.reason },
      }),
    );
    // The document is refused (read() throws): the validator, which runs next, is given a valid timestamp here
    // (the contract's own example), so this field's issue is ours alone and no set of paths is kept to drop the
    // validator's.
    return VALID_TIMESTAMP;
  }
}

/** A timestamp the contract accepts: its Timestamp definition's first example. */
const VALID_TIMESTAMP = String((commonSchema.$defs as Record<string, { examples: unknown[] }>).timestamp!.examples[0]);

function reportUnknown(plan: DtoPlan, data: Record<string, unknown>, path: string, ctx: Context): void {
  for (const key of Object.keys(data)) {
    if (plan.byName.has(key)) continue;
    const unknown: UnknownKey = { dto: plan.dto, path: `${path}/${escapePointerToken(key)}`, key };
    ctx.unknownKeys?.push(unknown);
    ctx.onUnknownKey?.(unknown);
    if (ctx.reject) {
      (ctx.issues ??= new IssueSink(ctx.maxIssues)).add(
        makeIssue({ path: unknown.path, keyword: 'additionalProperties', params: { additionalProperty: key } }),
      );
    }
  }
}

function shallowCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice();
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) defineOwn(copy, key, value[key]);
    const order = pythonKeyOrder(value);
    return order ? withPythonKeyOrder(copy, order) : copy;
  }
  return value;
}
