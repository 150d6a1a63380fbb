/**
 * Issue 15 #2: a document the read limits admit (64 MiB) made of problems no longer exhausts memory. Each entry runs
 * in a child node whose heap is capped at 512 MiB, where one uncapped Ajv run over the same document dies (the
 * control below): a memory assertion (the child completes, its listed/counted issues are exact), not a timing one.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_MAX_ISSUES } from '../../src/limits';

const CHILD = join(__dirname, 'max-issues-child.ts');
const HEAP_MIB = 512;

function child(...args: string[]): {
  status: number | null;
  signal: string | null;
  out?: { length: number; items: number; listed: number; more: number; ms: number; peakRssMiB: number };
  stderr: string;
} {
  const run = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MIB}`, '--require', 'tsx/cjs', CHILD, ...args],
    {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const line = run.stdout.trim().split('\n').pop();
  return {
    status: run.status,
    signal: run.signal,
    out: run.status === 0 && line ? JSON.parse(line) : undefined,
    stderr: run.stderr, // whole (bounded by maxBuffer): V8's native stack after an out-of-memory can exceed 2,000 chars
  };
}

jest.setTimeout(300_000);

it(`control: one uncapped Ajv run over the 64 MiB page of markers with unknown keys dies in ${HEAP_MIB} MiB`, () => {
  const run = child('markers-unknown-keys', 'whole');
  expect(run.status).not.toBe(0);
  expect(run.stderr).toMatch(/heap out of memory/);
});

it.each([
  ['markers-unknown-keys', 'validate'],
  ['markers-unknown-keys', 'fromJsonReject'],
  ['participants-bad', 'validate'],
  ['participants-bad', 'fromJson'],
])('%s through %s completes under a 512 MiB heap, listing 1,000 and counting the rest', (name, entry) => {
  const run = child(name, entry);
  if (run.out === undefined) throw new Error(`child failed (${run.status ?? run.signal}): ${run.stderr.slice(-2000)}`);
  expect(run.out.length).toBeGreaterThan(64 * 2 ** 20 - 1000);
  expect(run.out.listed).toBe(DEFAULT_MAX_ISSUES);
  // Every item of the document holds the same problems (8 unknown keys per marker; per participant an event id
  // CronContext forbids, a number for a timestamp, an unknown key, which fromJson drops as Python does): the count
  // is exact.
  const perItem = name === 'markers-unknown-keys' ? 8 : entry === 'fromJson' ? 2 : 3;
  expect(run.out.items).toBeGreaterThan(250_000);
  expect(run.out.listed + run.out.more).toBe(run.out.items * perItem);
});
