/**
 * The real pynenc, the oracle of the cross-language tests: the Python of `.venv` (made by scripts/python/venv.sh
 * from the pinned scripts/python/requirements.txt; .ci/run makes it, and so does the first run here if missing).
 * `runPynenc(script, request)` runs one of scripts/python/*.py with it: JSON request on stdin, JSON reply on stdout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
export const PYNENC_PYTHON = process.env.PYNENC_PYTHON ?? join(REPO, '.venv', 'bin', 'python');
export const PYTHON_SCRIPTS = join(REPO, 'scripts', 'python');

/** Makes .venv when it is missing or its pins are stale (venv.sh's own test, read here without a process). */
export function ensurePynenc(): string {
  if (process.env.PYNENC_PYTHON !== undefined || venvIsCurrent()) return PYNENC_PYTHON;
  execFileSync('bash', [join(PYTHON_SCRIPTS, 'venv.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  return PYNENC_PYTHON;
}

function venvIsCurrent(): boolean {
  const stamp = join(REPO, '.venv', '.requirements');
  if (!existsSync(PYNENC_PYTHON) || !existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8') === readFileSync(join(PYTHON_SCRIPTS, 'requirements.txt'), 'utf8');
}

export interface RunOptions {
  /** Extra command-line arguments after the script. */
  args?: string[];
  /** Extra environment (PYTHONPATH for a modified pynenc copy, for example). */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export function runPynenc<T>(script: string, request: unknown, options: RunOptions = {}): T {
  const python = ensurePynenc();
  const out = execFileSync(python, [join(PYTHON_SCRIPTS, script), ...(options.args ?? [])], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    env: { ...process.env, PYTHONUTF8: '1', PYTHONIOENCODING: 'utf-8', ...options.env },
    maxBuffer: 512 * 1024 * 1024,
    timeout: options.timeoutMs ?? 120_000,
  });
  return JSON.parse(out) as T;
}
