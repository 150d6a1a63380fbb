/**
 * A 50 MB EventMarkerPage read in a process of its own, started with a capped
 * heap (`--max-old-space-size`) by `npm run fuzz` and test/hardening:
 *
 *   node --require tsx/cjs fuzz/big-page.ts write <file> [MiB]     # makes the page
 *   node --max-old-space-size=384 --expose-gc --require tsx/cjs fuzz/big-page.ts read <file>
 *
 * `read` prints one JSON line: the text's size, the markers read, the time,
 * the process's peak RSS (`process.resourceUsage().maxRSS`) with the text
 * loaded and after the read, the heap the result holds; then the same text
 * against a smaller maxDocumentLength (refused before any parsing:
 * LIMIT_DOCUMENT_SIZE) and a string beyond maxStringLength (LIMIT_STRING_LENGTH).
 * The page is made by another process so that its making is not in the peak.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { fromJson } from '../src/codec';
import { LimitExceededError } from '../src/limits';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const MiB = 1024 * 1024;
const peakMiB = (): number => process.resourceUsage().maxRSS / 1024;

function marker(i: number): string {
  const micros = String((i * 7919) % 1_000_000 || 1).padStart(6, '0');
  return (
    `{"event_id": "evt-${i.toString(16).padStart(8, '0')}", "event_code": "order.created.${i % 97}", ` +
    `"timestamp": "2026-05-09T10:11:12.${micros}+00:00", "matched": true, "triggered": ${i % 2 === 0}, ` +
    `"emitted_by_invocation_id": "inv-${i}", "emitted_by_runner_context_id": null}`
  );
}

function page(targetChars: number): { text: string; markers: number } {
  const parts: string[] = [];
  let length = 0;
  while (length < targetChars) {
    const m = marker(parts.length);
    parts.push(m);
    length += m.length + 2;
  }
  return {
    text: `{"markers": [${parts.join(', ')}], "total": ${parts.length}, "truncated": false}`,
    markers: parts.length,
  };
}

function refused(run: () => unknown): { code: string; ms: number; message: string } {
  const t0 = performance.now();
  try {
    run();
  } catch (err) {
    if (err instanceof LimitExceededError) return { code: err.code, ms: performance.now() - t0, message: err.message };
    throw err;
  }
  throw new Error('expected a LimitExceededError');
}

function main(): void {
  const [mode, file, size] = process.argv.slice(2);
  if (mode === 'write' && file) {
    const { text, markers } = page(Number(size ?? 50) * MiB);
    writeFileSync(file, text, 'latin1');
    process.stdout.write(`${JSON.stringify({ file, chars: text.length, markers })}\n`);
    return;
  }
  if (mode !== 'read' || !file) throw new Error('usage: big-page.ts write <file> [MiB] | read <file>');
  const text = readFileSync(file, 'latin1'); // ASCII: a one-byte string of the file's size
  gc();
  const before = {
    rssMiB: process.memoryUsage().rss / MiB,
    peakMiB: peakMiB(),
    heapMiB: process.memoryUsage().heapUsed / MiB,
  };
  const t0 = performance.now();
  const value = fromJson('EventMarkerPage', text);
  const ms = performance.now() - t0;
  const peakAfter = peakMiB();
  gc();
  const heldMiB = process.memoryUsage().heapUsed / MiB - before.heapMiB;
  const sizeLimit = refused(() =>
    fromJson('EventMarkerPage', text, { maxDocumentLength: Math.floor(text.length / 2) }),
  );
  const longString = `{"markers": [], "total": 0, "truncated": false, "note": "${'x'.repeat(17 * MiB)}"}`;
  const stringLimit = refused(() => fromJson('EventMarkerPage', longString));
  const result = {
    heapLimitMiB: Math.round(getHeapStatistics().heap_size_limit / MiB),
    textMiB: text.length / MiB,
    markers: value.markers.length,
    total: value.total,
    ms,
    rssWithTextMiB: before.rssMiB,
    peakWithTextMiB: before.peakMiB,
    peakAfterReadMiB: peakAfter,
    heldMiB,
    sizeLimit,
    stringLimit,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
