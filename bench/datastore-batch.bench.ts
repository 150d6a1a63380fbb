/**
 * Big batches on the data store backends (issue 15 #8): set and get of 200,000 entries on MemoryStore,
 * SqliteStore (a file) and RedisStore (a private redis-server on loopback), each in its own child process
 * (bench/datastore-batch-child.ts) for its peak RSS. RedisStore sends one MGET per 10,000 keys and, above
 * 10,000 entries, one MULTI/EXEC of MSETs; its cost against a single raw ioredis MSET / MGET is measured at
 * 50,000 entries, where one command still works (at 70,000 the spread arguments overflow V8's stack), in one
 * child with the rounds interleaved.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startRedisServer } from '../test/support/redis-server';
import { median, type Measurement, type Report } from './harness';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

const CHILD = join(__dirname, 'datastore-batch-child.ts');
const BIG = 200_000;
const COMPARE = 50_000;
const ROUNDS = 3;

interface ChildResult {
  setMs: number[];
  getMs: number[];
  rssBeforeMiB: number;
  peakRssMiB: number;
}

function child(kind: string, n: number, where = ''): ChildResult | { error: string } {
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', CHILD, kind, String(n), String(ROUNDS), where], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    timeout: 600_000,
  });
  if (run.status !== 0) return { error: run.stderr.trim().split('\n')[0]!.slice(0, 120) };
  return JSON.parse(run.stdout) as ChildResult;
}

const m = (name: string, rounds: number[]): Measurement => ({ name, medianMs: median(rounds), roundsMs: rounds });

export default async function datastoreBatchBench(report: Report): Promise<void> {
  const server = await startRedisServer();
  const dir = makeTempDir('bench-batch-');
  try {
    const size = BIG.toLocaleString('en-US');
    const group = `datastore: set + get of ${size} entries (~150-char texts), child process per backend`;
    let memory: { set: Measurement; get: Measurement } | undefined;
    for (const kind of ['memory', 'sqlite', 'redis'] as const) {
      const where = kind === 'sqlite' ? join(dir, 'batch.sqlite') : kind === 'redis' ? server.url : '';
      const r = child(kind, BIG, where);
      if ('error' in r) throw new Error(`${kind}: ${r.error}`);
      const set = m(`${kind}: set(${BIG})`, r.setMs);
      const get = m(`${kind}: get(${BIG})`, r.getMs);
      memory ??= { set, get };
      report.ratio(group, set, memory.set, BIG);
      report.ratio(group, get, memory.get, BIG);
      report.note(
        group,
        `${kind}: peak RSS`,
        `${r.peakRssMiB.toFixed(0)} MiB (${r.rssBeforeMiB.toFixed(0)} MiB with the entries built, before any set)`,
      );
    }
    const cmp = `datastore: RedisStore chunks vs one raw ioredis command, ${COMPARE.toLocaleString('en-US')} entries`;
    const run = spawnSync(
      process.execPath,
      ['--require', 'tsx/cjs', CHILD, 'compare', String(COMPARE), '7', server.url],
      {
        cwd: join(__dirname, '..'),
        encoding: 'utf8',
        timeout: 600_000,
      },
    );
    if (run.status !== 0) throw new Error(`compare: ${run.stderr}`);
    const both = JSON.parse(run.stdout) as Record<'raw' | 'store', { setMs: number[]; getMs: number[] }>;
    const rawSet = m('ioredis mset(...all) (one command)', both.raw.setMs);
    const rawGet = m('ioredis mgetBuffer(...all) (one command)', both.raw.getMs);
    report.ratio(cmp, rawSet, rawSet, COMPARE);
    report.ratio(cmp, m('RedisStore.set (MULTI/EXEC of 5 MSETs)', both.store.setMs), rawSet, COMPARE);
    report.ratio(cmp, rawGet, rawGet, COMPARE);
    report.ratio(cmp, m('RedisStore.get (5 MGETs)', both.store.getMs), rawGet, COMPARE);
    const over = child('ioredis', 70_000, server.url);
    report.note(cmp, 'ioredis one command at 70,000 entries', 'error' in over ? `fails: ${over.error}` : 'worked');
  } finally {
    removeTempDir(dir);
    await server.stop();
  }
}
