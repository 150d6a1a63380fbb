/**
 * follow() beside a live pynenc writer: scripts/python/follow_writer.py (the venv's pynenc: emit_event with
 * registered triggers, trigger-loop iterations that store runs and then link them) writes into a store while
 * follow() reads it through a real reader. Afterwards pynenc's own reads say what the store holds; follow() must
 * have yielded every event and run exactly once as new, each later change as an update, and ended on the
 * final text of every record, with nothing torn on the way (every text it yielded is one pynenc wrote).
 * On a SQLite file (WAL) and on a redis-server the test starts.
 */
import { join } from 'node:path';
import type { EventRecord } from '../../src';
import { follow, type FollowItem } from '../../src/monitoring/follow';
import { RedisMonitoringReader } from '../../src/monitoring/redis-reader';
import { SqliteMonitoringReader } from '../../src/monitoring/sqlite-reader';
import type { MonitoringReader } from '../../src/monitoring/types';
import { PyTimestamp } from '../../src/timestamps/pytimestamp';
import { runOracle, spawnOracle } from '../support/pynenc-python';
import { startRedisServer } from '../support/redis-server';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(180_000);

const APP_ID = 'follow.live';
const TRAILING_MS = 200;

interface WriterAnswer {
  order: string[];
  events: Record<string, string>;
  runs: Record<string, string>;
}

type Target = { backend: 'sqlite'; path: string } | { backend: 'redis'; redis_url: string };

/** Starts the writer; resolves with pynenc's final answer when it exits. */
function startWriter(target: Target): Promise<WriterAnswer> {
  const child = spawnOracle('follow_writer.py');
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  child.stdin.end(
    JSON.stringify({
      op: 'write',
      ...target,
      app_id: APP_ID,
      seed: 7,
      rounds: 40,
      per_round: 6,
      loop_every: 8,
      pause_ms: 40,
    }),
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as WriterAnswer) : reject(new Error(`writer exit ${code}: ${err}`)),
    );
  });
}

async function followWhileWriting(
  reader: MonitoringReader,
  target: Target,
): Promise<{ items: FollowItem[]; python: WriterAnswer }> {
  const items: FollowItem[] = [];
  const controller = new AbortController();
  const since = new Date(Date.now() - 1000);
  const following = (async () => {
    for await (const item of follow(
      reader,
      {},
      { since, intervalMs: 20, trailingMs: TRAILING_MS, signal: controller.signal },
    )) {
      items.push(item);
    }
  })();
  let python: WriterAnswer;
  try {
    python = await startWriter(target);
    await new Promise((r) => setTimeout(r, 1000)); // a few more polls after the last write
  } finally {
    controller.abort();
    await following;
  }
  return { items, python };
}

function check(items: FollowItem[], python: WriterAnswer): void {
  const lastText = new Map<string, string>();
  const newCount = new Map<string, number>();
  let eventUpdates = 0;
  for (const item of items) {
    const id = item.kind === 'event' ? item.record.event_id : item.record.trigger_run_id;
    const key = `${item.kind}:${id}`;
    if (item.change === 'new') newCount.set(key, (newCount.get(key) ?? 0) + 1);
    else {
      expect(lastText.has(key) || item.kind === 'event').toBe(true);
      expect(item.json).not.toBe(lastText.get(key));
      if (item.kind === 'event') eventUpdates++;
    }
    lastText.set(key, item.json);
    if (item.kind === 'event') notTorn(item.record, python.events[item.record.event_id]!);
    else expect(item.json).toBe(python.runs[item.record.trigger_run_id]);
  }
  const eventIds = Object.keys(python.events);
  const runIds = Object.keys(python.runs);
  expect(eventIds).toHaveLength(python.order.length);
  expect(runIds.length).toBeGreaterThan(0);
  // every record exactly once as new, and nothing else as new
  expect([...newCount.keys()].sort()).toEqual(
    [...eventIds.map((id) => `event:${id}`), ...runIds.map((id) => `run:${id}`)].sort(),
  );
  expect([...newCount.values()].every((n) => n === 1)).toBe(true);
  // the last text yielded is pynenc's final text
  for (const id of eventIds) expect(lastText.get(`event:${id}`)).toBe(python.events[id]);
  for (const id of runIds) expect(lastText.get(`run:${id}`)).toBe(python.runs[id]);
  expect(eventUpdates).toBeGreaterThan(0);
}

/** A text follow() yielded is one pynenc wrote on the way to the final one: first write, re-store, links added. */
function notTorn(seen: EventRecord, final: string): void {
  const last = JSON.parse(final) as EventRecord;
  expect({ ...seen, matched_condition_ids: [], valid_condition_ids: [], triggered_invocation_ids: [] }).toEqual({
    ...last,
    matched_condition_ids: [],
    valid_condition_ids: [],
    triggered_invocation_ids: [],
  });
  if (seen.matched_condition_ids.length > 0) {
    expect(seen.matched_condition_ids).toEqual(last.matched_condition_ids);
    expect(seen.valid_condition_ids).toEqual(last.valid_condition_ids);
  } else expect(seen.valid_condition_ids).toEqual([]);
  expect(last.triggered_invocation_ids.slice(0, seen.triggered_invocation_ids.length)).toEqual(
    seen.triggered_invocation_ids,
  );
}

/** The scenario holds links that land later than the trailing window: only the runs can reveal them. */
function linksOutliveTheWindow(python: WriterAnswer): number {
  let late = 0;
  for (const text of Object.values(python.runs)) {
    const run = JSON.parse(text) as { executed_at: string; event_ids: string[] };
    for (const id of run.event_ids) {
      const event = JSON.parse(python.events[id]!) as EventRecord;
      const lagMicros = PyTimestamp.parse(run.executed_at).epochMicros - PyTimestamp.parse(event.timestamp).epochMicros;
      if (lagMicros > BigInt(TRAILING_MS) * 1000n) late++;
    }
  }
  return late;
}

describe('follow() beside a live pynenc writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('follow-live-');
  });
  afterAll(() => removeTempDir(dir));

  test('SQLite (WAL, the reader read-only beside the writer)', async () => {
    const target: Target = { backend: 'sqlite', path: join(dir, 'live.db') };
    runOracle('follow_writer.py', { op: 'init', ...target, app_id: APP_ID });
    const reader = new SqliteMonitoringReader({ path: target.path, appId: APP_ID });
    try {
      const { items, python } = await followWhileWriting(reader, target);
      expect(linksOutliveTheWindow(python)).toBeGreaterThan(0);
      check(items, python);
    } finally {
      await reader.close();
    }
  });

  test('Redis (a redis-server of its own)', async () => {
    const server = await startRedisServer();
    const target: Target = { backend: 'redis', redis_url: server.url };
    const reader = new RedisMonitoringReader({ connection: server.url, appId: APP_ID });
    try {
      const { items, python } = await followWhileWriting(reader, target);
      expect(linksOutliveTheWindow(python)).toBeGreaterThan(0);
      check(items, python);
    } finally {
      await reader.close();
      await server.stop();
    }
  });
});
