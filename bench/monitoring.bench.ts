/**
 * The monitoring readers against pynenc's own methods, on the same store in the same run: a SQLite file and a
 * redis-server (started here), each holding 100,000 events and 10,000 trigger runs written by pynenc
 * (scripts/python/monitoring_bench.py). Cases: a 10,000-marker page; 1,000 events with payloads resolved;
 * the runs of 1,000 events. The venv's Python times pynenc's methods itself (time.perf_counter, same rounds);
 * each TypeScript figure is reported as TypeScript time / pynenc time (goal ≤ 0.25). Before timing, both sides'
 * answers are compared (ids in order, counts), so the figures are for the same work.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { EventMarkerPage, TriggerRunRecord } from '../generated/types';
import { ClientDataStore } from '../src/datastore/client-data-store';
import type { DecodedEventRecord } from '../src/datastore/event-record';
import { RedisStore } from '../src/datastore/redis';
import { SqliteStore } from '../src/datastore/sqlite-store';
import { RedisMonitoringReader } from '../src/monitoring/redis-reader';
import { SqliteMonitoringReader } from '../src/monitoring/sqlite-reader';
import type { MonitoringReader } from '../src/monitoring/types';
import { runOracle } from '../test/support/pynenc-python';
import { startRedisServer } from '../test/support/redis-server';
import { measureAsync, median, type Measurement, type Report } from './harness';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

const EVENTS = 100_000;
const RUNS = 10_000;
const APP_ID = 'bench.monitoring';
/** TypeScript rounds (JIT warm-up first, as the other benches). */
const ROUNDS = 7;
const WARMUP = 3;
/** pynenc's rounds: no JIT to warm; a Redis window read takes pynenc ~15 s here, so fewer rounds. */
const PY_ROUNDS = 3;
const PY_WARMUP = 1;

interface Written {
  first: string;
  last: string;
  event_ids: string[];
}

type Fingerprint = Record<string, string | number>;
type PyTimes = Record<'markers' | 'events' | 'runs', { rounds_ms: number[]; fingerprint: Fingerprint }>;

function sha(lines: Iterable<string>): string {
  const h = createHash('sha1');
  for (const line of lines) h.update(`${line}\n`);
  return h.digest('hex');
}

/** The TypeScript side of each case, returning the fingerprint monitoring_bench.py computes for pynenc's answer. */
function cases(reader: MonitoringReader, store: ClientDataStore, written: Written) {
  const markers = async (): Promise<Fingerprint> => {
    const page: EventMarkerPage = await reader.getEventMarkers({
      startTime: written.first,
      endTime: written.last,
      limit: 10_000,
    });
    return { ids: sha(page.markers.map((m) => m.event_id)), n: page.markers.length, total: page.total };
  };
  const events = async (): Promise<Fingerprint> => {
    const records: DecodedEventRecord[] = await reader.getEvents({ limit: 1000 }, { resolvePayloads: store });
    let blobs = 0;
    for (const r of records) {
      for (const v of Object.values(r.payload)) if (v !== null && typeof v === 'object' && 'doc' in v) blobs++;
    }
    return { ids: sha(records.map((r) => r.event_id)), n: records.length, blobs };
  };
  const fingerprintRuns = (perEvent: TriggerRunRecord[][]): Fingerprint => {
    const lists = perEvent.map((runs) => runs.map((r) => r.trigger_run_id).sort());
    return { runs: sha(lists.map((l) => l.join(','))), n: lists.reduce((n, l) => n + l.length, 0) };
  };
  const runsSequential = async (): Promise<Fingerprint> => {
    const perEvent: TriggerRunRecord[][] = [];
    for (const id of written.event_ids) perEvent.push(await reader.getTriggerRunsForEvent(id));
    return fingerprintRuns(perEvent);
  };
  const runsConcurrent = async (): Promise<Fingerprint> =>
    fingerprintRuns(await Promise.all(written.event_ids.map((id) => reader.getTriggerRunsForEvent(id))));
  return { markers, events, runsSequential, runsConcurrent };
}

function pyMeasurement(name: string, rounds: number[]): Measurement {
  return { name, medianMs: median(rounds), roundsMs: rounds };
}

function same(what: string, ts: Fingerprint, py: Fingerprint): void {
  if (JSON.stringify(ts) !== JSON.stringify(py)) {
    throw new Error(
      `${what}: TypeScript and pynenc answer differently: ${JSON.stringify(ts)} vs ${JSON.stringify(py)}`,
    );
  }
}

interface Opened {
  reader: MonitoringReader;
  store: ClientDataStore;
}

async function benchBackend(
  report: Report,
  backend: 'sqlite' | 'redis',
  target: Record<string, string>,
  open: () => Opened,
): Promise<void> {
  const sizes = `${EVENTS.toLocaleString('en-US')} events, ${RUNS.toLocaleString('en-US')} runs`;
  const group = `monitoring (${backend}): ${sizes}`;
  const started = Date.now();
  const written = runOracle<Written>(
    'monitoring_bench.py',
    { op: 'write', ...target, app_id: APP_ID, events: EVENTS, runs: RUNS, seed: 1 },
    { timeoutMs: 1_800_000 },
  );
  const writeSeconds = (Date.now() - started) / 1000;
  const py = runOracle<PyTimes>(
    'monitoring_bench.py',
    { op: 'time', ...target, app_id: APP_ID, cases: written, rounds: PY_ROUNDS, warmup: PY_WARMUP },
    { timeoutMs: 1_800_000 },
  );
  const { reader, store } = open();
  try {
    const c = cases(reader, store, written);
    same('markers', await c.markers(), py.markers.fingerprint);
    same('events', await c.events(), py.events.fingerprint);
    same('runs', await c.runsSequential(), py.runs.fingerprint);
    same('runs (concurrent)', await c.runsConcurrent(), py.runs.fingerprint);
    const rows: [string, Measurement, Measurement][] = [
      [
        'markers',
        await measureAsync('getEventMarkers: 10,000-marker page', c.markers, { rounds: ROUNDS, warmup: WARMUP }),
        pyMeasurement('pynenc get_event_markers_in_timerange', py.markers.rounds_ms),
      ],
      [
        'events',
        await measureAsync('getEvents(1,000), payloads resolved', c.events, { rounds: ROUNDS, warmup: WARMUP }),
        pyMeasurement('pynenc get_events(limit=1000)', py.events.rounds_ms),
      ],
      [
        'runs',
        await measureAsync('getTriggerRunsForEvent × 1,000, one by one', c.runsSequential, {
          rounds: ROUNDS,
          warmup: WARMUP,
        }),
        pyMeasurement('pynenc get_trigger_runs_for_event × 1,000', py.runs.rounds_ms),
      ],
      [
        'runs',
        await measureAsync('getTriggerRunsForEvent × 1,000, concurrent', c.runsConcurrent, {
          rounds: ROUNDS,
          warmup: WARMUP,
        }),
        pyMeasurement('pynenc get_trigger_runs_for_event × 1,000', py.runs.rounds_ms),
      ],
    ];
    for (const [, ts, python] of rows) {
      report.plain(group, python);
      report.ratio(group, ts, python);
    }
    report.note(
      group,
      'store',
      `written by pynenc in ${writeSeconds.toFixed(0)} s (monitoring_bench.py); pynenc timed itself ` +
        `(median of ${PY_ROUNDS} after ${PY_WARMUP}), TypeScript median of ${ROUNDS} after ${WARMUP}`,
    );
  } finally {
    await reader.close();
    await store.close();
  }
}

export default async function monitoringBench(report: Report): Promise<void> {
  const dir = makeTempDir('bench-monitoring-');
  const server = await startRedisServer();
  try {
    const path = join(dir, 'store.db');
    await benchBackend(report, 'sqlite', { backend: 'sqlite', path }, () => ({
      reader: new SqliteMonitoringReader({ path, appId: APP_ID }),
      store: new ClientDataStore({ backend: new SqliteStore({ path, appId: APP_ID }), localCacheSize: 0 }),
    }));
    await benchBackend(report, 'redis', { backend: 'redis', redis_url: server.url }, () => ({
      reader: new RedisMonitoringReader({ connection: server.url, appId: APP_ID, commandTimeoutMs: 120_000 }),

      store: new ClientDataStore({
        backend: new RedisStore({ appId: APP_ID, connection: server.url, commandTimeoutMs: 120_000 }),
        localCacheSize: 0,
      }),
    }));
  } finally {
    await server.stop();
    removeTempDir(dir);
  }
}
