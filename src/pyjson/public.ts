/**
 * The /pyjson entry's functions that this package's parser and writers also call per key, per object or per number:
 * here each checks its arguments once (InvalidArgumentError) and then runs the unchecked function, so the hot paths,
 * which import the unchecked ones from their modules, pay nothing. isPlainJson, which no hot path calls, lives here.
 */
import { InvalidArgumentError, requireString } from '../errors';
import { DEFAULT_READ_LIMITS } from '../limits';
import { pythonFloatRepr as floatRepr } from './numbers';
import { readFast } from './fast-path';
import { pythonStringRepr as stringRepr } from './stringify';
import {
  PY_KEY_ORDER,
  isArrayIndexKey as arrayIndexKey,
  pythonKeyOrder as keyOrder,
  withPythonKeyOrder as withKeyOrder,
} from './values';

function requireObject(callee: string, argument: string, value: unknown): object {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') return value;
  throw new InvalidArgumentError(callee, argument, 'an object', value);
}

/** Python's `repr(float(value))` (what json.dumps writes for a float): `1.0`, `1e+16`, `NaN`… */
export function pythonFloatRepr(value: number): string {
  if (typeof value !== 'number') throw new InvalidArgumentError('pythonFloatRepr', 'value', 'a number', value);
  return floatRepr(value);
}

/** The JSON string Python's json.dumps writes for `text` (ensure_ascii: every non-ASCII character escaped). */
export function pythonStringRepr(text: string): string {
  return stringRepr(requireString('pythonStringRepr', 'text', text));
}

/**
 * True when `JSON.parse(text)` reads the same value as Python's json.loads (so parsePythonJson takes its fast
 * path): it parses, holds no integral number and no array-index key, and keeps within the default read limits.
 */
export function isPlainJson(text: string): boolean {
  requireString('isPlainJson', 'text', text);
  return (
    text.length <= DEFAULT_READ_LIMITS.maxDocumentLength &&
    readFast(text, DEFAULT_READ_LIMITS, null, false).verdict !== 'exact'
  );
}

/** True for keys JavaScript enumerates before all others (canonical array indices 0 … 2^32−2). */
export function isArrayIndexKey(key: string): boolean {
  return arrayIndexKey(requireString('isArrayIndexKey', 'key', key));
}

/** Python's key order of an object read by parsePythonJson, when it differs from JS enumeration order. */
export function pythonKeyOrder(obj: object): readonly string[] | undefined {
  return keyOrder(requireObject('pythonKeyOrder', 'obj', obj));
}

/**
 * Records the key order `stringifyPython` should use for `obj` (non-enumerable; returns obj). `order` is an array
 * of strings; `obj` an object that can take the property (not frozen or sealed without it).
 */
export function withPythonKeyOrder<T extends object>(obj: T, order: readonly string[]): T {
  requireObject('withPythonKeyOrder', 'obj', obj);
  if (!Array.isArray(order) || !order.every((key) => typeof key === 'string')) {
    throw new InvalidArgumentError('withPythonKeyOrder', 'order', 'an array of strings', order);
  }
  const current = Object.getOwnPropertyDescriptor(obj, PY_KEY_ORDER);
  if (current === undefined ? !Object.isExtensible(obj) : current.configurable !== true) {
    throw new InvalidArgumentError('withPythonKeyOrder', 'obj', 'an object that can take a property', obj);
  }
  return withKeyOrder(obj, order);
}
