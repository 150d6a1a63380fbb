/**
 * Runs test/pyjson/number-list-child.ts, one read of a list of numbers in its own process (its header tells the
 * readers and shapes), for the peak and capacity tests of test/pyjson/number-list.test.ts and
 * test/codec/number-lists.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CHILD = join(ROOT, 'test', 'pyjson', 'number-list-child.ts');

/** The child's RESULT (the list's length, the peak the read added to the resident size) and its stdout. */
export function runNumberListChild(
  reader: string,
  shape: string,
  count: number,
): { length: number; peak: number; stdout: string } {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--allow-natives-syntax', '--require', 'tsx/cjs', CHILD, reader, shape, String(count)],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
  const result = /^RESULT (.*)$/m.exec(run.stderr);
  if (result === null) throw new Error(`no result from the child: ${run.stderr}`);
  return { ...(JSON.parse(result[1]!) as { length: number; peak: number }), stdout: run.stdout };
}
