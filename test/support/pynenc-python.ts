/**
 * The real pynenc, the oracle of the cross-language tests: the Python of `.venv` (made by scripts/python/venv.sh
 * from the pinned scripts/python/requirements.txt; .ci/run makes it, and so does the first run here if missing), or
 * the one PYNENC_PYTHON names. Every call of it goes through this module, so every run has the same interpreter,
 * environment (UTF-8 I/O), output limit and error report:
 * - `runOracle(script, request)`: one of scripts/python/*.py (or `{ code }` for `python -c`), JSON request on stdin,
 *   JSON reply on stdout; a failure throws with the end of Python's stderr.
 * - `runOracleText(script, input)` / `runOracleRun(script, input)`: the same, for stdout that is not JSON or a
 *   caller that reads the exit status and stderr itself.
 * - `spawnOracle(script)`: the same process, running (a writer the test reads while it works).
 * Debian's /usr/bin/python3 for the generated Python package (test/conformance, test/python, test/generate) is
 * another Python on purpose and is not run from here.
 */
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
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

/** A script of scripts/python by its file name, or Python code run with `-c`. */
export type OracleScript = string | { code: string };

export interface RunOptions {
  /** Extra command-line arguments after the script. */
  args?: string[];
  /** Extra environment (PYTHONPATH for a modified pynenc copy, for example). */
  env?: NodeJS.ProcessEnv;
  /** Default 120 s. */
  timeoutMs?: number;
}

/** Python's text I/O in UTF-8 whatever the locale: the replies carry any code point. */
const PYTHON_ENV = { PYTHONUTF8: '1', PYTHONIOENCODING: 'utf-8' };
const MAX_OUTPUT = 512 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 120_000;

function command(script: OracleScript, options: RunOptions): { file: string; args: string[]; env: NodeJS.ProcessEnv } {
  const head = typeof script === 'string' ? [join(PYTHON_SCRIPTS, script)] : ['-c', script.code];
  return {
    file: ensurePynenc(),
    args: [...head, ...(options.args ?? [])],
    env: { ...process.env, ...PYTHON_ENV, ...options.env },
  };
}

function describe(script: OracleScript): string {
  return typeof script === 'string' ? script : `python -c ${JSON.stringify(script.code.slice(0, 60))}`;
}

/** The finished run: exit status (null when killed), signal, stdout and stderr. */
export function runOracleRun(
  script: OracleScript,
  input: string,
  options: RunOptions = {},
): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const { file, args, env } = command(script, options);
  const run = spawnSync(file, args, {
    input,
    encoding: 'utf8',
    env,
    maxBuffer: MAX_OUTPUT,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  if (run.error) throw run.error;
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** stdout of a run with `input` on stdin; a failure throws with the end of stderr (pynenc's logs stay there). */
export function runOracleText(script: OracleScript, input: string, options: RunOptions = {}): string {
  const run = runOracleRun(script, input, options);
  if (run.status !== 0) {
    const how = run.status === null ? `was killed (${run.signal})` : `exited with ${run.status}`;
    throw new Error(`${describe(script)} ${how}:\n${run.stderr.slice(-4000)}`);
  }
  return run.stdout;
}

/** JSON `request` on stdin, the JSON reply parsed. */
export function runOracle<T>(script: OracleScript, request: unknown, options: RunOptions = {}): T {
  return JSON.parse(runOracleText(script, JSON.stringify(request), options)) as T;
}

/** The process running, stdio piped (stdout and stderr are for the caller to read). */
export function spawnOracle(
  script: OracleScript,
  options: Omit<RunOptions, 'timeoutMs'> = {},
): ChildProcessWithoutNullStreams {
  const { file, args, env } = command(script, options);
  return spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
}
