/**
 * Helpers of the writer's tests (test/pyjson/stringify-paths.test.ts, byte-sink.test.ts): a seeded source of
 * numbers to build values from, and the value parsePythonJson reads back for a written one.
 */
import { PyFloat } from '../../src/entries/pyjson';

/** A deterministic source of numbers in [0, 1) (a 32-bit xorshift), so that every run tests the same values. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

/**
 * The value parsePythonJson reads for a written value (src/pyjson/values.ts): a float is a PyFloat only when a plain
 * number would read as an int (integral, |x| ≤ 2^53−1, not -0); any other PyFloat reads as its number; a bigint in
 * the safe range reads as a number.
 */
export function asRead(value: unknown): unknown {
  if (value instanceof PyFloat) {
    const number = value.value;
    return Number.isSafeInteger(number) && !Object.is(number, -0) ? value : number;
  }
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value;
  }
  if (Array.isArray(value)) return value.map(asRead);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asRead(item)]));
  }
  return value;
}
