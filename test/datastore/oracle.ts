/**
 * Runs scripts/python/datastore_oracle.py with the real pynenc (the Python of .venv, see
 * test/support/pynenc-python.ts): every text, key, table name and EventRecord JSON it answers comes from a
 * real `Pynenc` app with its own client data store and serializer.
 */
import { runOracle } from '../support/pynenc-python';

export function oracle<T>(request: Record<string, unknown>): T {
  return runOracle<T>('datastore_oracle.py', request);
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

/** What pynenc's serializers write for each expression (and the reference its store files it under), by case id. */
export function pythonTexts(
  cases: ReadonlyArray<{ id: string; expr: string; jsonpickle_options?: Record<string, unknown> }>,
): Map<string, PythonTexts> {
  const rows = oracle<PythonTexts[]>({ op: 'texts', cases });
  return new Map(rows.map((r) => [r.id, r]));
}

/** One step of a `session` on a real pynenc client data store. */
export type SessionStep =
  | { op: 'serialize'; expr: string; disable_cache?: boolean }
  | { op: 'resolve'; step: number }
  | { op: 'resolve'; text: string }
  | { op: 'purge' }
  | { op: 'put'; key: string; text: string };

export interface SessionResult {
  wire?: string;
  is_reference?: boolean;
  repr?: string;
  error?: string;
  warnings: string[];
  /** Backend reads (`_retrieve`) and writes (`_store`) pynenc made in this step. */
  retrieved: number;
  stored: number;
  /** Keys of pynenc's process-local LRU after the step, least recently used first. */
  cache: string[];
}

/** Runs `steps` on one real MemClientDataStore configured with `config` (pynenc's config names). */
export function pythonSession(
  steps: readonly SessionStep[],
  config: Record<string, unknown> = {},
  serializer?: 'JsonPickleSerializer' | 'JsonSerializer',
): SessionResult[] {
  return oracle<SessionResult[]>({ op: 'session', steps, config, ...(serializer ? { serializer } : {}) });
}
