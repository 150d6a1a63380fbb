/**
 * stringifyPython's bulk paths (src/pyjson/stringify.ts): runs of numbers written as bytes (ints digit by digit,
 * integral PyFloats with `.0`, positional floats), long strings escaped as bytes, and large lists and dicts, all
 * into the byte sink (SINK; its buffers' ends: byte-sink.test.ts). Each text is checked against Python's json
 * module (scripts/python/pyjson_golden.py, `json.dumps(json.loads(text))` must give it back: it is what Python writes
 * for the value it reads) and read back with parsePythonJson to the value written (so it is the text of that value,
 * not of another).
 */
import { PyFloat, parsePythonJson, stringifyPython } from '../../src/entries/pyjson';
import { runOracle } from '../support/pynenc-python';
import { expectSameValue } from '../support/same-value';
import { asRead, randomSource } from '../support/written-values';

type Golden = { ok: string } | { error: string; msg: string; pos: number | null };

const random = randomSource(16);
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** An int of 1 to 16 digits, either sign. */
function int(): number {
  const digits = 1 + Math.floor(random() * 16);
  const value = Math.min(MAX_SAFE, Math.floor(random() * 10 ** digits));
  return random() < 0.5 && value !== 0 ? -value : value; // never -0: it ends a run of numbers
}

const EDGE_INTS = [0, 1, -1, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 32, MAX_SAFE, -MAX_SAFE, 1e15];
const EDGE_FLOATS = [1e-4, 9.999e-5, 0.1, 0.30000000000000004, 123.456, 9999999999999998.5, 1e16, 1e21, 5e-324];
const EDGE_PY_FLOATS = [0, 1, -3, 1e15, 9999999999999998, 1e16, 2 ** 53, 1e22, 2.5, -0, NaN, Infinity];

/** A list mixing runs of every number kind with items that end a run. */
function mixedList(length: number): unknown[] {
  const list: unknown[] = [];
  while (list.length < length) {
    const kind = random();
    const run = 1 + Math.floor(random() * 40);
    for (let index = 0; index < run; index++) {
      if (kind < 0.3) list.push(int());
      else if (kind < 0.45) list.push(new PyFloat(Math.trunc(int() / 7)));
      else if (kind < 0.6) list.push((random() - 0.5) * 10 ** Math.floor(random() * 24 - 6));
      else if (kind < 0.7) list.push(EDGE_INTS[index % EDGE_INTS.length]!);
      else if (kind < 0.78) list.push(EDGE_FLOATS[index % EDGE_FLOATS.length]!);
      else if (kind < 0.86) list.push(new PyFloat(EDGE_PY_FLOATS[index % EDGE_PY_FLOATS.length]!));
      else if (kind < 0.9) list.push(-0, NaN, -Infinity, BigInt(MAX_SAFE) + 2n);
      else if (kind < 0.95) list.push('text', null, true, [int(), new PyFloat(2)], {});
      else list.push({ a: int() });
    }
  }
  return list;
}

const PIECES = [
  'plain ',
  'Zürich ',
  '😀',
  '\ud83d',
  '\ude00',
  '"',
  '\\',
  '\n',
  '\t',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u2028',
];

/** A string of about `length` code units with every kind of character json.dumps escapes. */
function text(length: number): string {
  let out = '';
  while (out.length < length) out += PIECES[Math.floor(random() * PIECES.length)];
  return out;
}

function dict(size: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let index = 0; index < size; index++) {
    out[index % 5 === 0 ? `k\u00e9y "${index}"` : `key${index}`] = index % 3 === 0 ? text(5) : int();
  }
  return out;
}

const VALUES: [string, unknown][] = [
  ['100,000 numbers of every kind, runs crossing the byte buffer', mixedList(100_000)],
  ['ints only', Array.from({ length: 50_000 }, int)],
  ['integral PyFloats only', Array.from({ length: 50_000 }, () => new PyFloat(Math.trunc(int() / 3)))],
  [
    'every edge number alone and in a run',
    [...EDGE_INTS, ...EDGE_FLOATS, ...EDGE_PY_FLOATS.map((x) => new PyFloat(x))],
  ],
  [
    'lists of 14 to 40 of the longest numbers (the byte buffer sized to the list)',
    Array.from({ length: 27 }, (_, size) =>
      Array.from(
        { length: 14 + size },
        (_item, index) =>
          [-MAX_SAFE, new PyFloat(-9999999999999998), -0.00012345678901234567, -1234567890.1234567][index % 4],
      ),
    ),
  ],
  [
    "long strings crossing the sink's buffer (sized for the first, 8 times larger as it fills)",
    [text(300), text(16_383), text(16_384), text(16_385), text(70_000)],
  ],
  ['a long string of nothing to escape and one of escapes only', ['x'.repeat(20_000), '\u00e9'.repeat(20_000)]],
  ['a dict of 30,000 keys, some escaped', dict(30_000)],
  ['nested: lists of dicts of lists', Array.from({ length: 300 }, (_, index) => ({ [`n${index}`]: mixedList(50) }))],
];

describe('stringifyPython writes what Python writes for the value it reads', () => {
  const texts = VALUES.map(([, value]) => stringifyPython(value));
  const golden = runOracle<Golden[]>('pyjson_golden.py', { mode: 'roundtrip', cases: texts });

  test.each(VALUES.map(([name, value], index) => [name, value, index] as const))('%s', (_name, value, index) => {
    const written = texts[index]!;
    expect(golden[index]).toEqual({ ok: written });
    expectSameValue(parsePythonJson(written), asRead(value));
  });
});

test('a hole in a long list of numbers is refused with its index', () => {
  const list: unknown[] = Array.from({ length: 10_000 }, (_, index) => index);
  delete list[7_777];
  expect(() => stringifyPython(list)).toThrow(expect.objectContaining({ path: '/7777' }) as Error);
});
