/**
 * Runs one fuzz target in a worker thread (started by fuzz/index.ts). Before
 * each case it writes the case number and start time into shared memory, so
 * the main thread can stop a case that hangs and name it for replay.
 */
import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { TARGETS, describeCase, newStats } from './targets';

export interface WorkerInput {
  target: string;
  seed: number;
  runs: number;
  path: string | undefined;
  budgetMs: number;
  /** Int32Array over a SharedArrayBuffer: [cases started, start of the current case (ms since epoch), first failing case + 1]. */
  shared: SharedArrayBuffer;
  epoch: number;
}

export interface WorkerResult {
  target: string;
  failed: boolean;
  seed: number;
  path: string | undefined;
  error: string | undefined;
  counterexample: string | undefined;
  cases: number;
  outcomes: Array<[string, number]>;
  slowestMs: number;
  ms: number;
}

async function main(): Promise<void> {
  const input = workerData as WorkerInput;
  const target = TARGETS.find((t) => t.name === input.target);
  if (!target) throw new Error(`no fuzz target ${input.target}`);
  const cells = new Int32Array(input.shared);
  const stats = newStats();
  let started = 0;
  const beat = (): void => {
    started++;
    Atomics.store(cells, 1, Date.now() - input.epoch);
    Atomics.store(cells, 0, started);
  };
  // The first failing case (before shrinking starts), for the watchdog's replay hint.
  const failed = (): void => {
    if (Atomics.load(cells, 2) === 0) Atomics.store(cells, 2, started);
  };
  const property = target.property(input.budgetMs, { beat, stats, failed });
  const t0 = performance.now();
  const details = await fc.check(property, {
    seed: input.seed,
    numRuns: input.runs,
    path: input.path,
    endOnFailure: false,
    reporter: undefined,
  });
  const result: WorkerResult = {
    target: target.name,
    failed: details.failed,
    seed: details.seed,
    path: details.counterexamplePath ?? undefined,
    error: details.failed
      ? details.errorInstance instanceof Error
        ? `${details.errorInstance.message}`
        : String(details.errorInstance)
      : undefined,
    counterexample: details.failed ? describeCase(details.counterexample) : undefined,
    cases: stats.cases,
    outcomes: [...stats.outcomes],
    slowestMs: stats.slowestMs,
    ms: performance.now() - t0,
  };
  parentPort!.postMessage(result);
}

main().catch((err: unknown) => {
  parentPort!.postMessage({ crash: err instanceof Error ? (err.stack ?? err.message) : String(err) });
});
