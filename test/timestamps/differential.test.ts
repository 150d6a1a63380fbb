/**
 * Differential tests: our reader against pynenc's own reader (`_parse_timestamp`, on the venv's Python 3.12, the
 * Python pynenc runs on; its fromisoformat gives the same verdicts and messages as 3.11's) on a systematic case set.
 * For every case, the verdict (accept / which error), the normalized isoformat, the fields, the
 * offset, the exact epoch microseconds and toDate() must equal what Python computes.
 */
import { normalizeTimestamp, isCanonicalTimestamp, PyTimestamp, TimestampError } from '../../src/timestamps';
import { enumeratedCases, NON_STRINGS } from './cases';
import { checkAll } from './check';
import { pyRead, type PyRead } from './oracle';

jest.setTimeout(120_000);

const cases = enumeratedCases();
let replies: PyRead[];

beforeAll(() => {
  replies = pyRead(cases);
});

describe("systematic cases vs pynenc's _parse_timestamp (fromisoformat, naive → UTC)", () => {
  test('the case set is large and exercises both verdicts and every error family', () => {
    expect(cases.length).toBeGreaterThan(15_000);
    const accepted = replies.filter((r) => r.ok).length;
    expect(accepted).toBeGreaterThan(3_000);
    expect(cases.length - accepted).toBeGreaterThan(3_000);
    const families = new Set(replies.flatMap((r) => (r.ok ? [] : [r.category])));
    expect([...families].sort()).toEqual([
      'day_out_of_range',
      'hour_out_of_range',
      'invalid_format',
      'minute_out_of_range',
      'month_out_of_range',
      'offset_out_of_range',
      'second_out_of_range',
      'year_out_of_range',
    ]);
  });

  test('every case: same verdict, same error family, same output, fields, offset, epochMicros, toDate', () => {
    expect(checkAll(cases, replies)).toEqual([]);
  });

  test('non-string values are refused like Python (TypeError)', () => {
    const py = pyRead(NON_STRINGS);
    expect(py.every((r) => !r.ok && r.category === 'not_a_string')).toBe(true);
    expect(checkAll(NON_STRINGS, py)).toEqual([]);
    for (const v of [undefined, 10n, Symbol('t'), () => '2026-05-09', new Date(0)]) {
      expect(() => PyTimestamp.parse(v)).toThrow(TimestampError);
      try {
        normalizeTimestamp(v);
      } catch (e) {
        expect((e as TimestampError).code).toBe('TIMESTAMP_NOT_A_STRING');
      }
    }
  });

  test("Python's outputs are fixed points for Python and for us, and canonical per the contract", () => {
    const outputs = [...new Set(replies.flatMap((r) => (r.ok ? [r.iso] : [])))];
    const again = pyRead(outputs);
    const problems: string[] = [];
    outputs.forEach((iso, i) => {
      const r = again[i]!;
      if (!r.ok || r.iso !== iso) problems.push(`Python rewrites its own ${JSON.stringify(iso)}`);
      if (normalizeTimestamp(iso) !== iso) problems.push(`we rewrite ${JSON.stringify(iso)}`);
      if (!isCanonicalTimestamp(iso)) problems.push(`contract pattern refuses Python output ${JSON.stringify(iso)}`);
    });
    expect(problems).toEqual([]);
  });
});

describe('specific forms named in the brief (expected values from Python)', () => {
  // Each row names a form; the oracle supplies the verdict and the expected text.
  const named: [string, string][] = [
    ['Z suffix', '2026-05-09T10:11:12Z'],
    ['space separator', '2026-05-09 10:11:12'],
    ['other single-character separator', '2026-05-09x10:11:12'],
    ['non-ASCII separator', '2026-05-09\u00e910:11:12'],
    ['lone-surrogate separator', '2026-05-09\ud80010:11:12'],
    ['date only', '2026-05-09'],
    ['basic format', '20260509T101112'],
    ['hour only', '2026-05-09T10'],
    ['hour and minute', '2026-05-09T10:11'],
    ['7 fraction digits (truncated, not rounded)', '2026-05-09T10:11:12.9999999'],
    ['9 fraction digits', '2026-05-09T10:11:12.123456789'],
    ['1 fraction digit', '2026-05-09T10:11:12.5'],
    ['comma decimal mark', '2026-05-09T10:11:12,5'],
    ['offset ±HH', '2026-05-09T10:11:12-05'],
    ['offset ±HH:MM', '2026-05-09T10:11:12+05:30'],
    ['offset ±HH:MM:SS', '2026-05-09T10:11:12+05:30:15'],
    ['offset ±HH:MM:SS.ffffff', '2026-05-09T10:11:12-05:30:15.123456'],
    ['offset -00:00', '2026-05-09T10:11:12-00:00'],
    ['zero fraction dropped', '2026-05-09T10:11:12.000000+00:00'],
    ['week date', '2026-W19-6'],
    ['basic week date', '2026W196'],
    ['ordinal date', '2026-129'],
    ['hour 24', '2026-05-09T24:00:00'],
    ['leap second', '2026-05-09T23:59:60'],
    ['Feb 29 2024', '2024-02-29'],
    ['Feb 29 2000', '2000-02-29'],
    ['Feb 29 1900', '1900-02-29'],
    ['Feb 29 2026', '2026-02-29'],
    ['Feb 30', '2024-02-30'],
    ['month 13', '2026-13-01'],
    ['year 0', '0000-01-01'],
    ['year 1 with positive offset (UTC instant in year 0)', '0001-01-01T00:00:00+05:00'],
    ['year 9999 with negative offset (UTC instant in year 10000)', '9999-12-31T23:59:59.999999-05:00'],
    ['offset +24:00', '2026-05-09T10:11:12+24:00'],
    ['offset -24:00', '2026-05-09T10:11:12-24:00'],
    ['Arabic-Indic digit', '\u0662026-05-09'],
    ['leading whitespace', ' 2026-05-09T10:11:12'],
    ['trailing newline', '2026-05-09T10:11:12\n'],
    ['empty string', ''],
  ];
  let py: PyRead[];
  beforeAll(() => {
    py = pyRead(named.map(([, text]) => text));
  });
  test.each(named.map(([label, text], i) => [label, text, i] as const))('%s: %j', (_label, text, i) => {
    const expected = py[i]!;
    if (expected.ok) {
      expect(normalizeTimestamp(text)).toBe(expected.iso);
    } else {
      expect(() => normalizeTimestamp(text)).toThrow(TimestampError);
    }
    expect(checkAll([text], [expected])).toEqual([]);
  });
});
