/**
 * The README's TypeScript examples must run as written: each ```ts block is run
 * with tsx in a child process, the package name resolving to this checkout, and
 * a private redis-server behind REDIS_URL for the examples that use one.
 * Output shown in the README — comment lines right after a console.log line
 * (closing brackets may stand between) — must appear in what the block prints;
 * `…` elides.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer, type RedisServer } from '../support/redis-server';

const ROOT = join(__dirname, '..', '..');
const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** The output a block claims to print. */
export function shownOutput(code: string): string[] {
  const shown: string[] = [];
  let afterLog = false;
  for (const line of code.split('\n')) {
    const comment = /^\s*\/\/ ?(.*)$/.exec(line);
    if (afterLog && comment) shown.push(comment[1]!);
    else if (/console\.log\(/.test(line)) afterLog = true;
    else if (!/^\s*[})\];]+\s*$/.test(line)) afterLog = false; // a blank line or code ends the shown output
  }
  return shown;
}

/** The package's entry points (package.json `exports`), mapped to their sources in this checkout. */
function entryPoints(): Record<string, string[]> {
  const { name, exports } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, { require?: { default: string } }>;
  };
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(exports)) {
    const compiled = target.require?.default;
    if (!compiled) continue;
    paths[name + subpath.slice(1)] = [compiled.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')];
  }
  return paths;
}

describe('README examples', () => {
  let dir: string;
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    dir = mkdtempSync(join(tmpdir(), 'readme-'));
    const tsconfig = {
      compilerOptions: {
        module: 'commonjs',
        target: 'ES2022',
        strict: true,
        esModuleInterop: true,
        baseUrl: ROOT,
        paths: entryPoints(),
      },
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  }, 30_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await redis.stop();
  });

  it('has examples', () => expect(blocks.length).toBeGreaterThan(3));

  it.each(blocks.map((code, i) => [i + 1, code.split('\n')[0], code] as const))(
    'example %d (%s) runs as written and prints what it shows',
    (i, _first, code) => {
      const file = join(dir, `example-${i}.ts`);
      writeFileSync(file, code);
      const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', join(dir, 'tsconfig.json'), file], {
        encoding: 'utf8',
        cwd: dir,
        env: { ...process.env, REDIS_URL: redis.url },
        timeout: 60_000,
      });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      const shown = shownOutput(code);
      expect(shown.length).toBeGreaterThan(0);
      for (const line of shown) {
        for (const part of line.split('…').filter((p) => p.trim())) expect(run.stdout).toContain(part.trim());
      }
    },
    90_000,
  );
});
