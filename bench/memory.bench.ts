/**
 * Peak RSS per bench case and operation, each in its own child process
 * (bench/memory-child.ts): the process's peak resident size, and how far the
 * operation — run over the whole case with every result kept — pushed it
 * above the resident size just before (fixtures built, code loaded). The
 * `fixture` row is the floor: node, tsx, the sources and the case's texts (and
 * for the write ops their values). Then the source-text retention check for a
 * 10k-marker page.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { CASE_NAMES, makeCase } from './cases';
import type { Report } from './harness';
import { quicktypeConverter } from './peers';

const CHILD = join(__dirname, 'memory-child.ts');
const OPS = [
  'fixture',
  'JSON.parse',
  'fromJson',
  'JSON.parse+validate',
  'zod',
  'quicktype',
  'JSON.stringify',
  'toJson',
] as const;

function child(args: string[]): unknown {
  const run = spawnSync(process.execPath, ['--expose-gc', '--require', 'tsx/cjs', CHILD, ...args], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (run.status !== 0) throw new Error(`memory child ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

export default async function memoryBench(report: Report): Promise<void> {
  const quicktype = await quicktypeConverter();
  try {
    for (const name of CASE_NAMES) {
      const group = `memory: ${name} (peak RSS of the child process; op = what the operation added, results kept)`;
      const c = makeCase(name);
      const textsFile = join(quicktype.file, '..', `${name}.json`);
      writeFileSync(textsFile, JSON.stringify(c.texts));
      for (const op of OPS) {
        const m = child([textsFile, c.dto, op, quicktype.file]) as {
          peakRssMiB: number;
          opPeakMiB: number;
          keptHeapMiB: number;
        };
        report.note(
          group,
          op,
          `peak ${m.peakRssMiB.toFixed(1)} MiB, op +${Math.max(0, m.opPeakMiB).toFixed(1)} MiB, results hold ${m.keptHeapMiB.toFixed(1)} MiB of heap`,
        );
      }
    }
  } finally {
    quicktype.dispose();
  }
  const outcomes = child(['-', '-', 'retention']) as {
    subject: string;
    textBytes: number;
    freedBytes: number;
    textReleased: boolean;
  }[];
  for (const o of outcomes) {
    report.note(
      'memory: is the 10k-marker page text released after decoding? (large-object space freed when the text is dropped)',
      o.subject,
      `${o.textReleased ? 'released' : 'KEPT ALIVE'}: ${(o.freedBytes / 1e6).toFixed(2)} of ${(o.textBytes / 1e6).toFixed(2)} MB freed`,
    );
  }
}
