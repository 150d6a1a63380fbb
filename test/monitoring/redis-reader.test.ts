/**
 * RedisMonitoringReader against the real pynenc_redis: its RedisTrigger writes a seeded data set on a private
 * redis-server, answers a grid of queries with its own methods, and the reader must give the same answers.
 */
import { RedisMonitoringReader } from '../../src/monitoring/redis-reader';
import { useRedisServer, type RedisServer } from '../support/redis-server';
import { ClientDataStore } from '../../src/datastore/client-data-store';
import { RedisStore } from '../../src/datastore/redis';
import {
  compareAll,
  comparePayloads,
  seedAndQuery,
  UNORDERED_ON_REDIS,
  type SeedReply,
} from '../support/monitoring-oracle';

const APP_ID = 'mon-redis[app]*';
const redis = useRedisServer();
let server: RedisServer;
let reply: SeedReply;
let reader: RedisMonitoringReader;

beforeAll(async () => {
  server = redis.server;
  reply = seedAndQuery(
    { backend: 'redis', redis_url: server.url },
    { app_id: APP_ID, seed: 23, events: 700, runs: 200, emits: 10 },
  );
  reader = redis.closeLater(new RedisMonitoringReader({ connection: server.url, appId: APP_ID }));
}, 300_000);

test('the oracle wrote the data set it was asked for', () => {
  expect(reply.info.events).toBe(710);
  expect(reply.info.runs).toBe(200);
});

test('every method over the grid of filters answers what pynenc_redis answers', async () => {
  // Runs of an index set come from iterating a Python set (hash order, seeded per process): compared as multisets.
  const { byMethod } = await compareAll(reader, reply, UNORDERED_ON_REDIS);
  expect(byMethod.size).toBe(15);
  for (const [method, { ts, py }] of byMethod) {
    expect({ method, answers: ts }).toEqual({ method, answers: py });
  }
}, 60_000);

test('resolvePayloads: values from the Redis client data store, one backend read per call, to_json again', async () => {
  const backend = new RedisStore({ appId: APP_ID, connection: server.url });
  const store = new ClientDataStore({ backend });
  try {
    const result = await comparePayloads(reader, reply, store);
    expect(result.mismatches.slice(0, 3)).toEqual([]);
    expect(result.calls).toBeGreaterThan(50);
    expect(result.maxGetsPerCall).toBe(1);
    expect(result.resolvedBlobs).toBeGreaterThan(5);
  } finally {
    await backend.close();
  }
}, 60_000);
