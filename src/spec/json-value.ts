/**
 * Plain JSON objects and strings: the one home of telling one apart, of writing a key into one and of finding a lone
 * surrogate in a string. Imports nothing, so src/,
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

const wellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/**
 * Whether `text` holds a lone surrogate: a UTF-16 code unit UTF-8 cannot encode (Python's strict `encode()` raises,
 * Node's Buffer writes U+FFFD). String.prototype.isWellFormed where the engine has it (Node 20), else a regex.
 */
export function hasLoneSurrogate(text: string): boolean {
  return wellFormed !== undefined ? !wellFormed.call(text) : /\p{Cs}/u.test(text);
}
