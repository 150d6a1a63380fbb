/**
 * The monitoring read API: BaseTrigger's "Monitoring API" (pynenc/trigger/base_trigger.py) in TypeScript naming,
 * read-only, for the stores a TypeScript process can reach (SQLite file, Redis). Each method returns what the
 * Python method of the same backend returns on the same store (see docs/monitoring.md for the name table and
 * the differences between backends).
 *
 * Results are the contract's DTOs, validated and with exact timestamps; EventRecords carry
 * `triggered_invocation_ids` from the backend's link index, not the stale copy in the stored JSON.
 */
import type { EventMarkerPage, EventRecord, TriggerRunRecord } from '../../generated/types';
import type { ClientDataStore } from '../datastore/client-data-store';
import type { DecodedEventRecord } from '../datastore/event-record';
import type { PyTimestamp } from '../timestamps/pytimestamp';

/**
 * A time bound: a Date (milliseconds), a PyTimestamp (microseconds), or an ISO text as `datetime.fromisoformat`
 * reads it (microseconds kept; a text without offset is taken as UTC, as pynenc reads stored timestamps).
 * It is turned into what Python's backend makes of the datetime: `dt.timestamp()` seconds on SQLite,
 * `dt.timestamp() * 1000.0` on Redis (exactly, float for float).
 */
export type TimeBound = Date | PyTimestamp | string;

/** The two stores a TypeScript process can read. */
export type MonitoringBackend = 'sqlite' | 'redis';

/** `get_event_markers_in_timerange(state=…)`. Python reads an unknown state as 'all'; here it is refused. */
export const MARKER_STATES = ['all', 'matched', 'unmatched', 'triggered', 'untriggered'] as const;
export type MarkerState = (typeof MARKER_STATES)[number];

/** The filters of `get_events` / `count_events` (both time bounds inclusive). */
export interface EventFilters {
  eventCode?: string;
  startTime?: TimeBound;
  endTime?: TimeBound;
  matched?: boolean;
  triggered?: boolean;
  emittedByInvocationId?: string;
  emittedByTaskId?: string;
}

/**
 * Order of a result whose order differs between pynenc's backends. `'backend'` (the default) is what that
 * backend's Python method returns; `'oldest'` / `'newest'` give one answer on every backend.
 * - marker pages of a busy window: SQLite pages from the oldest marker, Redis from the newest; `'oldest'` /
 *   `'newest'` choose where paging starts, by (timestamp, event_id). Markers are listed oldest first in a page.
 * - trigger-run lists: SQLite sorts by executed_at ascending, Redis returns the runs of a time window newest
 *   first and the runs of an index set in the set's (arbitrary) order. `'oldest'` / `'newest'` sort by
 *   executed_at (else claimed_at), then trigger_run_id; with `limit` the oldest / newest `limit` runs are kept.
 *   A time window then holds runs by executed_at on both (SQLite's rule; Redis alone also windows never-executed
 *   runs by claimed_at).
 * - events (`getEvents`) are newest first on both backends; `order` does not apply.
 */
export type ResultOrder = 'backend' | 'oldest' | 'newest';

/**
 * What a list method does with a stored row it cannot read (bad JSON, contract violation, dangling payload
 * reference): throw the MonitoringReadError (default, as Python raises), leave the row out (the page is shorter,
 * totals are unchanged), or leave it out and push the error onto `errors`.
 */
export type OnError =
  { onError?: 'throw' } | { onError: 'skip' } | { onError: 'collect'; errors: MonitoringReadError[] };

/** How EventRecord payloads come back: as stored (wire text, the contract's form) or resolved to values. */
export interface PayloadOption {
  /** Resolve every payload through this store, with one batched backend read per call. */
  resolvePayloads?: ClientDataStore;
}

export type ReadOptions = OnError & { order?: ResultOrder };

/** limit / offset: non-negative integers (a negative one means something else on each backend: refused). */
export interface EventsQuery extends EventFilters {
  limit?: number; // default 100, as Python
  offset?: number; // default 0
}

export interface MarkersQuery {
  startTime: TimeBound;
  endTime: TimeBound;
  eventCode?: string;
  state?: MarkerState; // default 'all'
  limit?: number; // default 1000
  offset?: number; // default 0
}

export interface RunsInRangeQuery {
  startTime: TimeBound;
  endTime: TimeBound;
  eventCode?: string;
  taskIdKey?: string;
  limit?: number; // default: none
}

/** An EventRecord as stored (payload values are wire texts) or with its payload resolved. */
export type EventResult<P extends PayloadOption> = P extends { resolvePayloads: ClientDataStore }
  ? DecodedEventRecord
  : EventRecord;

/**
 * A row or key the reader could not turn into a DTO. `code` is stable; `backend`, `location` (table or key) and
 * `id` name the row; `cause` is the underlying typed error (ContractValidationError, PythonJsonSyntaxError, …).
 * Declared here as an interface; the class lives in ./errors.ts.
 */
export interface MonitoringReadError extends Error {
  readonly code: string;
  readonly backend: MonitoringBackend;
  readonly location: string;
  readonly id: string | undefined;
}

export interface MonitoringReader {
  /** Which store this reader reads. */
  readonly backend: MonitoringBackend;
  /** `get_event(event_id)`. A stored row that cannot be read throws (a MonitoringReadError). */
  getEvent<P extends PayloadOption = {}>(eventId: string, options?: P): Promise<EventResult<P> | null>;
  /** `get_events(...)`: newest first. */
  getEvents<P extends PayloadOption = {}>(query?: EventsQuery, options?: P & ReadOptions): Promise<EventResult<P>[]>;
  /** `count_events(...)`. */
  countEvents(filters?: EventFilters): Promise<number>;
  /** `get_event_markers_in_timerange(start, end, ...)`. */
  getEventMarkers(query: MarkersQuery, options?: ReadOptions): Promise<EventMarkerPage>;
  /** `get_invocations_triggered_by_event(event_id)`: link order. */
  getInvocationsTriggeredByEvent(eventId: string): Promise<string[]>;
  /** `list_event_codes()`: sorted. */
  listEventCodes(): Promise<string[]>;
  /** `get_events_emitted_by_invocation(invocation_id, limit=200, offset=0)`. */
  getEventsEmittedByInvocation<P extends PayloadOption = {}>(
    invocationId: string,
    page?: { limit?: number; offset?: number },
    options?: P & ReadOptions,
  ): Promise<EventResult<P>[]>;
  /** `get_events_batch(ids)`: a Map in the order of `ids`, null for an id not stored. */
  getEventsBatch<P extends PayloadOption = {}>(
    eventIds: readonly string[],
    options?: P & ReadOptions,
  ): Promise<Map<string, EventResult<P> | null>>;

  /** `get_trigger_run(id)`. A stored row that cannot be read throws (a MonitoringReadError). */
  getTriggerRun(triggerRunId: string): Promise<TriggerRunRecord | null>;
  /** `get_trigger_runs_for_event(event_id)`. */
  getTriggerRunsForEvent(eventId: string, options?: ReadOptions): Promise<TriggerRunRecord[]>;
  /** `get_trigger_runs_for_invocation(invocation_id)`: the runs that produced it. */
  getTriggerRunsForInvocation(invocationId: string, options?: ReadOptions): Promise<TriggerRunRecord[]>;
  /** `get_trigger_runs_sourced_by_invocation(invocation_id)`. */
  getTriggerRunsSourcedByInvocation(invocationId: string, options?: ReadOptions): Promise<TriggerRunRecord[]>;
  /** `get_trigger_runs_for_valid_condition(valid_condition_id)`. */
  getTriggerRunsForValidCondition(validConditionId: string, options?: ReadOptions): Promise<TriggerRunRecord[]>;
  /** `get_trigger_runs_in_timerange(start, end, ...)`. */
  getTriggerRunsInRange(query: RunsInRangeQuery, options?: ReadOptions): Promise<TriggerRunRecord[]>;
  /** `get_trigger_runs_batch(ids)`. */
  getTriggerRunsBatch(
    triggerRunIds: readonly string[],
    options?: ReadOptions,
  ): Promise<Map<string, TriggerRunRecord | null>>;

  /** Releases the connection (a reader made from a caller's connection leaves it open). */
  close(): Promise<void>;
}
