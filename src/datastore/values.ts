/**
 * Payload values as TypeScript sees them after the client data store resolved
 * them: the Python JSON dialect (src/pyjson) plus what pynenc's serializers add.
 *
 * | Python (as serialized)                             | TypeScript                          |
 * |----------------------------------------------------|-------------------------------------|
 * | dict, list, str, int, float, bool, None            | object, array, string, number/bigint/PyFloat, boolean,  |
 * |                                                    | null (see src/pyjson)                                    |
 * | tuple `{"py/tuple": […]}`                          | `PyTuple` (an Array subclass)       |
 * | set `{"py/set": […]}`                              | `PySet` (an Array subclass, Python's iteration order) |
 * | bytes `{"py/b64": "…"}` / `{"py/b85": "…"}`        | `Uint8Array`                        |
 * | `py/object`, `py/reduce`, `py/type`, `py/function`, `py/repr`, `py/iterator`, unresolvable `py/id` | `PyOpaque` |
 * | JsonSerializer envelopes `__pynenc__enum__`, `__pynenc__std_py_exc__`,  | `PyOpaque`                     |
 * | `__pynenc__client_exception__`, `__pynenc__json_serializable__`           |                                |
 *
 * A `PyOpaque` keeps the exact JSON it was read from and is written back
 * byte-for-byte, so nothing TypeScript cannot rebuild is ever dropped.
 */
import { stringifyPython } from '../pyjson/stringify';
import { DataStoreConfigError, SerializationError } from './errors';
import { PyFloat, type PyJsonValue } from '../pyjson/values';

/** A Python tuple. Array methods that build new arrays (map, filter, slice) return plain arrays. */
export class PyTuple<T = PyValue> extends Array<T> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** A tuple of these items (use this, not `new PyTuple(n)`, which makes n holes like `new Array(n)`). */
  static fromItems<T>(items: Iterable<T>): PyTuple<T> {
    checkIterable(items);
    const tuple = new PyTuple<T>();
    for (const item of items) tuple.push(item);
    return tuple;
  }
}

/**
 * A Python set (or what jsonpickle wrote as `py/set`): its items in the order
 * Python iterated them, which is the order they are written back in.
 */
export class PySet<T = PyValue> extends Array<T> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  static fromItems<T>(items: Iterable<T>): PySet<T> {
    checkIterable(items);
    const set = new PySet<T>();
    for (const item of items) set.push(item);
    return set;
  }
}

/** Texts of opaque values, computed on first use (kept outside the frozen instances). */
const opaqueTexts = new WeakMap<PyOpaque, string>();

/** What made a value opaque: the jsonpickle tag or the pynenc JsonSerializer envelope key. */
export type OpaqueTag =
  | 'py/object'
  | 'py/reduce'
  | 'py/type'
  | 'py/function'
  | 'py/repr'
  | 'py/iterator'
  | 'py/id'
  | '__pynenc__enum__'
  | '__pynenc__std_py_exc__'
  | '__pynenc__client_exception__'
  | '__pynenc__json_serializable__';

/**
 * A Python value TypeScript cannot rebuild (an object, enum member, exception,
 * datetime, …). `raw` is the JSON as Python wrote it (no tag interpreted);
 * `text` is its exact serialized text; serializing a PyOpaque writes `text`.
 */
export class PyOpaque {
  /** The tag or envelope key that made it opaque. */
  readonly tag: OpaqueTag;
  /** Best-effort dotted Python name of its class (`builtins.ValueError`, `shop.Color`), undefined when not stated. */
  readonly pyType: string | undefined;
  /** The JSON node as parsed (PyJsonValue: plain objects, arrays, PyFloat, bigint). Frozen. */
  readonly raw: PyJsonValue;

  constructor(tag: OpaqueTag, raw: PyJsonValue, text?: string) {
    if (typeof tag !== 'string')
      throw new DataStoreConfigError('tag', 'a jsonpickle tag or pynenc envelope key (string)', tag);
    if (text !== undefined && typeof text !== 'string')
      throw new DataStoreConfigError('text', 'the serialized text (a string)', text);
    this.tag = tag;
    this.raw = raw;
    this.pyType = opaqueType(tag, raw);
    if (text !== undefined) opaqueTexts.set(this, text);
  }

  /** The exact serialized text of this value (as Python wrote it). */
  get text(): string {
    let text = opaqueTexts.get(this);
    if (text === undefined) {
      try {
        text = stringifyPython(this.raw);
      } catch (err) {
        if (err instanceof RangeError)
          throw new SerializationError('too-deep', 'nested too deeply to serialize', '', undefined, err);
        throw err;
      }
      opaqueTexts.set(this, text);
    }
    return text;
  }

  toJSON(): PyJsonValue {
    return this.raw;
  }
}

/** A resolved payload value. */
export type PyValue =
  null | boolean | number | bigint | string | PyFloat | Uint8Array | PyOpaque | PyValue[] | PyTuple | PySet | PyObject;

/** A Python dict with string keys; `__proto__` and `constructor` are ordinary own keys. */
export interface PyObject {
  [key: string]: PyValue;
}

function checkIterable(items: unknown): void {
  if (
    items === null ||
    items === undefined ||
    typeof (items as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function'
  ) {
    throw new DataStoreConfigError('items', 'an iterable of values', items);
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function field(node: unknown, key: string): unknown {
  return node !== null &&
    typeof node === 'object' &&
    !Array.isArray(node) &&
    Object.prototype.hasOwnProperty.call(node, key)
    ? (node as Record<string, unknown>)[key]
    : undefined;
}

function dotted(module: unknown, qualname: unknown): string | undefined {
  const moduleName = str(module);
  const name = str(qualname);
  return moduleName !== undefined && name !== undefined ? `${moduleName}.${name}` : name;
}

function opaqueType(tag: OpaqueTag, raw: PyJsonValue): string | undefined {
  const body = field(raw, tag);
  switch (tag) {
    case 'py/object':
    case 'py/type':
    case 'py/function':
      return str(body);
    case 'py/reduce': {
      if (!Array.isArray(body)) return undefined;
      const [callable, args] = body as unknown[];
      const type = str(field(callable, 'py/type'));
      if (type !== undefined) return type;
      // getattr(Cls, "MEMBER") (enum members), copyreg._reconstructor(Cls, …): the class is the first argument.
      const first = (field(args, 'py/tuple') as unknown[] | undefined)?.[0];
      return str(field(first, 'py/type')) ?? str(field(callable, 'py/function'));
    }
    case '__pynenc__enum__':
    case '__pynenc__client_exception__':
    case '__pynenc__json_serializable__':
      return dotted(field(body, 'module'), field(body, 'qualname'));
    case '__pynenc__std_py_exc__': {
      const type = str(field(body, 'type'));
      return type === undefined ? undefined : `builtins.${type}`;
    }
    default:
      return undefined;
  }
}
