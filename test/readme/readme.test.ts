/**
 * The README's TypeScript examples must run as written: each ```ts block is run
 * with tsx in a child process, the package name resolving to this checkout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README examples', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readme-'));
    const tsconfig = {
      compilerOptions: {
        module: 'commonjs',
        target: 'ES2022',
        strict: true,
        esModuleInterop: true,
        baseUrl: ROOT,
        paths: { 'pynenc-monitoring-contract': ['src/index.ts'] },
      },
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has examples', () => expect(blocks.length).toBeGreaterThan(0));

  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %d runs as written', (i, code) => {
    const file = join(dir, `example-${i}.ts`);
    writeFileSync(file, code);
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', join(dir, 'tsconfig.json'), file], {
      encoding: 'utf8',
      cwd: dir,
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout.length).toBeGreaterThan(0);
    // A comment line showing output (`// EventRecord /timestamp: …`) must appear in it; `…` elides.
    for (const [, shown] of code.matchAll(/^\s*\/\/ (.*)$/gm)) {
      for (const part of shown!.split('…').filter((p) => p.trim())) expect(run.stdout).toContain(part.trim());
    }
  });
});
