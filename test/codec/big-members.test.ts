/**
 * A big root member judged from its text (src/pyjson/fast-path.ts, memberTextAsIs): in a text of 64 KiB or more,
 * fromJson decides whether arguments_preview may be kept as JSON.parse read it by reading the member's text (number
 * tokens, keys, brackets) instead of walking the value. Each case is one way that reading could be mistaken: an
 * array-index key (plain, escaped, nested, beside non-index digit keys), brackets, digits and quotes inside strings,
 * a number token JSON.parse reads differently, a duplicate key (inside the member, or of the member itself), the
 * depth limit crossed inside the member or in a part JSON.parse dropped. The default path must give what the exact
 * parser gives (fastPath: false), for fromJson and parsePythonJson alike, and toJson(fromJson(text)) what pynenc's own
 * TriggerRunRecord.from_json(text).to_json() writes (codec_golden.py).
 */
import fc from 'fast-check';
import { type FromJsonOptions } from '../../src';
import { parsePythonJson } from '../../src/entries/pyjson';
import { objectText, valueText } from '../support/arbitraries';
import { attempt, expectRunReadAsExact, expectSameOutcome, type Outcome } from '../support/read-outcome';
import { runText, testPynencRoundTrips, type RunTextOptions } from '../support/run-texts';

/** 70,000 characters: a text holding it is past the 64 KiB from which the member's text is read. */
const PAD = 'p'.repeat(70_000);
/** 14,000 ints (`0, 1, …`, 78 kB of number tokens). */
const INTS = Array.from({ length: 14_000 }, (_, index) => index).join(', ');

/** A run text; the summary pads it past 64 KiB unless the preview is big itself. */
const record = (preview: string, options: RunTextOptions = {}): string =>
  runText(preview, { summary: PAD, ...options });

/**
 * fromJson by default reads what the exact parser reads (value, Python's key orders, or error code and path), and so
 * does parsePythonJson (which judges a big member from its text too).
 */
function readRecord(text: string, extra: FromJsonOptions = {}): Outcome {
  expect(text.length).toBeGreaterThanOrEqual(64 * 1024);
  return expectRunReadAsExact(text, extra);
}

const RECORDS: [string, string][] = [
  ['a list of plain ints', record(`{"v": [${INTS}]}`, { summary: 'plain' })],
  ['plain ints in an object, the text padded after it', record('{"a": 1, "b": {"c": [2, -3]}}')],
  ['an array-index key', record(`{"b": 1, "1": 2, "v": [${INTS}]}`, { summary: 'plain' })],
  ['an array-index key, escaped', record('{"b": 1, "\\u0031": 2}')],
  ['an array-index key, nested in a list', record('{"b": [{"x": 1, "0": 2}]}')],
  ['the largest array-index key', record('{"b": 1, "4294967294": 2}')],
  ['digit keys that are no array index', record('{"b": 1, "4294967295": 2, "01": 3, "1.5": 4, "-1": 5}')],
  ['an escaped digit key that is no array index', record('{"b": 1, "\\u0030\\u0031": 2}')],
  ['brackets, digits and quotes in strings', record('{"s": "[[{\\"1\\": 1.0, -0]", "t": "\\\\", "u": ["]", 7]}')],
  ['a key of a quote and digits', record('{"\\"1": 1, "k\\\\": [2]}')],
  ['an integral float last in a long list', record(`{"v": [${INTS}, 1.0]}`, { summary: 'plain' })],
  ['the int -0, alone', record('{"a": [1, -0], "b": -0}')],
  ['the int -0 last in a long list', record(`{"v": [${INTS}, -0]}`, { summary: 'plain' })],
  ['-0.0 in a long list', record(`{"v": [${INTS}, -0.0, 0.0]}`, { summary: 'plain' })],
  [
    'integral floats written otherwise than Python writes them, in a long list',
    record(`{"v": [${INTS}, 1.0e0, -2.0E+0, 10.0e-1, 1.00, 100.0e-2, 5.0e1, 0.0e0, -0.0, 999.0, -999.0, 1000.0]}`, {
      summary: 'plain',
    }),
  ],
  ['-0, 1e2 and an int beyond 2^53', record('{"a": [-0, 1e2, 9007199254740993, -0.0, 2.5]}')],
  ['whitespace of every kind between tokens', record('{"a" :\n[1 ,\t2 ,\r\n-3\n] , "b":{ } ,"c" : [ ]}')],
  ['a duplicate inside the member', record('{"a": [[1, 2]], "b": 3, "a": {"1": 2}}')],
  ['the member written twice, an index key in the first', record('{"1": 2}', { extra: '"arguments_preview": {}' })],
  [
    'the member written twice, an index key in the last',
    record('{"a": 1}', { extra: '"arguments_preview": {"1": 2}' }),
  ],
  [
    'the member written twice with escapes, an integral float in the last',
    record('{"a": 1}', { extra: '"arguments\\u005fpreview": {"b": 2.0}' }),
  ],
  ['empty containers nested', record('{"a": [[], {}, [[]], {"b": {}}]}')],
];

describe('a big arguments_preview judged from its text: read as the exact parser and pynenc read it', () => {
  testPynencRoundTrips(RECORDS, readRecord);
});

describe('the depth limit inside a big member', () => {
  const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
  test.each([
    [3, 5, true], // record (1) + preview (2) + 3 arrays: depth 5
    [4, 5, false],
    [9, 11, true],
    [10, 11, false],
  ])('%i arrays inside it under maxDepth %i (ok: %s)', (levels, maxDepth, ok) => {
    const outcome = readRecord(record(`{"a": ${nested(levels)}}`), { maxDepth });
    expect(outcome.ok).toBe(ok);
    if (!outcome.ok) expect(outcome.error.code).toBe('LIMIT_DEPTH');
  });
  test('crossed in a duplicate key inside it, which JSON.parse drops', () => {
    const outcome = readRecord(record(`{"a": ${nested(4)}, "a": 2}`), { maxDepth: 5 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('LIMIT_DEPTH');
  });
  test('crossed in an earlier copy of the member itself', () => {
    const text = record(`{"a": ${nested(4)}}`, { extra: '"arguments_preview": {"b": 1}' });
    const outcome = readRecord(text, { maxDepth: 5 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('LIMIT_DEPTH');
  });
});

describe('random big members: the default path reads what the exact parser reads', () => {
  const scalar = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.integer({ min: -1000, max: 1000 }).map((n) => `${n}.0`),
    fc.constantFrom('1e2', '-0', '-0.0', '9007199254740993', '2.5', '"1.0"', '"[{\\"0\\": "', 'null', 'true'),
  );
  const key = fc.constantFrom('a', 'b', '0', '7', '\\u0032', '01', 'arguments_preview', '1.0');
  const value = valueText(scalar, key);
  const preview = objectText(key, value);
  test('300 records, duplicates of arguments_preview included', () => {
    fc.assert(
      fc.property(preview, fc.option(preview), fc.boolean(), (first, second, inside) => {
        // padded inside the member (a long list of ints) or after it (the summary)
        const padded = inside ? first.replace(/^\{/, `{"pad": [${INTS}]${first === '{}' ? '' : ', '}`) : first;
        const text = record(padded, {
          ...(second === null ? {} : { extra: `"arguments_preview": ${second}` }),
          ...(inside ? { summary: 'plain' } : {}),
        });
        readRecord(text);
        readRecord(text, { maxDepth: 6 });
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});

describe('random big root objects: parsePythonJson reads what the exact parser reads', () => {
  // any root member whose value is an object is judged from its text; keys spelled with escapes and escaped quotes
  // (`"a\\"x"` holds the text `"x"`), integral floats around the patch's 3-digit shortcut, whitespace around tokens
  // (mostly plain ints: a member with one number token JSON.parse may read differently is walked, not judged)
  const number = fc.oneof(
    { arbitrary: fc.integer({ min: -1200, max: 1200 }).map(String), weight: 6 },
    fc.integer({ min: -1200, max: 1200 }).map((n) => `${n}.0`),
    fc.integer({ min: -1200, max: 1200 }).map((n) => `${n}.00`),
    fc.constantFrom('1e2', '-0', '-0.0', '0.0', '9007199254740993', '2.5', '9.0E1', '0.9999999999999999999', '1e400'),
  );
  const space = fc.constantFrom('', ' ', '\n', ' \t ', '\r\n');
  // (escapes rare: one after a member, anywhere, sends that member to the walk)
  const key = fc.oneof(
    { arbitrary: fc.constantFrom('a', 'b', '0', '7', '01', 'x', '4294967295'), weight: 6 },
    fc.constantFrom('\\u0032', '\\u0078', 'a\\"x', '\\"x'),
  );
  // (no array-index key at the root, which sends the text to the exact parser before any member is looked at)
  const rootKey = fc.oneof(
    { arbitrary: fc.constantFrom('a', '01', 'x', '4294967295'), weight: 6 },
    fc.constantFrom('\\u0078', 'a\\"x', '\\"x'),
  );
  const value: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      number,
      fc.constantFrom('"1.0"', '"[{\\"0\\": "', 'null', '"\\"x\\": [1.0]"'),
      fc
        .array(fc.tuple(space, tie('value'), space), { maxLength: 6 })
        .map((items) => `[${items.map(([before, item, after]) => before + item + after).join(',')}]`),
      fc
        .array(fc.tuple(key, tie('value'), space), { maxLength: 4 })
        .map((members) => `{${members.map(([name, item, gap]) => `"${name}"${gap}:${gap}${item}`).join(', ')}}`),
    ),
  })).value;
  const pads = [
    `"pad": "${PAD}"`,
    `"pad": [${INTS}]`,
    `"pad": {"q": [${INTS}]}`,
    `"pad": {"q": [${INTS.replace(/\d+/g, '$&.0')}]}`,
  ];
  test('150 texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rootKey, value), { minLength: 1, maxLength: 5 }),
        fc.nat(pads.length - 1),
        fc.nat(5),
        (members, pad, at) => {
          const list = members.map(([name, item]) => `"${name}": ${item}`);
          list.splice(Math.min(at, list.length), 0, pads[pad]!);
          const text = `{${list.join(', ')}}`;
          for (const maxDepth of [undefined, 4]) {
            expectSameOutcome(
              attempt(() => parsePythonJson(text, { maxDepth })),
              attempt(() => parsePythonJson(text, { maxDepth, fastPath: false })),
            );
          }
        },
      ),
      { numRuns: 150, seed: 16 },
    );
  });
});
