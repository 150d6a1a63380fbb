/**
 * Codec throughput on 10k EventRecords (and 2k TriggerRunRecords), as ratios to JSON.parse /
 * JSON.stringify of the same texts and values in the same run; plus the pyjson fast path
 * (JSON.parse after a conservative scan) against the exact parser.
 */
import { randomUUID } from 'node:crypto';
import type { EventRecord, TriggerRunRecord } from '../generated/types';
import { fromJson, toJson } from '../src/codec';
import { isPlainJson, parsePythonJson, stringifyPython } from '../src/pyjson';
import { formatTimestamp } from '../src/timestamps';
import { performance } from 'node:perf_hooks';
import { median, type Measurement, type Report } from './harness';

const N = 10_000;
const RUNS = 2_000;

function eventRecords(n: number): EventRecord[] {
  const base = 1_778_321_472_000_000n;
  return Array.from({ length: n }, (_, i) => ({
    event_id: randomUUID(),
    event_code: i % 3 === 0 ? 'order.created' : 'payment.settled',
    timestamp: formatTimestamp(base + BigInt(i) * 1_234_567n),
    payload: {
      order_id: JSON.stringify(String(100000 + i)),
      customer: JSON.stringify({ name: `customer ${i}`, tier: i % 2 ? 'gold' : 'silver' }),
      amount: String(i * 3),
      ...(i % 10 === 0 ? { blob: `__pynenc__client_data__:${'ab12'.repeat(16)}` } : {}),
    },
    matched_condition_ids: i % 2 ? [randomUUID()] : [],
    valid_condition_ids: i % 2 ? [randomUUID()] : [],
    triggered_invocation_ids: i % 4 === 1 ? [randomUUID(), randomUUID()] : [],
    emitted_by_invocation_id: i % 5 ? randomUUID() : null,
    emitted_by_task_id: i % 5 ? 'shop.tasks.checkout' : null,
    emitted_by_runner_context_id: i % 5 ? `runner-${i % 7}` : null,
  }));
}

function triggerRuns(n: number): TriggerRunRecord[] {
  const base = 1_778_321_472_000_000n;
  return Array.from({ length: n }, (_, i) => ({
    trigger_run_id: randomUUID(),
    trigger_id: `trg-${i % 13}`,
    task_id_key: 'shop.tasks.ship',
    logic_value: i % 2 ? 'and' : 'or',
    valid_condition_ids: [randomUUID(), randomUUID()],
    condition_ids: ['cond-event-order', 'cond-status-pay'],
    event_ids: [randomUUID()],
    source_invocation_ids: [randomUUID()],
    triggered_invocation_id: randomUUID(),
    // floats force the exact parser (a float with an integral value must stay a float)
    arguments_preview: { order_id: i, amount: i + 0.25, ratio: i / 7, express: i % 3 === 0, tags: ['a', 'b'] },
    claimed_at: formatTimestamp(base + BigInt(i) * 999_999n),
    executed_at: null,
    participants: [
      {
        context_type: 'event',
        condition_id: 'cond-event-order',
        valid_condition_id: 'vc-1',
        event_id: randomUUID(),
        source_invocation_id: null,
        context_timestamp: formatTimestamp(base + BigInt(i) * 777_777n),
        context_summary: 'code:order.created',
      },
      {
        context_type: 'status',
        condition_id: 'cond-status-pay',
        valid_condition_id: 'vc-3',
        event_id: null,
        source_invocation_id: randomUUID(),
        context_timestamp: formatTimestamp(base + BigInt(i) * 888_888n, 19_800_000_000),
        context_summary: 'status:SUCCESS task:shop.tasks.pay',
      },
    ],
    atomic_service_run_id: null,
    atomic_service_runner_id: null,
  }));
}

/**
 * Like the harness's `measure`, but every case of one group runs round-robin
 * (round 1 of each, then round 2 of each…), so on a shared, loaded machine the
 * subject and its baseline see the same conditions and their ratio holds.
 */
function measureInterleaved(cases: [string, () => unknown][], rounds = 15, warmup = 3): Measurement[] {
  for (let i = 0; i < warmup; i++) for (const [, fn] of cases) fn();
  const times: number[][] = cases.map(() => []);
  for (let r = 0; r < rounds; r++) {
    cases.forEach(([, fn], k) => {
      const start = performance.now();
      fn();
      times[k]!.push(performance.now() - start);
    });
  }
  return cases.map(([name], k) => ({ name, medianMs: median(times[k]!), roundsMs: times[k]! }));
}

export default function codecBench(report: Report): void {
  const records = eventRecords(N);
  const texts = records.map((r) => toJson('EventRecord', r));
  const plain = texts.filter(isPlainJson).length;
  let sink = 0;

  const group = `codec: ${N} EventRecords (${plain}/${N} texts take the fast path)`;
  const parsed = texts.map((t) => JSON.parse(t) as EventRecord);
  const [parseBase, read, readSlow, fast, slow, check] = measureInterleaved([
    ['JSON.parse', () => texts.forEach((t) => (sink += JSON.parse(t) ? 1 : 0))],
    ['fromJson(EventRecord)', () => texts.forEach((t) => (sink += fromJson('EventRecord', t) ? 1 : 0))],
    [
      'fromJson(EventRecord), exact parser',
      () => texts.forEach((t) => (sink += fromJson('EventRecord', t, { fastPath: false }) ? 1 : 0)),
    ],
    ['parsePythonJson (fast path)', () => texts.forEach((t) => (sink += parsePythonJson(t) ? 1 : 0))],
    [
      'parsePythonJson (exact parser)',
      () => texts.forEach((t) => (sink += parsePythonJson(t, { fastPath: false }) ? 1 : 0)),
    ],
    ['isPlainJson (JSON.parse + faithfulness walk)', () => texts.forEach((t) => (sink += isPlainJson(t) ? 1 : 0))],
  ]);
  const [stringifyBase, write, writeFlat, dumps] = measureInterleaved([
    ['JSON.stringify', () => parsed.forEach((r) => (sink += JSON.stringify(r).length))],
    ['toJson(EventRecord)', () => records.forEach((r) => (sink += toJson('EventRecord', r).length))],
    // the rope toJson returns, copied into one flat string (what writing it out costs first)
    [
      'toJson(EventRecord), text flattened',
      () => records.forEach((r) => (sink += toJson('EventRecord', r).charCodeAt(0))),
    ],
    ['stringifyPython', () => parsed.forEach((r) => (sink += stringifyPython(r).length))],
  ]);
  report.plain(group, parseBase!, N);
  report.ratio(group, read!, parseBase!, N);
  report.ratio(group, readSlow!, parseBase!, N);
  report.plain(group, stringifyBase!, N);
  report.ratio(group, write!, stringifyBase!, N);
  report.ratio(group, writeFlat!, stringifyBase!, N);

  const pyGroup = `pyjson on the same ${N} EventRecord texts`;
  report.ratio(pyGroup, fast!, parseBase!, N);
  report.ratio(pyGroup, slow!, parseBase!, N);
  report.ratio(pyGroup, check!, parseBase!, N);
  report.ratio(pyGroup, dumps!, stringifyBase!, N);

  const runs = triggerRuns(RUNS);
  const runTexts = runs.map((r) => toJson('TriggerRunRecord', r));
  const runParsed = runTexts.map((t) => JSON.parse(t) as unknown);
  const runGroup = `codec: ${RUNS} TriggerRunRecords, 2 participants, ints and floats in arguments_preview (${runTexts.filter(isPlainJson).length} on parsePythonJson's fast path)`;
  const [runParse, runRead, runTry, runSniff] = measureInterleaved([
    ['JSON.parse', () => runTexts.forEach((t) => (sink += JSON.parse(t) ? 1 : 0))],
    ['fromJson(TriggerRunRecord)', () => runTexts.forEach((t) => (sink += fromJson('TriggerRunRecord', t) ? 1 : 0))],
    ['parsePythonJson (JSON.parse attempt first)', () => runTexts.forEach((t) => (sink += parsePythonJson(t) ? 1 : 0))],
    [
      "parsePythonJson ('sniff': number seen → exact)",
      () => runTexts.forEach((t) => (sink += parsePythonJson(t, { fastPath: 'sniff' }) ? 1 : 0)),
    ],
  ]);
  const [runStringify, runWrite] = measureInterleaved([
    ['JSON.stringify', () => runParsed.forEach((r) => (sink += JSON.stringify(r).length))],
    ['toJson(TriggerRunRecord)', () => runs.forEach((r) => (sink += toJson('TriggerRunRecord', r).length))],
  ]);
  report.plain(runGroup, runParse!, RUNS);
  report.ratio(runGroup, runRead!, runParse!, RUNS);
  report.ratio(runGroup, runTry!, runParse!, RUNS);
  report.ratio(runGroup, runSniff!, runParse!, RUNS);
  report.plain(runGroup, runStringify!, RUNS);
  report.ratio(runGroup, runWrite!, runStringify!, RUNS);

  if (sink === 42) console.log('');
}
