/**
 * One read of a list of numbers in its own process (test/support/number-list-child.ts starts it):
 *
 *   node --expose-gc --allow-natives-syntax --require tsx/cjs test/pyjson/number-list-child.ts <reader> <shape> <count>
 *
 * `<reader>`: readNumberList (src/pyjson/number-list.ts) or JSON.parse (the control) of the list; or fromJson or
 * parsePythonJson of a TriggerRunRecord whose arguments_preview is `{"values": <the list>}`
 * (test/support/run-texts.ts); `<shape>`: ints (`7, 8, …`) or floats (`-3.0, -2.0, …`, as pynenc writes integral
 * floats). Writes one line `RESULT <json>` to stderr: the list's length, its backing store's capacity (for lists of
 * up to 10,000 items, on stdout: V8's %DebugPrint, `<FixedArray[capacity]>`), and the peak the read added to the
 * resident size (Linux's VmHWM, reset by writing 5 to /proc/self/clear_refs just before the read, as
 * bench/big-values-child.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fromJson } from '../../src/codec';
import { parsePythonJson } from '../../src/pyjson';
import { numberListSpan, readNumberList } from '../../src/pyjson/number-list';
import { runText } from '../support/run-texts';

const gc = (globalThis as { gc?: () => void }).gc!;
// %DebugPrint is V8 syntax, not TypeScript: compiled at run time (the child runs with --allow-natives-syntax).
const debugPrint = new Function('value', '%DebugPrint(value)') as (value: unknown) => void;

function highWaterMark(): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
}

function listText(shape: string, count: number): string {
  const tokens = new Array<string>(count);
  for (let index = 0; index < count; index++)
    tokens[index] = shape === 'ints' ? String(index % 10) : `${(index % 7) - 3}.0`;
  return flat(`[${tokens.join(', ')}]`);
}

/**
 * The text as one flat string, as a text read from a file is: a string built by `+` or a template is a rope, which V8
 * copies into a flat one when it is first read by char codes (inside the measured read, were it left so).
 */
function flat(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1');
}

function main(): void {
  const [reader, shape, countArg] = process.argv.slice(2);
  const list = listText(shape!, Number(countArg));
  const text = reader === 'fromJson' || reader === 'parsePythonJson' ? flat(runText(`{"values": ${list}}`)) : list;
  const limits = { maxDocumentLength: Infinity };
  gc();
  gc();
  const before = process.memoryUsage.rss();
  writeFileSync('/proc/self/clear_refs', '5');
  const read =
    reader === 'JSON.parse'
      ? JSON.parse(text)
      : reader === 'fromJson'
        ? fromJson('TriggerRunRecord', text, limits).arguments_preview.values
        : reader === 'parsePythonJson'
          ? (parsePythonJson(text, limits) as { arguments_preview: { values: unknown } }).arguments_preview.values
          : readNumberList(text, numberListSpan(text, 0)!);
  const items = read as unknown[];
  const peak = highWaterMark() - before;
  // The capacity: %DebugPrint lists every item too (for short lists only).
  if (items.length <= 10_000) debugPrint(items);
  // (to stderr: V8 flushes %DebugPrint's stdout when it likes)
  console.error(`RESULT ${JSON.stringify({ length: items.length, peak, textLength: text.length })}`);
}

main();
