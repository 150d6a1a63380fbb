/**
 * A reader beside a live pynenc writer (SQLite, WAL): pynenc's SQLiteTrigger stores events (each matched one a
 * second time, as emit_event does), links and runs in another process while the reader reads. Every event the
 * writer reported committed before a read began is in that read, every row read is whole (throw mode: one torn
 * row fails the test), and each call sees one snapshot (a marker page's total equals its markers).
 */
import { join } from 'node:path';
import { SqliteMonitoringReader } from '../../src/monitoring/sqlite-reader';
import { runOracle, spawnOracle } from '../support/pynenc-python';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

const APP_ID = 'mon-live';
let dir: string;

beforeAll(() => {
  dir = makeTempDir('mon-live-');
});
afterAll(() => removeTempDir(dir));

test('reads while pynenc writes: nothing missed, nothing torn, one snapshot per call', async () => {
  const path = join(dir, 'pynenc.db');
  // Tables first (an empty data set), so the reader can open while the writer runs.
  runOracle('monitoring_oracle.py', {
    op: 'write',
    backend: 'sqlite',
    path,
    app_id: APP_ID,
    seed: 1,
    events: 0,
    runs: 0,
  });
  const reader = new SqliteMonitoringReader({ path, appId: APP_ID, busyTimeoutMs: 10_000 });
  const BATCHES = 40;
  const BATCH = 10;
  const writer = spawnOracle('monitoring_oracle.py');
  const committed = new Set<string>();
  let stderr = '';
  let pendingLine = '';
  writer.stderr.on('data', (d: Buffer) => {
    const text = pendingLine + d.toString('utf8');
    const lines = text.split('\n');
    pendingLine = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('batch ')) for (const id of line.split(' ').slice(2)) committed.add(id);
      else stderr += `${line}\n`;
    }
  });
  const exited = new Promise<number | null>((resolve) => writer.once('exit', resolve));
  let running = true;
  void exited.then(() => (running = false));
  writer.stdin.end(
    JSON.stringify({ op: 'writer', backend: 'sqlite', path, app_id: APP_ID, seed: 2, batches: BATCHES, batch: BATCH }),
  );

  let reads = 0;
  let sawPartial = false;
  const problems: string[] = [];
  try {
    while (running) {
      // better-sqlite3 is synchronous: give the event loop a turn (the writer's output, its exit).
      await new Promise((resolve) => setTimeout(resolve, 5));
      const before = new Set(committed);
      const events = await reader.getEvents({ limit: 100_000 });
      const ids = new Set(events.map((e) => e.event_id));
      for (const id of before) if (!ids.has(id)) problems.push(`read ${reads}: committed ${id} missing`);
      if (ids.size !== events.length) problems.push(`read ${reads}: an event listed twice`);
      const page = await reader.getEventMarkers({ startTime: '2000-01-01', endTime: '2100-01-01', limit: 100_000 });
      if (page.total !== page.markers.length)
        problems.push(`read ${reads}: total ${page.total} ≠ ${page.markers.length} markers`);
      if (page.total < before.size) problems.push(`read ${reads}: total ${page.total} < ${before.size} committed`);
      const runs = await reader.getTriggerRunsInRange({ startTime: '2000-01-01', endTime: '2100-01-01' });
      for (const run of runs) await reader.getTriggerRunsForEvent(run.event_ids[0] ?? 'none');
      if (events.length > 0 && events.length < BATCHES * BATCH) sawPartial = true;
      reads++;
    }
  } finally {
    await reader.close();
  }
  expect(await exited).toBe(0);
  expect(problems.slice(0, 5)).toEqual([]);
  expect(committed.size).toBe(BATCHES * BATCH);
  expect(reads).toBeGreaterThan(5);
  expect(sawPartial).toBe(true); // the reads really overlapped the writes
  const after = new SqliteMonitoringReader({ path, appId: APP_ID });
  try {
    expect(await after.countEvents()).toBe(BATCHES * BATCH);
    expect(await after.countEvents({ matched: false })).toBe(0); // every event's second (matched) write is seen
  } finally {
    await after.close();
  }
  expect(stderr).not.toMatch(/Traceback/);
}, 120_000);
