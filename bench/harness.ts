/**
 * Benchmark harness: every case is timed in the same process as its baseline,
 * median of several rounds after warm-up, and reported as a ratio — absolute
 * times on a shared 2-core machine say little, ratios say what we promise.
 */
import { performance } from 'node:perf_hooks';

export interface MeasureOptions {
  /** Rounds timed after warm-up; the median is reported. */
  rounds?: number;
  /** Untimed rounds first, so the JIT has settled. */
  warmup?: number;
}

export interface Measurement {
  name: string;
  medianMs: number;
  roundsMs: number[];
}

export function measure(name: string, fn: () => unknown, options: MeasureOptions = {}): Measurement {
  const rounds = options.rounds ?? 7;
  const warmup = options.warmup ?? 2;
  for (let i = 0; i < warmup; i++) fn();
  const roundsMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn();
    roundsMs.push(performance.now() - start);
  }
  return { name, medianMs: median(roundsMs), roundsMs };
}

export async function measureAsync(
  name: string,
  fn: () => Promise<unknown>,
  options: MeasureOptions = {},
): Promise<Measurement> {
  const rounds = options.rounds ?? 7;
  const warmup = options.warmup ?? 2;
  for (let i = 0; i < warmup; i++) await fn();
  const roundsMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    roundsMs.push(performance.now() - start);
  }
  return { name, medianMs: median(roundsMs), roundsMs };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ReportRow {
  group: string;
  name: string;
  medianMs: number;
  baseline?: string;
  ratio?: number;
  opsPerSec?: number;
  note?: string;
}

/** Collects rows across bench files; bench/index.ts prints them at the end. */
export class Report {
  readonly rows: ReportRow[] = [];

  /** Records `subject` against `baseline` (both measured in this run). */
  ratio(group: string, subject: Measurement, baseline: Measurement, items?: number): void {
    this.rows.push({
      group,
      name: subject.name,
      medianMs: subject.medianMs,
      baseline: baseline.name,
      ratio: subject.medianMs / baseline.medianMs,
      opsPerSec: items ? (items * 1000) / subject.medianMs : undefined,
    });
  }

  plain(group: string, subject: Measurement, items?: number, note?: string): void {
    this.rows.push({
      group,
      name: subject.name,
      medianMs: subject.medianMs,
      opsPerSec: items ? (items * 1000) / subject.medianMs : undefined,
      note,
    });
  }

  note(group: string, name: string, note: string): void {
    this.rows.push({ group, name, medianMs: Number.NaN, note });
  }

  print(out: (line: string) => void = console.log): void {
    let group = '';
    for (const row of this.rows) {
      if (row.group !== group) {
        group = row.group;
        out(`\n## ${group}`);
      }
      const parts = [row.name.padEnd(48)];
      if (!Number.isNaN(row.medianMs)) parts.push(`${row.medianMs.toFixed(2).padStart(10)} ms`);
      if (row.ratio !== undefined) parts.push(`${row.ratio.toFixed(2).padStart(6)}× ${row.baseline}`);
      if (row.opsPerSec !== undefined) parts.push(`${Math.round(row.opsPerSec).toLocaleString('en-US')}/s`);
      if (row.note) parts.push(row.note);
      out(parts.join('  '));
    }
  }
}

/** A bench file default-exports one of these. */
export type BenchFile = (report: Report) => Promise<void> | void;
