/**
 * pynenc_redis's real RedisClientDataStore and RedisStore on one Redis: what
 * Python stores under its key TS resolves, and the other way round. pynenc
 * computes the keys and sha256 references (scripts/python/redis_client_data.py).
 */
import { referenceKey } from '../../../src/datastore/keys';
import { RedisStore } from '../../../src/datastore/redis';
import { startRedisServer, type RedisServer } from '../../support/redis-server';
import { pyRedis } from '../../support/redis-python';

let server: RedisServer;
const stores: RedisStore[] = [];
const store = (appId: string) => {
  const s = new RedisStore({ appId, connection: server.url });
  stores.push(s);
  return s;
};

// What pynenc would store: serialized (ensure_ascii) JSON of ≥ 1024 chars, plus texts a
// non-default serializer or a hand-written client could put there (non-ASCII, astral, BOM).
const TEXTS = [
  JSON.stringify({ rows: Array.from({ length: 60 }, (_, i) => ({ i, name: `row ${i}` })) }).replace(/,/g, ', ').replace(/:/g, ': '),
  `"${'\\u00e9'.repeat(300)}"`,
  'é€😀 — raw UTF-8 text',
  '\uFEFF"bom first"',
  `[${'1e+16, '.repeat(200)}NaN]`,
];

const APP_IDS = ['plain_app', 'py[app]*x?', 'naïve app ☃'];

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await server.stop();
});

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
    const fetched = await pyRedis('fetch', { host: server.host, port: server.port, app_id: appId, references: [...refs, `${refs[0]}0`] });
    expect(fetched.slice(0, -1)).toEqual(texts.map((text, i) => ({ reference: refs[i], key: s.redisKey(refs[i]!), text, sha256_ok: true })));
    expect(fetched.at(-1)).toBeNull();
  });
});

test('another app id does not see the values, in either language', async () => {
  const stored = await pyRedis('store', { host: server.host, port: server.port, app_id: 'owner', texts: ['"only mine"'] });
  expect(await store('other').get([stored[0]!.reference])).toEqual([undefined]);
  expect(await store('owner').get([stored[0]!.reference])).toEqual(['"only mine"']);
  const refs = [stored[0]!.reference];
  expect(await pyRedis('fetch', { host: server.host, port: server.port, app_id: 'other', references: refs })).toEqual([null]);
});
