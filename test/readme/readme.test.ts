/**
 * The TypeScript examples of README.md, CONTRIBUTING.md, ARCHITECTURE.md and docs/*.md must run as written: each
 * ```ts and ```js block is run with tsx in a child process, the package name resolving to this checkout, with a private
 * redis-server behind REDIS_URL and a SQLite file the real pynenc wrote (its SQLiteTrigger, through
 * scripts/python/monitoring_oracle.py) behind PYNENC_SQLITE / PYNENC_APP_ID for the examples that read one.
 * Output shown — comment lines right after a console.log line (closing brackets may stand between) — must appear in
 * what the block prints; `…` elides.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOracle } from '../support/pynenc-python';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { docPages } from '../support/shell-blocks';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

const ROOT = join(__dirname, '..', '..');
const blocks = docPages(ROOT).flatMap((page) =>
  [...readFileSync(join(ROOT, page), 'utf8').matchAll(/```(?:ts|js)\n([\s\S]*?)```/g)].map((m, i) => ({
    name: `${page} #${i + 1}`,
    code: m[1]!,
  })),
);
const APP_ID = 'shop';

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
  let sqlite: string;
  beforeAll(async () => {
    redis = await startRedisServer();
    dir = makeTempDir('readme-');
    sqlite = join(dir, 'pynenc.db');
    const store = { backend: 'sqlite', path: sqlite, app_id: APP_ID, seed: 7, events: 300, runs: 40, emits: 6 };
    runOracle('monitoring_oracle.py', { op: 'write', ...store }, { timeoutMs: 120_000 });
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
  }, 150_000);
  afterAll(async () => {
    removeTempDir(dir);
    await redis.stop();
  });

  it('has examples', () => expect(blocks.length).toBeGreaterThan(3));

  it.each(blocks.map(({ name, code }, i) => [name, i + 1, code] as const))(
    '%s runs as written and prints what it shows',
    (_name, i, code) => {
      const file = join(dir, `example-${i}.ts`);
      writeFileSync(file, code);
      const run = spawnSync(
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        ['--tsconfig', join(dir, 'tsconfig.json'), file],
        {
          encoding: 'utf8',
          cwd: dir,
          // TMPDIR: what an example makes in os.tmpdir() (a SQLite file's folder) goes with `dir` in afterAll.
          env: { ...process.env, TMPDIR: dir, REDIS_URL: redis.url, PYNENC_SQLITE: sqlite, PYNENC_APP_ID: APP_ID },
          timeout: 60_000,
        },
      );
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
