/**
 * The stores target of `npm run fuzz` (fuzz/stores.ts), short: a few random batches (one of 20,000 entries, the
 * others up to that) and random values on MemoryStore, SqliteStore and RedisStore (a private redis-server).
 * `npm run fuzz -- --only stores` runs it with batches up to 200,000. FUZZ_SEED replays a seed.
 */
import { fuzzStores } from '../../fuzz/stores';

jest.setTimeout(120_000);

const SEED =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);

test('random batches and values: exact round trips, typed refusals with nothing written', async () => {
  const r = await fuzzStores({ seed: SEED, runs: 12, maxBatch: 20_000, maxValues: 30 });
  if (r.failure) throw new Error(`seed ${SEED}: ${r.failure}`);
  expect(r.cases).toBe(12);
  expect(r.outcomes.get('ok') ?? 0).toBeGreaterThan(12);
  expect(Object.keys(r.largest.ms).sort()).toEqual(['memory', 'redis', 'sqlite']);
});
