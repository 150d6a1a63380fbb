/**
 * Faults: corrupt rows (onError throw / skip / collect), a dangling payload reference, a store of another schema,
 * SQLite busy, Redis stopped mid-call and hung. pynenc writes the data; the faults are made by hand afterwards.
 */
import Database from 'better-sqlite3';
import Redis from 'ioredis';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientDataStore } from '../../src/datastore/client-data-store';
import { MissingReferenceError } from '../../src/datastore/errors';
import { SqliteStore } from '../../src/datastore/sqlite-store';
import {
  MonitoringClosedError,
  MonitoringQueryError,
  MonitoringRowError,
  MonitoringSchemaError,
  MonitoringUnavailableError,
} from '../../src/monitoring/errors';
import { RedisMonitoringReader, redisTriggerKeys } from '../../src/monitoring/redis-reader';
import { SqliteMonitoringReader, sqliteTriggerTables } from '../../src/monitoring/sqlite-reader';
import type { MonitoringReader, MonitoringReadError } from '../../src/monitoring/types';
import { PythonJsonSyntaxError } from '../../src/pyjson';
import { ContractValidationError } from '../../src/validation';
import { runOracle } from '../support/pynenc-python';
import { pythonQuery, replay, type OracleQuery } from '../support/monitoring-oracle';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

const APP_ID = 'mon-faults';
const WRITE = { op: 'write', app_id: APP_ID, seed: 41, events: 60, runs: 20, emits: 0 };
const DANGLING = `__pynenc__client_data__:${'0'.repeat(64)}`;
let dir: string;
let pristine: string;

beforeAll(() => {
  dir = makeTempDir('mon-faults-');
  pristine = join(dir, 'pristine.db');
  runOracle('monitoring_oracle.py', { ...WRITE, backend: 'sqlite', path: pristine }, { timeoutMs: 120_000 });
}, 120_000);

afterAll(() => removeTempDir(dir));

function copy(name: string): string {
  const path = join(dir, name);
  const db = new Database(pristine);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  copyFileSync(pristine, path);
  return path;
}

/** onError throw / skip / collect on a list that holds bad rows `badIds` among good ones. */
async function checkOnError(
  reader: MonitoringReader,
  badIds: string[],
  location: (id: string) => string,
  causes: Array<new (...args: never[]) => Error>,
  messages: RegExp[] = [],
): Promise<void> {
  const all = await reader.getEvents({ limit: 1000 }, { onError: 'skip' });
  expect(all).toHaveLength(60 - badIds.length);
  expect(all.map((r) => r.event_id)).not.toEqual(expect.arrayContaining(badIds.slice(0, 1)));
  const thrown = await reader.getEvents({ limit: 1000 }).catch((e: unknown) => e);
  expect(thrown).toBeInstanceOf(MonitoringRowError);
  const row = thrown as MonitoringRowError;
  expect(row.code).toBe('MONITORING_CORRUPT_ROW');
  expect(row.backend).toBe(reader.backend);
  expect(badIds).toContain(row.id);
  expect(row.location).toBe(location(row.id!));
  expect(row.message).toContain(row.id);
  const errors: MonitoringReadError[] = [];
  const collected = await reader.getEvents({ limit: 1000 }, { onError: 'collect', errors });
  expect(collected).toHaveLength(60 - badIds.length);
  expect(errors.map((e) => e.id).sort()).toEqual([...badIds].sort());
  expect(errors.map((e) => (e as MonitoringRowError).cause?.constructor)).toEqual(expect.arrayContaining(causes));
  for (const m of messages) expect(errors.some((e) => m.test(e.message))).toBe(true);
  // the good rows are still readable one by one, the bad ones throw the same typed error
  await expect(reader.getEvent(badIds[0]!)).rejects.toBeInstanceOf(MonitoringRowError);
}

describe('SQLite', () => {
  test('corrupt rows: bad JSON, a contract violation; onError throw / skip / collect', async () => {
    const path = copy('corrupt.db');
    const t = sqliteTriggerTables(APP_ID);
    const db = new Database(path);
    const ids = (
      db.prepare(`SELECT event_id FROM ${t.EVENTS} ORDER BY event_id LIMIT 2`).all() as Array<{ event_id: string }>
    ).map((r) => r.event_id);
    db.prepare(`UPDATE ${t.EVENTS} SET event_json = ? WHERE event_id = ?`).run('{"event_id": "x", oops', ids[0]);
    db.prepare(`UPDATE ${t.EVENTS} SET event_json = json_set(event_json, '$.event_code', 5) WHERE event_id = ?`).run(
      ids[1],
    );
    const run = db.prepare(`SELECT trigger_run_id FROM ${t.TRIGGER_RUNS} LIMIT 1`).get() as { trigger_run_id: string };
    db.prepare(`UPDATE ${t.TRIGGER_RUNS} SET trigger_run_json = '[]' WHERE trigger_run_id = ?`).run(run.trigger_run_id);
    db.close();
    const reader = new SqliteMonitoringReader({ path, appId: APP_ID });
    try {
      await checkOnError(reader, ids, () => t.EVENTS, [PythonJsonSyntaxError, ContractValidationError]);
      const err = (await reader.getTriggerRun(run.trigger_run_id).catch((e: unknown) => e)) as MonitoringRowError;
      expect(err).toBeInstanceOf(MonitoringRowError);
      expect([err.backend, err.location, err.id, err.dto]).toEqual([
        'sqlite',
        t.TRIGGER_RUNS,
        run.trigger_run_id,
        'TriggerRunRecord',
      ]);
      const errors: MonitoringReadError[] = [];
      const runs = await reader.getTriggerRunsBatch([run.trigger_run_id, 'missing'], { onError: 'collect', errors });
      expect([...runs.entries()]).toEqual([['missing', null]]);
      expect(errors.map((e) => e.id)).toEqual([run.trigger_run_id]);
    } finally {
      await reader.close();
    }
  });

  test('a dangling payload reference is a typed row error with resolvePayloads, wire text without', async () => {
    const path = copy('dangling.db');
    const t = sqliteTriggerTables(APP_ID);
    const db = new Database(path);
    const { event_id: id } = db.prepare(`SELECT event_id FROM ${t.EVENTS} ORDER BY event_id LIMIT 1`).get() as {
      event_id: string;
    };
    db.prepare(`UPDATE ${t.EVENTS} SET event_json = json_set(event_json, '$.payload.n', ?) WHERE event_id = ?`).run(
      DANGLING,
      id,
    );
    db.close();
    const reader = new SqliteMonitoringReader({ path, appId: APP_ID });
    const store = new ClientDataStore({ backend: new SqliteStore({ path, appId: APP_ID }) });
    try {
      expect((await reader.getEvent(id))!.payload.n).toBe(DANGLING);
      const err = (await reader
        .getEvent(id, { resolvePayloads: store })
        .catch((e: unknown) => e)) as MonitoringRowError;
      expect(err).toBeInstanceOf(MonitoringRowError);
      expect(err.cause).toBeInstanceOf(MissingReferenceError);
      expect([err.backend, err.location, err.id]).toEqual(['sqlite', t.EVENTS, id]);
      const errors: MonitoringReadError[] = [];
      const page = await reader.getEvents({ limit: 1000 }, { resolvePayloads: store, onError: 'collect', errors });
      expect(page).toHaveLength(59);
      expect(errors.map((e) => e.id)).toEqual([id]);
    } finally {
      await reader.close();
      await store.backend.close();
    }
  });

  test('a store of another schema is refused: unknown schema_version, missing table, another app_id', () => {
    const path = copy('schema.db');
    const t = sqliteTriggerTables(APP_ID);
    expect(() => new SqliteMonitoringReader({ path, appId: 'another-app' })).toThrow(MonitoringSchemaError);
    const db = new Database(path);
    db.prepare(`UPDATE ${t.SCHEMA_VERSION} SET value = 4 WHERE key = 'version'`).run();
    const err = (() => {
      try {
        new SqliteMonitoringReader({ path, appId: APP_ID });
      } catch (e) {
        return e as MonitoringSchemaError;
      }
    })();
    expect(err).toBeInstanceOf(MonitoringSchemaError);
    expect(err!.code).toBe('MONITORING_UNSUPPORTED_SCHEMA');
    expect(err!.location).toBe(t.SCHEMA_VERSION);
    expect(err!.message).toContain('version 4');
    db.prepare(`UPDATE ${t.SCHEMA_VERSION} SET value = 3 WHERE key = 'version'`).run();
    expect(() => new SqliteMonitoringReader({ path, appId: APP_ID }).close()).not.toThrow();
    db.exec(`DROP TABLE ${t.TRIGGER_RUN_CONDITIONS}`);
    db.close();
    expect(() => new SqliteMonitoringReader({ path, appId: APP_ID })).toThrow(/_trigger_run_conditions/);
  });

  test('busy: an exclusive lock held elsewhere gives a typed error after the busy timeout, then reads resume', async () => {
    const path = copy('busy.db');
    // A WAL database lets readers through any writer; a rollback-journal one (or a WAL checkpoint/recovery) does not.
    const convert = new Database(path);
    convert.pragma('journal_mode = DELETE');
    convert.close();
    const reader = new SqliteMonitoringReader({ path, appId: APP_ID, busyTimeoutMs: 300 });
    const holder = new Database(path);
    try {
      expect(await reader.countEvents()).toBe(60);
      holder.exec('BEGIN EXCLUSIVE');
      holder.exec(`UPDATE ${sqliteTriggerTables(APP_ID).EVENTS} SET event_code = event_code`);
      const started = Date.now();
      const err = (await reader.countEvents().catch((e: unknown) => e)) as MonitoringUnavailableError;
      const waited = Date.now() - started;
      expect(err).toBeInstanceOf(MonitoringUnavailableError);
      expect([err.code, err.reason, err.backend]).toEqual(['MONITORING_UNAVAILABLE', 'busy', 'sqlite']);
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(5000);
      holder.exec('COMMIT');
      expect(await reader.countEvents()).toBe(60);
    } finally {
      holder.close();
      await reader.close();
    }
  });

  test('arguments pynenc would misread are refused with MonitoringQueryError', async () => {
    const reader = new SqliteMonitoringReader({ path: copy('args.db'), appId: APP_ID });
    const window = { startTime: '2026-01-01T00:00:00+00:00', endTime: '2026-01-02T00:00:00+00:00' };
    try {
      const cases: Array<[string, () => Promise<unknown>]> = [
        ['limit', () => reader.getEvents({ limit: -1 })],
        ['offset', () => reader.getEvents({ offset: 1.5 })],
        ['state', () => reader.getEventMarkers({ ...window, state: 'everything' as never })],
        ['startTime', () => reader.countEvents({ startTime: 'yesterday' })],
        ['endTime', () => reader.getEventMarkers({ ...window, endTime: new Date(Number.NaN) })],
        ['order', () => reader.getTriggerRunsForEvent('x', { order: 'random' as never })],
        ['onError', () => reader.getEvents({}, { onError: 'ignore' as never })],
        ['errors', () => reader.getEvents({}, { onError: 'collect' } as never)],
        ['matched', () => reader.getEvents({ matched: 'yes' as never })],
      ];
      for (const [argument, call] of cases) {
        const err = (await call().catch((e: unknown) => e)) as MonitoringQueryError;
        expect([argument, err]).toEqual([argument, expect.any(MonitoringQueryError)]);
        expect([argument, err.argument, err.code]).toEqual([argument, argument, 'MONITORING_BAD_QUERY']);
      }
      await reader.close();
      await expect(reader.countEvents()).rejects.toBeInstanceOf(MonitoringClosedError);
    } finally {
      await reader.close();
    }
  });

  test('read-only: the reader never writes (a write through its handle fails)', () => {
    const path = copy('readonly.db');
    const db = new Database(path, { readonly: true, fileMustExist: true });
    const reader = new SqliteMonitoringReader({ database: db, appId: APP_ID });
    expect(() => db.exec(`DELETE FROM ${sqliteTriggerTables(APP_ID).EVENTS}`)).toThrow(/readonly/);
    void reader.close();
    expect(db.open).toBe(true);
    db.close();
    expect(() => new SqliteMonitoringReader({ path: join(dir, 'nope.db'), appId: APP_ID })).toThrow(
      MonitoringUnavailableError,
    );
  });
});

describe('Redis', () => {
  let server: RedisServer;
  let raw: Redis;
  const keys = redisTriggerKeys(APP_ID);

  beforeAll(async () => {
    server = await startRedisServer();
    runOracle('monitoring_oracle.py', { ...WRITE, backend: 'redis', redis_url: server.url }, { timeoutMs: 120_000 });
    raw = new Redis(server.url);
  }, 120_000);

  afterAll(async () => {
    raw?.disconnect();
    await server?.stop();
  });

  test('corrupt keys: bad JSON, bytes not UTF-8, a contract violation; onError throw / skip / collect', async () => {
    const ids = (await raw.zrange(keys.eventsByTime, 0, -1)).sort().slice(0, 3);
    const originals = await raw.mgetBuffer(...ids.map((id) => keys.event(id)));
    await raw.set(keys.event(ids[0]!), '{"event_id": oops');
    await raw.set(keys.event(ids[1]!), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const good = JSON.parse((await raw.get(keys.event(ids[2]!)))!) as Record<string, unknown>;
    await raw.set(keys.event(ids[2]!), JSON.stringify({ ...good, matched_condition_ids: 'nope' }));
    const reader = new RedisMonitoringReader({ connection: server.url, appId: APP_ID });
    try {
      await checkOnError(
        reader,
        ids,
        (id) => keys.event(id),
        [PythonJsonSyntaxError, ContractValidationError],
        [/not valid UTF-8/],
      );
      const page = await reader.getEventMarkers(
        { startTime: '2000-01-01', endTime: '2100-01-01', state: 'matched' },
        { onError: 'skip' },
      );
      expect(page.total).toBe(page.markers.length);
      await expect(
        reader.getEventMarkers({ startTime: '2000-01-01', endTime: '2100-01-01', state: 'matched' }),
      ).rejects.toBeInstanceOf(MonitoringRowError);
    } finally {
      await reader.close();
      await raw.mset(...ids.flatMap((id, i) => [keys.event(id), originals[i]!]));
    }
  });

  test('index entries whose record is gone are skipped as pynenc_redis skips them (answers compared)', async () => {
    const ids = (await raw.zrange(keys.eventsByTime, 0, -1)).sort().slice(10, 13);
    const originals = await raw.mgetBuffer(...ids.map((id) => keys.event(id)));
    await raw.del(...ids.map((id) => keys.event(id)));
    const reader = new RedisMonitoringReader({ connection: server.url, appId: APP_ID, batchSize: 7 });
    try {
      const window = ['2000-01-01T00:00:00+00:00', '2100-01-01T00:00:00+00:00'];
      const queries: OracleQuery[] = [
        { id: 'a', method: 'get_events', args: [], kwargs: { limit: 1000 } },
        { id: 'b', method: 'get_events', args: [], kwargs: { limit: 5, offset: 8 } },
        { id: 'c', method: 'count_events', args: [], kwargs: {} },
        { id: 'd', method: 'get_event_markers_in_timerange', args: window, kwargs: {} },
        { id: 'e', method: 'get_event_markers_in_timerange', args: window, kwargs: { limit: 9, offset: 20 } },
        { id: 'f', method: 'get_events_batch', args: [ids], kwargs: {} },
      ];
      const py = pythonQuery({ backend: 'redis', redis_url: server.url }, APP_ID, queries);
      for (const q of queries) {
        expect({ id: q.id, answer: await replay(reader, q) }).toEqual({
          id: q.id,
          answer: (py[q.id] as { ok: unknown }).ok,
        });
      }
      expect(await reader.countEvents()).toBe(57);
    } finally {
      await reader.close();
      await raw.mset(...ids.flatMap((id, i) => [keys.event(id), originals[i]!]));
    }
  });

  test('server stopped mid-call: typed error; hung server: timeout; the reader works again afterwards', async () => {
    const reader = new RedisMonitoringReader({
      connection: server.url,
      appId: APP_ID,
      commandTimeoutMs: 400,
      batchSize: 5,
    });
    try {
      expect(await reader.listEventCodes()).not.toHaveLength(0);
      server.pause();
      const hung = (await reader.countEvents().catch((e: unknown) => e)) as MonitoringUnavailableError;
      expect(hung).toBeInstanceOf(MonitoringUnavailableError);
      expect(hung.reason).toBe('timeout');
      server.resume();
      expect(await reader.countEvents()).toBe(60);

      const port = server.port;
      const pending = reader.getEvents({ limit: 1000 }, { onError: 'skip' }).catch((e: unknown) => e);
      await server.kill();
      const lost = (await pending) as MonitoringUnavailableError | unknown[];
      if (!Array.isArray(lost)) {
        expect(lost).toBeInstanceOf(MonitoringUnavailableError);
        expect(['lost', 'refused']).toContain((lost as MonitoringUnavailableError).reason);
      }
      const refused = (await reader.countEvents().catch((e: unknown) => e)) as MonitoringUnavailableError;
      expect(refused).toBeInstanceOf(MonitoringUnavailableError);
      expect(refused.reason).toBe('refused');
      expect(refused.backend).toBe('redis');
      await server.stop();
      server = await startRedisServer({ port });
      raw.disconnect();
      raw = new Redis(server.url);
      await raw.zadd(keys.eventsByTime, 1, 'e1');
      await raw.sadd(keys.eventCodes, 'back');
      expect(await reader.listEventCodes()).toEqual(['back']);
    } finally {
      await reader.close();
    }
  }, 60_000);
});

test('a Redis without SORT_RO (before 7.0): the run sets are read with SMEMBERS and MGET, same runs', async () => {
  const modern = await startRedisServer();
  const old = await startRedisServer({ args: ['--rename-command', 'SORT_RO', ''] });
  const readers: RedisMonitoringReader[] = [];
  try {
    for (const server of [modern, old]) {
      runOracle('monitoring_oracle.py', { ...WRITE, backend: 'redis', redis_url: server.url }, { timeoutMs: 120_000 });
      readers.push(new RedisMonitoringReader({ connection: server.url, appId: APP_ID }));
    }
    const [a, b] = readers as [RedisMonitoringReader, RedisMonitoringReader];
    const ids = Array.from({ length: 60 }, (_, i) => `evt-41-${String(i).padStart(5, '0')}`);
    let runs = 0;
    for (const id of ids) {
      const [x, y] = await Promise.all([
        a.getTriggerRunsForEvent(id, { order: 'oldest' }),
        b.getTriggerRunsForEvent(id, { order: 'oldest' }),
      ]);
      expect(y).toEqual(x);
      runs += x.length;
    }
    expect(runs).toBeGreaterThan(10);
    expect((a as unknown as { sortRo?: boolean }).sortRo).toBe(true);
    expect((b as unknown as { sortRo?: boolean }).sortRo).toBe(false);
  } finally {
    for (const r of readers) await r.close();
    await modern.stop();
    await old.stop();
  }
}, 60_000);
