/**
 * RedisStore's edges (issue 15 #8, #9, #13) on a real redis-server:
 * - big batches: `get` and `set` of 200,000 entries (one MGET / MSET per 10,000; a bigger set is one MULTI/EXEC,
 *   still all-or-nothing), and encodeEventRecords / decodeEventRecords of 75,000 records; both overflowed the
 *   stack when every key was spread into one call (a set of 70,000, a get of ~150,000);
 * - a database the server does not have is refused, as pynenc_redis (redis-py) refuses it, instead of ioredis
 *   writing into db 0;
 * - a connection ioredis cannot parse is a DataStoreConfigError.
 */
import Redis from 'ioredis';
import { ClientDataStore } from '../../../src/datastore/client-data-store';
import { DataStoreConfigError } from '../../../src/datastore/errors';
import { decodeEventRecords, encodeEventRecords, type EventRecordInput } from '../../../src/datastore/event-record';
import { REDIS_BATCH_CHUNK } from '../../../src/datastore/redis/redis-store';
import { RedisCommandError, RedisStore } from '../../../src/datastore/redis';
import { useRedisServer, type RedisServer } from '../../support/redis-server';
import { pyRedis } from '../../support/redis-python';
import { BASE_RECORD } from '../../support/datastore';

jest.setTimeout(120_000);

const redis = useRedisServer({ flushBeforeEach: true });
let server: RedisServer;
let admin: Redis;
beforeAll(() => {
  ({ server, admin } = redis);
});

function store(appId: string, connection = server.url): RedisStore {
  return redis.closeLater(new RedisStore({ appId, connection, commandTimeoutMs: 30_000 }));
}

describe('issue 15 #8: big batches', () => {
  it('get and set of 200,000 entries round-trip (20 chunks of MGET, one MULTI/EXEC of MSETs)', async () => {
    const s = store('big');
    const entries = Array.from({ length: 200_000 }, (_, i) => [`k${i}`, `"v${i}\u00e9"`] as const);
    await s.set(entries);
    expect(await admin.dbsize()).toBe(200_000);
    const got = await s.get([...entries.map(([k]) => k), 'absent']);
    expect(got.length).toBe(200_001);
    expect(got[200_000]).toBeUndefined();
    expect(got.slice(0, 200_000).every((v, i) => v === entries[i]![1])).toBe(true);
  });

  it('a batch over one chunk refused by the server (OOM) writes none of it', async () => {
    const s = store('oom');
    await s.set([['before', 'kept']]);
    await admin.config('SET', 'maxmemory', '1');
    try {
      const entries = Array.from({ length: REDIS_BATCH_CHUNK * 2 + 5 }, (_, i) => [`k${i}`, `v${i}`] as const);
      const err = await s.set(entries).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RedisCommandError);
      expect((err as RedisCommandError).reply).toMatch(/^OOM .*EXECABORT/);
    } finally {
      await admin.config('SET', 'maxmemory', '0');
    }
    expect(await admin.dbsize()).toBe(1);
  });

  it('encode/decodeEventRecords of 75,000 records, a stored value each (one set of 75,000 overflowed)', async () => {
    const data = new ClientDataStore({ backend: store('records'), minSizeToCache: 8, localCacheSize: 0 });
    const records: EventRecordInput[] = Array.from({ length: 75_000 }, (_, i) => ({
      ...BASE_RECORD,
      event_id: `e${i}`,
      payload: { order: `order number ${i}` },
    }));
    const texts = await encodeEventRecords(records, data);
    expect(await admin.dbsize()).toBe(75_000);
    const decoded = await decodeEventRecords(texts, data);
    expect(decoded.length).toBe(75_000);
    expect(decoded.every((r, i) => r.payload.order === `order number ${i}`)).toBe(true);
  });
});

describe('issue 15 #9: a database the server does not have', () => {
  // pynenc_redis (redis-py 8.2) raises ResponseError "DB index is out of range".
  it('pynenc_redis refuses it; RedisStore refuses it with DataStoreConfigError, db 0 untouched', async () => {
    const request = { host: server.host, port: server.port, db: 99, app_id: 'app', texts: ['"to db 99"'] };
    await expect(pyRedis('store', request)).rejects.toThrow(/ResponseError: DB index is out of range/);
    const s = store('app', `redis://${server.host}:${server.port}/99`);
    for (const run of [() => s.set([['k', '"v"']]), () => s.get(['k']), () => s.purge()]) {
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataStoreConfigError);
      expect(err).toMatchObject({ code: 'DATASTORE_CONFIG', option: 'db' });
      expect((err as Error).message).toMatch(/DB index is out of range, got 99/);
    }
    expect(await admin.dbsize()).toBe(0);
  });

  it('also through a client the caller supplies', async () => {
    const client = new Redis(`redis://${server.host}:${server.port}/16`);
    client.on('error', () => {});
    const s = new RedisStore({ appId: 'app', client, closeClient: true });
    redis.closeLater(s);
    expect(await s.set([['k', '"v"']]).catch((e: unknown) => e)).toMatchObject({
      code: 'DATASTORE_CONFIG',
      option: 'db',
    });
    expect(await admin.dbsize()).toBe(0);
  });

  it('the last database (15 of 16) works, and holds the keys', async () => {
    const s = store('app', `redis://${server.host}:${server.port}/15`);
    await s.set([['k', '"v"']]);
    expect(await admin.dbsize()).toBe(0);
    const db15 = new Redis(`redis://${server.host}:${server.port}/15`);
    try {
      expect(await db15.dbsize()).toBe(1);
    } finally {
      db15.disconnect();
    }
  });
});

describe('issue 15 #13: connections ioredis cannot use', () => {
  it.each([
    ['::::'],
    ['redis://[::'],
    ['redis://h:99999/0'],
    ['http://localhost:6379'],
    [''],
    [5],
    [null],
    [['redis://localhost']],
    [{ port: -1 }],
    [{ port: 'x' }],
  ])('%p is a DataStoreConfigError', (connection) => {
    let err: unknown;
    try {
      redis.closeLater(new RedisStore({ appId: 'a', connection: connection as string }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataStoreConfigError);
    expect((err as DataStoreConfigError).option).toMatch(/^connection/);
  });

  it.each([
    ['redis://localhost:6379/x', 'db'],
    ['redis://localhost:6379/-1', 'db'],
  ])('%p: a db that is no index is a DataStoreConfigError', (connection, option) => {
    let err: unknown;
    try {
      redis.closeLater(new RedisStore({ appId: 'a', connection }));
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'DATASTORE_CONFIG', option });
  });
});
