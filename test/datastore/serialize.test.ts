/**
 * TypeScript values serialize to exactly the text (hence the reference key)
 * pynenc's JsonPickleSerializer / JsonSerializer write for the same value. Expected
 * texts and keys come from a real pynenc app in this test run (test/datastore/oracle.ts).
 */
import { PyFloat, withPythonKeyOrder } from '../../src/pyjson';
import { ClientDataStore } from '../../src/datastore/client-data-store';
import { SerializationError } from '../../src/datastore/errors';
import { referenceKey } from '../../src/datastore/keys';
import { MemoryStore } from '../../src/datastore/memory-store';
import { serializeValue } from '../../src/datastore/serializer';
import { PyOpaque, PySet, PyTuple } from '../../src/datastore/values';
import { pythonTexts } from './oracle';

interface Case {
  id: string;
  expr: string;
  value: unknown;
  /** Not writable by JsonSerializer (sets, bytes): only the jsonpickle text is compared. */
  jsonpickleOnly?: boolean;
}

const protoKey: Record<string, unknown> = {};
Object.defineProperty(protoKey, '__proto__', { value: 1, enumerable: true, writable: true, configurable: true });
Object.assign(protoKey, { constructor: 'c', prototype: [1] });

const CASES: Case[] = [
  { id: 'null', expr: 'None', value: null },
  { id: 'bools', expr: '[True, False]', value: [true, false] },
  { id: 'int', expr: '42', value: 42 },
  { id: 'negative int', expr: '-7', value: -7 },
  { id: 'big int', expr: '2**70', value: 2n ** 70n },
  { id: 'max safe', expr: '2**53 - 1', value: Number.MAX_SAFE_INTEGER },
  { id: 'float', expr: '1.5', value: 1.5 },
  { id: 'integral float', expr: '1.0', value: new PyFloat(1) },
  { id: 'float exponents', expr: '[1e16, 1e-05, 1.5e300, 0.1]', value: [1e16, 1e-5, 1.5e300, 0.1] },
  { id: 'negative zero', expr: '-0.0', value: -0 },
  { id: 'nan inf', expr: "[float('nan'), float('inf'), float('-inf')]", value: [NaN, Infinity, -Infinity] },
  { id: 'ascii string', expr: "'hello'", value: 'hello' },
  { id: 'non-ascii', expr: "'é ü 中 \\U0001F600'", value: 'é ü 中 \u{1F600}' },
  { id: 'controls', expr: "'a\\x00b\\n\\t\"\\\\\\x7f'", value: 'a\u0000b\n\t"\\\u007f' },
  { id: 'empty containers', expr: '[{}, [], ""]', value: [{}, [], ''] },
  {
    id: 'nested',
    expr: "{'order': {'id': 7, 'lines': [{'sku': 'A', 'qty': 2, 'price': 9.99}], 'paid': False, 'note': None}}",
    value: { order: { id: 7, lines: [{ sku: 'A', qty: 2, price: 9.99 }], paid: false, note: null } },
  },
  { id: 'proto keys', expr: "{'__proto__': 1, 'constructor': 'c', 'prototype': [1]}", value: protoKey },
  {
    id: 'key order',
    expr: "{'b': 1, '2': 2, '1': 3}",
    value: withPythonKeyOrder({ b: 1, 2: 2, 1: 3 }, ['b', '2', '1']),
  },
  { id: 'tuple', expr: "(1, 'a', (2.0,))", value: PyTuple.fromItems([1, 'a', PyTuple.fromItems([new PyFloat(2)])]) },
  { id: 'set', expr: '{1, 2, 3}', value: PySet.fromItems([1, 2, 3]), jsonpickleOnly: true },
  { id: 'bytes', expr: "b'\\x00\\xffabc'", value: new Uint8Array([0, 255, 97, 98, 99]), jsonpickleOnly: true },
  { id: 'buffer', expr: "b'hi'", value: Buffer.from('hi'), jsonpickleOnly: true },
  // Around the threshold: the quotes count, non-ASCII counts as its \\uXXXX escape.
  { id: 'x1021', expr: "'x' * 1021", value: 'x'.repeat(1021) },
  { id: 'x1022', expr: "'x' * 1022", value: 'x'.repeat(1022) },
  { id: 'x1023', expr: "'x' * 1023", value: 'x'.repeat(1023) },
  { id: 'e200', expr: "'é' * 200", value: 'é'.repeat(200) },
  { id: 'big list', expr: 'list(range(400))', value: Array.from({ length: 400 }, (_, i) => i) },
];

const python = pythonTexts(CASES.map(({ id, expr }) => ({ id, expr })));

describe('serialized text and reference key are identical to Python', () => {
  it.each(CASES.map((c) => [c.id, c] as const))('%s (jsonpickle)', (_id, c) => {
    const py = python.get(c.id)!;
    const text = serializeValue(c.value, 'JsonPickleSerializer');
    expect(text).toBe(py.jsonpickle);
    expect(referenceKey(text)).toBe(py.jsonpickle_key);
    expect(text.length).toBe(py.jsonpickle_len);
  });

  it.each(CASES.filter((c) => !c.jsonpickleOnly).map((c) => [c.id, c] as const))('%s (JsonSerializer)', (_id, c) => {
    const py = python.get(c.id)!;
    expect(py.json).toBeDefined();
    expect(serializeValue(c.value, 'JsonSerializer')).toBe(py.json);
  });

  it('JsonSerializer rejects sets and bytes as Python does', () => {
    for (const c of CASES.filter((x) => x.jsonpickleOnly && x.id !== 'buffer')) {
      expect(python.get(c.id)!.json_error).toMatch(/TypeError/);
      expect(() => serializeValue(c.value, 'JsonSerializer')).toThrow(SerializationError);
    }
  });
});

describe('thresholds are counted as Python counts them (len of the ASCII-escaped text)', () => {
  const store = new ClientDataStore({ backend: new MemoryStore() });

  it.each([
    ['x1021', false],
    ['x1022', true],
    ['x1023', true],
    ['e200', true],
  ] as const)('%s → reference: %s', async (id, isRef) => {
    const c = CASES.find((x) => x.id === id)!;
    const py = python.get(id)!;
    const wire = await store.serialize(c.value);
    // Python's rule: stored iff len(text) >= 1024, under sha256 of the text.
    expect(py.jsonpickle_len >= 1024).toBe(isRef);
    expect(wire).toBe(isRef ? py.jsonpickle_key : py.jsonpickle);
  });

  it('200 × "é" is 1202 characters in Python', () => {
    expect(python.get('e200')!.jsonpickle_len).toBe(1202);
    expect(serializeValue('é'.repeat(200)).length).toBe(1202);
  });
});

describe('what cannot be serialized is a SerializationError naming where', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = { back: cyclic };
  const cyclicArray: unknown[] = [1];
  cyclicArray.push([cyclicArray]);
  class Thing {
    x = 1;
  }

  it.each([
    ['function', { f: () => 1 }, 'function', '/f'],
    ['symbol', [Symbol('s')], 'symbol', '/0'],
    ['undefined in array', { list: [1, undefined] }, 'undefined', '/list/1'],
    ['hole in sparse array', { list: [1, , 3] }, 'undefined', '/list/1'],
    ['undefined value', undefined, 'undefined', ''],
    ['object cycle', cyclic, 'cycle', '/self/back'],
    ['array cycle', cyclicArray, 'cycle', '/1/0'],
    ['Date', { at: new Date(0) }, 'unsupported-type', '/at'],
    ['Map', { m: new Map() }, 'unsupported-type', '/m'],
    ['native Set', new Set([1]), 'unsupported-type', ''],
    ['class instance', { t: new Thing() }, 'unsupported-type', '/t'],
    ['typed array other than bytes', new Float64Array(2), 'unsupported-type', ''],
    ['jsonpickle tag key', { 'py/tuple': [1] }, 'reserved-key', '/py~1tuple'],
    ['jsonpickle dropped key', { x: { 'py/state': 1 } }, 'reserved-key', '/x/py~1state'],
    ['pynenc envelope key', { __pynenc__enum__: { value: 1 } }, 'reserved-key', '/__pynenc__enum__'],
    ['int beyond Python str digits', 10n ** 5000n, 'unsupported-type', ''],
  ] as const)('%s', (_name, value, reason, path) => {
    let error: unknown;
    try {
      serializeValue(value);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SerializationError);
    const e = error as SerializationError;
    expect(e.code).toBe('DATASTORE_SERIALIZATION');
    expect(e.reason).toBe(reason);
    expect(e.valuePath).toBe(path);
    expect(e.message).not.toMatch(/\n/);
  });

  it('too deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => serializeValue(deep)).toThrow(expect.objectContaining({ reason: 'too-deep' }));
  });

  it('JsonSerializer: sets and bytes', () => {
    expect(() => serializeValue({ s: PySet.fromItems([1]) }, 'JsonSerializer')).toThrow(
      expect.objectContaining({ reason: 'not-in-serializer', valuePath: '/s' }),
    );
    expect(() => serializeValue([new Uint8Array(1)], 'JsonSerializer')).toThrow(
      expect.objectContaining({ reason: 'not-in-serializer', valuePath: '/0' }),
    );
  });

  it('a "py/…" key jsonpickle leaves alone is plain data', () => {
    expect(serializeValue({ 'py/other': 1 })).toBe('{"py/other": 1}');
  });

  it('undefined object properties are left out (as JSON.stringify does); shared sub-values are written in full', () => {
    const shared = { k: 1 };
    expect(serializeValue({ a: undefined, b: shared, c: [shared, shared] })).toBe(
      '{"b": {"k": 1}, "c": [{"k": 1}, {"k": 1}]}',
    );
  });

  it('a PyOpaque is written back exactly, alone or nested', () => {
    const text = '{"py/object": "uuid.UUID", "hex": "00000000000000000000000000000005"}';
    const opaque = new PyOpaque('py/object', JSON.parse(text), text);
    expect(serializeValue(opaque)).toBe(text);
    expect(serializeValue(PyTuple.fromItems([opaque]))).toBe(`{"py/tuple": [${text}]}`);
  });
});
