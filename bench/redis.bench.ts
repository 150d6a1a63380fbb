/**
 * Batch decode of 10k EventRecords whose payloads hold references, through
 * RedisStore (a private redis-server on loopback, started here) against
 * MemoryStore. Same texts, same ClientDataStore settings; the local LRU is
 * off so every round really fetches from the backend.
 */
import { performance } from 'node:perf_hooks';
import { ClientDataStore } from '../src/datastore/client-data-store';
import { decodeEventRecords, encodeEventRecords } from '../src/datastore/event-record';
import { MemoryStore } from '../src/datastore/memory-store';
import { RedisStore } from '../src/datastore/redis';
import { startRedisServer } from '../test/support/redis-server';
import { makeEventRecords } from './fixtures';
import { median, type Measurement, type Report } from './harness';

const RECORDS = 10_000;
const GROUP = 'redis: batch decode, 10k EventRecords with references';

export default async function redisBench(report: Report): Promise<void> {
  const server = await startRedisServer();
  const memory = new ClientDataStore({ backend: new MemoryStore(), localCacheSize: 0 });
  const redisStore = new RedisStore({ appId: 'bench', connection: server.url, commandTimeoutMs: 60_000 });
  const redis = new ClientDataStore({ backend: redisStore, localCacheSize: 0 });
  try {
    // Every record holds one stored value (~1.5 kB serialized), so every record has a reference.
    const input = makeEventRecords(RECORDS, { largeEvery: 1 });
    const texts = await encodeEventRecords(input, memory);
    const redisTexts = await encodeEventRecords(input, redis);
    if (redisTexts.some((t, i) => t !== texts[i])) throw new Error('Redis- and memory-encoded texts differ');
    const references = texts.reduce((n, t) => n + (t.match(/__pynenc__client_data__:/g)?.length ?? 0), 0);

    const check = async (store: ClientDataStore) => {
      const decoded = await decodeEventRecords(texts, store);
      if (decoded.length !== RECORDS || decoded[RECORDS - 1]!.event_id !== input[RECORDS - 1]!.event_id)
        throw new Error('bad decode');
    };
    await check(redis);

    // Rounds interleaved (order alternating) so load from other processes hits both sides alike.
    const [mem, red] = await interleaved(
      ['decodeEventRecords via MemoryStore', () => check(memory)],
      ['decodeEventRecords via RedisStore (1 MGET)', () => check(redis)],
    );
    report.ratio(GROUP, mem, mem, RECORDS);
    report.ratio(GROUP, red, mem, RECORDS);

    const keys = texts.map((t) => /"(__pynenc__client_data__:[0-9a-f]{64})"/.exec(t)![1]!);
    const memBackend = memory.backend;
    const [getMem, getRedis] = await interleaved(
      ['backend.get(10k refs) MemoryStore', () => memBackend.get(keys)],
      ['backend.get(10k refs) RedisStore', () => redisStore.get(keys)],
    );
    report.ratio(GROUP, getMem, getMem, RECORDS);
    report.ratio(GROUP, getRedis, getMem, RECORDS);
    report.note(
      GROUP,
      'workload',
      `${RECORDS} records (bench/fixtures makeEventRecords, largeEvery 1), ${references} references, LRU off, redis-server on 127.0.0.1`,
    );
  } finally {
    await redis.close();
    await memory.close();
    await server.stop();
  }
}

async function interleaved(
  a: [string, () => Promise<unknown>],
  b: [string, () => Promise<unknown>],
  rounds = 9,
  warmup = 2,
): Promise<[Measurement, Measurement]> {
  const times: [number[], number[]] = [[], []];
  const sides = [a, b] as const;
  for (let r = 0; r < warmup + rounds; r++) {
    for (const side of r % 2 ? [1, 0] : [0, 1]) {
      const start = performance.now();
      await sides[side]![1]();
      if (r >= warmup) times[side]!.push(performance.now() - start);
    }
  }
  return [0, 1].map((i) => ({ name: sides[i]![0], medianMs: median(times[i]!), roundsMs: times[i]! })) as [
    Measurement,
    Measurement,
  ];
}
