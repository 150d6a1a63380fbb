/** Runs one of our oracle scripts in scripts/python/ with /usr/bin/python3 (JSON request on stdin, JSON reply on stdout). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';

export function runPython<T>(script: string, request: unknown): T {
  const out = execFileSync(PYTHON, [join(__dirname, '..', '..', 'scripts', 'python', script)], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    env: { ...process.env, PYTHONUTF8: '1', PYTHONIOENCODING: 'utf-8' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out) as T;
}
