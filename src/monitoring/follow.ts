/**
 * follow(): the new and changed monitoring records of a pynenc store, as an async iterator, by polling the
 * backend's time indexes through any MonitoringReader (SQLite, Redis: nothing here knows which).
 *
 * What pynenc writes, and when (pynenc/trigger/base_trigger.py, 0.4.0):
 * - `emit_event` takes the event's timestamp when it builds the EventContext, stores the EventRecord
 *   (`_safe_store_event`: store_runner_context, then store_event), evaluates the event conditions (recording
 *   the valid conditions: more backend writes), and, when a condition matched, stores the same record again
 *   with `matched_condition_ids` / `valid_condition_ids`. A reader can see the first write, then the second:
 *   the row is replaced, the timestamp is unchanged.
 * - The trigger loop (`_process_loop_iteration_body`, run by a runner's atomic service, by default on a cycle of
 *   minutes: atomic_service_interval_minutes = 5, checked every 0.5 min) claims the valid conditions, routes the
 *   task, takes `executed_at = now`, then `_record_trigger_run`: `store_trigger_run(record)`, then
 *   `link_trigger_run_to_events(event_ids, invocation_id)`. The event's JSON is not rewritten; the backends
 *   rehydrate `triggered_invocation_ids` from the link index on read, so an event changes when a run links it,
 *   which can be minutes after the event's timestamp, and a moment after the run itself is readable.
 *
 * How follow() reads (one poll every `intervalMs`):
 * 1. The trigger runs whose executed_at is at or after the window start, oldest first (keyset paging on
 *    executed_at). A run seen for the first time is `new`; a run whose to_json text differs from the text
 *    last yielded is `updated` (pynenc stores a run once, so in practice runs are only ever new).
 * 2. The events whose timestamp is at or after the window start, newest first (keyset paging on the
 *    timestamp), with the event filters. First sight: `new`; to_json text differs from the last yielded: `updated`.
 * 3. Every run in the window whose links have not been seen yet: its events are read again (one getEventsBatch
 *    for the events not in the window), and an event whose `triggered_invocation_ids` now holds the run's
 *    invocation and whose text changed is yielded as `updated` (right after the run). A run's links are looked
 *    for on every poll while the run is in the window, so a link written after the run was read is not missed,
 *    however old the event is.
 * The window start is the start of the previous successful poll minus `trailingMs` (the first poll starts at
 * `since`), so whatever was stored between two polls with a timestamp at most `trailingMs` older than its
 * store time is read, however long the consumer took between two items.
 *
 * Default trailing window, 10 s: it must cover the delay between a record's timestamp and the moment its last
 * write in the window is readable, on the writer's clock against the reader's: the two writes of a matched
 * event (milliseconds apart: condition evaluation and a few backend writes), the store of a run after its
 * executed_at (building the record), and the clock skew between writer and reader hosts. The trigger loop's
 * delay (minutes) does not need to fit: links are found through their runs (step 3). Raise it for a slow
 * writer or hosts whose clocks disagree by seconds; what is stored later than that is missed.
 *
 * Memory: the text digest of each record whose time is inside the trailing window (events, runs) or that the last
 * poll read, and nothing older; a poll's items are held until yielded (a `since` far in the past makes the first
 * poll hold all of it).
 */
import type { EventRecord, TriggerRunRecord } from '../../generated/types';
import { isTriggered, toJson } from '../codec';
import { sha256Hex } from '../datastore/keys';
import { InvalidOptionError } from '../limits';
import { PyTimestamp } from '../timestamps/pytimestamp';
import { MAX_TIMEOUT_MS } from './common';
import type { EventFilters, MonitoringReader, MonitoringReadError, ReadOptions, TimeBound } from './types';
import { isNonArrayObject } from '../spec/json-value';

export type FollowKind = 'event' | 'run';
export type FollowChange = 'new' | 'updated';

/**
 * One record follow() yields. `json` is the record's to_json text (what pynenc's `to_json` writes for it, with
 * `triggered_invocation_ids` from the link index); `change` is `new` the first time follow() yields that id and
 * `updated` when the text differs from the text it last yielded for the id (or, for an event linked by a run,
 * when follow() had forgotten or never yielded it: emitted before the window).
 */
export type FollowItem =
  | { kind: 'event'; change: FollowChange; record: EventRecord; json: string }
  | { kind: 'run'; change: FollowChange; record: TriggerRunRecord; json: string };

/**
 * What to follow. `eventCode` applies to events and runs (runs with a participant event of that code, as
 * `get_trigger_runs_in_timerange(event_code=…)`); the other event filters apply to events only (an event that
 * stops matching them, e.g. `triggered: false` once linked, is simply not yielded again); `taskIdKey` to runs.
 */
export interface FollowFilters extends Omit<EventFilters, 'startTime' | 'endTime'> {
  taskIdKey?: string;
}

export interface FollowOptions {
  /** Which records to yield; default both. Runs are read even for events alone (they carry the links). */
  kinds?: readonly FollowKind[];
  /** Pause between polls, in milliseconds. Default 1000. */
  intervalMs?: number;
  /** How far back each poll re-reads, in milliseconds (see the module comment). Default 10 000. */
  trailingMs?: number;
  /** The oldest time followed (events by timestamp, runs by executed_at). Default: when follow() is called. */
  since?: TimeBound;
  /** Ends the iteration: the pause is cut short; a read in flight finishes first. */
  signal?: AbortSignal;
  /** Records per read. Default 1000. */
  pageSize?: number;
  /**
   * A stored row that cannot be read (MonitoringReadError, e.g. corrupt JSON): by default the iteration throws
   * it; with this callback the row is left out and reported once (not again on later polls).
   */
  onReadError?: (error: MonitoringReadError) => void;
  /**
   * The store did not answer (code MONITORING_UNAVAILABLE: SQLite busy, Redis down): by default the iteration
   * throws it; with this callback the poll is dropped and tried again after the pause, from the same window
   * start (nothing is lost while the outage is shorter than the records' stay in the store).
   */
  onUnavailable?: (error: Error) => void;
  /** The clock, epoch milliseconds (tests). Default Date.now. */
  clock?: () => number;
}

export const FOLLOW_DEFAULTS = { intervalMs: 1000, trailingMs: 10_000, pageSize: 1000 } as const;

const FOLLOW_KINDS: readonly FollowKind[] = ['event', 'run'];
/** An end bound past every record (Python's datetime holds year 9999). */
const FAR_FUTURE = PyTimestamp.parse('9999-12-31T23:59:59.999999+00:00');
/** Keyset paging re-reads the records this close to the page boundary (Redis scores are float milliseconds). */
const BOUNDARY_MICROS = 1000n;
/** How many reported row errors are remembered (not reported again) before the memory is cleared. */
const MAX_REPORTED_ERRORS = 10_000;

/**
 * Yields the new and changed events and trigger runs of `reader`'s store, until `options.signal` aborts or the
 * consumer stops (break / return()). Within one poll, items come oldest first (events by timestamp, runs by
 * executed_at; an event update a run revealed comes right after the run).
 */
export async function* follow(
  reader: MonitoringReader,
  filters: FollowFilters = {},
  options: FollowOptions = {},
): AsyncGenerator<FollowItem, void, undefined> {
  const follower = new MonitoringFollower(reader, filters, options);
  const { signal } = options;
  const interval = options.intervalMs ?? FOLLOW_DEFAULTS.intervalMs;
  while (!isAborted(signal)) {
    let items: FollowItem[];
    try {
      items = await follower.poll();
    } catch (err) {
      if (options.onUnavailable === undefined || !isUnavailable(err)) throw err;
      options.onUnavailable(err);
      items = [];
    }
    for (const item of items) {
      if (isAborted(signal)) return;
      yield item;
    }
    if (!(await pause(interval, signal))) return;
  }
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Waits `ms`; false when `signal` aborted (before or during the wait). The timer is cleared on abort. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted === true) return Promise.resolve(false);
  return new Promise((done) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      done(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function isUnavailable(err: unknown): err is Error {
  return err instanceof Error && (err as { code?: unknown }).code === 'MONITORING_UNAVAILABLE';
}

/** What follow() keeps of a record it yielded: the digest of its text and until when to keep it. */
interface Seen {
  digest: string;
  /** Epoch microseconds: forgotten once the window starts after this. */
  keepUntil: bigint;
}

interface SeenRun extends Seen {
  /** The run's event links have not all been seen in its events yet. */
  linksPending: boolean;
}

interface Pending {
  item: FollowItem;
  at: bigint;
  seq: number;
}

/** One poll's reads before they are committed (a failed poll leaves the follower as it was). */
interface PollState {
  events: Map<string, Seen>;
  runs: Map<string, SeenRun>;
  out: Pending[];
  /** Runs read in this poll whose links are still to be looked for, with their time. */
  linkChecks: { run: TriggerRunRecord; at: bigint }[];
  /** triggered_invocation_ids of the window's events that a pending run links (found in step 2). */
  observed: Map<string, readonly string[]>;
  wanted: Set<string>;
}

/**
 * The poll behind follow(), for a caller that schedules its own reads: each `poll()` returns the changes since
 * the previous poll (the first: since `options.since`), in the order follow() yields them. `intervalMs`,
 * `signal` and `onUnavailable` are follow()'s; here a poll that fails throws and changes nothing.
 */
export class MonitoringFollower {
  private readonly events = new Map<string, Seen>();
  private readonly runs = new Map<string, SeenRun>();
  private readonly reported = new Set<string>();
  private readonly followEvents: boolean;
  private readonly yieldRuns: boolean;
  private readonly trailingMicros: bigint;
  private readonly sinceMicros: bigint;
  private readonly pageSize: number;
  private readonly clock: () => number;
  private readonly eventFilters: FollowFilters;
  /** Start of the next poll's window, epoch microseconds. */
  private from: bigint;
  private seq = 0;

  constructor(
    private readonly reader: MonitoringReader,
    filters: FollowFilters,
    private readonly options: FollowOptions,
  ) {
    checkArguments(reader, filters, options);
    const kinds = options.kinds ?? FOLLOW_KINDS;
    if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((k) => !FOLLOW_KINDS.includes(k))) {
      throw new InvalidOptionError('kinds', "a non-empty list of 'event' and 'run'", kinds);
    }
    this.followEvents = kinds.includes('event');
    this.yieldRuns = kinds.includes('run');
    const intervalMs = options.intervalMs ?? FOLLOW_DEFAULTS.intervalMs;
    if (typeof intervalMs !== 'number' || !(intervalMs >= 0 && intervalMs <= MAX_TIMEOUT_MS)) {
      throw new InvalidOptionError('intervalMs', `a number of milliseconds from 0 to ${MAX_TIMEOUT_MS}`, intervalMs);
    }
    const trailingMs = options.trailingMs ?? FOLLOW_DEFAULTS.trailingMs;
    if (typeof trailingMs !== 'number' || !Number.isFinite(trailingMs) || trailingMs < 0) {
      throw new InvalidOptionError('trailingMs', 'a finite number >= 0', trailingMs);
    }
    this.pageSize = options.pageSize ?? FOLLOW_DEFAULTS.pageSize;
    if (!Number.isSafeInteger(this.pageSize) || this.pageSize < 1) {
      throw new InvalidOptionError('pageSize', 'an integer >= 1', this.pageSize);
    }
    this.trailingMicros = BigInt(Math.round(trailingMs * 1000));
    const clock = options.clock ?? Date.now;
    this.clock = () => {
      const now = clock();
      if (typeof now !== 'number' || !Number.isFinite(now)) {
        throw new InvalidOptionError('clock', 'a function returning epoch milliseconds', now);
      }
      return now;
    };
    this.sinceMicros = options.since === undefined ? msToMicros(this.clock()) : sinceOption(options.since);
    this.from = this.sinceMicros;
    this.eventFilters = filters;
  }

  /** One poll: reads the window, returns the poll's changes in order and commits what was seen. */
  async poll(): Promise<FollowItem[]> {
    const startedMicros = msToMicros(this.clock());
    const state: PollState = {
      events: new Map(),
      runs: new Map(),
      out: [],
      linkChecks: [],
      observed: new Map(),
      wanted: new Set(),
    };
    await this.readRuns(state);
    if (this.followEvents) {
      await this.readEvents(state);
      await this.checkLinks(state);
    }
    // Commit: what was seen, then forget what the next window cannot read again.
    const next = startedMicros - this.trailingMicros;
    this.from = next > this.sinceMicros ? next : this.sinceMicros;
    // An event seen in this poll is kept through the next one even when its time leaves the window: its text may
    // already hold the link of a run stored after step 1 read the runs; the next poll reads that run (stored less
    // than the trailing window after its executed_at) and must find the text it yielded, not yield it again.
    for (const [id, seen] of state.events) {
      this.events.set(id, seen.keepUntil < this.from ? { ...seen, keepUntil: this.from } : seen);
    }
    for (const [id, seen] of state.runs) this.runs.set(id, seen);
    forgetBefore(this.events, this.from);
    forgetBefore(this.runs, this.from);
    state.out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
    return state.out.map((p) => p.item);
  }

  /** Step 1: runs by executed_at, oldest first, keyset paging. */
  private async readRuns(state: PollState): Promise<void> {
    const { eventCode, taskIdKey } = this.eventFilters;
    // Runs carry the links of the followed events whatever their task: filter by task here only without events.
    const queryTask = this.followEvents ? undefined : taskIdKey;
    let lower = this.from;
    let near = new Set<string>();
    for (;;) {
      const errors: MonitoringReadError[] = [];
      const limit = this.pageSize + near.size;
      const page = await this.reader.getTriggerRunsInRange(
        {
          startTime: PyTimestamp.fromEpochMicros(lower),
          endTime: FAR_FUTURE,
          ...(eventCode === undefined ? {} : { eventCode }),
          ...(queryTask === undefined ? {} : { taskIdKey: queryTask }),
          limit,
        },
        { ...this.errorOption(errors), order: 'oldest' },
      );
      this.report(errors);
      for (const run of page) {
        if (!near.has(run.trigger_run_id)) this.seeRun(run, state, taskIdKey);
      }
      const last = page[page.length - 1];
      if (page.length + errors.length < limit || last === undefined) return;
      const lastAt = runTime(last);
      const nextNear = new Set<string>();
      for (const run of page) if (lastAt - runTime(run) <= BOUNDARY_MICROS) nextNear.add(run.trigger_run_id);
      if (lastAt - lower <= BOUNDARY_MICROS) for (const id of near) nextNear.add(id);
      lower = lastAt;
      near = nextNear;
    }
  }

  private seeRun(run: TriggerRunRecord, state: PollState, taskIdKey: string | undefined): void {
    const id = run.trigger_run_id;
    const json = toJson('TriggerRunRecord', run);
    const digest = digestOf(json);
    const at = runTime(run);
    const before = state.runs.get(id) ?? this.runs.get(id);
    const links = run.event_ids.length > 0 && run.triggered_invocation_id !== null;
    const linksPending = this.followEvents && (before === undefined ? links : before.linksPending);
    state.runs.set(id, { digest, keepUntil: at, linksPending });
    if (linksPending) {
      state.linkChecks.push({ run, at });
      for (const eventId of run.event_ids) state.wanted.add(eventId);
    }
    if (!this.yieldRuns || (taskIdKey !== undefined && run.task_id_key !== taskIdKey)) return;
    if (before !== undefined && before.digest === digest) return;
    const change: FollowChange = before === undefined ? 'new' : 'updated';
    state.out.push({ item: { kind: 'run', change, record: run, json }, at, seq: this.seq++ });
  }

  /** Step 2: events by timestamp, newest first, keyset paging. */
  private async readEvents(state: PollState): Promise<void> {
    const { taskIdKey: _runsOnly, ...filters } = this.eventFilters;
    let upper: bigint | undefined;
    let near = new Set<string>();
    for (;;) {
      const errors: MonitoringReadError[] = [];
      const limit = this.pageSize + near.size;
      const page = await this.reader.getEvents(
        {
          ...filters,
          startTime: PyTimestamp.fromEpochMicros(this.from),
          ...(upper === undefined ? {} : { endTime: PyTimestamp.fromEpochMicros(upper) }),
          limit,
          offset: 0,
        },
        this.errorOption(errors),
      );
      this.report(errors);
      for (const event of page) {
        if (near.has(event.event_id)) continue;
        if (state.wanted.has(event.event_id)) state.observed.set(event.event_id, event.triggered_invocation_ids);
        this.seeEvent(event, eventTime(event), state, undefined);
      }
      const last = page[page.length - 1];
      if (page.length + errors.length < limit || last === undefined) return;
      const lastAt = eventTime(last);
      const nextNear = new Set<string>();
      for (const event of page) if (eventTime(event) - lastAt <= BOUNDARY_MICROS) nextNear.add(event.event_id);
      if (upper !== undefined && upper - lastAt <= BOUNDARY_MICROS) for (const id of near) nextNear.add(id);
      upper = lastAt;
      near = nextNear;
    }
  }

  /**
   * Records an event read in this poll. `after` (a run's time) places an update a run revealed right after the
   * run, and keeps the event as long as the run.
   */
  private seeEvent(event: EventRecord, at: bigint, state: PollState, after: bigint | undefined): void {
    const id = event.event_id;
    const json = toJson('EventRecord', event);
    const digest = digestOf(json);
    const before = state.events.get(id) ?? this.events.get(id);
    let keepUntil = at;
    if (after !== undefined && after > keepUntil) keepUntil = after;
    if (before !== undefined && before.keepUntil > keepUntil) keepUntil = before.keepUntil;
    state.events.set(id, { digest, keepUntil });
    if (before !== undefined && before.digest === digest) return;
    // Never yielded in this window: new if the window holds it, else (emitted before since, or forgotten) updated.
    const change: FollowChange = before === undefined && at >= this.from ? 'new' : 'updated';
    state.out.push({ item: { kind: 'event', change, record: event, json }, at: after ?? at, seq: this.seq++ });
  }

  /** Step 3: the events of runs whose links were not seen yet. */
  private async checkLinks(state: PollState): Promise<void> {
    if (state.linkChecks.length === 0) return;
    const missing = [...state.wanted].filter((id) => !state.observed.has(id));
    const fetched = new Map<string, EventRecord | null>();
    if (missing.length > 0) {
      const errors: MonitoringReadError[] = [];
      const batch = await this.reader.getEventsBatch(missing, this.errorOption(errors));
      this.report(errors);
      for (const [id, event] of batch) fetched.set(id, event);
    }
    for (const { run, at } of state.linkChecks) {
      const invocationId = run.triggered_invocation_id;
      let pending = false;
      for (const eventId of run.event_ids) {
        const inWindow = state.observed.get(eventId);
        if (inWindow !== undefined) {
          if (invocationId !== null && !inWindow.includes(invocationId)) pending = true;
          continue;
        }
        const event = fetched.get(eventId);
        if (event === undefined) {
          pending = true; // unreadable row (reported): look again next poll
          continue;
        }
        if (event === null) continue; // purged: nothing to wait for
        if (invocationId !== null && !event.triggered_invocation_ids.includes(invocationId)) {
          pending = true;
          continue;
        }
        if (this.matches(event)) this.seeEvent(event, eventTime(event), state, at);
      }
      const seen = state.runs.get(run.trigger_run_id);
      if (seen !== undefined) seen.linksPending = pending;
    }
  }

  /** The event filters, for an event read by id (the window's reads are filtered by the reader). */
  private matches(event: EventRecord): boolean {
    const filters = this.eventFilters;
    if (filters.eventCode !== undefined && event.event_code !== filters.eventCode) return false;
    if (filters.matched !== undefined && event.matched_condition_ids.length > 0 !== filters.matched) return false;
    if (filters.triggered !== undefined && isTriggered(event) !== filters.triggered) return false;
    const invocationId = filters.emittedByInvocationId;
    if (invocationId !== undefined && event.emitted_by_invocation_id !== invocationId) return false;
    return filters.emittedByTaskId === undefined || event.emitted_by_task_id === filters.emittedByTaskId;
  }

  private errorOption(errors: MonitoringReadError[]): ReadOptions {
    return this.options.onReadError === undefined ? {} : { onError: 'collect', errors };
  }

  /** Hands each unreadable row to onReadError once. */
  private report(errors: readonly MonitoringReadError[]): void {
    const onReadError = this.options.onReadError;
    if (onReadError === undefined) return;
    for (const error of errors) {
      const key = `${error.code}\u0000${error.location}\u0000${error.id ?? ''}`;
      if (this.reported.has(key)) continue;
      if (this.reported.size >= MAX_REPORTED_ERRORS) this.reported.clear();
      this.reported.add(key);
      onReadError(error);
    }
  }
}

function forgetBefore(map: Map<string, Seen>, from: bigint): void {
  for (const [id, seen] of map) if (seen.keepUntil < from) map.delete(id);
}

function digestOf(text: string): string {
  return sha256Hex(text);
}

function msToMicros(ms: number): bigint {
  return BigInt(Math.floor(ms)) * 1000n;
}

function eventTime(event: EventRecord): bigint {
  return PyTimestamp.parse(event.timestamp).epochMicros;
}

/** A run's place in the time index: executed_at, else claimed_at (pynenc always writes both). */
function runTime(run: TriggerRunRecord): bigint {
  const at = run.executed_at ?? run.claimed_at;
  return at === null ? 0n : PyTimestamp.parse(at).epochMicros;
}

/** `since` in epoch microseconds: a Date, a PyTimestamp or an ISO text Python reads. */
function sinceOption(bound: TimeBound): bigint {
  try {
    if (bound instanceof PyTimestamp) return bound.epochMicros;
    if (bound instanceof Date) return PyTimestamp.fromDate(bound).epochMicros;
    if (typeof bound === 'string') return PyTimestamp.parse(bound).epochMicros;
  } catch {
    // refused below, as a value of the wrong type is
  }
  throw new InvalidOptionError('since', 'a Date, a PyTimestamp or an ISO text Python reads', bound);
}

const READER_METHODS = ['getTriggerRunsInRange', 'getEvents', 'getEventsBatch'] as const;

/** follow()'s and MonitoringFollower's arguments: a reader, and objects where objects go (else INVALID_OPTION). */
function checkArguments(reader: unknown, filters: unknown, options: unknown): void {
  const candidate = reader as Partial<Record<string, unknown>> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    READER_METHODS.some((method) => typeof candidate[method] !== 'function')
  ) {
    throw new InvalidOptionError('reader', 'a MonitoringReader', reader);
  }
  for (const [name, value] of [
    ['filters', filters],
    ['options', options],
  ] as const) {
    if (!isNonArrayObject(value)) {
      throw new InvalidOptionError(name, 'an object', value);
    }
  }
  const given = options as FollowOptions;
  for (const name of ['onReadError', 'onUnavailable', 'clock'] as const) {
    if (given[name] !== undefined && typeof given[name] !== 'function')
      throw new InvalidOptionError(name, 'a function', given[name]);
  }
  const signal = given.signal as Partial<AbortSignal> | undefined;
  if (
    signal !== undefined &&
    (signal === null || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')
  ) {
    throw new InvalidOptionError('signal', 'an AbortSignal', signal);
  }
}
