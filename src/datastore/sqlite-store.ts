/**
 * SQLite backend on pynenc's own table layout (SQLiteClientDataStore), so a
 * TypeScript process and a Python pynenc app share one database file:
 *
 *   CREATE TABLE <prefix>__client_data (
 *     data_key   TEXT PRIMARY KEY,          -- __pynenc__client_data__:<sha256>
 *     data_value BLOB NOT NULL,             -- the serialized text, UTF-8
 *     created_at REAL NOT NULL DEFAULT (julianday('now')))
 *
 * where <prefix> is sqliteTablePrefix(app_id). Writes are INSERT OR REPLACE,
 * a batch in one transaction; a batch read is one SELECT.
 */
import Database from 'better-sqlite3';
import { isSqliteDatabaseHandle, type SqliteDatabaseHandle } from './sqlite-handle';
import type { DataStoreBackend } from './backend';
import { ContractError } from '../errors';
import {
  CorruptReferenceError,
  DataStoreBackendError,
  DataStoreClosedError,
  DataStoreConfigError,
  DataStoreOpenError,
  errorText,
  type DataStoreOpenFailure,
} from './errors';
import { checkEntries, checkKeys } from './entries';
import { sqliteTableName } from './keys';
import { decodeUtf8AsPython } from './utf8';

export interface SqliteStoreOptions {
  /** Database file (created when missing), or ':memory:'. Ignored when `database` is given. */
  path?: string;
  /** pynenc app_id whose table to use (pynenc's default app_id is "pynenc"). */
  appId?: string;
  /** An open better-sqlite3 handle to use instead of opening `path`; close() leaves it open. */
  database?: SqliteDatabaseHandle;
  /** How long a statement waits for another process's lock (better-sqlite3 `timeout`), default 5000 ms. */
  busyTimeoutMs?: number;
}

type Row = { data_key: string; data_value: Buffer | string };

/** Keys per SELECT of a `get`. */
const READ_CHUNK = 10_000;

export class SqliteStore implements DataStoreBackend {
  readonly description: string;
  /** The table this store reads and writes. */
  readonly tableName: string;
  readonly appId: string;
  private readonly db: Database.Database;
  private readonly ownsDb: boolean;
  private readonly selectMany: Database.Statement<[string], Row>;
  private readonly insert: Database.Statement<[string, Buffer]>;
  private readonly deleteAll: Database.Statement<[]>;
  private readonly writeBatch: (entries: ReadonlyArray<readonly [string, string]>) => void;
  private closed = false;

  constructor(options: SqliteStoreOptions) {
    if (options === null || typeof options !== 'object')
      throw new DataStoreConfigError('options', 'an options object', options);
    const appId = options.appId ?? 'pynenc';
    this.tableName = sqliteTableName(appId); // checks the app_id (DataStoreConfigError)
    this.appId = appId;
    const timeout = options.busyTimeoutMs ?? 5000;
    if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0) {
      throw new DataStoreConfigError('busyTimeoutMs', 'a non-negative number', timeout);
    }
    if (options.database !== undefined) {
      if (!isSqliteDatabaseHandle<Database.Database>(options.database) || !options.database.open) {
        throw new DataStoreConfigError('database', 'an open better-sqlite3 Database', options.database);
      }
      this.db = options.database;
      this.ownsDb = false;
    } else {
      if (typeof options.path !== 'string' || options.path === '')
        throw new DataStoreConfigError('path', 'a database file path', options.path);
      try {
        this.db = new Database(options.path, { timeout });
      } catch (err) {
        throw new DataStoreOpenError(
          `sqlite:${options.path}#${this.tableName}`,
          openFailure(err),
          describeError(err),
          err,
        );
      }
      this.ownsDb = true;
    }
    this.description = `sqlite:${this.db.name}#${this.tableName}`;
    try {
      const table = this.tableName; // [A-Za-z0-9_] only: safe to splice, as pynenc does
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${table} (
          data_key TEXT PRIMARY KEY,
          data_value BLOB NOT NULL,
          created_at REAL NOT NULL DEFAULT (julianday('now'))
        );`,
      );
      checkLayout(this.db, table, this.description);
      this.db.exec(`CREATE INDEX IF NOT EXISTS idx_${table}_created ON ${table}(created_at);`);
      this.selectMany = this.db.prepare(
        `SELECT data_key, data_value FROM ${table} WHERE data_key IN (SELECT value FROM json_each(?))`,
      );
      this.insert = this.db.prepare(`INSERT OR REPLACE INTO ${table} (data_key, data_value) VALUES (?, ?)`);
      this.deleteAll = this.db.prepare(`DELETE FROM ${table}`);
      this.writeBatch = this.db.transaction((entries: ReadonlyArray<readonly [string, string]>) => {
        for (const [key, text] of entries) this.insert.run(key, Buffer.from(text, 'utf8'));
      });
    } catch (err) {
      if (this.ownsDb) this.db.close();
      if (err instanceof DataStoreOpenError) throw err;
      throw new DataStoreOpenError(this.description, openFailure(err), describeError(err), err);
    }
  }

  /** The table name pynenc uses for an app_id. */
  static tableNameFor(appId: string): string {
    return sqliteTableName(appId);
  }

  async get(keys: readonly string[]): Promise<Array<string | undefined>> {
    this.check('get');
    checkKeys(keys);
    if (keys.length === 0) return [];
    // One SELECT per READ_CHUNK keys, rows decoded as they come: 200,000 keys in one `.all()` held every row
    // object and Buffer at once (+260 MiB peak RSS, bench/datastore-batch.bench.ts); chunks of 10,000 add ~65 MiB.
    const found = new Map<string, string>();
    for (let from = 0; from < keys.length; from += READ_CHUNK) {
      const chunk = keys.length <= READ_CHUNK ? keys : keys.slice(from, from + READ_CHUNK);
      this.driver('get', () => {
        for (const row of this.selectMany.iterate(JSON.stringify(chunk))) found.set(row.data_key, this.decode(row));
      });
    }
    return keys.map((k) => found.get(k));
  }

  async set(entries: ReadonlyArray<readonly [key: string, text: string]>): Promise<void> {
    this.check('set');
    checkEntries(entries);
    if (entries.length > 0) this.driver('set', () => this.writeBatch(entries));
  }

  async purge(): Promise<void> {
    this.check('purge');
    this.driver('purge', () => this.deleteAll.run());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsDb) this.db.close();
  }

  private decode(row: Row): string {
    const value = row.data_value;
    if (typeof value === 'string') return value; // written as TEXT by some other writer: same characters
    try {
      return decodeUtf8AsPython(value);
    } catch {
      throw new CorruptReferenceError(
        row.data_key,
        this.description,
        undefined,
        undefined,
        'stored bytes are not valid UTF-8',
      );
    }
  }

  private check(operation: string): void {
    if (this.closed) throw new DataStoreClosedError(this.description, operation);
    if (!this.db.open)
      throw new DataStoreClosedError(this.description, `${operation} (its better-sqlite3 connection was closed)`);
  }

  /** Runs a driver call; its failures (busy beyond busyTimeoutMs, I/O, a connection closed) typed. */
  private driver<T>(operation: string, call: () => T): T {
    try {
      return call();
    } catch (err) {
      if (err instanceof ContractError) throw err; // CorruptReferenceError of a row
      if (!this.db.open)
        throw new DataStoreClosedError(this.description, `${operation} (its better-sqlite3 connection was closed)`);
      throw new DataStoreBackendError(this.description, operation, err);
    }
  }
}

type ColumnInfo = { name: string; type: string; notnull: number; pk: number };

/** pynenc's layout: data_key the primary key, data_value, created_at (CREATE TABLE IF NOT EXISTS keeps others). */
function checkLayout(db: Database.Database, table: string, store: string): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as ColumnInfo[];
  const byName = new Map(columns.map((c) => [c.name, c]));
  const key = byName.get('data_key');
  const problems: string[] = [];
  if (!key || key.pk !== 1 || columns.some((c) => c.pk > 1)) problems.push('data_key is not the primary key');
  if (!byName.has('data_value')) problems.push('no data_value column');
  if (!byName.has('created_at')) problems.push('no created_at column');
  if (problems.length > 0) {
    const found = columns.map((c) => `${c.name} ${c.type}${c.pk ? ' PK' : ''}`).join(', ');
    throw new DataStoreOpenError(
      store,
      'table-layout',
      `table ${table} has columns (${found}): ${problems.join('; ')}`,
    );
  }
}

function openFailure(err: unknown): DataStoreOpenFailure {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  if (code === 'SQLITE_NOTADB') return 'not-a-database';
  const message = (err as { message?: unknown } | null | undefined)?.message;
  if (code === 'SQLITE_CANTOPEN' || (typeof message === 'string' && /directory does not exist/.test(message)))
    return 'cannot-open';
  return 'failed';
}

function describeError(err: unknown): string {
  return errorText(err) ?? String(err);
}
