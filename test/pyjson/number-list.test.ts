/**
 * src/pyjson/number-list.ts, the count-first reader of big lists of numbers (issue 16, peak memory):
 * - readNumberList reads what Python's json.loads reads (scripts/python/pyjson_golden.py: `json.dumps(json.loads(text))`,
 *   or its error), on fixed lists and random ones, and in the value model of the exact parser (parsePythonJson with
 *   fastPath false: PyFloats, bigints, −0); a list Python refuses is not read (null);
 * - its array is allocated once at its size: its capacity is its length, and the read's peak is the array (a child
 *   process each; JSON.parse, which grows its arrays, is the control that breaks the bound);
 * - cutNumberLists / putNumberLists: reading the cut text and putting the lists back gives what the exact parser reads
 *   from the whole text; a text where the cut could change the reading (a duplicate key after the list, a list Python
 *   refuses) is not cut.
 */
import fc from 'fast-check';
import { PyFloat, parsePythonJson, stringifyPython, type PyJsonValue } from '../../src/pyjson';
import {
  BIG_LIST_CHARS,
  cutNumberLists,
  mayHoldBigNumberList,
  numberListSpan,
  putNumberLists,
  readNumberList,
} from '../../src/pyjson/number-list';
import { runNumberListChild } from '../support/number-list-child';
import { runOracle } from '../support/pynenc-python';
import { firstDifference } from '../support/same-value';

type Golden = { ok: string } | { error: string; msg: string; pos: number | null };

function python(cases: string[]): Golden[] {
  return runOracle<Golden[]>('pyjson_golden.py', { mode: 'roundtrip', cases });
}

/** readNumberList on a text that is one list. */
function readList(text: string): PyJsonValue[] | null {
  const span = numberListSpan(text, 0);
  return span === null ? null : readNumberList(text, span);
}

/**
 * Each list read as Python reads it (or refused where Python refuses it), and as the exact parser reads it. Returns
 * how many Python refused.
 */
function expectPythonReading(texts: string[]): number {
  const golden = python(texts);
  let refused = 0;
  texts.forEach((text, at) => {
    const expected = golden[at]!;
    const list = readList(text);
    if ('error' in expected) {
      if (list !== null) throw new Error(`read ${JSON.stringify(text)}, which Python refuses (${expected.msg})`);
      refused++;
      return;
    }
    if (list === null) throw new Error(`refused ${JSON.stringify(text)}, which Python reads`);
    expect({ text, written: stringifyPython(list) }).toEqual({ text, written: expected.ok });
    const difference = firstDifference(list, parsePythonJson(text, { fastPath: false }));
    if (difference !== null) throw new Error(`${JSON.stringify(text)}: not the exact parser's value at ${difference}`);
  });
  return refused;
}

const FIXED_TOKENS = [
  '0',
  '-0',
  '7',
  '-7',
  '10',
  '123456789012345',
  '-123456789012345',
  '1234567890123456',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '0.0',
  '-0.0',
  '1.0',
  '-3.0',
  '3.00',
  '1024.0',
  '-1024.0',
  '1025.0',
  '-1025.0',
  '123456789012345.0',
  '1234567890123456.0',
  '9007199254740993.0',
  '1e16',
  '1E+2',
  '1e-2',
  '-1e0',
  '2.5',
  '-2.5',
  '0.1',
  '1.5e300',
  '1e400',
  '-1e400',
  '1e-400',
  '-1e-400',
  '5e-324',
  '2.4e-324',
  '0.30000000000000004',
  '1.00000000000000001',
  '0.99999999999999999',
  '4503599627370495.5',
  '4503599627370497.5',
  '1.7976931348623157e308',
  'NaN',
  'Infinity',
  '-Infinity',
  `1${'0'.repeat(4299)}`,
  `-1${'0'.repeat(4299)}`,
  `0.${'0'.repeat(5000)}1`,
];

const REFUSED = [
  '[01]',
  '[1.]',
  '[.5]',
  '[+1]',
  '[1e]',
  '[1e+]',
  '[-]',
  '[--1]',
  '[1,]',
  '[,1]',
  '[1,,2]',
  '[1 2]',
  '[nan]',
  '[-NaN]',
  '[NaNa]',
  '[Infinit]',
  '[-infinity]',
  '[1.5.5]',
  '[1e5e5]',
  '[0x10]',
  '[1-2]',
  '[1\f]',
  `[1${'0'.repeat(4300)}]`,
  `[-1${'0'.repeat(4300)}]`,
];

describe('readNumberList reads as Python reads', () => {
  it('fixed tokens: alone, together, in every whitespace Python allows', () => {
    const texts = [
      ...FIXED_TOKENS.map((token) => `[${token}]`),
      `[${FIXED_TOKENS.join(', ')}]`,
      `[${FIXED_TOKENS.join(',')}]`,
      `[ \t\n\r${FIXED_TOKENS.join(' \n,\t\r ')}\r\n ]`,
    ];
    expect(expectPythonReading(texts)).toBe(0);
  });

  it('lists Python refuses are not read', () => {
    const golden = python(REFUSED);
    REFUSED.forEach((text, at) => {
      expect({ text, python: 'error' in golden[at]! }).toEqual({ text, python: true });
      expect({ text, read: readList(text) }).toEqual({ text, read: null });
    });
  });

  it('random lists of random number tokens and whitespace', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((list) => list.join(''));
    const int = fc
      .tuple(fc.boolean(), fc.constantFrom(...'123456789'), digits(0, 24))
      .map(([minus, first, rest]) => `${minus ? '-' : ''}${first}${rest}`);
    const token = fc.oneof(
      { weight: 4, arbitrary: int },
      { weight: 1, arbitrary: fc.constantFrom('0', '-0', 'NaN', 'Infinity', '-Infinity') },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.oneof(int, fc.constantFrom('0', '-0')), fc.oneof(digits(1, 20), fc.constantFrom('0', '00')))
          .map(([whole, fraction]) => `${whole}.${fraction}`),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(int, fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3))
          .map((parts) => parts.join('')),
      },
      // one malformed token in a while: the list is refused, as by Python
      { weight: 1, arbitrary: fc.constantFrom('01', '1.', '.1', '+1', '1e', '--1', 'nan', '1 1', '', '0x1') },
    );
    const space = fc.constantFrom('', ' ', '  ', '\n', '\t', '\r\n ');
    const list = fc
      .array(fc.tuple(space, token, space), { minLength: 1, maxLength: 40 })
      .map((items) => `[${items.map((parts) => parts.join('')).join(',')}]`);
    const refused = expectPythonReading(fc.sample(list, { numRuns: 600, seed: 16 }));
    expect(refused).toBeGreaterThan(100); // and over 100 lists read (600 in all)
    expect(refused).toBeLessThan(500);
  });

  it('integral floats share one PyFloat per value', () => {
    const list = readList('[1.0, 2.0, 1.0, 1.00, 1e0, 5000.0, 5000.0]')!;
    expect(list[0]).toBe(list[2]);
    expect(list[0]).toBe(list[3]);
    expect(list[0]).toBe(list[4]);
    expect(list[0]).not.toBe(list[1]);
    expect(list[5]).toEqual(list[6]); // beyond ±1024: one each, as in the exact parser
  });

  it("a span that is not the list's (count or close) gives null", () => {
    for (const text of ['[1, 2, NaN] [4]', '[NaN, 1, 2] [4]']) {
      expect(readNumberList(text, { open: 0, close: 10, count: 3 })).toHaveLength(3);
      for (const span of [
        { open: 0, close: 10, count: 2 },
        { open: 0, close: 10, count: 4 },
        { open: 0, close: 14, count: 3 },
      ])
        expect({ text, span, read: readNumberList(text, span) }).toEqual({ text, span, read: null });
    }
  });

  it('numberListSpan counts the items of a list holding only number tokens', () => {
    expect(numberListSpan('x[1, 2 ,3]y', 1)).toEqual({ open: 1, close: 9, count: 3 });
    for (const text of ['[]', '[ ]', '[1, "2"]', '[1, [2]]', '[1, {}]', '[true]', '[null]', '[1, 2'])
      expect({ text, span: numberListSpan(text, 0) }).toEqual({ text, span: null });
  });
});

describe('mayHoldBigNumberList finds every list of BIG_LIST_CHARS characters', () => {
  const pad = (length: number) => 'p'.repeat(Math.max(0, length));
  /** A record whose list of numbers, `listChars` long from `[` to `]`, opens at `offset`. */
  function record(offset: number, listChars: number, token: string): string {
    const head = `{"a": "${pad(offset - 15)}", "b": `; // 15 characters and the padding
    const items = Array.from({ length: Math.floor((listChars - 2 + 2) / (token.length + 2)) }, () => token).join(', ');
    const list = `[${items}${' '.repeat(listChars - 2 - items.length)}]`; // spaces before `]` to the length wanted
    return `${head}${list}, "c": "${pad(70_000)}"}`;
  }

  it('wherever it starts against the samples, and however its tokens are written', () => {
    const half = BIG_LIST_CHARS / 2;
    const offsets = [15, 16, half - 1, half, half + 1, 2 * half - 1, 2 * half + 1, 3 * half + 7, 100_003];
    for (const offset of offsets) {
      for (const token of ['7', '-3.0', '1.2345678901234567e-300', 'NaN', '-Infinity']) {
        const text = record(offset, BIG_LIST_CHARS, token);
        expect(text.indexOf('[')).toBe(offset);
        expect(numberListSpan(text, offset)?.close).toBe(offset + BIG_LIST_CHARS - 1);
        expect({ offset, token, probe: mayHoldBigNumberList(text) }).toEqual({ offset, token, probe: true });
        expect(cutNumberLists(text)?.lists.map((list) => list.path)).toEqual([['b']]);
      }
    }
  });

  it('not in records holding many keys, long strings, or short lists only', () => {
    const keys = `{"values": {${Array.from({ length: 20_000 }, (_, index) => `"key${index}": ${index}`).join(', ')}}}`;
    const strings = `{"values": ["${'plain ascii text, \\u00e9 12345, '.repeat(10_000)}"]}`;
    const lists = `[${Array.from({ length: 20_000 }, (_, index) => `[${index}, ${index + 1}]`).join(', ')}]`;
    for (const text of [keys, strings, lists]) {
      expect(text.length).toBeGreaterThan(4 * BIG_LIST_CHARS);
      expect(mayHoldBigNumberList(text)).toBe(false);
    }
  });
});

describe('readNumberList allocates its array once, at its size', () => {
  jest.setTimeout(120_000);

  it.each(['ints', 'floats'])('%s: the capacity of its backing store is its length', (shape) => {
    for (const count of [1, 17, 1000, 9999]) {
      const run = runNumberListChild('readNumberList', shape, count);
      expect(run.length).toBe(count);
      const capacity = /- elements: \S+ <FixedArray\[(\d+)\]>/.exec(run.stdout);
      if (capacity === null) throw new Error(`no capacity in %DebugPrint's output: ${run.stdout.slice(0, 500)}`);
      expect(Number(capacity[1])).toBe(count);
    }
  });

  // 4 M items: 32 MB of array (8 bytes an item). Allowed: 10 % and 4 MiB more (node's own noise).
  const COUNT = 4_000_000;
  const BOUND = 8 * COUNT * 1.1 + 4 * 2 ** 20;

  it.each(['ints', 'floats'])('%s: the read adds no more than its array to the peak resident size', (shape) => {
    const run = runNumberListChild('readNumberList', shape, COUNT);
    expect(run.length).toBe(COUNT);
    expect(run.peak).toBeLessThanOrEqual(BOUND);
  });

  it('control: JSON.parse, which grows its array as it reads, breaks that bound', () => {
    const run = runNumberListChild('JSON.parse', 'ints', COUNT);
    expect(run.length).toBe(COUNT);
    expect(run.peak).toBeGreaterThan(BOUND);
  });
});

describe('cutNumberLists and putNumberLists read what the exact parser reads', () => {
  /** The cut text read exactly, the lists put back: the whole text's exact reading (or null when not cut). */
  function cutAndPut(text: string, minChars: number): PyJsonValue | null {
    const cut = cutNumberLists(text, minChars);
    if (cut === null) return null;
    const root = putNumberLists(parsePythonJson(cut.text, { fastPath: false }), cut);
    if (root === null) throw new Error(`${JSON.stringify(text)}: the lists do not fit what the cut text reads as`);
    return root;
  }

  function expectSameReading(texts: string[], minChars: number): void {
    const golden = python(texts);
    texts.forEach((text, at) => {
      const read = cutAndPut(text, minChars);
      if (read === null) throw new Error(`${JSON.stringify(text)}: not cut`);
      const difference = firstDifference(read, parsePythonJson(text, { fastPath: false }));
      if (difference !== null) throw new Error(`${JSON.stringify(text)}: differs at ${difference}`);
      expect({ text, written: stringifyPython(read) }).toEqual({ text, written: (golden[at] as { ok: string }).ok });
    });
  }

  it('lists at the root, in objects, in arrays, beside strings holding brackets, quotes and list-like text', () => {
    expectSameReading(
      [
        '[1, 2.0, -0.0]',
        ' \n[1, 2]\n ',
        '{"a": [1, 2], "b": [3.0, NaN]}',
        '[[1, 2], [3, 4], [], [[5.0]], "x", [6]]',
        '{"s": "[1, 2]", "t": "a\\"[1]", "u\\"[": "\\\\", "v": [7, 8]}',
        '{"arguments_preview": {"values": [-3.0, -2.0, 1e2, 9007199254740993]}, "z": {"k": [1]}}',
        '{"__proto__": [1, 2], "constructor": {"prototype": [3]}}',
        '{"2": [1.0], "1": [2], "a": 0}',
        '{"a": 3, "a": [1, 2]}',
        '{"x": {"a": [1]}, "y": {"a": 2}}',
        '[{"a": [1, 2]}, {"a": [3]}, {"a": 4}]',
        '{"\\u00e9": [1], "e": [2]}',
        '[1, true, [2, 3]]',
      ],
      1,
    );
  });

  it('random documents holding lists of numbers', () => {
    const number = fc.constantFrom('0', '-0', '1', '-3.0', '2.5', '1e2', '9007199254740993', 'NaN', '-Infinity');
    const list = fc.array(number, { minLength: 1, maxLength: 6 }).map((items) => `[${items.join(', ')}]`);
    const key = fc.constantFrom('"a"', '"b"', '"0"', '"1"', '"\\u0061"', '"[1]"', '"__proto__"');
    const scalar = fc.constantFrom('"x"', '"[2, 3]"', '"q\\"["', 'true', 'null', '4', '4.0', '[]', '{}');
    const value = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar,
        list,
        fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
        fc
          .array(fc.tuple(key, tie('value')), { maxLength: 4 })
          .map((members) => `{${members.map(([name, item]) => `${name}: ${item}`).join(', ')}}`),
      ),
    })).value;
    const texts = fc.sample(value, { numRuns: 400, seed: 1616 });
    const cut = texts.filter((text) => cutNumberLists(text, 1) !== null);
    expect(cut.length).toBeGreaterThan(100);
    expectSameReading(cut, 1);
    // not cut: no list of numbers, or a key written again (maybe on a list's path, after it)
    for (const text of texts.filter((item) => cutNumberLists(item, 1) === null)) {
      const why = !holdsNumberList(parsePythonJson(text, { fastPath: false })) || repeatsAKey(text);
      expect({ text, why }).toEqual({ text, why: true });
    }
  });

  it('not cut: a key on the path written again after the list, a list Python refuses, short lists', () => {
    for (const text of [
      '{"a": [1, 2], "a": 3}',
      '{"a": [1, 2], "\\u0061": 3}',
      '{"x": {"a": [1]}, "x": 1}',
      '{"x": [{"a": [1]}], "x": []}',
      '{"a": [1, 01]}',
      '{"a": [1, 2,]}',
      '[1, 2',
      '{"a": "[1, 2]}',
    ])
      expect({ text, cut: cutNumberLists(text, 1) }).toEqual({ text, cut: null });
    expect(cutNumberLists('{"a": [1, 2, 3]}', 10)).toBeNull();
    expect(cutNumberLists('{"a": [1, 2, 3]}', 9)?.text).toBe('{"a": []}');
  });

  it('a big record as pynenc writes it: one list cut, from BIG_LIST_CHARS characters', () => {
    const values = Array.from({ length: BIG_LIST_CHARS / 5 }, (_, index) => `${(index % 7) - 3}.0`).join(', ');
    const text = `{"trigger_run_id": "r", "arguments_preview": {"values": [${values}]}, "participants": []}`;
    const cut = cutNumberLists(text)!;
    expect(cut.text).toBe('{"trigger_run_id": "r", "arguments_preview": {"values": []}, "participants": []}');
    expect(cut.lists.map((list) => list.path)).toEqual([['arguments_preview', 'values']]);
    expect(firstDifference(cutAndPut(text, BIG_LIST_CHARS), parsePythonJson(text, { fastPath: false }))).toBeNull();
  });
});

/** Whether some key is written twice in `text` (in any objects: a superset of a repeat within one object). */
function repeatsAKey(text: string): boolean {
  const keys = (text.match(/"(?:[^"\\]|\\.)*"\s*:/g) ?? []).map(
    (key) => JSON.parse(key.slice(0, key.lastIndexOf(':')).trim()) as string,
  );
  return new Set(keys).size !== keys.length;
}

/** Whether `value` (the exact parser's reading) holds a non-empty list of numbers only. */
function holdsNumberList(value: PyJsonValue): boolean {
  if (value === null || typeof value !== 'object' || value instanceof PyFloat) return false;
  if (Array.isArray(value)) {
    const numbers = (item: PyJsonValue) => ['number', 'bigint'].includes(typeof item) || item instanceof PyFloat;
    if (value.length > 0 && value.every(numbers)) return true;
    return value.some(holdsNumberList);
  }
  return Object.values(value).some(holdsNumberList);
}
