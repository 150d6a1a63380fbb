/**
 * The runs of numbers stringifyPython writes as bytes (src/pyjson/stringify.ts, numberRun: lists with at least 16
 * numbers left) against the item-by-item path of short lists and against Python's json module: one-digit ints and
 * integral floats (numberRun's first test), -0 and -0.0, the edges where it hands over to writeDigits or stops the run
 * (±10, 2^53, 1e16), and positional floats. Every text is what Python writes back for the value it reads
 * (scripts/python/pyjson_golden.py).
 */
import { PyFloat, parsePythonJson, stringifyPython } from '../../src/entries/pyjson';
import { runOracle } from '../support/pynenc-python';

type Golden = { ok: string } | { error: string; msg: string; pos: number | null };

const EDGE_TOKENS = [
  ...['-9', '-1', '0', '1', '9', '-10', '10', '99', '-100'],
  ...['-9.0', '-1.0', '0.0', '-0.0', '1.0', '9.0', '-10.0', '10.0', '123.0'],
  ...['9007199254740991', '-9007199254740991', '9007199254740992', '12345678901234567890'],
  ...['9999999999999998.0', '1e+16', '-1e+16', '0.5', '-2.25', '0.0001', '1e-05', 'NaN', 'Infinity'],
];

/** A list of `count` tokens drawn from EDGE_TOKENS by a fixed linear congruence (the same every run). */
function tokens(count: number, seed: number): string[] {
  const out: string[] = [];
  let state = seed;
  for (let index = 0; index < count; index++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(EDGE_TOKENS[state % EDGE_TOKENS.length]!);
  }
  return out;
}

describe('stringifyPython: runs of numbers', () => {
  const texts = [
    `[${EDGE_TOKENS.join(', ')}]`,
    ...[1, 2, 3, 4, 5, 6].map((seed) => `[${tokens(40 + seed * 7, seed).join(', ')}]`),
    `[${tokens(20, 7).join(', ')}, "x", ${tokens(20, 8).join(', ')}]`,
  ];

  test('a run writes each number as the item-by-item path writes it alone', () => {
    for (const text of texts) {
      const list = parsePythonJson(text) as unknown[];
      expect(list.length).toBeGreaterThanOrEqual(16);
      const alone = list.map((item) => stringifyPython([item]).slice(1, -1));
      expect(stringifyPython(list)).toBe(`[${alone.join(', ')}]`);
    }
  });

  test('one-digit values written by the run keep their kind: int, float, -0.0', () => {
    const list: unknown[] = [];
    for (let digit = -9; digit <= 9; digit++) list.push(digit, new PyFloat(digit));
    list.push(-0, new PyFloat(-0));
    const written = stringifyPython(list);
    const expected = [];
    for (let digit = -9; digit <= 9; digit++) expected.push(String(digit), `${digit}.0`);
    // a JavaScript -0 is no int (Python has no negative int zero): it is written as the float -0.0, as alone
    expected.push(stringifyPython([-0]).slice(1, -1), '-0.0');
    expect(expected.at(-2)).toBe('-0.0');
    expect(written).toBe(`[${expected.join(', ')}]`);
  });

  test('its texts are what Python writes back for the value it reads', () => {
    const written = texts.map((text) => stringifyPython(parsePythonJson(text)));
    const golden = runOracle<Golden[]>('pyjson_golden.py', { mode: 'roundtrip', cases: [...texts, ...written] });
    texts.forEach((text, index) => {
      expect(golden[index]).toEqual({ ok: written[index] });
      expect(golden[texts.length + index]).toEqual({ ok: written[index] });
    });
  });
});
