/**
 * Plain JSON objects: the one home of telling one apart and of writing a key into one. Imports nothing, so src/,
 * scripts/ and test/ can use it without loading anything else.
 */

/**
 * A plain object: what `JSON.parse` or an object literal makes (prototype `Object.prototype` or `null`), so neither
 * null, an array, nor an instance of a class (a Date, a PyFloat).
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** An object that is neither null nor an array, of any class (isPlainObject: only what JSON.parse makes). */
export function isNonArrayObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `target[key] = value` as an own, enumerable data property, also for `__proto__` (where plain assignment would set
 * the prototype instead, as JSON.parse never does).
 */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
