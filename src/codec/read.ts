/**
 * fromJson: what Python's from_json reads, checked against the contract.
 */
import type { DtoName } from '../../generated/schemas';
import type { DtoTypes } from '../../generated/types';
import { describeReceived } from '../errors';
// Imported from the defining modules: hot paths skip the re-export getters of the index modules.
import { resolveLimits, type ReadLimits } from '../limits';
import { parseText } from '../pyjson/parse';
import { PyFloat, pythonKeyOrder, withPythonKeyOrder } from '../pyjson/values';
import { TimestampError } from '../timestamps/errors';
import { ContractValidationError, requireDtoName, validate, type ValidationIssue } from '../validation';
import { PLANS, type DtoPlan, type FieldPlan } from './plan';
import { nowText, pythonTimestamp, type Clock } from './timestamps';

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
   * Passed to parsePythonJson. Default: 'sniff' for DTOs whose schema allows
   * numbers (TriggerRunRecord, EventMarkerPage), true for the others.
   */
  fastPath?: boolean | 'sniff';
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
  issues: ValidationIssue[] | null;
}

/**
 * Reads `text` as Python's from_json does (see the README for the rules and
 * where we are stricter), validates the result against the contract and
 * returns it typed. Throws PythonJsonSyntaxError for text json.loads rejects,
 * ContractValidationError (DTO, JSON path, expectation) for everything else.
 */
export function fromJson<D extends DtoName>(dto: D, text: string, options: FromJsonOptions = {}): DtoTypes[D] {
  return read(dto, parse(dto, text, options), options, false, null, null);
}


/** fromJson, also returning the unknown keys and defaulted fields it met. */
export function fromJsonWithReport<D extends DtoName>(
  dto: D,
  text: string,
  options: FromJsonOptions = {},
): ReadReport<DtoTypes[D]> {
  const unknownKeys: UnknownKey[] = [];
  const defaulted: string[] = [];
  const value = read(dto, parse(dto, text, options), options, false, unknownKeys, defaulted);
  return { value, unknownKeys, defaulted };
}

/**
 * The same reading applied to an already-parsed document (Python's from_dict):
 * use it for values parsed with parsePythonJson. The input is not modified.
 */
export function fromDict<D extends DtoName>(dto: D, data: unknown, options: FromJsonOptions = {}): DtoTypes[D] {
  return read(dto, data, options, true, null, null);
}

function parse(dto: DtoName, text: string, options: FromJsonOptions): unknown {
  requireDtoName(dto);
  if (typeof text !== 'string') throw new TypeError(`fromJson(${dto}) needs the JSON text as a string, got ${typeof text}`);
  // Errors (PythonJsonSyntaxError, LimitExceededError) name the DTO and the JSON path.
  return parseText(text, options.fastPath ?? (PLANS[dto].mayHoldNumbers ? 'sniff' : true), resolveLimits(options), dto);
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
  };
  const value = readDto(PLANS[dto], data, '', ctx);
  const result = validate(dto, value);
  if (ctx.issues === null) {
    if (!result.ok) throw new ContractValidationError(dto, result.issues);
    return result.value;
  }
  // Our own findings (timestamps Python cannot read, rejected unknown keys) replace what the
  // validator says at the same paths; the rest of the validator's findings follow.
  const ours = ctx.issues;
  const taken = new Set(ours.map((i) => i.path));
  const rest = result.ok ? [] : result.issues.filter((i) => !taken.has(i.path));
  throw new ContractValidationError(dto, [...ours, ...rest]);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyFloat);
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
    for (let k = 0; k < fields.length; k++) {
      const field = fields[k]!;
      const v = data[field.name];
      const r = readField(field, true, v, path, ctx);
      if (r !== v) data[field.name] = r;
    }
    return data;
  }
  const out: Record<string, unknown> = {};
  let present = 0;
  for (let k = 0; k < fields.length; k++) {
    const field = fields[k]!;
    const has = hasOwn.call(data, field.name);
    if (has) present++;
    const r = readField(field, has, has ? data[field.name] : undefined, path, ctx);
    if (r !== ABSENT) out[field.name] = r;
  }
  if (present !== keys.length) reportUnknown(plan, data, path, ctx);
  return out;
}

function keysInPlanOrder(keys: readonly string[], fields: readonly FieldPlan[]): boolean {
  for (let k = 0; k < keys.length; k++) if (keys[k] !== fields[k]!.name) return false;
  return true;
}

/** A missing required key without default stays missing (the validator reports Python's KeyError). */
const ABSENT: unique symbol = Symbol('absent');

/** One field as Python's reader takes it: defaults for missing/null ("" for timestamps), timestamps normalized, nested DTOs read. */
function readField(field: FieldPlan, has: boolean, v: unknown, path: string, ctx: Context): unknown {
  if (v === undefined || v === null || (v === '' && (field.kind === 'optionalTimestamp' || field.defaultsToNow))) {
    let filled: unknown;
    if (field.defaultsToNow) filled = ctx.now ??= nowText(ctx.clock);
    else if (field.kind === 'optionalTimestamp') filled = null;
    else if (field.hasDefault) filled = field.makeDefault();
    else return has ? v : ABSENT; // a null without default stays null: the validator says what was expected
    if (ctx.defaulted !== null && !(v === null && filled === null)) ctx.defaulted.push(`${path}/${field.pointer}`);
    return filled;
  }
  switch (field.kind) {
    case 'timestamp':
    case 'optionalTimestamp':
      return typeof v === 'string' ? readTimestamp(v, path, field, ctx) : v;
    case 'dto':
      return readDto(PLANS[field.nested!], v, `${path}/${field.pointer}`, ctx);
    case 'dtoArray': {
      if (!Array.isArray(v)) return v;
      const nested = PLANS[field.nested!];
      const list: unknown[] = ctx.copy ? new Array(v.length) : v;
      for (let k = 0; k < v.length; k++) list[k] = readDto(nested, v[k], `${path}/${field.pointer}/${k}`, ctx);
      return list;
    }
    default:
      return ctx.copy ? shallowCopy(v) : v;
  }
}

function readTimestamp(text: string, parent: string, field: FieldPlan, ctx: Context): string {
  try {
    return pythonTimestamp(text);
  } catch (err) {
    if (!(err instanceof TimestampError)) throw err;
    (ctx.issues ??= []).push({
      path: `${parent}/${field.pointer}`,
      message: `must be a timestamp Python's datetime.fromisoformat reads (${err.reason}), got ${describeReceived(text)}`,
      keyword: 'pattern',
    });
    return text;
  }
}

function reportUnknown(plan: DtoPlan, data: Record<string, unknown>, path: string, ctx: Context): void {
  for (const key of Object.keys(data)) {
    if (plan.byName.has(key)) continue;
    const unknown: UnknownKey = { dto: plan.dto, path: `${path}/${pointerSegment(key)}`, key };
    ctx.unknownKeys?.push(unknown);
    ctx.onUnknownKey?.(unknown);
    if (ctx.reject) {
      (ctx.issues ??= []).push({
        path: unknown.path,
        message: 'is not a property of this DTO (unknown key)',
        keyword: 'additionalProperties',
      });
    }
  }
}

function shallowCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.slice();
  if (isPlainObject(v)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      Object.defineProperty(copy, key, { value: v[key], writable: true, enumerable: true, configurable: true });
    }
    const order = pythonKeyOrder(v);
    return order ? withPythonKeyOrder(copy, order) : copy;
  }
  return v;
}

function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
