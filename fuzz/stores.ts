/**
 * The stores target of `npm run fuzz` (`--only stores`): the client data store's backends (MemoryStore,
 * SqliteStore on a file, RedisStore on a private redis-server from test/support/redis-server.ts) under random
 * batches of up to `maxBatch` entries (200,000 by default) and random payload values.
 *
 * Each case draws a batch size (mostly small, some thousands, a few up to maxBatch; every run has one batch of
 * exactly maxBatch), random texts (any code point, quotes, escapes, NUL, emoji, long runs) under random or
 * content-addressed keys (duplicates included: the last one wins, as in Python's dict / SQLite's INSERT OR
 * REPLACE / Redis's MSET), and sometimes a poison: a lone surrogate in a key or text, or an entry that is not a
 * [key, text] pair. For each backend: a clean batch is stored and read back exactly (absent keys undefined); a
 * poisoned one is a ContractError (fuzz/checks.ts checkError) with nothing of the batch written. Then the same
 * through ClientDataStore: random values (fuzz/arbitraries.ts pyValue) serializeMany → resolveMany gives values
 * that serialize to the same texts. Shared by `npm run fuzz` and the short jest run (test/hardening/stores-fuzz).
 */
import fc from 'fast-check';
import { join } from 'node:path';
import {
  ClientDataStore,
  MemoryStore,
  REFERENCE_PREFIX,
  referenceKey,
  serializeValue,
  type DataStoreBackend,
} from '../src/datastore';
import { RedisStore } from '../src/datastore/redis';
import { SqliteStore } from '../src/datastore/sqlite-store';
import { startRedisServer } from '../test/support/redis-server';
import { pyValue } from './arbitraries';
import { FuzzFailure, checkError } from './checks';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

export interface StoresOptions {
  seed: number;
  /** fast-check cases (each runs on every backend). */
  runs: number;
  /** Largest batch; one batch of exactly this size runs first. */
  maxBatch: number;
  /** Values per ClientDataStore round of a case (random, up to this). */
  maxValues: number;
  log?: (line: string) => void;
}

export interface StoresResult {
  cases: number;
  entries: number;
  /** outcome → count: `ok`, or an error code. */
  outcomes: Map<string, number>;
  /** Largest batch and the slowest backend round on it. */
  largest: { size: number; ms: Record<string, number> };
  failure?: string;
}

interface BatchCase {
  size: number;
  seed: number;
  /** Share of keys drawn from a small pool (duplicates in one batch). */
  duplicates: boolean;
  poison: 'none' | 'key-surrogate' | 'text-surrogate' | 'not-a-pair' | 'not-a-string';
  absent: number;
}

const PIECES = [
  'a',
  'é',
  '😀',
  '"',
  '\\',
  '\u0000',
  '\n',
  '\u2028',
  '{"py/tuple": [1]}',
  '__pynenc__client_data__:',
  ' ',
  'ß',
  '\uFFFF',
  'x'.repeat(300),
];

/** A small deterministic generator (mulberry32): 200,000 texts without 200,000 fast-check draws. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(next: () => number): string {
  const parts = Math.floor(next() * 6);
  let out = '';
  for (let i = 0; i < parts; i++) {
    out +=
      next() < 0.5
        ? PIECES[Math.floor(next() * PIECES.length)]!
        : String.fromCodePoint(Math.floor(next() * 0xd7ff) + 1);
  }
  return out;
}

/** The batch a case stands for; `expected` is what a store holds afterwards (the last entry per key). */
function buildBatch(c: BatchCase): {
  entries: Array<[unknown, unknown]>;
  expected: Map<string, string>;
  poisoned: boolean;
} {
  const next = rng(c.seed);
  const entries: Array<[unknown, unknown]> = [];
  const expected = new Map<string, string>();
  const pool = Math.max(1, Math.floor(c.size / 4));
  for (let i = 0; i < c.size; i++) {
    const text = randomText(next);
    const key =
      c.duplicates && next() < 0.3
        ? `dup-${Math.floor(next() * pool)}`
        : next() < 0.5
          ? referenceKey(text)
          : `k${i}-${randomText(next)}`;
    entries.push([key, text]);
    expected.set(key, text);
  }
  if (c.poison === 'none' || c.size === 0) return { entries, expected, poisoned: false };
  const at = Math.floor(next() * c.size);
  const [key, text] = entries[at] as [string, string];
  if (c.poison === 'key-surrogate') entries[at] = [`${key}\uD800`, text];
  else if (c.poison === 'text-surrogate') entries[at] = [key, `${text}\uDC00`];
  else if (c.poison === 'not-a-pair') entries[at] = [key] as unknown as [unknown, unknown];
  else entries[at] = [key, 42];
  return { entries, expected, poisoned: true };
}

const batchCase = (maxBatch: number): fc.Arbitrary<BatchCase> =>
  fc.record({
    size: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 50 }) },
      { weight: 3, arbitrary: fc.integer({ min: 51, max: Math.min(5000, maxBatch) }) },
      { weight: 1, arbitrary: fc.integer({ min: Math.min(5001, maxBatch), max: maxBatch }) },
    ),
    seed: fc.integer(),
    duplicates: fc.boolean(),
    poison: fc.constantFrom('none', 'none', 'none', 'key-surrogate', 'text-surrogate', 'not-a-pair', 'not-a-string'),
    absent: fc.integer({ min: 0, max: 5 }),
  });

interface Backends {
  list: Array<[string, DataStoreBackend]>;
  close(): Promise<void>;
}

async function openBackends(): Promise<Backends> {
  const dir = makeTempDir('fuzz-stores-');
  const server = await startRedisServer();
  const list: Array<[string, DataStoreBackend]> = [
    ['memory', new MemoryStore()],
    ['sqlite', new SqliteStore({ path: join(dir, 'fuzz.sqlite'), appId: 'fuzz' })],
    ['redis', new RedisStore({ appId: 'fuzz', connection: server.url, commandTimeoutMs: 60_000 })],
  ];
  return {
    list,
    close: async () => {
      for (const [, b] of list) await b.close();
      await server.stop();
      removeTempDir(dir);
    },
  };
}

/** One batch on one backend: stored and read back exactly, or refused typed with nothing written. */
async function roundTrip(backend: DataStoreBackend, c: BatchCase, count: (outcome: string) => void): Promise<void> {
  await backend.purge();
  const { entries, expected, poisoned } = buildBatch(c);
  const keys = [...expected.keys()];
  const absent = Array.from({ length: c.absent }, (_, i) => `absent-${i}`);
  try {
    await backend.set(entries as Array<[string, string]>);
  } catch (err) {
    const typed = checkError(err);
    if (!poisoned)
      throw new FuzzFailure(
        `${backend.description}: a clean batch of ${c.size} was refused: ${typed.code}: ${typed.message}`,
      );
    count(typed.code);
    const after = await backend.get(keys);
    const kept = after.filter((v) => v !== undefined).length;
    if (kept > 0)
      throw new FuzzFailure(`${backend.description}: ${kept} entries of a refused batch of ${c.size} were written`);
    return;
  }
  if (poisoned)
    throw new FuzzFailure(`${backend.description}: a poisoned batch (${c.poison}) of ${c.size} was accepted`);
  const got = await backend.get([...keys, ...absent]);
  for (let i = 0; i < keys.length; i++) {
    if (got[i] !== expected.get(keys[i]!)) {
      throw new FuzzFailure(
        `${backend.description}: ${JSON.stringify(keys[i])} read ${JSON.stringify(got[i])?.slice(0, 80)}, ` +
          `wrote ${JSON.stringify(expected.get(keys[i]!))?.slice(0, 80)}`,
      );
    }
  }
  for (let i = keys.length; i < got.length; i++) {
    if (got[i] !== undefined)
      throw new FuzzFailure(`${backend.description}: an absent key read ${JSON.stringify(got[i])}`);
  }
  count('ok');
}

/** Random values through ClientDataStore on a backend: each reads back as a value serializing to the same text. */
async function valuesRoundTrip(
  backend: DataStoreBackend,
  values: unknown[],
  count: (outcome: string) => void,
): Promise<void> {
  const store = new ClientDataStore({ backend, minSizeToCache: 16, localCacheSize: 0 });
  let wires: string[];
  try {
    wires = await store.serializeMany(values);
  } catch (err) {
    count(checkError(err).code); // a value Python could not write (e.g. a reserved key): typed, nothing else
    return;
  }
  let resolved: unknown[];
  try {
    resolved = await store.resolveMany(wires);
  } catch (err) {
    const typed = checkError(err);
    // pynenc's serialize returns a string that already starts with the prefix as it is, and resolve then looks
    // it up (KeyError in Python): the one way a value does not come back, typed the same way here.
    const isReferenceString = values.some((v) => typeof v === 'string' && v.startsWith(REFERENCE_PREFIX));
    if (typed.code !== 'DATASTORE_MISSING_REFERENCE' || !isReferenceString) throw err;
    count(`${typed.code} (a value that is a reference string, as in pynenc)`);
    return;
  }
  for (let i = 0; i < values.length; i++) {
    const before = serializeValue(values[i]);
    const after = serializeValue(resolved[i]);
    if (before !== after)
      throw new FuzzFailure(
        `${backend.description}: value #${i} changed: ${before.slice(0, 80)} → ${after.slice(0, 80)}`,
      );
  }
  count('ok');
}

export async function fuzzStores(options: StoresOptions): Promise<StoresResult> {
  const result: StoresResult = {
    cases: 0,
    entries: 0,
    outcomes: new Map(),
    largest: { size: options.maxBatch, ms: {} },
  };
  const count = (outcome: string): void => {
    result.outcomes.set(outcome, (result.outcomes.get(outcome) ?? 0) + 1);
  };
  const backends = await openBackends();
  try {
    // The largest batch once on every backend, timed.
    const biggest: BatchCase = {
      size: options.maxBatch,
      seed: options.seed,
      duplicates: true,
      poison: 'none',
      absent: 3,
    };
    for (const [name, backend] of backends.list) {
      const t0 = performance.now();
      await roundTrip(backend, biggest, count);
      result.largest.ms[name] = performance.now() - t0;
    }
    result.entries += options.maxBatch * backends.list.length;
    const property = fc.asyncProperty(
      batchCase(options.maxBatch),
      fc.array(pyValue, { maxLength: options.maxValues }),
      async (c, values) => {
        result.cases++;
        result.entries += c.size * backends.list.length;
        for (const [, backend] of backends.list) {
          await roundTrip(backend, c, count);
          await valuesRoundTrip(backend, values, count);
        }
      },
    );
    const details = await fc.check(property, { seed: options.seed, numRuns: options.runs, endOnFailure: true });
    if (details.failed) {
      const error =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const c = details.counterexample?.[0] as BatchCase | undefined;
      const replay = `npm run fuzz -- --only stores --seed ${options.seed}`;
      result.failure = `${error} (case ${JSON.stringify(c)}; replay: ${replay})`;
    }
  } catch (err) {
    result.failure = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  } finally {
    await backends.close();
  }
  return result;
}

/** `npm run fuzz` part: prints one summary line per run. */
export async function stores(args: { seed: number; runs: number }): Promise<boolean> {
  const runs = Math.max(20, Math.min(300, Math.floor(args.runs / 1000)));
  console.log(
    `\n== stores: ${runs} random batches (up to 200,000 entries) and values on memory, SQLite, Redis, ` +
      `seed ${args.seed}`,
  );
  const t0 = performance.now();
  const r = await fuzzStores({ seed: args.seed, runs, maxBatch: 200_000, maxValues: 200 });
  const outcomes = [...r.outcomes]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const big = Object.entries(r.largest.ms)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
    .join(', ');
  console.log(
    `${r.failure ? 'FAIL' : 'ok  '} ${r.cases} cases, ${r.entries} entries ` +
      `in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${outcomes}`,
  );
  const bigDone = Object.keys(r.largest.ms).length === 3;
  console.log(`${bigDone ? 'ok  ' : 'FAIL'} a batch of ${r.largest.size} set + get: ${big}`);
  if (r.failure) console.log(`     ${r.failure}`);
  return r.failure === undefined && bigDone;
}
