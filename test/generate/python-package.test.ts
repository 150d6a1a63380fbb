/**
 * The Python package stage of `npm run generate` (scripts/python-package.ts), run as CI runs it: in child
 * processes, on a scratch copy of contract/ and generated/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const PKG = join('generated', 'python', 'pynenc_monitoring_contract');

function generate(root: string, check = false) {
  const args = [join(ROOT, 'scripts', 'index.ts'), '--root', root, ...(check ? ['--check'] : [])];
  const run = spawnSync(TSX, args, { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      // __pycache__, and what `pip install ./generated/python` builds in place (.gitignore lists them)
      if (name === '__pycache__' || name === 'build' || name.endsWith('.egg-info')) return [];
      return statSync(path).isDirectory() ? files(path) : [path];
    })
    .sort();
}

function pyCompile(dir: string) {
  const sources = files(dir).filter((f) => f.endsWith('.py'));
  const run = spawnSync('/usr/bin/python3', ['-m', 'py_compile', ...sources], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPYCACHEPREFIX: join(dir, '..', '.pycache') },
  });
  return { status: run.status, stderr: run.stderr, count: sources.length };
}

describe('generated/python', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'contract-python-'));
    cpSync(join(ROOT, 'contract'), join(root, 'contract'), { recursive: true });
    cpSync(join(ROOT, 'generated'), join(root, 'generated'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is regenerated from scratch byte for byte, compiles, and ships the schema files unchanged', () => {
    rmSync(join(root, 'generated', 'python'), { recursive: true });
    expect(generate(root).status).toBe(0);
    const committed = files(join(ROOT, 'generated', 'python')).map((f) => relative(ROOT, f));
    const made = files(join(root, 'generated', 'python')).map((f) => relative(root, f));
    expect(made).toEqual(committed);
    for (const file of made)
      expect(readFileSync(join(root, file), 'utf8')).toBe(readFileSync(join(ROOT, file), 'utf8'));
    for (const schema of readdirSync(join(ROOT, 'contract')).filter((f) => f.endsWith('.schema.json'))) {
      expect(readFileSync(join(root, PKG, 'schemas', schema))).toEqual(readFileSync(join(ROOT, 'contract', schema)));
    }
    const compiled = pyCompile(join(root, PKG));
    expect(compiled).toEqual({ status: 0, stderr: '', count: 2 });
  });

  it('drifts when a schema changes: --check names the Python files, generate rewrites them', () => {
    const file = join(root, 'contract', 'event-marker.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.properties.event_code.description = 'Edited """ with a \\ backslash and "quotes".';
    schema.properties.matched = { type: ['boolean', 'null'], description: 'Now nullable.' };
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const check = generate(root, true);
    expect(check.status).toBe(1);
    expect(check.output).toContain(join(PKG, '__init__.py'));
    expect(check.output).toContain(join(PKG, 'schemas', 'event-marker.schema.json'));
    expect(generate(root).status).toBe(0);
    const init = readFileSync(join(root, PKG, '__init__.py'), 'utf8');
    expect(init).toContain('    matched: bool | None\n    """Now nullable."""');
    expect(init).toContain('"""Edited \\"\\"\\" with a \\\\ backslash and "quotes"."""');
    expect(readFileSync(join(root, PKG, 'schemas', 'event-marker.schema.json'), 'utf8')).toBe(
      readFileSync(file, 'utf8'),
    );
    expect(pyCompile(join(root, PKG)).status).toBe(0);
  });

  it.each([
    [
      'an inline object with properties',
      { type: 'object', properties: { a: { type: 'string' } } },
      /cannot map \/properties\/odd to a Python type \(an inline object/,
    ],
    [
      'a schema with no type',
      { description: 'anything' },
      /cannot map \/properties\/odd to a Python type \(no \$ref, const, enum/,
    ],
  ])('refuses a property it cannot map (%s), naming the schema and pointer', (_what, property, message) => {
    const file = join(root, 'contract', 'event-marker.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.properties.odd = property;
    schema.required.push('odd');
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const run = generate(root, true);
    expect(run.status).toBe(2);
    expect(run.output).toMatch(/contract\/event-marker\.schema\.json/);
    expect(run.output).toMatch(message);
  });
});
