/**
 * RedisMonitoringReader against the real pynenc_redis: its RedisTrigger writes a seeded data set on a private
 * redis-server, answers a grid of queries with its own methods, and the reader must give the same answers.
 */
import { RedisMonitoringReader } from '../../src/monitoring/redis-reader';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { compareAll, seedAndQuery, UNORDERED_ON_REDIS, type SeedReply } from './oracle';

const APP_ID = 'mon-redis[app]*';
let server: RedisServer;
let reply: SeedReply;
let reader: RedisMonitoringReader;

beforeAll(async () => {
  server = await startRedisServer();
  reply = seedAndQuery({ backend: 'redis', redis_url: server.url }, { app_id: APP_ID, seed: 23, events: 700, runs: 200, emits: 10 });
  reader = new RedisMonitoringReader({ connection: server.url, appId: APP_ID });
}, 300_000);

afterAll(async () => {
  await reader?.close();
  await server?.stop();
});

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
