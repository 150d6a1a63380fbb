/**
 * The package as a consumer gets it: `npm pack` (which builds through the
 * prepack script), the tarball installed into a fresh project, TypeScript
 * compiled there against the shipped declarations (nodenext, bundler and node10
 * resolution, skipLibCheck off), the output run through `import` (the native
 * ESM build) and `require` (the CommonJS build), every entry loaded both ways,
 * the optional peers caught when missing, esbuild bundling for the browser, and
 * the CLI's compat gate run from the install. The verdicts must be the ones the
 * sources give in this process.
 *
 * Slow by nature (build + npm install): one pack and one install for the file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fromJson, schemas, toJson, validate } from '../../src';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(6 * 60_000);

const ROOT = join(__dirname, '..', '..');
const NAME = 'pynenc-monitoring-contract';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  files: string[];
  typesVersions: Record<string, Record<string, string[]>>;
};

type Conditions = { types: string; default: string };
/** The code entries of package.json "exports": subpath → its ESM and CommonJS files. */
const ENTRIES = Object.entries(pkg.exports).flatMap(([subpath, target]) => {
  const t = target as { import?: Conditions; require?: Conditions };
  return t.import && t.require ? [{ subpath, specifier: NAME + subpath.slice(1), esm: t.import, cjs: t.require }] : [];
});

const EXAMPLE = schemas.EventRecord.examples as Record<string, unknown>[];
const TEXT = JSON.stringify(EXAMPLE[0]);
const BAD_TIMESTAMP = { ...EXAMPLE[0], timestamp: '2026-02-30T10:11:12+00:00' };

/** What the consumer program prints, computed here from the sources. */
function expected() {
  const bad = validate('EventRecord', BAD_TIMESTAMP);
  const decoded = fromJson('EventRecord', TEXT);
  return {
    ok: validate('EventRecord', EXAMPLE[0]).ok,
    badIssues: bad.ok ? [] : bad.issues,
    decoded,
    encoded: toJson('EventRecord', decoded),
    thrown: 'ContractValidationError',
  };
}

// The same program body for both module systems; only the import line differs.
const BODY = `
const example: EventRecord = JSON.parse(TEXT);
// @ts-expect-error: the declarations are real types, not \`any\` (event_id is a string)
const wrongType: EventRecord = { ...example, event_id: 1 };
void wrongType;
const good = validate('EventRecord', example);
const bad = validate('EventRecord', BAD);
const decoded: EventRecord = fromJson('EventRecord', TEXT);
let thrown = '';
try {
  fromJson('EventRecord', JSON.stringify(BAD));
} catch (err) {
  if (err instanceof ContractValidationError) thrown = err.name;
}
const result = {
  ok: good.ok,
  badIssues: bad.ok ? [] : bad.issues,
  decoded,
  encoded: toJson('EventRecord', decoded),
  thrown,
};
`;

const CONSTANTS = `const TEXT = ${JSON.stringify(TEXT)};\nconst BAD = ${JSON.stringify(BAD_TIMESTAMP)};\n`;

const ESM_SOURCE = `import {
  validate, fromJson, toJson, ContractError, ContractValidationError, UnknownDtoError, type EventRecord,
} from '${NAME}';
import { createRequire } from 'node:module';
${CONSTANTS}${BODY}
// Two builds, two module instances when one process both imports and requires the package: an error thrown by
// the CommonJS copy is still an instance of the ESM copy's classes.
const required = createRequire(import.meta.url)('${NAME}') as typeof import('${NAME}');
let crossCopy = [false, false, false];
try {
  required.fromJson('EventRecord', JSON.stringify(BAD));
} catch (err) {
  crossCopy = [err instanceof ContractValidationError, err instanceof ContractError, err instanceof UnknownDtoError];
}
console.log(JSON.stringify({ ...result, crossCopy }));
`;

const CJS_SOURCE = `import contract = require('${NAME}');
import type { EventRecord } from '${NAME}';
const { validate, fromJson, toJson, ContractValidationError } = contract;
${CONSTANTS}${BODY}
console.log(JSON.stringify(result));
`;

// One import of every entry, values and types (the /redis declarations need ioredis, which ships its own types:
// it is checked after the peers are linked). Compiled under nodenext, bundler and node10 (typesVersions).
const ENTRY_TYPES_SOURCE = `
import { validate, DTO_NAMES, schemas, type EventRecord, type DtoName } from '${NAME}/validation';
import { parsePythonJson, type PyJsonValue } from '${NAME}/pyjson';
import { PyTimestamp } from '${NAME}/timestamps';
import { MemoryStore, encodeEventRecord, type EventRecordInput } from '${NAME}/datastore';
import { checkConsistency } from '${NAME}/consistency';
import { follow, type EventFilters } from '${NAME}/monitoring';
import { runGate } from '${NAME}/compat';
import { SqliteStore, SqliteMonitoringReader, type SqliteDatabaseHandle } from '${NAME}/sqlite';
export const values = [validate, DTO_NAMES, schemas, parsePythonJson, PyTimestamp, MemoryStore, encodeEventRecord,
  checkConsistency, follow, runGate, SqliteStore, SqliteMonitoringReader] as const;
export type Types = [EventRecord, DtoName, PyJsonValue, EventRecordInput, EventFilters, SqliteDatabaseHandle];
// @ts-expect-error: real types, not \`any\`
export const notADto: DtoName = 'NoSuchDto';
`;

let work: string;
let consumer: string;
let packedFiles: string[];

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

function node(args: string[]) {
  const out = spawnSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

beforeAll(() => {
  work = makeTempDir('contract-pack-');
  consumer = join(work, 'consumer');
  // prepack builds (generate, then scripts/build.ts: both builds); its log shares stdout with --json.
  const out = run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
  const info = JSON.parse(out.slice(out.indexOf('[\n'))) as { filename: string; files: { path: string }[] }[];
  packedFiles = info[0]!.files.map((f) => f.path).sort();
  const tarball = join(work, info[0]!.filename);

  run('mkdir', ['-p', consumer], work);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'commonjs' }));
  const devVersion = (dep: string) =>
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
      .devDependencies[dep]!;
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      tarball,
      `typescript@${devVersion('typescript')}`,
      `@types/node@${devVersion('@types/node')}`,
    ],
    consumer,
  );
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        skipLibCheck: false, // the shipped .d.ts (both builds) must type-check on their own
        types: ['node'],
        outDir: 'out',
      },
      files: ['esm.mts', 'cjs.cts', 'entries.mts'],
    }),
  );
  for (const [resolution, module] of [
    ['bundler', 'esnext'],
    ['node10', 'commonjs'],
  ] as const) {
    const compilerOptions = { module, moduleResolution: resolution, strict: true, skipLibCheck: false, noEmit: true };
    writeFileSync(
      join(consumer, `tsconfig.${resolution}.json`),
      JSON.stringify({
        compilerOptions: { ...compilerOptions, target: 'ES2022', types: ['node'] },
        files: [`${resolution}.ts`],
      }),
    );
    writeFileSync(join(consumer, `${resolution}.ts`), ENTRY_TYPES_SOURCE);
  }
  writeFileSync(join(consumer, 'entries.mts'), ENTRY_TYPES_SOURCE);
  writeFileSync(join(consumer, 'esm.mts'), ESM_SOURCE);
  writeFileSync(join(consumer, 'cjs.cts'), CJS_SOURCE);
});

afterAll(() => {
  removeTempDir(work);
});

describe('packed files', () => {
  it('ship the build, the declarations and the schemas, and nothing consumers do not need', () => {
    const offending = packedFiles.filter(
      (f) =>
        /^(test|bench|scripts|notes|src|generated|node_modules|\.ci)\//.test(f) ||
        f.startsWith('contract/vectors/') ||
        /(?<!\.d)\.(m|c)?ts$/.test(f) ||
        f.endsWith('.map') ||
        f.endsWith('.tgz') ||
        /^dist\/(test|bench|scripts)\//.test(f),
    );
    expect(offending).toEqual([]);
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'contract/common.schema.json',
        'contract/baselines/v1/event-record.schema.json',
        'dist/esm/package.json',
        'dist/chunks/validation.js',
        'dist/chunks/diagnosers.js',
        'dist/esm/chunks/validation.js',
      ]),
    );
  });

  it('contain every file package.json points at (exports, bin)', () => {
    const targets: string[] = [];
    const walk = (target: unknown): void => {
      if (typeof target === 'string') targets.push(target);
      else if (target && typeof target === 'object') Object.values(target).forEach(walk);
    };
    walk(pkg.exports);
    walk(pkg.bin);
    const missing = targets
      .filter((t) => !t.includes('*'))
      .map((t) => t.replace(/^\.\//, ''))
      .filter((t) => !packedFiles.includes(t));
    expect(missing).toEqual([]);
  });
});

describe('installed into a consumer project', () => {
  it('does not pull in the optional peers (better-sqlite3, ioredis)', () => {
    expect(existsSync(join(consumer, 'node_modules', 'better-sqlite3'))).toBe(false);
    expect(existsSync(join(consumer, 'node_modules', 'ioredis'))).toBe(false);
  });

  it.each(['tsconfig.json', 'tsconfig.bundler.json', 'tsconfig.node10.json'])(
    'type-checks programs importing every entry against the shipped declarations (%s, skipLibCheck off)',
    (config) => {
      const tsc = spawnSync(
        process.execPath,
        [join(consumer, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config],
        {
          cwd: consumer,
          encoding: 'utf8',
        },
      );
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    },
  );

  it('every entry loads through import and require, each exporting what its source module exports', () => {
    const driverFree = ENTRIES.filter((e) => !['./sqlite', './redis'].includes(e.subpath));
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const names = (m) => Object.keys(m).filter((k) => k !== '__esModule' && k !== 'default').sort();
      const out = {};
      for (const spec of ${JSON.stringify(driverFree.map((e) => e.specifier))}) {
        out[spec] = { esm: names(await import(spec)), cjs: names(require(spec)) };
      }
      console.log(JSON.stringify(out));`;
    const out = node(['--input-type=module', '-e', script]);
    expect(out.stderr).toBe('');
    const loaded = JSON.parse(out.stdout) as Record<string, { esm: string[]; cjs: string[] }>;
    for (const entry of driverFree) {
      const source = require(join(ROOT, entry.cjs.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')));
      const names = Object.keys(source as object)
        .filter((k) => k !== '__esModule')
        .sort();
      expect({ [entry.subpath]: loaded[entry.specifier]!.esm }).toEqual({ [entry.subpath]: names });
      expect({ [entry.subpath]: loaded[entry.specifier]!.cjs }).toEqual({ [entry.subpath]: names });
    }
  });

  it('the ESM build is native: every import target is an ES module file, no CommonJS underneath', () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      await import('${NAME}');
      console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('${NAME}'))));`;
    const out = node(['--input-type=module', '-e', script]);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual([]);
  });

  it('esbuild bundles for the browser: root without Node built-ins or store, /validation without codec', async () => {
    const bundle = async (code: string) => {
      const result = await build({
        stdin: { contents: code, resolveDir: consumer, loader: 'js' },
        bundle: true,
        write: false,
        minify: true,
        format: 'esm',
        platform: 'browser',
        metafile: true,
        logLevel: 'silent',
      });
      const text = result.outputFiles[0]!.text;
      return { inputs: Object.keys(result.metafile.inputs), text, gzip: gzipSync(text).length };
    };
    const root = await bundle(`export { validate, fromJson, toJson } from '${NAME}';`);
    const validation = await bundle(`export { validate } from '${NAME}/validation';`);
    const shipped = (list: string[]) => list.filter((f) => f.includes(`node_modules/${NAME}/`));
    expect(shipped(root.inputs).length).toBeGreaterThan(0);
    expect(shipped(root.inputs).every((f) => f.includes('/dist/esm/'))).toBe(true);
    // strings only the data store (its backend check) and the codec (fromJson's `now` option) hold
    const storeOnly = 'a DataStoreBackend (description, get, set, purge, close)';
    const codecOnly = 'a function returning a Date, epoch microseconds';
    expect([root.text.includes(storeOnly), root.text.includes(codecOnly)]).toEqual([false, true]);
    expect([validation.text.includes(storeOnly), validation.text.includes(codecOnly)]).toEqual([false, false]);
    expect(validation.gzip).toBeLessThan(root.gzip);
  });

  it('runs through import (ESM) with the verdicts the sources give; CommonJS copy errors pass instanceof', () => {
    const out = node(['out/esm.mjs']);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({ ...expected(), crossCopy: [true, true, false] });
  });

  it('runs through require (CommonJS) with the verdicts the sources give', () => {
    const out = node(['out/cjs.cjs']);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual(expected());
  });

  it('loads the package root without the optional peers installed', () => {
    const script = `require('${NAME}');
      console.log(Object.keys(require.cache).filter((k) => /better-sqlite3|ioredis/.test(k)).length)`;
    const out = node(['-e', script]);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('0');
  });

  // The value model (pyjson/values, pyjson/numbers: no imports) is validation's own: it judges and quotes
  // Python-dialect numbers (PyFloat, bigint) as python-jsonschema does; it sits in the validation chunk. The
  // parser, writer, codec and data store are in other files, which /validation does not load.
  it('the validation subpath validates alone: same functions as the root, no codec or data store loaded', () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const loaded = () => Object.keys(require.cache)
        .filter((k) => k.includes('/node_modules/${NAME}/'))
        .map((k) => k.slice(k.indexOf('/node_modules/${NAME}/') + '/node_modules/${NAME}/'.length))
        .sort();
      const esm = await import('${NAME}/validation');
      const cjs = require('${NAME}/validation');
      const afterLoad = loaded();
      const invalid = cjs.validate('EventMarkerPage', { markers: [], total: -1, truncated: false }).issues;
      const afterInvalid = loaded();
      const root = require('${NAME}');
      const esmRoot = await import('${NAME}');
      console.log(JSON.stringify([
        esm.validate === esmRoot.validate, cjs.validate === root.validate,
        esm.validate('EventMarkerPage', { markers: [], total: 0, truncated: false }).ok,
        esm.validate('EventMarkerPage', { markers: [], total: -1, truncated: false }).issues.map((i) => i.path),
        invalid.map((i) => i.path), afterLoad, afterInvalid,
      ]));`;
    const out = node(['--input-type=module', '-e', script]);
    expect(out.stderr).toBe('');
    const [esmSame, cjsSame, ok, esmPaths, cjsPaths, afterLoad, afterInvalid] = JSON.parse(out.stdout) as [
      boolean,
      boolean,
      boolean,
      string[],
      string[],
      string[],
      string[],
    ];
    expect([esmSame, cjsSame, ok, esmPaths, cjsPaths]).toEqual([true, true, true, ['/total'], ['/total']]);
    // CommonJS: the entry and the validation chunk; the diagnosers on the first invalid document
    expect(afterLoad).toEqual(['dist/chunks/validation.js', 'dist/src/entries/validation.js']);
    expect(afterInvalid).toEqual([...afterLoad, 'dist/chunks/diagnosers.js'].sort());
    const codecOnly = 'a function returning a Date, epoch microseconds';
    const files = afterInvalid.map((file) => readFileSync(join(consumer, 'node_modules', NAME, file), 'utf8'));
    expect(files.filter((text) => text.includes(codecOnly))).toEqual([]);
  });

  // One module, one copy: a class or function two entries export is the same object (shared chunks), so an error
  // thrown through one entry is an instance of the class another entry exports, by identity.
  it('entries share one instance of what they both export (ESM and CommonJS builds)', () => {
    const driverFree = ENTRIES.filter((e) => !['./sqlite', './redis'].includes(e.subpath)).map((e) => e.specifier);
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const specs = ${JSON.stringify(driverFree)};
      const result = {};
      for (const [how, load] of [['esm', (spec) => import(spec)], ['cjs', async (spec) => require(spec)]]) {
        const modules = await Promise.all(specs.map(load));
        let shared = 0;
        const differing = [];
        for (let first = 0; first < specs.length; first++)
          for (let second = first + 1; second < specs.length; second++)
            for (const name of Object.keys(modules[first]).filter((k) => k !== 'default' && k !== '__esModule'))
              if (name in modules[second]) {
                shared++;
                if (modules[first][name] !== modules[second][name])
                  differing.push(specs[first] + ' ' + specs[second] + ' ' + name);
              }
        const { ContractError } = modules[0];
        let thrown;
        try { modules[specs.indexOf('${NAME}/pyjson')].parsePythonJson('{'); } catch (err) { thrown = err; }
        result[how] = {
          shared, differing,
          // identity, not the brand check of ContractError[Symbol.hasInstance]
          sameBase: ContractError.prototype.isPrototypeOf(thrown),
        };
      }
      console.log(JSON.stringify(result));`;
    const out = node(['--input-type=module', '-e', script]);
    expect(out.stderr).toBe('');
    const result = JSON.parse(out.stdout) as Record<string, { shared: number; differing: string[]; sameBase: boolean }>;
    for (const how of ['esm', 'cjs']) {
      expect(result[how]!.shared).toBeGreaterThan(10);
      expect({ how, differing: result[how]!.differing, sameBase: result[how]!.sameBase }).toEqual({
        how,
        differing: [],
        sameBase: true,
      });
    }
  });

  it('store subpaths say which optional peer is missing, catchably, and load once it is there', () => {
    for (const [subpath, peer] of [
      ['sqlite', 'better-sqlite3'],
      ['redis', 'ioredis'],
    ] as const) {
      for (const how of ['require', 'import'] as const) {
        const load = how === 'require' ? `require('${NAME}/${subpath}')` : `await import('${NAME}/${subpath}')`;
        // nodejs/node#51603: an ESM wrapper over CommonJS whose require fails killed the process even when caught
        const script = `import { createRequire } from 'node:module';
          const require = createRequire(process.cwd() + '/');
          try { ${load}; console.log('loaded'); }
          catch (err) { console.log(JSON.stringify([err.code, err.message.includes("'${peer}'")])); }`;
        const missing = node(['--input-type=module', '-e', script]);
        expect({ how, subpath, stderr: missing.stderr, status: missing.status }).toEqual({
          how,
          subpath,
          stderr: '',
          status: 0,
        });
        expect(JSON.parse(missing.stdout)).toEqual([
          how === 'require' ? 'MODULE_NOT_FOUND' : 'ERR_MODULE_NOT_FOUND',
          true,
        ]);
      }
    }
    // The repo's own copies stand in for a consumer's install (no native build here).
    for (const peer of ['better-sqlite3', 'ioredis']) {
      symlinkSync(join(ROOT, 'node_modules', peer), join(consumer, 'node_modules', peer), 'dir');
    }
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const esm = { sqlite: await import('${NAME}/sqlite'), redis: await import('${NAME}/redis') };
      const cjs = { sqlite: require('${NAME}/sqlite'), redis: require('${NAME}/redis') };
      const store = new esm.sqlite.SqliteStore({ path: ':memory:' });
      await store.close();
      // what the store entries share with /monitoring is /monitoring's own (one copy per build)
      const monitoring = { esm: await import('${NAME}/monitoring'), cjs: require('${NAME}/monitoring') };
      const stores = { esm, cjs };
      const shared = (how) => Object.keys(monitoring[how]).filter((k) => k !== '__esModule').every(
        (k) => monitoring[how][k] === stores[how].sqlite[k] && monitoring[how][k] === stores[how].redis[k]);
      console.log(JSON.stringify([
        typeof esm.sqlite.SqliteStore, esm.sqlite.SqliteStore === cjs.sqlite.SqliteStore,
        typeof esm.redis.RedisStore, esm.redis.RedisStore === cjs.redis.RedisStore,
        shared('esm'), shared('cjs'),
      ]));
    `;
    const out = node(['--input-type=module', '-e', script]);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual(['function', false, 'function', false, true, true]);
    for (const subpath of ['./sqlite', './redis']) {
      const entry = ENTRIES.find((e) => e.subpath === subpath)!;
      const keys = `const names = (m) => Object.keys(m).filter((k) => k !== '__esModule' && k !== 'default').sort();
        import { createRequire } from 'node:module';
        const m = await import('${entry.specifier}');
        console.log(JSON.stringify([names(m), names(createRequire(process.cwd() + '/')('${entry.specifier}'))]));`;
      const loaded = node(['--input-type=module', '-e', keys]);
      expect(loaded.stderr).toBe('');
      const source = require(join(ROOT, entry.cjs.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')));
      const names = Object.keys(source as object)
        .filter((k) => k !== '__esModule')
        .sort();
      expect(JSON.parse(loaded.stdout)).toEqual([names, names]);
    }
    writeFileSync(
      join(consumer, 'redis.mts'),
      `import { RedisStore, RedisMonitoringReader } from '${NAME}/redis';
export const values = [RedisStore, RedisMonitoringReader] as const;\n`,
    );
    const tsc = spawnSync(
      process.execPath,
      [
        join(consumer, 'node_modules', 'typescript', 'bin', 'tsc'),
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        'redis.mts',
      ],
      { cwd: consumer, encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
  });

  it('compat runs from the install: against the shipped baseline by default, failing a breaking copy', () => {
    const bin = join(consumer, 'node_modules', '.bin', 'pynenc-contract');
    const pass = spawnSync(bin, ['compat'], { cwd: consumer, encoding: 'utf8' });
    expect(pass.stderr).toBe('');
    expect(pass.stdout).toMatch(/baselines\/v1/);
    expect(pass.status).toBe(0);
    // a consumer's copy of the contract where event_code became an integer: breaks backward compatibility
    const copy = join(work, 'my-contract');
    cpSync(join(consumer, 'node_modules', NAME, 'contract'), copy, { recursive: true });
    const file = join(copy, 'event-record.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, { type?: string }> };
    schema.properties['event_code']!.type = 'integer';
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const fail = spawnSync(bin, ['compat', '--contract', copy, '--no-generated'], { cwd: consumer, encoding: 'utf8' });
    expect(fail.stderr).toBe('');
    expect(fail.stdout).toContain('event_code');
    expect(fail.status).toBe(1);
  });

  it(`installs the ${Object.keys(pkg.bin).join(', ')} command`, () => {
    for (const command of Object.keys(pkg.bin)) {
      const bin = join(consumer, 'node_modules', '.bin', command);
      const out = spawnSync(bin, ['--help'], { cwd: consumer, encoding: 'utf8' });
      expect(out.stderr).toBe('');
      expect(out.status).toBe(0);
      expect(out.stdout).toContain(command);
    }
  });
});
