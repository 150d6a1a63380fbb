/**
 * Child of bench/datastore-batch.bench.ts: one backend, `n` entries, set then get (rounds after a warm-up), in a
 * fresh process so its peak RSS belongs to this backend and batch alone. Prints JSON:
 * { setMs, getMs (per round), rssBeforeMiB (entries built), peakRssMiB (process.resourceUsage().maxRSS) }.
 * Usage: datastore-batch-child.ts <memory|sqlite|redis|ioredis|compare> <n> <rounds> [redis url | sqlite file]
 * (`compare`: RedisStore and one raw ioredis command, rounds interleaved; prints { raw, store } of setMs, getMs).
 */
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { MemoryStore } from '../src/datastore/memory-store';
import { RedisStore, clientDataKeyPrefix } from '../src/datastore/redis';
import { SqliteStore } from '../src/datastore/sqlite-store';
import { referenceKey } from '../src/datastore/keys';
import type { DataStoreBackend } from '../src/datastore/backend';

const MiB = 1024 * 1024;

/** One raw ioredis command per batch (MSET / MGET with every key spread): the shape RedisStore had before chunking. */
function rawIoredis(url: string): DataStoreBackend {
  const client = new Redis(url);
  const prefix = clientDataKeyPrefix('bench'); // the keys RedisStore writes, so both send the same bytes
  return {
    description: 'ioredis, one command',
    get: async (keys) =>
      (await client.mgetBuffer(...keys.map((k) => prefix + k))).map((b) =>
        b === null ? undefined : b.toString('utf8'),
      ),
    set: async (entries) => {
      await client.mset(...entries.flatMap(([k, v]) => [prefix + k, v]));
    },
    purge: async () => {
      await client.flushdb();
    },
    close: async () => {
      client.disconnect();
    },
  };
}

/** RedisStore against one raw ioredis command on the same entries, rounds interleaved (order alternating). */
async function compare(n: number, rounds: number, url: string): Promise<void> {
  const sides: Array<[string, DataStoreBackend]> = [
    ['raw', rawIoredis(url)],
    ['store', new RedisStore({ appId: 'bench', connection: url, commandTimeoutMs: 120_000 })],
  ];
  const entries = makeEntries(n);
  const keys = entries.map(([k]) => k);
  const times: Record<string, { setMs: number[]; getMs: number[] }> = {
    raw: { setMs: [], getMs: [] },
    store: { setMs: [], getMs: [] },
  };
  for (let r = 0; r < rounds + 2; r++) {
    for (const [name, backend] of r % 2 ? [...sides].reverse() : sides) {
      const round = await timedRound(name, backend, entries, keys);
      if (r >= 2) {
        times[name]!.setMs.push(round.setMs);
        times[name]!.getMs.push(round.getMs);
      }
    }
  }
  for (const [, b] of sides) await b.close();
  process.stdout.write(JSON.stringify(times));
}

/** One purge, then set and get of `entries`, each timed; throws when the read-back misses the last value. */
async function timedRound(
  name: string,
  backend: DataStoreBackend,
  entries: Array<[string, string]>,
  keys: string[],
): Promise<{ setMs: number; getMs: number }> {
  await backend.purge();
  const setStart = performance.now();
  await backend.set(entries);
  const getStart = performance.now();
  const got = await backend.get(keys);
  const getEnd = performance.now();
  const last = entries.length - 1;
  if (got.length !== entries.length || got[last] !== entries[last]![1]) throw new Error(`${name}: bad read back`);
  return { setMs: getStart - setStart, getMs: getEnd - getStart };
}

function makeEntries(n: number): Array<[string, string]> {
  // ~150-character payload texts (a serialized value over min_size_to_cache would be longer; the shape is the same)
  const entries: Array<[string, string]> = [];
  for (let i = 0; i < n; i++) {
    const text = JSON.stringify({ order: i, note: `payload value ${i} `.padEnd(120, 'x') });
    entries.push([referenceKey(text), text]);
  }
  return entries;
}

async function main(): Promise<void> {
  const [kind, nText, roundsText, where] = process.argv.slice(2);
  if (kind === 'compare') return compare(Number(nText), Number(roundsText), where!);
  const n = Number(nText);
  const rounds = Number(roundsText);
  const backend: DataStoreBackend =
    kind === 'memory'
      ? new MemoryStore()
      : kind === 'sqlite'
        ? new SqliteStore({ path: where!, appId: 'bench' })
        : kind === 'redis'
          ? new RedisStore({ appId: 'bench', connection: where!, commandTimeoutMs: 120_000 })
          : rawIoredis(where!);
  const entries = makeEntries(n);
  const keys = entries.map(([k]) => k);
  const rssBeforeMiB = process.memoryUsage().rss / MiB;
  const setMs: number[] = [];
  const getMs: number[] = [];
  for (let r = 0; r < rounds + 1; r++) {
    const round = await timedRound(kind!, backend, entries, keys);
    if (r > 0) {
      setMs.push(round.setMs);
      getMs.push(round.getMs);
    }
  }
  await backend.purge();
  await backend.close();
  const peakRssMiB = (process.resourceUsage().maxRSS * 1024) / MiB;
  process.stdout.write(JSON.stringify({ setMs, getMs, rssBeforeMiB, peakRssMiB }));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
    process.exit(1); // an open client must not keep a failed child alive
  },
);
