/**
 * The text of one payload value, as pynenc's serializers write and read it.
 *
 * Writing: a plain JSON value gives exactly `json.dumps(value)` (which is also
 * what `jsonpickle.dumps` and pynenc's JsonSerializer write for it); PyTuple,
 * PySet and Uint8Array are written with the configured serializer's tags;
 * PyOpaque writes its text back unchanged. The JSON text itself comes from
 * src/pyjson's stringifyPython — this module only maps the extra types.
 *
 * Reading understands both serializers: jsonpickle tags and JsonSerializer
 * envelopes (see ./values.ts for the mapping).
 */
// Imported from the defining modules: hot paths skip the re-export getters of ../pyjson/index.
import { describeReceived } from '../errors';
import { InvalidOptionError, resolveLimits, type ReadLimits } from '../limits';
import { PythonJsonWriteError } from '../pyjson/errors';
import { isPlainIntToken } from '../pyjson/fast-path';
import { parseText } from '../pyjson/parse';
import { isPlainPrototype, stringifyPython } from '../pyjson/stringify';
import { PyFloat, pythonKeyOrder, withPythonKeyOrder, type PyJsonValue } from '../pyjson/values';
import { DataStoreConfigError, DeserializationError, SerializationError, type SerializationFailure } from './errors';
import { PyOpaque, PySet, PyTuple, type OpaqueTag, type PyValue } from './values';
import { joinPointer } from '../spec/json-pointer';
import { defineOwn } from '../spec/json-value';

/** pynenc's two JSON serializers, by their class names (pynenc's `serializer_cls`). */
export type SerializerName = 'JsonPickleSerializer' | 'JsonSerializer';

export const SERIALIZER_NAMES: readonly SerializerName[] = ['JsonPickleSerializer', 'JsonSerializer'];

// jsonpickle's tags.RESERVED: keys jsonpickle silently drops from a dict it writes.
const JSONPICKLE_RESERVED = new Set([
  'py/bytes',
  'py/function',
  'py/id',
  'py/initargs',
  'py/iterator',
  'py/newargs',
  'py/newargsex',
  'py/newobj',
  'py/object',
  'py/property',
  'py/reduce',
  'py/ref',
  'py/repr',
  'py/seq',
  'py/set',
  'py/state',
  'py/tuple',
  'py/type',
]);
// Keys that make a reader (jsonpickle's unpickler, this module) take a dict for something else.
const READ_TAGS = [
  'py/tuple',
  'py/set',
  'py/b64',
  'py/b85',
  'py/id',
  'py/iterator',
  'py/object',
  'py/type',
  'py/reduce',
  'py/function',
  'py/repr',
];
// pynenc JsonSerializer envelopes, in the order its reader checks them.
const ENVELOPES = [
  '__pynenc__std_py_exc__',
  '__pynenc__client_exception__',
  '__pynenc__json_serializable__',
  '__pynenc__enum__',
] as const;

const RESERVED_FOR: Record<SerializerName, ReadonlySet<string>> = {
  JsonPickleSerializer: new Set([...JSONPICKLE_RESERVED, ...READ_TAGS, ...ENVELOPES]),
  JsonSerializer: new Set([...READ_TAGS, ...ENVELOPES]),
};

// ───────────────────────────── writing ─────────────────────────────

/**
 * Serializes `value` as pynenc's `serializer.serialize(value)` would. Throws
 * SerializationError (with the JSON pointer inside the value) for what
 * Python could not write or what would not read back as the same value.
 */
export function serializeValue(value: unknown, serializer: SerializerName = 'JsonPickleSerializer'): string {
  if (!SERIALIZER_NAMES.includes(serializer))
    throw new DataStoreConfigError('serializer', SERIALIZER_NAMES.join(' or '), serializer);
  if (value instanceof PyOpaque) return value.text;
  let tree: unknown;
  try {
    tree = new WireMapper(serializer).map(value);
  } catch (err) {
    if (err instanceof RangeError)
      throw new SerializationError('too-deep', 'nested too deeply to serialize', '', undefined, err);
    throw err;
  }
  try {
    return stringifyPython(tree);
  } catch (err) {
    if (err instanceof PythonJsonWriteError)
      throw new SerializationError('unsupported-type', err.reason, err.path, undefined, err);
    if (err instanceof RangeError)
      throw new SerializationError('too-deep', 'nested too deeply to serialize', '', undefined, err);
    throw err;
  }
}

function typeName(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name ? name : 'object';
}

/**
 * Maps a value to the PyJsonValue tree stringifyPython writes, copying only
 * where something changes (tags added, undefined properties dropped). The
 * JSON pointer of the current value is kept as a stack of segments and only
 * joined when an error needs it.
 */
class WireMapper {
  private readonly ancestors: object[] = [];
  private readonly segments: Array<string | number> = [];
  private readonly reserved: ReadonlySet<string>;

  constructor(private readonly serializer: SerializerName) {
    this.reserved = RESERVED_FOR[serializer];
  }

  private fail(reason: SerializationFailure, detail: string, extra?: string): never {
    const path = extra === undefined ? joinPointer('', ...this.segments) : joinPointer('', ...this.segments, extra);
    throw new SerializationError(reason, detail, path);
  }

  map(value: unknown): unknown {
    switch (typeof value) {
      case 'string':
      case 'boolean':
      case 'number':
      case 'bigint':
        return value;
      case 'undefined':
        return this.fail(
          'undefined',
          this.segments.length ? 'undefined inside an array has no JSON form' : 'undefined has no JSON form',
        );
      case 'function':
        return this.fail('function', 'a function has no JSON form');
      case 'symbol':
        return this.fail('symbol', 'a symbol has no JSON form');
      default:
        break;
    }
    if (value === null || value instanceof PyFloat) return value;
    const obj = value as object;
    if (obj instanceof PyOpaque) return obj.raw;
    if (obj instanceof Uint8Array) {
      if (this.serializer === 'JsonSerializer') {
        this.fail('not-in-serializer', 'bytes (Uint8Array) are not JSON serializable with JsonSerializer');
      }
      return { 'py/b64': Buffer.from(obj.buffer, obj.byteOffset, obj.byteLength).toString('base64') };
    }
    if (this.ancestors.includes(obj)) this.fail('cycle', 'circular reference');
    if (Array.isArray(obj)) {
      this.ancestors.push(obj);
      const items = this.mapItems(obj);
      this.ancestors.pop();
      if (obj instanceof PyTuple) return this.serializer === 'JsonSerializer' ? items : { 'py/tuple': items };
      if (obj instanceof PySet) {
        if (this.serializer === 'JsonSerializer') {
          this.fail('not-in-serializer', 'a set (PySet) is not JSON serializable with JsonSerializer');
        }
        return { 'py/set': items };
      }
      return items;
    }
    if (!isPlainPrototype(obj)) {
      this.fail(
        'unsupported-type',
        `a ${typeName(obj)} has no Python JSON form (plain objects, arrays, PyTuple, PySet, Uint8Array, PyOpaque only)`,
      );
    }
    this.ancestors.push(obj);
    const mapped = this.mapObject(obj as Record<string, unknown>);
    this.ancestors.pop();
    return mapped;
  }

  private mapItems(arr: readonly unknown[]): unknown[] {
    let out: unknown[] | undefined = arr.constructor === Array ? undefined : [];
    const segments = this.segments;
    for (let index = 0; index < arr.length; index++) {
      const item = arr[index];
      let mapped: unknown = item;
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
        segments.push(index);
        mapped = this.map(item);
        segments.pop();
      }
      if (out === undefined && mapped !== item) out = arr.slice(0, index);
      if (out !== undefined) out.push(mapped);
    }
    return out ?? (arr as unknown[]);
  }

  private mapObject(obj: Record<string, unknown>): unknown {
    const keys = Object.keys(obj);
    const segments = this.segments;
    let out: Record<string, unknown> | undefined;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (this.reserved.has(key)) {
        this.fail(
          'reserved-key',
          `key ${JSON.stringify(key)} is reserved by ` +
            `${key.startsWith('py/') ? 'jsonpickle' : "pynenc's JsonSerializer"} ` +
            '(Python would drop it or read the dict back as another type)',
          key,
        );
      }
      const value = obj[key];
      let mapped: unknown = value;
      if (value !== undefined && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        segments.push(key);
        mapped = this.map(value);
        segments.pop();
      }
      if (out === undefined && (mapped !== value || value === undefined)) {
        out = {};
        for (let earlier = 0; earlier < index; earlier++) defineOwn(out, keys[earlier]!, obj[keys[earlier]!]);
      }
      if (out !== undefined && mapped !== undefined) defineOwn(out, key, mapped);
    }
    if (out === undefined) return obj;
    const order = pythonKeyOrder(obj);
    return order ? withPythonKeyOrder(out, order) : out;
  }
}

// ───────────────────────────── reading ─────────────────────────────

/**
 * Deserializes a text pynenc wrote (either serializer). Throws
 * PythonJsonSyntaxError for text Python's json.loads rejects,
 * LimitExceededError for text beyond the read limits (`limits`, defaults
 * DEFAULT_READ_LIMITS) and DeserializationError for a tag with an impossible
 * body (`{"py/tuple": 5}`, bad base64/base85, a `py/id` that is no index) or a
 * text that is not a string. Every walk over the value is iterative, so
 * `maxDepth: Infinity` reads any depth the parser reads. The result is deeply
 * frozen (Uint8Array excepted) so it can be shared by the LRU cache and so
 * re-encoding a decoded record may reuse its wire text safely.
 */
export function deserializeText(text: string, limits?: ReadLimits): PyValue {
  if (typeof text !== 'string') {
    throw new DeserializationError(
      `expected a serialized string, got ${text === null ? 'null' : typeof text}`,
      undefined,
    );
  }
  if (limits !== undefined && (limits === null || typeof limits !== 'object'))
    throw new InvalidOptionError('limits', 'an object of read limits', limits);
  const resolved = resolveLimits(limits);
  // The shortcut reads no nesting; a text it takes keeps within the limits when its length does.
  if (text.length <= resolved.maxDocumentLength && text.length <= resolved.maxStringLength + 2) {
    const simple = simpleScalar(text);
    if (simple !== undefined) return simple;
  }
  const tree = parseText(text, true, resolved, undefined);
  if (tree === null || typeof tree !== 'object' || (!text.includes('"py/') && !text.includes('"__pynenc__'))) {
    return deepFreeze(tree as PyValue);
  }
  const reader = new TagReader();
  const value = reader.restore(tree);
  if (value instanceof PyOpaque && value.raw === tree) {
    // The whole text is opaque: keep the exact text it came from.
    return deepFreeze(new PyOpaque(value.tag, tree, text));
  }
  return deepFreeze(value);
}

/** A tag whose body is impossible (Python's deserializer would raise too). */
function malformed(detail: string): DeserializationError {
  return new DeserializationError(detail, undefined);
}

const SIMPLE_STRING = /^"[^"\\\u0000-\u001f]*"$/;

/** The most common payload texts, read without a parser: a string with no escapes, a small int, true/false/null. */
function simpleScalar(text: string): PyValue | undefined {
  const first = text.charCodeAt(0);
  if (first === 34 /* " */) return SIMPLE_STRING.test(text) ? text.slice(1, -1) : undefined;
  if (first === 45 /* - */ || (first >= 48 && first <= 57)) return isPlainIntToken(text) ? Number(text) : undefined;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  return undefined;
}

const INSIDE_OPAQUE = Symbol('inside an opaque value');
const NO_CHILD = Symbol('no more children');

/** A container being restored: hands out its children one by one and takes their restored values back. */
interface Frame {
  next(): PyJsonValue | typeof NO_CHILD;
  accept(value: PyValue): void;
  finish(): PyValue;
}

/** A list: restored in place (a child is replaced only when its value differs). */
class ListFrame implements Frame {
  private i = 0;
  private at = -1;
  constructor(private readonly node: PyJsonValue[]) {}
  next(): PyJsonValue | typeof NO_CHILD {
    const node = this.node;
    while (this.i < node.length) {
      const child = node[this.i++]!;
      if (child !== null && typeof child === 'object') {
        this.at = this.i - 1;
        return child;
      }
    }
    return NO_CHILD;
  }
  accept(value: PyValue): void {
    if (value !== this.node[this.at]) (this.node as unknown[])[this.at] = value;
  }
  finish(): PyValue {
    return this.node as PyValue[];
  }
}

/** A plain dict: restored in place. */
class DictFrame implements Frame {
  private readonly keys: string[];
  private i = 0;
  private at = '';
  constructor(private readonly node: Record<string, PyJsonValue>) {
    this.keys = Object.keys(node);
  }
  next(): PyJsonValue | typeof NO_CHILD {
    while (this.i < this.keys.length) {
      const key = this.keys[this.i++]!;
      const child = this.node[key]!;
      if (child !== null && typeof child === 'object') {
        this.at = key;
        return child;
      }
    }
    return NO_CHILD;
  }
  accept(value: PyValue): void {
    if (value !== this.node[this.at]) (this.node as Record<string, unknown>)[this.at] = value;
  }
  finish(): PyValue {
    return this.node as PyValue;
  }
}

/** The items of a py/tuple or py/set, collected into a new PyTuple / PySet. */
class ItemsFrame implements Frame {
  private i = 0;
  private readonly out: PyValue[] = [];
  constructor(
    private readonly tag: 'py/tuple' | 'py/set',
    private readonly items: PyJsonValue[],
  ) {}
  next(): PyJsonValue | typeof NO_CHILD {
    return this.i < this.items.length ? this.items[this.i++]! : NO_CHILD;
  }
  accept(value: PyValue): void {
    this.out.push(value);
  }
  finish(): PyValue {
    return this.tag === 'py/tuple' ? PyTuple.fromItems(this.out) : PySet.fromItems(this.out);
  }
}

/**
 * Interprets tags the way jsonpickle's Unpickler dispatches them (same order),
 * and numbers the objects it would register so `py/id` references resolve to
 * the same value. Inside a `py/object` whose class handler TS cannot know,
 * the numbering is no longer certain: later references that may point past
 * that point stay opaque rather than resolve to a wrong value. Depth-first in
 * document order, with an explicit stack: no depth exhausts the call stack.
 */
class TagReader {
  private readonly objs: unknown[] = [];
  /** Registrations from this index on may be numbered differently by Python. */
  private certainBelow = Infinity;

  restore(root: PyJsonValue): PyValue {
    const first = this.enter(root);
    if (!isFrame(first)) return first;
    const stack: Frame[] = [first];
    for (;;) {
      const top = stack[stack.length - 1]!;
      const child = top.next();
      if (child !== NO_CHILD) {
        const entered = this.enter(child);
        if (isFrame(entered)) stack.push(entered);
        else top.accept(entered);
        continue;
      }
      const value = top.finish();
      stack.pop();
      if (stack.length === 0) return value;
      stack[stack.length - 1]!.accept(value);
    }
  }

  /** A node's value when it has no children to restore; else the frame restoring them (registered first, as Python). */
  private enter(node: PyJsonValue): PyValue | Frame {
    if (node === null || typeof node !== 'object' || node instanceof PyFloat) return node;
    if (Array.isArray(node)) {
      this.objs.push(node);
      return new ListFrame(node);
    }
    const obj = node as Record<string, PyJsonValue>;
    const tag = dispatchTag(obj);
    switch (tag) {
      case undefined:
        this.objs.push(obj);
        return new DictFrame(obj);
      case 'py/tuple':
      case 'py/set': {
        const items = obj[tag];
        if (!Array.isArray(items)) throw malformed(`${tag} body is not a list`);
        return new ItemsFrame(tag, items);
      }
      case 'py/b64':
        return decodeBase64(obj[tag]);
      case 'py/b85':
        return decodeBase85(obj[tag]);
      case 'py/id': {
        const idx = obj[tag];
        if (typeof idx !== 'number' || !Number.isInteger(idx) || idx < 0)
          throw malformed(`py/id ${describeReceived(idx)} is not an index`);
        const target = idx < this.certainBelow ? this.objs[idx] : undefined;
        if (target === undefined || target === INSIDE_OPAQUE) return new PyOpaque('py/id', obj);
        return target as PyValue;
      }
      case 'py/type':
      case 'py/function':
        return new PyOpaque(tag, obj);
      default: {
        // py/repr, py/object, py/reduce, py/iterator, pynenc's envelopes
        const opaque = new PyOpaque(tag as OpaqueTag, obj);
        this.countOpaque(tag as OpaqueTag, obj, opaque);
        return opaque;
      }
    }
  }

  /** Registers what Python registers for an opaque node and inside it. */
  private countOpaque(tag: OpaqueTag, obj: Record<string, PyJsonValue>, opaque: unknown): void {
    switch (tag) {
      case 'py/iterator': // restored as a list: the list registers, then its items
        this.count([obj[tag]!], opaque);
        return;
      case 'py/reduce': {
        this.objs.push(opaque);
        const parts = obj[tag];
        if (Array.isArray(parts)) this.count(parts, INSIDE_OPAQUE);
        return;
      }
      case 'py/repr':
        this.objs.push(opaque);
        return;
      case 'py/object':
        this.objs.push(opaque);
        for (const key of Object.keys(obj)) {
          if (key !== tag && registers(obj[key]!)) {
            this.certainBelow = Math.min(this.certainBelow, this.objs.length);
            return;
          }
        }
        return;
      default:
        // Envelopes: jsonpickle reads them as plain dicts.
        this.objs.push(opaque);
        this.count(Object.values(obj), INSIDE_OPAQUE);
    }
  }

  /**
   * Registration walk without building values (inside opaque nodes), over
   * `nodes` in order, each registered as `self` where it registers itself;
   * depth-first in document order with an explicit stack.
   */
  private count(nodes: readonly PyJsonValue[], self: unknown): void {
    const stack: Array<[PyJsonValue, unknown]> = [];
    const pushAll = (children: readonly PyJsonValue[], as: unknown): void => {
      for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, as]);
    };
    pushAll(nodes, self);
    while (stack.length > 0) {
      const [node, as] = stack.pop()!;
      if (node === null || typeof node !== 'object' || node instanceof PyFloat) continue;
      if (Array.isArray(node)) {
        this.objs.push(as);
        pushAll(node, INSIDE_OPAQUE);
        continue;
      }
      const obj = node as Record<string, PyJsonValue>;
      const tag = dispatchTag(obj);
      switch (tag) {
        case 'py/tuple':
        case 'py/set': {
          const items = obj[tag];
          if (Array.isArray(items)) pushAll(items, INSIDE_OPAQUE);
          break;
        }
        case 'py/b64':
        case 'py/b85':
        case 'py/id':
        case 'py/type':
        case 'py/function':
          break;
        case 'py/iterator':
          stack.push([obj[tag]!, INSIDE_OPAQUE]);
          break;
        case 'py/reduce': {
          this.objs.push(INSIDE_OPAQUE);
          const parts = obj[tag];
          if (Array.isArray(parts)) pushAll(parts, INSIDE_OPAQUE);
          break;
        }
        case 'py/repr':
        case 'py/object':
          this.countOpaque(tag, obj, INSIDE_OPAQUE);
          break;
        default:
          this.objs.push(as);
          pushAll(Object.values(obj), INSIDE_OPAQUE);
      }
    }
  }
}

function isFrame(value: PyValue | Frame): value is Frame {
  return value instanceof ListFrame || value instanceof DictFrame || value instanceof ItemsFrame;
}

/** Whether restoring `node` may register objects (lists, dicts, objects); iterative through tuple and set bodies. */
function registers(root: PyJsonValue): boolean {
  const stack: PyJsonValue[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null || typeof node !== 'object' || node instanceof PyFloat) continue;
    if (Array.isArray(node)) return true;
    const obj = node as Record<string, PyJsonValue>;
    const tag = dispatchTag(obj);
    if (tag === 'py/tuple' || tag === 'py/set') {
      const items = obj[tag];
      if (Array.isArray(items)) for (const item of items) stack.push(item);
      continue;
    }
    if (!(tag === 'py/b64' || tag === 'py/b85' || tag === 'py/id' || tag === 'py/type' || tag === 'py/function'))
      return true;
  }
  return false;
}

type DispatchTag = (typeof READ_TAGS)[number] | (typeof ENVELOPES)[number];

/** The tag jsonpickle (then pynenc's JsonSerializer) would act on, undefined for a plain dict. */
function dispatchTag(obj: Record<string, PyJsonValue>): DispatchTag | undefined {
  for (const tag of READ_TAGS) if (Object.prototype.hasOwnProperty.call(obj, tag)) return tag;
  for (const env of ENVELOPES) {
    if (Object.prototype.hasOwnProperty.call(obj, env) && pyTruthy(obj[env]!)) return env;
  }
  return undefined;
}

/** Python's truth value of a JSON value (pynenc tests envelopes with `data.get(KEY)`). */
function pyTruthy(value: PyJsonValue): boolean {
  if (value === null || value === false || value === '' || value === 0 || value === 0n) return false;
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeBase64(body: PyJsonValue | undefined): Uint8Array {
  if (typeof body !== 'string' || !BASE64.test(body)) throw malformed('py/b64 body is not base64 text');
  const buf = Buffer.from(body, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

const B85_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
const B85_VALUE = new Int16Array(128).fill(-1);
for (let index = 0; index < B85_ALPHABET.length; index++) B85_VALUE[B85_ALPHABET.charCodeAt(index)] = index;

/** Python's base64.b85decode (RFC 1924 alphabet; a short last group is padded with '~'). */
function decodeBase85(body: PyJsonValue | undefined): Uint8Array {
  if (typeof body !== 'string') throw malformed('py/b85 body is not a string');
  const padding = (5 - (body.length % 5)) % 5;
  const padded = body + '~'.repeat(padding);
  const out = new Uint8Array((padded.length / 5) * 4);
  for (let group = 0, offset = 0; group < padded.length; group += 5, offset += 4) {
    let acc = 0;
    for (let position = 0; position < 5; position++) {
      const char = padded.charCodeAt(group + position);
      const digit = char < 128 ? B85_VALUE[char]! : -1;
      if (digit < 0) throw malformed(`py/b85 body has a character outside base85 at ${group + position}`);
      acc = acc * 85 + digit;
    }
    if (acc > 0xffffffff) throw malformed(`py/b85 group at ${group} overflows`);
    out[offset] = acc >>> 24;
    out[offset + 1] = (acc >>> 16) & 0xff;
    out[offset + 2] = (acc >>> 8) & 0xff;
    out[offset + 3] = acc & 0xff;
  }
  return padding ? out.subarray(0, out.length - padding) : out;
}

/** Freezes arrays, objects, tuples, sets and opaque values all the way down (cycles from py/id included); iterative. */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || Object.isFrozen(node) || ArrayBuffer.isView(node)) continue;
    Object.freeze(node);
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) stack.push(node[index]);
    } else if (node instanceof PyOpaque) {
      stack.push(node.raw);
    } else {
      for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return value;
}
