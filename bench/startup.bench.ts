/**
 * Cold start and build time, each in fresh child processes:
 * - first validation after import (goal ≤ 5 ms): the sources compiled as the
 *   package ships them (tsc -p tsconfig.build.json into a temporary
 *   directory), then `node` requiring the package root (and, apart, the
 *   `./validation` entry) and validating one EventRecord; the child times
 *   import and first validate itself;
 * - `npm run generate` (goal ≤ 5 s): the whole pipeline on a copy of
 *   contract/ and generated/, through npm as a developer runs it.
 * Median of 7 children (5 for generate).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, type Report } from './harness';

const ROOT = resolve(__dirname, '..');
export const FIRST_VALIDATION_GOAL_MS = 5;
export const GENERATE_GOAL_MS = 5_000;

const CHILD = `
const { performance } = require('node:perf_hooks');
const t0 = performance.now();
const pkg = require(process.argv[1]);
const t1 = performance.now();
const doc = ${JSON.stringify({
  event_id: 'evt-1',
  event_code: 'order.created',
  timestamp: '2026-05-09T10:11:12.345678+00:00',
  payload: { order_id: '42' },
  matched_condition_ids: [],
  valid_condition_ids: [],
  triggered_invocation_ids: [],
  emitted_by_invocation_id: null,
  emitted_by_task_id: null,
  emitted_by_runner_context_id: null,
})};
const ok = pkg.validate('EventRecord', doc).ok;
const t2 = performance.now();
const bad = pkg.validate('EventRecord', { ...doc, timestamp: 'x' }).ok;
const t3 = performance.now();
console.log(JSON.stringify({ ok, bad, importMs: t1 - t0, firstValidateMs: t2 - t1, firstInvalidMs: t3 - t2 }));
`;

export default function startupBench(report: Report): void {
  // inside the repo, so the build resolves the dependencies in node_modules/ as an install would
  const out = mkdtempSync(join(ROOT, 'node_modules', '.contract-bench-build-'));
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
    const entries: [string, string][] = [
      ['package root', join(out, 'src', 'index.js')],
      ['the validation entry, pynenc-monitoring-contract/validation', join(out, 'src', 'validation', 'index.js')],
    ];
    for (const [label, entry] of entries) {
      const runs: { importMs: number; firstValidateMs: number; firstInvalidMs: number; ok: boolean; bad: boolean }[] = [];
      for (let i = 0; i < 7; i++) {
        const child = spawnSync(process.execPath, ['-e', CHILD, entry], { encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`startup child failed: ${child.stderr}`);
        runs.push(JSON.parse(child.stdout));
      }
      if (!runs.every((r) => r.ok && !r.bad)) throw new Error('startup child got wrong verdicts');
      const group = `cold start: require(${label}) in a fresh node process (median of ${runs.length})`;
      const imp = median(runs.map((r) => r.importMs));
      const first = median(runs.map((r) => r.firstValidateMs));
      const both = median(runs.map((r) => r.importMs + r.firstValidateMs));
      report.note(group, 'require', `${imp.toFixed(1)} ms`);
      report.note(group, 'first validate (valid EventRecord)', `${first.toFixed(2)} ms`);
      report.note(group, 'first invalid (builds the diagnosers)', `${median(runs.map((r) => r.firstInvalidMs)).toFixed(2)} ms`);
      report.note(
        group,
        'goal: import + first validation ≤ 5 ms',
        `${both.toFixed(1)} ms — ${both <= FIRST_VALIDATION_GOAL_MS ? 'met' : 'MISSED'} (first validate alone: ${first <= FIRST_VALIDATION_GOAL_MS ? 'met' : 'missed'})`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  const copy = mkdtempSync(join(tmpdir(), 'contract-bench-generate-'));
  try {
    cpSync(join(ROOT, 'contract'), join(copy, 'contract'), { recursive: true });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      rmSync(join(copy, 'generated'), { recursive: true, force: true });
      const start = performance.now();
      const run = spawnSync('npm', ['run', '-s', 'generate', '--', '--root', copy], { cwd: ROOT, encoding: 'utf8' });
      times.push(performance.now() - start);
      if (run.status !== 0) throw new Error(`npm run generate failed: ${run.stderr}`);
    }
    const ms = median(times);
    report.note(
      'npm run generate (all of generated/ from scratch, median of 5)',
      'goal: ≤ 5 s',
      `${(ms / 1000).toFixed(2)} s — ${ms <= GENERATE_GOAL_MS ? 'met' : 'MISSED'}`,
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
