/**
 * Superlinear work on big hostile documents: each case is timed on n and 4n
 * items; linear work grows about 4×, quadratic 16×. A case fails when it grows
 * more than MAX_GROWTH× (or its large size exceeds its time limit). This is
 * how the quadratic error collection of Ajv's standalone diagnosers was found
 * (fixed in scripts/validators.ts), and the quadratic issue filtering in
 * src/validation/issues.ts.
 */
import { fromJson } from '../src/codec';
import { ClientDataStore, decodeEventRecords } from '../src/datastore';
import { parsePythonJson, stringifyPython } from '../src/pyjson';

export const MAX_GROWTH = 9;

export interface ScaleCase {
  name: string;
  /** Items at the smaller size; the larger is 4×. */
  n: number;
  run(n: number): Promise<unknown> | unknown;
}

function swallow(run: () => unknown): unknown {
  try {
    return run();
  } catch (err) {
    return err;
  }
}

const RUN_HEAD = '{"trigger_run_id": "r", "trigger_id": "t", "task_id_key": "k", "logic_value": "and"';

const RECORD = (i: number, payload: string): string =>
  `{"event_id": "e${i}", "event_code": "c", "timestamp": "2026-05-09T10:11:12+00:00", "payload": ${payload}, ` +
  '"matched_condition_ids": [], "valid_condition_ids": [], "triggered_invocation_ids": [], ' +
  '"emitted_by_invocation_id": null, "emitted_by_task_id": null, "emitted_by_runner_context_id": null}';

export const SCALE_CASES: readonly ScaleCase[] = [
  {
    name: 'TriggerRunRecord: n participants, each invalid (oneOf, if/then, pattern)',
    n: 4000,
    run: (n) => {
      const items = Array.from(
        { length: n },
        (_, i) => `{"context_type": "EventContext", "event_id": null, "context_timestamp": "bad${i}", "x": 1}`,
      );
      return swallow(() =>
        fromJson('TriggerRunRecord', `${RUN_HEAD}, "participants": [${items.join(', ')}]}`, { unknownKeys: 'reject' }),
      );
    },
  },
  {
    name: 'EventMarkerPage: n markers, each invalid',
    n: 4000,
    run: (n) => {
      const items = Array.from({ length: n }, (_, i) => `{"event_id": ${i}, "timestamp": "x", "matched": "yes"}`);
      return swallow(() =>
        fromJson('EventMarkerPage', `{"markers": [${items.join(', ')}], "total": -1, "truncated": 0}`),
      );
    },
  },
  {
    name: 'EventRecord: n unknown keys, rejected',
    n: 10_000,
    run: (n) => {
      const extra = Array.from({ length: n }, (_, i) => `"k${i}": 1`).join(', ');
      return swallow(() =>
        fromJson('EventRecord', `${RECORD(0, '{}').slice(0, -1)}, ${extra}}`, { unknownKeys: 'reject' }),
      );
    },
  },
  {
    name: 'parsePythonJson: n array-index keys out of order, and duplicates',
    n: 20_000,
    run: (n) => {
      const keys = Array.from({ length: n }, (_, i) => `"${n - i}": 1.0, "${n - i}": 2`).join(', ');
      return stringifyPython(parsePythonJson(`{${keys}}`));
    },
  },
  {
    name: 'parsePythonJson: a string of n escapes',
    n: 200_000,
    run: (n) => parsePythonJson(`"${'\\u00e9\\n'.repeat(n)}"`),
  },
  {
    name: 'decodeEventRecords: n records with tagged payload values',
    n: 1000,
    run: async (n) => {
      const value = stringifyPython(stringifyPython({ 'py/tuple': [1, { 'py/set': [2] }, { 'py/id': 1 }] }));
      const texts = Array.from({ length: n }, (_, i) => RECORD(i, `{"a": ${value}, "b": "\\"x\\""}`));
      return decodeEventRecords(texts, new ClientDataStore());
    },
  },
];

/** Median of three timings of run(size). */
async function time(run: (n: number) => unknown, size: number): Promise<number> {
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    await run(size);
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[1]!;
}

export interface ScaleResult {
  name: string;
  n: number;
  smallMs: number;
  largeMs: number;
  growth: number;
}

export async function measure(c: ScaleCase): Promise<ScaleResult> {
  await c.run(Math.max(1, Math.floor(c.n / 10))); // warm up
  const smallMs = await time(c.run, c.n);
  const largeMs = await time(c.run, 4 * c.n);
  return { name: c.name, n: c.n, smallMs, largeMs, growth: largeMs / Math.max(smallMs, 0.01) };
}
