/**
 * One case per error code of the package: how to trigger it through the
 * public API, when it happens (the docs/errors.md table's prose), and which of the
 * common fields (dto, path, expected, received) it must carry.
 * test/hardening/errors.test.ts runs every case and writes/checks the table
 * in docs/errors.md from them.
 */
import { withDefaults } from '../support/records';
import { withTempDirAsync } from '../support/temp-dir';
import {
  ClientDataStore,
  MemoryStore,
  decodeEventRecord,
  encodeEventRecord,
  referenceKey,
  type DataStoreBackend,
} from '../../src/entries/datastore';
import { PyTimestamp, TIMESTAMP_ERROR_CODES, normalizeTimestamp } from '../../src/entries/timestamps';
import { fromJson } from '../../src';
import { parsePythonJson, stringifyPython } from '../../src/entries/pyjson';
import Redis from 'ioredis';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisStore } from '../../src/datastore/redis';
import { SqliteStore } from '../../src/datastore/sqlite-store';
import Database from 'better-sqlite3';
import { PassThrough, Readable } from 'node:stream';
import { RedisMonitoringReader, redisTriggerKeys } from '../../src/entries/redis';
import { SqliteMonitoringReader } from '../../src/entries/sqlite';
import { LineWriter } from '../../src/cli/io';
import { openSource, readDocument, sourceOf } from '../../src/cli/input';
import { openReader } from '../../src/cli/monitoring';
import { loadSnapshotFromFolder } from '../../src/entries/compat';

export interface ErrorCase {
  /** The exported class. */
  className: string;
  code: string;
  /** When it is thrown (one line of the docs/errors.md table). */
  when: string;
  /** Runs the API call that throws it (resolves to what was thrown). */
  trigger: (env: Env) => Promise<unknown>;
  /** The fields that must be set on this case's error. */
  has: ReadonlyArray<'dto' | 'path' | 'expected' | 'received'>;
}

export interface Env {
  /** redis://… of a running server (test/support/redis-server.ts). */
  redisUrl: string;
  /** redis://… where nothing listens. */
  closedUrl: string;
}

async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to throw');
}

/** What `run` throws when called on `resource`, which is closed afterwards. */
async function thrownThenClosed<R extends { close(): Promise<unknown> }>(
  resource: R,
  run: (resource: R) => unknown,
): Promise<unknown> {
  try {
    return await thrown(() => run(resource));
  } finally {
    await resource.close();
  }
}

const RECORD = withDefaults('EventRecord', {
  event_id: 'evt-1',
  event_code: 'order.created',
  timestamp: '2026-05-09T10:11:12.345678+00:00',
});

const recordText = (payload: Record<string, string>): string => stringifyPython({ ...RECORD, payload });

/** A backend whose set stores the first entry, then fails (not all-or-nothing). */
function halfWritingBackend(): DataStoreBackend {
  const inner = new MemoryStore('half-writing');
  return {
    description: 'half-writing',
    get: (keys) => inner.get(keys),
    set: async (entries) => {
      await inner.set(entries.slice(0, 1));
      throw new Error('disk full');
    },
    purge: () => inner.purge(),
    close: () => inner.close(),
  };
}

const LONG = `2026-05-09T10:11:12${'x'.repeat(10_000)}`;

const TIMESTAMP_CASES: Record<(typeof TIMESTAMP_ERROR_CODES)[number], [string, () => unknown]> = {
  TIMESTAMP_NOT_A_STRING: ['a timestamp that is not a string', () => normalizeTimestamp(5 as unknown as string)],
  TIMESTAMP_INVALID_FORMAT: [
    "text Python's datetime.fromisoformat (3.11, 3.12) does not read",
    () => normalizeTimestamp(LONG),
  ],
  TIMESTAMP_YEAR_OUT_OF_RANGE: ['year 0', () => normalizeTimestamp('0000-01-01')],
  TIMESTAMP_MONTH_OUT_OF_RANGE: ['month 0 or 13', () => normalizeTimestamp('2026-13-01')],
  TIMESTAMP_DAY_OUT_OF_RANGE: [
    'a day the month does not have (Feb 30, Feb 29 of a common year)',
    () => normalizeTimestamp('2026-02-30'),
  ],
  TIMESTAMP_HOUR_OUT_OF_RANGE: ['hour 24 or more', () => normalizeTimestamp('2026-05-09T24:00')],
  TIMESTAMP_MINUTE_OUT_OF_RANGE: ['minute 60 or more', () => normalizeTimestamp('2026-05-09T10:60')],
  TIMESTAMP_SECOND_OUT_OF_RANGE: [
    'second 60 or more (no leap seconds)',
    () => normalizeTimestamp('2026-05-09T10:11:60'),
  ],
  TIMESTAMP_OFFSET_OUT_OF_RANGE: [
    'a UTC offset of ±24:00 or more',
    () => normalizeTimestamp('2026-05-09T10:11:12+24:00'),
  ],
  TIMESTAMP_OVERFLOW: [
    'time math that leaves years 1..9999 (Python: OverflowError)',
    () => PyTimestamp.parse('9999-12-31T23:59:59.999999').plusMicros(1n),
  ],
};

/** A folder of its own for a case's files, removed after `run`. */
const inTempDir = <T>(run: (dir: string) => Promise<T>): Promise<T> => withTempDirAsync('errors-case-', run);

/** The monitoring readers (./sqlite, ./redis, ./monitoring). */
const MONITORING_CASES: ErrorCase[] = [
  {
    className: 'MonitoringRowError',
    code: 'MONITORING_CORRUPT_ROW',
    when:
      'a stored event or run that is not a readable DTO (bad JSON, not UTF-8, a contract violation, a dangling ' +
      'payload reference); list methods can skip or collect it (`onError`); `cause` is the underlying error',
    trigger: async (env) => {
      const admin = new Redis(env.redisUrl);
      const reader = new RedisMonitoringReader({ connection: env.redisUrl, appId: 'errors' });
      try {
        await admin.set(redisTriggerKeys('errors').event('evt-bad'), '{"event_id": "evt-bad", "event_code": ');
        return await thrown(() => reader.getEvent('evt-bad'));
      } finally {
        await reader.close();
        admin.disconnect();
      }
    },
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'MonitoringSchemaError',
    code: 'MONITORING_UNSUPPORTED_SCHEMA',
    when:
      "a SQLite store without pynenc's trigger tables for the app_id, or of a schema_version other than 3: " +
      'refused when the reader is made',
    trigger: () =>
      inTempDir(async (dir) => {
        const path = join(dir, 'other.db');
        new Database(path).close();
        return thrown(() => new SqliteMonitoringReader({ path, appId: 'errors' }));
      }),
    has: ['expected', 'received'],
  },
  {
    className: 'MonitoringUnavailableError',
    code: 'MONITORING_UNAVAILABLE',
    when:
      'the store did not answer (`reason`: SQLite `busy` beyond `busyTimeoutMs`, Redis `refused`, `timeout`, ' +
      '`lost`, `failed`); the reader stays usable',
    trigger: (env) =>
      thrownThenClosed(
        new RedisMonitoringReader({ connection: env.closedUrl, appId: 'errors', connectTimeoutMs: 1000 }),
        (reader) => reader.listEventCodes(),
      ),
    has: ['expected', 'received'],
  },
  {
    className: 'MonitoringQueryError',
    code: 'MONITORING_BAD_QUERY',
    when:
      'an argument or option a reader refuses (`argument`): a negative limit, an unknown state, a time bound ' +
      'Python cannot hold, an unparsable connection, a Redis db the server lacks',
    trigger: (env) =>
      thrownThenClosed(new RedisMonitoringReader({ connection: env.closedUrl, appId: 'errors' }), (reader) =>
        reader.getEvents({ limit: -1 }),
      ),
    has: ['expected', 'received'],
  },
  {
    className: 'MonitoringClosedError',
    code: 'MONITORING_CLOSED',
    when: 'a reader used after `close()` (SQLite: or after the caller closed the database handle it gave)',
    trigger: async (env) => {
      const reader = new RedisMonitoringReader({ connection: env.redisUrl, appId: 'errors' });
      await reader.close();
      return thrown(() => reader.listEventCodes());
    },
    has: [],
  },
];

/** The command line (pynenc-contract): errors it reports on stderr with exit code 2 (INVALID_UTF8: 1). */
const CLI_CASES: ErrorCase[] = [
  {
    className: 'UsageError',
    code: 'CLI_USAGE',
    when: 'a command line that cannot be run as given (exit 2)',
    trigger: () => thrown(() => openReader({ app: 'errors' })),
    has: [],
  },
  {
    className: 'InputError',
    code: 'CLI_INPUT',
    when: 'an input file or stream that cannot be read (missing, a folder, stdin closed), a missing driver (exit 2)',
    trigger: () => inTempDir((dir) => thrown(() => openSource(join(dir, 'missing.json'), () => process.stdin))),
    has: [],
  },
  {
    className: 'OutputError',
    code: 'CLI_OUTPUT',
    when: 'an output that cannot be written: a full disk, a closed pipe (exit 2); `stream` names it',
    trigger: () => {
      const closed = new PassThrough();
      closed.destroy();
      return thrown(() => new LineWriter(closed, 'out.jsonl').line('{}'));
    },
    has: [],
  },
  {
    className: 'InvalidUtf8Error',
    code: 'INVALID_UTF8',
    when:
      "input bytes that are not UTF-8 (Python's UnicodeDecodeError reason; `byteOffset`, `line`); the document " +
      'is reported as invalid (exit 1)',
    trigger: async () => {
      const read = await readDocument(sourceOf('doc.json', Readable.from([Buffer.from([0x7b, 0x22, 0xff, 0x22])])));
      if (read.ok) throw new Error('expected the bytes to be refused');
      return read.error;
    },
    has: ['expected', 'received'],
  },
];

export const ERROR_CASES: readonly ErrorCase[] = [
  {
    className: 'ContractValidationError',
    code: 'CONTRACT_INVALID',
    when:
      'a document is not a valid instance of its DTO (`validate`, `assertValid`, `fromJson`, `toJson`, encode); ' +
      '`issues` lists the problems up to `maxIssues` (default 1,000) and `moreIssues` counts the rest; ' +
      '`path`/`expected`/`received` are the first',
    trigger: () =>
      thrown(() =>
        fromJson(
          'TriggerRunRecord',
          stringifyPython({
            trigger_run_id: 'r',
            trigger_id: 't',
            task_id_key: 'k',
            logic_value: 'x'.repeat(10_000),
            event_ids: 5,
          }),
        ),
      ),
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'UnknownDtoError',
    code: 'UNKNOWN_DTO',
    when: 'a DTO name the contract does not define',
    trigger: () => thrown(() => fromJson('Nope' as 'EventRecord', '{}')),
    has: ['expected', 'received'],
  },
  {
    className: 'PythonJsonSyntaxError',
    code: 'PYJSON_SYNTAX',
    when: "text Python's `json.loads` rejects (Python's message and position; `path` is where reading stopped)",
    trigger: () => thrown(() => fromJson('TriggerRunRecord', '{"arguments_preview": {"a": [1, 2 x]}}')),
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'PythonJsonWriteError',
    code: 'PYJSON_UNWRITABLE',
    when:
      '`stringifyPython` of a value JSON cannot hold (a function, undefined in an array, a cycle, a class instance, ' +
      'an int of more than 4300 digits)',
    trigger: () => thrown(() => stringifyPython({ a: [() => 1] })),
    has: ['path', 'expected', 'received'],
  },
  ...Object.entries(TIMESTAMP_CASES).map(([code, [when, run]]): ErrorCase => ({
    className: 'TimestampError',
    code,
    when: `${when}; the codec reports it as a CONTRACT_INVALID issue at the field`,
    trigger: () => thrown(run),
    has: ['expected', 'received'],
  })),
  {
    className: 'LimitExceededError',
    code: 'LIMIT_DEPTH',
    when: 'arrays and objects nested deeper than `maxDepth` (default 1500)',
    trigger: () =>
      thrown(() =>
        fromJson('TriggerRunRecord', `{"arguments_preview": {"a": ${'['.repeat(2000)}${']'.repeat(2000)}}}`),
      ),
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'LimitExceededError',
    code: 'LIMIT_DOCUMENT_SIZE',
    when: 'a text longer than `maxDocumentLength` (default 64 MiB), refused before it is parsed',
    trigger: () => thrown(() => fromJson('EventRecord', recordText({}), { maxDocumentLength: 100 })),
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'LimitExceededError',
    code: 'LIMIT_STRING_LENGTH',
    when: 'a string or key longer than `maxStringLength` (default 16 MiB)',
    trigger: () =>
      thrown(() => fromJson('EventRecord', recordText({ note: 'x'.repeat(200) }), { maxStringLength: 100 })),
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'InvalidOptionError',
    code: 'INVALID_OPTION',
    when:
      'an option of the wrong kind or out of range (`option` names it): a read limit that is not a positive integer ' +
      "or Infinity, `fastPath: 'bogus'`, an `options.now` clock returning something else than a Date, bigint or " +
      'PyTimestamp, an option of follow()',
    trigger: () => thrown(() => parsePythonJson('[]', { maxDepth: -1 })),
    has: ['expected', 'received'],
  },
  {
    className: 'InvalidArgumentError',
    code: 'INVALID_ARGUMENT',
    when:
      'an argument of the wrong JavaScript type given to a public function (`callee` and `argument` name it): ' +
      '`fromJson` or `parsePythonJson` of a text that is not a string, `new PyFloat` of a non-number, ' +
      '`PyTimestamp.fromEpochMicros` of a non-bigint, a compat snapshot that is not one…',
    trigger: () => thrown(() => PyTimestamp.fromEpochMicros(5 as unknown as bigint)),
    has: ['expected', 'received'],
  },
  {
    className: 'CompatInputError',
    code: 'COMPAT_INPUT',
    when:
      'a contract the compatibility gate cannot read (`loadSnapshotFromFolder`, `loadSnapshotFromGit`, ' +
      '`loadBaseline`, `pynenc-contract compat`): a folder or git ref that is not there, a schema file that is not ' +
      'JSON or not an object, or that cannot be read',
    trigger: () => thrown(() => loadSnapshotFromFolder(join(tmpdir(), 'no-such-contract-folder'))),
    has: [],
  },
  {
    className: 'MissingReferenceError',
    code: 'DATASTORE_MISSING_REFERENCE',
    when: 'a payload reference the backend does not hold (Python: KeyError)',
    trigger: () =>
      thrown(() => decodeEventRecord(recordText({ big: referenceKey('"never stored"') }), new ClientDataStore())),
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'CorruptReferenceError',
    code: 'DATASTORE_CORRUPT_REFERENCE',
    when: 'the text stored under a reference does not hash to it, or is not UTF-8',
    trigger: async () => {
      const backend = new MemoryStore();
      await backend.set([[referenceKey('"original"'), '"tampered"']]);
      return thrown(() =>
        decodeEventRecord(recordText({ big: referenceKey('"original"') }), new ClientDataStore({ backend })),
      );
    },
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'SerializationError',
    code: 'DATASTORE_SERIALIZATION',
    when: 'a payload value Python could not serialize, or that would not read back as the same value',
    trigger: () =>
      thrown(() => encodeEventRecord({ ...RECORD, payload: { cb: { nested: [() => 1] } } }, new ClientDataStore())),
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'DeserializationError',
    code: 'DATASTORE_DESERIALIZATION',
    when: "a payload text (inline or stored) Python's `json.loads` rejects, or a tag with an impossible body",
    trigger: () => thrown(() => decodeEventRecord(recordText({ bad: '{"py/tuple": 5}' }), new ClientDataStore())),
    has: ['dto', 'path', 'expected', 'received'],
  },
  {
    className: 'DataStoreClosedError',
    code: 'DATASTORE_CLOSED',
    when: 'a backend used after `close()` (or a Redis call still running at `close()`)',
    trigger: async () => {
      const store = new ClientDataStore();
      await store.close();
      return thrown(() => store.serialize('x'.repeat(2000)));
    },
    has: ['expected', 'received'],
  },
  {
    className: 'DataStoreConfigError',
    code: 'DATASTORE_CONFIG',
    when: 'an invalid data store option, argument or app_id; a Redis db the server does not have',
    trigger: () => thrown(() => new ClientDataStore({ minSizeToCache: -1 })),
    has: ['expected', 'received'],
  },
  {
    className: 'DataStoreWriteError',
    code: 'DATASTORE_WRITE',
    when:
      'a backend failed to store a batch; no record text is returned; `failedKeys` / `writtenKeys` say what ' +
      'the backend holds',
    trigger: () =>
      thrown(() =>
        encodeEventRecord(
          { ...RECORD, payload: { a: 'a'.repeat(2000), b: 'b'.repeat(2000) } },
          new ClientDataStore({ backend: halfWritingBackend() }),
        ),
      ),
    has: ['expected', 'received'],
  },
  {
    className: 'DataStoreOpenError',
    code: 'DATASTORE_OPEN',
    when:
      'a SQLite store that cannot be opened (`reason`): a directory, a missing folder, not a database, ' +
      'a table of another layout',
    trigger: () => inTempDir((dir) => thrown(() => new SqliteStore({ path: join(dir, 'missing', 'x.db') }))),
    has: ['expected', 'received'],
  },
  {
    className: 'DataStoreBackendError',
    code: 'DATASTORE_BACKEND',
    when:
      'a backend failed a read, write or purge: SQLite busy beyond `busyTimeoutMs` (`busy`), I/O; ' +
      "a caller's backend threw something untyped",
    trigger: async () => {
      const backend: DataStoreBackend = {
        description: 'failing',
        get: async () => {
          throw new Error('disk on fire');
        },
        set: async () => undefined,
        purge: async () => undefined,
        close: async () => undefined,
      };
      return thrown(() =>
        decodeEventRecord(recordText({ big: referenceKey('"x"') }), new ClientDataStore({ backend })),
      );
    },
    has: ['expected', 'received'],
  },
  {
    className: 'DataStoreUnavailableError',
    code: 'DATASTORE_UNAVAILABLE',
    when: 'Redis refused, timed out, or dropped the connection (`reason`)',
    trigger: (env) =>
      thrownThenClosed(
        new RedisStore({ appId: 'errors', connection: env.closedUrl, connectTimeoutMs: 1000 }),
        (store) => store.get(['k']),
      ),
    has: ['expected', 'received'],
  },
  {
    className: 'RedisCommandError',
    code: 'DATASTORE_REDIS_COMMAND',
    when: 'Redis replied with an error (OOM, NOAUTH, READONLY…); nothing was written',
    trigger: async (env) => {
      const store = new RedisStore({ appId: 'errors', connection: env.redisUrl });
      const admin = new Redis(env.redisUrl);
      try {
        await admin.config('SET', 'maxmemory', '1');
        return await thrown(() => store.set([['k', 'v']]));
      } finally {
        await admin.config('SET', 'maxmemory', '0');
        await store.close();
        admin.disconnect();
      }
    },
    has: ['expected', 'received'],
  },
  {
    className: 'RedisValueError',
    code: 'DATASTORE_REDIS_VALUE',
    when: 'a Redis value that is not UTF-8, or a reference to read with a lone surrogate',
    trigger: (env) =>
      thrownThenClosed(new RedisStore({ appId: 'errors', connection: env.closedUrl }), (store) =>
        store.get(['k\uD800']),
      ),
    has: ['expected', 'received'],
  },
  ...MONITORING_CASES,
  ...CLI_CASES,
];

/** Exported ContractError subclasses that are only bases (never thrown themselves). */
export const ABSTRACT_BASES = ['ContractError', 'RedisStoreError', 'MonitoringError', 'CliError'];
