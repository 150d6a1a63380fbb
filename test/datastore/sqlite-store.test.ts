/**
 * SqliteStore on pynenc's table layout, and the cross-language round trip:
 * pynenc's real SQLiteClientDataStore (test/datastore/oracle.ts) and TypeScript
 * reading and writing the same database file.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { PyFloat } from '../../src/pyjson';
import { ClientDataStore } from '../../src/datastore/client-data-store';
import { CorruptReferenceError, DataStoreClosedError, DataStoreConfigError } from '../../src/datastore/errors';
import { referenceKey, sqliteTableName } from '../../src/datastore/keys';
import { SqliteStore } from '../../src/datastore/sqlite-store';
import { PySet, PyTuple } from '../../src/datastore/values';
import { oracle } from './oracle';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

let dir: string;
beforeAll(() => {
  dir = makeTempDir('datastore-sqlite-');
});
afterAll(() => {
  removeTempDir(dir);
});
let n = 0;
const dbPath = (): string => join(dir, `db${++n}.sqlite`);

describe('table names are the ones pynenc derives from app_id', () => {
  // 'a😀b': one code point, one underscore in Python (a UTF-16 regex without /u would write two)
  const APP_IDS = [
    'pynenc',
    'my-app',
    'my_app',
    '123abc',
    '',
    'ünïcode-app',
    '😀',
    'a😀b',
    'a.b[c]*d',
    'x'.repeat(80),
    '9',
  ];
  it.each(APP_IDS.map((a) => [a]))('%p', (appId) => {
    const [expected] = oracle<string[]>({ op: 'table_names', app_ids: [appId] });
    expect(sqliteTableName(appId)).toBe(expected);
  });

  it('an app_id Python cannot encode is a DataStoreConfigError', () => {
    expect(() => sqliteTableName('bad\uD800')).toThrow(DataStoreConfigError);
  });
});

describe('SqliteStore', () => {
  it("creates exactly the table and index pynenc's SQLiteClientDataStore creates", () => {
    const schema = (path: string, table: string) => {
      const db = new Database(path, { readonly: true });
      try {
        const indexes = db.prepare(`PRAGMA index_list(${table})`).all() as Array<{ name: string }>;
        return {
          columns: db.prepare(`PRAGMA table_info(${table})`).all(),
          indexes: indexes.map((i) => ({ ...i, columns: db.prepare(`PRAGMA index_info(${i.name})`).all() })),
          objects: db.prepare(`SELECT type, name, tbl_name FROM sqlite_master ORDER BY type, name`).all(),
        };
      } finally {
        db.close();
      }
    };
    const pyPath = dbPath();
    const pyTable = oracle<string>({ op: 'sqlite_create', path: pyPath, app_id: 'shop' });
    const path = dbPath();
    const store = new SqliteStore({ path, appId: 'shop' });
    expect(store.tableName).toBe(pyTable);
    const ours = schema(path, store.tableName);
    expect(ours).toEqual(schema(pyPath, pyTable));
    expect(ours.columns.map((c) => (c as { name: string }).name)).toEqual(['data_key', 'data_value', 'created_at']);
    expect(store.description).toBe(`sqlite:${path}#${store.tableName}`);
    expect(SqliteStore.tableNameFor('shop')).toBe(store.tableName);
    void store.close();
  });

  it('stores UTF-8 BLOBs with a julianday created_at; INSERT OR REPLACE; get keeps order, undefined when absent', async () => {
    const path = dbPath();
    const store = new SqliteStore({ path });
    await store.set([
      ['k1', '"é"'],
      ['k2', 'two'],
    ]);
    await store.set([['k1', 'replaced']]);
    expect(await store.get(['k2', 'missing', 'k1', 'k2'])).toEqual(['two', undefined, 'replaced', 'two']);
    expect(await store.get([])).toEqual([]);
    const db = new Database(path, { readonly: true });
    const rows = db
      .prepare(
        `SELECT data_key, typeof(data_value) AS t, hex(data_value) AS h, created_at FROM ${store.tableName} ORDER BY data_key`,
      )
      .all() as Array<{
      t: string;
      h: string;
      created_at: number;
    }>;
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.t === 'blob')).toBe(true);
    expect(rows[1]!.h).toBe(Buffer.from('two').toString('hex').toUpperCase());
    const nowJd = Date.now() / 86_400_000 + 2440587.5;
    expect(Math.abs(rows[0]!.created_at - nowJd)).toBeLessThan(1 / 24);
    db.close();
    await store.close();
  });

  it('a batch is one transaction: a failing row writes none of it', async () => {
    // One connection, no file: the failure comes from a CHECK constraint on a table that has
    // pynenc's layout, so only the store's transaction decides whether 'good' survives.
    const db = new Database(':memory:');
    const table = SqliteStore.tableNameFor('pynenc');
    db.exec(`CREATE TABLE ${table} (
      data_key TEXT PRIMARY KEY CHECK (data_key <> 'bad'),
      data_value BLOB NOT NULL,
      created_at REAL NOT NULL DEFAULT (julianday('now')))`);
    const store = new SqliteStore({ database: db });
    // The driver's SqliteError comes out as DataStoreBackendError (issue 15 #7), its code kept as driverCode.
    const failure = await store
      .set([
        ['good', 'g'],
        ['bad', 'b'],
      ])
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(failure).toMatchObject({
      code: 'DATASTORE_BACKEND',
      driverCode: 'SQLITE_CONSTRAINT_CHECK',
      message: expect.stringContaining('CHECK constraint failed'),
    });
    expect(await store.get(['good'])).toEqual([undefined]);
    expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    await store.set([['good', 'g']]);
    expect(await store.get(['good'])).toEqual(['g']);
    await store.close();
    db.close();
  });

  it("purge empties this app's table only", async () => {
    const path = dbPath();
    const a = new SqliteStore({ path, appId: 'app-a' });
    const b = new SqliteStore({ path, appId: 'app-b' });
    await a.set([['k', 'a']]);
    await b.set([['k', 'b']]);
    await a.purge();
    expect(await a.get(['k'])).toEqual([undefined]);
    expect(await b.get(['k'])).toEqual(['b']);
    await a.close();
    await b.close();
  });

  it('reads TEXT another writer stored (pynenc cannot); bytes not UTF-8 are CorruptReferenceError', async () => {
    const path = dbPath();
    const db = new Database(path);
    const store = new SqliteStore({ database: db, appId: 'x' });
    const insert = db.prepare(`INSERT INTO ${store.tableName} (data_key, data_value) VALUES (?, ?), (?, ?)`);
    insert.run('t', 'as text', 'bad', Buffer.from([0xff, 0xfe]));
    expect(await store.get(['t'])).toEqual(['as text']);
    const err = await store.get(['bad']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptReferenceError);
    expect((err as Error).message).toBe(
      `reference bad in ${store.description} is corrupt: stored bytes are not valid UTF-8`,
    );
    // pynenc's SQLiteClientDataStore._retrieve calls .decode("utf-8") on what it reads: it fails on both rows
    const request = { op: 'sqlite_read', path, app_id: 'x', keys: ['t', 'bad'] };
    const py = oracle<Array<{ storage_type: string; error?: string }>>(request);
    expect(py.map((r) => [r.storage_type, r.error?.split(':')[0]])).toEqual([
      ['text', 'AttributeError'],
      ['blob', 'UnicodeDecodeError'],
    ]);
    await store.close();
    expect(db.open).toBe(true); // a handle passed in stays the caller's
    db.close();
  });

  it('calls after close fail with DataStoreClosedError; close is idempotent', async () => {
    const store = new SqliteStore({ path: dbPath() });
    await store.close();
    await store.close();
    await expect(store.get(['k'])).rejects.toThrow(DataStoreClosedError);
    await expect(store.set([['k', 'v']])).rejects.toThrow(DataStoreClosedError);
    await expect(store.purge()).rejects.toThrow(DataStoreClosedError);
  });

  it.each([
    ['path', { path: '' }],
    ['busyTimeoutMs', { path: ':memory:', busyTimeoutMs: -1 }],
    ['appId', { path: ':memory:', appId: 5 as unknown as string }],
  ])('bad option %s → DataStoreConfigError', (option, options) => {
    expect(() => new SqliteStore(options)).toThrow(expect.objectContaining({ code: 'DATASTORE_CONFIG', option }));
  });
});

describe('TypeScript and Python share one SQLite file', () => {
  const APP_ID = 'shop-service';
  const VALUES = [
    { id: 'text', expr: "'é' * 300", value: 'é'.repeat(300) },
    {
      id: 'lines',
      expr: "[{'sku': f'S{i}', 'qty': i, 'w': 1.0} for i in range(80)]",
      value: Array.from({ length: 80 }, (_, i) => ({ sku: `S${i}`, qty: i, w: new PyFloat(1) })),
    },
    { id: 'tuple', expr: 'tuple(range(500))', value: PyTuple.fromItems(Array.from({ length: 500 }, (_, i) => i)) },
    { id: 'set', expr: 'set(range(400))', value: PySet.fromItems(Array.from({ length: 400 }, (_, i) => i)) },
    { id: 'bytes', expr: 'bytes(range(256)) * 4', value: new Uint8Array(1024).map((_, i) => i % 256) },
  ];

  it('Python stores under its key; TypeScript resolves the same values', async () => {
    const path = dbPath();
    const py = oracle<{ table: string; entries: Array<{ id: string; key: string; text: string }> }>({
      op: 'sqlite_store',
      path,
      app_id: APP_ID,
      cases: VALUES.map(({ id, expr }) => ({ id, expr })),
    });
    const backend = new SqliteStore({ path, appId: APP_ID });
    expect(backend.tableName).toBe(py.table);
    const store = new ClientDataStore({ backend });
    const resolved = await store.resolveMany(py.entries.map((e) => e.key));
    VALUES.forEach((v, i) => expect([v.id, resolved[i]]).toEqual([v.id, v.value]));
    // …and the keys are the ones TypeScript computes for the same values
    expect(await store.serializeMany(VALUES.map((v) => v.value))).toEqual(py.entries.map((e) => e.key));
    await store.close();
  });

  it('TypeScript stores; Python reads the rows, checks each key and loads the same values', async () => {
    const path = dbPath();
    const store = new ClientDataStore({ backend: new SqliteStore({ path, appId: APP_ID }) });
    const keys = await store.serializeMany(VALUES.map((v) => v.value));
    await store.close();
    const read = oracle<
      Array<{
        key: string;
        found: boolean;
        storage_type: string;
        created_at_is_julianday: boolean;
        hash_ok: boolean;
        jsonpickle_repr: string;
      }>
    >({
      op: 'sqlite_read',
      path,
      app_id: APP_ID,
      keys,
    });
    const expected = oracle<Record<string, string>>({
      op: 'reprs',
      cases: VALUES.map(({ id, expr }) => ({ id, expr })),
    });
    read.forEach((row, i) => {
      expect(row).toMatchObject({
        key: keys[i],
        found: true,
        storage_type: 'blob',
        created_at_is_julianday: true,
        hash_ok: true,
      });
      expect([VALUES[i]!.id, row.jsonpickle_repr]).toEqual([VALUES[i]!.id, expected[VALUES[i]!.id]]);
    });
  });

  it("each language's purge empties what the other wrote for that app, and only that app", async () => {
    const path = dbPath();
    const open = (appId: string) => new ClientDataStore({ backend: new SqliteStore({ path, appId }) });
    const [a, b] = [open('app-a'), open('app-b')];
    const [keyA] = await a!.serializeMany([VALUES[0]!.value]);
    const [keyB] = await b!.serializeMany([VALUES[0]!.value]);
    oracle({ op: 'sqlite_purge', path, app_id: 'app-a' });
    expect(await a!.backend.get([keyA!])).toEqual([undefined]);
    expect(await b!.backend.get([keyB!])).toEqual([expect.any(String)]);
    const cases = [{ id: 'x', expr: VALUES[1]!.expr }];
    const py = oracle<{ entries: Array<{ key: string }> }>({ op: 'sqlite_store', path, app_id: 'app-a', cases });
    await a!.purge();
    const keys = [py.entries[0]!.key];
    const read = oracle<Array<{ found: boolean }>>({ op: 'sqlite_read', path, app_id: 'app-a', keys });
    expect(read).toEqual([{ key: keys[0], found: false }]);
    expect(await b!.backend.get([keyB!])).toEqual([expect.any(String)]);
    await a!.close();
    await b!.close();
  });

  it('a row Python rewrote with other content is caught as corrupt', async () => {
    const path = dbPath();
    const store = new ClientDataStore({ backend: new SqliteStore({ path, appId: APP_ID }) });
    const key = await store.serialize(VALUES[0]!.value);
    const db = new Database(path);
    db.prepare(`UPDATE ${sqliteTableName(APP_ID)} SET data_value = ? WHERE data_key = ?`).run(
      Buffer.from('"other"'),
      key,
    );
    db.close();
    store.clearLocalCache(); // serialize cached the value it stored, as pynenc does: read the row again
    const err = await store.resolve(key).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptReferenceError);
    expect((err as CorruptReferenceError).actualKey).toBe(referenceKey('"other"'));
    await store.close();
  });
});
