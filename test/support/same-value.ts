/**
 * Strict structural equality for the pyjson value model. Jest's toStrictEqual
 * compares `constructor` properties, which breaks on documents that have an own
 * "constructor" key; this compares prototypes instead, numbers with Object.is,
 * PyFloat by value, and key order (JS order) too.
 */
import { PyFloat } from '../../src/pyjson';

/** Returns null when equal, else the JSON-pointer-ish path of the first difference. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return path || '/';
  if (a instanceof PyFloat || b instanceof PyFloat) {
    return a instanceof PyFloat && b instanceof PyFloat && Object.is(a.value, b.value) ? null : path || '/';
  }
  if (Array.isArray(a) !== Array.isArray(b)) return path || '/';
  if (!Array.isArray(a) && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}/(prototype)`;
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return `${path}/(keys)`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`);
    if (d !== null) return d;
  }
  return null;
}

export function expectSameValue(actual: unknown, expected: unknown): void {
  const diff = firstDifference(actual, expected);
  if (diff !== null) throw new Error(`values differ at ${diff}`);
}
