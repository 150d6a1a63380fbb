/**
 * Bounded diagnosis (issue 15 #2): peak RSS and time of each entry over a document at maxDocumentLength (64 MiB)
 * made of problems (bench/problem-documents.ts), each in its own child process under a 512 MiB heap
 * (--max-old-space-size), measured by the kernel (`/usr/bin/time`'s maximum resident set size). `whole` is the
 * behaviour before the cap: one uncapped Ajv run with every error kept; `JSON.parse alone` the floor (the text and
 * the parsed value, which no cap can shrink). Figures: BENCHMARKS.md, "Bounded diagnosis".
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_DOCUMENTS, PROBLEM_DTO, problemDocument } from './problem-documents';
import type { Report } from './harness';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

const ROOT = join(__dirname, '..');
const CHILD = join(ROOT, 'test', 'hardening', 'max-issues-child.ts');
const HEAP_MIB = 512;

interface Outcome {
  peakMiB: number;
  seconds: number;
  status: number | null;
  out: string;
  err: string;
}

/** `node --max-old-space-size=512 --require tsx/cjs <args>` under /usr/bin/time: its peak RSS and wall time. */
function timed(args: string[]): Outcome {
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', 'H10TIME %M %e', process.execPath, `--max-old-space-size=${HEAP_MIB}`, '--require', 'tsx/cjs', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  const mark = /H10TIME (\d+) ([\d.]+)/.exec(run.stderr);
  return {
    peakMiB: mark ? Number(mark[1]) / 1024 : NaN,
    seconds: mark ? Number(mark[2]) : NaN,
    status: run.status,
    out: run.stdout,
    err: run.stderr,
  };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function outcome(o: Outcome, what: string): string {
  const died = /heap out of memory/.test(o.err)
    ? 'OUT OF MEMORY after '
    : o.status !== 0 && o.status !== 1
      ? `exit ${o.status}, `
      : '';
  return `${died}peak ${o.peakMiB.toFixed(0)} MiB, ${o.seconds.toFixed(1)} s${died ? '' : `; ${what}`}`;
}

export default function boundedBench(report: Report): void {
  const dir = makeTempDir('bounded-bench-');
  try {
    for (const name of PROBLEM_DOCUMENTS) {
      const group = `bounded diagnosis: ${name} (64 MiB, ${HEAP_MIB} MiB heap; peak RSS of the child, wall time)`;
      const file = join(dir, `${name}.json`);
      writeFileSync(file, problemDocument(name));
      for (const entry of ['parse', 'whole', 'validate', 'fromJson', 'fromJsonReject'] as const) {
        const o = timed([CHILD, name, entry]);
        let what = '';
        if (o.status === 0) {
          const r = JSON.parse(o.out.trim().split('\n').pop()!) as { listed: number; more: number; ms: number };
          what =
            entry === 'parse'
              ? 'the floor: the text and its parsed value'
              : entry === 'whole'
                ? `${r.listed.toLocaleString('en-US')} issues`
                : `${r.listed} listed + ${count(r.more)} counted, the call ${(r.ms / 1000).toFixed(1)} s`;
        }
        const label =
          entry === 'parse' ? 'JSON.parse alone' : entry === 'whole' ? 'one uncapped Ajv run (before)' : `${entry}()`;
        report.note(group, label, outcome(o, what));
      }
      for (const command of ['validate', 'format'] as const) {
        const o = timed(['src/cli/main.ts', command, PROBLEM_DTO[name], file]);
        const more = /(\d+) more (problems|unknown keys) not listed/.exec(command === 'validate' ? o.out : o.err);
        report.note(
          group,
          `CLI ${command}`,
          outcome(
            o,
            `exit ${o.status}, ${more ? `${count(Number(more[1]))} more ${more[2]} not listed` : 'no "more" line'}`,
          ),
        );
      }
    }
  } finally {
    removeTempDir(dir);
  }
}
