/**
 * What a read gave (its value, or the ContractError it threw), and the check that two reads of one text agree: the
 * fast paths against the exact parser (test/codec/fast-path.test.ts, test/codec/reread.test.ts).
 */
import { ContractError, fromJson, type FromJsonOptions } from '../../src';
import { parsePythonJson, pythonKeyOrder, stringifyPython } from '../../src/entries/pyjson';
import type { ParseOptions } from '../../src/pyjson/parse';
import { firstDifference } from './same-value';

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ContractError };

/** Runs `read`: its value, or the ContractError it threw (any other error is thrown on). */
export function attempt(read: () => unknown): Outcome {
  try {
    return { ok: true, value: read() };
  } catch (err) {
    if (!(err instanceof ContractError)) throw err;
    return { ok: false, error: err };
  }
}

/** Python's key order of every object in `value` (PY_KEY_ORDER), as text. */
export function keyOrders(value: unknown, out: string[] = []): string[] {
  if (value !== null && typeof value === 'object') {
    const order = pythonKeyOrder(value);
    if (order) out.push(order.join(','));
    for (const key of Object.keys(value)) keyOrders((value as Record<string, unknown>)[key], out);
  }
  return out;
}

/**
 * `actual` is what `expected` is: both a value (the same one: firstDifference, stringifyPython's bytes and Python's
 * key orders) or both an error with the same code, path and message.
 */
export function expectSameOutcome(actual: Outcome, expected: Outcome): void {
  expect(actual.ok).toBe(expected.ok);
  if (actual.ok && expected.ok) {
    expect(firstDifference(actual.value, expected.value)).toBeNull();
    expect(stringifyPython(actual.value)).toBe(stringifyPython(expected.value));
    expect(keyOrders(actual.value)).toEqual(keyOrders(expected.value));
  } else if (!actual.ok && !expected.ok) {
    expect([actual.error.code, actual.error.path, actual.error.message]).toEqual([
      expected.error.code,
      expected.error.path,
      expected.error.message,
    ]);
  }
}

/**
 * A TriggerRunRecord text read by default as by the exact parser (fastPath: false), with `options`: fromJson, and
 * parsePythonJson (also 'sniff') under the same read limits. Returns fromJson's outcome (test/codec/big-members.test.ts,
 * test/codec/number-lists.test.ts).
 */
export function expectRunReadAsExact(text: string, options: FromJsonOptions = {}): Outcome {
  const { maxDepth, maxDocumentLength, maxStringLength } = options;
  const limits = { maxDepth, maxDocumentLength, maxStringLength };
  const exactValue = attempt(() => parsePythonJson(text, { ...limits, fastPath: false }));
  expectSameOutcome(
    attempt(() => parsePythonJson(text, limits)),
    exactValue,
  );
  expectSameOutcome(
    attempt(() => parsePythonJson(text, { ...limits, fastPath: 'sniff' })),
    exactValue,
  );
  const exact = attempt(() => fromJson('TriggerRunRecord', text, { ...options, fastPath: false }));
  expectSameOutcome(
    attempt(() => fromJson('TriggerRunRecord', text, options)),
    exact,
  );
  return exact;
}

/** `read` by default and with fastPath false: both outcomes the same (expectSameOutcome); returns the exact one. */
export function sameAsExact(read: (options: { fastPath?: boolean }) => unknown): Outcome {
  const exact = attempt(() => read({ fastPath: false }));
  expectSameOutcome(
    attempt(() => read({})),
    exact,
  );
  return exact;
}

/** fromJson of a TriggerRunRecord text, by default as with fastPath false (sameAsExact). */
export const readRecordAsExact = (text: string, extra: FromJsonOptions = {}): Outcome =>
  sameAsExact((options) => fromJson('TriggerRunRecord', text, { ...extra, ...options }));

/** parsePythonJson of a text, by default as with fastPath false (sameAsExact). */
export const readAnyAsExact = (text: string, extra: ParseOptions = {}): Outcome =>
  sameAsExact((options) => parsePythonJson(text, { ...extra, ...options }));
