/** The CLI as a whole: --help on every command, --version, exit codes, `generate`. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../support/run-cli';

jest.setTimeout(120_000);

const COMMANDS = ['validate', 'format', 'generate', 'compat'];

describe('--help', () => {
  it('the program lists every command (exit 0)', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: pynenc-contract \[options\] \[command\]/);
    for (const command of COMMANDS) expect(r.stdout).toMatch(new RegExp(`\\n  ${command} `));
  });

  it.each(COMMANDS)('%s: `<command> --help` and `help <command>` (exit 0)', async (command) => {
    for (const args of [
      [command, '--help'],
      ['help', command],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: pynenc-contract ${command} `));
    }
  });
});

it('--version prints the package version', async () => {
  const r = await runCli(['--version']);
  expect(r).toMatchObject({
    code: 0,
    stdout: `${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`,
  });
});

it('no command: usage on stderr, exit 2', async () => {
  const r = await runCli([]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Usage: pynenc-contract');
});

it('the entry has a shebang, as a package bin needs', () => {
  expect(readFileSync(join(ROOT, 'src', 'cli', 'main.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  expect(join(pkg.bin['pynenc-contract']!)).toBe(join('dist', 'src', 'cli', 'main.js'));
});

describe('generate', () => {
  it('--check in this checkout exits as the build pipeline does', async () => {
    const tsx = require.resolve('tsx/cli');
    let expected = 0;
    try {
      execFileSync(process.execPath, [tsx, join(ROOT, 'scripts', 'index.ts'), '--check'], { cwd: ROOT, stdio: 'pipe' });
    } catch (err) {
      expected = (err as { status: number }).status;
    }
    const r = await runCli(['generate', '--check']);
    expect(r.code).toBe(expected);
    expect(r.stdout + r.stderr).toContain('generated/');
  });

  it('outside a checkout (no scripts/): exit 2 and says where it works', async () => {
    // An installed package: src/ and generated/ without scripts/.
    const pkg = mkdtempSync(join(tmpdir(), 'cli-installed-'));
    try {
      for (const part of ['src', 'generated', 'package.json'])
        cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
      const r = await runCli(['generate'], { main: join(pkg, 'src', 'cli', 'main.ts'), cwd: pkg });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('works only in a checkout of pynenc-monitoring-contract');
      expect(r.stderr).toContain('no scripts/: it is an installed package');
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });
});
