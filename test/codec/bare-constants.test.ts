/**
 * The fast path for texts holding Python's bare NaN, Infinity and -Infinity (src/pyjson/fast-path.ts,
 * constantsAsNumbers): each token written `1e999` for JSON.parse, which reads it as Infinity, and read from the text
 * by the re-read part's patch (src/pyjson/parse.ts). Each case is one way a token could be mistaken (inside a
 * string, a key, glued to another token, `-NaN`) or kept as JSON.parse's Infinity (no other ambiguous number beside
 * it; a long text whose members are judged from their text). The default path must give what the exact parser gives
 * (fastPath: false); toJson(fromJson(text)) what pynenc's own TriggerRunRecord.from_json(text).to_json() writes
 * (codec_golden.py), parsePythonJson what Python's json module reads (pyjson_golden.py). And the timestamps the
 * fast path's walk now lets through as they are (an odd offset Python writes back unchanged) next to those it still
 * sends to the reader (src/codec/read.ts, rewrittenByPython).
 */
import fc from 'fast-check';
import { toJson } from '../../src';
import { runOracle } from '../support/pynenc-python';
import { objectText, valueText } from '../support/arbitraries';
import { readRecordAsExact } from '../support/read-outcome';
import {
  runText,
  testPynencRoundTrips,
  testPyjsonRoundTrips,
  testRandomRecordsReadAsExact,
  type RunTextOptions,
} from '../support/run-texts';

const record = (preview: string, options: RunTextOptions = {}): string =>
  runText(preview, { contextTimestamp: '2026-02-11T04:53:04.250000+13:45:30.250000', ...options });

/** Valid TriggerRunRecord texts, each read by pynenc and by us. */
const RECORDS: [string, string][] = [
  ['NaN in a long arguments_preview (judged from its text)', record(`{"p": "${'p'.repeat(70_000)}", "x": NaN}`)],
  ['NaN alone (no other ambiguous number)', record('{"x": NaN}')],
  ['Infinity and -Infinity alone', record('{"x": Infinity, "y": -Infinity}')],
  ['NaN beside plain floats', record('{"x": 2.5, "y": NaN, "z": -7}')],
  ['constants in a list of numbers', record('{"v": [1.5, NaN, 2.0, -Infinity, 3, Infinity, -Infinity, 1e22]}')],
  ['-Infinity after an integral float in a list', record('{"v": [1.0, -Infinity, -2.0]}')],
  ['constants nested', record('{"a": {"b": [[NaN], {"c": -Infinity}]}, "d": [Infinity]}')],
  ['NaN alone in nested lists', record('{"x": [NaN], "y": [[NaN, NaN]]}')],
  ['the words in strings and keys only', record('{"NaN": "Infinity", "x": ", NaN]"}')],
  ['the words in strings beside a token', record('{"NaN": NaN, "s": "-Infinity", "t": [Infinity, "NaN"]}')],
  ['a NaN in a summary string after a token', record('{"x": NaN}', { summary: '[NaN, Infinity]' })],
  ['whitespace around tokens', record('{"x":NaN ,"y" :\t-Infinity\n, "z": [ Infinity ]}')],
  ['1e999 written by hand beside NaN', record('{"x": 1e999, "y": NaN, "z": -1e999}')],
  ['NaN in a duplicate the last hides', record('{"x": NaN}', { extra: '"arguments_preview": {"y": 2.5}' })],
  ['NaN in the last of duplicates', record('{"x": 2.5}', { extra: '"arguments_preview": {"y": NaN}' })],
  ['a duplicate key inside, NaN first', record('{"x": NaN, "x": Infinity}')],
  ['an escaped quote before a token', record('{"s": "a\\"b", "x": NaN}')],
  [
    'an offset Python writes back unchanged, beside NaN',
    record('{"x": NaN}', { claimedAt: '2026-02-02T11:38:40-03:15:07' }),
  ],
  [
    'an offset of zero with a fraction (Python writes +00:00)',
    record('{"x": 1}', { contextTimestamp: '2026-02-11T04:53:04+00:00:00.500000' }),
  ],
  [
    'an offset with seconds and a fraction, no number',
    record('{}', { contextTimestamp: '2026-02-11T04:53:04.000001-11:59:59.999999' }),
  ],
];

describe('fromJson: NaN and Infinity read on the fast path, as pynenc reads them', () => {
  testPynencRoundTrips(RECORDS, readRecordAsExact);
});

describe('fromJson: texts Python refuses are refused as Python does', () => {
  test.each([
    ['-NaN', record('{"x": -NaN}')],
    ['NaN glued after a digit', record('{"x": [1NaN]}')],
    ['NaN glued after a dot', record('{"x": 1.NaN}')],
    ['a digit glued after NaN', record('{"x": NaN5}')],
    ['Infinity glued after a digit', record('{"x": 2Infinity}')],
    ['--Infinity', record('{"x": --Infinity}')],
    ['- Infinity', record('{"x": - Infinity}')],
    ['nan', record('{"x": nan}')],
    ['NaN as a key', record('{NaN: 1}')],
  ])('%s', (_name, text) => {
    expect(readRecordAsExact(text).ok).toBe(false);
  });
});

describe('parsePythonJson: NaN and Infinity read as Python reads them', () => {
  const padding = `"${'p'.repeat(70_000)}"`;
  const TEXTS = [
    '{"a": NaN}',
    '{"a": [NaN, 1, -Infinity], "b": Infinity}',
    '{"a": {"b": NaN}, "c": "NaN"}',
    '[NaN, Infinity, -Infinity]',
    'NaN',
    '-Infinity',
    '{"a": -NaN}',
    '{"a": NaN, "a": 2.5}',
    '{"a": 2.5, "a": NaN}',
    '{"a": [1NaN]}',
    '{"a": NaNa}',
    '{"a": Infinity5}',
    '{"a": "x", NaN}',
    // long texts: members judged from their text, number tokens scanned by char codes
    `{"a": [${padding}, NaN]}`,
    `{"a": {"p": ${padding}, "x": -Infinity}}`,
    `{"a": {"p": ${padding}, "x": NaN}}`,
    `{"a": {"p": ${padding}, "x": [1, 2, Infinity]}, "b": 3}`,
  ];
  testPyjsonRoundTrips(TEXTS);
});

describe('random records with constants: the default path reads what the exact parser reads', () => {
  const scalar = fc.oneof(
    fc.constantFrom('NaN', 'Infinity', '-Infinity', 'NaN', '-Infinity'),
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.integer({ min: -1000, max: 1000 }).map((n) => `${n}.0`),
    fc.constantFrom('1e999', '2.5', '9007199254740993', '"NaN"', '"-Infinity, NaN]"', '"a\\"b"', 'null'),
  );
  const value = valueText(scalar, fc.constantFrom('a', 'NaN', 'Infinity', 'x'), 5);
  const preview = objectText(fc.constantFrom('x', 'y', 'arguments_preview'), value);
  testRandomRecordsReadAsExact(preview, record, 1999);
  test('what pynenc reads, on a few of them', () => {
    const texts = fc.sample(preview, { numRuns: 40, seed: 2000 }).map((first) => record(first));
    const golden = runOracle<({ ok: string } | { error: string })[]>('codec_golden.py', {
      now: '2026-01-01T00:00:00+00:00',
      cases: texts.map((text) => ({ dto: 'TriggerRunRecord', text })),
    });
    texts.forEach((text, index) => {
      const python = golden[index]!;
      const outcome = readRecordAsExact(text);
      expect(outcome.ok).toBe('ok' in python);
      if (outcome.ok && 'ok' in python) expect(toJson('TriggerRunRecord', outcome.value as never)).toBe(python.ok);
    });
  });
});
