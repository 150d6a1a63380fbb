/**
 * RedisMonitoringReader: pynenc_redis's RedisTrigger monitoring keys (pynenc_redis/trigger/redis_trigger.py,
 * util/redis_keys.py), read-only, batched.
 *
 * Keys: `__pynenc__:<app_id sanitized as pynenc_redis>:trigger:` + `evts_hash:<id>` (string: EventRecord JSON),
 * `evts_by_time` / `evts_by_code:<code>` (zsets, score = `timestamp() * 1000.0`), `evts_codes` (set),
 * `evts_triggered_invocations:<id>` (list: the links), `trun_hash:<id>` (string: TriggerRunRecord JSON),
 * `truns_by_time` (zset, score of executed_at else claimed_at), `truns_for_event:<id>`, `truns_for_invocation:<id>`,
 * `truns_sourced_by_invocation:<id>`, `truns_for_valid_condition:<id>` (sets of run ids).
 *
 * Python answers by loading every candidate of a window (MGET) and one LRANGE per event. This reader walks the
 * same candidates in the same order with the same filters, but in chunks: one pipeline per chunk carries the MGET
 * (and LLEN where a filter needs the link count), it stops once the page is full, and the links of the records it
 * returns come in one pipelined LRANGE batch. Never one round trip per event.
 */
import { ReplyError, type Redis } from 'ioredis';
import type { EventMarker, EventMarkerPage, EventRecord, TriggerRunRecord } from '../../generated/types';
import { PYNENC_REDIS_KEY_PREFIX, sanitizeAppId } from '../datastore/redis/keys';
import {
  CONNECTION_CLIENT_METHODS,
  connectFailureKind,
  expectedDbOf,
  isRedisConnectionError,
  isRedisTimeout,
  openRedisClient,
  RedisConnectFailure,
  RedisConnection,
  withCommandDeadline,
  type RedisConnectionOptions,
} from '../datastore/redis/connection';
import { decodeUtf8AsPython } from '../datastore/utf8';
import { ContractError, describeReceived } from '../errors';
import {
  appIdOption,
  batchResult,
  compareCodePoints,
  countArgs,
  DATETIME_MAX_MICROS,
  DATETIME_MIN_MICROS,
  eventArgs,
  eventResults,
  eventsArgs,
  eventsBatchArgs,
  eventsEmittedBy,
  idArgument,
  integerOption,
  markersArgs,
  MAX_TIMEOUT_MS,
  microsToScore,
  optionsPlace,
  orderRuns,
  readerOptions,
  readEvent,
  readRun,
  readRunOrFail,
  type RowErrors,
  runsArgs,
  runsBatchArgs,
  runsInRangeArgs,
  THROW,
  type CheckedEventFilters,
  type EventRow,
  type Place,
} from './common';
import {
  MonitoringClosedError,
  MonitoringQueryError,
  MonitoringRowError,
  MonitoringUnavailableError,
  type MonitoringUnavailableReason,
} from './errors';
import type {
  EventFilters,
  EventResult,
  EventsQuery,
  MarkersQuery,
  MarkerState,
  MonitoringReader,
  PayloadOption,
  ReadOptions,
  ResultOrder,
  RunsInRangeQuery,
} from './types';

export interface RedisMonitoringReaderOptions {
  /** The pynenc app_id (default "pynenc"); sanitized as pynenc_redis's `Key` does. */
  appId?: string;
  /** A `redis://` URL or connection options (default `redis://localhost:6379/0`). Exclusive with `client`. */
  connection?: string | RedisConnectionOptions;
  /** An ioredis client to use instead; the caller owns it (close() leaves it connected unless `closeClient`). */
  client?: Redis;
  closeClient?: boolean;
  /** TCP connect deadline. Default 2000 ms. */
  connectTimeoutMs?: number;
  /** Deadline for each round trip (one pipeline). Default 5000 ms. */
  commandTimeoutMs?: number;
  /** Keys per MGET and candidates per pipeline. Default 1000. */
  batchSize?: number;
}

/** pynenc_redis `Key(app_id, "trigger")` for the monitoring keys. */
export function redisTriggerKeys(appId: string) {
  const prefix = `${PYNENC_REDIS_KEY_PREFIX}:${sanitizeAppId(appId)}:trigger:`;
  const key = (name: string) => (id: string) => {
    if (typeof id !== 'string') {
      throw new MonitoringQueryError(
        { backend: 'redis', location: `${prefix}${name}` },
        'id',
        'a string',
        describeReceived(id),
      );
    }
    return `${prefix}${name}${id}`;
  };
  return {
    prefix,
    event: key('evts_hash:'),
    eventsByTime: `${prefix}evts_by_time`,
    eventsByCode: key('evts_by_code:'),
    eventCodes: `${prefix}evts_codes`,
    eventLinks: key('evts_triggered_invocations:'),
    run: key('trun_hash:'),
    runsByTime: `${prefix}truns_by_time`,
    runsForEvent: key('truns_for_event:'),
    runsForInvocation: key('truns_for_invocation:'),
    runsSourcedByInvocation: key('truns_sourced_by_invocation:'),
    runsForValidCondition: key('truns_for_valid_condition:'),
  };
}

/** A stored value as Python's `raw.decode()` sees it: text, absent (nil), or bytes that are not UTF-8. */
type Stored = string | null | { invalid: Error };

/** The client methods this reader calls. */
const CLIENT_METHODS = [
  ...CONNECTION_CLIENT_METHODS,
  'pipeline',
  'callBuffer',
  'lrange',
  'smembers',
  'zrangebyscore',
  'zrevrangebyscore',
] as const;

/** One candidate event of a window scan. */
interface Candidate {
  id: string;
  /** The stored JSON; undefined while only its existence is known (EXISTS), loaded for the page. */
  text: string | undefined;
  record: EventRecord | undefined;
  linkCount: number | undefined;
}

export class RedisMonitoringReader implements MonitoringReader {
  readonly backend = 'redis' as const;
  readonly appId: string;
  readonly keys: ReturnType<typeof redisTriggerKeys>;
  /** `redis://host:port/db`, as errors name it. */
  readonly server: string;
  private readonly place: Place;
  private readonly client: Redis;
  /** Connects, checks the db and drops the client (an owned one: created here with fail-fast settings). */
  private readonly connection: RedisConnection;
  private readonly disconnectOnClose: boolean;
  private readonly commandTimeoutMs: number;
  private readonly batch: number;
  /** Whether the server has SORT_RO (Redis ≥ 7): unknown until the first set read. */
  private sortRo: boolean | undefined;
  private closed = false;

  constructor(options: RedisMonitoringReaderOptions = {}) {
    const where = optionsPlace('redis');
    readerOptions(where, options);
    this.appId = appIdOption(where, options.appId);
    const refuse = (option: string, expected: string, received: unknown): Error =>
      new MonitoringQueryError(where, option, expected, describeReceived(received));
    this.keys = redisTriggerKeys(this.appId);
    const timeouts = { min: 1, max: MAX_TIMEOUT_MS };
    const connectTimeoutMs = integerOption(where, 'connectTimeoutMs', options.connectTimeoutMs, 2000, timeouts);
    this.commandTimeoutMs = integerOption(where, 'commandTimeoutMs', options.commandTimeoutMs, 5000, timeouts);
    this.batch = integerOption(where, 'batchSize', options.batchSize, 1000, { min: 1, max: 100_000 });
    if (options.client !== undefined && options.connection !== undefined) {
      throw new MonitoringQueryError(where, 'connection', 'either `client` or `connection`, not both', 'both');
    }
    const opened = openRedisClient(options, {
      methods: CLIENT_METHODS,
      connectTimeoutMs,
      commandTimeoutMs: this.commandTimeoutMs,
      refuse,
      refuseDb: (server, db, reply) =>
        new MonitoringQueryError(
          { backend: 'redis', location: server },
          'connection.db',
          expectedDbOf(server),
          `${db} (${reply.message})`,
        ),
    });
    this.client = opened.client;
    this.connection = opened.connection;
    this.server = opened.server;
    this.disconnectOnClose = opened.disconnectOnClose;
    this.place = { backend: 'redis', location: this.server };
  }

  // ── events ─────────────────────────────────────────────────────────

  async getEvent<P extends PayloadOption = {}>(eventId: string, options?: P): Promise<EventResult<P> | null> {
    eventArgs(this.place, eventId, options);
    const key = this.keys.event(eventId);
    const [stored, links] = await this.run(key, async () => {
      const replies = await this.exec(
        this.client.pipeline().getBuffer(key).lrange(this.keys.eventLinks(eventId), 0, -1),
      );
      return [decode(replies[0] as Buffer | null), replies[1] as string[]] as const;
    });
    if (stored === null || stored === '') return null; // Python: `if not raw: return None`
    const text = this.text(stored, key, eventId, 'EventRecord', THROW);
    const [record] = await eventResults(
      this.place,
      [{ id: eventId, location: key, text: text!, links }],
      options,
      THROW,
    );
    return record as EventResult<P>;
  }

  async getEvents<P extends PayloadOption = {}>(
    query: EventsQuery = {},
    options?: P & ReadOptions,
  ): Promise<EventResult<P>[]> {
    const { filters, limit, offset, errors } = eventsArgs(this.place, query, options);
    // Python appends, then stops at `len(results) >= limit`: limit 0 still returns the first matching event.
    const size = Math.max(limit, 1);
    const filter = eventFilter(filters);
    const { kept } = await this.scanEvents(filters, 'newest', filter, errors, { from: offset, to: offset + size });
    const page = await this.loadTexts(kept, errors);
    return (await this.eventRows(page, options, errors)) as EventResult<P>[];
  }

  async countEvents(filters: EventFilters = {}): Promise<number> {
    const checked = countArgs(this.place, filters);
    return (await this.scanEvents(checked, 'newest', eventFilter(checked), THROW, { from: 0, to: 0 }, false)).total;
  }

  async getEventsEmittedByInvocation<P extends PayloadOption = {}>(
    invocationId: string,
    page: { limit?: number; offset?: number } = {},
    options?: P & ReadOptions,
  ): Promise<EventResult<P>[]> {
    return eventsEmittedBy(this, this.place, invocationId, page, options);
  }

  async getEventsBatch<P extends PayloadOption = {}>(
    eventIds: readonly string[],
    options?: P & ReadOptions,
  ): Promise<Map<string, EventResult<P> | null>> {
    const { ids: unique, errors } = eventsBatchArgs(this.place, eventIds, options);
    const stored = await this.mget(unique.map((id) => this.keys.event(id)));
    const rows: EventRow[] = [];
    const present = new Set<string>();
    unique.forEach((id, index) => {
      const value = stored[index]!;
      if (value === null || value === '') return;
      present.add(id);
      const key = this.keys.event(id);
      const text = this.text(value, key, id, 'EventRecord', errors);
      if (text !== undefined) rows.push({ id, location: key, text, links: [] });
    });
    const links = await this.lranges(rows.map((row) => this.keys.eventLinks(row.id)));
    rows.forEach((row, index) => (row.links = links[index]!));
    const records = await eventResults(this.place, rows, options, errors);
    const read = new Map(records.map((record) => [record.event_id, record as EventResult<P>]));
    return batchResult(unique, (id) => present.has(id), read);
  }

  async getEventMarkers(query: MarkersQuery, options?: ReadOptions): Promise<EventMarkerPage> {
    const { start, end, eventCode, state, limit, offset, order, errors } = markersArgs(this.place, query, options);
    const needsRecord = state === 'matched' || state === 'unmatched';
    const needsLinks = state === 'triggered' || state === 'untriggered';
    const walk = order === 'oldest' ? 'oldest' : 'newest';
    const filter = { needsRecord, needsLinks, test: (candidate: Candidate) => markerMatches(candidate, state) };
    const window = { eventCode, start, end };
    const scan = await this.scanEvents(window, walk, filter, errors, { from: offset, to: offset + limit }, false);
    const slice = await this.loadTexts(scan.kept, errors);
    // The page's records and link counts (only what the scan did not read already), in one round trip each.
    await this.complete(slice, errors);
    const page = slice.filter((c) => c.record !== undefined);
    if (walk === 'newest') page.reverse(); // Python: list(reversed(filtered[offset : offset + limit]))
    // The fields of a validated EventRecord (the timestamp as Python writes it back): a contract EventMarker.
    const markers: EventMarker[] = page.map(({ record: r, linkCount }) => ({
      event_id: r!.event_id,
      event_code: r!.event_code,
      timestamp: r!.timestamp,
      matched: r!.matched_condition_ids.length > 0,
      triggered: linkCount! > 0,
      emitted_by_invocation_id: r!.emitted_by_invocation_id,
      emitted_by_runner_context_id: r!.emitted_by_runner_context_id,
    }));
    const total = scan.total;
    return { markers, total, truncated: offset + scan.kept.length < total }; // Python: offset + len(page) < total
  }

  async getInvocationsTriggeredByEvent(eventId: string): Promise<string[]> {
    const key = this.keys.eventLinks(idArgument(this.place, 'eventId', eventId));
    return this.run(key, () => this.client.lrange(key, 0, -1));
  }

  async listEventCodes(): Promise<string[]> {
    const key = this.keys.eventCodes;
    const codes = await this.run(key, () => this.client.smembers(key));
    return codes.sort(compareCodePoints); // Python: sorted(str)
  }

  // ── trigger runs ───────────────────────────────────────────────────

  async getTriggerRun(triggerRunId: string): Promise<TriggerRunRecord | null> {
    const key = this.keys.run(idArgument(this.place, 'triggerRunId', triggerRunId));
    const [stored] = await this.mget([key]);
    if (stored === null || stored === '' || stored === undefined) return null;
    const text = this.text(stored, key, triggerRunId, 'TriggerRunRecord', THROW)!;
    return readRun(this.place, key, triggerRunId, text);
  }

  async getTriggerRunsForEvent(eventId: string, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    return this.runsOfSet(this.keys.runsForEvent(idArgument(this.place, 'eventId', eventId)), options);
  }

  async getTriggerRunsForInvocation(invocationId: string, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    const id = idArgument(this.place, 'invocationId', invocationId);
    return this.runsOfSet(this.keys.runsForInvocation(id), options);
  }

  async getTriggerRunsSourcedByInvocation(invocationId: string, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    const id = idArgument(this.place, 'invocationId', invocationId);
    return this.runsOfSet(this.keys.runsSourcedByInvocation(id), options);
  }

  async getTriggerRunsForValidCondition(validConditionId: string, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    idArgument(this.place, 'validConditionId', validConditionId);
    const runs = await this.runsOfSet(this.keys.runsForValidCondition(validConditionId), options);
    if (runs.length > 0) return runs;
    // Python falls back to BaseTrigger's scan of every run (datetime.min .. datetime.max), newest first.
    const { order, errors } = runsArgs(this.place, options);
    const everything = { start: DATETIME_MIN_MICROS, end: DATETIME_MAX_MICROS };
    const all = await this.runsInRange(everything, 'backend', errors);
    const matching = all.filter(
      (run) =>
        run.valid_condition_ids.includes(validConditionId) ||
        (run.participants ?? []).some((participant) => participant.valid_condition_id === validConditionId),
    );
    return orderRuns(matching, order);
  }

  async getTriggerRunsInRange(query: RunsInRangeQuery, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    const { order, errors, ...window } = runsInRangeArgs(this.place, query, options);
    return this.runsInRange(window, order, errors);
  }

  async getTriggerRunsBatch(
    triggerRunIds: readonly string[],
    options?: ReadOptions,
  ): Promise<Map<string, TriggerRunRecord | null>> {
    const { ids: unique, errors } = runsBatchArgs(this.place, triggerRunIds, options);
    const stored = await this.mget(unique.map((id) => this.keys.run(id)));
    const present = new Set<string>();
    const read = new Map<string, TriggerRunRecord>();
    unique.forEach((id, index) => {
      const value = stored[index]!;
      if (value === null || value === '') return;
      present.add(id);
      const run = this.storedRun(id, value, errors);
      if (run !== undefined) read.set(id, run);
    });
    return batchResult(unique, (id) => present.has(id), read);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.connection.close(this.disconnectOnClose);
  }

  // ── scans ──────────────────────────────────────────────────────────

  /**
   * Walks the candidates of an event window (Python's `_select_event_ids`: the code's zset or evts_by_time,
   * newest first; or oldest first for `walk: 'oldest'`) in chunks, skipping ids whose key is gone (Python's
   * `raw is None`), and counts those `filter` accepts. Only the accepted candidates numbered within `keep`
   * are kept (memory: one chunk and the page), and with `stop` the walk ends once `keep.to` are accepted.
   * Each chunk is one round trip: MGET of the records (plus LLEN of their links) when the filter needs them,
   * else a multi-key EXISTS (a count; MGET only for a chunk where some key is gone).
   */
  private async scanEvents(
    window: { eventCode: string | undefined; start: bigint | undefined; end: bigint | undefined },
    walk: 'newest' | 'oldest',
    filter: { needsRecord: boolean; needsLinks: boolean; test: (c: Candidate) => boolean },
    errors: RowErrors,
    keep: { from: number; to: number },
    stop = true,
  ): Promise<{ total: number; kept: Candidate[] }> {
    const code = window.eventCode;
    const zset = code === undefined ? this.keys.eventsByTime : this.keys.eventsByCode(code);
    const min = window.start === undefined ? '-inf' : scoreText(window.start);
    const max = window.end === undefined ? '+inf' : scoreText(window.end);
    const ids = await this.run(zset, () =>
      walk === 'newest' ? this.client.zrevrangebyscore(zset, max, min) : this.client.zrangebyscore(zset, min, max),
    );
    const kept: Candidate[] = [];
    let total = 0;
    const { needsRecord, needsLinks } = filter;
    for (let from = 0; from < ids.length; from += this.batch) {
      const chunk = ids.slice(from, from + this.batch);
      const keys = chunk.map((id) => this.keys.event(id));
      let texts: Stored[] | undefined;
      let counts: unknown[] = [];
      if (needsRecord || needsLinks) {
        const replies = await this.run(zset, async () => {
          const pipe = this.client.pipeline().mgetBuffer(...keys);
          if (needsLinks) for (const id of chunk) pipe.llen(this.keys.eventLinks(id));
          return this.exec(pipe);
        });
        texts = (replies[0] as Array<Buffer | null>).map(decode);
        counts = replies.slice(1);
      } else {
        const present = await this.run(zset, () => this.client.exists(...keys));
        if (present !== chunk.length) texts = await this.mget(keys); // some key is gone: find which
      }
      for (let index = 0; index < chunk.length; index++) {
        const stored = texts ? texts[index]! : undefined;
        if (stored === null) continue; // deleted since the zset was read: Python skips it
        const id = chunk[index]!;
        let text: string | undefined;
        if (stored !== undefined) {
          text = this.text(stored, keys[index]!, id, 'EventRecord', errors);
          if (text === undefined) continue;
        }
        const linkCount = needsLinks ? (counts[index] as number) : undefined;
        const candidate: Candidate = { id, text, record: undefined, linkCount };
        if (needsRecord && !this.parse(candidate, errors)) continue;
        if (!filter.test(candidate)) continue;
        if (total >= keep.from && total < keep.to) kept.push(candidate);
        total++;
        if (stop && total >= keep.to) return { total, kept };
      }
    }
    return { total, kept };
  }

  /** Loads the texts a scan did not read (EXISTS chunks), one MGET; a key gone since is left out. */
  private async loadTexts(cands: Candidate[], errors: RowErrors): Promise<Candidate[]> {
    const missing = cands.filter((cand) => cand.text === undefined);
    if (missing.length === 0) return cands;
    const stored = await this.mget(missing.map((cand) => this.keys.event(cand.id)));
    const gone = new Set<Candidate>();
    missing.forEach((cand, index) => {
      const value = stored[index]!;
      const key = this.keys.event(cand.id);
      const text = value === null ? undefined : this.text(value, key, cand.id, 'EventRecord', errors);
      if (text === undefined) gone.add(cand);
      else cand.text = text;
    });
    return gone.size === 0 ? cands : cands.filter((cand) => !gone.has(cand));
  }

  /** Parses and counts the links of candidates the scan did not, in one pipeline for the link counts. */
  private async complete(cands: Candidate[], errors: RowErrors): Promise<void> {
    for (const cand of cands) if (cand.record === undefined) this.parse(cand, errors);
    const missing = cands.filter((cand) => cand.linkCount === undefined && cand.record !== undefined);
    if (missing.length === 0) return;
    const counts = await this.run(this.keys.prefix, () =>
      this.exec(missing.reduce((pipe, cand) => pipe.llen(this.keys.eventLinks(cand.id)), this.client.pipeline())),
    );
    missing.forEach((cand, index) => (cand.linkCount = counts[index] as number));
  }

  private parse(cand: Candidate, errors: RowErrors): boolean {
    try {
      cand.record = readEvent(this.place, { id: cand.id, location: this.keys.event(cand.id), text: cand.text! });
      return true;
    } catch (err) {
      errors.fail(err as MonitoringRowError);
      return false;
    }
  }

  /** EventRecords for candidates, with their links (one pipelined LRANGE batch) and payloads as asked. */
  private async eventRows(cands: Candidate[], options: PayloadOption | undefined, errors: RowErrors) {
    const links = await this.lranges(cands.map((c) => this.keys.eventLinks(c.id)));
    const rows = cands.map((c, i) => ({ id: c.id, location: this.keys.event(c.id), text: c.text!, links: links[i]! }));
    return eventResults(this.place, rows, options, errors);
  }

  /** Python's get_trigger_runs_in_timerange: truns_by_time newest first, then task / event-code filters, limit. */
  private async runsInRange(
    filters: { start: bigint; end: bigint; taskIdKey?: string | undefined; eventCode?: string; limit?: number },
    order: ResultOrder,
    errors: RowErrors,
  ): Promise<TriggerRunRecord[]> {
    const index = this.keys.runsByTime;
    const walk = order === 'oldest' ? 'oldest' : 'newest';
    const [min, max] = [scoreText(filters.start), scoreText(filters.end)];
    const ids = await this.run(index, () =>
      walk === 'newest' ? this.client.zrevrangebyscore(index, max, min) : this.client.zrangebyscore(index, min, max),
    );
    const out: TriggerRunRecord[] = [];
    for (let from = 0; from < ids.length; from += this.batch) {
      const chunk = ids.slice(from, from + this.batch);
      const runs = this.readRuns(chunk, await this.mget(chunk.map((id) => this.keys.run(id))), errors).filter(
        (run) =>
          // An explicit order gives SQLite's window: runs by executed_at (a never-executed run is not in it).
          !(order !== 'backend' && run.executed_at === null) &&
          (filters.taskIdKey === undefined || run.task_id_key === filters.taskIdKey),
      );
      // Python reads each candidate run's events (get_event) to test the code: here one MGET per chunk.
      const codes =
        filters.eventCode === undefined
          ? undefined
          : await this.eventCodes(
              runs.flatMap((run) => run.event_ids),
              errors,
            );
      for (const run of runs) {
        if (codes && !run.event_ids.some((id) => codes.get(id) === filters.eventCode)) continue;
        out.push(run);
        if (filters.limit !== undefined && out.length >= filters.limit) return orderRuns(out, order);
      }
    }
    return orderRuns(out, order);
  }

  /** The event_code of each stored event (Python's `get_event(id).event_code`), one MGET. */
  private async eventCodes(eventIds: string[], errors: RowErrors): Promise<Map<string, string>> {
    const unique = [...new Set(eventIds)];
    const stored = await this.mget(unique.map((id) => this.keys.event(id)));
    const codes = new Map<string, string>();
    unique.forEach((id, index) => {
      const value = stored[index]!;
      if (value === null || value === '') return;
      const key = this.keys.event(id);
      const text = this.text(value, key, id, 'EventRecord', errors);
      if (text === undefined) return;
      try {
        codes.set(id, readEvent(this.place, { id, location: key, text }).event_code);
      } catch (err) {
        errors.fail(err as MonitoringRowError);
      }
    });
    return codes;
  }

  /** Runs of an index set: SMEMBERS, then one MGET; in the set's order (Python iterates a Python set). */
  private async runsOfSet(setKey: string, options: ReadOptions | undefined): Promise<TriggerRunRecord[]> {
    const { order, errors } = runsArgs(this.place, options);
    const { ids, stored } = await this.setMembersWithRuns(setKey);
    return orderRuns(this.readRuns(ids, stored, errors), order);
  }

  /**
   * The members of a run-id set and their stored runs. On Redis ≥ 7 one round trip: the read-only
   * `SORT_RO <set> BY nosort GET # GET <prefix>trun_hash:*` (the member, then the value of its key; the prefix has
   * no `*`, pynenc_redis's sanitizing replaces it). Older servers: SMEMBERS, then one MGET.
   */
  private async setMembersWithRuns(setKey: string): Promise<{ ids: string[]; stored: Stored[] }> {
    if (this.sortRo !== false) {
      try {
        const reply = await this.run(setKey, () =>
          this.client.callBuffer(
            'SORT_RO',
            setKey,
            'BY',
            'nosort',
            'GET',
            '#',
            'GET',
            `${this.keys.prefix}trun_hash:*`,
          ),
        );
        this.sortRo = true;
        const flat = reply as Array<Buffer | null>;
        const ids: string[] = [];
        const stored: Stored[] = [];
        for (let index = 0; index < flat.length; index += 2) {
          const id = decode(flat[index]!);
          if (typeof id !== 'string') {
            throw new MonitoringRowError({ ...this.place, location: setKey, dto: 'TriggerRunRecord' }, id!.invalid);
          }
          ids.push(id);
          stored.push(decode(flat[index + 1] ?? null));
        }
        return { ids, stored };
      } catch (err) {
        const unknown = err instanceof MonitoringUnavailableError && /unknown command/i.test(String(err.message));
        if (!unknown || this.sortRo === true) throw err;
        this.sortRo = false; // a server before 7.0
      }
    }
    const ids = await this.run(setKey, () => this.client.smembers(setKey));
    return { ids, stored: await this.mget(ids.map((id) => this.keys.run(id))) };
  }

  private readRuns(ids: string[], stored: Stored[], errors: RowErrors): TriggerRunRecord[] {
    const runs: TriggerRunRecord[] = [];
    ids.forEach((id, index) => {
      const value = stored[index]!;
      if (value === null || value === '') return; // Python: get_trigger_run → None → skipped
      const run = this.storedRun(id, value, errors);
      if (run !== undefined) runs.push(run);
    });
    return runs;
  }

  /** The run stored under `id` (a value that is there), or undefined when it is unreadable (through `errors`). */
  private storedRun(id: string, stored: Exclude<Stored, null>, errors: RowErrors): TriggerRunRecord | undefined {
    const key = this.keys.run(id);
    const text = this.text(stored, key, id, 'TriggerRunRecord', errors);
    return text === undefined ? undefined : readRunOrFail(this.place, key, id, text, errors);
  }

  // ── redis plumbing ─────────────────────────────────────────────────

  /** The stored text, or the row error through `errors` (undefined) for bytes Python's `.decode()` refuses. */
  private text(
    stored: Exclude<Stored, null>,
    key: string,
    id: string,
    dto: string,
    errors: RowErrors,
  ): string | undefined {
    if (typeof stored === 'string') return stored;
    errors.fail(new MonitoringRowError({ ...this.place, location: key, id, dto }, stored.invalid));
    return undefined;
  }

  /** MGET in chunks of `batchSize`, all chunks in one pipeline (one round trip). */
  private async mget(keys: string[]): Promise<Stored[]> {
    if (keys.length === 0) return [];
    const replies = await this.run(keys[0]!, () => {
      const pipe = this.client.pipeline();
      for (let from = 0; from < keys.length; from += this.batch)
        pipe.mgetBuffer(...keys.slice(from, from + this.batch));
      return this.exec(pipe);
    });
    return (replies as Array<Array<Buffer | null>>).flat().map(decode);
  }

  /** LRANGE 0 -1 of every key, pipelined (one round trip). */
  private async lranges(keys: string[]): Promise<string[][]> {
    if (keys.length === 0) return [];
    return (await this.run(keys[0]!, () =>
      this.exec(keys.reduce((pipe, key) => pipe.lrange(key, 0, -1), this.client.pipeline())),
    )) as string[][];
  }

  /** Sends a pipeline; the first failed command's error is thrown (a reply error or a dead connection). */
  private async exec(pipe: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
    const results = await withCommandDeadline(pipe.exec(), this.commandTimeoutMs);
    if (!results) throw new Error('Connection is closed.');
    return results.map(([err, value]) => {
      if (err) throw err;
      return value;
    });
  }

  /** Runs one round trip: closed check, (re)connect an owned client, typed errors. */
  private async run<T>(location: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new MonitoringClosedError({ ...this.place, location }, 'read');
    try {
      await this.connection.ready();
      return await work();
    } catch (err) {
      throw this.translate(err, location);
    }
  }

  private translate(err: unknown, location: string): Error {
    if (err instanceof ContractError) return err;
    const where = { ...this.place, location: `${this.server} ${location}` };
    if (this.closed) return new MonitoringClosedError(where, 'read (pending)');
    let reason: MonitoringUnavailableReason;
    let cause = err;
    if (err instanceof RedisConnectFailure) {
      cause = err.underlying;
      reason = CONNECT_REASONS[connectFailureKind(cause)];
    } else if (err instanceof ReplyError) {
      reason = 'failed';
    } else if (isRedisTimeout(err)) {
      reason = 'timeout';
      this.connection.abandon(); // a hung connection: the next call reconnects
    } else if (err instanceof Error && isRedisConnectionError(err)) {
      reason = 'lost';
      this.connection.abandon();
    } else {
      return err instanceof Error ? err : new Error(String(err));
    }
    return new MonitoringUnavailableError(reason, where, cause);
  }
}

const CONNECT_REASONS = { refused: 'refused', timeout: 'timeout', other: 'failed' } as const;

function markerMatches(cand: Candidate, state: MarkerState): boolean {
  if (state === 'matched') return cand.record!.matched_condition_ids.length > 0;
  if (state === 'unmatched') return cand.record!.matched_condition_ids.length === 0;
  if (state === 'triggered') return cand.linkCount! > 0;
  if (state === 'untriggered') return cand.linkCount === 0;
  return true;
}

/** A score bound as redis-py sends a float (`repr`): the shortest text that reads back as the same double. */
function scoreText(micros: bigint): string {
  return String(microsToScore(micros));
}

function decode(value: Buffer | null): Stored {
  if (value === null) return null;
  try {
    return decodeUtf8AsPython(value);
  } catch {
    return { invalid: new Error("stored bytes are not valid UTF-8 (Python's raw.decode() raises UnicodeDecodeError)") };
  }
}

/** What a scan needs of each candidate for the `get_events` / `count_events` filters, and the test itself. */
function eventFilter(filters: CheckedEventFilters) {
  const { matched, triggered, emittedByInvocationId: invocationId, emittedByTaskId: taskId } = filters;
  return {
    needsRecord: matched !== undefined || invocationId !== undefined || taskId !== undefined,
    needsLinks: triggered !== undefined,
    test: (candidate: Candidate): boolean => {
      const record = candidate.record;
      if (matched !== undefined && record!.matched_condition_ids.length > 0 !== matched) return false;
      if (triggered !== undefined && candidate.linkCount! > 0 !== triggered) return false;
      if (invocationId !== undefined && record!.emitted_by_invocation_id !== invocationId) return false;
      if (taskId !== undefined && record!.emitted_by_task_id !== taskId) return false;
      return true;
    },
  };
}
