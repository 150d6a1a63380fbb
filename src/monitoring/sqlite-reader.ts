/**
 * SqliteMonitoringReader: pynenc's SQLiteTrigger monitoring tables (pynenc/trigger/sqlite_trigger.py), read-only.
 *
 * The statements are Python's own SQL text (same filters, same ORDER BY, same LIMIT/OFFSET), so SQLite picks the
 * same plans and rows come back in the same order, ties included. The connection is opened read-only
 * (`readonly`, `fileMustExist`) with a busy timeout: it takes no write lock and never changes the schema, and a
 * call that finds the database locked longer than the timeout fails with MonitoringUnavailableError('busy').
 * Several statements of one call run in one read transaction (one WAL snapshot), so a concurrent pynenc
 * writer never shows a call half of its write. Prepared statements are cached per reader.
 */
import Database from 'better-sqlite3';
import {
  isSqliteBusyCode,
  isSqliteDatabaseHandle,
  sqliteErrorCode,
  type SqliteDatabaseHandle,
} from '../datastore/sqlite-handle';
import type { EventMarker, EventMarkerPage, TriggerRunRecord } from '../../generated/types';
import { sqliteTablePrefix } from '../datastore/keys';
import { describeReceived } from '../errors';
import {
  appIdOption,
  batchResult,
  countArgs,
  eventArgs,
  eventResults,
  eventsArgs,
  eventsBatchArgs,
  eventsEmittedBy,
  idArgument,
  integerOption,
  isUtf8Text,
  markersArgs,
  MAX_TIMEOUT_MS,
  microsToSeconds,
  optionsPlace,
  orderRuns,
  readerOptions,
  readRun,
  readRunOrFail,
  runsArgs,
  runsBatchArgs,
  runsInRangeArgs,
  THROW,
  type CheckedEventFilters,
  type EventRow,
  type Place,
  type RowErrors,
  UtcTimestampTexts,
} from './common';
import {
  MonitoringClosedError,
  MonitoringError,
  MonitoringQueryError,
  MonitoringRowError,
  MonitoringSchemaError,
  MonitoringUnavailableError,
} from './errors';
import type {
  EventFilters,
  EventResult,
  EventsQuery,
  MarkersQuery,
  MonitoringReader,
  PayloadOption,
  ReadOptions,
  ResultOrder,
  RunsInRangeQuery,
} from './types';

export interface SqliteMonitoringReaderOptions {
  /** The database file pynenc's SQLiteTrigger writes (`sqlite_db_path`). It must exist. */
  path?: string;
  /** An open better-sqlite3 handle to read instead of opening `path`; close() leaves it open. */
  database?: SqliteDatabaseHandle;
  /** The pynenc app_id (default "pynenc", pynenc's default). */
  appId?: string;
  /** How long a statement waits for another connection's lock before failing 'busy'. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/** The schema_version rows this reader knows (SQLiteTrigger.SCHEMA_VERSION_CURRENT = 3 in pynenc 0.4.0). */
export const SQLITE_SCHEMA_VERSIONS: readonly number[] = [3];

/** pynenc's `Tables(app_id)` for the trigger component: `<sanitize_table_prefix(app_id)>__trg_<name>`. */
export function sqliteTriggerTables(appId: string) {
  const prefix = `${sqliteTablePrefix(appId)}__trg`;
  return {
    EVENTS: `${prefix}_events`,
    EVENT_TRIGGERED_INVOCATIONS: `${prefix}_event_triggered_invocations`,
    TRIGGER_RUNS: `${prefix}_trigger_runs`,
    TRIGGER_RUN_CONDITIONS: `${prefix}_trigger_run_conditions`,
    SCHEMA_VERSION: `${prefix}_schema_version`,
  } as const;
}

/** IN (...) lists: Python's 500 ids, rounded up to a power of two for the statement cache. */
const CHUNK = 512;

type Value = string | number | bigint | null;

export class SqliteMonitoringReader implements MonitoringReader {
  readonly backend = 'sqlite' as const;
  readonly appId: string;
  readonly tables: ReturnType<typeof sqliteTriggerTables>;
  private readonly db: Database.Database;
  private readonly ownsDb: boolean;
  private readonly place: Place;
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  constructor(options: SqliteMonitoringReaderOptions) {
    const given = optionsPlace('sqlite');
    readerOptions(given, options);
    this.appId = appIdOption(given, options.appId);
    this.tables = sqliteTriggerTables(this.appId);
    const timeout = integerOption(given, 'busyTimeoutMs', options.busyTimeoutMs, 5000, { min: 0, max: MAX_TIMEOUT_MS });
    if (options.database !== undefined) {
      if (!isSqliteDatabaseHandle<Database.Database>(options.database)) {
        throw new MonitoringQueryError(
          given,
          'database',
          'an open better-sqlite3 Database',
          describeReceived(options.database),
        );
      }
      if (!options.database.open) {
        throw new MonitoringUnavailableError(
          'failed',
          { backend: 'sqlite', location: options.database.name },
          new Error('the database connection is not open'),
        );
      }
      this.db = options.database;
      this.ownsDb = false;
    } else {
      if (!isUtf8Text(options.path) || options.path === '') {
        throw new MonitoringQueryError(given, 'path', 'a database file path', describeReceived(options.path));
      }
      const where = { backend: 'sqlite' as const, location: options.path };
      try {
        this.db = new Database(options.path, { readonly: true, fileMustExist: true, timeout });
      } catch (err) {
        throw new MonitoringUnavailableError(isBusy(err) ? 'busy' : 'failed', where, err);
      }
      this.ownsDb = true;
    }
    this.place = { backend: 'sqlite', location: this.db.name };
    try {
      this.checkSchema();
    } catch (err) {
      if (this.ownsDb) this.db.close();
      throw err;
    }
  }

  // ── events ─────────────────────────────────────────────────────────

  async getEvent<P extends PayloadOption = {}>(eventId: string, options?: P): Promise<EventResult<P> | null> {
    eventArgs(this.place, eventId, options);
    const tables = this.tables;
    const rows = this.read(() => {
      const row = this.get<{ event_json: string }>(`SELECT event_json FROM ${tables.EVENTS} WHERE event_id = ?`, [
        eventId,
      ]);
      if (!row) return null;
      const links = this.all<{ invocation_id: string }>(
        `SELECT invocation_id FROM ${tables.EVENT_TRIGGERED_INVOCATIONS} WHERE event_id = ? ORDER BY linked_at`,
        [eventId],
      ).map((r) => r.invocation_id);
      return [{ id: eventId, location: tables.EVENTS, text: row.event_json, links }];
    });
    if (!rows) return null;
    const [record] = await eventResults(this.place, rows, options, THROW);
    return record as EventResult<P>;
  }

  async getEvents<P extends PayloadOption = {}>(
    query: EventsQuery = {},
    options?: P & ReadOptions,
  ): Promise<EventResult<P>[]> {
    const { filters, limit, offset, errors } = eventsArgs(this.place, query, options);
    const { where, params } = this.eventWhere(filters);
    const rows = this.read(() => {
      const found = this.all<{ event_id: string; event_json: string }>(
        `SELECT event_id, event_json FROM ${this.tables.EVENTS} ${where} ` +
          'ORDER BY event_timestamp DESC LIMIT ? OFFSET ?',
        [...params, limit, offset],
      );
      return this.withLinks(found);
    });
    return (await eventResults(this.place, rows, options, errors)) as EventResult<P>[];
  }

  async countEvents(filters: EventFilters = {}): Promise<number> {
    const { where, params } = this.eventWhere(countArgs(this.place, filters));
    const row = this.read(() =>
      this.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${this.tables.EVENTS} ${where}`, params),
    );
    return row ? Number(row.n) : 0;
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
    const rows = this.read(() => {
      const found: Array<{ event_id: string; event_json: string }> = [];
      for (const chunk of chunks(unique)) {
        found.push(
          ...this.all<{ event_id: string; event_json: string }>(
            `SELECT event_id, event_json FROM ${this.tables.EVENTS} WHERE event_id IN (${marks(chunk.length)})`,
            chunk,
          ),
        );
      }
      return this.withLinks(found);
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const ordered = unique.map((id) => byId.get(id)).filter((row): row is EventRow => row !== undefined);
    const records = await eventResults(this.place, ordered, options, errors);
    const read = new Map(records.map((record) => [record.event_id, record as EventResult<P>]));
    return batchResult(unique, (id) => byId.has(id), read);
  }

  async getEventMarkers(query: MarkersQuery, options?: ReadOptions): Promise<EventMarkerPage> {
    const {
      start,
      end,
      eventCode: code,
      state,
      limit,
      offset,
      order,
      errors,
    } = markersArgs(this.place, query, options);
    const clauses = ['event_timestamp >= ?', 'event_timestamp <= ?'];
    const params: Value[] = [microsToSeconds(start), microsToSeconds(end)];
    if (code !== undefined) {
      clauses.push('event_code = ?');
      params.push(code);
    }
    if (state === 'matched') clauses.push('matched_condition_count > 0');
    else if (state === 'unmatched') clauses.push('matched_condition_count = 0');
    else if (state === 'triggered') clauses.push('triggered_invocation_count > 0');
    else if (state === 'untriggered') clauses.push('triggered_invocation_count = 0');
    const where = clauses.join(' AND ');
    // Python: ORDER BY event_timestamp (oldest first). The explicit orders add event_id as the tie-break.
    const orderBy =
      order === 'backend'
        ? 'event_timestamp'
        : order === 'oldest'
          ? 'event_timestamp, event_id'
          : 'event_timestamp DESC, event_id DESC';
    // [event_id, event_code, event_timestamp, matched_condition_count, triggered_invocation_count,
    //  emitted_by_invocation_id, emitted_by_runner_context_id]: rows as arrays (no object per row).
    type MarkerRow = [unknown, unknown, unknown, unknown, unknown, unknown, unknown];
    const { total, rows } = this.read(() => {
      const totalRow = this.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ${this.tables.EVENTS} WHERE ${where}`,
        params,
      );
      const page = this.allRaw<MarkerRow>(
        `SELECT event_id, event_code, event_timestamp, matched_condition_count, triggered_invocation_count, ` +
          `emitted_by_invocation_id, emitted_by_runner_context_id FROM ${this.tables.EVENTS} WHERE ${where} ` +
          `ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
      return { total: totalRow ? Number(totalRow.n) : 0, rows: page };
    });
    if (order === 'newest') rows.reverse();
    const markers: EventMarker[] = [];
    const texts = new UtcTimestampTexts();
    for (const row of rows) {
      // The contract's EventMarker, checked field by field (every field is a column here, the timestamp is ours).
      const [id, eventCode, ts, matched, triggered, inv, runner] = row;
      let problem: string | undefined;
      let timestamp = '';
      if (typeof id !== 'string') problem = `event_id is ${typeof id}, not a string`;
      else if (typeof eventCode !== 'string') problem = `event_code is ${typeof eventCode}, not a string`;
      else if (typeof matched !== 'number' || typeof triggered !== 'number') problem = 'a count column is not a number';
      else if (inv !== null && typeof inv !== 'string') problem = 'emitted_by_invocation_id is not text or NULL';
      else if (runner !== null && typeof runner !== 'string')
        problem = 'emitted_by_runner_context_id is not text or NULL';
      else if (typeof ts !== 'number') problem = `event_timestamp is ${typeof ts}, not a REAL`;
      else {
        try {
          timestamp = texts.text(ts);
        } catch (err) {
          problem = (err as Error).message;
        }
      }
      if (problem !== undefined) {
        const at = { ...this.place, location: this.tables.EVENTS, id: String(id), dto: 'EventMarker' };
        errors.fail(new MonitoringRowError(at, new RangeError(problem)));
        continue;
      }
      markers.push({
        event_id: id as string,
        event_code: eventCode as string,
        timestamp,
        matched: (matched as number) > 0,
        triggered: (triggered as number) > 0,
        emitted_by_invocation_id: inv as string | null,
        emitted_by_runner_context_id: runner as string | null,
      });
    }
    // truncated counts the rows of the page as Python does (offset + len(markers) < total), read before any skip.
    return { markers, total, truncated: offset + rows.length < total };
  }

  async getInvocationsTriggeredByEvent(eventId: string): Promise<string[]> {
    idArgument(this.place, 'eventId', eventId);
    return this.read(() =>
      this.all<{ invocation_id: string }>(
        `SELECT invocation_id FROM ${this.tables.EVENT_TRIGGERED_INVOCATIONS} WHERE event_id = ? ORDER BY linked_at`,
        [eventId],
      ).map((r) => r.invocation_id),
    );
  }

  async listEventCodes(): Promise<string[]> {
    return this.read(() =>
      this.all<{ event_code: string }>(
        `SELECT DISTINCT event_code FROM ${this.tables.EVENTS} ORDER BY event_code`,
        [],
      ).map((r) => r.event_code),
    );
  }

  // ── trigger runs ───────────────────────────────────────────────────

  async getTriggerRun(triggerRunId: string): Promise<TriggerRunRecord | null> {
    idArgument(this.place, 'triggerRunId', triggerRunId);
    const row = this.read(() =>
      this.get<{ trigger_run_json: string }>(
        `SELECT trigger_run_json FROM ${this.tables.TRIGGER_RUNS} WHERE trigger_run_id = ?`,
        [triggerRunId],
      ),
    );
    return row ? readRun(this.place, this.tables.TRIGGER_RUNS, triggerRunId, row.trigger_run_json) : null;
  }

  async getTriggerRunsForEvent(eventId: string, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    return this.runsByParticipant('event_id', idArgument(this.place, 'eventId', eventId), options);
  }

  async getTriggerRunsForInvocation(invocationId: string, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    idArgument(this.place, 'invocationId', invocationId);
    const { order, errors } = runsArgs(this.place, options);
    const rows = this.read(() =>
      this.all<{ trigger_run_json: string }>(
        `SELECT trigger_run_json FROM ${this.tables.TRIGGER_RUNS} WHERE triggered_invocation_id = ?`,
        [invocationId],
      ),
    );
    return this.runs(rows, order, errors);
  }

  async getTriggerRunsSourcedByInvocation(invocationId: string, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    return this.runsByParticipant(
      'source_invocation_id',
      idArgument(this.place, 'invocationId', invocationId),
      options,
    );
  }

  async getTriggerRunsForValidCondition(validConditionId: string, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    const id = idArgument(this.place, 'validConditionId', validConditionId);
    return this.runsByParticipant('valid_condition_id', id, options);
  }

  async getTriggerRunsInRange(query: RunsInRangeQuery, options?: ReadOptions): Promise<TriggerRunRecord[]> {
    const {
      start,
      end,
      taskIdKey: task,
      eventCode: code,
      limit,
      order,
      errors,
    } = runsInRangeArgs(this.place, query, options);
    const clauses = ['t.executed_at IS NOT NULL', 't.executed_at >= ? AND t.executed_at <= ?'];
    const params: Value[] = [microsToSeconds(start), microsToSeconds(end)];
    let join = '';
    if (task !== undefined) {
      clauses.push('t.task_id_key = ?');
      params.push(task);
    }
    if (code !== undefined) {
      join =
        ` JOIN ${this.tables.TRIGGER_RUN_CONDITIONS} c ON c.trigger_run_id = t.trigger_run_id` +
        ` JOIN ${this.tables.EVENTS} e ON e.event_id = c.event_id`;
      clauses.push('e.event_code = ?');
      params.push(code);
    }
    const from = `${this.tables.TRIGGER_RUNS} t${join}`;
    let sql = `SELECT DISTINCT t.trigger_run_json FROM ${from} WHERE ${clauses.join(' AND ')}`;
    if (order === 'backend') {
      sql += ' ORDER BY t.executed_at';
      if (limit !== undefined) {
        sql += ' LIMIT ?';
        params.push(limit);
      }
    }
    const rows = this.read(() => this.all<{ trigger_run_json: string }>(sql, params));
    const runs = this.runs(rows, order, errors);
    return order === 'backend' || limit === undefined ? runs : runs.slice(0, limit);
  }

  async getTriggerRunsBatch(
    triggerRunIds: readonly string[],
    options?: ReadOptions,
  ): Promise<Map<string, TriggerRunRecord | null>> {
    const { ids: unique, errors } = runsBatchArgs(this.place, triggerRunIds, options);
    const found = this.read(() => {
      const all: Array<{ trigger_run_id: string; trigger_run_json: string }> = [];
      for (const chunk of chunks(unique)) {
        all.push(
          ...this.all<{ trigger_run_id: string; trigger_run_json: string }>(
            `SELECT trigger_run_id, trigger_run_json FROM ${this.tables.TRIGGER_RUNS} ` +
              `WHERE trigger_run_id IN (${marks(chunk.length)})`,
            chunk,
          ),
        );
      }
      return new Map(all.map((r) => [r.trigger_run_id, r.trigger_run_json]));
    });
    const read = new Map<string, TriggerRunRecord>();
    for (const [id, text] of found) {
      const run = readRunOrFail(this.place, this.tables.TRIGGER_RUNS, id, text, errors);
      if (run !== undefined) read.set(id, run);
    }
    return batchResult(unique, (id) => found.has(id), read);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    if (this.ownsDb) this.db.close();
  }

  // ── internals ──────────────────────────────────────────────────────

  private checkSchema(): void {
    const tables = this.tables;
    const present = new Set(
      this.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`, []).map((r) => r.name),
    );
    for (const table of Object.values(tables)) {
      if (!present.has(table)) {
        throw new MonitoringSchemaError(
          { ...this.place, location: table },
          `the table of pynenc's SQLiteTrigger for app_id ${JSON.stringify(this.appId)}`,
          'no such table (another app_id, or a store written by another pynenc version)',
        );
      }
    }
    const row = this.get<{ value: unknown }>(`SELECT value FROM ${tables.SCHEMA_VERSION} WHERE key = 'version'`, []);
    const version = row?.value;
    if (typeof version !== 'number' || !SQLITE_SCHEMA_VERSIONS.includes(version)) {
      throw new MonitoringSchemaError(
        { ...this.place, location: tables.SCHEMA_VERSION },
        `schema_version ${SQLITE_SCHEMA_VERSIONS.join(' or ')} (pynenc 0.4)`,
        row ? `version ${String(version)}` : 'no version row',
      );
    }
  }

  private runsByParticipant(column: string, value: string, options: ReadOptions | undefined): TriggerRunRecord[] {
    const { order, errors } = runsArgs(this.place, options);
    const rows = this.read(() =>
      this.all<{ trigger_run_json: string }>(
        `SELECT DISTINCT t.trigger_run_json FROM ${this.tables.TRIGGER_RUNS} t ` +
          `JOIN ${this.tables.TRIGGER_RUN_CONDITIONS} c ON c.trigger_run_id = t.trigger_run_id ` +
          `WHERE c.${column} = ? ORDER BY t.executed_at`,
        [value],
      ),
    );
    return this.runs(rows, order, errors);
  }

  private runs(rows: Array<{ trigger_run_json: string }>, order: ResultOrder, errors: RowErrors): TriggerRunRecord[] {
    const out: TriggerRunRecord[] = [];
    for (const row of rows) {
      const text = row.trigger_run_json;
      const run = readRunOrFail(this.place, this.tables.TRIGGER_RUNS, runIdOf(text), text, errors);
      if (run !== undefined) out.push(run);
    }
    return orderRuns(out, order);
  }

  private eventWhere(filters: CheckedEventFilters): { where: string; params: Value[] } {
    const clauses: string[] = [];
    const params: Value[] = [];
    if (filters.eventCode !== undefined) {
      clauses.push('event_code = ?');
      params.push(filters.eventCode);
    }
    if (filters.start !== undefined) {
      clauses.push('event_timestamp >= ?');
      params.push(microsToSeconds(filters.start));
    }
    if (filters.end !== undefined) {
      clauses.push('event_timestamp <= ?');
      params.push(microsToSeconds(filters.end));
    }
    if (filters.matched === true) clauses.push('matched_condition_count > 0');
    else if (filters.matched === false) clauses.push('matched_condition_count = 0');
    if (filters.triggered === true) clauses.push('triggered_invocation_count > 0');
    else if (filters.triggered === false) clauses.push('triggered_invocation_count = 0');
    if (filters.emittedByInvocationId !== undefined) {
      clauses.push('emitted_by_invocation_id = ?');
      params.push(filters.emittedByInvocationId);
    }
    if (filters.emittedByTaskId !== undefined) {
      clauses.push('emitted_by_task_id = ?');
      params.push(filters.emittedByTaskId);
    }
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /** Rows of `found` with their links, loaded in IN (…) chunks as Python's `_load_invocations_for_events`. */
  private withLinks(found: Array<{ event_id: string; event_json: string }>): EventRow[] {
    const links = new Map<string, string[]>(found.map((r) => [r.event_id, []]));
    const ids = [...links.keys()];
    for (const chunk of chunks(ids)) {
      const rows = this.all<{ event_id: string; invocation_id: string }>(
        `SELECT event_id, invocation_id FROM ${this.tables.EVENT_TRIGGERED_INVOCATIONS} ` +
          `WHERE event_id IN (${marks(chunk.length)}) ORDER BY linked_at`,
        chunk,
      );
      for (const row of rows) links.get(row.event_id)!.push(row.invocation_id);
    }
    return found.map((r) => ({
      id: r.event_id,
      location: this.tables.EVENTS,
      text: r.event_json,
      links: links.get(r.event_id)!,
    }));
  }

  /** Runs `work` in one read transaction (one snapshot); a lock or I/O failure becomes a typed error. */
  private read<T>(work: () => T): T {
    if (this.closed) throw new MonitoringClosedError(this.place, 'read');
    if (!this.db.open) throw new MonitoringClosedError(this.place, "read (the caller's database connection)");
    try {
      return this.db.inTransaction ? work() : this.db.transaction(work).deferred();
    } catch (err) {
      if (err instanceof MonitoringError) throw err;
      if (isBusy(err)) throw new MonitoringUnavailableError('busy', this.place, err);
      if (sqliteErrorCode(err) !== undefined) throw new MonitoringUnavailableError('failed', this.place, err);
      throw err;
    }
  }

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private all<R>(sql: string, params: readonly Value[]): R[] {
    return this.statement(sql).all(...params) as R[];
  }

  /** Rows as arrays (better-sqlite3 `raw`), on a statement of their own. */
  private allRaw<R>(sql: string, params: readonly Value[]): R[] {
    const key = `raw:${sql}`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.db.prepare(sql).raw(true);
      this.statements.set(key, stmt);
    }
    return stmt.all(...params) as R[];
  }

  private get<R>(sql: string, params: readonly Value[]): R | undefined {
    return this.statement(sql).get(...params) as R | undefined;
  }
}

/** The trigger_run_id of a stored run, for error messages when the JSON cannot be read. */
function runIdOf(text: string): string {
  const match = /"trigger_run_id":\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  return match ? match[1]! : '?';
}

/**
 * Chunks of at most 500 ids (Python's batch), each padded to a power of two by repeating its last id: `IN (…)`
 * is set membership, so the rows are the same, and at most 10 statement shapes are prepared and cached.
 */
function* chunks(items: readonly string[]): Generator<string[]> {
  for (let from = 0; from < items.length; from += CHUNK) {
    const chunk = items.slice(from, from + CHUNK);
    let size = 1;
    while (size < chunk.length) size *= 2;
    const last = chunk[chunk.length - 1]!;
    while (chunk.length < size) chunk.push(last);
    yield chunk;
  }
}

function marks(count: number): string {
  return new Array<string>(count).fill('?').join(',');
}

function isBusy(err: unknown): boolean {
  return isSqliteBusyCode(sqliteErrorCode(err));
}
