/**
 * pynenc_redis's real RedisClientDataStore and RedisStore on one Redis: what
 * Python stores under its key TS resolves, and the other way round. pynenc
 * computes the keys and sha256 references (scripts/python/redis_client_data.py).
 */
import { referenceKey } from '../../../src/datastore/keys';
import { RedisStore } from '../../../src/datastore/redis';
import { useRedisServer, type RedisServer } from '../../support/redis-server';
import { pyRedis } from '../../support/redis-python';

// Each test runs pynenc_redis in a Python process or three: seconds on a loaded machine (jest's 5 s default failed).
jest.setTimeout(60_000);

const redis = useRedisServer();
let server: RedisServer;
beforeAll(() => {
  server = redis.server;
});
const store = (appId: string) => {
  return redis.closeLater(new RedisStore({ appId, connection: server.url }));
};

// What pynenc would store: serialized (ensure_ascii) JSON of ≥ 1024 chars, plus texts a
// non-default serializer or a hand-written client could put there (non-ASCII, astral, BOM).
const TEXTS = [
  JSON.stringify({ rows: Array.from({ length: 60 }, (_, i) => ({ i, name: `row ${i}` })) })
    .replace(/,/g, ', ')
    .replace(/:/g, ': '),
  `"${'\\u00e9'.repeat(300)}"`,
  'é€😀 — raw UTF-8 text',
  '\uFEFF"bom first"',
  `[${'1e+16, '.repeat(200)}NaN]`,
];

const APP_IDS = ['plain_app', 'py[app]*x?', 'naïve app ☃'];

describe.each(APP_IDS)('app id %j', (appId) => {
  test('Python stores under the pynenc_redis key, TS resolves it', async () => {
    const stored = await pyRedis('store', { host: server.host, port: server.port, app_id: appId, texts: TEXTS });
    const s = store(appId);
    expect(stored.map((p) => p.key)).toEqual(stored.map((p) => s.redisKey(p.reference)));
    expect(await s.get(stored.map((p) => p.reference))).toEqual(TEXTS);
  });

  test('TS stores, Python reads it back under its own key and the sha256 matches', async () => {
    const s = store(appId);
    const texts = TEXTS.map((t) => `${t} /* from TS */`);
    const refs = texts.map(referenceKey);
    await s.set(texts.map((t, i) => [refs[i]!, t] as const));
    const fetched = await pyRedis('fetch', {
      host: server.host,
      port: server.port,
      app_id: appId,
      references: [...refs, `${refs[0]}0`],
    });
    expect(fetched.slice(0, -1)).toEqual(
      texts.map((text, i) => ({ reference: refs[i], key: s.redisKey(refs[i]!), text, sha256_ok: true })),
    );
    expect(fetched.at(-1)).toBeNull();
  });
});

test('another app id does not see the values, in either language', async () => {
  const stored = await pyRedis('store', {
    host: server.host,
    port: server.port,
    app_id: 'owner',
    texts: ['"only mine"'],
  });
  expect(await store('other').get([stored[0]!.reference])).toEqual([undefined]);
  expect(await store('owner').get([stored[0]!.reference])).toEqual(['"only mine"']);
  const refs = [stored[0]!.reference];
  expect(await pyRedis('fetch', { host: server.host, port: server.port, app_id: 'other', references: refs })).toEqual([
    null,
  ]);
});

test('with no connection, RedisStore goes where a RedisClientDataStore with no redis config goes', async () => {
  const py = await pyRedis('defaults', {});
  expect(py.redis_url).toBe('');
  const unconnected = new RedisStore({ appId: 'defaults' }); // never used: it does not connect
  redis.closeLater(unconnected);
  expect(unconnected.description).toBe(`redis://${py.redis_host}:${py.redis_port}/${py.redis_db}`);
});

test('a database other than 0: both languages meet in it, and only there', async () => {
  const at = { host: server.host, port: server.port };
  const stored = await pyRedis('store', { ...at, db: 5, app_id: 'db5', texts: ['"in five"'] });
  const five = new RedisStore({ appId: 'db5', connection: `redis://${server.host}:${server.port}/5` });
  redis.closeLater(five);
  expect(await five.get([stored[0]!.reference])).toEqual(['"in five"']);
  expect(await store('db5').get([stored[0]!.reference])).toEqual([undefined]);
  const ref = referenceKey('"from TS in five"');
  await five.set([[ref, '"from TS in five"']]);
  const request = { host: server.host, port: server.port, app_id: 'db5', references: [ref] };
  expect((await pyRedis('fetch', { ...request, db: 5 }))[0]?.text).toBe('"from TS in five"');
  expect(await pyRedis('fetch', request)).toEqual([null]);
});

test("each language's purge removes what the other stored for that app, and only that app", async () => {
  const [mine, other] = [store('purged'), store('purged2')];
  const ref = referenceKey('"p"');
  await mine.set([[ref, '"p"']]);
  await other.set([[ref, '"p"']]);
  await pyRedis('purge', { host: server.host, port: server.port, app_id: 'purged' });
  expect(await mine.get([ref])).toEqual([undefined]);
  expect(await other.get([ref])).toEqual(['"p"']);
  const py = await pyRedis('store', { host: server.host, port: server.port, app_id: 'purged', texts: ['"q"'] });
  await mine.purge();
  const request = { host: server.host, port: server.port, app_id: 'purged', references: [py[0]!.reference] };
  expect(await pyRedis('fetch', request)).toEqual([null]);
  expect(await other.get([ref])).toEqual(['"p"']);
});

test('deliberate difference: pynenc_redis purges by an unescaped glob: app "a?c" empties app "abc" too', async () => {
  const ref = referenceKey('"kept?"');
  const abc = store('abc');
  await abc.set([[ref, '"kept?"']]);
  await store('a?c').purge();
  expect(await abc.get([ref])).toEqual(['"kept?"']); // here: app "a?c" purges its own keys only
  await pyRedis('purge', { host: server.host, port: server.port, app_id: 'a?c' });
  expect(await abc.get([ref])).toEqual([undefined]); // pynenc_redis's Key.purge matched "abc" too
});
