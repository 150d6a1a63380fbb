/**
 * One memory measurement in its own process (bench/memory.bench.ts and
 * test/performance/retention.test.ts start it with --expose-gc):
 *
 *   node --expose-gc --require tsx/cjs bench/memory-child.ts <texts.json> <dto> <op> [quicktype.js]
 *   node --expose-gc --require tsx/cjs bench/memory-child.ts - - retention
 *
 * `<op>` over the case's texts (a JSON array the parent wrote, so building
 * fixtures does not set the peak here), every result kept as an application
 * holding the decoded records does; prints the process's peak RSS
 * (`process.resourceUsage().maxRSS`) and what the op added to it.
 *
 * `retention` answers "does decoding keep the source text alive?": a string
 * cannot be the target of a WeakRef or a FinalizationRegistry, so the text's
 * release is read from the heap instead. The 2.8 MB page text lives in V8's
 * large-object space; with the decoded value kept, the text is dropped and a
 * full GC run; that space must shrink by at least the text's size.
 * Two controls show the measurement sees both outcomes: JSON.parse (copies
 * every string: the text is released) and JSON.parse plus a kept 100-char
 * slice of the text (V8 makes that a sliced string pointing into the text:
 * the text is kept).
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { fromJson, toJson } from '../src/codec';
import { validate } from '../src/validation';
import { readFileSync } from 'node:fs';
import type { DtoName } from '../generated/schemas';
import { makeCase } from './cases';
import { zodSchemas } from './peers';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function heap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

const MIB = 1024 * 1024;

function measureOp(
  textsFile: string,
  dto: DtoName,
  op: string,
  quicktypeFile: string | undefined,
): Record<string, number | string> {
  const texts = JSON.parse(readFileSync(textsFile, 'utf8')) as string[];
  // the bench texts hold no float, so JSON.parse gives back exactly the values they were written from
  const c = {
    texts,
    values: op === 'toJson' || op === 'JSON.stringify' ? texts.map((t) => JSON.parse(t) as unknown) : [],
  };
  let run: () => unknown[];
  switch (op) {
    case 'fixture':
      run = () => [];
      break;
    case 'JSON.parse':
      run = () => c.texts.map((t) => JSON.parse(t) as unknown);
      break;
    case 'fromJson':
      run = () => c.texts.map((t) => fromJson(dto, t));
      break;
    case 'JSON.parse+validate':
      run = () => c.texts.map((t) => validate(dto, JSON.parse(t)));
      break;
    case 'zod': {
      const zod = zodSchemas()[dto];
      run = () => c.texts.map((t) => zod.safeParse(JSON.parse(t)));
      break;
    }
    case 'quicktype': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Convert } = require(quicktypeFile!) as { Convert: Record<string, (t: string) => unknown> };
      const read = Convert[`to${dto}`]!;
      run = () => c.texts.map((t) => read(t));
      break;
    }
    case 'JSON.stringify':
      run = () => c.values.map((v) => JSON.stringify(v));
      break;
    case 'toJson':
      run = () => c.values.map((v) => toJson(dto, v as never));
      break;
    default:
      throw new Error(`unknown op ${op}`);
  }
  const heapBefore = heap();
  const rssBefore = process.memoryUsage.rss();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const kept = run();
  const peak = process.resourceUsage().maxRSS * 1024;
  const heapAfter = heap();
  return {
    dto,
    op,
    results: kept.length,
    peakRssMiB: peak / MIB,
    // what the op pushed the peak to, above the process's resident size before it
    opPeakMiB: (peak > peakBefore ? peak - rssBefore : process.memoryUsage.rss() - rssBefore) / MIB,
    keptHeapMiB: (heapAfter - heapBefore) / MIB,
  };
}

interface Holder {
  text: string | null;
  decoded: unknown;
  keep: string;
}

// Each step in its own function: a value passed as a call argument can stay in a
// stale interpreter register of the calling frame (a GC root) after the call, which
// would keep the text alive whatever the decoder does; a returned frame holds nothing.
function makeHolder(): Holder {
  return { text: makeCase('markerPage').texts[0]!, decoded: null, keep: '' };
}

export type RetentionSubject = 'fromJson' | 'fromJson(exact parser)' | 'JSON.parse' | 'JSON.parse+slice';

function decodeInto(holder: Holder, subject: RetentionSubject): void {
  if (subject === 'fromJson') {
    holder.decoded = fromJson('EventMarkerPage', holder.text!);
  } else if (subject === 'fromJson(exact parser)') {
    holder.decoded = fromJson('EventMarkerPage', holder.text!, { fastPath: false });
  } else {
    holder.decoded = JSON.parse(holder.text!);
    if (subject === 'JSON.parse+slice') holder.keep = holder.text!.slice(1000, 1100);
  }
}

function dropText(holder: Holder): void {
  holder.text = null;
}

function largeObjects(): number {
  gc!();
  gc!();
  return getHeapSpaceStatistics().find((s) => s.space_name === 'large_object_space')!.space_used_size;
}

function retention(subject: RetentionSubject): Record<string, number | boolean | string> {
  const holder = makeHolder();
  const textBytes = holder.text!.length; // an ASCII text: one byte per character
  decodeInto(holder, subject);
  const withText = largeObjects();
  dropText(holder);
  const withoutText = largeObjects();
  const freed = withText - withoutText;
  const markers = (holder.decoded as { markers: unknown[] }).markers.length;
  return { subject, textBytes, freedBytes: freed, textReleased: freed >= textBytes, markers, kept: holder.keep.length };
}

function main(): void {
  const [textsFile, dto, op, quicktypeFile] = process.argv.slice(2);
  if (op === 'retention') {
    // JSON.parse: calibration, must show the text released; JSON.parse+slice: control, must show it kept.
    console.log(
      JSON.stringify(
        (['JSON.parse', 'JSON.parse+slice', 'fromJson', 'fromJson(exact parser)'] as const).map(retention),
      ),
    );
    return;
  }
  console.log(JSON.stringify(measureOp(textsFile!, dto as DtoName, op!, quicktypeFile)));
}

main();
