/**
 * Cold start, bundle size and build time:
 * - cold start — import plus first validation — of the package root (goal ≤ 10 ms) and of the `./validation` entry
 *   (goal ≤ 3 ms), on the code as the package ships it: both builds made by scripts/build.ts into a temporary folder
 *   (or the builds in the folders `STARTUP_DIST` names, comma-separated, compared in the same run: e.g.
 *   `STARTUP_DIST=dist,/tmp/old-dist npm run bench startup`; bundle sizes are of the first). Each sample is
 *   a fresh node process running a program file (.cjs: `require`; .mjs: `await import`, the loader already warm from
 *   loading the program itself) that times the load and its first validate; `import` loads dist/esm (the one ES
 *   module build, for Node, bundlers and browsers). Beside wall time, the CPU time of the process over the same
 *   span (all its threads: less sensitive than wall time to a busy machine). The floor is
 *   measured in the same run by the same programs loading an empty module, and whole processes (`node -e 0`, and a
 *   program that loads the root and validates) beside it: what node itself costs. Every case runs once per round,
 *   in a rotated order, so a change of load hits all of them alike; medians of the rounds;
 * - bundle size of the browser builds: esbuild (platform browser, minified) of programs importing `./validation` and
 *   the root (which holds no store), raw and gzip;
 * - `npm run generate` (goal ≤ 5 s): the whole pipeline on a copy of contract/ and generated/, through npm as a
 *   developer runs it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildPackage } from '../scripts/build';
import { withDefaults } from '../test/support/records';
import { median, type Report } from './harness';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

const ROOT = resolve(__dirname, '..');
export const COLD_START_GOALS_MS = { root: 10, validation: 3 } as const;
export const GENERATE_GOAL_MS = 5_000;
const ROUNDS = 21;

const DOC = withDefaults('EventRecord', {
  event_id: 'evt-1',
  event_code: 'order.created',
  timestamp: '2026-05-09T10:11:12.345678+00:00',
  payload: { order_id: '42' },
});

/** The child's body after `pkg` is loaded (startCpu and t0 taken before loading, t1 after). */
const AFTER_LOAD = `
const doc = ${JSON.stringify(DOC)};
const ok = pkg.validate('EventRecord', doc).ok;
const t2 = performance.now();
const cpu = process.cpuUsage(startCpu);
const bad = pkg.validate('EventRecord', { ...doc, timestamp: 'x' }).ok;
const t3 = performance.now();
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(JSON.stringify({ ok, bad, loadMs: t1 - t0, firstValidateMs: t2 - t1, firstInvalidMs: t3 - t2, cpuMs }));
`;

const CJS_CHILD = `const { performance } = require('node:perf_hooks');
const startCpu = process.cpuUsage();
const t0 = performance.now();
const pkg = require(process.argv[2]);
const t1 = performance.now();${AFTER_LOAD}`;

const ESM_CHILD = `const startCpu = process.cpuUsage();
const t0 = performance.now();
const pkg = await import(process.argv[2]);
const t1 = performance.now();${AFTER_LOAD}`;

/** The floor: a module with a validate that answers as the package does, and nothing else. */
const EMPTY_CJS = `exports.validate = (dto, doc) => ({ ok: doc.timestamp !== 'x' });\n`;
const EMPTY_ESM = `export const validate = (dto, doc) => ({ ok: doc.timestamp !== 'x' });\n`;

type Sample = {
  loadMs: number;
  firstValidateMs: number;
  firstInvalidMs: number;
  /** CPU time (user + system, all threads) of load and first validation. */
  cpuMs: number;
  ok: boolean;
  bad: boolean;
};

interface Case {
  label: string;
  /** The argv of one sample (after node). */
  args: string[];
  /** Whole-process cases are timed by the parent (spawn to exit), the others by the child. */
  whole?: boolean;
  samples: Sample[];
}

function runSample(item: Case): void {
  const started = performance.now();
  const child = spawnSync(process.execPath, item.args, { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`startup child failed (${item.label}): ${child.stderr}`);
  if (item.whole) {
    item.samples.push({
      loadMs: wallMs,
      firstValidateMs: 0,
      firstInvalidMs: 0,
      cpuMs: Number.NaN,
      ok: true,
      bad: false,
    });
    return;
  }
  const sample = JSON.parse(child.stdout) as Sample;
  if (!sample.ok || sample.bad) throw new Error(`startup child got wrong verdicts (${item.label})`);
  item.samples.push(sample);
}

/** Every case once per round, the order rotated each round. */
function runRounds(cases: Case[], rounds: number): void {
  for (let round = 0; round < rounds; round++) {
    for (let offset = 0; offset < cases.length; offset++) runSample(cases[(round + offset) % cases.length]!);
  }
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

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number, digits = 1): string => `${value.toFixed(digits)} ms`;

/** The measured loads of one build (folder `dist`), labelled with `name` when several builds are compared. */
function entryCases(dist: string, name: string, loaded: (how: Format, file: string, label: string) => Case) {
  const suffix = name ? ` [${name}]` : '';
  const esm = join(dist, 'esm');
  return [
    [loaded('cjs', join(dist, 'src', 'index.js'), `package root, require (CommonJS build)${suffix}`), 'cjs', 'root'],
    [loaded('esm', join(esm, 'src', 'index.js'), `package root, import (ESM build)${suffix}`), 'esm', 'root'],
    [
      loaded('cjs', join(dist, 'src', 'entries', 'validation.js'), `/validation, require (CommonJS build)${suffix}`),
      'cjs',
      'validation',
    ],
    [
      loaded('esm', join(esm, 'src', 'entries', 'validation.js'), `/validation, import (ESM build)${suffix}`),
      'esm',
      'validation',
    ],
  ] as const;
}

type Format = 'cjs' | 'esm';

function coldStart(report: Report, dists: string[], work: string): void {
  const programs = { cjs: join(work, 'child.cjs'), esm: join(work, 'child.mjs') };
  writeFileSync(programs.cjs, CJS_CHILD);
  writeFileSync(programs.esm, ESM_CHILD);
  writeFileSync(join(work, 'empty.cjs'), EMPTY_CJS);
  writeFileSync(join(work, 'empty.mjs'), EMPTY_ESM);
  const loaded = (how: Format, file: string, label: string): Case => ({
    label,
    args: [programs[how], how === 'cjs' ? file : pathToFileURL(file).href],
    samples: [],
  });
  const validate = `.validate('EventRecord', ${JSON.stringify(DOC)})`;
  const whole: Case[] = [
    { label: 'node -e 0', args: ['-e', '0'], whole: true, samples: [] },
    {
      label: 'node -e "require(root).validate(…)"',
      args: ['-e', `require(${JSON.stringify(join(dists[0]!, 'src', 'index.js'))})${validate}`],
      whole: true,
      samples: [],
    },
  ];
  const floors = {
    cjs: loaded('cjs', join(work, 'empty.cjs'), 'require'),
    esm: loaded('esm', join(work, 'empty.mjs'), 'import'),
  };
  const names = dists.map((dist) => (dists.length > 1 ? relative(ROOT, dist) || dist : ''));
  const measured = dists.flatMap((dist, index) => entryCases(dist, names[index]!, loaded));
  const load = loadavg()[0]!;
  runRounds([...whole, floors.cjs, floors.esm, ...measured.map(([item]) => item)], ROUNDS);
  const after = loadavg()[0]!;
  const group = `cold start: load + first validation, fresh node processes (median of ${ROUNDS} rounds)`;
  report.note(group, 'machine load (1-min load average, before → after)', `${load.toFixed(1)} → ${after.toFixed(1)}`);
  const total = (item: Case): number[] => item.samples.map((sample) => sample.loadMs + sample.firstValidateMs);
  const cpuOf = (item: Case): number => median(item.samples.map((sample) => sample.cpuMs));
  for (const item of whole) report.note(group, `whole process: ${item.label}`, ms(median(total(item))));
  for (const how of ['cjs', 'esm'] as const) {
    const item = floors[how];
    report.note(
      group,
      `floor: empty module, ${item.label}`,
      `${ms(median(total(item)), 2)} wall, ${ms(cpuOf(item), 2)} CPU`,
    );
  }
  for (const [item, how, entry] of measured) {
    const goal = COLD_START_GOALS_MS[entry];
    const wall = median(total(item));
    const cpu = cpuOf(item);
    const parts = [
      `${ms(wall)} wall (load ${ms(median(item.samples.map((sample) => sample.loadMs)))})`,
      `${ms(cpu)} CPU`,
      `above the floor ${ms(wall - median(total(floors[how])))} wall, ${ms(cpu - cpuOf(floors[how]))} CPU`,
      `first invalid +${ms(median(item.samples.map((sample) => sample.firstInvalidMs)), 2)}`,
      `goal ≤ ${goal} ms: ${wall <= goal ? 'met' : 'MISSED'} (wall)`,
    ];
    report.note(group, item.label, parts.join('; '));
  }
}

export default async function startupBench(report: Report): Promise<void> {
  // inside the repo, so the builds resolve the dependencies in node_modules/ as an install would
  const work = mkdtempSync(join(ROOT, 'node_modules', '.contract-bench-build-'));
  try {
    const given = process.env['STARTUP_DIST'];
    const dists = given ? given.split(',').map((folder) => resolve(folder)) : [join(work, 'dist')];
    if (!given) await buildPackage(dists[0]!);
    coldStart(report, dists, work);
    const dist = dists[0]!;
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
      const size = await browserBundle(code, join(dist, 'esm'));
      report.note(group, name, `${kb(size.min)} minified, ${kb(size.gzip)} gzip`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (process.env['STARTUP_DIST']) return;

  const copy = makeTempDir('contract-bench-generate-');
  try {
    cpSync(join(ROOT, 'contract'), join(copy, 'contract'), { recursive: true });
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      rmSync(join(copy, 'generated'), { recursive: true, force: true });
      const start = performance.now();
      const run = spawnSync('npm', ['run', '-s', 'generate', '--', '--root', copy], { cwd: ROOT, encoding: 'utf8' });
      times.push(performance.now() - start);
      if (run.status !== 0) throw new Error(`npm run generate failed: ${run.stderr}`);
    }
    const generateMs = median(times);
    report.note(
      'npm run generate (all of generated/ from scratch, median of 5)',
      'goal: ≤ 5 s',
      `${(generateMs / 1000).toFixed(2)} s — ${generateMs <= GENERATE_GOAL_MS ? 'met' : 'MISSED'}`,
    );
  } finally {
    removeTempDir(copy);
  }
}
