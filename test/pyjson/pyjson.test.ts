/**
 * Golden tests for src/pyjson: every expected text comes from the Python pynenc runs on (the venv's, 3.12+;
 * test/support/pynenc-python.ts) running scripts/python/pyjson_golden.py (json.loads / json.dumps), never typed here.
 */
import fc from 'fast-check';
import {
  PY_KEY_ORDER,
  PyFloat,
  PythonJsonSyntaxError,
  PythonJsonWriteError,
  isPlainJson,
  parsePythonJson,
  pythonFloatRepr,
  pythonKeyOrder,
  stringifyPython,
  withPythonKeyOrder,
  type PyJsonValue,
} from '../../src/pyjson';
import { DEFAULT_READ_LIMITS } from '../../src/limits';
import { runOracle } from '../support/pynenc-python';
import { expectSameValue } from '../support/same-value';
import { pyJsonValue } from '../support/arbitraries';
import { thrownBy } from '../support/thrown';

type Golden = { ok: string } | { error: string; msg: string; pos: number | null };

function goldens(cases: readonly string[]): Golden[] {
  return runOracle<Golden[]>('pyjson_golden.py', { mode: 'roundtrip', cases });
}

const BIG100 = '1234567890'.repeat(10);

const VALID: readonly string[] = [
  // unicode: BMP raw and escaped, astral raw and escaped, lone surrogates, controls, DEL
  '"é ü 中文 \u2028 \uffff ÿ Ā"',
  '"\\u00e9\\u4E2D\\uFFFF"',
  '"😀 𝄞 \u{10FFFF}"',
  '"\\ud83d\\ude00\\uD834\\uDD1E"',
  '"\\ud800"',
  '"\\udfff"',
  '"a\\ud800b"',
  '"\\udc00\\ud800"',
  '"\\ud83d\\u0041"',
  '"lone \ud800 raw \udc00"',
  '"\\u0000\\u0001\\u001f\\b\\f\\n\\r\\t\\"\\\\\\/"',
  '"\x7f"',
  '"\\u007f\\u0080\\u009f"',
  '"plain ascii ~ !#$%&\'()*+,-./"',
  '""',
  // floats
  '[0.1, 1.0, 1e16, 1e-5, 5e-324, 1.7976931348623157e308, -0.0, 1.5e300]',
  '[1E400, -1e400, 1e-400, -1e-400, 2.5, 100.0, 1e15, 123456789012345678.0]',
  '[9007199254740993.0, 9007199254740992.0, 9007199254740991.0, 1.00000000000000001, 0.30000000000000004]',
  '[1e22, 1e21, 1e-7, 0.0001, 0.00001, 1E+2, 1e-0, 12.50, -3.0, 0.0, 0e0, 4.35, 2e-310]',
  // NaN / Infinity
  '[NaN, Infinity, -Infinity]',
  '{"a": NaN, "b": -Infinity}',
  'NaN',
  // ints
  '[0, -0, 7, -7, 9007199254740991, -9007199254740991, 9007199254740992, 9007199254740993, -9007199254740993]',
  `[18446744073709551616, ${BIG100}, -${BIG100}, 1234567890123456]`,
  '1'.repeat(4300),
  `-${'9'.repeat(4300)}`,
  // containers
  '{"a": [1, {"b": [[], {}]}], "c": {}, "d": [[[]]], "e": [{}]}',
  '[]',
  '{}',
  '[[]]',
  '[{}]',
  ' \t\n\r[ 1 ,\n2 ]\n ',
  '[true, false, null]',
  // duplicate keys: last value, first position
  '{"a": 1, "b": 2, "a": 3}',
  '{"a": {"x": 1}, "a": [2]}',
  // keys JS would reorder
  '{"b": 1, "2": 2, "1": 3, "10": 4, "a": 5}',
  '{"\\u0031": 1, "a": 2, "0": 3}',
  '{"4294967295": 1, "4294967294": 2, "x": 0}',
  '{"0": 1, "1": 2, "z": 3}',
  '{"b": 1, "2": 2, "b": 9, "2": 8}',
  // keys that must stay plain own properties
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "prototype": 2}',
  '{"__proto__": 1, "__proto__": 2}',
  '{"toString": 1, "hasOwnProperty": 2, "valueOf": null}',
  // a typical EventRecord
  '{"event_id": "550e8400-e29b-41d4-a716-446655440000", "event_code": "order.created", "timestamp": "2026-05-09T10:11:12.345678+00:00", "payload": {"order_id": "42"}, "matched_condition_ids": [], "valid_condition_ids": [], "triggered_invocation_ids": [], "emitted_by_invocation_id": null, "emitted_by_task_id": null, "emitted_by_runner_context_id": null}',
];

const INVALID: readonly string[] = [
  '',
  '   ',
  '[1,]',
  '{"a":1,}',
  '[1',
  '{"a"',
  '{"a":',
  '{',
  '[',
  '01',
  '1.',
  '.5',
  '-',
  '-a',
  '+1',
  'nan',
  '-NaN',
  'infinity',
  'tru',
  'nul',
  '"abc',
  '"a\tb"',
  '"a\nb"',
  '"\x00"',
  '"\x1f"',
  '"\\x"',
  '"\\u12"',
  '"\\u12',
  '"\\u0041',
  '"\\ud800\\u12"',
  '"\\ud800\\uzzzz"',
  '"\\',
  '"abc\\',
  '[1 2]',
  '{"a" 1}',
  '{1:2}',
  "{'a':1}",
  'true false',
  '\ufeff1',
  '1e',
  '1e+',
  '[1e5x]',
  '{"a":1 "b":2}',
  'Infinity1',
  '[NaN, nan]',
  '[-Infinityx]',
  '[1]]',
  '{"a":1}}',
  '1'.repeat(4301),
  `-${'1'.repeat(4301)}`,
  `[1, ${'2'.repeat(5000)}]`,
];

function pyJson(text: string, fastPath: boolean | 'sniff'): string {
  return stringifyPython(parsePythonJson(text, { fastPath }));
}

describe('parsePythonJson + stringifyPython against Python json', () => {
  const valid = goldens(VALID);
  const invalid = goldens(INVALID);

  test.each(VALID.map((text, k) => [k, text] as const))('valid #%i round-trips to Python bytes', (k, text) => {
    const golden = valid[k]!;
    if (!('ok' in golden)) throw new Error(`Python rejected a case meant to be valid: ${golden.msg}`);
    expect(pyJson(text, false)).toBe(golden.ok);
    expect(pyJson(text, true)).toBe(golden.ok);
    expect(pyJson(text, 'sniff')).toBe(golden.ok);
    // Python's output is canonical: reading and writing it again changes nothing.
    expect(pyJson(golden.ok, true)).toBe(golden.ok);
    expectSameValue(parsePythonJson(text, { fastPath: true }), parsePythonJson(text, { fastPath: false }));
  });

  test.each(INVALID.map((text, k) => [k, text] as const))(
    'invalid #%i is rejected where Python rejects it',
    (k, text) => {
      const golden = invalid[k]!;
      if ('ok' in golden) throw new Error(`Python accepted a case meant to be invalid: ${golden.ok}`);
      for (const fastPath of [true, false, 'sniff'] as const) {
        const caught = thrownBy(() => parsePythonJson(text, { fastPath }));
        expect(caught).toBeInstanceOf(PythonJsonSyntaxError);
        const err = caught as PythonJsonSyntaxError;
        expect(err.reason).toBe(golden.msg);
        if (golden.pos !== null) expect(err.offset).toBe(golden.pos);
        expect(err.message).not.toMatch(/\n/);
        expect(err.code).toBe('PYJSON_SYNTAX');
      }
    },
  );

  test('error positions carry Python line and column', () => {
    const text = '{\n  "a": 1,\n  "b": ]\n}';
    const golden = goldens([text])[0]!;
    if ('ok' in golden) throw new Error('expected an error');
    const e = thrownBy(() => parsePythonJson(text)) as PythonJsonSyntaxError;
    expect(e.offset).toBe(golden.pos);
    expect(e.line).toBe(text.slice(0, e.offset).split('\n').length);
    expect(e.message).toBe(`${golden.msg}: line ${e.line} column ${e.column} (char ${e.offset})`);
    expect(e.column).toBe(e.offset - text.lastIndexOf('\n', e.offset - 1));
  });
});

test('nesting deeper than Python can read is refused by default, and read with maxDepth: Infinity, on both paths', () => {
  const depth = 20000;
  const text = `${'['.repeat(depth)}1.5${']'.repeat(depth)}`;
  const [golden] = goldens([text]);
  expect(golden).toHaveProperty('error', 'RecursionError');
  for (const fastPath of [true, false]) {
    expect(() => parsePythonJson(text, { fastPath })).toThrow(
      expect.objectContaining({ code: 'LIMIT_DEPTH', actual: DEFAULT_READ_LIMITS.maxDepth + 1 }),
    );
    let v = parsePythonJson(text, { fastPath, maxDepth: Infinity });
    let d = 0;
    while (Array.isArray(v)) {
      v = v[0]!;
      d++;
    }
    expect([d, v]).toEqual([depth, 1.5]);
  }
  // Writing that deep exhausts the JS stack: a typed error, not a RangeError.
  expect(() => stringifyPython(parsePythonJson(text, { maxDepth: Infinity }))).toThrow(PythonJsonWriteError);
});

describe('value model', () => {
  test('ints, floats, PyFloat, bigint, -0', () => {
    const v = parsePythonJson(
      '[1, 1.0, -0.0, -0, 0.5, 9007199254740991, 9007199254740992, 1e16, 3.0e2]',
    ) as PyJsonValue[];
    expect(v[0]).toBe(1);
    expect(v[1]).toBeInstanceOf(PyFloat);
    expect((v[1] as PyFloat).value).toBe(1);
    expect(Object.is(v[2], -0)).toBe(true);
    expect(Object.is(v[3], 0)).toBe(true);
    expect(v[4]).toBe(0.5);
    expect(v[5]).toBe(Number.MAX_SAFE_INTEGER);
    expect(v[6]).toBe(2n ** 53n);
    expect(v[7]).toBe(1e16); // integral but beyond the safe range: a plain number, written as a float
    expect(v[8]).toStrictEqual(new PyFloat(300));
    expect(Number(v[8])).toBe(300);
    expect(JSON.stringify(v[8])).toBe('300');
  });

  test('objects are plain; __proto__ and friends are own data properties, no prototype is touched', () => {
    for (const fastPath of [true, false]) {
      const v = parsePythonJson('{"__proto__": {"polluted": 1}, "constructor": 2, "prototype": 3}', {
        fastPath,
      }) as Record<string, unknown>;
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
      expect(Object.keys(v)).toEqual(['__proto__', 'constructor', 'prototype']);
      expect(Object.getOwnPropertyDescriptor(v, '__proto__')).toEqual({
        value: { polluted: 1 },
        writable: true,
        enumerable: true,
        configurable: true,
      });
      expect((v as { polluted?: unknown }).polluted).toBeUndefined();
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    }
  });

  test('Python key order is kept beside objects JS would reorder, and only there', () => {
    const v = parsePythonJson('{"b": 1, "2": 2, "1": 3}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['1', '2', 'b']);
    expect(pythonKeyOrder(v)).toEqual(['b', '2', '1']);
    expect(Object.getOwnPropertyDescriptor(v, PY_KEY_ORDER)?.enumerable).toBe(false);
    expect(pythonKeyOrder(parsePythonJson('{"0": 1, "1": 2, "b": 3}') as object)).toBeUndefined();
    expect(pythonKeyOrder(parsePythonJson('{"a": 1}') as object)).toBeUndefined();
  });

  test('a recorded order survives edits: deleted keys skipped, added keys appended', () => {
    const v = parsePythonJson('{"b": 1, "2": 2, "1": 3}') as Record<string, PyJsonValue>;
    delete v['2'];
    v['0'] = 4;
    v.c = 5;
    const [golden] = goldens(['{"b": 1, "1": 3, "0": 4, "c": 5}']);
    expect(stringifyPython(v)).toBe((golden as { ok: string }).ok);
    const built = withPythonKeyOrder({ 1: 'one', z: 'zed' }, ['z', '1']);
    const [golden2] = goldens(['{"z": "zed", "1": "one"}']);
    expect(stringifyPython(built)).toBe((golden2 as { ok: string }).ok);
  });
});

describe('fast path (JSON.parse, kept only when provably exact)', () => {
  test('ordinary record text takes it', () => {
    expect(isPlainJson(VALID[VALID.length - 1]!)).toBe(true);
    expect(isPlainJson('{"a": [2.5, -3.25, "1.0", "NaN x", 0.1234567890123456, 1e-7, {"k": null}], "0a": true}')).toBe(
      true,
    );
  });

  test.each([
    '[NaN]',
    '[Infinity]',
    '{"a": -Infinity}',
    '[1.0]',
    '[-0]',
    '[-0.0]',
    '[1e5]',
    '[1.5E3]',
    '[1]',
    '7',
    '[1234567890123456789]',
    '{"a": {"b": [[2.0]]}}',
    '{"2": 1}',
    '{"a": {"\\u0032": 1}}',
    '5.00',
    '[1e400]',
    `[${'9'.repeat(400)}]`,
    '[1, ]',
  ])('%s does not', (text) => {
    expect(isPlainJson(text)).toBe(false);
  });
});

describe('stringifyPython rejects what JSON cannot hold', () => {
  const cases: [string, unknown, string][] = [
    ['undefined', undefined, ''],
    ['a nested undefined', { a: [1, { b: undefined }] }, '/a/1/b'],
    ['a function', { f: () => 1 }, '/f'],
    ['a symbol', [Symbol('s')], '/0'],
    ['a Date', { when: new Date(0) }, '/when'],
    ['a Map', new Map(), ''],
    ['a sparse hole', { xs: [1, , 3] }, '/xs/1'],
    ['a key with / and ~', { 'a/b~c': undefined }, '/a~1b~0c'],
    ['an over-long bigint', { n: 10n ** 4300n }, '/n'],
  ];
  test.each(cases)('%s', (_name, value, path) => {
    const caught = thrownBy(() => stringifyPython(value));
    expect(caught).toBeInstanceOf(PythonJsonWriteError);
    expect((caught as PythonJsonWriteError).path).toBe(path);
    expect((caught as PythonJsonWriteError).code).toBe('PYJSON_UNWRITABLE');
  });

  test('cycles, with the path where the cycle closes', () => {
    const a: Record<string, unknown> = { x: [] };
    (a.x as unknown[]).push(a);
    const err = thrownBy(() => stringifyPython(a));
    expect(err).toBeInstanceOf(PythonJsonWriteError);
    expect((err as PythonJsonWriteError).path).toBe('/x/0');
    expect((err as PythonJsonWriteError).message).toMatch(/circular/);
  });

  test('a shared (non-circular) subtree is fine', () => {
    const shared = { k: 1 };
    expect(stringifyPython([shared, shared])).toBe(stringifyPython(parsePythonJson('[{"k": 1}, {"k": 1}]')));
  });

  test('null-prototype objects are written like plain ones', () => {
    const o = Object.assign(Object.create(null) as object, { a: 1 });
    expect(stringifyPython(o)).toBe(stringifyPython({ a: 1 }));
  });
});

describe('float repr matches Python for many doubles', () => {
  test('fast-check doubles and random bit patterns', () => {
    const doubles = fc.sample(fc.double(), { numRuns: 4000, seed: 20260509 });
    let state = 0x2545f491;
    const view = new DataView(new ArrayBuffer(8));
    for (let k = 0; k < 4000; k++) {
      for (let b = 0; b < 8; b++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        view.setUint8(b, state >>> 24);
      }
      doubles.push(view.getFloat64(0));
    }
    doubles.push(
      1e16,
      1e-5,
      1e-4,
      9.999999999999999e-5,
      9999999999999998,
      1e15,
      2 ** 53,
      2 ** 63,
      5e-324,
      Number.MAX_VALUE,
      0.1 + 0.2,
    );
    const literals = doubles.map((x) => (Object.is(x, -0) ? '-0.0' : String(x)));
    const expected = runOracle<string[]>('pyjson_golden.py', { mode: 'floatrepr', cases: literals });
    const mismatches = doubles
      .map((x, k) => [literals[k], pythonFloatRepr(x), expected[k]])
      .filter(([, a, b]) => a !== b);
    expect(mismatches).toEqual([]);
  });
});

describe('properties', () => {
  const value = pyJsonValue;

  test('parse(stringify(v)) deep-equals v; stringify is stable; both paths agree', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = stringifyPython(v);
        const slow = parsePythonJson(text, { fastPath: false });
        const fast = parsePythonJson(text, { fastPath: true });
        expectSameValue(slow, normalize(v));
        expectSameValue(fast, slow);
        expectSameValue(parsePythonJson(text, { fastPath: 'sniff' }), slow);
        expect(stringifyPython(slow)).toBe(text);
        expect(stringifyPython(fast)).toBe(text);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  test('what we write is what Python writes for the same value', () => {
    const values = fc.sample(value, { numRuns: 400, seed: 11 });
    const texts = values.map((v) => stringifyPython(v));
    const expected = goldens(texts);
    const mismatches = texts.filter((t, k) => (expected[k] as { ok?: string }).ok !== t);
    expect(mismatches).toEqual([]);
  });
});

/** What a value reads back as: the same, with every object a plain object (fast-check may make null-prototype ones). */
function normalize(v: PyJsonValue): PyJsonValue {
  if (Array.isArray(v)) return v.map(normalize);
  if (v !== null && typeof v === 'object' && !(v instanceof PyFloat)) {
    const out: Record<string, PyJsonValue> = {};
    for (const k of Object.keys(v)) {
      Object.defineProperty(out, k, { value: normalize(v[k]!), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}
