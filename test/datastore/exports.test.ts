/**
 * The data store API is reachable from the ./datastore entry (src/entries/datastore.ts); the two backends
 * that load optional drivers come from their own entry points, and neither the root nor ./datastore loads
 * those drivers.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as root from '../../src/entries/datastore';
import * as sqlite from '../../src/datastore/sqlite-store';
import * as redis from '../../src/datastore/redis';

describe('the ./datastore entry exports the data store', () => {
  it.each([
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
    'sqliteTableName',
    'MissingReferenceError',
    'CorruptReferenceError',
    'SerializationError',
    'DeserializationError',
    'DataStoreClosedError',
    'DataStoreConfigError',
    'DataStoreOpenError',
    'DataStoreBackendError',
    'DataStoreUnavailableError',
    'RedisCommandError',
    'RedisValueError',
  ])('%s', (name) => {
    expect((root as Record<string, unknown>)[name]).toBeDefined();
  });

  it('the driver-backed backends come from their entry points (package.json exports ./sqlite, ./redis)', () => {
    expect(typeof sqlite.SqliteStore).toBe('function');
    expect(typeof redis.RedisStore).toBe('function');
    expect(redis.DataStoreUnavailableError).toBe(root.DataStoreUnavailableError);
    const exportsMap = require('../../package.json').exports as Record<string, { require: { default: string } }>;
    // each entry's compiled file is built from a source module that exports the backend
    const source = (entry: string): Record<string, unknown> => {
      const built = exportsMap[entry]!.require.default;
      return require(join(__dirname, '..', '..', built.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')));
    };
    expect(source('./sqlite').SqliteStore).toBe(sqlite.SqliteStore);
    expect(source('./redis').RedisStore).toBe(redis.RedisStore);
  });

  it.each(['index', 'entries/datastore'])('loading src/%s loads neither better-sqlite3 nor ioredis', (entry) => {
    const script = `require(${JSON.stringify(join(__dirname, '..', '..', 'src', entry))});
      const drivers = Object.keys(require.cache).filter((k) => /node_modules\\/(better-sqlite3|ioredis)\\//.test(k));
      console.log(JSON.stringify(drivers));`;
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
