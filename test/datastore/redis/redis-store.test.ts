/**
 * RedisStore against a real redis-server (started here on a free loopback port).
 */
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { DataStoreClosedError, DataStoreConfigError, SerializationError } from '../../../src/datastore/errors';
import { RedisCommandError, RedisStore, RedisValueError, escapeRedisGlob } from '../../../src/datastore/redis';
import { useRedisServer, type RedisServer } from '../../support/redis-server';

const redis = useRedisServer({ flushBeforeEach: true });
let server: RedisServer;
let admin: Redis;
beforeAll(() => {
  ({ server, admin } = redis);
});

function store(appId: string, extra: Partial<ConstructorParameters<typeof RedisStore>[0]> = {}): RedisStore {
  return redis.closeLater(new RedisStore({ appId, connection: server.url, ...extra }));
}

const ref = (text: string): string =>
  `__pynenc__client_data__:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

async function commandCalls(name: string): Promise<number> {
  const info = await admin.info('commandstats');
  const m = new RegExp(`^cmdstat_${name}:calls=(\\d+)`, 'm').exec(info);
  return m ? Number(m[1]) : 0;
}

describe('get / set', () => {
  test('set then get returns the texts in key order, undefined where absent', async () => {
    const s = store('app');
    const texts = ['{"a": 1}', '"x"', '[1, 2, 3]'];
    await s.set(texts.map((t) => [ref(t), t] as const));
    const got = await s.get([ref(texts[2]!), ref('absent'), ref(texts[0]!), ref(texts[2]!), ref(texts[1]!)]);
    expect(got).toEqual([texts[2], undefined, texts[0], texts[2], texts[1]]);
  });

  test('values land under the pynenc_redis key, as plain strings', async () => {
    const s = store('my[app]*');
    await s.set([['r1', 'hello']]);
    expect(s.redisKey('r1')).toBe(
      '__pynenc__:my__OPEN_BRACKET__app__CLOSE_BRACKET____ASTERISK__:client_data_store:client_data_store:r1',
    );
    expect(await admin.type(s.redisKey('r1'))).toBe('string');
    expect(await admin.get(s.redisKey('r1'))).toBe('hello');
    expect(await admin.keys('*')).toEqual([s.redisKey('r1')]);
  });

  test('set overwrites existing keys; the last of duplicate entries wins', async () => {
    const s = store('app');
    await s.set([['k', 'old']]);
    await s.set([
      ['k', 'first'],
      ['k', 'second'],
    ]);
    expect(await s.get(['k'])).toEqual(['second']);
  });

  test('text is byte-exact: non-ASCII, astral, a leading BOM, empty string, 100 kB', async () => {
    const s = store('app');
    const big = 'x'.repeat(100_000);
    const texts = ['"\\u00e9"', 'é€😀', '\uFEFF{"bom": true}', '', big];
    await s.set(texts.map((t, i) => [`k${i}`, t] as const));
    expect(await s.get(texts.map((_, i) => `k${i}`))).toEqual(texts);
    expect(await admin.getBuffer(s.redisKey('k1'))).toEqual(Buffer.from('é€😀', 'utf8'));
  });

  test('one MGET per get batch and one MSET per set batch, however many keys', async () => {
    const s = store('app');
    const entries = Array.from({ length: 2000 }, (_, i) => [`k${i}`, `v${i}`] as const);
    await s.get(['warm-up']);
    const names = ['mget', 'mset', 'get', 'set', 'multi', 'exec'];
    const counts = async () =>
      Object.fromEntries(await Promise.all(names.map(async (n) => [n, await commandCalls(n)] as const)));
    const before = await counts();
    await s.set(entries);
    const got = await s.get(entries.map(([k]) => k));
    expect(got).toEqual(entries.map(([, v]) => v));
    const after = await counts();
    expect(Object.fromEntries(names.map((n) => [n, after[n]! - before[n]!]))).toEqual({
      mget: 1,
      mset: 1,
      get: 0,
      set: 0,
      multi: 0,
      exec: 0,
    });
  });

  test('empty batches need no server round trip', async () => {
    const s = store('app');
    await s.get(['warm-up']);
    const before = await commandCalls('mget');
    expect(await s.get([])).toEqual([]);
    await s.set([]);
    expect(await commandCalls('mget')).toBe(before);
  });

  test('a stored value that is not UTF-8 is a RedisValueError naming the key (not U+FFFD)', async () => {
    const s = store('app');
    await admin.set(s.redisKey('bad'), Buffer.from([0x22, 0xff, 0xfe, 0x22]));
    await s.set([['good', 'ok']]);
    const err = await s.get(['good', 'bad']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedisValueError);
    expect((err as RedisValueError).keys).toEqual([s.redisKey('bad')]);
    expect((err as RedisValueError).message).toContain(s.redisKey('bad'));
    expect((err as RedisValueError).message).toContain(server.url);
  });

  test('a lone surrogate (text or reference) is refused before anything is written', async () => {
    const s = store('app');
    const textErr = await s
      .set([
        ['ok', 'fine'],
        ['bad', 'x\uD800y'],
      ])
      .catch((e: unknown) => e);
    expect(textErr).toBeInstanceOf(SerializationError); // as every backend does
    // The key rule is every backend's (src/datastore/entries.ts, issue 15 #13): SerializationError as on SQLite.
    const keyErr = await s
      .set([
        ['ok', 'fine'],
        ['bad\uDC00', 'y'],
      ])
      .catch((e: unknown) => e);
    expect(keyErr).toBeInstanceOf(SerializationError);
    expect((keyErr as SerializationError).code).toBe('DATASTORE_SERIALIZATION');
    expect(await s.get(['ok\uD800']).catch((e: unknown) => e)).toBeInstanceOf(RedisValueError);
    expect(await admin.dbsize()).toBe(0);
  });

  test('a server error reply fails the whole set: nothing is half-written', async () => {
    const s = store('app');
    await s.set([['before', 'kept']]);
    await admin.config('SET', 'maxmemory', '1');
    try {
      const err = await s
        .set([
          ['a', 'x'],
          ['b', 'y'],
          ['before', 'changed'],
        ])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RedisCommandError);
      expect((err as RedisCommandError).reply).toMatch(/^OOM/);
      expect((err as RedisCommandError).keys).toEqual(['a', 'b', 'before'].map((k) => s.redisKey(k)));
    } finally {
      await admin.config('SET', 'maxmemory', '0');
    }
    expect(await s.get(['a', 'b', 'before'])).toEqual([undefined, undefined, 'kept']);
  });

  test('db option: keys live in that database only', async () => {
    const s3 = store('app', { connection: { host: server.host, port: server.port, db: 3 } });
    expect(s3.description).toBe(`redis://${server.host}:${server.port}/3`);
    await s3.set([['k', 'v']]);
    expect(await admin.dbsize()).toBe(0);
    expect(await store('app').get(['k'])).toEqual([undefined]);
    expect(await s3.get(['k'])).toEqual(['v']);
    await admin.select(3);
    expect(await admin.dbsize()).toBe(1);
    await admin.flushdb();
    await admin.select(0);
  });

  test('bad options are DataStoreConfigError', () => {
    expect(() => new RedisStore({ appId: 'a:b', connection: server.url })).toThrow(DataStoreConfigError);
    expect(() => new RedisStore({ appId: '', connection: server.url })).toThrow(DataStoreConfigError);
    expect(() => new RedisStore({ appId: 'a', connection: server.url, commandTimeoutMs: 0 })).toThrow(
      DataStoreConfigError,
    );
    expect(() => new RedisStore({ appId: 'a', connection: server.url, client: admin })).toThrow(DataStoreConfigError);
  });
});

describe('app isolation', () => {
  // Pairs a naive (unescaped) SCAN pattern confuses: `?` matches any char, `\` escapes.
  const PAIRS: Array<[string, string]> = [
    ['a?c', 'abc'],
    ['a[b]', 'ab'],
    ['a*', 'ab'],
    ['x\\y', 'xy'],
    ['??', 'ab'],
    ['a]', 'a__CLOSE_BRACKET'],
  ];

  test.each(PAIRS)('%j and %j never see or purge each other', async (first, second) => {
    const a = store(first);
    const b = store(second);
    const shared = ref('same payload');
    await a.set([
      [shared, `from ${first}`],
      ['only-a', 'A'],
    ]);
    await b.set([
      [shared, `from ${second}`],
      ['only-b', 'B'],
    ]);
    expect(await a.get([shared, 'only-a', 'only-b'])).toEqual([`from ${first}`, 'A', undefined]);
    expect(await b.get([shared, 'only-a', 'only-b'])).toEqual([`from ${second}`, undefined, 'B']);

    await a.purge();
    expect(await a.get([shared, 'only-a'])).toEqual([undefined, undefined]);
    expect(await b.get([shared, 'only-b'])).toEqual([`from ${second}`, 'B']);
    await a.set([['only-a', 'A']]);
    await b.purge();
    expect(await a.get(['only-a'])).toEqual(['A']);
    expect(await b.get([shared, 'only-b'])).toEqual([undefined, undefined]);
  });

  test('the escaping is what keeps them apart (unescaped, Redis matches the other app)', async () => {
    const a = store('a?c');
    const b = store('abc');
    await b.set([['k', 'v']]);
    const [, naive] = await admin.scan('0', 'MATCH', `${a.keyPrefix}*`, 'COUNT', 1000);
    expect(naive).toEqual([b.redisKey('k')]);
    const [, escaped] = await admin.scan('0', 'MATCH', `${escapeRedisGlob(a.keyPrefix)}*`, 'COUNT', 1000);
    expect(escaped).toEqual([]);
  });

  test('purge removes every key of the app (many SCAN steps) and nothing else', async () => {
    const s = store('big', { scanCount: 100 });
    const entries = Array.from({ length: 2500 }, (_, i) => [`r${i}`, `v${i}`] as const);
    await s.set(entries);
    // Other keys: another app, this app's non-data keys (pynenc's other components), foreign keys.
    await admin.mset(
      '__pynenc__:big2:client_data_store:client_data_store:r1',
      'x',
      '__pynenc__:big:invocation:1',
      'x',
      '__pynenc__:big:client_data_store:client_data_storeX',
      'x',
      'unrelated',
      'x',
    );
    await s.purge();
    expect(await s.get(entries.map(([k]) => k))).toEqual(entries.map(() => undefined));
    expect((await admin.keys('*')).sort()).toEqual(
      [
        '__pynenc__:big2:client_data_store:client_data_store:r1',
        '__pynenc__:big:invocation:1',
        '__pynenc__:big:client_data_store:client_data_storeX',
        'unrelated',
      ].sort(),
    );
    await s.purge(); // nothing left: still fine
  });
});

describe('close', () => {
  async function clientCount(): Promise<number> {
    const list = (await admin.client('LIST')) as string;
    return list.trim().split('\n').length;
  }

  test('releases the connection; later calls fail with DataStoreClosedError; idempotent', async () => {
    const s = new RedisStore({ appId: 'app', connection: server.url });
    const base = await clientCount();
    await s.set([['k', 'v']]);
    expect(await clientCount()).toBe(base + 1);
    await s.close();
    await s.close();
    for (let i = 0; i < 50 && (await clientCount()) !== base; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await clientCount()).toBe(base);
    for (const call of [() => s.get(['k']), () => s.set([['k', 'w']]), () => s.purge()]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataStoreClosedError);
      expect((err as DataStoreClosedError).code).toBe('DATASTORE_CLOSED');
      expect((err as Error).message).toContain(server.url);
    }
    expect(await admin.get(s.redisKey('k'))).toBe('v');
  });

  test('a supplied client is used but not disconnected, unless closeClient', async () => {
    const client = new Redis(server.url, { lazyConnect: true });
    const s = new RedisStore({ appId: 'app', client });
    await s.set([['k', 'v']]);
    expect(s.description).toBe(server.url);
    await s.close();
    expect(await client.get(s.redisKey('k'))).toBe('v');
    const s2 = new RedisStore({ appId: 'app', client, closeClient: true });
    expect(await s2.get(['k'])).toEqual(['v']);
    await s2.close();
    expect(client.status).toBe('end');
  });

  test('a store that never connected closes cleanly', async () => {
    const s = new RedisStore({ appId: 'app', connection: server.url });
    await s.close();
    await expect(s.get(['k'])).rejects.toBeInstanceOf(DataStoreClosedError);
  });
});
