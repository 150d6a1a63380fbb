/**
 * A backend that fails in the middle of a batch: nothing half-written becomes
 * visible through ClientDataStore, and the failure is a DataStoreWriteError
 * that lists every key of the batch, those the backend does not hold
 * (`failedKeys`) and those it kept anyway (`writtenKeys`).
 *
 * - No record text is returned by a failed encode, so nothing refers to the
 *   batch's entries; the local cache holds none of them.
 * - Entries are content-addressed and hash-checked on read: one the backend
 *   kept is whole and correct; a truncated one is refused
 *   (CorruptReferenceError), never read as a partial value.
 * - The shipped backends are all-or-nothing: MemoryStore checks the whole
 *   batch before writing, SqliteStore writes in one transaction, RedisStore
 *   with one MSET.
 */
import { withDefaults } from '../support/records';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  ClientDataStore,
  CorruptReferenceError,
  DataStoreClosedError,
  DataStoreUnavailableError,
  DataStoreWriteError,
  MemoryStore,
  MissingReferenceError,
  RedisCommandError,
  SerializationError,
  decodeEventRecord,
  encodeEventRecords,
  referenceKey,
  serializeValue,
  type DataStoreBackend,
  type EventRecordInput,
} from '../../src/entries/datastore';
import { RedisStore } from '../../src/datastore/redis';
import { SqliteStore } from '../../src/datastore/sqlite-store';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(60_000);

const silent = { warn: () => {} };

function record(id: string, payload: Record<string, unknown>): EventRecordInput {
  return withDefaults('EventRecord', {
    event_id: id,
    event_code: 'order.created',
    timestamp: '2026-05-09T10:11:12.345678+00:00',
    payload,
  });
}

/** Three records, each with a value large enough to be stored (three references). */
const RECORDS = ['a', 'b', 'c'].map((k) => record(`evt-${k}`, { small: k, big: k.repeat(3000) }));
const REFS = ['a', 'b', 'c'].map((k) => referenceKey(serializeValue(k.repeat(3000))));

/** A MemoryStore whose set writes the first `keep` entries (optionally a cut-off text for the next) and then throws. */
class FailingMidBatch implements DataStoreBackend {
  readonly inner = new MemoryStore('failing');
  readonly description = 'failing-mid-batch';
  constructor(
    private readonly keep: number,
    private readonly truncateNext = false,
  ) {}
  get(keys: readonly string[]): Promise<Array<string | undefined>> {
    return this.inner.get(keys);
  }
  async set(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    await this.inner.set(entries.slice(0, this.keep));
    const next = entries[this.keep];
    if (this.truncateNext && next) await this.inner.set([[next[0], next[1].slice(0, 10)]]);
    throw new Error('disk full after partial progress');
  }
  purge(): Promise<void> {
    return this.inner.purge();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

async function failure(run: () => Promise<unknown>): Promise<DataStoreWriteError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataStoreWriteError);
  return err as DataStoreWriteError;
}

describe('a backend that fails after partial progress', () => {
  test('the error lists every key, those not stored and those kept; no text is returned; nothing is cached', async () => {
    const backend = new FailingMidBatch(1);
    const store = new ClientDataStore({ backend, logger: silent });
    let texts: string[] | undefined;
    const err = await failure(async () => {
      texts = await encodeEventRecords(RECORDS, store);
    });
    expect(texts).toBeUndefined();
    expect(err.code).toBe('DATASTORE_WRITE');
    expect(err.store).toBe('failing-mid-batch');
    expect([...err.keys].sort()).toEqual([...REFS].sort());
    expect(err.writtenKeys).toEqual([err.keys[0]]);
    expect(err.failedKeys).toEqual(err.keys.slice(1));
    expect(err.cause).toBeInstanceOf(Error);
    expect(err.message).toMatch(
      /^writing 3 entries to failing-mid-batch failed \(Error: disk full after partial progress\): not stored "__pynenc__client_data__:[0-9a-f]{64}", "__pynenc__client_data__:[0-9a-f]{64}"; 1 stored anyway \("__pynenc__client_data__:[0-9a-f]{64}"\): the backend is not all-or-nothing$/,
    );
    expect(store.cachedReferences()).toEqual([]);
  });

  test('what the backend kept is whole and correct; what it lost reads as missing, never half', async () => {
    const backend = new FailingMidBatch(1);
    const store = new ClientDataStore({ backend, logger: silent });
    const err = await failure(() => encodeEventRecords(RECORDS, store));
    // A text that refers to a kept entry reads its full value (hash-checked); one referring to a lost entry fails.
    const [kept] = err.writtenKeys!;
    const [lost] = err.failedKeys;
    const refer = (ref: string): string =>
      `{"event_id": "e", "event_code": "c", "timestamp": "2026-05-09T10:11:12+00:00", "payload": {"big": "${ref}"}, ` +
      '"matched_condition_ids": [], "valid_condition_ids": [], "triggered_invocation_ids": [], ' +
      '"emitted_by_invocation_id": null, "emitted_by_task_id": null, "emitted_by_runner_context_id": null}';
    const read = await decodeEventRecord(refer(kept!), store);
    expect(serializeValue(read.payload.big)).toBe(await backend.inner.get([kept!]).then(([t]) => t));
    await expect(decodeEventRecord(refer(lost!), store)).rejects.toBeInstanceOf(MissingReferenceError);
  });

  test('a cut-off text left behind counts as not stored, and is refused on read (CorruptReferenceError)', async () => {
    const backend = new FailingMidBatch(1, true);
    const store = new ClientDataStore({ backend, logger: silent });
    const err = await failure(() => encodeEventRecords(RECORDS, store));
    const cut = err.keys[1]!;
    expect(err.failedKeys).toContain(cut);
    expect((await backend.inner.get([cut]))[0]).toHaveLength(10);
    await expect(store.resolve(cut)).rejects.toBeInstanceOf(CorruptReferenceError);
  });

  test('a retry on a working backend stores the whole batch and returns the texts', async () => {
    const failing = new FailingMidBatch(1);
    await failure(() => encodeEventRecords(RECORDS, new ClientDataStore({ backend: failing, logger: silent })));
    const store = new ClientDataStore({ backend: failing.inner, logger: silent });
    const texts = await encodeEventRecords(RECORDS, store);
    expect(texts).toHaveLength(3);
    expect((await failing.inner.get(REFS)).map((t) => typeof t)).toEqual(['string', 'string', 'string']);
    for (const text of texts) expect((await decodeEventRecord(text, store)).payload.big).toMatch(/^(a+|b+|c+)$/);
  });

  test('a backend that cannot even be asked afterwards: every key counts as failed, writtenKeys unknown', async () => {
    const backend: DataStoreBackend = {
      description: 'dead',
      get: async () => Promise.reject(new Error('still dead')),
      set: async () => Promise.reject(new Error('dead')),
      purge: async () => {},
      close: async () => {},
    };
    const err = await failure(() => encodeEventRecords(RECORDS, new ClientDataStore({ backend, logger: silent })));
    expect(err.writtenKeys).toBeUndefined();
    expect([...err.failedKeys].sort()).toEqual([...REFS].sort());
    expect(err.message).toMatch(/; whether any was stored is unknown$/);
  });

  test('after close() the closed error passes through unchanged', async () => {
    const store = new ClientDataStore({ logger: silent });
    await store.close();
    await expect(encodeEventRecords(RECORDS, store)).rejects.toBeInstanceOf(DataStoreClosedError);
  });
});

describe('the shipped backends are all-or-nothing', () => {
  test('MemoryStore checks the whole batch before writing any of it', async () => {
    const mem = new MemoryStore();
    await expect(
      mem.set([
        ['a', '"ok"'],
        ['b', '"ok"'],
        ['c', 'x\uD800'],
      ]),
    ).rejects.toBeInstanceOf(SerializationError);
    expect(mem.size).toBe(0);
  });

  test('SqliteStore: a row failing mid-batch rolls the transaction back; the error lists every key as failed', async () => {
    const dir = makeTempDir('pynenc-hardening-');
    try {
      const path = join(dir, 'db.sqlite');
      const backend = new SqliteStore({ path, appId: 'app' });
      const db = new Database(path);
      // The second value's row fails after the first was inserted in the same transaction.
      db.exec(
        `CREATE TRIGGER boom BEFORE INSERT ON ${backend.tableName} WHEN NEW.data_key = '${REFS[1]}' BEGIN SELECT RAISE(ABORT, 'boom'); END;`,
      );
      const store = new ClientDataStore({ backend, logger: silent });
      const err = await failure(() => encodeEventRecords(RECORDS, store));
      expect(err.writtenKeys).toEqual([]);
      expect([...err.failedKeys].sort()).toEqual([...REFS].sort());
      expect(err.message).toContain('boom');
      expect((db.prepare(`SELECT COUNT(*) AS n FROM ${backend.tableName}`).get() as { n: number }).n).toBe(0);
      db.close();
      await backend.close();
    } finally {
      removeTempDir(dir);
    }
  });

  describe('RedisStore', () => {
    let server: RedisServer;
    beforeAll(async () => {
      server = await startRedisServer();
    });
    afterAll(async () => {
      await server?.stop();
    });

    test('an error reply (OOM) fails the MSET whole: nothing written, every key failed', async () => {
      const backend = new RedisStore({ appId: 'hardening', connection: server.url });
      const admin = new RedisStore({ appId: 'hardening', connection: server.url });
      const store = new ClientDataStore({ backend, logger: silent });
      const { default: Redis } = await import('ioredis');
      const raw = new Redis(server.url);
      try {
        await raw.config('SET', 'maxmemory', '1');
        const err = await failure(() => encodeEventRecords(RECORDS, store));
        expect(err.cause).toBeInstanceOf(RedisCommandError);
        expect(err.writtenKeys).toEqual([]);
        expect([...err.failedKeys].sort()).toEqual([...REFS].sort());
      } finally {
        await raw.config('SET', 'maxmemory', '0');
        raw.disconnect();
      }
      expect(await admin.get(REFS)).toEqual([undefined, undefined, undefined]);
      await backend.close();
      await admin.close();
    });

    test('an unreachable server: DataStoreWriteError with the unavailable cause; what was stored is unknown', async () => {
      const backend = new RedisStore({
        appId: 'hardening',
        connection: `redis://127.0.0.1:${await freePort()}/0`,
        connectTimeoutMs: 500,
      });
      const err = await failure(() => encodeEventRecords(RECORDS, new ClientDataStore({ backend, logger: silent })));
      expect(err.cause).toBeInstanceOf(DataStoreUnavailableError);
      expect(err.writtenKeys).toBeUndefined();
      await backend.close();
    });
  });
});
