/**
 * Texts holding big lists of numbers (BIG_LIST_CHARS characters or more) read count-first by fromJson and
 * parsePythonJson (src/pyjson/parse.ts, readNumberLists; src/pyjson/number-list.ts): each list into an array of its
 * size, the rest as before. They must read what the exact parser reads (fastPath: false: value, key orders, or error
 * code, path and message), and toJson of a valid record what pynenc's own from_json(text).to_json() writes
 * (codec_golden.py); the read's peak must be the list's array (a child process each: without count-first reading,
 * the peak is JSON.parse's, about three times more).
 */
import { type FromJsonOptions } from '../../src';
import { parsePythonJson } from '../../src/entries/pyjson';
import { BIG_LIST_CHARS, cutNumberLists } from '../../src/pyjson/number-list';
import { runNumberListChild } from '../support/number-list-child';
import { attempt, expectRunReadAsExact, expectSameOutcome } from '../support/read-outcome';
import { RUN_HEAD, runText, testPynencRoundTrips } from '../support/run-texts';

/** `count` tokens cycling through `tokens`, as a list's text. */
const list = (tokens: readonly string[], count: number): string =>
  `[${Array.from({ length: count }, (_, index) => tokens[index % tokens.length]).join(', ')}]`;

/** 16,000 ints (70 kB), 13,000 integral floats (71 kB), 8,000 numbers of every kind Python reads (79 kB). */
const INTS = list(['0', '1', '22', '-333', '4444'], 16_000);
const FLOATS = list(['-3.0', '-2.0', '-1.0', '0.0', '1.0', '2.0', '3.0'], 13_000);
const MIXED = list(
  ['-0', '-0.0', '1e2', '9007199254740993', '-9007199254740993', 'NaN', 'Infinity', '-Infinity', '2.5', '1.0e0', '7'],
  8_000,
);

test('each list is BIG_LIST_CHARS long or more', () => {
  for (const text of [INTS, FLOATS, MIXED]) expect(text.length).toBeGreaterThanOrEqual(BIG_LIST_CHARS);
});

/** Name, text, and whether cutNumberLists cuts it (not: the key on the list's path written again after it). */
const RECORDS: [string, string, boolean][] = [
  ['ints', runText(`{"values": ${INTS}}`), true],
  ['integral floats, as pynenc writes them', runText(`{"values": ${FLOATS}}`), true],
  ['numbers of every kind', runText(`{"values": ${MIXED}}`), true],
  ['two big lists, a short one, list-like strings', runText(`{"a": ${INTS}, "s": "[1, 2]", "b": ${FLOATS}}`), true],
  ['in a list of lists', runText(`{"m": [${MIXED}, [1, 2.0], ${INTS}]}`), true],
  ['beside array-index keys', runText(`{"1": 2.0, "v": ${INTS}, "0": -0}`), true],
  ['NaN and an integral float elsewhere in the record', runText(`{"x": NaN, "v": ${FLOATS}, "y": 1.0}`), true],
  ["the list's key written again in its object", runText(`{"v": ${INTS}, "v": 1}`), false],
  ['the member written again after the list', runText(`{"v": ${INTS}}`, { extra: '"arguments_preview": {}' }), false],
  [
    'the member written twice, the list in the last',
    runText('{}', { extra: `"arguments_preview": {"v": ${FLOATS}}` }),
    true,
  ],
  ['the same with an escaped key', runText('{"v": 1}', { extra: `"arguments\\u005fpreview": {"w": ${MIXED}}` }), true],
];

describe('records holding big lists of numbers: read as the exact parser and pynenc read them', () => {
  test.each(RECORDS)('%s: cut (%#)', (_name, text, cut) => {
    expect(cutNumberLists(text) !== null).toBe(cut);
  });
  testPynencRoundTrips(
    RECORDS.map(([name, text]) => [name, text] as const),
    expectRunReadAsExact,
  );
});

describe('refused as by the exact parser, with its error', () => {
  const head = (ids: string) => RUN_HEAD.replace('"valid_condition_ids": ["0ee0f733503234b9"]', ids);
  test.each([
    ['a big list where the contract wants ids', runText('{}', { head: head(`"valid_condition_ids": ${INTS}`) }), {}],
    ['a syntax error after the list', runText(`{"v": ${INTS}, "w": tru}`), {}],
    ['a token Python refuses in the list', runText(`{"v": ${INTS.slice(0, -1)}, 01]}`), {}],
    ['an int of 4,301 digits in the list', runText(`{"v": ${INTS.slice(0, -1)}, 1${'0'.repeat(4300)}]}`), {}],
    ['the depth limit crossed beside the list', runText(`{"v": ${INTS}, "d": [[[1]]]}`), { maxDepth: 4 }],
    ['the depth limit crossed by the list itself', runText(`{"v": [${INTS}]}`), { maxDepth: 3 }],
    [
      'the string limit crossed beside the list',
      runText(`{"v": ${INTS}, "s": "${'x'.repeat(50)}"}`),
      { maxStringLength: 40 },
    ],
  ] as [string, string, FromJsonOptions][])('%s', (_name, text, options) => {
    const outcome = expectRunReadAsExact(text, options);
    expect(outcome.ok).toBe(false);
  });
});

test('parsePythonJson of a big list, alone or in lists', () => {
  for (const text of [INTS, ` \n${MIXED}\n`, `[${FLOATS}, ${INTS}]`, `[[${INTS}]]`]) {
    expect(cutNumberLists(text)).not.toBeNull();
    expectSameOutcome(
      attempt(() => parsePythonJson(text)),
      attempt(() => parsePythonJson(text, { fastPath: false })),
    );
  }
});

describe('the read adds no more than the list to the peak resident size', () => {
  // 4 M items: 32 MB of array (8 bytes an item). Allowed: 10 % and 4 MiB more (node's own noise; the record's rest).
  const COUNT = 4_000_000;
  const BOUND = 8 * COUNT * 1.1 + 4 * 2 ** 20;
  jest.setTimeout(120_000);

  test.each([
    ['fromJson', 'ints'],
    ['fromJson', 'floats'],
    ['parsePythonJson', 'ints'],
    ['parsePythonJson', 'floats'],
  ])('%s, %s', (reader, shape) => {
    const out = runNumberListChild(reader, shape, COUNT);
    expect(out.length).toBe(COUNT);
    expect(out.peak).toBeLessThanOrEqual(BOUND);
  });
});
