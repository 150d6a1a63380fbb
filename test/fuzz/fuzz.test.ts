/**
 * The fuzz properties of `npm run fuzz` (fuzz/targets.ts), a few thousand
 * cases per run. The seed is printed on failure with the command that replays
 * the case; set FUZZ_SEED to run a given seed, FUZZ_RUNS for another total.
 */
import fc from 'fast-check';
import { describeCase, newStats, plan } from '../../fuzz/targets';

const SEED =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
const TOTAL = Number(process.env.FUZZ_RUNS ?? 3500);
// Generous: the machine is shared; a hang would hit jest's timeout instead.
const BUDGET_MS = 5000;

jest.setTimeout(120_000);

describe.each(plan(TOTAL).map(({ target, runs }) => [target.name, target, runs] as const))(
  '%s',
  (name, target, runs) => {
    test(`${runs} cases: a typed value or a typed error, same on every parser path, no prototype touched`, async () => {
      const stats = newStats();
      const details = await fc.check(target.property(BUDGET_MS, { beat: () => {}, stats }), {
        seed: SEED,
        numRuns: runs,
      });
      if (details.failed) {
        const path = details.counterexamplePath ?? '';
        const error =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(
          `${name} failed (seed ${details.seed}, path ${path}): ${error}\n` +
            `case: ${describeCase(details.counterexample)}\n` +
            `replay: npm run fuzz -- --target ${name} --seed ${details.seed} --path ${path}`,
        );
      }
      expect(stats.cases).toBe(runs);
      // The cases reach both outcomes: documents that read, and documents refused with typed errors.
      expect(stats.outcomes.get('ok') ?? 0).toBeGreaterThan(0);
      expect(stats.cases - (stats.outcomes.get('ok') ?? 0)).toBeGreaterThan(0);
    });
  },
);
