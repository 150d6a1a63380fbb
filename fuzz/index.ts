/**
 * `npm run fuzz [-- options]`: hostile-input checks of the runtime.
 *
 * 1. cases: 100,000 fast-check cases (default) over fromJson for all five DTOs
 *    (and toJson of what it returns), parsePythonJson, and decodeEventRecord
 *    with a MemoryStore (fuzz/targets.ts). Each target runs in a worker thread;
 *    a case that runs past --hang ms is stopped and reported with its replay.
 * 2. regex: every regex of contract/ and src/ on adversarial 100k-char strings.
 * 3. scale: big hostile documents timed at n and 4n items (superlinear work fails).
 * 4. memory: a 50 MB EventMarkerPage read in a child process with a capped heap.
 * 5. stores: random batches up to 200,000 entries and random values on every data store backend (fuzz/stores.ts).
 *
 * Options:
 *   --seed <n>        seed (default: random; always printed)
 *   --runs <n>        total cases (default 100000), split over the targets by weight
 *   --target <name>   only targets whose name contains this (e.g. fromJson:EventRecord)
 *   --path <p>        replay one case: with --seed and --target, as printed on a failure
 *   --budget <ms>     per-case time budget, a failure when exceeded (default 2000)
 *   --hang <ms>       a case running this long is stopped (default 30000)
 *   --only <parts>    comma-separated: cases, regex, scale, memory, stores (default all)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { TARGETS, plan } from './targets';
import type { WorkerInput, WorkerResult } from './worker';
import { contractPatterns, sampleStrings, sourceRegexes, type FoundRegex, type RegexTiming } from './regex';
import { MAX_GROWTH, SCALE_CASES, measure } from './scale';
import { stores } from './stores';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

const ROOT = join(__dirname, '..');

interface Args {
  seed: number;
  runs: number;
  target: string | undefined;
  path: string | undefined;
  budgetMs: number;
  hangMs: number;
  only: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i === -1) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`);
    return v;
  };
  const known = new Set(['--seed', '--runs', '--target', '--path', '--budget', '--hang', '--only']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a}`);
  const path = get('path');
  const target = get('target');
  if (path !== undefined && (target === undefined || get('seed') === undefined))
    throw new Error('--path needs --seed and --target');
  return {
    seed: get('seed') !== undefined ? Number(get('seed')) : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0,
    runs: Number(get('runs') ?? 100_000),
    target,
    path,
    budgetMs: Number(get('budget') ?? 2000),
    hangMs: Number(get('hang') ?? 30_000),
    only: new Set((get('only') ?? (path !== undefined ? 'cases' : 'cases,regex,scale,memory,stores')).split(',')),
  };
}

const WORKER = join(__dirname, 'worker.ts');

/** Runs one target in a worker; stops it when a case runs longer than hangMs. */
function runTarget(
  input: Omit<WorkerInput, 'shared' | 'epoch'>,
  hangMs: number,
): Promise<WorkerResult | { hang: string } | { crash: string }> {
  const shared = new SharedArrayBuffer(12);
  const cells = new Int32Array(shared);
  const epoch = Date.now();
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER)});`, {
    eval: true,
    workerData: { ...input, shared, epoch } satisfies WorkerInput,
  });
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: WorkerResult | { hang: string } | { crash: string }): void => {
      if (done) return;
      done = true;
      clearInterval(watch);
      resolve(r);
    };
    const watch = setInterval(() => {
      const started = Atomics.load(cells, 0);
      if (started === 0) return;
      const running = Date.now() - epoch - Atomics.load(cells, 1);
      if (running <= hangMs) return;
      const firstFailure = Atomics.load(cells, 2);
      void worker.terminate();
      const path = firstFailure > 0 ? String(firstFailure - 1) : String(started - 1);
      const phase =
        firstFailure > 0 ? `while shrinking the failure at case ${firstFailure - 1}` : `at case ${started - 1}`;
      finish({
        hang: `${input.target}: a case ran for more than ${hangMs} ms (${phase}); replay: npm run fuzz -- --target ${input.target} --seed ${input.seed} --path ${path}`,
      });
    }, 100);
    worker.on('message', (m: WorkerResult | { crash: string }) => finish(m));
    worker.on('error', (err) => finish({ crash: err.stack ?? String(err) }));
    worker.on('exit', (code) => finish({ crash: `worker exited with code ${code}` }));
  });
}

function percent(n: number, of: number): string {
  return `${((100 * n) / of).toFixed(n / of < 0.01 ? 2 : 0)}%`;
}

async function cases(args: Args): Promise<boolean> {
  const exact = TARGETS.filter((t) => t.name === args.target);
  const selected =
    exact.length > 0 ? exact : TARGETS.filter((t) => args.target === undefined || t.name.includes(args.target));
  if (selected.length === 0)
    throw new Error(`no target matches ${args.target}; targets: ${TARGETS.map((t) => t.name).join(', ')}`);
  const runs = args.path !== undefined ? selected.map((target) => ({ target, runs: 1 })) : plan(args.runs, selected);
  console.log(
    `\n== cases: ${runs.reduce((s, r) => s + r.runs, 0)} over ${runs.length} targets, seed ${args.seed}, budget ${args.budgetMs} ms per case`,
  );
  let ok = true;
  let total = 0;
  const t0 = performance.now();
  for (const { target, runs: n } of runs) {
    const r = await runTarget(
      { target: target.name, seed: args.seed, runs: n, path: args.path, budgetMs: args.budgetMs },
      args.hangMs,
    );
    if ('hang' in r) {
      console.log(`FAIL ${r.hang}`);
      ok = false;
      continue;
    }
    if ('crash' in r) {
      console.log(`FAIL ${target.name}: the worker crashed: ${r.crash}`);
      ok = false;
      continue;
    }
    total += r.cases;
    const outcomes = r.outcomes
      .sort((a, b) => b[1] - a[1])
      .map(([k, c]) => `${k} ${percent(c, r.cases)}`)
      .join(', ');
    console.log(
      `${r.failed ? 'FAIL' : 'ok  '} ${target.name.padEnd(32)} ${String(r.cases).padStart(6)} cases in ${(r.ms / 1000).toFixed(1)} s, slowest ${r.slowestMs.toFixed(0)} ms: ${outcomes}`,
    );
    if (r.failed) {
      ok = false;
      console.log(`     ${r.error?.split('\n')[0]}`);
      console.log(`     case: ${r.counterexample}`);
      console.log(`     replay: npm run fuzz -- --target ${target.name} --seed ${r.seed} --path ${r.path}`);
    }
  }
  console.log(`${total} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s, seed ${args.seed}`);
  return ok;
}

/**
 * Regex timing runs in a worker too: a catastrophic pattern would never
 * return. After a hang the worker is replaced and goes on with the next regex.
 */
async function regexes(args: Args): Promise<boolean> {
  const { found, dynamic } = sourceRegexes(ROOT);
  const contract = contractPatterns(ROOT);
  const all: FoundRegex[] = [...contract, ...found];
  console.log(
    `\n== regex: ${contract.length} contract pattern(s), ${found.length} regexes in src/, ${dynamic.length} RegExp call(s) with computed patterns`,
  );
  let ok = true;
  for (const d of dynamic) {
    console.log(
      `${d.covered ? 'ok  ' : 'FAIL'} ${d.where} ${d.expression}: ${d.covered ?? 'patterns from an unknown source; add it to DYNAMIC_SOURCES in fuzz/regex.ts with where they come from'}`,
    );
    if (!d.covered) ok = false;
  }
  const samples = sampleStrings(ROOT);
  const t0 = performance.now();
  let next = 0;
  while (next < all.length) {
    const shared = new SharedArrayBuffer(8);
    const cells = new Int32Array(shared);
    const epoch = Date.now();
    const worker = new Worker(
      `require('tsx/cjs');
       const { workerData, parentPort } = require('node:worker_threads');
       const { timeRegex } = require(${JSON.stringify(join(__dirname, 'regex.ts'))});
       const cells = new Int32Array(workerData.shared);
       const beat = () => { Atomics.store(cells, 1, Date.now() - workerData.epoch); Atomics.add(cells, 0, 1); };
       for (const regex of workerData.regexes) parentPort.postMessage(timeRegex(regex, workerData.samples, workerData.length, beat));`,
      { eval: true, workerData: { regexes: all.slice(next), samples, length: REGEX_LENGTH, shared, epoch } },
    );
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        clearInterval(watch);
        void worker.terminate();
        resolve();
      };
      const watch = setInterval(() => {
        if (Atomics.load(cells, 0) > 0 && Date.now() - epoch - Atomics.load(cells, 1) > args.hangMs) {
          ok = false;
          console.log(
            `FAIL ${describeRegex(all[next]!)}: one string ran for more than ${args.hangMs} ms (catastrophic backtracking)`,
          );
          next++;
          stop();
        }
      }, 100);
      worker.on('message', (result: RegexTiming) => {
        if (!report(result)) ok = false;
        next++;
        if (next === all.length) stop();
      });
      worker.on('error', (err) => {
        ok = false;
        console.log(`FAIL ${describeRegex(all[next]!)}: ${String(err)}`);
        next++;
        stop();
      });
    });
  }
  console.log(
    `${all.length} regexes, each on every adversarial string of ${REGEX_LENGTH} characters, in ${((performance.now() - t0) / 1000).toFixed(1)} s (limit ${REGEX_LIMIT_MS} ms per string)`,
  );
  return ok;
}

const REGEX_LENGTH = 100_000;
const REGEX_LIMIT_MS = 100;

function describeRegex(regex: FoundRegex): string {
  const name = `/${regex.source.length > 60 ? `${regex.source.slice(0, 59)}…` : regex.source}/${regex.flags}`;
  return `${name} ${regex.where[0]}${regex.where.length > 1 ? ` (+${regex.where.length - 1} more)` : ''}`;
}

function report(result: RegexTiming): boolean {
  const slow = result.worstMs > REGEX_LIMIT_MS;
  const growth = result.worstTenthMs > 0.05 ? `×${(result.worstMs / result.worstTenthMs).toFixed(0)} from 10k` : '';
  console.log(
    `${slow ? 'FAIL' : 'ok  '} ${result.worstMs.toFixed(2).padStart(7)} ms worst of ${String(result.strings).padStart(4)} strings ${growth.padEnd(14)} ${describeRegex(result.regex)}${slow ? ` — slowest on ${result.worstInput}` : ''}`,
  );
  return !slow;
}

async function scale(): Promise<boolean> {
  console.log(`\n== scale: big hostile documents at n and 4n items (linear ≈ ×4; fails above ×${MAX_GROWTH})`);
  let ok = true;
  for (const c of SCALE_CASES) {
    const r = await measure(c);
    const bad = r.growth > MAX_GROWTH;
    if (bad) ok = false;
    console.log(
      `${bad ? 'FAIL' : 'ok  '} ×${r.growth.toFixed(1).padEnd(5)} ${r.smallMs.toFixed(0).padStart(6)} ms → ${r.largeMs.toFixed(0).padStart(6)} ms  ${c.name} (n = ${c.n})`,
    );
  }
  return ok;
}

function memory(): boolean {
  console.log('\n== memory: a 50 MB EventMarkerPage in a child process (--max-old-space-size=384)');
  const dir = makeTempDir('pynenc-fuzz-');
  try {
    const file = join(dir, 'page.json');
    const script = join(__dirname, 'big-page.ts');
    const write = spawnSync(process.execPath, ['--require', 'tsx/cjs', script, 'write', file, '50'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (write.status !== 0) throw new Error(write.stderr);
    const read = spawnSync(
      process.execPath,
      ['--max-old-space-size=384', '--expose-gc', '--require', 'tsx/cjs', script, 'read', file],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    if (read.status !== 0) {
      console.log(
        `FAIL the read did not finish (status ${read.status}, signal ${read.signal}): ${read.stderr.slice(-500)}`,
      );
      return false;
    }
    const m = JSON.parse(read.stdout) as {
      textMiB: number;
      markers: number;
      ms: number;
      peakWithTextMiB: number;
      peakAfterReadMiB: number;
      heldMiB: number;
      heapLimitMiB: number;
      sizeLimit: { code: string; ms: number };
      stringLimit: { code: string; ms: number };
    };
    console.log(
      `ok   read ${m.markers} markers from ${m.textMiB.toFixed(1)} MiB in ${m.ms.toFixed(0)} ms; peak RSS ${m.peakWithTextMiB.toFixed(0)} MiB with the text loaded, ` +
        `${m.peakAfterReadMiB.toFixed(0)} MiB after the read (heap limit ${m.heapLimitMiB} MiB); the result holds ${m.heldMiB.toFixed(0)} MiB of heap`,
    );
    console.log(
      `ok   maxDocumentLength of half the text: ${m.sizeLimit.code} in ${m.sizeLimit.ms.toFixed(2)} ms (nothing parsed)`,
    );
    console.log(
      `ok   a 17 MiB string (default maxStringLength 16 MiB): ${m.stringLimit.code} in ${m.stringLimit.ms.toFixed(0)} ms`,
    );
    return m.markers > 0 && m.sizeLimit.code === 'LIMIT_DOCUMENT_SIZE' && m.stringLimit.code === 'LIMIT_STRING_LENGTH';
  } finally {
    removeTempDir(dir);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`fuzz seed ${args.seed} (replay with --seed ${args.seed}); node ${process.version}`);
  const t0 = performance.now();
  let ok = true;
  if (args.only.has('cases')) ok = (await cases(args)) && ok;
  if (args.only.has('regex')) ok = (await regexes(args)) && ok;
  if (args.only.has('scale')) ok = (await scale()) && ok;
  if (args.only.has('memory')) ok = memory() && ok;
  if (args.only.has('stores')) ok = (await stores(args)) && ok;
  console.log(`\n${ok ? 'PASS' : 'FAIL'} in ${((performance.now() - t0) / 1000).toFixed(0)} s, seed ${args.seed}`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
});
