/**
 * SqliteMonitoringReader against the real pynenc: pynenc's SQLiteTrigger writes a seeded data set into a file,
 * answers a grid of queries with its own methods, and the reader must give the same answers on the same file.
 */
import { join } from 'node:path';
import { SqliteMonitoringReader } from '../../src/monitoring/sqlite-reader';
import { ClientDataStore } from '../../src/datastore/client-data-store';
import { SqliteStore } from '../../src/datastore/sqlite-store';
import { compareAll, comparePayloads, seedAndQuery, type SeedReply } from '../support/monitoring-oracle';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

const APP_ID = 'mon-sqlite.app';
let dir: string;
let path: string;
let reply: SeedReply;
let reader: SqliteMonitoringReader;

beforeAll(() => {
  dir = makeTempDir('mon-sqlite-');
  path = join(dir, 'pynenc.db');
  reply = seedAndQuery({ backend: 'sqlite', path }, { app_id: APP_ID, seed: 11, events: 1500, runs: 250, emits: 15 });
  reader = new SqliteMonitoringReader({ path, appId: APP_ID });
}, 300_000);

afterAll(async () => {
  await reader?.close();
  removeTempDir(dir);
});

test('the oracle wrote the data set it was asked for', () => {
  expect(reply.info.events).toBe(1515);
  expect(reply.info.runs).toBe(250);
  expect(reply.queries.length).toBeGreaterThan(300);
});

test('every method over the grid of filters answers what pynenc answers', async () => {
  const { byMethod } = await compareAll(reader, reply);
  expect([...byMethod.keys()].sort()).toEqual(
    [
      'count_events',
      'get_event',
      'get_event_markers_in_timerange',
      'get_events',
      'get_events_batch',
      'get_events_emitted_by_invocation',
      'get_invocations_triggered_by_event',
      'get_trigger_run',
      'get_trigger_runs_batch',
      'get_trigger_runs_for_event',
      'get_trigger_runs_for_invocation',
      'get_trigger_runs_for_valid_condition',
      'get_trigger_runs_in_timerange',
      'get_trigger_runs_sourced_by_invocation',
      'list_event_codes',
    ].sort(),
  );
  for (const [method, { ts, py }] of byMethod) {
    expect({ method, answers: ts }).toEqual({ method, answers: py });
  }
}, 60_000);

test('resolvePayloads: values from the SQLite client data store, one read per call, to_json again', async () => {
  const store = new ClientDataStore({ backend: new SqliteStore({ path, appId: APP_ID }) });
  try {
    const result = await comparePayloads(reader, reply, store);
    expect(result.mismatches.slice(0, 3)).toEqual([]);
    expect(result.calls).toBeGreaterThan(50);
    expect(result.maxGetsPerCall).toBe(1);
    expect(result.resolvedBlobs).toBeGreaterThan(10);
  } finally {
    await store.backend.close();
  }
}, 60_000);
