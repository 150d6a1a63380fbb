/**
 * The package as a consumer gets it: `npm pack` (which builds through the
 * prepack script), the tarball installed into a fresh project, TypeScript
 * compiled there against the shipped declarations, and the output run through
 * `import` (ESM, .mts) and `require` (CommonJS, .cts). The verdicts must be
 * the ones the sources give in this process.
 *
 * Slow by nature (build + npm install): one pack and one install for the file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromJson, schemas, toJson, validate } from '../../src';

jest.setTimeout(6 * 60_000);

const ROOT = join(__dirname, '..', '..');
const NAME = 'pynenc-monitoring-contract';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  files: string[];
};

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

const ESM_SOURCE = `import { validate, fromJson, toJson, ContractValidationError, type EventRecord } from '${NAME}';
import { createRequire } from 'node:module';
${CONSTANTS}${BODY}
// One module instance whichever way it is loaded (no dual package hazard).
const required = createRequire(import.meta.url)('${NAME}') as typeof import('${NAME}');
const sameInstance = required.ContractValidationError === ContractValidationError && required.validate === validate;
console.log(JSON.stringify({ ...result, sameInstance }));
`;

const CJS_SOURCE = `import contract = require('${NAME}');
import type { EventRecord } from '${NAME}';
const { validate, fromJson, toJson, ContractValidationError } = contract;
${CONSTANTS}${BODY}
console.log(JSON.stringify(result));
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
  work = mkdtempSync(join(tmpdir(), 'contract-pack-'));
  consumer = join(work, 'consumer');
  // prepack builds (generate + tsc + ESM wrappers); its log shares stdout with --json.
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
        module: 'node16',
        moduleResolution: 'node16',
        strict: true,
        skipLibCheck: false, // the shipped .d.ts/.d.mts must type-check on their own
        types: ['node'],
        outDir: 'out',
      },
      files: ['esm.mts', 'cjs.cts'],
    }),
  );
  writeFileSync(join(consumer, 'esm.mts'), ESM_SOURCE);
  writeFileSync(join(consumer, 'cjs.cts'), CJS_SOURCE);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
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
    expect(packedFiles).toEqual(expect.arrayContaining(['package.json', 'README.md', 'contract/common.schema.json']));
  });

  it('contain every file package.json points at (exports, bin)', () => {
    const targets: string[] = [];
    const walk = (node: unknown): void => {
      if (typeof node === 'string') targets.push(node);
      else if (node && typeof node === 'object') Object.values(node).forEach(walk);
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

  it('type-checks an ESM (.mts) and a CommonJS (.cts) program against the shipped declarations', () => {
    const tsc = spawnSync(process.execPath, [join(consumer, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], {
      cwd: consumer,
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('runs through import (ESM) with the verdicts the sources give, on one module instance', () => {
    const out = node(['out/esm.mjs']);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({ ...expected(), sameInstance: true });
  });

  it('runs through require (CommonJS) with the verdicts the sources give', () => {
    const out = node(['out/cjs.cjs']);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual(expected());
  });

  it('loads the package root without the optional peers installed', () => {
    const script = `require('${NAME}'); console.log(Object.keys(require.cache).filter((k) => /better-sqlite3|ioredis/.test(k)).length)`;
    const out = node(['-e', script]);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('0');
  });

  // The value model (pyjson/values, pyjson/numbers: no imports) is validation's own: it judges and quotes
  // Python-dialect numbers (PyFloat, bigint) as python-jsonschema does. The parser and writer are not loaded.
  it('the validation subpath validates alone: same functions as the root, no codec or data store loaded', () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const esm = await import('${NAME}/validation');
      const cjs = require('${NAME}/validation');
      const loaded = Object.keys(require.cache)
        .filter((k) => /[\\/]dist[\\/]src[\\/](codec|datastore|pyjson|timestamps|monitoring)[\\/]/.test(k))
        .filter((k) => !/[\\/]pyjson[\\/](values|numbers)\\.js$/.test(k));
      const root = require('${NAME}');
      console.log(JSON.stringify([
        esm.validate === cjs.validate, cjs.validate === root.validate,
        esm.validate('EventMarkerPage', { markers: [], total: 0, truncated: false }).ok,
        esm.validate('EventMarkerPage', { markers: [], total: -1, truncated: false }).issues.map((i) => i.path),
        loaded,
      ]));`;
    const out = node(['--input-type=module', '-e', script]);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual([true, true, true, ['/total'], []]);
  });

  it('store subpaths say which optional peer is missing, and load once it is there', () => {
    for (const [subpath, peer] of [
      ['sqlite', 'better-sqlite3'],
      ['redis', 'ioredis'],
    ] as const) {
      for (const how of ['require', 'import'] as const) {
        const load =
          how === 'require' ? `require('${NAME}/${subpath}')` : `await import('${NAME}/${subpath}')`;
        const missing = node(['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); ${load};`]);
        expect(missing.status).not.toBe(0);
        expect(missing.stderr).toContain(`'${peer}'`);
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
      console.log(JSON.stringify([
        typeof esm.sqlite.SqliteStore, esm.sqlite.SqliteStore === cjs.sqlite.SqliteStore,
        typeof esm.redis.RedisStore, esm.redis.RedisStore === cjs.redis.RedisStore,
      ]));
    `;
    const out = node(['--input-type=module', '-e', script]);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual(['function', true, 'function', true]);
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
