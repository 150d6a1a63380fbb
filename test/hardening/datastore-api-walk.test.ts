/**
 * Every public function of the client data store throws only ContractErrors (issue 15: "a test walks the public
 * API with hostile arguments"). The walk covers each export of src/datastore/index.ts and the data store's exports
 * of the ./sqlite and ./redis entries (package.json `exports`; the monitoring readers those entries also carry are
 * walked by their own tests): every function and static method, every constructor, and every method of instances
 * in each state a caller can reach — open, closed, a SQLite connection the caller closed, a Redis server that is
 * gone, a database the server lacks, a backend that answers garbage or throws strings. Each is called with a
 * hostile value at each argument position (the others valid, and all hostile at once, and in each field of an
 * options argument). Whatever it does, when it throws or rejects, the error must be a ContractError with a string
 * code and a one-line message (the walk and its values: test/support/api-walk.ts).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as datastore from '../../src/datastore';
import * as sqliteEntry from '../../src/entries/sqlite';
import * as redisEntry from '../../src/entries/redis';
import * as sqliteModule from '../../src/datastore/sqlite-store';
import * as redisModule from '../../src/datastore/redis';
import { ApiWalk, baseHostileValues, unwalkedExports, type Fn, type Hostile } from '../support/api-walk';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server';
import { BASE_RECORD } from '../support/datastore';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(300_000);

const REPO = process.cwd();

const { ClientDataStore, MemoryStore, PyTuple, PySet, PyOpaque } = datastore;
const { SqliteStore } = sqliteModule;
const { RedisStore } = redisModule;

let server: RedisServer;
let closedUrl: string;
let dir: string;
const cleanup: Array<() => Promise<unknown> | unknown> = [];

beforeAll(async () => {
  server = await startRedisServer();
  closedUrl = `redis://127.0.0.1:${await freePort()}/0`;
  dir = makeTempDir('api-walk-');
  // A hostile `path` ('x', '::::', …) opens a SQLite file where it points: relative ones land in the scratch folder.
  process.chdir(dir);
});

afterAll(async () => {
  for (const c of cleanup.reverse()) await Promise.resolve(c()).catch(() => undefined);
  await server?.stop();
  process.chdir(REPO);
  removeTempDir(dir);
});

/** Values no caller should pass: every kind (test/support/api-walk.ts), and the data store's own. */
function hostileValues(): Hostile[] {
  return [
    ...baseHostileValues(),
    ['a reference', datastore.referenceKey('"never stored"')],
    ['[[1, 2]]', [[1, 2]]],
    ["[['k']]", [['k']]],
    ['{ maxDepth: -1 }', { maxDepth: -1 }],
    ['{ backend: {} }', { backend: {} }],
    ['{ connection: "::::" }', { appId: 'a', connection: '::::' }],
    ['a closed memory store', closedMemory()],
    ['{ database: a MemoryStore }', { database: new MemoryStore() }],
    ['{ client: a MemoryStore }', { appId: 'a', client: new MemoryStore() }],
    ['{ backend: a Database-like }', { backend: { description: 'x', prepare: () => 1 } }],
  ];
}

function closedMemory(): InstanceType<typeof MemoryStore> {
  const m = new MemoryStore();
  void m.close();
  return m;
}

/** A backend that answers nonsense: get gives a number, set throws a string, purge a plain Error, close a TypeError. */
function garbageBackend(): datastore.DataStoreBackend {
  return {
    description: 'garbage',
    get: async () => 5 as unknown as string[],
    set: async () => {
      throw 'a string';
    },
    purge: async () => {
      throw new Error('plain');
    },
    close: async () => {
      throw new TypeError('type');
    },
  };
}

/** A backend whose get answers values that are not texts. */
function wrongValuesBackend(): datastore.DataStoreBackend {
  return {
    description: 'wrong-values',
    get: async (keys) => keys.map(() => 42 as unknown as string),
    set: async () => undefined,
    purge: async () => undefined,
    close: async () => undefined,
  };
}

let nth = 0;
const dbPath = (): string => join(dir, `db${++nth}.sqlite`);

/** Backends in every state a caller can reach. */
async function backends(): Promise<Array<[string, datastore.DataStoreBackend]>> {
  const open = new SqliteStore({ path: dbPath() });
  const closed = new SqliteStore({ path: dbPath() });
  await closed.close();
  const ownedDb = new Database(dbPath());
  const callerClosed = new SqliteStore({ database: ownedDb });
  ownedDb.close();
  const redis = new RedisStore({ appId: 'walk', connection: server.url });
  const redisClosed = new RedisStore({ appId: 'walk', connection: server.url });
  await redisClosed.close();
  const redisGone = new RedisStore({ appId: 'walk', connection: closedUrl, connectTimeoutMs: 500 });
  const redisNoDb = new RedisStore({ appId: 'walk', connection: `${server.url.replace(/\/\d+$/, '')}/77` });
  const list: Array<[string, datastore.DataStoreBackend]> = [
    ['memory', new MemoryStore()],
    ['memory closed', closedMemory()],
    ['sqlite', open],
    ['sqlite closed', closed],
    ['sqlite, caller closed its connection', callerClosed],
    ['redis', redis],
    ['redis closed', redisClosed],
    ['redis unreachable', redisGone],
    ['redis db out of range', redisNoDb],
    ['garbage backend', garbageBackend()],
    ['wrong values backend', wrongValuesBackend()],
  ];
  for (const [, b] of list) cleanup.push(() => b.close());
  return list;
}

function recordText(): string {
  return JSON.stringify({ ...BASE_RECORD, event_id: 'e1', payload: { a: '1' } });
}

test('every datastore export is walked (nothing new escapes the list)', () => {
  const walked = [
    'ClientDataStore',
    'MemoryStore',
    'encodeEventRecord',
    'encodeEventRecords',
    'decodeEventRecord',
    'decodeEventRecords',
    'payloadWireText',
    'serializeValue',
    'deserializeText',
    'PyTuple',
    'PySet',
    'PyOpaque',
    'isReference',
    'referenceKey',
    'sqliteTablePrefix',
    'sqliteTableName',
    // values, not functions
    'DEFAULT_CLIENT_DATA_STORE_CONFIG',
    'SERIALIZER_NAMES',
    'REFERENCE_PREFIX',
  ];
  expect(unwalkedExports(datastore, walked)).toEqual([]);
  // The entries carry the data store's backends as the modules define them.
  expect(sqliteEntry.SqliteStore).toBe(SqliteStore);
  expect(redisEntry.RedisStore).toBe(RedisStore);
  const redisWalked = new Set([
    'RedisStore',
    'REDIS_BATCH_CHUNK',
    'PYNENC_REDIS_KEY_PREFIX',
    'sanitizeForRedis',
    'sanitizeAppId',
    'clientDataKeyPrefix',
    'clientDataKey',
    'escapeRedisGlob',
  ]);
  expect(Object.keys(redisModule).filter((k) => !redisWalked.has(k) && !/Error$/.test(k))).toEqual([]);
  expect(Object.keys(sqliteModule)).toEqual(['SqliteStore']);
});

test('hostile arguments to every function, constructor and method: only ContractErrors', async () => {
  const walk = new ApiWalk(hostileValues());
  const fns: Array<[string, unknown[], Fn]> = [
    ['serializeValue', [{ a: 1 }, 'JsonPickleSerializer'], datastore.serializeValue as never],
    ['deserializeText', ['[1]', { maxDepth: 10 }], datastore.deserializeText as never],
    ['isReference', ['x'], datastore.isReference as never],
    ['referenceKey', ['"x"'], datastore.referenceKey as never],
    ['sqliteTablePrefix', ['app'], datastore.sqliteTablePrefix as never],
    ['sqliteTableName', ['app'], datastore.sqliteTableName as never],
    ['payloadWireText', [{ a: 1 }, 'a'], datastore.payloadWireText as never],
    ['PyTuple.fromItems', [[1, 2]], (i) => PyTuple.fromItems(i as never)],
    ['PySet.fromItems', [[1, 2]], (i) => PySet.fromItems(i as never)],
    [
      'new PyOpaque(…).text',
      ['py/object', { 'py/object': 'm.C' }],
      (t, r, x) => new PyOpaque(t as never, r as never, x as never).text,
    ],
    ['new MemoryStore', ['memory'], (n) => new MemoryStore(n as never)],
    ['new ClientDataStore', [{}], (o) => cleanupLater(new ClientDataStore(o as never))],
    ['new SqliteStore', [{ path: ':memory:' }], (o) => cleanupLater(new SqliteStore(o as never))],
    ['SqliteStore.tableNameFor', ['app'], (a) => SqliteStore.tableNameFor(a as never)],
    ['new RedisStore', [{ appId: 'a', connection: server.url }], (o) => cleanupLater(new RedisStore(o as never))],
    ['sanitizeForRedis', ['a[b]*'], redisModule.sanitizeForRedis as never],
    ['sanitizeAppId', ['app'], redisModule.sanitizeAppId as never],
    ['clientDataKeyPrefix', ['app'], redisModule.clientDataKeyPrefix as never],
    ['clientDataKey', ['app', 'ref'], redisModule.clientDataKey as never],
    ['escapeRedisGlob', ['a*'], redisModule.escapeRedisGlob as never],
  ];
  for (const [name, valid, fn] of fns) await walk.args(name, valid, fn);

  for (const [state, backend] of await backends()) {
    // The backend's own methods (the package's backends; the two caller-made ones only behind a ClientDataStore).
    if (!state.endsWith('backend')) {
      await walk.args(`${state}.get`, [['k']], (k) => backend.get(k as never));
      await walk.args(`${state}.set`, [[['k', 'v']]], (e) => backend.set(e as never));
      await walk.call(`${state}.purge()`, () => backend.purge());
    }
    // A ClientDataStore over it, and the record functions with it.
    const store = new ClientDataStore({ backend, minSizeToCache: 4 });
    const methods: Array<[string, unknown[], Fn]> = [
      ['serialize', ['a long enough value', { disableCache: false }], (v, o) => store.serialize(v, o as never)],
      ['serializeMany', [['a long enough value'], {}], (v, o) => store.serializeMany(v as never, o as never)],
      [
        'serializeDeferred',
        ['a long enough value', new Map(), {}, { payloadKey: 'k' }],
        (v, p, o, l) => store.serializeDeferred(v, p as never, o as never, l as never),
      ],
      ['flush', [new Map([['k', 'v']])], (p) => store.flush(p as never)],
      ['resolve', [datastore.referenceKey('"x"')], (t) => store.resolve(t as never)],
      [
        'resolveMany',
        [['1', datastore.referenceKey('"y"')], () => undefined, { maxDepth: 5 }],
        (t, l, m) => store.resolveMany(t as never, l as never, m as never),
      ],
      ['isReference', ['x'], (t) => store.isReference(t as never)],
      [
        'encodeEventRecord',
        [{ ...BASE_RECORD, event_id: 'e', payload: { a: 'a long enough value' } }, store],
        (r, s) => datastore.encodeEventRecord(r as never, s as never),
      ],
      [
        'encodeEventRecords',
        [[{ ...BASE_RECORD, event_id: 'e', payload: { a: 'a long enough value' } }], store],
        (r, s) => datastore.encodeEventRecords(r as never, s as never),
      ],
      [
        'decodeEventRecord',
        [recordText(), store, {}],
        (t, s, o) => datastore.decodeEventRecord(t as never, s as never, o as never),
      ],
      [
        'decodeEventRecords',
        [[recordText()], store, {}],
        (t, s, o) => datastore.decodeEventRecords(t as never, s as never, o as never),
      ],
    ];
    for (const [name, valid, fn] of methods) await walk.args(`${state}: ${name}`, valid, fn);
    for (const name of ['purge', 'clearLocalCache', 'cachedReferences', 'close'] as const) {
      await walk.call(`${state}: ${name}()`, () => store[name]());
    }
    // Everything again once closed.
    await walk.args(`${state} closed: serialize`, ['a long enough value'], (v) => store.serialize(v));
    await walk.args(`${state} closed: resolve`, [datastore.referenceKey('"x"')], (t) => store.resolve(t as never));
    await walk.call(`${state} closed: purge()`, () => store.purge());
  }
  expect(walk.calls).toBeGreaterThan(20_000); // 24,484 (17,850 when written, before fields were walked)
  expect(walk.summary()).toEqual([]);
});

function cleanupLater<T extends { close(): Promise<void> }>(store: T): T {
  cleanup.push(() => store.close());
  return store;
}
