/** `pynenc-contract compat` through real child processes, over the fixture series of test/compat. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPAT_MODES } from '../../src/compat';
import { CASES, ER, applyCase, contractFiles, type Files } from '../support/compat-fixtures';
import { ROOT, runCli } from '../support/run-cli';

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'cli-compat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeContract(folder: string, files: Files): string {
  mkdirSync(folder, { recursive: true });
  for (const [name, schema] of Object.entries(files))
    writeFileSync(join(folder, name), `${JSON.stringify(schema, null, 2)}\n`);
  return folder;
}

describe('the real contract', () => {
  it('against the committed v1 baseline (the CI step): exit 0', async () => {
    const r = await runCli(['compat', '--against', 'contract/baselines/v1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^compat backward: contract \(v1\) against contract\/baselines\/v1 \(v1\)\n/);
    expect(r.stdout).toMatch(/; PASS\n$/);
  });

  it('against itself in full mode, as JSON: no findings', async () => {
    const r = await runCli(['compat', '--against', 'contract', '--mode', 'full', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      mode: 'full',
      ok: true,
      findings: [],
      failures: 0,
      majorBumped: false,
    });
  });
});

// One case per kind of verdict (and the bump), each in every mode.
const PICKED = [
  'PROPERTY_ADDED_CLOSED_OPTIONAL',
  'PROPERTY_REMOVED_CLOSED_REQUIRED',
  'NULLABLE_REMOVED',
  'ENUM_CHANGED',
  'DEFAULT_CHANGED',
  'RESERVED_FIELD_READDED',
];
const picked = CASES.filter((c, i) => PICKED.includes(c.rule) && CASES.findIndex((d) => d.rule === c.rule) === i);
picked.push(CASES.find((c) => c.name.startsWith('v2: event_code removed (reserved)'))!);

describe.each(picked.map((c) => [`${c.rule}: ${c.name}`, c] as const))('%s', (_title, c) => {
  const { base, current } = applyCase(c);
  const caseDir = join(dir, c.rule + (c.name.startsWith('v2') ? '-v2' : ''));
  const baseDir = writeContract(join(caseDir, 'base'), base);
  writeContract(join(caseDir, 'contract'), current);

  it.each(COMPAT_MODES)('%s mode', async (mode) => {
    const r = await runCli([
      'compat',
      '--against',
      baseDir,
      '--contract',
      join(caseDir, 'contract'),
      '--mode',
      mode,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(c.exit[mode]);
    const report = JSON.parse(r.stdout) as { findings: { rule: string; dto: string; pointer: string }[] };
    expect(report.findings.map((f) => [f.rule, f.dto, f.pointer]).sort()).toEqual([...c.findings].sort());
  });

  it('text output names the rule, DTO and pointer of each finding', async () => {
    const r = await runCli(['compat', '--against', baseDir, '--contract', join(caseDir, 'contract')]);
    for (const [rule, dto, pointer] of c.findings) expect(r.stdout).toContain(`${dto} ${pointer || '/'}: ${rule} (`);
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(c.exit.backward ? /; FAIL \(\d+ failing\)$/ : /; PASS$/);
  });
});

describe('against a git ref', () => {
  it('reads the contract folder as committed, and compares the working tree with it', async () => {
    const repo = join(dir, 'repo');
    const files = contractFiles();
    writeContract(join(repo, 'contract'), files);
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        cwd: repo,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    git('tag', 'v1');
    files[ER].properties.note = { type: 'string' };
    writeContract(join(repo, 'contract'), files);

    const backward = await runCli(['compat', '--against', 'v1'], { cwd: repo });
    expect(backward.code).toBe(0);
    expect(backward.stdout).toContain('against v1:contract/ (v1)');
    expect(backward.stdout).toContain(
      'EventRecord /properties/note: PROPERTY_ADDED_CLOSED_OPTIONAL (backward ok, forward BREAKS)',
    );
    const forward = await runCli(['compat', '--against', 'HEAD', '--mode', 'forward'], { cwd: repo });
    expect(forward.code).toBe(1);
  });
});

test('without --against: the newest baseline the package ships (contract/baselines/v<N>)', async () => {
  const r = await runCli(['compat']);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/against \S*contract\/baselines\/v1 /);
  expect(r.code).toBe(0);
});

describe('usage and input errors exit 2', () => {
  it.each([
    [['compat', '--against', 'no-such-ref-or-folder'], 'neither a folder nor a git ref'],
    [['compat', '--against', 'contract', '--mode', 'sideways'], 'Allowed choices are backward, forward, full'],
    [['compat', '--against', 'contract', '--contract', 'nowhere'], 'not a folder'],
  ])('%j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('a baseline file that is not JSON', async () => {
    const bad = join(dir, 'bad-baseline');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'event-record.schema.json'), '{ nope');
    const r = await runCli(['compat', '--against', bad], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('event-record.schema.json: not JSON');
  });
});
