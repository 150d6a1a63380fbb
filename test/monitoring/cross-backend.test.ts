/**
 * One answer on both backends: pynenc writes the same seeded data set (same ids, same timestamps) into a SQLite
 * file and a redis-server; with `order: 'oldest' | 'newest'` the two readers agree where pynenc's backends do not
 * (marker pages of a busy window, the order of trigger runs).
 */
import { join } from 'node:path';
import { RedisMonitoringReader } from '../../src/monitoring/redis-reader';
import { SqliteMonitoringReader } from '../../src/monitoring/sqlite-reader';
import type { MonitoringReader } from '../../src/monitoring/types';
import { PyTimestamp } from '../../src/timestamps';
import { runOracle } from '../support/pynenc-python';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { replay, type OracleQuery } from '../support/monitoring-oracle';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

const APP_ID = 'mon-cross';
const SEED = { op: 'write', with_queries: true, app_id: APP_ID, seed: 31, events: 600, runs: 150, emits: 0 };
let dir: string;
let server: RedisServer;
let sqlite: SqliteMonitoringReader;
let redis: RedisMonitoringReader;
let queries: OracleQuery[];

beforeAll(async () => {
  dir = makeTempDir('mon-cross-');
  server = await startRedisServer();
  const path = join(dir, 'pynenc.db');
  queries = runOracle<{ queries: OracleQuery[] }>(
    'monitoring_oracle.py',
    { ...SEED, backend: 'sqlite', path },
    { timeoutMs: 300_000 },
  ).queries;
  runOracle('monitoring_oracle.py', { ...SEED, backend: 'redis', redis_url: server.url }, { timeoutMs: 300_000 });
  sqlite = new SqliteMonitoringReader({ path, appId: APP_ID });
  redis = new RedisMonitoringReader({ connection: server.url, appId: APP_ID });
}, 300_000);

afterAll(async () => {
  await sqlite?.close();
  await redis?.close();
  await server?.stop();
  removeTempDir(dir);
});

type Page = { markers: Array<{ timestamp: string }> };

async function both(q: OracleQuery, order?: 'oldest' | 'newest') {
  return Promise.all([replay(sqlite as MonitoringReader, q, order), replay(redis as MonitoringReader, q, order)]);
}

test('marker pages: the backends differ by default on a busy window, agree with an explicit order', async () => {
  const markerQueries = queries.filter((q) => q.method === 'get_event_markers_in_timerange');
  expect(markerQueries.length).toBeGreaterThan(50);
  let differ = 0;
  for (const q of markerQueries) {
    const [s, r] = await both(q);
    if (JSON.stringify(s) !== JSON.stringify(r)) differ++;
    for (const order of ['oldest', 'newest'] as const) {
      const [so, ro] = (await both(q, order)) as [Page, Page];
      // SQLite's marker timestamp is rebuilt from the REAL column (+00:00); Redis keeps the record's offset.
      const instant = (page: Page) => ({
        ...page,
        markers: page.markers.map((m) => ({ ...m, timestamp: PyTimestamp.parse(m.timestamp).toUtc().toString() })),
      });
      expect({ id: q.id, order, page: instant(ro) }).toEqual({ id: q.id, order, page: instant(so) });
    }
  }
  expect(differ).toBeGreaterThan(0); // the grid has busy windows where pynenc's backends disagree
}, 60_000);

test('trigger runs: with an explicit order both backends list the same runs in the same order', async () => {
  const methods = new Set([
    'get_trigger_runs_for_event',
    'get_trigger_runs_for_invocation',
    'get_trigger_runs_sourced_by_invocation',
    'get_trigger_runs_in_timerange',
  ]);
  const runQueries = queries.filter((q) => methods.has(q.method));
  expect(runQueries.length).toBeGreaterThan(30);
  // With an explicit order a time window holds the runs by executed_at on both backends (docs/monitoring.md).
  for (const q of runQueries) {
    for (const order of ['oldest', 'newest'] as const) {
      const [s, r] = await both(q, order);
      expect({ id: q.id, order, runs: r }).toEqual({ id: q.id, order, runs: s });
    }
  }
}, 60_000);

test('arguments: both readers accept and refuse the same values (one check, src/monitoring/common.ts)', async () => {
  const MIN = '0001-01-01T00:00:00+00:00';
  const MAX = '9999-12-31T23:59:59.999999+00:00';
  type Call = (reader: MonitoringReader) => Promise<unknown>;
  const hostile = (value: unknown) => value as never;
  const sortedIds = async (runs: Promise<Array<{ trigger_run_id: string }>>) =>
    (await runs).map((run) => run.trigger_run_id).sort();
  const calls: Array<[string, Call]> = [
    ['markers without startTime', (reader) => reader.getEventMarkers(hostile({ endTime: MAX }))],
    ['markers without endTime', (reader) => reader.getEventMarkers(hostile({ startTime: MIN }))],
    ['markers, startTime null', (reader) => reader.getEventMarkers(hostile({ startTime: null, endTime: MAX }))],
    [
      'markers, unknown state',
      (reader) => reader.getEventMarkers(hostile({ startTime: MIN, endTime: MAX, state: 'x' })),
    ],
    ['runs in range without startTime', (reader) => reader.getTriggerRunsInRange(hostile({ endTime: MAX }))],
    [
      'runs in range, limit null (no limit)',
      (reader) =>
        sortedIds(
          reader.getTriggerRunsInRange(hostile({ startTime: MIN, endTime: MAX, limit: null }), { order: 'oldest' }),
        ),
    ],
    ['runs in range, limit -1', (reader) => reader.getTriggerRunsInRange({ startTime: MIN, endTime: MAX, limit: -1 })],
    ['events, limit 1.5', (reader) => reader.getEvents({ limit: 1.5 })],
    ['events, eventCode 5', (reader) => reader.getEvents(hostile({ eventCode: 5 }))],
    ['events, startTime unreadable', (reader) => reader.getEvents({ startTime: 'not a time' })],
    ['events, collect without errors', (reader) => reader.getEvents({}, hostile({ onError: 'collect' }))],
    ['count, matched "yes"', (reader) => reader.countEvents(hostile({ matched: 'yes' }))],
    [
      'count, filters null',
      (reader) => reader.countEvents(hostile({ eventCode: null, matched: null, startTime: null, endTime: null })),
    ],
    ['count, a window', (reader) => reader.countEvents({ startTime: MIN, endTime: '2026-01-01T00:20:00+00:00' })],
    ['events batch of a string', (reader) => reader.getEventsBatch(hostile('evt'))],
    ['runs batch, a lone surrogate', (reader) => reader.getTriggerRunsBatch(['run', '\ud800'])],
    [
      'runs for event, order sideways',
      (reader) => reader.getTriggerRunsForEvent('evt', hostile({ order: 'sideways' })),
    ],
    ['runs for event, options an array', (reader) => reader.getTriggerRunsForEvent('evt', hostile([]))],
  ];
  const outcome = async (reader: MonitoringReader, call: Call) => {
    try {
      return { answer: await call(reader) };
    } catch (err) {
      return { error: (err as { code?: string }).code, argument: (err as { argument?: string }).argument };
    }
  };
  let refused = 0;
  for (const [name, call] of calls) {
    const onSqlite = await outcome(sqlite, call);
    expect([name, await outcome(redis, call)]).toEqual([name, onSqlite]);
    if ('error' in onSqlite) {
      expect([name, onSqlite.error]).toEqual([name, 'MONITORING_BAD_QUERY']);
      refused++;
    }
  }
  expect(refused).toBe(calls.length - 3);
});
