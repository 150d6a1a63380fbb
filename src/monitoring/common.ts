/**
 * What both readers share: time bounds as Python's backends turn them into numbers, Python's
 * `datetime.fromtimestamp(x, tz=UTC)`, argument checks, the onError policy and payload resolution.
 */
import type { EventRecord, TriggerRunRecord } from '../../generated/types';
import { fromJson } from '../codec/read';
import { ClientDataStore } from '../datastore/client-data-store';
import { decodeEventRecords, type DecodedEventRecord } from '../datastore/event-record';
import { describeReceived } from '../errors';
import { EPOCH_ORDINAL, MAX_YEAR, MIN_YEAR, ordinalToYmd } from '../timestamps/calendar';
import { PyTimestamp } from '../timestamps/pytimestamp';
import { MonitoringQueryError, MonitoringRowError } from './errors';
import type {
  EventFilters,
  EventResult,
  EventsQuery,
  MarkersQuery,
  MarkerState,
  MonitoringBackend,
  MonitoringReader,
  MonitoringReadError,
  PayloadOption,
  ReadOptions,
  ResultOrder,
  RunsInRangeQuery,
  TimeBound,
} from './types';
import { MARKER_STATES } from './types';
import { hasLoneSurrogate, isNonArrayObject } from '../spec/json-value';

export interface Place {
  backend: MonitoringBackend;
  location: string;
}

// ── time ────────────────────────────────────────────────────────────

/** The exact instant of a bound, in epoch microseconds. */
export function boundMicros(place: Place, argument: string, bound: TimeBound): bigint {
  try {
    if (bound instanceof PyTimestamp) return bound.epochMicros;
    if (bound instanceof Date) {
      const ms = bound.getTime();
      if (!Number.isFinite(ms)) throw new Error('Invalid Date');
      return PyTimestamp.fromDate(bound).epochMicros; // also checks years 1..9999, as Python's datetime
    }
    if (typeof bound === 'string') return PyTimestamp.parse(bound).epochMicros;
  } catch (err) {
    throw new MonitoringQueryError(
      place,
      argument,
      'a Date, a PyTimestamp or an ISO text Python reads',
      describeReceived(bound),
      err,
    );
  }
  throw new MonitoringQueryError(
    place,
    argument,
    'a Date, a PyTimestamp or an ISO text Python reads',
    describeReceived(bound),
  );
}

const MICROS = 1_000_000n;

/**
 * Python's `dt.timestamp()` for an aware datetime: `(dt - EPOCH)` in microseconds, an int, divided by 10**6
 * with int/int true division (correctly rounded, ties to even).
 */
export function microsToSeconds(micros: bigint): number {
  const value = Number(micros);
  if (Number.isSafeInteger(value)) return value / 1e6; // both operands exact: the IEEE quotient is correctly rounded
  // Beyond 2^53 µs (after 2255): take a close candidate, then the nearest of its neighbours, exactly.
  const candidate = Number(micros / MICROS) + Number(micros % MICROS) / 1e6;
  let best = candidate;
  for (const neighbour of [nextDown(candidate), nextUp(candidate)]) {
    const cmp = compareDistance(neighbour, best, micros);
    if (cmp < 0 || (cmp === 0 && isEvenMantissa(neighbour))) best = neighbour;
  }
  return best;
}

/** Python's Redis score for a datetime: `dt.timestamp() * 1000.0`. */
export function microsToScore(micros: bigint): number {
  return microsToSeconds(micros) * 1000.0;
}

/** The epoch microseconds of `datetime.min` / `datetime.max` (UTC), as BaseTrigger's fallbacks pass them. */
export const DATETIME_MIN_MICROS = -62135596800n * MICROS;
export const DATETIME_MAX_MICROS = 253402300799n * MICROS + 999999n;

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function nextUp(value: number): number {
  if (value === 0) return Number.MIN_VALUE;
  f64[0] = value;
  u64[0] = value > 0 ? u64[0]! + 1n : u64[0]! - 1n;
  return f64[0]!;
}

function nextDown(value: number): number {
  return -nextUp(-value);
}

function isEvenMantissa(value: number): boolean {
  f64[0] = value;
  return (u64[0]! & 1n) === 0n;
}

/** A finite double as an exact fraction num / 2^shift. */
function exact(value: number): { num: bigint; shift: bigint } {
  f64[0] = value;
  const bits = u64[0]!;
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  const mant = exp === 0 ? frac : frac | (1n << 52n);
  const power = (exp === 0 ? 1 : exp) - 1075; // value = mant * 2^power
  return power >= 0 ? { num: sign * (mant << BigInt(power)), shift: 0n } : { num: sign * mant, shift: BigInt(-power) };
}

/** Sign of |first·10^6 − micros| − |second·10^6 − micros|, computed exactly. */
function compareDistance(first: number, second: number, micros: bigint): number {
  const ea = exact(first);
  const eb = exact(second);
  const shift = ea.shift > eb.shift ? ea.shift : eb.shift;
  const abs = (v: bigint): bigint => (v < 0n ? -v : v);
  const da = abs(ea.num * MICROS * (1n << (shift - ea.shift)) - (micros << shift));
  const db = abs(eb.num * MICROS * (1n << (shift - eb.shift)) - (micros << shift));
  return da < db ? -1 : da > db ? 1 : 0;
}

/** C's round(): half away from zero. */
function cRound(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

/** CPython's `_PyTime_RoundHalfEven`. */
function roundHalfEven(value: number): number {
  const rounded = cRound(value);
  return Math.abs(value - rounded) === 0.5 ? 2.0 * cRound(value / 2.0) : rounded;
}

/**
 * Python's `datetime.fromtimestamp(seconds, tz=UTC).isoformat()`, ported from CPython
 * (`_PyTime_ObjectToTimeval` with ROUND_HALF_EVEN: `modf`, fraction × 1e6 rounded half to even, carry), then
 * the text `isoformat()` writes. Throws RangeError where Python raises (a date outside years 1..9999).
 */
export function fromTimestampText(seconds: number): string {
  return new UtcTimestampTexts().text(seconds);
}

/**
 * fromTimestampText for many values (a marker page): plain number arithmetic, and the date part computed once
 * per day (the markers of a page share a few days).
 */
export class UtcTimestampTexts {
  private day = Number.NaN;
  private date = '';

  text(seconds: number): string {
    if (!Number.isFinite(seconds)) throw new RangeError(`timestamp ${seconds} is not finite`);
    let intpart = Math.trunc(seconds);
    let micros = roundHalfEven((seconds - intpart) * 1e6); // modf is exact; the product rounds as in C
    if (micros >= 1e6) {
      micros -= 1e6;
      intpart += 1.0;
    } else if (micros < 0) {
      micros += 1e6;
      intpart -= 1.0;
    }
    const day = Math.floor(intpart / 86400);
    if (day !== this.day) {
      const ordinal = day + EPOCH_ORDINAL;
      const ymd = ordinal >= 1 ? ordinalToYmd(ordinal) : null;
      if (ymd === null || ymd.year < MIN_YEAR || ymd.year > MAX_YEAR) {
        throw new RangeError(`timestamp ${seconds} is outside years ${MIN_YEAR}..${MAX_YEAR} (Python raises)`);
      }
      this.date = `${String(ymd.year).padStart(4, '0')}-${two(ymd.month)}-${two(ymd.day)}T`;
      this.day = day;
    }
    const inDay = intpart - day * 86400;
    const second = inDay % 60;
    const minutes = (inDay - second) / 60;
    let out = `${this.date}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:${two(second)}`;
    if (micros !== 0) out += `.${String(micros).padStart(6, '0')}`;
    return `${out}+00:00`;
  }
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

// ── arguments ───────────────────────────────────────────────────────
// Every argument check of the MonitoringReader methods, once: the readers call the `…Args` function of their
// method and keep only what their backend does with the checked values.

/** The place a reader's constructor names in its errors (the options, before a connection exists). */
export function optionsPlace(backend: MonitoringBackend): Place {
  return { backend, location: 'options' };
}

/** A reader's constructor options: an object (null or another primitive refused). */
export function readerOptions<T>(given: Place, options: T): T {
  if (options === null || typeof options !== 'object') {
    throw new MonitoringQueryError(given, 'options', 'an options object', describeReceived(options));
  }
  return options;
}

/** The pynenc app_id of a reader's options: a string (default "pynenc", pynenc's default). */
export function appIdOption(place: Place, value: unknown): string {
  if (value === undefined) return 'pynenc';
  if (typeof value !== 'string') throw new MonitoringQueryError(place, 'appId', 'a string', describeReceived(value));
  return value;
}

/** The longest time a Node timer or better-sqlite3's busy timeout holds (a 32-bit signed integer of ms). */
export const MAX_TIMEOUT_MS = 0x7fffffff;

/** An integer option from `min` to `max` (timeouts, batch sizes), or `fallback` when left out. */
export function integerOption(
  place: Place,
  argument: string,
  value: number | undefined,
  fallback: number,
  range: { min: number; max: number },
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new MonitoringQueryError(
      place,
      argument,
      `an integer from ${range.min} to ${range.max}`,
      describeReceived(value),
    );
  }
  return value;
}

/** An options or query argument: an object, or `fallback` when left out (null, a string, an array: refused). */
function optionsObject<T extends object>(place: Place, argument: string, value: T | undefined, fallback: T): T {
  if (value === undefined) return fallback;
  if (!isNonArrayObject(value)) {
    throw new MonitoringQueryError(place, argument, 'an options object', describeReceived(value));
  }
  return value;
}

/** A string UTF-8 can carry: Python's drivers raise on a lone surrogate (UnicodeEncodeError). */
export function isUtf8Text(value: unknown): value is string {
  return typeof value === 'string' && !hasLoneSurrogate(value);
}

/**
 * An id argument (event, run, invocation, condition id; an event code): a string UTF-8 can carry. Sent as is, a
 * lone surrogate would become U+FFFD and read another key or row.
 */
export function idArgument(place: Place, argument: string, value: unknown): string {
  if (!isUtf8Text(value)) {
    throw new MonitoringQueryError(place, argument, 'a string (without lone surrogates)', describeReceived(value));
  }
  return value;
}

/** A list of id arguments (the batch methods), each once, in first-seen order. */
function uniqueIds(place: Place, argument: string, value: unknown): string[] {
  if (!Array.isArray(value)) {
    throw new MonitoringQueryError(place, argument, 'an array of ids', describeReceived(value));
  }
  return [...new Set(value.map((id, index) => idArgument(place, `${argument}[${index}]`, id)))];
}

/** `resolvePayloads`: a ClientDataStore (the one decodeEventRecords takes), or undefined. */
function payloadOption(place: Place, options: PayloadOption | undefined): void {
  const store = optionsObject(place, 'options', options, {}).resolvePayloads;
  if (store !== undefined && !(store instanceof ClientDataStore)) {
    throw new MonitoringQueryError(place, 'resolvePayloads', 'a ClientDataStore', describeReceived(store));
  }
}

function count(place: Place, argument: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MonitoringQueryError(place, argument, 'a non-negative integer', describeReceived(value));
  }
  return value;
}

function markerState(place: Place, state: MarkerState | undefined): MarkerState {
  if (state === undefined) return 'all';
  if (!MARKER_STATES.includes(state)) {
    throw new MonitoringQueryError(place, 'state', MARKER_STATES.join(' | '), describeReceived(state));
  }
  return state;
}

function resultOrder(place: Place, options: { order?: ResultOrder } | undefined): ResultOrder {
  const order = optionsObject(place, 'options', options, {}).order ?? 'backend';
  if (order !== 'backend' && order !== 'oldest' && order !== 'newest') {
    throw new MonitoringQueryError(place, 'order', "'backend' | 'oldest' | 'newest'", describeReceived(order));
  }
  return order;
}

function optionalText(place: Place, argument: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return idArgument(place, argument, value);
}

function optionalFlag(place: Place, argument: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw new MonitoringQueryError(place, argument, 'a boolean', describeReceived(value));
  }
  return value;
}

/** A time bound a query needs (undefined and null refused), in epoch microseconds. */
function requiredBound(place: Place, argument: string, bound: TimeBound | undefined): bigint {
  if (bound === undefined || bound === null) {
    throw new MonitoringQueryError(place, argument, 'a time bound', describeReceived(bound));
  }
  return boundMicros(place, argument, bound);
}

/** A time bound a filter may leave out (undefined or null: no bound). */
function optionalBound(place: Place, argument: string, bound: TimeBound | undefined): bigint | undefined {
  return bound === undefined || bound === null ? undefined : boundMicros(place, argument, bound);
}

/** The filters of `get_events` / `count_events`, checked; undefined where the caller left one out. */
export interface CheckedEventFilters {
  eventCode: string | undefined;
  /** Inclusive bounds, epoch microseconds. */
  start: bigint | undefined;
  end: bigint | undefined;
  matched: boolean | undefined;
  triggered: boolean | undefined;
  emittedByInvocationId: string | undefined;
  emittedByTaskId: string | undefined;
}

function eventFilters(place: Place, filters: EventFilters): CheckedEventFilters {
  return {
    eventCode: optionalText(place, 'eventCode', filters.eventCode),
    start: optionalBound(place, 'startTime', filters.startTime),
    end: optionalBound(place, 'endTime', filters.endTime),
    matched: optionalFlag(place, 'matched', filters.matched),
    triggered: optionalFlag(place, 'triggered', filters.triggered),
    emittedByInvocationId: optionalText(place, 'emittedByInvocationId', filters.emittedByInvocationId),
    emittedByTaskId: optionalText(place, 'emittedByTaskId', filters.emittedByTaskId),
  };
}

/** `getEvent(eventId, options)`. */
export function eventArgs(place: Place, eventId: unknown, options: PayloadOption | undefined): string {
  const id = idArgument(place, 'eventId', eventId);
  payloadOption(place, options);
  return id;
}

/** `getEvents(query, options)`: limit 100 and offset 0 by default, as Python. */
export function eventsArgs(
  place: Place,
  query: EventsQuery | undefined,
  options: (PayloadOption & ReadOptions) | undefined,
): { filters: CheckedEventFilters; limit: number; offset: number; errors: RowErrors } {
  const checked = optionsObject(place, 'query', query, {});
  payloadOption(place, options);
  const errors = new RowErrors(options, place);
  const limit = count(place, 'limit', checked.limit, 100);
  const offset = count(place, 'offset', checked.offset, 0);
  return { filters: eventFilters(place, checked), limit, offset, errors };
}

/** `countEvents(filters)`. */
export function countArgs(place: Place, filters: EventFilters | undefined): CheckedEventFilters {
  return eventFilters(place, optionsObject(place, 'filters', filters, {}));
}

/** `getEventsBatch(eventIds, options)`. */
export function eventsBatchArgs(
  place: Place,
  eventIds: readonly string[],
  options: (PayloadOption & ReadOptions) | undefined,
): { ids: string[]; errors: RowErrors } {
  const ids = uniqueIds(place, 'eventIds', eventIds);
  payloadOption(place, options);
  return { ids, errors: new RowErrors(options, place) };
}

/** `getEventMarkers(query, options)`: both bounds required, state 'all', limit 1000 and offset 0 by default. */
export function markersArgs(
  place: Place,
  query: MarkersQuery,
  options: ReadOptions | undefined,
): {
  start: bigint;
  end: bigint;
  eventCode: string | undefined;
  state: MarkerState;
  limit: number;
  offset: number;
  order: ResultOrder;
  errors: RowErrors;
} {
  const checked = optionsObject(place, 'query', query, {} as MarkersQuery);
  const errors = new RowErrors(options, place);
  const order = resultOrder(place, options);
  const state = markerState(place, checked.state);
  const limit = count(place, 'limit', checked.limit, 1000);
  const offset = count(place, 'offset', checked.offset, 0);
  const start = requiredBound(place, 'startTime', checked.startTime);
  const end = requiredBound(place, 'endTime', checked.endTime);
  const eventCode = optionalText(place, 'eventCode', checked.eventCode);
  return { start, end, eventCode, state, limit, offset, order, errors };
}

/** The options of a method answering a list of runs (`getTriggerRunsFor…`). */
export function runsArgs(place: Place, options: ReadOptions | undefined): { order: ResultOrder; errors: RowErrors } {
  const errors = new RowErrors(options, place);
  return { order: resultOrder(place, options), errors };
}

/** `getTriggerRunsInRange(query, options)`: both bounds required; limit undefined or null is no limit (None). */
export function runsInRangeArgs(
  place: Place,
  query: RunsInRangeQuery,
  options: ReadOptions | undefined,
): {
  start: bigint;
  end: bigint;
  taskIdKey: string | undefined;
  eventCode: string | undefined;
  limit: number | undefined;
  order: ResultOrder;
  errors: RowErrors;
} {
  const checked = optionsObject(place, 'query', query, {} as RunsInRangeQuery);
  const { order, errors } = runsArgs(place, options);
  const limit =
    checked.limit === undefined || checked.limit === null ? undefined : count(place, 'limit', checked.limit, 0);
  const start = requiredBound(place, 'startTime', checked.startTime);
  const end = requiredBound(place, 'endTime', checked.endTime);
  const taskIdKey = optionalText(place, 'taskIdKey', checked.taskIdKey);
  const eventCode = optionalText(place, 'eventCode', checked.eventCode);
  return { start, end, taskIdKey, eventCode, limit, order, errors };
}

/** `getTriggerRunsBatch(triggerRunIds, options)`. */
export function runsBatchArgs(
  place: Place,
  triggerRunIds: readonly string[],
  options: ReadOptions | undefined,
): { ids: string[]; errors: RowErrors } {
  const ids = uniqueIds(place, 'triggerRunIds', triggerRunIds);
  return { ids, errors: new RowErrors(options, place) };
}

// ── rows ────────────────────────────────────────────────────────────

/** Applies `onError` to one unreadable row: throws, or records it and tells the caller to leave the row out. */
export class RowErrors {
  private readonly mode: 'throw' | 'skip' | 'collect';
  private readonly sink: MonitoringReadError[] | undefined;

  constructor(options: ReadOptions | undefined, place?: Place) {
    const where = place ?? { backend: 'sqlite', location: 'options' };
    const mode = optionsObject<ReadOptions>(where, 'options', options, {}).onError ?? 'throw';
    if (mode !== 'throw' && mode !== 'skip' && mode !== 'collect') {
      throw new MonitoringQueryError(where, 'onError', "'throw' | 'skip' | 'collect'", describeReceived(mode));
    }
    this.mode = mode;
    this.sink = mode === 'collect' ? (options as { errors: MonitoringReadError[] }).errors : undefined;
    if (mode === 'collect' && !Array.isArray(this.sink)) {
      throw new MonitoringQueryError(
        where,
        'errors',
        "an array to collect into (onError: 'collect')",
        describeReceived(this.sink),
      );
    }
  }

  /** Throws in 'throw' mode; otherwise records (collect) and returns so the row is left out. */
  fail(error: MonitoringRowError): void {
    if (this.mode === 'throw') throw error;
    this.sink?.push(error);
  }
}

export const THROW = new RowErrors(undefined);

/** A stored EventRecord text, where it came from, and its links from the backend's index. */
export interface EventRow {
  id: string;
  location: string;
  text: string;
  links: string[];
}

export function readEvent(place: Place, row: Omit<EventRow, 'links'>): EventRecord {
  try {
    return fromJson('EventRecord', row.text);
  } catch (err) {
    throw eventRowError(place, row, err);
  }
}

/** The MonitoringRowError of an EventRecord row that cannot be read (`cause`: why). */
function eventRowError(place: Place, row: Omit<EventRow, 'links' | 'text'>, cause: unknown): MonitoringRowError {
  return new MonitoringRowError({ ...place, location: row.location, id: row.id, dto: 'EventRecord' }, cause);
}

export function readRun(place: Place, location: string, id: string, text: string): TriggerRunRecord {
  try {
    return fromJson('TriggerRunRecord', text);
  } catch (err) {
    throw new MonitoringRowError({ backend: place.backend, location, id, dto: 'TriggerRunRecord' }, err);
  }
}

/** readRun, with an unreadable row going through `errors` (undefined: the row is left out). */
export function readRunOrFail(
  place: Place,
  location: string,
  id: string,
  text: string,
  errors: RowErrors,
): TriggerRunRecord | undefined {
  try {
    return readRun(place, location, id, text);
  } catch (err) {
    errors.fail(err as MonitoringRowError);
    return undefined;
  }
}

/**
 * The answer of a batch method: a Map in the order of `ids`, null for an id not stored (`isStored` false). A
 * stored row that `read` lacks (left out by onError) is absent rather than null: null means "not stored".
 */
export function batchResult<R>(
  ids: readonly string[],
  isStored: (id: string) => boolean,
  read: ReadonlyMap<string, R>,
): Map<string, R | null> {
  const out = new Map<string, R | null>();
  for (const id of ids) {
    const record = read.get(id);
    if (record !== undefined) out.set(id, record);
    else if (!isStored(id)) out.set(id, null);
  }
  return out;
}

/** The record with `triggered_invocation_ids` from the link index (as Python's backends do on read). */
function withLinks<R extends { triggered_invocation_ids: string[] }>(record: R, links: string[]): R {
  return { ...record, triggered_invocation_ids: links };
}

/**
 * EventRecords of rows, in row order, each with its links; unreadable rows go through `errors`. With
 * `resolvePayloads`, every payload of the call is resolved with one batched `decodeEventRecords`; when that batch
 * fails and rows may be left out, each row is decoded alone to find the failing ones (the error path only).
 */
export async function eventResults(
  place: Place,
  rows: readonly EventRow[],
  options: PayloadOption | undefined,
  errors: RowErrors,
): Promise<Array<EventRecord | DecodedEventRecord>> {
  const store = options?.resolvePayloads;
  if (!store) {
    const out: EventRecord[] = [];
    for (const row of rows) {
      let record: EventRecord;
      try {
        record = readEvent(place, row);
      } catch (err) {
        errors.fail(err as MonitoringRowError);
        continue;
      }
      out.push(withLinks(record, row.links));
    }
    return out;
  }
  try {
    const decoded = await decodeEventRecords(
      rows.map((r) => r.text),
      store,
    );
    return decoded.map((record, i) => withLinks(record, rows[i]!.links));
  } catch (batchError) {
    if (rows.length === 1) {
      errors.fail(eventRowError(place, rows[0]!, batchError));
      return [];
    }
    const out: DecodedEventRecord[] = [];
    for (const row of rows) {
      try {
        const [record] = await decodeEventRecords([row.text], store);
        out.push(withLinks(record!, row.links));
      } catch (err) {
        errors.fail(eventRowError(place, row, err));
      }
    }
    return out;
  }
}

// ── order ───────────────────────────────────────────────────────────

function runTime(run: TriggerRunRecord): bigint | null {
  const text = run.executed_at ?? run.claimed_at;
  return text ? PyTimestamp.parse(text).epochMicros : null;
}

/** Runs in the order asked: as the backend listed them, or sorted (sortRuns). */
export function orderRuns(runs: TriggerRunRecord[], order: ResultOrder): TriggerRunRecord[] {
  return order === 'backend' ? runs : sortRuns(runs, order);
}

/** Runs sorted by (executed_at, else claimed_at; none first) then trigger_run_id, oldest or newest first. */
function sortRuns(runs: TriggerRunRecord[], order: 'oldest' | 'newest'): TriggerRunRecord[] {
  const keyed = runs.map((run) => ({ run, time: runTime(run) }));
  keyed.sort((first, second) => {
    let cmp = 0;
    if (first.time === null || second.time === null) {
      cmp = first.time === second.time ? 0 : first.time === null ? -1 : 1;
    } else cmp = first.time < second.time ? -1 : first.time > second.time ? 1 : 0;
    if (cmp === 0) cmp = compareCodePoints(first.run.trigger_run_id, second.run.trigger_run_id);
    return order === 'oldest' ? cmp : -cmp;
  });
  return keyed.map((entry) => entry.run);
}

/** Python's str ordering (by code point), not JavaScript's UTF-16 code unit order. */
export function compareCodePoints(left: string, right: string): number {
  if (left === right) return 0;
  const shorter = Math.min(left.length, right.length);
  for (let index = 0; index < shorter; index++) {
    const leftPoint = left.codePointAt(index)!;
    const rightPoint = right.codePointAt(index)!;
    if (leftPoint !== rightPoint) return leftPoint < rightPoint ? -1 : 1;
    if (leftPoint > 0xffff) index++;
  }
  return left.length < right.length ? -1 : left.length > right.length ? 1 : 0;
}

/**
 * `get_events_emitted_by_invocation(invocation_id, limit=200, offset=0)`: BaseTrigger's own definition on every
 * backend, get_events with the emitter filter; both readers answer it through their getEvents.
 */
export function eventsEmittedBy<P extends PayloadOption>(
  reader: MonitoringReader,
  place: Place,
  invocationId: string,
  page: { limit?: number; offset?: number } | undefined,
  options: (P & ReadOptions) | undefined,
): Promise<EventResult<P>[]> {
  idArgument(place, 'invocationId', invocationId);
  const { limit, offset } = optionsObject(place, 'page', page, {});
  return reader.getEvents<P>(
    { emittedByInvocationId: invocationId, limit: limit ?? 200, offset: offset ?? 0 },
    options,
  );
}
