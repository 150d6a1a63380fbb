/**
 * Node imports the package's one ES module tree (package.json "exports": `import` → dist/esm, as bundlers and
 * browsers do), whose chunks/validation.js holds what only invalid documents need as esbuild initialisers, run on
 * the first one (scripts/build.ts, LAZY_CHUNK): importing and the first invalid document load no CommonJS file, and
 * the issues, messages and error classes are the ones of the ES module build (no second copy of a chunk: a PyFloat
 * the ES module /pyjson made is quoted as Python writes it; an error is an instance of the imported class itself).
 * An esbuild bundle for Node gets dist/esm too, and explains invalid documents.
 *
 * On a build made here (scripts/build.ts into a temporary package folder), not on dist/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { buildPackage } from '../../scripts/build';
import { parsePythonJson } from '../../src/entries/pyjson';
import { validate } from '../../src/entries/validation';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const NAME = 'pynenc-monitoring-contract';
type PackageJson = { dependencies: Record<string, string> };

const PAGE_TEXT = '{"markers": [], "total": -2.0, "truncated": false}';

let work: string;
let installed: string;

beforeAll(async () => {
  work = makeTempDir('contract-esm-node-');
  installed = join(work, 'node_modules', NAME);
  mkdirSync(installed, { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(installed, 'package.json'));
  await buildPackage(join(installed, 'dist'));
  // the package's dependencies, as an install puts them beside it
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  for (const dependency of Object.keys(dependencies)) {
    mkdirSync(dirname(join(work, 'node_modules', dependency)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dependency), join(work, 'node_modules', dependency), 'dir');
  }
});

afterAll(() => {
  removeTempDir(work);
});

/** The program's report: what loading, validating and catching showed. */
const PROGRAM = `
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const shipped = () => Object.keys(require.cache).map((file) => file.slice(file.indexOf('/dist/') + 1)).sort();
const { validate, assertValid, ContractValidationError } = await import('${NAME}/validation');
const { parsePythonJson } = await import('${NAME}/pyjson');
const valid = validate('EventMarkerPage', { markers: [], total: 0, truncated: false }).ok;
const afterValid = shipped();
const page = validate('EventMarkerPage', parsePythonJson(${JSON.stringify(PAGE_TEXT)}));
const afterInvalid = shipped();
let sameClass = false;
try {
  assertValid('EventRecord', {});
} catch (err) {
  sameClass = err.constructor === ContractValidationError;
}
const resolved = import.meta.resolve('${NAME}/validation').replace(/^.*\\/dist\\//, 'dist/');
console.log(JSON.stringify({ valid, afterValid, page, afterInvalid, sameClass, resolved }));
`;

function runProgram(): Record<string, unknown> {
  const file = join(work, 'program.mjs');
  writeFileSync(file, PROGRAM);
  const out = spawnSync(process.execPath, [file], { cwd: work, encoding: 'utf8' });
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

const expectedPage = validate('EventMarkerPage', parsePythonJson(PAGE_TEXT));

describe('the ES module build in Node', () => {
  it('explains the first invalid document as the sources do, with one copy of each class and no CommonJS file', () => {
    expect(expectedPage.ok).toBe(false);
    expect(runProgram()).toEqual({
      valid: true,
      afterValid: [],
      page: expectedPage,
      afterInvalid: [],
      sameClass: true,
      resolved: 'dist/esm/src/entries/validation.js',
    });
  });

  it('is what a bundle for Node gets: esbuild --platform=node bundles dist/esm, which explains documents', async () => {
    const result = await build({
      stdin: {
        contents: `import { validate } from '${NAME}/validation';
          console.log(JSON.stringify(validate('EventMarkerPage', { markers: [], total: -1, truncated: false })));`,
        resolveDir: work,
        loader: 'js',
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).filter((file) => file.includes(`node_modules/${NAME}/`));
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((file) => file.includes('/dist/esm/'))).toBe(true);
    const bundled = join(work, 'bundle.mjs');
    writeFileSync(bundled, result.outputFiles[0]!.text);
    const out = spawnSync(process.execPath, [bundled], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual(validate('EventMarkerPage', { markers: [], total: -1, truncated: false }));
  });
});
