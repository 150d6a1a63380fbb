/**
 * `stringifyPython`: the exact text Python's `json.dumps(value)` writes with its
 * defaults (separators ", " and ": ", ensure_ascii, allow_nan, insertion key order).
 */
import { escapePointerToken } from '../spec/json-pointer';
import { PythonJsonWriteError } from './errors';
import { PYTHON_INT_MAX_STR_DIGITS, pythonFloatRepr } from './numbers';
import { PY_KEY_ORDER, PyFloat } from './values';

export { pythonFloatRepr } from './numbers';

// Bound once: hot paths skip the getters of the modules' export objects (as tsx and other
// CommonJS transforms compile imports).
const KEY_ORDER = PY_KEY_ORDER;
const PY_FLOAT = PyFloat;

/**
 * Writes `value` as Python's `json.dumps(value)` would. Numbers: an integer in
 * the safe range is an int, any other number a float (Python repr), bigint an
 * int, PyFloat a float. Plain objects and arrays only (no toJSON, Date, Map…);
 * undefined, functions, symbols, sparse holes and cycles throw
 * PythonJsonWriteError with the JSON pointer of the offending value.
 */
export function stringifyPython(value: unknown): string {
  try {
    return new Writer().write(value);
  } catch (err) {
    // Python's json.dumps raises RecursionError near depth 1000; we get further, but not forever.
    if (err instanceof RangeError) throw new PythonJsonWriteError(`nesting too deep to write (${err.message})`, '');
    throw err;
  }
}

/** Python's `json.dumps(str)` with ensure_ascii: every character outside printable ASCII as \uXXXX (lowercase hex). */
export function pythonStringRepr(s: string): string {
  if (!STRING_NEEDS_ESCAPE.test(s)) return `"${s}"`;
  // JSON.stringify already writes \" \\ \b \f \n \r \t, \u00XX for other controls and
  // \udXXX for lone surrogates (all as Python does); what it leaves raw is DEL and non-ASCII.
  const json = JSON.stringify(s);
  const first = json.search(NON_ASCII);
  return first === -1 ? json : escapeNonAscii(json, first);
}

/** A character json.dumps escapes (ensure_ascii): controls, `"`, `\\`, DEL and everything beyond ASCII. */
export const STRING_NEEDS_ESCAPE = /[\u0000-\u001f"\\\u007f-\uffff]/;
const NON_ASCII = /[\u007f-\uffff]/;

/** `json` with every code unit from DEL up, starting at `i` (the first one), as \uXXXX. */
function escapeNonAscii(json: string, i: number): string {
  let out = '';
  let start = 0;
  for (; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c >= 0x7f) {
      out += `${json.slice(start, i)}\\u${HEX[c >> 12]}${HEX[(c >> 8) & 15]}${HEX[(c >> 4) & 15]}${HEX[c & 15]}`;
      start = i + 1;
    }
  }
  return out + json.slice(start);
}

const HEX = '0123456789abcdef';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

class Writer {
  /** Containers being written (Python's check_circular). */
  private readonly ancestors: object[] = [];

  write(value: unknown): string {
    switch (typeof value) {
      case 'string':
        return pythonStringRepr(value);
      case 'number':
        if (Number.isInteger(value) && (value < 0 ? -value : value) <= MAX_SAFE && !Object.is(value, -0)) {
          return String(value);
        }
        return pythonFloatRepr(value);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'bigint': {
        const s = value.toString();
        if (s.length - (value < 0n ? 1 : 0) > PYTHON_INT_MAX_STR_DIGITS) {
          throw new PythonJsonWriteError(
            `an integer of more than ${PYTHON_INT_MAX_STR_DIGITS} digits ` +
              `(Python's int_max_str_digits limit; json.dumps raises)`,
            '',
          );
        }
        return s;
      }
      case 'object':
        if (value === null) return 'null';
        if (value instanceof PY_FLOAT) {
          if (typeof value.value !== 'number')
            throw new PythonJsonWriteError('a PyFloat whose value is not a number', '');
          return pythonFloatRepr(value.value);
        }
        return this.container(value);
      default:
        throw new PythonJsonWriteError(`${describeType(value)} has no JSON form`, '');
    }
  }

  private container(value: object): string {
    if (this.ancestors.includes(value)) throw new PythonJsonWriteError('circular reference', '');
    this.ancestors.push(value);
    let out: string;
    if (Array.isArray(value)) {
      out = '[';
      for (let k = 0; k < value.length; k++) {
        if (k > 0) out += ', ';
        const item: unknown = value[k];
        if (item === undefined && !(k in value)) {
          throw new PythonJsonWriteError('a hole in a sparse array has no JSON form', `/${k}`);
        }
        out += this.child(item, String(k));
      }
      out += ']';
    } else {
      if (!isPlainPrototype(value)) {
        throw new PythonJsonWriteError(
          `${describeType(value)} is not a plain object (json.dumps writes dicts and lists only)`,
          '',
        );
      }
      const keys = objectKeys(value);
      const obj = value as Record<string, unknown>;
      out = '{';
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (k > 0) out += ', ';
        out += pythonStringRepr(key);
        out += ': ';
        out += this.child(obj[key], key);
      }
      out += '}';
    }
    this.ancestors.pop();
    return out;
  }

  private child(value: unknown, segment: string): string {
    // Primitives inline: the common case costs no call frame and no try.
    if (typeof value === 'string') return pythonStringRepr(value);
    try {
      return this.write(value);
    } catch (err) {
      if (err instanceof PythonJsonWriteError) throw prefixed(err, segment);
      throw err;
    }
  }
}

/** Whether `value`'s prototype is Object.prototype of any realm (jest's vm contexts, worker_threads data) or none. */
export function isPlainPrototype(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Own enumerable string keys, in Python's order when the parser recorded one. */
export function objectKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const order = (obj as { [KEY_ORDER]?: unknown })[KEY_ORDER];
  if (!Array.isArray(order)) return keys;
  const present = new Set(keys);
  const out: string[] = [];
  for (const k of order) {
    if (typeof k === 'string' && present.delete(k)) out.push(k);
  }
  for (const k of keys) if (present.has(k)) out.push(k);
  return out;
}

function prefixed(err: PythonJsonWriteError, segment: string): PythonJsonWriteError {
  return new PythonJsonWriteError(err.reason, `/${escapePointerToken(segment)}${err.path}`);
}

function describeType(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'object' && value !== null) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name ? `a ${name}` : 'an object';
  }
  return typeof value;
}
