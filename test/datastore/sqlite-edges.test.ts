/**
 * SqliteStore's edges (issue 15 #7, #13): every failure of the driver comes out
 * as a ContractError with a code. Reads and purge under another process's
 * exclusive lock (a real Python sqlite3 process holding BEGIN EXCLUSIVE), a
 * path that is a directory, in a missing folder, or not a database, a table of
 * another layout, a caller-owned connection closed under the store; and the
 * one key rule every backend shares (a lone surrogate is refused).
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError } from '../../src/errors';
import {
  DataStoreBackendError,
  DataStoreClosedError,
  DataStoreConfigError,
  DataStoreOpenError,
  DataStoreWriteError,
  SerializationError,
} from '../../src/datastore/errors';
import { ClientDataStore } from '../../src/datastore/client-data-store';
import { MemoryStore } from '../../src/datastore/memory-store';
import { referenceKey } from '../../src/datastore/keys';
import { SqliteStore } from '../../src/datastore/sqlite-store';
import { thrownBy } from '../support/thrown';
import { PYTHON_SCRIPTS, runOracle } from '../support/pynenc-python';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(30_000);

let dir: string;
beforeAll(() => {
  dir = makeTempDir('sqlite-edges-');
});
afterAll(() => removeTempDir(dir));
let n = 0;
const dbPath = (): string => join(dir, `db${++n}.sqlite`);

/** Another process (Debian's python3, its sqlite3 module) holding an exclusive lock on `path` until stopped. */
async function lockHolder(path: string): Promise<{ release: () => Promise<void> }> {
  const script = [
    'import sqlite3, sys',
    `c = sqlite3.connect(sys.argv[1], isolation_level=None)`,
    "c.execute('BEGIN EXCLUSIVE')",
    "print('locked', flush=True)",
    'sys.stdin.read()',
    "c.execute('ROLLBACK')",
  ].join('\n');
  const child: ChildProcessWithoutNullStreams = spawn('/usr/bin/python3', ['-c', script, path]);
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited ${code}: ${err}`)));
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

describe("issue 15 #7: reads and purge under another process's exclusive lock", () => {
  it('get, purge, set beyond busyTimeoutMs: DataStoreBackendError (busy); fine once the lock is gone', async () => {
    const path = dbPath();
    const store = new SqliteStore({ path, busyTimeoutMs: 50 });
    const key = referenceKey('"v"');
    await store.set([[key, '"v"']]);
    const holder = await lockHolder(path);
    try {
      for (const run of [
        () => store.get([key]),
        () => store.purge(),
        () => store.set([[referenceKey('"w"'), '"w"']]),
      ]) {
        const err = await run().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DataStoreBackendError);
        expect(err).toMatchObject({ code: 'DATASTORE_BACKEND', driverCode: 'SQLITE_BUSY', busy: true });
        expect((err as Error).message).toContain(path);
      }
      // Through ClientDataStore: a read fails typed; a write is the DataStoreWriteError of the batch.
      const client = new ClientDataStore({ backend: store, localCacheSize: 0 });
      await expect(client.resolve(key)).rejects.toBeInstanceOf(DataStoreBackendError);
      await expect(client.serialize('x'.repeat(2000))).rejects.toBeInstanceOf(DataStoreWriteError);
    } finally {
      await holder.release();
    }
    expect(await store.get([key])).toEqual(['"v"']);
    await store.close();
  });
});

describe('issue 15 #7: the constructor on what cannot be a store', () => {
  it('a directory', () => {
    const err = thrownBy(() => new SqliteStore({ path: dir }));
    expect(err).toBeInstanceOf(DataStoreOpenError);
    expect(err).toMatchObject({ code: 'DATASTORE_OPEN', reason: 'cannot-open', driverCode: 'SQLITE_CANTOPEN' });
  });

  it('a missing parent folder', () => {
    const err = thrownBy(() => new SqliteStore({ path: join(dir, 'no', 'such', 'x.db') }));
    expect(err).toBeInstanceOf(DataStoreOpenError);
    expect(err).toMatchObject({ code: 'DATASTORE_OPEN', reason: 'cannot-open' });
  });

  it('a file that is not a database', () => {
    const path = dbPath();
    writeFileSync(path, 'this is not a SQLite database, only text. '.repeat(50));
    const err = thrownBy(() => new SqliteStore({ path }));
    expect(err).toMatchObject({ code: 'DATASTORE_OPEN', reason: 'not-a-database', driverCode: 'SQLITE_NOTADB' });
  });

  it.each([
    ['no data_value', 'data_key TEXT PRIMARY KEY, created_at REAL'],
    ['no created_at', 'data_key TEXT PRIMARY KEY, data_value BLOB'],
    ['data_key not the key', 'data_key TEXT, data_value BLOB, created_at REAL'],
    ['another layout', 'x INTEGER'],
  ])('a table of another layout (%s)', (_name, columns) => {
    const path = dbPath();
    const db = new Database(path);
    db.exec(`CREATE TABLE ${SqliteStore.tableNameFor('app')} (${columns})`);
    db.close();
    const err = thrownBy(() => new SqliteStore({ path, appId: 'app' }));
    expect(err).toBeInstanceOf(DataStoreOpenError);
    expect(err).toMatchObject({ code: 'DATASTORE_OPEN', reason: 'table-layout' });
    expect((err as Error).message).toContain(SqliteStore.tableNameFor('app'));
  });

  it('a database locked by another process while the table is created', async () => {
    const path = dbPath();
    new Database(path).close();
    const holder = await lockHolder(path);
    try {
      const err = thrownBy(() => new SqliteStore({ path, busyTimeoutMs: 20 }));
      expect(err).toMatchObject({ code: 'DATASTORE_OPEN', driverCode: 'SQLITE_BUSY' });
    } finally {
      await holder.release();
    }
  });

  it.each([
    ['busyTimeoutMs', { path: ':memory:', busyTimeoutMs: '5' }],
    ['busyTimeoutMs', { path: ':memory:', busyTimeoutMs: -1 }],
    ['path', { path: 5 }],
    ['path', {}],
    ['database', { database: {} }],
    ['appId', { path: ':memory:', appId: 5 }],
    ['options', null],
  ])('a wrong option (%s) is DataStoreConfigError', (option, options) => {
    const err = thrownBy(() => new SqliteStore(options as never));
    expect(err).toBeInstanceOf(DataStoreConfigError);
    expect((err as DataStoreConfigError).option).toBe(option);
  });

  it('a caller-owned connection already closed is DataStoreConfigError', () => {
    const db = new Database(':memory:');
    db.close();
    expect(thrownBy(() => new SqliteStore({ database: db }))).toMatchObject({
      code: 'DATASTORE_CONFIG',
      option: 'database',
    });
  });
});

describe('issue 15 #7: a caller-owned connection closed under the store', () => {
  it('get, set and purge are DataStoreClosedError', async () => {
    const db = new Database(dbPath());
    const store = new SqliteStore({ database: db });
    db.close();
    for (const run of [() => store.get(['k']), () => store.set([['k', 'v']]), () => store.purge()]) {
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataStoreClosedError);
      expect((err as Error).message).toMatch(/connection was closed/);
    }
    await store.close(); // still fine
  });
});

describe('issue 15 #13: one key rule for every backend', () => {
  // Redis: redis-store.test.ts
  it('a key with a lone surrogate: SerializationError on SQLite and memory, none written', async () => {
    const sqlite = new SqliteStore({ path: ':memory:' });
    for (const store of [sqlite, new MemoryStore()]) {
      for (const key of ['k\uD800', '\uDC00k', `${referenceKey('x')}\uDBFF`]) {
        const err = await store
          .set([
            ['ok', 'v'],
            [key, 'v'],
          ])
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(SerializationError);
        expect((err as SerializationError).message).toMatch(/key of entry #1 has a lone surrogate/);
      }
      expect(await store.get(['ok'])).toEqual([undefined]);
    }
    await sqlite.close();
  });

  it('entries that are not [key, text] pairs of strings are typed errors on every backend', async () => {
    const sqlite = new SqliteStore({ path: ':memory:' });
    for (const store of [sqlite, new MemoryStore()]) {
      for (const entries of [5, 'x', null, [['k']], [['k', 5]], [[5, 'v']], [['k', 'v', 'w']], [{ 0: 'k', 1: 'v' }]]) {
        const err = await store.set(entries as never).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ContractError);
      }
      for (const keys of [5, null, [5], 'k']) {
        const err = await store.get(keys as never).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DataStoreConfigError);
      }
    }
    await sqlite.close();
  });
});

it('a SQLite directory that appears later is fine: the error left nothing behind', () => {
  const sub = join(dir, 'later');
  expect(thrownBy(() => new SqliteStore({ path: join(sub, 'x.db') }))).toBeInstanceOf(DataStoreOpenError);
  mkdirSync(sub);
  const store = new SqliteStore({ path: join(sub, 'x.db') });
  void store.close();
});

it("a text that starts with U+FEFF reads back whole, as pynenc's SQLiteClientDataStore reads it", async () => {
  // pynenc's _retrieve is `row[0].decode("utf-8")`, which keeps a leading BOM; a TextDecoder would drop it.
  const path = dbPath();
  const text = '\uFEFF{"a": 1}';
  const store = new SqliteStore({ path, appId: 'bom' });
  await store.set([['k', text]]);
  const code = [
    'import sys',
    `sys.path.insert(0, ${JSON.stringify(PYTHON_SCRIPTS)})`,
    'from pynenc_app import build_app, serve',
    "serve(lambda req: build_app(req['app_id'], store='sqlite', sqlite_db_path=req['path'])" +
      ".client_data_store._retrieve(req['key']))",
  ].join('\n');
  const python = runOracle<string>({ code }, { app_id: 'bom', path, key: 'k' });
  expect(await store.get(['k'])).toEqual([python]);
  await store.close();
});
