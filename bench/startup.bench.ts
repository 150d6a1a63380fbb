/**
 * Cold start, bundle size and build time:
 * - cold start — import plus first validation — of the package root (goal ≤ 10 ms) and of the `./validation`
 *   entry
 *   (goal ≤ 3 ms), each in fresh child processes, on the code as the package ships it: both builds made as
 *   `npm run compile` makes them (tsc -p tsconfig.build.json for CommonJS, scripts/build-esm.ts for ES modules) into
 *   a temporary folder. The child times `require` (CommonJS) or `await import` (ESM; the loader is warmed by one
 *   empty import first, as in a program that is already an ES module) and its first validate itself;
 * - bundle size of the browser builds: esbuild (platform browser, minified) of programs importing `./validation` and
 *   the root (which holds no store), raw and gzip;
 * - `npm run generate` (goal ≤ 5 s): the whole pipeline on a copy of contract/ and generated/, through npm as a
 *   developer runs it.
 * Median of 9 children (5 for generate).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildEsm } from '../scripts/build-esm';
import { median, type Report } from './harness';

const ROOT = resolve(__dirname, '..');
export const COLD_START_GOALS_MS = { root: 10, validation: 3 } as const;
export const GENERATE_GOAL_MS = 5_000;

const DOC = {
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
};

/** The child's body after `pkg` is loaded (t0 before loading, t1 after). */
const AFTER_LOAD = `
const doc = ${JSON.stringify(DOC)};
const ok = pkg.validate('EventRecord', doc).ok;
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
const bad = pkg.validate('EventRecord', { ...doc, timestamp: 'x' }).ok;
const t3 = performance.now();
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(JSON.stringify({ ok, bad, importMs: t1 - t0, firstValidateMs: t2 - t1, firstInvalidMs: t3 - t2, cpuMs }));
`;

const CJS_CHILD = `const { performance } = require('node:perf_hooks');
const c0 = process.cpuUsage();
const t0 = performance.now();
const pkg = require(process.argv[1]);
const t1 = performance.now();${AFTER_LOAD}`;

const ESM_CHILD = `await import('data:text/javascript,export default 0');
const c0 = process.cpuUsage();
const t0 = performance.now();
const pkg = await import(process.argv[1]);
const t1 = performance.now();${AFTER_LOAD}`;

type Run = {
  importMs: number;
  firstValidateMs: number;
  firstInvalidMs: number;
  /** CPU time (user + system) of load and first validation: less sensitive than wall time to a busy machine. */
  cpuMs: number;
  ok: boolean;
  bad: boolean;
};

function coldStarts(args: string[], entry: string, rounds = 9): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    const child = spawnSync(process.execPath, [...args, entry], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`startup child failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout) as Run);
  }
  if (!runs.every((r) => r.ok && !r.bad)) throw new Error('startup child got wrong verdicts');
  return runs;
}

async function browserBundle(code: string, resolveDir: string): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

export default async function startupBench(report: Report): Promise<void> {
  // inside the repo, so the builds resolve the dependencies in node_modules/ as an install would
  const out = mkdtempSync(join(ROOT, 'node_modules', '.contract-bench-build-'));
  try {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], {
      stdio: 'inherit',
    });
    buildEsm(join(out, 'esm'));
    const entries = [
      { goal: COLD_START_GOALS_MS.root, label: 'package root', file: join('src', 'index.js') },
      {
        goal: COLD_START_GOALS_MS.validation,
        label: 'pynenc-monitoring-contract/validation',
        file: join('src', 'entries', 'validation.js'),
      },
    ];
    for (const { goal, label, file } of entries) {
      for (const [how, args, path] of [
        ['require (CommonJS build)', ['-e', CJS_CHILD], join(out, file)],
        ['import (ESM build)', ['--input-type=module', '-e', ESM_CHILD], pathToFileURL(join(out, 'esm', file)).href],
      ] as const) {
        const runs = coldStarts([...args], path);
        const group = `cold start of ${label}: ${how}, fresh node process (median of ${runs.length})`;
        const both = median(runs.map((r) => r.importMs + r.firstValidateMs));
        report.note(group, 'load', `${median(runs.map((r) => r.importMs)).toFixed(1)} ms`);
        report.note(
          group,
          'first validate (valid EventRecord)',
          `${median(runs.map((r) => r.firstValidateMs)).toFixed(2)} ms`,
        );
        report.note(
          group,
          'first invalid (first diagnoser call)',
          `${median(runs.map((r) => r.firstInvalidMs)).toFixed(2)} ms`,
        );
        const cpu = median(runs.map((r) => r.cpuMs));
        report.note(group, 'CPU time of load + first validation', `${cpu.toFixed(1)} ms`);
        report.note(
          group,
          `goal: load + first validation ≤ ${goal} ms`,
          `${both.toFixed(1)} ms — ${both <= goal ? 'met' : 'MISSED'}`,
        );
      }
    }
    const group = 'browser bundle (esbuild --platform=browser --minify, of the ESM build; gzip -9)';
    for (const [name, code] of [
      ['/validation, all of it', `export * from './src/entries/validation.js';`],
      ['/validation, { validate }', `export { validate } from './src/entries/validation.js';`],
      ['root (no stores), all of it', `export * from './src/index.js';`],
      ['root, { validate, fromJson, toJson }', `export { validate, fromJson, toJson } from './src/index.js';`],
      [
        'root + /datastore (MemoryStore, encode/decode)',
        `export * from './src/index.js';
        export { ClientDataStore, MemoryStore, encodeEventRecord, decodeEventRecord }
          from './src/entries/datastore.js';`,
      ],
    ] as const) {
      const size = await browserBundle(code, join(out, 'esm'));
      report.note(group, name, `${kb(size.min)} minified, ${kb(size.gzip)} gzip`);
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
