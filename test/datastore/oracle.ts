/** Runs scripts/python/datastore_oracle.py with /usr/bin/python3 (json, jsonpickle, hashlib, sqlite3). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, '..', '..', 'scripts', 'python', 'datastore_oracle.py');

export function oracle<T>(request: Record<string, unknown>): T {
  const out = execFileSync(PYTHON, [SCRIPT], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as T;
}

export interface PythonTexts {
  id: string;
  jsonpickle: string;
  jsonpickle_key: string;
  jsonpickle_len: number;
  json?: string;
  json_key?: string;
  json_len?: number;
  json_error?: string;
}

/** What Python's serializers write for each expression, keyed by case id. */
export function pythonTexts(
  cases: ReadonlyArray<{ id: string; expr: string; jsonpickle_options?: Record<string, unknown> }>,
): Map<string, PythonTexts> {
  const rows = oracle<PythonTexts[]>({ op: 'texts', cases });
  return new Map(rows.map((r) => [r.id, r]));
}
