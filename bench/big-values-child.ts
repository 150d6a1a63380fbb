/**
 * One big-value measurement in its own process (bench/big-values.bench.ts starts it):
 *
 *   node --expose-gc --require tsx/cjs bench/big-values-child.ts <text file> <op> <rounds>
 *
 * `<op>`: JSON.parse, fromJson, parsePythonJson (reads the text), JSON.stringify, toJson (write, as bytes:
 * `Buffer.from(text)`, the value made first by JSON.parse, resp. fromJson). The op runs once with its peak
 * resident size measured, then `<rounds>` more times for the time. Peak: Linux's VmHWM (/proc/self/status), reset
 * to the current resident size just before the op by writing 5 to /proc/self/clear_refs, so the fixture's own
 * peak (reading the file, making the value to write) is not counted; `opPeakMiB` is that peak above the resident
 * size before the op (the text, the value, node and the code). Time: wall and CPU (process.cpuUsage: all threads,
 * GC helpers included; steadier than wall time on a shared machine). Prints one JSON line; for toJson also the sha1 of
 * the bytes, which the parent compares with pynenc's round trip. CODEC_BUILD=/tmp/dir: the compiled package.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { codecUnderTest, pyjsonUnderTest } from './under-test';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const MIB = 1024 * 1024;

function highWaterMark(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

function fullGc(): void {
  gc!();
  gc!();
}

function main(): void {
  const [file, op, roundsArg] = process.argv.slice(2);
  const rounds = Number(roundsArg ?? 3);
  const codec = codecUnderTest();
  const pyjson = pyjsonUnderTest();
  let text: string | null = readFileSync(file!, 'utf8');
  const textBytes = Buffer.byteLength(text);
  let value: unknown = null;
  // The 75 MB of 25 M ints is beyond the default maxDocumentLength (64 MiB): the limit is raised to the text's size.
  const limits = { maxDocumentLength: Math.max(textBytes, 64 * 1024 * 1024) };
  let run: () => unknown;
  switch (op) {
    case 'JSON.parse':
      run = () => JSON.parse(text!) as unknown;
      break;
    case 'fromJson':
      run = () => codec.fromJson('TriggerRunRecord', text!, limits);
      break;
    case 'parsePythonJson':
      run = () => pyjson.parsePythonJson(text!, limits);
      break;
    case 'JSON.stringify':
      value = JSON.parse(text);
      text = null;
      run = () => Buffer.from(JSON.stringify(value));
      break;
    case 'toJson':
      value = codec.fromJson('TriggerRunRecord', text, limits);
      text = null;
      run = () => Buffer.from(codec.toJson('TriggerRunRecord', value as never));
      break;
    default:
      throw new Error(`unknown op ${op}`);
  }
  fullGc();
  const before = process.memoryUsage.rss();
  writeFileSync('/proc/self/clear_refs', '5');
  const start = performance.now();
  let result: unknown = run();
  const firstMs = performance.now() - start;
  const peak = highWaterMark();
  const check = result instanceof Buffer ? createHash('sha1').update(result).digest('hex') : undefined;
  result = null;
  const roundsMs: number[] = [];
  const roundsCpuMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    fullGc();
    const roundStart = performance.now();
    const cpuStart = process.cpuUsage();
    result = run();
    const cpu = process.cpuUsage(cpuStart);
    roundsMs.push(performance.now() - roundStart);
    roundsCpuMs.push((cpu.user + cpu.system) / 1000);
    result = null;
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] ?? firstMs;
  const medianMs = median(roundsMs);
  const medianCpuMs = median(roundsCpuMs);
  const opPeakMiB = (peak - before) / MIB;
  console.log(JSON.stringify({ op, textBytes, firstMs, medianMs, medianCpuMs, opPeakMiB, check }));
  if (result === 1) console.log(value);
}

main();
