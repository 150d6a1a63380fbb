/**
 * Child of bench/datastore-batch.bench.ts: one backend, `n` entries, set then get (rounds after a warm-up), in a
 * fresh process so its peak RSS belongs to this backend and batch alone. Prints JSON:
 * { setMs, getMs (per round), rssBeforeMiB (entries built), peakRssMiB (process.resourceUsage().maxRSS) }.
 * Usage: datastore-batch-child.ts <memory|sqlite|redis|ioredis> <n> <rounds> [redis url | sqlite file]
 */
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { MemoryStore } from '../src/datastore/memory-store';
import { RedisStore } from '../src/datastore/redis';
import { SqliteStore } from '../src/datastore/sqlite-store';
import { referenceKey } from '../src/datastore/keys';
import type { DataStoreBackend } from '../src/datastore/backend';

const MiB = 1024 * 1024;

/** One raw ioredis command per batch (MSET / MGET with every key spread): the shape RedisStore had before chunking. */
function rawIoredis(url: string): DataStoreBackend {
  const client = new Redis(url);
  return {
    description: 'ioredis, one command',
    get: async (keys) => (await client.mgetBuffer(...keys)).map((b) => (b === null ? undefined : b.toString('utf8'))),
    set: async (entries) => {
      await client.mset(...entries.flat());
    },
    purge: async () => {
      await client.flushdb();
    },
    close: async () => {
      client.disconnect();
    },
  };
}

async function main(): Promise<void> {
  const [kind, nText, roundsText, where] = process.argv.slice(2);
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
  // ~150-character payload texts (a serialized value over min_size_to_cache would be longer; the shape is the same)
  const entries: Array<[string, string]> = [];
  for (let i = 0; i < n; i++) {
    const text = JSON.stringify({ order: i, note: `payload value ${i} `.padEnd(120, 'x') });
    entries.push([referenceKey(text), text]);
  }
  const keys = entries.map(([k]) => k);
  const rssBeforeMiB = process.memoryUsage().rss / MiB;
  const setMs: number[] = [];
  const getMs: number[] = [];
  for (let r = 0; r < rounds + 1; r++) {
    await backend.purge();
    let t = performance.now();
    await backend.set(entries);
    const set = performance.now() - t;
    t = performance.now();
    const got = await backend.get(keys);
    const get = performance.now() - t;
    if (got.length !== n || got[n - 1] !== entries[n - 1]![1]) throw new Error(`${kind}: bad read back`);
    if (r > 0) {
      setMs.push(set);
      getMs.push(get);
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
