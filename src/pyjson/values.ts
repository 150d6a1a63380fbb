/**
 * The value model of Python's JSON dialect in JavaScript.
 *
 * | JSON token                                   | JS value                                  |
 * |----------------------------------------------|-------------------------------------------|
 * | integer, |v| ≤ 2^53−1                        | `number`                                  |
 * | integer beyond ±(2^53−1)                     | `bigint` (exact)                          |
 * | float, non-integral or |v| > 2^53−1          | `number`                                  |
 * | float with an integral value, |v| ≤ 2^53−1   | `PyFloat` (so `1.0` is written back as `1.0`) |
 * | `-0.0` (and floats that round to -0)         | `number` −0 (written back as `-0.0`)      |
 * | `NaN`, `Infinity`, `-Infinity`               | `number` NaN / ±Infinity                  |
 * | string, true/false, null, array              | string, boolean, null, array              |
 * | object                                       | plain object (prototype Object.prototype, like JSON.parse) |
 *
 * Writing follows the same table backwards: a `number` that is an integer in the
 * safe range is written as a Python int, every other `number` as a Python float.
 *
 * The functions here are unchecked (the parser and writers call them per key and per object): the /pyjson entry
 * exports them through ./public.ts, which checks their arguments once.
 */
import { InvalidArgumentError } from '../errors'; // used when called, never at load: errors.ts describes PyFloats

/** A Python float whose value a plain JS number would write back as an int (`1.0`, `0.0`, `-3.0`). */
export class PyFloat {
  readonly value: number;

  constructor(value: number) {
    if (typeof value !== 'number') throw new InvalidArgumentError('PyFloat', 'value', 'a number', value);
    this.value = value;
    Object.freeze(this);
  }

  /** Arithmetic and comparisons see the number. */
  valueOf(): number {
    return this.value;
  }

  /** `JSON.stringify` sees the number (it writes `1`, not `1.0`; use stringifyPython for Python's bytes). */
  toJSON(): number {
    return this.value;
  }
}

/**
 * Objects whose key order JavaScript cannot keep (keys that are array indices,
 * such as "2", "10", are always enumerated first and ascending) carry Python's
 * order under this non-enumerable symbol; `stringifyPython` writes keys in that
 * order (keys deleted since are skipped, keys added since follow in JS order).
 * The parser sets it only when the orders differ. Structured clone and object
 * spread drop it.
 */
export const PY_KEY_ORDER: unique symbol = Symbol.for('pynenc-monitoring-contract.pyKeyOrder');

/** A value of Python's JSON dialect as this package represents it. */
export type PyJsonValue = null | boolean | number | bigint | string | PyFloat | PyJsonValue[] | PyJsonObject;

/** A JSON object: own enumerable string keys; `__proto__` and friends are ordinary own data properties. */
export interface PyJsonObject {
  [key: string]: PyJsonValue;
}

/** Python's key order of an object read by parsePythonJson, when it differs from JS enumeration order. */
export function pythonKeyOrder(obj: object): readonly string[] | undefined {
  const order = (obj as { [PY_KEY_ORDER]?: unknown })[PY_KEY_ORDER];
  return Array.isArray(order) ? (order as string[]) : undefined;
}

/** Records the key order `stringifyPython` should use for `obj` (non-enumerable; returns obj). */
export function withPythonKeyOrder<T extends object>(obj: T, order: readonly string[]): T {
  Object.defineProperty(obj, PY_KEY_ORDER, {
    value: [...order],
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return obj;
}

/** True for keys JavaScript enumerates before all others (canonical array indices 0 … 2^32−2). */
export function isArrayIndexKey(key: string): boolean {
  const length = key.length;
  if (length === 0 || length > 10) return false;
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  if (first === 48) return length === 1;
  for (let index = 1; index < length; index++) {
    const char = key.charCodeAt(index);
    if (char < 48 || char > 57) return false;
  }
  return length < 10 || Number(key) < 4294967295;
}
