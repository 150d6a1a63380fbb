/**
 * Runs the generator as CI does, in child processes: prettier (inside
 * json-schema-to-typescript) needs dynamic import, which jest's VM lacks.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function generate(root: string, check: boolean) {
  const args = [join(ROOT, 'scripts', 'index.ts'), '--root', root, ...(check ? ['--check'] : [])];
  const run = spawnSync(TSX, args, { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('npm run generate', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'contract-generate-'));
    cpSync(join(ROOT, 'contract'), join(root, 'contract'), { recursive: true });
    cpSync(join(ROOT, 'generated'), join(root, 'generated'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const read = (dir: string, file: string) => readFileSync(join(dir, 'generated', file), 'utf8');

  it('--check passes: the committed generated/ is what contract/ produces', () => {
    expect(generate(root, true)).toEqual({ status: 0, output: 'generated/ matches contract/.\n' });
  });

  it('is deterministic: regenerating from scratch gives the committed bytes', () => {
    rmSync(join(root, 'generated'), { recursive: true });
    expect(generate(root, false).status).toBe(0);
    for (const file of ['types.ts', 'schemas.ts']) expect(read(root, file)).toBe(read(ROOT, file));
  });

  it('--check fails and names the drifted files when a schema was edited without regenerating', () => {
    const file = join(root, 'contract', 'event-marker.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.properties.event_code.description = 'Edited without regenerating.';
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const run = generate(root, true);
    expect(run.status).toBe(1);
    expect(run.output).toContain('generated/types.ts');
    expect(run.output).toContain('generated/schemas.ts');
    expect(read(root, 'types.ts')).toBe(read(ROOT, 'types.ts')); // --check writes nothing
  });

  it('refuses a contract whose $ids disagree on the major version', () => {
    const file = join(root, 'contract', 'event-marker.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.$id = schema.$id.replace('/v1/', '/v2/');
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const run = generate(root, true);
    expect(run.status).toBe(2);
    expect(run.output).toMatch(/same major version/);
  });
});

describe('generated/types.ts', () => {
  const types = readFileSync(join(ROOT, 'generated', 'types.ts'), 'utf8');

  it('declares each type once, with no numbered duplicates', () => {
    const declared = [...types.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
    expect(declared.length).toBe(new Set(declared).size);
    expect(declared.filter((name) => /\d$/.test(name!))).toEqual([]); // no Id1, OptionalId3 …
  });

  it.each(['EventRecord', 'EventMarker', 'EventMarkerPage', 'TriggerRunParticipant', 'TriggerRunRecord'])(
    '%s is a closed interface',
    (dto) => {
      const body = new RegExp(`export interface ${dto} \\{([\\s\\S]*?)\\n\\}`).exec(types)?.[1];
      expect(body).toBeDefined();
      expect(body).not.toMatch(/^ {2}\[k: string\]/m);
    },
  );

  it('carries the generated-file banner', () => {
    expect(types.startsWith('// GENERATED FILE — DO NOT EDIT.')).toBe(true);
  });
});
