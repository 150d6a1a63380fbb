/**
 * Every public function of the monitoring readers throws only ContractErrors (as the data store's walk,
 * test/hardening/datastore-api-walk.test.ts): the exports of src/monitoring and the readers of the ./sqlite and
 * ./redis entries — constructors, helpers, every MonitoringReader method, follow() and MonitoringFollower — on
 * readers in each state a caller can reach: open on a store pynenc wrote, closed, a SQLite connection the caller
 * closed, a SQLite store whose tables were dropped under the reader, a Redis server that is gone (never there,
 * or stopped after the reader connected), a database the server lacks, a caller's ioredis client it closed.
 * Each is called with a hostile value at each argument position (the others valid), with all positions hostile,
 * and with a hostile value in each field of an options or query argument. Whatever it does, when it throws or
 * rejects, the error must be a ContractError with a string code and a one-line message (the walk and its values:
 * test/support/api-walk.ts).
 */
import Database from 'better-sqlite3';
import Redis from 'ioredis';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientDataStore } from '../../src/datastore/client-data-store';
import * as sqliteEntry from '../../src/entries/sqlite';
import * as redisEntry from '../../src/entries/redis';
import * as monitoring from '../../src/monitoring';
import * as redisModule from '../../src/monitoring/redis-reader';
import * as sqliteModule from '../../src/monitoring/sqlite-reader';
import type { MonitoringReader } from '../../src/monitoring/types';
import { PyTimestamp } from '../../src/timestamps/pytimestamp';
import { ApiWalk, baseHostileValues, cyclicObject, unwalkedExports, type Fn, type Hostile } from '../support/api-walk';
import { runOracle } from '../support/pynenc-python';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(900_000);

const REPO = process.cwd();

const { SqliteMonitoringReader, sqliteTriggerTables } = sqliteModule;
const { RedisMonitoringReader, redisTriggerKeys } = redisModule;
const { follow, MonitoringFollower } = monitoring;

const APP_ID = 'mon-walk';
const WRITE = { op: 'write', app_id: APP_ID, seed: 17, events: 40, runs: 12, emits: 0 };

let server: RedisServer;
let doomed: RedisServer;
let closedUrl: string;
let dir: string;
let sqlitePath: string;
const cleanup: Array<() => Promise<unknown> | unknown> = [];

beforeAll(async () => {
  dir = makeTempDir('mon-walk-');
  sqlitePath = join(dir, 'store.db');
  server = await startRedisServer();
  doomed = await startRedisServer();
  closedUrl = `redis://127.0.0.1:${await freePort()}/0`;
  runOracle('monitoring_oracle.py', { ...WRITE, backend: 'sqlite', path: sqlitePath }, { timeoutMs: 120_000 });
  runOracle('monitoring_oracle.py', { ...WRITE, backend: 'redis', redis_url: server.url }, { timeoutMs: 120_000 });
  // A hostile `path` ('x', '::::', …) points a reader at a file: relative ones resolve in the scratch folder.
  process.chdir(dir);
}, 300_000);

afterAll(async () => {
  for (const c of cleanup.reverse()) await Promise.resolve(c()).catch(() => undefined);
  await server?.stop();
  await doomed?.stop();
  process.chdir(REPO);
  removeTempDir(dir);
});

function closedStore(): ClientDataStore {
  const s = new ClientDataStore();
  void s.close();
  return s;
}

/**
 * Values no caller should pass: every kind (test/support/api-walk.ts), and the readers' own (a few a reader must
 * read exactly as Python would).
 */
function hostileValues(): Hostile[] {
  return [
    ...baseHostileValues(),
    ["'*'", '*'],
    ["'-1'", '-1'],
    ["['x', 'x']", ['x', 'x']],
    ['[lone surrogate]', ['a\uD800']],
    ['Date before year 1', new Date(-62_200_000_000_000)],
    ['PyTimestamp', PyTimestamp.parse('2026-01-01T00:00:00+00:00')],
    ['ISO text past 9999 in UTC', '9999-12-31T23:59:59.999999-05:00'],
    ['ISO text', '2026-05-09T10:11:12.345678+02:00'],
    ['a cycle in a list', [cyclicObject()]],
    ["{ onError: 'collect' } (no errors)", { onError: 'collect' }],
    ["{ onError: 'collect', errors: 5 }", { onError: 'collect', errors: 5 }],
    ["{ order: 'sideways' }", { order: 'sideways' }],
    ['{ resolvePayloads: {} }', { resolvePayloads: {} }],
    ['{ resolvePayloads: a closed store }', { resolvePayloads: closedStore() }],
    ['{ connection: "::::" }', { connection: '::::' }],
    ['{ connection: { port: 1e6 } }', { connection: { port: 1e6 } }],
    ['{ connection: { db: -1 } }', { connection: { db: -1 } }],
    ['{ client: {} }', { client: {} }],
    ['{ database: {} }', { database: {} }],
    ['{ path: a folder }', { path: tmpdir() }],
    ['{ limit: -1 }', { limit: -1 }],
    ['{ state: "x" }', { state: 'x' }],
  ];
}

/** Ids the store holds, read through an open reader (pynenc wrote them). */
interface Known {
  event: string;
  code: string;
  run: string;
  invocation: string;
  validCondition: string;
  first: string;
  last: string;
}

async function known(reader: MonitoringReader): Promise<Known> {
  const events = await reader.getEvents({ limit: 1000 });
  const stamps = events.map((e) => e.timestamp).sort();
  const runs = await reader.getTriggerRunsInRange({ startTime: '0001-01-01', endTime: '9999-12-31' });
  const run = runs.find((r) => r.triggered_invocation_id !== null && r.valid_condition_ids.length > 0) ?? runs[0]!;
  return {
    event: run.event_ids[0] ?? events[0]!.event_id,
    code: events[0]!.event_code,
    run: run.trigger_run_id,
    invocation: run.triggered_invocation_id ?? 'none',
    validCondition: run.valid_condition_ids[0] ?? 'none',
    first: stamps[0]!,
    last: stamps[stamps.length - 1]!,
  };
}

function readerMethods(r: MonitoringReader, k: Known, store: ClientDataStore): Array<[string, unknown[], Fn]> {
  const window = { startTime: k.first, endTime: k.last };
  return [
    ['getEvent', [k.event, { resolvePayloads: store }], (a, b) => r.getEvent(a as never, b as never)],
    [
      'getEvents',
      [
        { eventCode: k.code, matched: false, triggered: true, emittedByTaskId: 't', limit: 5, offset: 1, ...window },
        { onError: 'skip', resolvePayloads: store },
      ],
      (a, b) => r.getEvents(a as never, b as never),
    ],
    ['countEvents', [{ eventCode: k.code, emittedByInvocationId: 'i', ...window }], (a) => r.countEvents(a as never)],
    [
      'getEventsEmittedByInvocation',
      [k.invocation, { limit: 5, offset: 0 }, { onError: 'collect', errors: [] }],
      (a, b, c) => r.getEventsEmittedByInvocation(a as never, b as never, c as never),
    ],
    ['getEventsBatch', [[k.event, 'missing'], { order: 'oldest' }], (a, b) => r.getEventsBatch(a as never, b as never)],
    [
      'getEventMarkers',
      [
        { ...window, eventCode: k.code, state: 'triggered', limit: 5, offset: 1 },
        { order: 'newest', onError: 'skip' },
      ],
      (a, b) => r.getEventMarkers(a as never, b as never),
    ],
    ['getInvocationsTriggeredByEvent', [k.event], (a) => r.getInvocationsTriggeredByEvent(a as never)],
    ['listEventCodes', [], () => r.listEventCodes()],
    ['getTriggerRun', [k.run], (a) => r.getTriggerRun(a as never)],
    [
      'getTriggerRunsForEvent',
      [k.event, { order: 'oldest' }],
      (a, b) => r.getTriggerRunsForEvent(a as never, b as never),
    ],
    [
      'getTriggerRunsForInvocation',
      [k.invocation, { order: 'backend' }],
      (a, b) => r.getTriggerRunsForInvocation(a as never, b as never),
    ],
    [
      'getTriggerRunsSourcedByInvocation',
      [k.invocation, {}],
      (a, b) => r.getTriggerRunsSourcedByInvocation(a as never, b as never),
    ],
    [
      'getTriggerRunsForValidCondition',
      [k.validCondition, { onError: 'skip' }],
      (a, b) => r.getTriggerRunsForValidCondition(a as never, b as never),
    ],
    [
      'getTriggerRunsInRange',
      [{ ...window, eventCode: k.code, taskIdKey: 'k', limit: 3 }, { order: 'newest' }],
      (a, b) => r.getTriggerRunsInRange(a as never, b as never),
    ],
    ['getTriggerRunsBatch', [[k.run, 'missing'], {}], (a, b) => r.getTriggerRunsBatch(a as never, b as never)],
  ];
}

/** One follow() iteration step, ended by the signal within ~100 ms of its first poll. */
async function followOnce(reader: unknown, filters: unknown, options: unknown): Promise<void> {
  const stop = new AbortController();
  const opts = options !== null && typeof options === 'object' ? { ...options, signal: stop.signal } : options;
  const timer = setTimeout(() => stop.abort(), 100);
  const it = follow(reader as never, filters as never, opts as never);
  try {
    await it.next();
  } finally {
    clearTimeout(timer);
    stop.abort();
    await it.return(undefined);
  }
}

/** Readers in every state a caller can reach, with their names. */
async function readers(): Promise<Array<[string, MonitoringReader]>> {
  const track = <R extends MonitoringReader>(r: R): R => {
    cleanup.push(() => r.close());
    return r;
  };
  const sqlite = track(new SqliteMonitoringReader({ path: sqlitePath, appId: APP_ID }));
  const sqliteClosed = new SqliteMonitoringReader({ path: sqlitePath, appId: APP_ID });
  await sqliteClosed.close();
  const callerDb = new Database(sqlitePath, { readonly: true });
  const sqliteCallerClosed = track(new SqliteMonitoringReader({ database: callerDb, appId: APP_ID }));
  callerDb.close();
  // A store whose tables are dropped after the reader opened it (another process replaced the file's schema).
  const droppedPath = join(dir, 'dropped.db');
  const source = new Database(sqlitePath, { readonly: true });
  await source.backup(droppedPath);
  source.close();
  const sqliteDropped = track(new SqliteMonitoringReader({ path: droppedPath, appId: APP_ID }));
  const writer = new Database(droppedPath);
  for (const table of Object.values(sqliteTriggerTables(APP_ID))) writer.exec(`DROP TABLE "${table}"`);
  writer.close();

  const redis = track(new RedisMonitoringReader({ connection: server.url, appId: APP_ID }));
  const redisClosed = new RedisMonitoringReader({ connection: server.url, appId: APP_ID });
  await redisClosed.close();
  const redisGone = track(new RedisMonitoringReader({ connection: closedUrl, appId: APP_ID, connectTimeoutMs: 500 }));
  const redisStopped = track(
    new RedisMonitoringReader({ connection: doomed.url, appId: APP_ID, connectTimeoutMs: 500, commandTimeoutMs: 500 }),
  );
  await redisStopped.listEventCodes();
  await doomed.stop();
  const redisNoDb = track(
    new RedisMonitoringReader({ connection: `${server.url.replace(/\/\d+$/, '')}/77`, appId: APP_ID }),
  );
  const client = new Redis(server.url);
  const redisCallerClient = track(new RedisMonitoringReader({ client, appId: APP_ID }));
  client.disconnect();
  return [
    ['sqlite', sqlite],
    ['sqlite closed', sqliteClosed],
    ['sqlite, caller closed its connection', sqliteCallerClosed],
    ['sqlite, tables dropped', sqliteDropped],
    ['redis', redis],
    ['redis closed', redisClosed],
    ['redis unreachable', redisGone],
    ['redis stopped', redisStopped],
    ['redis db out of range', redisNoDb],
    ["redis, caller's client disconnected", redisCallerClient],
  ];
}

test('every monitoring export is walked (nothing new escapes the list)', () => {
  const walked = [
    'follow',
    'MonitoringFollower',
    // values, not functions
    'FOLLOW_DEFAULTS',
    'MARKER_STATES',
  ];
  expect(unwalkedExports(monitoring, walked)).toEqual([]);
  expect(Object.keys(sqliteModule).sort()).toEqual([
    'SQLITE_SCHEMA_VERSIONS',
    'SqliteMonitoringReader',
    'sqliteTriggerTables',
  ]);
  expect(Object.keys(redisModule).sort()).toEqual(['RedisMonitoringReader', 'redisTriggerKeys']);
  // The entries carry the readers as the modules define them.
  expect(sqliteEntry.SqliteMonitoringReader).toBe(SqliteMonitoringReader);
  expect(redisEntry.RedisMonitoringReader).toBe(RedisMonitoringReader);
  expect(sqliteEntry.follow).toBe(follow);
  expect(redisEntry.follow).toBe(follow);
});

test('hostile arguments to every function, constructor and method: only ContractErrors', async () => {
  const walk = new ApiWalk(hostileValues());
  const keyFns = redisTriggerKeys(APP_ID);
  const fns: Array<[string, unknown[], Fn]> = [
    ['sqliteTriggerTables', [APP_ID], (a) => sqliteTriggerTables(a as never)],
    ['redisTriggerKeys', [APP_ID], (a) => redisTriggerKeys(a as never)],
    ['redisTriggerKeys(…).event', ['e'], (a) => keyFns.event(a as never)],
    ['redisTriggerKeys(…).eventsByCode', ['c'], (a) => keyFns.eventsByCode(a as never)],
    ['redisTriggerKeys(…).eventLinks', ['e'], (a) => keyFns.eventLinks(a as never)],
    ['redisTriggerKeys(…).run', ['r'], (a) => keyFns.run(a as never)],
    ['redisTriggerKeys(…).runsForEvent', ['e'], (a) => keyFns.runsForEvent(a as never)],
    [
      'new SqliteMonitoringReader',
      [{ path: sqlitePath, appId: APP_ID, busyTimeoutMs: 100 }],
      (o) => new SqliteMonitoringReader(o as never).close(),
    ],
    [
      'new RedisMonitoringReader',
      [{ connection: server.url, appId: APP_ID, connectTimeoutMs: 500, commandTimeoutMs: 500, batchSize: 10 }],
      async (o) => {
        const r = new RedisMonitoringReader(o as never);
        try {
          await r.listEventCodes();
        } finally {
          await r.close();
        }
      },
    ],
  ];
  for (const [name, valid, fn] of fns) await walk.args(name, valid, fn);

  const store = new ClientDataStore();
  cleanup.push(() => store.close());
  const all = await readers();
  const k = await known(all[0]![1]);
  const kRedis = await known(all[4]![1]);
  for (const [state, reader] of all) {
    const ids = state.startsWith('redis') ? kRedis : k;
    for (const [name, valid, fn] of readerMethods(reader, ids, store)) {
      await walk.args(`${state}: ${name}`, valid, fn);
    }
    // follow() and MonitoringFollower: fully on the open readers, the valid call on the others.
    const filters = { eventCode: ids.code, matched: true, taskIdKey: 'k' };
    const options = { since: ids.first, intervalMs: 5, trailingMs: 10, pageSize: 3, kinds: ['event', 'run'] };
    const onOpen = state === 'sqlite' || state === 'redis';
    const followArgs = [reader, filters, { ...options, onReadError: () => 1, onUnavailable: () => 1 }];
    // follow()'s options replaced whole by undefined or an object would poll on defaults (no signal, from now)
    // forever: those go field by field.
    const notAnObject = (p: number, v: unknown): boolean =>
      p !== 2 || v === null || !['object', 'undefined'].includes(typeof v);
    if (onOpen) {
      await walk.args(`${state}: follow`, followArgs, followOnce as Fn, { wholeArg: notAnObject });
      await walk.args(
        `${state}: MonitoringFollower.poll`,
        [reader, filters, { ...options, clock: () => Date.now() }],
        (r, f, o) => new MonitoringFollower(r as never, f as never, o as never).poll(),
      );
    } else {
      await walk.call(`${state}: follow`, () => followOnce(...(followArgs as [unknown, unknown, unknown])));
      await walk.call(`${state}: poll`, () => new MonitoringFollower(reader, filters, options as never).poll());
    }
    await walk.call(`${state}: close()`, () => reader.close());
    await walk.call(`${state} closed: getEvents`, () => reader.getEvents({ limit: 3 }));
  }
  expect(walk.calls).toBeGreaterThan(35_000); // 42,550 (41,272 when written, before the shared harness)
  expect(walk.summary()).toEqual([]);
});
