/**
 * Decoding a 10k-marker EventMarkerPage must not keep its source text alive
 * (a dashboard holds decoded pages; a 2.8 MB text pinned per page is a leak).
 * Measured in a child process with --expose-gc by bench/memory-child.ts (see
 * there why the heap, not a WeakRef, is what can observe a string): the
 * calibration (JSON.parse) must release the text and the control (a kept
 * slice) must keep it, or the measurement itself is not trustworthy.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Outcome {
  subject: 'JSON.parse' | 'JSON.parse+slice' | 'fromJson' | 'fromJson(exact parser)';
  textBytes: number;
  freedBytes: number;
  textReleased: boolean;
  markers: number;
}

let outcomes: Outcome[];

beforeAll(() => {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--require', 'tsx/cjs', join(ROOT, 'bench', 'memory-child.ts'), '-', '-', 'retention'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  outcomes = JSON.parse(run.stdout) as Outcome[];
}, 120_000);

const outcome = (subject: Outcome['subject']) => outcomes.find((o) => o.subject === subject)!;

it('the measurement sees a released text (JSON.parse) and a kept one (a live slice of it)', () => {
  expect(outcome('JSON.parse').textReleased).toBe(true);
  expect(outcome('JSON.parse+slice').textReleased).toBe(false);
});

it('fromJson(EventMarkerPage) of 10k markers lets the source text be collected', () => {
  const decoded = outcome('fromJson');
  expect(decoded.markers).toBe(10_000);
  expect(decoded.freedBytes).toBeGreaterThanOrEqual(decoded.textBytes);
});

it('so does the exact parser (fastPath: false): its strings are copies, not slices of the text', () => {
  const decoded = outcome('fromJson(exact parser)');
  expect(decoded.markers).toBe(10_000);
  expect(decoded.freedBytes).toBeGreaterThanOrEqual(decoded.textBytes);
});
