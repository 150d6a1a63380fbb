/**
 * The fast path's partial re-read (src/pyjson/parse.ts, readFastExact): JSON.parse's reading is kept but for the
 * root members whose values hold a number JSON.parse may have read differently (`1.0`, `1e2`, `-0`, ints beyond
 * 2^53), which the exact parser reads again from their place in the text. Each case is one way the place could be
 * mistaken (a key's text elsewhere, duplicate keys, escaped spellings, braces in strings) or a limit crossed inside
 * the re-read part. The default path must give what the exact parser gives (fastPath: false), and
 * toJson(fromJson(text)) what pynenc's own TriggerRunRecord.from_json(text).to_json() writes (codec_golden.py);
 * parsePythonJson what Python's json module reads (pyjson_golden.py).
 */
import fc from 'fast-check';
import { parsePythonJson, stringifyPython } from '../../src/entries/pyjson';
import { objectText, valueText } from '../support/arbitraries';
import { readAnyAsExact, readRecordAsExact } from '../support/read-outcome';
import { runOracle } from '../support/pynenc-python';
import {
  RUN_HEAD,
  runText,
  testPynencRoundTrips,
  testPyjsonRoundTrips,
  testRandomRecordsReadAsExact,
  type RunTextOptions,
} from '../support/run-texts';

/** A run text whose timestamps have UTC offsets with seconds and microseconds, as pynenc may write them. */
const record = (preview: string, options: RunTextOptions = {}): string =>
  runText(preview, {
    claimedAt: '2026-02-02T11:38:40-11:00',
    contextTimestamp: '2026-02-11T04:53:04.250000+13:45:30.250000',
    ...options,
  });

/** Texts a valid TriggerRunRecord, each read by pynenc and by us. */
const RECORDS: [string, string][] = [
  ['an integral float at depth 5', record('{"a": {"b": [1, [2.5, {"c": [1.0]}]]}}')],
  ['ints beyond 2^53 and exponents at depth', record('{"a": [[9007199254740993, 1e2, 1E+2, -0.0, -0]]}')],
  ['only plain ints (JSON.parse kept)', record('{"a": [1, 2, 3], "b": {"c": -4}}')],
  [
    'the key as a string value before it',
    record('{"x": 1.0}').replace('"bench.tasks.process_order"', '"arguments_preview"'),
  ],
  [
    'the key and a colon inside a string before it',
    record('{"x": 1.0}').replace('"bench.tasks.process_order"', '"\\"arguments_preview\\": 1.0, {"'),
  ],
  ['a brace in a string before it', record('{"x": 2.0}').replace('process_order', 'process{order}')],
  ['the key nested inside its own value', record('{"arguments_preview": 1.0, "y": {"arguments_preview": [2.0]}}')],
  ['the key in a string after it', record('{"x": 1.0}', { summary: '\\"arguments_preview\\": 3.0' })],
  ['the key text as a summary after it', record('{"x": 1.0}', { summary: 'arguments_preview' })],
  ['a DEL escape after it (json.dumps writes \\u007f)', record('{"x": 1.0}', { summary: 'del \\u007f' })],
  ['an escaped printable character after it', record('{"x": 1.0}', { summary: 'A is \\u0041' })],
  ['duplicate: first with 1.0, last plain', record('{"x": 1.0}', { extra: '"arguments_preview": {"y": 2}' })],
  ['duplicate: first plain, last with 1.0', record('{"x": 2}', { extra: '"arguments_preview": {"y": 2.0}' })],
  ['duplicate: both with floats', record('{"x": 1.0}', { extra: '"arguments_preview": {"y": [3.0, 1e22]}' })],
  [
    'duplicate spelled with escapes, after it',
    record('{"x": 1.0}', { extra: '"arguments\\u005fpreview": {"z": 5.0}' }),
  ],
  [
    'duplicate spelled with escapes, before it',
    record('{"x": 1.0}', { head: `${RUN_HEAD}, "\\u0061rguments_preview": {"w": 7.0}` }),
  ],
  ["a number as arguments_preview's neighbour string", record('{"1.0": "2.0", "k": ", 3.0"}')],
  ['big int then float in one array', record('{"v": [18446744073709551616, 2.0]}')],
  [
    'the key inside a duplicate the last hides, before it',
    record('{"x": 1.0}', {
      head: RUN_HEAD.replace('"trigger_id": ', '"trigger_id": {"arguments_preview": 5.0}, "trigger_id": '),
    }),
  ],
];

describe('fromJson: the re-read part found and read exactly', () => {
  testPynencRoundTrips(RECORDS, readRecordAsExact);
});

describe('the limits hold inside the re-read part', () => {
  // arguments_preview at depth 2, its contents deeper: depth 1 + nesting
  const nested = (levels: number) => `${'['.repeat(levels - 1)}1.0${']'.repeat(levels - 1)}`;
  test.each([
    [4, 4, true], // record (1) + preview (2) + 2 arrays: depth 4
    [4, 3, false],
    [10, 10, true],
    [10, 9, false],
  ])('nesting %i under maxDepth %i (ok: %s)', (levels, maxDepth, ok) => {
    const text = record(`{"a": ${nested(levels - 1)}}`);
    expect(readRecordAsExact(text, { maxDepth }).ok).toBe(ok);
  });
  test('the depth limit crossed in a duplicate the re-read part hides', () => {
    const text = record('{"a": [[[[1.0]]]]}', { extra: '"arguments_preview": {"b": 2.0}' });
    const outcome = readRecordAsExact(text, { maxDepth: 5 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('LIMIT_DEPTH');
  });
  const long = 'x'.repeat(60); // longer than any other string of the record (timestamps: 44)
  test.each([
    [60, true],
    [59, false],
  ])('a 60-character string beside a float under maxStringLength %i (ok: %s)', (maxStringLength, ok) => {
    const outcome = readRecordAsExact(record(`{"a": 1.0, "s": ["${long}"]}`), { maxStringLength });
    expect(outcome.ok).toBe(ok);
    if (!outcome.ok)
      expect([outcome.error.code, outcome.error.path]).toEqual(['LIMIT_STRING_LENGTH', '/arguments_preview/s/0']);
    expect(readAnyAsExact(`{"a": 1.0, "s": "${long}"}`, { maxStringLength }).ok).toBe(ok);
  });
  test('an int of 4301 digits in a duplicate hidden by the last is still refused', () => {
    const text = record(`{"a": ${'9'.repeat(4301)}}`, { extra: '"arguments_preview": {"b": 1.0}' });
    const outcome = readRecordAsExact(text);
    expect(outcome.ok).toBe(false);
  });
});

describe('parsePythonJson: root members re-read, the rest kept', () => {
  const TEXTS = [
    '{"a": 1.0, "b": "x", "c": [2.0, {"d": 3}]}',
    '{"a": "{", "b": 1.0}',
    '{"a": {"b": 1.0}, "b": 2.0, "a": [1e2]}',
    '{"a": 1.0, "a": 2}',
    '{"\\u0061": 1.0, "a": 2.5}',
    '{"a": 2.5, "\\u0061": 1.0}',
    '{"a b": 1.0, "a-b.c": {"x": -0}}',
    '{"é": 1.0, "x": [1, 2]}',
    '[1.0, {"a": 2.0}]',
    '{"a": 1.0, "b": NaN}',
    '{"a": [1.0, 2.0], "b": {"c": "1.0"}, "d": 9007199254740993}',
    '  {  "a"  :  1.0  ,  "b"  :  [ 2.0 ]  }  ',
    '{"x": {"b": 2.5}, "b": 1.0}',
    '{"a": {"b": "s"}, "a": "t", "b": 1.0}',
    '{"\\u0062": 1.0, "x": {"b": 2.5}}',
    // a key holding a quote whose text the spellings of two other members make up (ExactParser.patchKey)
    '{"x": {"b": 0, "a": 0, "a":1,"b": 5.0, "a\\":1,\\"b": 5}, "y": "s"}',
  ];
  testPyjsonRoundTrips(TEXTS);
});

describe('random records: the default path reads what the exact parser reads', () => {
  const scalar = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.integer({ min: -1000, max: 1000 }).map((n) => `${n}.0`),
    fc.constantFrom('1e2', '-0', '-0.0', '9007199254740993', '2.5', '1e22', '"1.0"', '"a\\"b"', 'null', 'true'),
  );
  const value = valueText(scalar, fc.constantFrom('a', 'b', 'arguments_preview', '1.0', 'k\\u0041'));
  const preview = objectText(fc.constantFrom('x', 'y', 'arguments_preview'), value);
  testRandomRecordsReadAsExact(preview, record, 16);
});

describe('long texts (number tokens scanned by char codes, not by the regex): read as the exact parser reads', () => {
  const digits = (count: number) => fc.stringMatching(new RegExp(`^[0-9]{${count}}$`));
  const token = fc
    .tuple(
      fc.constantFrom('', '-'),
      fc.oneof(
        fc.constant('0'),
        fc.integer({ min: 1, max: 20 }).chain((n) => digits(n).map((d) => `1${d}`)),
      ),
      fc.oneof(
        fc.constant(''),
        fc.integer({ min: 1, max: 3 }).map((n) => `.${'0'.repeat(n)}`),
        fc
          .tuple(fc.constantFrom('', '0', '9'), fc.integer({ min: 1, max: 18 }).chain(digits))
          .map(([first, rest]) => `.${first}${rest}5`),
      ),
      fc.oneof(
        fc.constant(''),
        fc.constant(''),
        fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1)).map((p) => p.join('')),
      ),
    )
    .map((parts) => parts.join(''));
  const padding = `"${'p'.repeat(70_000)}"`;
  test('300 arrays of number tokens padded past 64 KiB', () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 6 }), (tokens) => {
        // the padding inside the re-read member: its text is scanned
        const text = `{"numbers": [${padding}, ${tokens.join(', ')}], "also": {"x": ${tokens[0]}, "p": ${padding}}}`;
        readAnyAsExact(`{"numbers": [${padding}, ${tokens.join(', ')}]}`);
        expect(text.length).toBeGreaterThan(64 * 1024);
        readAnyAsExact(text);
      }),
      { numRuns: 300, seed: 64 },
    );
  });
  test('what Python reads, on a few of them', () => {
    const texts = fc
      .sample(fc.array(token, { minLength: 1, maxLength: 6 }), { numRuns: 40, seed: 65 })
      .map((tokens) => `{"numbers": [${padding}, ${tokens.join(', ')}]}`);
    const golden = runOracle<({ ok: string } | { error: string })[]>('pyjson_golden.py', {
      mode: 'roundtrip',
      cases: texts,
    });
    texts.forEach((text, index) => {
      const python = golden[index]!;
      expect('ok' in python).toBe(true);
      if ('ok' in python) expect(stringifyPython(parsePythonJson(text))).toBe(python.ok);
    });
  });
});
