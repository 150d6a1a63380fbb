/**
 * Error names survive minification: every error class of src/ has `name` equal to its export name, in the source
 * and in a minified esbuild bundle of the package's entries (where `new.target.name` would read `fe`). Each class is
 * found by walking the modules' exports (a class added later without a case below fails the first test), and each
 * case throws its error from the bundle: through the public API where one call throws it, else by its constructor.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { REPO } from '../support/pynenc-python';

jest.setTimeout(60_000);

/** Every module of src/ that defines an error class (the package's entries and the CLI's own). */
const MODULES = [
  'src/index.ts',
  'src/validation/index.ts',
  'src/pyjson/index.ts',
  'src/timestamps/index.ts',
  'src/datastore/index.ts',
  'src/monitoring/index.ts',
  'src/compat/index.ts',
  'src/entries/sqlite.ts',
  'src/entries/redis.ts',
  'src/cli/io.ts',
  'src/cli/input.ts',
  'src/compat/snapshot.ts',
];

type Api = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const where = { backend: 'sqlite', location: 'trigger_event_records', id: 'evt-1' };
const redis = { server: 'redis://127.0.0.1:6379/0', operation: 'get', keys: ['k'] };

/** How to get each concrete class's error out of `api` (the source modules or the bundle). */
const CASES: Record<string, (api: Api) => unknown> = {
  ContractValidationError: (api) => api.fromJson('EventRecord', '{}'),
  UnknownDtoError: (api) => api.fromJson('NoSuchDto', '{}'),
  PythonJsonSyntaxError: (api) => api.parsePythonJson('{'),
  PythonJsonWriteError: (api) => api.stringifyPython({ f: () => 1 }),
  TimestampError: (api) => api.normalizeTimestamp('not a timestamp'),
  LimitExceededError: (api) => api.parsePythonJson('[[[1]]]', { maxDepth: 1 }),
  InvalidOptionError: (api) => api.parsePythonJson('1', { maxDepth: -1 }),
  InvalidArgumentError: (api) => api.parsePythonJson(5),
  SerializationError: (api) => api.serializeValue(() => 1),
  DeserializationError: (api) => api.deserializeText('{"py/tuple": 5}'),
  DataStoreConfigError: (api) => new api.ClientDataStore({ minSizeToCache: -1 }),
  MissingReferenceError: (api) => new api.MissingReferenceError('k', 'memory'),
  CorruptReferenceError: (api) => new api.CorruptReferenceError('k', 'memory', undefined),
  DataStoreWriteError: (api) => new api.DataStoreWriteError('memory', ['k'], undefined, new Error('full')),
  DataStoreClosedError: (api) => new api.DataStoreClosedError('memory', 'get'),
  DataStoreOpenError: (api) => new api.DataStoreOpenError('sqlite:/x', 'failed', 'detail'),
  DataStoreBackendError: (api) => new api.DataStoreBackendError('memory', 'get', new Error('io')),
  DataStoreUnavailableError: (api) => new api.DataStoreUnavailableError('refused', redis),
  RedisCommandError: (api) => new api.RedisCommandError('OOM', redis),
  RedisValueError: (api) => new api.RedisValueError('a lone surrogate', redis),
  MonitoringRowError: (api) => new api.MonitoringRowError({ ...where, dto: 'EventRecord' }, new Error('bad')),
  MonitoringSchemaError: (api) => new api.MonitoringSchemaError(where, 'schema_version 1', '2'),
  MonitoringUnavailableError: (api) => new api.MonitoringUnavailableError('busy', where),
  MonitoringQueryError: (api) => new api.MonitoringQueryError(where, 'limit', 'an integer >= 0', '-1'),
  MonitoringClosedError: (api) => new api.MonitoringClosedError(where, 'events'),
  UsageError: (api) => new api.UsageError('unknown command'),
  InputError: (api) => new api.InputError('cannot read'),
  OutputError: (api) => new api.OutputError('<stdout>', new Error('EPIPE')),
  InvalidUtf8Error: (api) => new api.InvalidUtf8Error(0, 1, 'invalid start byte', [0xff]),
  CompatInputError: (api) => new api.CompatInputError('no such folder'),
};
const ABSTRACT = ['ContractError', 'RedisStoreError', 'MonitoringError', 'CliError'];

function errorOf(api: Api, name: string): Error {
  let value: unknown;
  try {
    value = CASES[name]!(api);
  } catch (err) {
    value = err;
  }
  if (!(value instanceof Error)) throw new Error(`${name}: the case gave no error`);
  if (value instanceof api.ContractError) return value;
  throw new Error(`${name}: the case threw ${String(value)}`);
}

function errorClasses(api: Api): string[] {
  return Object.keys(api)
    .filter((key) => typeof api[key] === 'function' && api[key].prototype instanceof Error)
    .sort();
}

const source: Api = Object.assign({}, ...MODULES.map((m) => require(join(REPO, m)) as Api));
let bundle: Api;
let dir: string;

beforeAll(() => {
  // Under node_modules, so the bundle's require of the external drivers finds them.
  const cache = join(REPO, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, 'error-names-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, MODULES.map((m) => `export * from ${JSON.stringify(join(REPO, m))};\n`).join(''));
  const outfile = join(dir, 'bundle.js');
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3', 'ioredis'],
    logLevel: 'silent',
  });
  bundle = require(outfile) as Api;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('every error class of src/ has a case, the abstract bases aside', () => {
  const classes = errorClasses(source);
  expect(classes.filter((name) => !ABSTRACT.includes(name))).toEqual(Object.keys(CASES).sort());
  for (const base of ABSTRACT) expect(classes).toContain(base);
});

test('the bundle is minified: class names are mangled', () => {
  expect(errorClasses(bundle)).toEqual(errorClasses(source));
  const mangled = errorClasses(bundle).filter((name) => bundle[name].name !== name);
  expect(mangled.length).toBeGreaterThan(Object.keys(CASES).length / 2);
});

test.each(Object.keys(CASES))('%s: name is the export name, in the source and in the minified bundle', (name) => {
  for (const api of [source, bundle]) {
    const err = errorOf(api, name);
    expect(err).toBeInstanceOf(api[name]);
    expect(err.name).toBe(name);
    expect(err.stack!.startsWith(`${name}: `)).toBe(true);
    expect(String(err).startsWith(`${name}: `)).toBe(true);
  }
});
