/**
 * `pynenc-contract events | markers | runs | tail`: pynenc's trigger-monitoring records read where pynenc keeps
 * them (a SQLite file or a Redis server), through the MonitoringReaders: the same answers as pynenc's own
 * monitoring methods. The drivers (better-sqlite3, ioredis) are loaded only by these commands, and only the one
 * the store needs.
 *
 * Exit codes as the other commands: 0 ok · 1 data problems (an unreadable stored row, reported on stderr; an id
 * not found) · 2 usage or I/O (bad arguments, a store that cannot be opened or does not answer, a store written
 * by another pynenc).
 */
import { Option, type Command } from 'commander';
import type { EventRecord, TriggerRunRecord } from '../../generated/types';
import { toJson } from '../codec';
import { MonitoringError, MonitoringRowError } from '../monitoring/errors';
import { FOLLOW_DEFAULTS, follow, type FollowItem, type FollowKind } from '../monitoring/follow';
import {
  MARKER_STATES,
  type EventFilters,
  type MarkerState,
  type MonitoringReader,
  type MonitoringReadError,
  type ReadOptions,
  type ResultOrder,
} from '../monitoring/types';
import { PyTimestamp } from '../timestamps/pytimestamp';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, InputError, LineWriter, Progress, UsageError } from './io';
import {
  EVENT_COLUMNS,
  MARKER_COLUMNS,
  OUTPUT_FORMATS,
  RUN_COLUMNS,
  RecordOutput,
  writeText,
  type OutputFormat,
} from './monitoring-output';

/** Where the records are and how to print them: what every monitoring command takes. */
interface StoreOptions {
  sqlite?: string;
  redis?: string;
  app: string;
  format: OutputFormat;
  progress?: boolean;
}

interface EventsOptions extends StoreOptions {
  id?: string[];
  code?: string;
  start?: string;
  end?: string;
  matched?: boolean;
  unmatched?: boolean;
  triggered?: boolean;
  untriggered?: boolean;
  emittedByInvocation?: string;
  emittedByTask?: string;
  limit: string;
  offset: string;
  all?: boolean;
  count?: boolean;
  pageSize: string;
}

interface MarkersOptions extends StoreOptions {
  start: string;
  end: string;
  code?: string;
  state: MarkerState;
  limit: string;
  offset: string;
  order: ResultOrder;
}

interface RunsOptions extends StoreOptions {
  id?: string[];
  event?: string;
  invocation?: string;
  sourcedBy?: string;
  validCondition?: string;
  start?: string;
  end?: string;
  code?: string;
  task?: string;
  limit?: string;
  order: ResultOrder;
}

interface TailOptions extends StoreOptions {
  code?: string;
  task?: string;
  matched?: boolean;
  unmatched?: boolean;
  triggered?: boolean;
  untriggered?: boolean;
  emittedByInvocation?: string;
  emittedByTask?: string;
  only?: FollowKind;
  since?: string;
  interval: string;
  trailing: string;
}

/** pynenc's default app_id (ConfigPynenc.app_id). */
const DEFAULT_APP_ID = 'pynenc';
/** Events per read of a long `events` scan (--page-size). */
const EVENTS_PAGE = 5000;
/** `tail`: how often a store that keeps not answering is reported. */
const OUTAGE_NOTE_MS = 30_000;
/** The widest window Python's datetime holds, for `runs` without --start / --end. */
const TIME_MIN = '0001-01-01T00:00:00+00:00';
const TIME_MAX = '9999-12-31T23:59:59.999999+00:00';

// ── registration ───────────────────────────────────────────────────

export function registerMonitoringCommands(program: Command): void {
  const events = storeCommand(program, 'events', 'events from the store: by filters, by id, or their count')
    .description(
      "Events as pynenc's get_events returns them (newest first, limit 100 unless --limit/--all), " +
        'or get_events_batch ' +
        '(--id), or count_events (--count). triggered_invocation_ids come from the link index, as pynenc reads them.',
    )
    .option('--id <event_id...>', 'these events (get_events_batch), in this order')
    .option('--code <event_code>', 'only this event code')
    .option('--start <time>', 'timestamp at or after (ISO text, now, or -30s / -15m / -2h / -1d)')
    .option('--end <time>', 'timestamp at or before');
  eventFilterOptions(events)
    .option('--limit <n>', 'at most n events', '100')
    .option('--offset <n>', 'skip the first n', '0')
    .option('--all', 'every matching event (read in chunks, with progress)')
    .option('--count', 'print the number of matching events only')
    .option('--page-size <n>', 'events per read of a long scan (memory: one page at a time)', String(EVENTS_PAGE))
    .action(async (opts: EventsOptions) => {
      process.exitCode = await runEvents(opts);
    });

  storeCommand(program, 'markers', 'one page of event markers of a time window (get_event_markers_in_timerange)')
    .description(
      "The EventMarkerPage of a window, as pynenc's get_event_markers_in_timerange returns it. " +
        'JSON Lines: one marker ' +
        'a line and `total`/`truncated` on stderr; --format json: the page itself (EventMarkerPage.to_json).',
    )
    .requiredOption('--start <time>', 'window start (inclusive)')
    .requiredOption('--end <time>', 'window end (inclusive)')
    .option('--code <event_code>', 'only this event code')
    .addOption(new Option('--state <state>', 'which markers').choices([...MARKER_STATES]).default('all'))
    .option('--limit <n>', 'markers in the page', '1000')
    .option('--offset <n>', 'markers to skip', '0')
    .addOption(orderOption('in a busy window, SQLite pages from the oldest marker, Redis from the newest'))
    .action(async (opts: MarkersOptions) => {
      process.exitCode = await runMarkers(opts);
    });

  storeCommand(program, 'runs', 'trigger runs: by id, event, invocation, source, valid condition, or time window')
    .description(
      'Trigger runs as pynenc returns them: --id (get_trigger_runs_batch), --event (get_trigger_runs_for_event), ' +
        '--invocation (get_trigger_runs_for_invocation), --sourced-by (get_trigger_runs_sourced_by_invocation), ' +
        '--valid-condition (get_trigger_runs_for_valid_condition), ' +
        'else get_trigger_runs_in_timerange (--start/--end, ' +
        'default: all time; with --code, --task, --limit).',
    )
    .option('--id <trigger_run_id...>', 'these runs, in this order')
    .option('--event <event_id>', 'the runs this event took part in')
    .option('--invocation <invocation_id>', 'the runs that produced this invocation')
    .option('--sourced-by <invocation_id>', 'the runs this invocation was a source of')
    .option('--valid-condition <valid_condition_id>', 'the runs of this valid condition')
    .option('--start <time>', 'executed at or after')
    .option('--end <time>', 'executed at or before')
    .option('--code <event_code>', 'time window: only runs with an event of this code')
    .option('--task <task_id_key>', 'time window: only runs of this task')
    .option('--limit <n>', 'time window: at most n runs')
    .addOption(orderOption('SQLite sorts by executed_at, Redis by its index (a window newest first, a set unordered)'))
    .action(async (opts: RunsOptions) => {
      process.exitCode = await runRuns(opts);
    });

  const tail = storeCommand(
    program,
    'tail',
    'follow new and changed events and trigger runs until interrupted (Ctrl-C)',
    ['jsonl', 'table'],
  )
    .description(
      'Polls the store and prints each new or changed event and trigger run (see docs/monitoring.md, "Following new ' +
        'data"): JSON Lines {"kind": "event"|"run", "change": "new"|"updated", "record": <to_json>}, or a table. ' +
        'Runs until SIGINT / SIGTERM (exit 0; 1 if unreadable rows were reported). A store that stops answering is ' +
        'reported on stderr and polled again.',
    )
    .option('--code <event_code>', 'only events of this code, and runs with an event of this code')
    .option('--task <task_id_key>', 'only runs of this task');
  eventFilterOptions(tail)
    .addOption(new Option('--only <kind>', 'only events or only runs').choices(['event', 'run']))
    .option('--since <time>', 'start from this time (ISO text, or -30s / -15m / -2h / -1d); default now')
    .option('--interval <ms>', 'pause between polls', String(FOLLOW_DEFAULTS.intervalMs))
    .option('--trailing <ms>', 'how far back each poll re-reads', String(FOLLOW_DEFAULTS.trailingMs))
    .action(async (opts: TailOptions) => {
      process.exitCode = await runTail(opts);
    });
}

/** The event filters `events` and `tail` share (EventFilters: matched, triggered, emitted by). */
function eventFilterOptions(command: Command): Command {
  return command
    .option('--matched', 'only events a condition matched')
    .option('--unmatched', 'only events no condition matched')
    .option('--triggered', 'only events that triggered an invocation')
    .option('--untriggered', 'only events that triggered nothing')
    .option('--emitted-by-invocation <invocation_id>', 'only events this invocation emitted')
    .option('--emitted-by-task <task_id>', 'only events this task emitted');
}

function storeCommand(
  program: Command,
  name: string,
  summary: string,
  formats: readonly OutputFormat[] = OUTPUT_FORMATS,
): Command {
  return program
    .command(name)
    .summary(summary)
    .option('--sqlite <file>', "the SQLite file of pynenc's SQLiteTrigger (sqlite_db_path)")
    .option('--redis <url>', "the Redis of pynenc_redis's RedisTrigger (redis://host:port/db)")
    .option('--app <app_id>', 'the pynenc app_id (table and key prefixes)', DEFAULT_APP_ID)
    .addOption(
      new Option('--format <format>', 'JSON Lines (to_json texts), one JSON array, or a table')
        .choices([...formats])
        .default('jsonl'),
    )
    .option('--progress', 'show a progress line on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never show a progress line');
}

function orderOption(backendOrder: string): Option {
  return new Option(
    '--order <order>',
    `backend: as pynenc's method on that backend (${backendOrder}); oldest / newest: the same on both`,
  )
    .choices(['backend', 'oldest', 'newest'])
    .default('backend');
}

// ── commands ───────────────────────────────────────────────────────

async function runEvents(opts: EventsOptions): Promise<number> {
  const filters = eventFilters(opts);
  const limit = countArg(opts.limit, '--limit');
  const offset = countArg(opts.offset, '--offset');
  const pageSize = countArg(opts.pageSize, '--page-size');
  if (pageSize === 0) throw new UsageError('--page-size: expected at least 1');
  return withReader('events', opts, async (reader, problems) => {
    if (opts.count) {
      if (opts.id) throw new UsageError('--count counts by filters; it does not take --id');
      await writeText(process.stdout, `${await reader.countEvents(filters)}\n`);
      return;
    }
    const output = new RecordOutput<EventRecord>(process.stdout, opts.format, EVENT_COLUMNS);
    const write = async (e: EventRecord): Promise<void> => output.add(e, toJson('EventRecord', e));
    if (opts.id) {
      if (Object.values(filters).some((v) => v !== undefined)) throw new UsageError('--id takes no filters');
      const found = await reader.getEventsBatch(opts.id, problems.collect());
      problems.report();
      for (const [id, event] of found) {
        if (event) await write(event);
        else if (!problems.reportedId(id)) await problems.missing(`no event ${JSON.stringify(id)}`);
      }
    } else {
      await scanEvents(
        reader,
        filters,
        { limit: opts.all ? Infinity : limit, offset, pageSize, progress: opts.progress },
        write,
        problems,
      );
    }
    await output.end();
  });
}

/** Reads `limit` events from `offset` in pages (one reader call per page), with a progress line. */
async function scanEvents(
  reader: MonitoringReader,
  filters: EventFilters,
  range: { limit: number; offset: number; pageSize: number; progress: boolean | undefined },
  write: (event: EventRecord) => Promise<void>,
  problems: Problems,
): Promise<void> {
  let read = 0;
  const long = range.limit > range.pageSize;
  const showProgress = long && (range.progress ?? process.stderr.isTTY === true);
  const total = showProgress
    ? Math.min(range.limit, Math.max(0, (await reader.countEvents(filters)) - range.offset))
    : undefined;
  const progress = new Progress(
    showProgress,
    () =>
      `events: ${read.toLocaleString('en-US')}${total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`}` +
      ' read',
  );
  try {
    let offset = range.offset;
    while (read < range.limit) {
      const pageLimit = Math.min(range.pageSize, range.limit - read);
      const options = problems.collect();
      const page = await reader.getEvents({ ...filters, limit: pageLimit, offset }, options);
      progress.clear();
      const skipped = problems.report();
      for (const event of page) await write(event);
      // An unreadable row keeps its place in the order (the page is one shorter): count it as read.
      read += page.length + skipped;
      offset += page.length + skipped;
      if (page.length + skipped < pageLimit) break;
    }
  } finally {
    progress.stop();
  }
}

async function runMarkers(opts: MarkersOptions): Promise<number> {
  const query = {
    startTime: timeArg(opts.start, '--start'),
    endTime: timeArg(opts.end, '--end'),
    ...(opts.code === undefined ? {} : { eventCode: opts.code }),
    state: opts.state,
    limit: countArg(opts.limit, '--limit'),
    offset: countArg(opts.offset, '--offset'),
  };
  return withReader('markers', opts, async (reader, problems) => {
    const page = await reader.getEventMarkers(query, { ...problems.collect(), order: opts.order });
    problems.report();
    if (opts.format === 'json') {
      await writeText(process.stdout, `${toJson('EventMarkerPage', page)}\n`);
      return;
    }
    const output = new RecordOutput(process.stdout, opts.format, MARKER_COLUMNS);
    for (const marker of page.markers) await output.add(marker, toJson('EventMarker', marker));
    await output.end();
    const next = page.truncated ? ` (truncated: --offset ${query.offset + page.markers.length} for the next page)` : '';
    await new LineWriter(process.stderr).line(`markers: ${page.markers.length} of ${page.total}${next}`);
  });
}

async function runRuns(opts: RunsOptions): Promise<number> {
  const selectors = (['id', 'event', 'invocation', 'sourcedBy', 'validCondition'] as const).filter(
    (k) => opts[k] !== undefined,
  );
  if (selectors.length > 1)
    throw new UsageError(
      `give one of --id, --event, --invocation, --sourced-by, --valid-condition (got ${selectors.length})`,
    );
  const windowOnly = (['start', 'end', 'code', 'task', 'limit'] as const).filter((k) => opts[k] !== undefined);
  if (selectors.length === 1 && windowOnly.length > 0) {
    throw new UsageError(
      `--${windowOnly.map(kebab).join(', --')} select a time window; not with --${kebab(selectors[0]!)}`,
    );
  }
  const range = {
    startTime: timeArg(opts.start ?? TIME_MIN, '--start'),
    endTime: timeArg(opts.end ?? TIME_MAX, '--end'),
    ...(opts.code === undefined ? {} : { eventCode: opts.code }),
    ...(opts.task === undefined ? {} : { taskIdKey: opts.task }),
    ...(opts.limit === undefined ? {} : { limit: countArg(opts.limit, '--limit') }),
  };
  return withReader('runs', opts, async (reader, problems) => {
    const options: ReadOptions = { ...problems.collect(), order: opts.order };
    const output = new RecordOutput<TriggerRunRecord>(process.stdout, opts.format, RUN_COLUMNS);
    let runs: TriggerRunRecord[];
    if (opts.id) {
      const found = await reader.getTriggerRunsBatch(opts.id, options);
      problems.report();
      runs = [];
      for (const [id, run] of found) {
        if (run) runs.push(run);
        else if (!problems.reportedId(id)) await problems.missing(`no trigger run ${JSON.stringify(id)}`);
      }
    } else {
      if (opts.event !== undefined) runs = await reader.getTriggerRunsForEvent(opts.event, options);
      else if (opts.invocation !== undefined) runs = await reader.getTriggerRunsForInvocation(opts.invocation, options);
      else if (opts.sourcedBy !== undefined)
        runs = await reader.getTriggerRunsSourcedByInvocation(opts.sourcedBy, options);
      else if (opts.validCondition !== undefined)
        runs = await reader.getTriggerRunsForValidCondition(opts.validCondition, options);
      else runs = await reader.getTriggerRunsInRange(range, options);
      problems.report();
    }
    for (const run of runs) await output.add(run, toJson('TriggerRunRecord', run));
    await output.end();
  });
}

async function runTail(opts: TailOptions): Promise<number> {
  const { startTime: _s, endTime: _e, ...filters } = eventFilters(opts);
  const since = opts.since === undefined ? undefined : timeArg(opts.since, '--since');
  const intervalMs = countArg(opts.interval, '--interval');
  const trailingMs = countArg(opts.trailing, '--trailing');
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  return withReader('tail', opts, async (reader, problems) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const err = new LineWriter(process.stderr);
    let lastOutageNote = -Infinity;
    try {
      const items = follow(
        reader,
        { ...filters, ...(opts.task === undefined ? {} : { taskIdKey: opts.task }) },
        {
          ...(opts.only === undefined ? {} : { kinds: [opts.only] }),
          ...(since === undefined ? {} : { since }),
          intervalMs,
          trailingMs,
          signal: controller.signal,
          onReadError: (e) => problems.add(e),
          // An outage fails every poll: say so once, then at most every OUTAGE_NOTE_MS while it lasts.
          onUnavailable: (error) => {
            if (Date.now() - lastOutageNote < OUTAGE_NOTE_MS) return;
            lastOutageNote = Date.now();
            void err.line(`pynenc-contract tail: ${error.message}; polling again`);
          },
        },
      );
      for await (const item of items) {
        problems.report();
        await writeText(process.stdout, opts.format === 'table' ? tailRow(item) : tailLine(item));
      }
      problems.report();
    } finally {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    }
  });
}

/** `{"kind": …, "change": …, "record": <to_json text>}`: the record's bytes as pynenc writes them. */
function tailLine(item: FollowItem): string {
  return `{"kind": "${item.kind}", "change": "${item.change}", "record": ${item.json}}\n`;
}

function tailRow(item: FollowItem): string {
  const cells =
    item.kind === 'event'
      ? [
          item.record.timestamp,
          'event',
          item.change,
          item.record.event_id,
          item.record.event_code,
          `matched=${item.record.matched_condition_ids.length} ` +
            `triggered=${item.record.triggered_invocation_ids.length}`,
        ]
      : [
          item.record.executed_at ?? '-',
          'run',
          item.change,
          item.record.trigger_run_id,
          item.record.task_id_key,
          `events=${item.record.event_ids.length} invocation=${item.record.triggered_invocation_id ?? '-'}`,
        ];
  const widths = [32, 5, 7, 36, 24];
  return `${cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]!) : c)).join('  ')}\n`;
}

// ── the store, problems, arguments ─────────────────────────────────

/**
 * Opens the reader, runs `body`, closes the reader; maps the monitoring errors to exit codes. Unreadable rows
 * collected on the way are reported on stderr (exit 1).
 */
async function withReader(
  command: string,
  opts: StoreOptions,
  body: (reader: MonitoringReader, problems: Problems) => Promise<void>,
): Promise<number> {
  const problems = new Problems(command);
  let reader: MonitoringReader | undefined;
  try {
    reader = await openReader(opts);
    await body(reader, problems);
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) throw err;
    if (!(err instanceof MonitoringError)) throw err;
    await new LineWriter(process.stderr).line(`pynenc-contract ${command}: ${err.message}`);
    return err instanceof MonitoringRowError ? EXIT_INVALID : EXIT_USAGE;
  } finally {
    await reader?.close();
  }
  return problems.count > 0 ? EXIT_INVALID : EXIT_OK;
}

/** The reader of the store the options name; the driver is loaded here, not before. */
export async function openReader(opts: Pick<StoreOptions, 'sqlite' | 'redis' | 'app'>): Promise<MonitoringReader> {
  if ((opts.sqlite === undefined) === (opts.redis === undefined)) {
    throw new UsageError('give one store: --sqlite FILE or --redis URL');
  }
  if (opts.sqlite !== undefined) {
    const { SqliteMonitoringReader } = await loadDriver(
      'better-sqlite3',
      '--sqlite',
      () => import('../monitoring/sqlite-reader'),
    );
    return new SqliteMonitoringReader({ path: opts.sqlite, appId: opts.app });
  }
  const { RedisMonitoringReader } = await loadDriver('ioredis', '--redis', () => import('../monitoring/redis-reader'));
  return new RedisMonitoringReader({ connection: opts.redis, appId: opts.app });
}

async function loadDriver<M>(driver: string, option: string, load: () => Promise<M>): Promise<M> {
  try {
    return await load();
  } catch (err) {
    const error = err as NodeJS.ErrnoException;
    if (error?.code === 'MODULE_NOT_FOUND' && String(error.message).includes(`'${driver}'`)) {
      throw new InputError(`${option} needs the optional package ${driver} (npm install ${driver})`);
    }
    throw err;
  }
}

/** Unreadable rows: collected by the readers (onError 'collect'), reported once each on stderr. */
class Problems {
  private readonly pending: MonitoringReadError[] = [];
  private readonly ids = new Set<string>();
  count = 0;

  constructor(private readonly command: string) {}

  collect(): ReadOptions {
    return { onError: 'collect', errors: this.pending };
  }

  add(error: MonitoringReadError): void {
    this.pending.push(error);
  }

  /** Writes the errors collected since the last call; returns how many. */
  report(): number {
    const reported = this.pending.length;
    for (const error of this.pending.splice(0)) {
      if (error.id !== undefined) this.ids.add(error.id);
      this.count++;
      process.stderr.write(`pynenc-contract ${this.command}: ${error.message}\n`);
    }
    return reported;
  }

  reportedId(id: string): boolean {
    return this.ids.has(id);
  }

  async missing(message: string): Promise<void> {
    this.count++;
    await new LineWriter(process.stderr).line(`pynenc-contract ${this.command}: ${message}`);
  }
}

function eventFilters(opts: EventsOptions | TailOptions): EventFilters {
  const start = 'start' in opts ? opts.start : undefined;
  const end = 'end' in opts ? opts.end : undefined;
  const filters: EventFilters = {
    eventCode: opts.code,
    startTime: start === undefined ? undefined : timeArg(start, '--start'),
    endTime: end === undefined ? undefined : timeArg(end, '--end'),
    matched: flagPair(opts.matched, opts.unmatched, 'matched'),
    triggered: flagPair(opts.triggered, opts.untriggered, 'triggered'),
    emittedByInvocationId: opts.emittedByInvocation,
    emittedByTaskId: opts.emittedByTask,
  };
  for (const key of Object.keys(filters) as (keyof EventFilters)[]) if (filters[key] === undefined) delete filters[key];
  return filters;
}

function flagPair(yes: boolean | undefined, no: boolean | undefined, name: string): boolean | undefined {
  if (yes && no) throw new UsageError(`--${name} and --un${name} exclude each other`);
  return yes ? true : no ? false : undefined;
}

function countArg(text: string, option: string): number {
  const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(count))
    throw new UsageError(`${option}: expected a whole number >= 0, got ${JSON.stringify(text)}`);
  return count;
}

const UNIT_MICROS: Record<string, bigint> = {
  ms: 1000n,
  s: 1_000_000n,
  m: 60_000_000n,
  h: 3_600_000_000n,
  d: 86_400_000_000n,
};

/** A time argument: `now`, `-<n><ms|s|m|h|d>` before now, or an ISO text as Python's fromisoformat reads it. */
function timeArg(text: string, option: string): PyTimestamp {
  if (text === 'now') return PyTimestamp.now();
  const relative = /^-(\d+)(ms|s|m|h|d)$/.exec(text);
  if (relative) return PyTimestamp.now().plusMicros(-BigInt(relative[1]!) * UNIT_MICROS[relative[2]!]!);
  try {
    return PyTimestamp.parse(text);
  } catch (err) {
    throw new UsageError(
      `${option}: expected an ISO time (as datetime.fromisoformat reads it), now, or -15m; ` +
        `got ${JSON.stringify(text)}: ${(err as Error).message}`,
    );
  }
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
