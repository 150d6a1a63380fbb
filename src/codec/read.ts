/**
 * fromJson: what Python's from_json reads, checked against the contract.
 */
import { DTO_NAMES, commonSchema, type DtoName } from '../../generated/schemas';
import type { DtoTypes } from '../../generated/types';
import { describeReceived } from '../errors';
// Imported from the defining modules: hot paths skip the re-export getters of the index modules.
import {
  InvalidOptionError,
  checkChoice,
  checkFunction,
  resolveLimits,
  resolveMaxIssues,
  type Limits,
  type ReadLimits,
} from '../limits';
import {
  FAST_PATH_MODES,
  isFaithful,
  isPlainIntToken,
  jsonWithinLimits,
  numberTokensUnambiguous,
  parseExact,
  parseText,
  trailingMembers,
} from '../pyjson/parse';
import { PyFloat, isArrayIndexKey, pythonKeyOrder, withPythonKeyOrder, type PyJsonValue } from '../pyjson/values';
import { TimestampError } from '../timestamps/errors';
import { inOrderCheckers } from '../validation/compiled';
import { ContractValidationError, requireDtoName, validate } from '../validation';
import { IssueSink } from '../validation/capped';
import { makeIssue } from '../validation/errors';
import { PLANS, type DtoPlan, type FieldPlan } from './plan';
import { mayBeRewritten, nowText, pythonTimestamp, type Clock } from './timestamps';

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
   * readAsIs). 'sniff' and false are passed to parsePythonJson (false: always the exact parser).
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
  const data = parse(dto, text, options);
  return parsedAsIs ? (data as unknown as DtoTypes[D]) : read(dto, data, options, false, null, null);
}

/** Throws InvalidOptionError for an option of the wrong kind (the limits are checked by resolveLimits). */
function checkOptions(options: FromJsonOptions): void {
  if (options === null || typeof options !== 'object') throw new InvalidOptionError('options', 'an object', options);
  checkChoice('fastPath', options.fastPath, FAST_PATH_MODES);
  checkChoice('unknownKeys', options.unknownKeys, UNKNOWN_KEYS_MODES);
  checkFunction('onUnknownKey', options.onUnknownKey);
  resolveMaxIssues(options.maxIssues);
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new InvalidOptionError('now', 'a function returning a Date, epoch microseconds (bigint) or a PyTimestamp', options.now);
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
  const data = parse(dto, text, options);
  const value = parsedAsIs ? (data as unknown as DtoTypes[D]) : read(dto, data, options, false, unknownKeys, defaulted);
  return { value, unknownKeys, defaulted };
}

/**
 * The same reading applied to an already-parsed document (Python's from_dict):
 * use it for values parsed with parsePythonJson. The input is not modified.
 */
export function fromDict<D extends DtoName>(dto: D, data: unknown, options: FromJsonOptions = {}): DtoTypes[D] {
  return read(dto, data, options, true, null, null);
}

// Bound once: hot paths skip the getters of the modules' export objects (as tsx and other
// CommonJS transforms compile imports).
const PY_FLOAT = PyFloat;
const faithful = isFaithful;
const exact = parseExact;
const withinLimits = jsonWithinLimits;
const unambiguous = numberTokensUnambiguous;
const isIndexKey = isArrayIndexKey;
const rewritten = mayBeRewritten;

/** Per DTO: the in-order checker, and the walk plan when the DTO reads as it is (see readAsIs). */
interface FastRead {
  /** Valid, and every DTO object's keys exactly the schema's, in its order (generated/checkers.ts). */
  readonly inOrder: (data: unknown) => boolean;
  readonly walk: WalkPlan | null;
}

/** Set by parse(): its result is the record, as JSON.parse read it (see readAsIs). */
let parsedAsIs = false;

/** The DTO of the previous call and its FastRead (most callers read one DTO many times). */
let lastDto: unknown = Symbol('no call yet');
let lastFast: FastRead | undefined;

function parse(dto: DtoName, text: string, options: FromJsonOptions): PyJsonValue {
  parsedAsIs = false;
  let fast: FastRead | undefined;
  if (dto === lastDto) fast = lastFast;
  else {
    fast = typeof dto === 'string' ? FAST[dto] : undefined;
    if (fast === undefined) requireDtoName(dto); // throws UnknownDtoError
    lastDto = dto;
    lastFast = fast;
  }
  if (typeof text !== 'string') throw new TypeError(`fromJson(${dto}) needs the JSON text as a string, got ${typeof text}`);
  if (options !== NO_OPTIONS) checkOptions(options);
  const mode = options.fastPath;
  const limits = resolveLimits(options);
  // Errors (PythonJsonSyntaxError, LimitExceededError) name the DTO and the JSON path.
  if (mode === false || mode === 'sniff' || text.length > limits.maxDocumentLength) return parseText(text, mode ?? true, limits, dto);
  let root: PyJsonValue;
  try {
    root = JSON.parse(text) as PyJsonValue;
  } catch {
    return exact(text, limits, dto); // the exact parser reports the error the way Python does
  }
  const walk = fast!.walk;
  if (walk !== null && fast!.inOrder(root)) {
    const verdict = readAsIs(walk, root as Record<string, unknown>, text, limits);
    if (verdict === AS_IS) {
      parsedAsIs = true;
      return root;
    }
    if (verdict === EXACT) return exact(text, limits, dto);
  }
  // Python's leniency has work to do (or the document is invalid): read JSON.parse's result
  // when it is what Python reads, as parsePythonJson's fast path does.
  return faithful(root, text, limits, true) ? root : exact(text, limits, dto);
}

const AS_IS = 0;
/** JSON.parse's result is valid, but may not be what the exact parser reads (numbers) or the text breaks a limit. */
const EXACT = 1;
/** Valid, but reading changes it (key order, a timestamp to normalize, an array-index key). */
const LENIENT = 2;

/** What a walk over a valid document found. */
interface Scan {
  /** Deepest nesting; the record is level 1. */
  depth: number;
  /** Arrays and objects. */
  containers: number;
  /** Root properties holding an integral or infinite number (JSON.parse may have read `1.0`, `-0`, `1e2`…). */
  rootNumbers: string[] | null;
  /** Such a number anywhere else. */
  otherNumbers: boolean;
}

// What the walk checks of each property (from the plan: kind and shape).
const CHECK_NOTHING = 0;
const CHECK_TIMESTAMP = 1;
const CHECK_DTO = 2;
const CHECK_DTO_ARRAY = 3;
const CHECK_LIST = 4;
const CHECK_MAP = 5;
const CHECK_ANY = 6;

/**
 * A plan as the walk reads it: what to check of each property, by position in
 * the schema's order (strings, booleans and nulls need nothing once the
 * in-order checker passed).
 */
interface WalkPlan {
  readonly checks: Uint8Array;
  /** For CHECK_DTO / CHECK_DTO_ARRAY: the nested DTO's walk plan. */
  readonly nested: (WalkPlan | null)[];
  /** The one field to look at when it is a timestamp and nothing else is (EventMarker, TriggerRunParticipant). */
  readonly onlyTimestamp: string | null;
}

const WALK_PLANS = new Map<DtoName, WalkPlan>();

function walkPlan(dto: DtoName): WalkPlan {
  let walk = WALK_PLANS.get(dto);
  if (walk !== undefined) return walk;
  const fields = PLANS[dto].fields;
  const nested: (WalkPlan | null)[] = [];
  const looked = fields.filter((f) => checkOf(f) !== CHECK_NOTHING);
  const onlyTimestamp = looked.length === 1 && checkOf(looked[0]!) === CHECK_TIMESTAMP ? looked[0]!.name : null;
  walk = { checks: new Uint8Array(fields.map(checkOf)), nested, onlyTimestamp };
  WALK_PLANS.set(dto, walk);
  for (const f of fields) nested.push(f.nested !== undefined ? walkPlan(f.nested) : null);
  return walk;
}

/** DTO name → FastRead (a null-prototype table: no inherited names). */
const FAST: Readonly<Record<string, FastRead | undefined>> = Object.assign(
  Object.create(null) as Record<string, FastRead>,
  Object.fromEntries(
    DTO_NAMES.map((dto): [string, FastRead] => [dto, { inOrder: inOrderCheckers[dto], walk: PLANS[dto].readsAsIs ? walkPlan(dto) : null }]),
  ),
);

function checkOf(field: FieldPlan): number {
  switch (field.kind) {
    case 'timestamp':
    case 'optionalTimestamp':
      return CHECK_TIMESTAMP;
    case 'dto':
      return CHECK_DTO;
    case 'dtoArray':
      return CHECK_DTO_ARRAY;
    default:
      return field.shape === 'scalar' ? CHECK_NOTHING : field.shape === 'list' ? CHECK_LIST : field.shape === 'map' ? CHECK_MAP : CHECK_ANY;
  }
}

/**
 * For a document the DTO's in-order checker accepted (so it is valid, and
 * every DTO object holds exactly its schema's keys in the schema's order):
 * whether fromJson may return JSON.parse's result as it is. It may when
 * reading would change nothing (plan.readsAsIs, no timestamp Python writes
 * differently, no array-index key whose order JavaScript would lose), the
 * exact parser would read the same numbers, and the text keeps within the
 * read limits (a value dropped by a duplicate key is in the text only).
 */
/** The walk's findings; one object, reset by every walk (a walk calls out to nothing that reads). */
const scan: Scan = { depth: 1, containers: 1, rootNumbers: null, otherNumbers: false };

function readAsIs(walk: WalkPlan, root: Record<string, unknown>, text: string, limits: Limits): number {
  scan.depth = 1;
  scan.containers = 1;
  scan.rootNumbers = null;
  scan.otherNumbers = false;
  if (!dtoAsIs(walk, root, 1, scan)) return LENIENT;
  const rootNumbers = scan.rootNumbers as string[] | null;
  if (scan.otherNumbers) {
    if (!unambiguous(text)) return EXACT;
  } else if (rootNumbers !== null) {
    // Typically one integer at the end of a long document (EventMarkerPage.total): its token is
    // read backwards from the end of the text rather than scanning all of it.
    const tokens = trailingMembers(text);
    const plain = rootNumbers.every((name) => {
      const token = tokens.get(name);
      return token !== undefined && isPlainIntToken(token);
    });
    if (!plain && !unambiguous(text)) return EXACT;
  }
  return withinLimits(text, limits, scan.depth, scan.containers) ? AS_IS : EXACT;
}

/** One valid DTO object at `depth` (counted by the caller), its keys known to be in order. */
function dtoAsIs(walk: WalkPlan, obj: Record<string, unknown>, depth: number, scan: Scan): boolean {
  const checks = walk.checks;
  let k = 0;
  // The keys are the plan's, in its order (the in-order checker said so): the k-th key is field k.
  for (const key in obj) {
    const check = checks[k++];
    if (check === CHECK_NOTHING) continue; // a string, boolean or null
    const v = obj[key];
    switch (check) {
      case CHECK_TIMESTAMP:
        if (!timestampAsIs(v)) return false;
        break;
      case CHECK_DTO:
        scan.containers++;
        if (depth + 1 > scan.depth) scan.depth = depth + 1;
        if (!dtoAsIs(walk.nested[k - 1]!, v as Record<string, unknown>, depth + 1, scan)) return false;
        break;
      case CHECK_DTO_ARRAY: {
        const list = v as Record<string, unknown>[];
        const nested = walk.nested[k - 1]!;
        scan.containers += 1 + list.length;
        const level = depth + (list.length > 0 ? 2 : 1);
        if (level > scan.depth) scan.depth = level;
        const name = nested.onlyTimestamp;
        if (name !== null) {
          // The items hold no container: only their timestamp needs a look (10k markers of a page).
          for (let i = 0; i < list.length; i++) if (!timestampAsIs(list[i]![name])) return false;
        } else {
          for (let i = 0; i < list.length; i++) if (!dtoAsIs(nested, list[i]!, depth + 2, scan)) return false;
        }
        break;
      }
      case CHECK_LIST: // an array of strings, booleans or nulls
        scan.containers++;
        if (depth + 1 > scan.depth) scan.depth = depth + 1;
        break;
      case CHECK_MAP: // an object of those: only its keys matter
        scan.containers++;
        if (depth + 1 > scan.depth) scan.depth = depth + 1;
        for (const name in v as object) {
          const c = name.charCodeAt(0);
          if (c >= 48 && c <= 57 && isIndexKey(name)) return false;
        }
        break;
      default:
        if (typeof v === 'object') {
          if (v !== null && !valueAsIs(v, depth + 1, scan)) return false;
        } else if (typeof v === 'number' && ambiguous(v)) {
          if (depth === 1) (scan.rootNumbers ??= []).push(key);
          else scan.otherNumbers = true;
        }
    }
  }
  return true;
}

/** A timestamp (or null) the checker accepted that Python writes back as it is (else: left to the reader). */
function timestampAsIs(v: unknown): boolean {
  return typeof v !== 'string' || !rewritten(v);
}

/**
 * A JSON value of any shape (arguments_preview, payload, id lists): no array-index key
 * (JavaScript would lose Python's key order), numbers noted. Containers inside it are
 * walked without recursion.
 */
function valueAsIs(root: object, depth: number, scan: Scan): boolean {
  let stack: (object | number)[] | null = null;
  let node = root;
  let level = depth;
  for (;;) {
    scan.containers++;
    if (level > scan.depth) scan.depth = level;
    if (Array.isArray(node)) {
      for (let k = 0; k < node.length; k++) {
        const v: unknown = node[k];
        if (typeof v === 'object') {
          if (v !== null) (stack ??= []).push(v, level + 1);
        } else if (typeof v === 'number' && ambiguous(v)) scan.otherNumbers = true;
      }
    } else {
      const obj = node as Record<string, unknown>;
      for (const key in obj) {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57 && isIndexKey(key)) return false;
        const v = obj[key];
        if (typeof v === 'object') {
          if (v !== null) (stack ??= []).push(v, level + 1);
        } else if (typeof v === 'number' && ambiguous(v)) scan.otherNumbers = true;
      }
    }
    if (stack === null || stack.length === 0) return true;
    level = stack.pop() as number;
    node = stack.pop() as object;
  }
}

/** A number JSON.parse may have read differently from Python: integral or infinite. */
function ambiguous(v: number): boolean {
  return Number.isInteger(v) || !Number.isFinite(v);
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
  const value = readDto(PLANS[dto], data, '', ctx);
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

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PY_FLOAT);
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
    const unknown: UnknownKey = { dto: plan.dto, path: `${path}/${pointerSegment(key)}`, key };
    ctx.unknownKeys?.push(unknown);
    ctx.onUnknownKey?.(unknown);
    if (ctx.reject) {
      (ctx.issues ??= new IssueSink(ctx.maxIssues)).add(
        makeIssue({ path: unknown.path, keyword: 'additionalProperties', params: { additionalProperty: key } }),
      );
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
