/**
 * Reading what pynenc's serializers wrote: texts made in this test run by a real pynenc app
 * (JsonPickleSerializer and JsonSerializer, test/datastore/oracle.ts). The py/b85 text alone is jsonpickle's
 * own (jsonpickle.encode with use_base85): pynenc never asks for it, jsonpickle can still read it.
 */
import { PyFloat, parsePythonJson } from '../../src/pyjson';
import { ClientDataStore } from '../../src/datastore/client-data-store';
import { DeserializationError } from '../../src/datastore/errors';
import { deserializeText, serializeValue } from '../../src/datastore/serializer';
import { PyOpaque, PySet, PyTuple, type PyValue } from '../../src/datastore/values';
import { pythonTexts } from './oracle';

const CASES = {
  tuple: "(1, 2, 'a')",
  nestedTuple: '[(1,), [(2, (3.0,))]]',
  set: '{1, 2, 3}',
  frozenset: 'frozenset([3])',
  bytes: "b'\\x00\\xffabc'",
  emptyBytes: "b''",
  enum: 'Color.RED',
  strEnumValue: 'Color.GREEN',
  intEnum: 'Level.LOW',
  builtinException: "ValueError('bad', 3)",
  clientException: "OrderError('out of stock')",
  jsonSerializable: "Money(1.5, 'EUR')",
  datetime: 'datetime.datetime(2024, 1, 2, 3, 4, 5)',
  intKeys: "{1: {2: 'x'}, 'k': [1, 2.0]}",
  enumInDict: "{'color': Color.RED, 'n': 1}",
  exceptionInList: "[ValueError('x'), 1]",
  shared: "(lambda x: [x, x, {'k': x}])([1, 2])",
  sharedAfterObject: "(lambda d: [Money(1, 'EUR'), d, d])({'a': 1})",
  sharedAfterHandler: "(lambda d: [datetime.datetime(2024, 1, 2), d, d])({'a': 1})",
  cycle: '(lambda a: (a.append(a), a)[1])([1])',
  protoKeys: "{'__proto__': (1,), 'constructor': {'prototype': {2}}}",
  plain: "{'a': [1, 1.0, None, 'é'], 'b': 2**70}",
};
type Id = keyof typeof CASES;

const py = pythonTexts([
  ...Object.entries(CASES).map(([id, expr]) => ({ id, expr })),
  { id: 'b85', expr: "b'\\x00\\xffabc hello world'", jsonpickle_options: { use_base85: true } },
]);
const pickled = (id: Id): string => py.get(id)!.jsonpickle;
const jsonText = (id: Id): string => {
  const text = py.get(id)!.json;
  if (text === undefined) throw new Error(`Python's JsonSerializer could not write ${id}: ${py.get(id)!.json_error}`);
  return text;
};

describe('jsonpickle texts', () => {
  it('py/tuple → PyTuple (an array), nested too', () => {
    const v = deserializeText(pickled('tuple'));
    expect(v).toBeInstanceOf(PyTuple);
    expect(Array.isArray(v)).toBe(true);
    expect([...(v as PyTuple)]).toEqual([1, 2, 'a']);
    const n = deserializeText(pickled('nestedTuple')) as PyValue[];
    expect(n[0]).toBeInstanceOf(PyTuple);
    const inner = (n[1] as PyValue[])[0] as PyTuple;
    expect(inner).toBeInstanceOf(PyTuple);
    expect(inner[1]).toBeInstanceOf(PyTuple);
    expect((inner[1] as PyTuple)[0]).toEqual(new PyFloat(3));
  });

  it('py/set → PySet in Python order', () => {
    const v = deserializeText(pickled('set'));
    expect(v).toBeInstanceOf(PySet);
    expect([...(v as PySet)]).toEqual([1, 2, 3]);
  });

  it('py/b64 → Uint8Array', () => {
    expect(deserializeText(pickled('bytes'))).toEqual(new Uint8Array([0, 255, 97, 98, 99]));
    expect(deserializeText(pickled('emptyBytes'))).toEqual(new Uint8Array([]));
  });

  it('py/b85 (jsonpickle use_base85) → Uint8Array', () => {
    const text = py.get('b85')!.jsonpickle;
    expect(text).toMatch(/^\{"py\/b85": /);
    expect(deserializeText(text)).toEqual(new Uint8Array([0, 255, ...Buffer.from('abc hello world')]));
  });

  it.each([
    ['frozenset', 'py/reduce', 'builtins.frozenset'],
    ['enum', 'py/reduce', '__main__.Color'],
    ['intEnum', 'py/reduce', '__main__.Level'],
    ['builtinException', 'py/reduce', 'builtins.ValueError'],
    ['clientException', 'py/reduce', '__main__.OrderError'],
    ['jsonSerializable', 'py/object', '__main__.Money'],
    ['datetime', 'py/object', 'datetime.datetime'],
  ] as const)('%s → PyOpaque (%s, %s) keeping the exact text', (id, tag, pyType) => {
    const text = pickled(id);
    const v = deserializeText(text) as PyOpaque;
    expect(v).toBeInstanceOf(PyOpaque);
    expect(v.tag).toBe(tag);
    expect(v.pyType).toBe(pyType);
    expect(v.text).toBe(text);
    expect(serializeValue(v)).toBe(text);
  });

  it('nested opaque values stay opaque inside plain data', () => {
    const v = deserializeText(pickled('enumInDict')) as Record<string, PyValue>;
    expect(v.n).toBe(1);
    expect((v.color as PyOpaque).pyType).toBe('__main__.Color');
    const l = deserializeText(pickled('exceptionInList')) as PyValue[];
    expect((l[0] as PyOpaque).pyType).toBe('builtins.ValueError');
  });

  it('int dict keys arrive as the strings Python wrote', () => {
    const v = deserializeText(pickled('intKeys'));
    expect(pickled('intKeys')).toBe('{"1": {"2": "x"}, "k": [1, 2.0]}');
    expect(v).toEqual({ 1: { 2: 'x' }, k: [1, new PyFloat(2)] });
  });

  it('py/id resolves to the same object, as jsonpickle numbers them', () => {
    const v = deserializeText(pickled('shared')) as PyValue[];
    expect(pickled('shared')).toContain('py/id');
    expect(v[1]).toBe(v[0]);
    expect((v[2] as Record<string, PyValue>).k).toBe(v[0]);
    const m = deserializeText(pickled('sharedAfterObject')) as PyValue[];
    expect(m[2]).toBe(m[1]);
    expect(m[1]).toEqual({ a: 1 });
  });

  it('py/id past an object whose handler numbering TS cannot know stays opaque (never a wrong value)', () => {
    const v = deserializeText(pickled('sharedAfterHandler')) as PyValue[];
    expect(v[1]).toEqual({ a: 1 });
    expect(v[2]).toBeInstanceOf(PyOpaque);
    expect((v[2] as PyOpaque).tag).toBe('py/id');
    expect((v[2] as PyOpaque).text).toBe('{"py/id": 2}');
  });

  it('a cycle becomes a cyclic array', () => {
    const v = deserializeText(pickled('cycle')) as PyValue[];
    expect(v[0]).toBe(1);
    expect(v[1]).toBe(v);
  });

  it('__proto__ / constructor keys are plain data', () => {
    const v = deserializeText(pickled('protoKeys')) as Record<string, PyValue>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')!.value).toBeInstanceOf(PyTuple);
    const ctor = v.constructor as unknown as Record<string, PyValue>;
    expect(ctor.prototype).toBeInstanceOf(PySet);
    expect(({} as Record<string, unknown>).prototype).toBeUndefined();
  });

  it("re-serializing what was read gives Python's text back (no py/id involved)", () => {
    for (const id of Object.keys(CASES) as Id[]) {
      const text = pickled(id);
      if (text.includes('py/id')) continue;
      expect([id, serializeValue(deserializeText(text), 'JsonPickleSerializer')]).toEqual([id, text]);
    }
  });
});

describe('JsonSerializer texts', () => {
  it('tuples were written as lists and read as arrays', () => {
    expect(jsonText('tuple')).toBe('[1, 2, "a"]');
    expect(deserializeText(jsonText('tuple'))).toEqual([1, 2, 'a']);
  });

  it.each([
    ['enum', '__pynenc__enum__', '__main__.Color'],
    ['strEnumValue', '__pynenc__enum__', '__main__.Color'],
    ['intEnum', '__pynenc__enum__', '__main__.Level'],
    ['builtinException', '__pynenc__std_py_exc__', 'builtins.ValueError'],
    ['clientException', '__pynenc__client_exception__', '__main__.OrderError'],
    ['jsonSerializable', '__pynenc__json_serializable__', '__main__.Money'],
  ] as const)('%s → PyOpaque (%s, %s)', (id, tag, pyType) => {
    const text = jsonText(id);
    const v = deserializeText(text) as PyOpaque;
    expect(v).toBeInstanceOf(PyOpaque);
    expect(v.tag).toBe(tag);
    expect(v.pyType).toBe(pyType);
    expect(serializeValue(v, 'JsonSerializer')).toBe(text);
  });

  it('envelope details are readable from raw', () => {
    const exc = deserializeText(jsonText('builtinException')) as PyOpaque;
    const body = (exc.raw as Record<string, Record<string, unknown>>).__pynenc__std_py_exc__!;
    expect(body.type).toBe('ValueError');
    expect(body.args).toEqual(['bad', 3]);
    expect(typeof body.message).toBe('string');
    const e = deserializeText(jsonText('enum')) as PyOpaque;
    expect((e.raw as Record<string, Record<string, unknown>>).__pynenc__enum__!.value).toBe(1);
  });

  it('an envelope nested in plain data (as JsonSerializer reconstructs recursively)', () => {
    const v = deserializeText(jsonText('enumInDict')) as Record<string, PyValue>;
    expect((v.color as PyOpaque).tag).toBe('__pynenc__enum__');
    expect(v.n).toBe(1);
  });

  it('an envelope with a falsy body is a plain dict (Python tests data.get(KEY))', () => {
    expect(deserializeText('{"__pynenc__enum__": {}}')).toEqual({ __pynenc__enum__: {} });
  });

  it('round trip is exact', () => {
    for (const id of Object.keys(CASES) as Id[]) {
      const text = py.get(id)!.json;
      if (text === undefined) continue;
      expect([id, serializeValue(deserializeText(text), 'JsonSerializer')]).toEqual([id, text]);
    }
  });
});

describe('resolved values are frozen', () => {
  it('objects, arrays, tuples and opaque values cannot be changed in place', () => {
    const v = deserializeText(pickled('plain')) as Record<string, PyValue>;
    expect(Object.isFrozen(v)).toBe(true);
    expect(Object.isFrozen(v.a)).toBe(true);
    expect(() => {
      (v.a as PyValue[]).push(1);
    }).toThrow(TypeError);
    const o = deserializeText(pickled('datetime')) as PyOpaque;
    expect(Object.isFrozen(o)).toBe(true);
    expect(Object.isFrozen(o.raw)).toBe(true);
    expect(o.text).toBe(pickled('datetime'));
  });
});

describe('unreadable texts are DeserializationError', () => {
  const store = new ClientDataStore();
  it.each([
    ['not JSON', 'nope', /Expecting value: line 1 column 1 \(char 0\)/],
    ['truncated', '{"a": ', /Expecting value/],
    ['py/tuple body not a list', '{"py/tuple": 5}', /py\/tuple body is not a list/],
    ['py/b64 not base64', '{"py/b64": "!!!"}', /not base64/],
    ['py/b85 bad char', '{"py/b85": "ab\\""}', /outside base85/],
    ['py/id not an index', '[{"py/id": "x"}]', /not an index/],
  ])('%s', async (_name, text, message) => {
    const err = await store.resolve(text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeserializationError);
    expect((err as DeserializationError).code).toBe('DATASTORE_DESERIALIZATION');
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/\n/);
  });

  it('a non-string', async () => {
    await expect(store.resolve(5 as unknown as string)).rejects.toThrow(DeserializationError);
  });
});

describe('scalars read without the parser are read exactly as the parser reads them', () => {
  it.each([
    '"plain"',
    '""',
    '"é raw"',
    '"with \\"quote\\""',
    '"\\u00e9"',
    '0',
    '-0',
    '7',
    '-42',
    '123456789012345',
    '1234567890123456',
    '9007199254740993',
    '1.0',
    '1e5',
    'true',
    'false',
    'null',
    ' 1',
    '01',
  ])('%s', (text) => {
    let viaParser: unknown;
    let parserError: unknown;
    try {
      viaParser = parsePythonJson(text);
    } catch (e) {
      parserError = e;
    }
    if (parserError) expect(() => deserializeText(text)).toThrow();
    else expect(deserializeText(text)).toEqual(viaParser); // toEqual tells -0 from 0 and PyFloat from number
  });
});
