/**
 * `pynenc-contract generate [--check]`: runs the build's generate pipeline
 * (scripts/index.ts: contract/ → generated/). The pipeline is TypeScript run by
 * tsx with devDependencies (json-schema-to-typescript, …) and is not shipped in
 * dist/, so this works only inside a checkout of pynenc-monitoring-contract with
 * `npm ci` done; an installed package already carries its generated/ files.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from './io';

const PACKAGE_NAME = 'pynenc-monitoring-contract';

/** The folder of this package's package.json (dist/src/cli/… or src/cli/… inside it). */
export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
      } catch {
        // not ours; keep looking
      }
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${from}`);
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export async function runGenerate(options: { check?: boolean }): Promise<number> {
  const root = packageRoot();
  const script = join(root, 'scripts', 'index.ts');
  let tsx: string | undefined;
  try {
    tsx = require.resolve('tsx/cli', { paths: [root] });
  } catch {
    tsx = undefined;
  }
  if (!existsSync(script) || !existsSync(join(root, 'contract')) || tsx === undefined) {
    const has = existsSync(script)
      ? 'scripts/ but not tsx (run npm ci)'
      : 'no scripts/: it is an installed package, whose generated/ files are already built';
    throw new UsageError(
      'generate runs the build pipeline (scripts/index.ts, run by tsx) ' +
        `and works only in a checkout of ${PACKAGE_NAME} ` +
        `with its devDependencies installed (git clone …; npm ci). ${root} has ${has}.`,
    );
  }
  const args = [tsx, script, ...(options.check ? ['--check'] : []), '--root', root];
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(signal ? 2 : (code ?? 2)));
  });
}
