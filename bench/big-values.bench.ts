/**
 * Issue 16, big values: one TriggerRunRecord whose arguments_preview holds 25 M ints, 12 M integral floats
 * (`1.0`), a 1 M-key object, or 10 M characters of strings with astral and escaped characters, written by pynenc's
 * own `to_json()` (scripts/python/codec_bench.py, request `big`). Each operation runs in its own child process
 * (bench/big-values-child.ts) for its peak resident size: fromJson (and parsePythonJson) against JSON.parse of the
 * same text, toJson against JSON.stringify, both as bytes (`Buffer.from(text)`). The toJson bytes are checked
 * against the sha1 of pynenc's `TriggerRunRecord.from_json(text).to_json()` first.
 *
 * Goals: fromJson ≤ 2× JSON.parse, toJson ≤ 2× JSON.stringify (ratios of CPU time, median of the rounds; wall time
 * beside), the peak an operation adds ≤ 3× the text's size
 * (JSON.parse's own peak is shown beside it: a JavaScript array holds 8 bytes per element, so 25 M one-digit ints,
 * 3 bytes each in the text, need more than 2.6× the text once read, whatever reads them).
 *
 * BIG_VALUES_SCALE (default 1: the sizes; 0.1 for a quick run), BIG_VALUES_SHAPES (comma-separated, default
 * ints,floats,object,strings), BIG_VALUES_ROUNDS (timed runs after the measured one, default 3), CODEC_BUILD=/tmp/dir
 * (the compiled package, as in bench/pynenc-codec.bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runOracle } from '../test/support/pynenc-python';
import type { Report } from './harness';
import { UNDER_TEST } from './under-test';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

const CHILD = join(__dirname, 'big-values-child.ts');
const SCALE = Number(process.env.BIG_VALUES_SCALE ?? 1);
const SHAPES = (process.env.BIG_VALUES_SHAPES ?? 'ints,floats,object,strings').split(',');
const ROUNDS = process.env.BIG_VALUES_ROUNDS ?? '3';
const READ_OPS = ['JSON.parse', 'fromJson', 'parsePythonJson'] as const;
const WRITE_OPS = ['JSON.stringify', 'toJson'] as const;
const SIZES: Record<string, string> = {
  ints: '25 M ints',
  floats: '12 M integral floats',
  object: 'a 1 M-key object',
  strings: '10 M characters of strings',
};

interface Written {
  bytes: number;
  round_trip_check: string;
}

interface Measured {
  op: string;
  textBytes: number;
  firstMs: number;
  medianMs: number;
  medianCpuMs: number;
  opPeakMiB: number;
  check?: string;
}

function child(file: string, op: string): Measured {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=12000', '--require', 'tsx/cjs', CHILD, file, op, ROUNDS],
    { cwd: join(__dirname, '..'), encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (run.status !== 0) throw new Error(`big-values child ${op} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Measured;
}

export default function bigValuesBench(report: Report): void {
  const dir = makeTempDir('big-values-');
  const where = UNDER_TEST;
  try {
    for (const shape of SHAPES) {
      const file = join(dir, `${shape}.json`);
      const py = runOracle<Written>('codec_bench.py', { big: shape, scale: SCALE, path: file }, { timeoutMs: 600_000 });
      const size = SCALE === 1 ? SIZES[shape] : `${SIZES[shape]} × ${SCALE}`;
      const group = `big values: ${size} (${(py.bytes / 1e6).toFixed(1)} MB text), ${where}`;
      const measured = new Map<string, Measured>();
      for (const op of [...READ_OPS, ...WRITE_OPS]) {
        const m = child(file, op);
        measured.set(op, m);
        if (op === 'toJson' && m.check !== py.round_trip_check) {
          throw new Error(`${shape}: toJson(fromJson(text)) differs from pynenc's from_json(text).to_json()`);
        }
      }
      for (const [op, m] of measured) {
        const base = measured.get(READ_OPS.includes(op as never) ? 'JSON.parse' : 'JSON.stringify')!;
        const ratio = m.medianCpuMs / base.medianCpuMs;
        const peakRatio = (m.opPeakMiB * 1024 * 1024) / py.bytes;
        report.note(
          group,
          op,
          `CPU ${m.medianCpuMs.toFixed(0).padStart(6)} ms (wall ${m.medianMs.toFixed(0)}, first ${m.firstMs.toFixed(0)})  ` +
            `${ratio.toFixed(2)}× ${base.op}  ` +
            `peak +${m.opPeakMiB.toFixed(0)} MiB = ${peakRatio.toFixed(2)}× the text`,
        );
      }
      const read = measured.get('fromJson')!.medianCpuMs / measured.get('JSON.parse')!.medianCpuMs;
      const write = measured.get('toJson')!.medianCpuMs / measured.get('JSON.stringify')!.medianCpuMs;
      const peak = Math.max(measured.get('fromJson')!.opPeakMiB, measured.get('toJson')!.opPeakMiB) * 1024 * 1024;
      const parsePeak = measured.get('JSON.parse')!.opPeakMiB * 1024 * 1024;
      const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
      report.note(
        group,
        'goals',
        `fromJson ${read.toFixed(2)}× (≤ 2: ${verdict(read <= 2)}), toJson ${write.toFixed(2)}× (≤ 2: ` +
          `${verdict(write <= 2)}), peak ${(peak / py.bytes).toFixed(2)}× text (≤ 3: ${verdict(peak <= 3 * py.bytes)}; ` +
          `JSON.parse's ${(parsePeak / py.bytes).toFixed(2)}×)`,
      );
      rmSync(file, { force: true });
    }
  } finally {
    removeTempDir(dir);
  }
}
