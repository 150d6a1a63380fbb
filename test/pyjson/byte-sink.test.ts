/**
 * stringifyPython's byte sink (src/pyjson/stringify.ts, SINK): once a value holds a run of numbers, a string to
 * escape of 256 characters or more, or a list or dict of 64 items or more, the rest of its text is written as bytes
 * into one buffer (sized for what started it, 8 times larger each time it fills, up to 1 MiB and a few bytes), made
 * into text each time it fills. Every value here is bigger than two full buffers, so that strings, keys, numbers and
 * separators cross the buffer's end at many places; each text is compared with Python's json.dumps of the same value
 * (scripts/python/pyjson_golden.py: `dumps` of the value's JSON.stringify text, where that text carries the value
 * whole; else `roundtrip`, Python writing back the text it reads, and parsePythonJson reading the value back).
 * Errors keep the JSON path of the item that cannot be written, as in a value too small for the sink.
 */
import { PyFloat, parsePythonJson, pythonStringRepr, stringifyPython } from '../../src/entries/pyjson';
import { PythonJsonWriteError } from '../../src/pyjson/errors';
import { runOracle } from '../support/pynenc-python';
import { expectSameValue } from '../support/same-value';
import { thrownBy } from '../support/thrown';
import { asRead, randomSource } from '../support/written-values';

type Golden = { ok: string } | { error: string; msg: string; pos: number | null };

/** Over two full buffers of the sink (1 MiB each). */
const TEXT_BYTES = 2.2 * 1024 * 1024;

/** Characters by the width json.dumps escapes them to: 1 byte, 2 (`\n`), 6 (`\uXXXX`), 12 (an astral pair). */
const KINDS: [string, string][] = [
  ['plain', 'a'],
  ['two-byte escape', '\n'],
  ['quote and backslash', '"\\'],
  ['\\u00XX control', '\u0001'],
  ['DEL', '\u007f'],
  ['non-ASCII', '\u00e9'],
  ['astral pair', '😀'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', '\udfff'],
  ['mixed', 'a\n😀\ud800é"'],
];

/** Width in bytes of `unit` as json.dumps writes it (to size the texts). */
function escapedWidth(unit: string): number {
  return JSON.parse(JSON.stringify(pythonStringRepr(unit))).length - 2;
}

/**
 * A list that starts the sink with a run of 16 numbers, then strings of `unit` each after a plain filler of 0 to 11
 * characters (so that the strings start at every offset modulo an escape's width), to over TEXT_BYTES of text.
 */
function stringsList(unit: string): unknown[] {
  const list: unknown[] = Array.from({ length: 16 }, (_, index) => index);
  const repeat = Math.ceil(20_000 / escapedWidth(unit));
  let bytes = 0;
  for (let filler = 0; bytes < TEXT_BYTES; filler = (filler + 1) % 12) {
    list.push('x'.repeat(filler), unit.repeat(repeat + filler));
    bytes += filler + (repeat + filler) * escapedWidth(unit);
  }
  return list;
}

/** A dict of keys made of `unit` (each made unique by its index), values a number or a short string. */
function keysDict(unit: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const repeat = Math.ceil(900 / escapedWidth(unit));
  let bytes = 0;
  for (let index = 0; bytes < TEXT_BYTES; index++) {
    out[`${unit.repeat(repeat + (index % 7))}${index}`] = index % 2 === 0 ? index : unit;
    bytes += (repeat + (index % 7)) * escapedWidth(unit);
  }
  return out;
}

describe('the byte sink: strings and keys crossing its buffers, at each escape width', () => {
  const values: [string, unknown][] = KINDS.flatMap(([name, unit]) => [
    [`strings: ${name}`, stringsList(unit)] as [string, unknown],
    [`keys: ${name}`, keysDict(unit)] as [string, unknown],
  ]);
  const texts = values.map(([, value]) => stringifyPython(value));
  const golden = runOracle<string[]>('pyjson_golden.py', {
    mode: 'dumps',
    cases: values.map(([, value]) => ({ text: JSON.stringify(value), wrap: false })),
  });

  test.each(values.map(([name], index) => [name, index] as const))('%s', (_name, index) => {
    expect(texts[index]!.length).toBeGreaterThan(TEXT_BYTES);
    expect(texts[index]).toBe(golden[index]);
  });

  test('a long string alone (pythonStringRepr) is written by the same sink', () => {
    for (const [, unit] of KINDS) {
      const text = unit.repeat(Math.ceil(TEXT_BYTES / escapedWidth(unit)));
      expect(pythonStringRepr(text)).toBe(stringifyPython([text]).slice(1, -1));
    }
  });
});

const random = randomSource(1616);

/** Items of every kind the writer writes, mixed: runs of numbers between strings, literals, containers. */
function mixedItems(count: number): unknown[] {
  const items: unknown[] = [];
  while (items.length < count) {
    const kind = random();
    const run = 1 + Math.floor(random() * 40);
    if (kind < 0.25) for (let index = 0; index < run; index++) items.push(Math.floor((random() - 0.5) * 2 ** 40));
    else if (kind < 0.4) for (let index = 0; index < run; index++) items.push(new PyFloat(Math.floor(random() * 99)));
    else if (kind < 0.5) items.push((random() - 0.5) * 1e6, NaN, -Infinity, -0, new PyFloat(1e300), 1e-7);
    else if (kind < 0.6) items.push(BigInt(Math.floor(random() * 1e15)) ** 3n, -(2n ** 70n));
    else if (kind < 0.75) items.push(KINDS[Math.floor(random() * KINDS.length)]![1].repeat(run * 9), 'plain text');
    else if (kind < 0.85) items.push(null, true, false, [], {});
    else items.push({ [`k\u00e9y ${items.length}`]: [items.length, 'v'], n: new PyFloat(2) });
  }
  return items;
}

describe('the byte sink: numbers, strings and containers sharing its buffers', () => {
  const values: [string, unknown][] = [
    ['a list of runs of numbers between strings, literals and dicts', mixedItems(150_000)],
    [
      'runs of ints and integral PyFloats, each ended by a string, so that each run starts where a string ended',
      Array.from({ length: 12_000 }, (_, index) => [
        ...Array.from({ length: 16 + (index % 5) }, (_item, at) => (index * 31 + at) % 1000),
        'é'.repeat(index % 13),
        ...Array.from({ length: 16 }, (_item, at) => new PyFloat(at - 8)),
      ]).flat(),
    ],
    [
      'nested: dicts of lists of dicts, each small, the whole over two buffers',
      Array.from({ length: 3_000 }, (_, index) => ({
        [`n${index}`]: mixedItems(12),
        inner: { list: [index, [index, { deep: 'é\n'.repeat(index % 9) }]], empty: {} },
      })),
    ],
    [
      'ints beyond 2^53 of up to 4,300 digits (written by put, crossing the buffer inside their digits)',
      Array.from({ length: 1_300 }, (_, index) => 7n ** BigInt(100 + ((index * 37) % 4900))),
    ],
  ];
  const texts = values.map(([, value]) => stringifyPython(value));
  const golden = runOracle<Golden[]>('pyjson_golden.py', { mode: 'roundtrip', cases: texts });

  test.each(values.map(([name, value], index) => [name, value, index] as const))('%s', (_name, value, index) => {
    const written = texts[index]!;
    expect(written.length).toBeGreaterThan(TEXT_BYTES);
    expect(golden[index]).toEqual({ ok: written });
    expectSameValue(parsePythonJson(written, { maxDocumentLength: written.length }), asRead(value));
  });
});

describe('the byte sink: errors keep their JSON paths', () => {
  /** What stringifyPython throws for `value`. */
  function thrown(value: unknown): PythonJsonWriteError {
    const err = thrownBy(() => stringifyPython(value));
    if (err instanceof PythonJsonWriteError) return err;
    throw err;
  }

  /** `bad` placed deep inside a value too small for the sink and inside one that is written into it. */
  function small(bad: () => unknown): unknown {
    return { values: [1, 'é', { [`k"\u00e9y`]: [2, bad()] }] };
  }
  function big(bad: () => unknown): unknown {
    const values: unknown[] = mixedItems(60_000);
    values.push({ [`k"\u00e9y`]: [2, bad()] });
    return { values };
  }

  const cases: [string, () => unknown][] = [
    ['undefined', () => undefined],
    ['a function', () => () => 1],
    ['a symbol', () => Symbol('s')],
    ['a Map', () => new Map()],
    ['a sparse hole', () => Array.from({ length: 3 }).concat(new Array<unknown>(2), [1])],
    [
      'a cycle',
      () => {
        const cycle: unknown[] = [1];
        cycle.push(cycle);
        return cycle;
      },
    ],
  ];

  test.each(cases)('%s', (_name, bad) => {
    const inSmall = thrown(small(bad));
    const inBig = thrown(big(bad));
    const at = (value: unknown) => ((value as { values: unknown[] }).values.length - 1).toString();
    expect(inBig.reason).toBe(inSmall.reason);
    // the same path below the item, under its index in each list (`"` and the key as JSON pointer escapes them)
    expect(inSmall.path.startsWith(`/values/2/k"\u00e9y/1`)).toBe(true);
    const bigValue = big(bad);
    expect(thrown(bigValue).path).toBe(inSmall.path.replace('/values/2/', `/values/${at(bigValue)}/`));
  });
});
