/**
 * A 50 MB EventMarkerPage decodes in a child process whose heap is capped at
 * 384 MiB, with its peak RSS reported; the same text beyond maxDocumentLength
 * and a string beyond maxStringLength fail cleanly (LimitExceededError). The
 * page is written by another process so that making it does not count.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'fuzz', 'big-page.ts');

test('50 MB EventMarkerPage: decoded under a 384 MiB heap, peak RSS reported; limits fail cleanly', () => {
  const dir = makeTempDir('pynenc-big-page-');
  try {
    const file = join(dir, 'page.json');
    const write = spawnSync(process.execPath, ['--require', 'tsx/cjs', SCRIPT, 'write', file, '50'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(write.stderr).toBe('');
    const made = JSON.parse(write.stdout) as { chars: number; markers: number };
    expect(made.chars).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const read = spawnSync(
      process.execPath,
      ['--max-old-space-size=384', '--expose-gc', '--require', 'tsx/cjs', SCRIPT, 'read', file],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(read.stderr).toBe('');
    expect(read.status).toBe(0);
    const m = JSON.parse(read.stdout) as Record<string, number> & {
      sizeLimit: { code: string };
      stringLimit: { code: string };
    };
    console.log(
      `50 MB EventMarkerPage: ${m.markers} markers in ${m.ms!.toFixed(0)} ms; peak RSS ${m.peakWithTextMiB!.toFixed(0)} MiB with the text loaded, ` +
        `${m.peakAfterReadMiB!.toFixed(0)} MiB after the read; the result holds ${m.heldMiB!.toFixed(0)} MiB of heap (heap limit ${m.heapLimitMiB} MiB)`,
    );
    expect([m.markers, m.total]).toEqual([made.markers, made.markers]);
    // Bounded: the read adds well under 4× the text to the process's peak.
    expect(m.peakAfterReadMiB! - m.peakWithTextMiB!).toBeLessThan(4 * m.textMiB!);
    expect(m.sizeLimit.code).toBe('LIMIT_DOCUMENT_SIZE');
    expect(m.stringLimit.code).toBe('LIMIT_STRING_LENGTH');
  } finally {
    removeTempDir(dir);
  }
});
