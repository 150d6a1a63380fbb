/**
 * Issue 16: never slower than pynenc itself. The same 10,000 TriggerRunRecord texts, written by pynenc
 * (scripts/python/codec_bench.py), read and written back by `toJson(fromJson(text))` here and by pynenc's
 * `TriggerRunRecord.from_json(text).to_json()` in the venv's Python, which times itself (time.perf_counter).
 * Goals: TS / Python ≤ 1.0 on the hard shapes, ≤ 0.25 on the typical shape. Both sides' outputs are hashed
 * and compared first, so the figures are for the same bytes.
 *
 * CODEC_BUILD=/tmp/dir runs the compiled package (`npx tsc -p tsconfig.build.json --outDir /tmp/dir`) instead
 * of the sources: the shipped code, as the goals are stated. CODEC_BENCH_N sets the number of texts,
 * CODEC_BENCH_SHAPES (comma-separated, e.g. `typical`) which shapes run.
 */
import { createHash } from 'node:crypto';
import type { TriggerRunRecord } from '../generated/types';
import { runOracle } from '../test/support/pynenc-python';
import type { Report } from './harness';
import { interleaved } from './interleave';
import { UNDER_TEST, codecUnderTest } from './under-test';

const N = Number(process.env.CODEC_BENCH_N ?? 10_000);
const ALL_SHAPES = ['typical', 'hard', 'strict'] as const;
const GOALS: Record<(typeof ALL_SHAPES)[number], number> = { typical: 0.25, hard: 1.0, strict: 1.0 };
const SHAPES = ALL_SHAPES.filter((shape) => (process.env.CODEC_BENCH_SHAPES ?? shape).split(',').includes(shape));

interface PyAnswer {
  texts: string[];
  rounds_ms: number[];
  rounds_cpu_ms: number[];
  check: string;
}

/**
 * CPU time (process.cpuUsage: all threads) of each subject, rounds interleaved, median after warm-up: on the shared
 * machine wall-time ratios to Python (timed in its own process at another moment) swung 0.8-1.3× between runs.
 */
function cpuInterleaved(subjects: { run: () => unknown }[], rounds = 9, warmup = 2): number[] {
  const times = subjects.map(() => [] as number[]);
  for (let round = 0; round < warmup + rounds; round++) {
    subjects.forEach((subject, index) => {
      const start = process.cpuUsage();
      subject.run();
      const used = process.cpuUsage(start);
      if (round >= warmup) times[index]!.push((used.user + used.system) / 1000);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[list.length >> 1]!);
}

let sink = 0;

export default function pynencCodecBench(report: Report): void {
  const { fromJson, toJson } = codecUnderTest();
  const where = UNDER_TEST;
  for (const shape of SHAPES) {
    const py = runOracle<PyAnswer>(
      'codec_bench.py',
      { shape, n: N, seed: 16, rounds: 5, warmup: 1 },
      { timeoutMs: 600_000 },
    );
    const texts = py.texts;
    const roundTrip = () => texts.map((t) => toJson('TriggerRunRecord', fromJson('TriggerRunRecord', t)));
    const check = createHash('sha1').update(roundTrip().join('\n')).digest('hex');
    if (check !== py.check) throw new Error(`${shape}: toJson(fromJson(text)) differs from pynenc's round trip`);
    const values: TriggerRunRecord[] = texts.map((t) => fromJson('TriggerRunRecord', t));
    const subjects = [
      { name: 'toJson(fromJson(text))', run: () => (sink += roundTrip().length) },
      { name: 'fromJson', run: () => texts.forEach((t) => (sink += fromJson('TriggerRunRecord', t) ? 1 : 0)) },
      {
        name: 'toJson → bytes',
        run: () => values.forEach((v) => (sink += Buffer.from(toJson('TriggerRunRecord', v)).length)),
      },
      { name: 'JSON.parse (where it reads the text)', run: () => texts.forEach((t) => (sink += jsonParse(t))) },
      // V8's own read and write of the same values, kept as the round trip keeps its texts: no checks, none of
      // Python's text (separators, ensure_ascii, number repr), so a floor for this machine, not a rival.
      { name: 'JSON.stringify(JSON.parse(text)) (V8, kept)', run: () => (sink += texts.map(jsonRoundTrip).length) },
    ];
    const [both, read, write, parse, native] = interleaved(subjects);
    const pyMs = py.rounds_ms.slice().sort((a, b) => a - b)[py.rounds_ms.length >> 1]!;
    const group = `pynenc round trip, ${shape} shape, ${N} texts, ${where} (goal ≤ ${GOALS[shape]}× pynenc)`;
    report.note(group, 'pynenc from_json().to_json()', `${pyMs.toFixed(1)} ms (CPython ${N} texts, median)`);
    for (const m of [both!, read!, write!, parse!, native!]) {
      report.note(group, m.name, `${m.medianMs.toFixed(1)} ms  ${(m.medianMs / pyMs).toFixed(2)}× pynenc`);
    }
    const ratio = both!.medianMs / pyMs;
    report.note(group, 'goal (wall)', `read+write ${ratio.toFixed(2)}× pynenc — ${verdict(ratio <= GOALS[shape])}`);
    const pyCpu = py.rounds_cpu_ms.slice().sort((a, b) => a - b)[py.rounds_cpu_ms.length >> 1]!;
    const [bothCpu, readCpu, writeCpu, parseCpu, nativeCpu] = cpuInterleaved(subjects);
    const cpuRatio = bothCpu! / pyCpu;
    report.note(
      group,
      'CPU time',
      `pynenc ${pyCpu.toFixed(1)} ms; read+write ${bothCpu!.toFixed(1)}, fromJson ${readCpu!.toFixed(1)} ` +
        `(${(readCpu! / parseCpu!).toFixed(2)}× JSON.parse ${parseCpu!.toFixed(1)}), toJson → bytes ${writeCpu!.toFixed(1)}; ` +
        `V8's JSON.stringify(JSON.parse) kept ${nativeCpu!.toFixed(1)} (${(nativeCpu! / pyCpu).toFixed(2)}× pynenc)`,
    );
    report.note(
      group,
      'goal (CPU)',
      `read+write ${cpuRatio.toFixed(2)}× pynenc — ${verdict(cpuRatio <= GOALS[shape])}`,
    );
  }
  if (sink === -1) console.log(sink);
}

function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

/** V8's own round trip of a text JSON.parse reads ('' for one it refuses: NaN, Infinity). */
function jsonRoundTrip(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return '';
  }
}

function jsonParse(text: string): number {
  try {
    return JSON.parse(text) ? 1 : 0;
  } catch {
    return 0;
  }
}
