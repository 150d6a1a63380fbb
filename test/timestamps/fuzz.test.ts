/**
 * Random differential tests (fast-check): strings from timestamp-ish alphabets, structured
 * near-timestamps with random numbers, and random mutations of them, all judged by pynenc's
 * `_parse_timestamp` on the venv's Python (test/support/pynenc-python.ts).
 * The run uses a fixed seed and a fresh one; a failure names the seed and the cases
 * (rerun with TIMESTAMP_FUZZ_SEED=<seed>).
 */
import fc from 'fast-check';
import { isCanonicalTimestamp } from '../../src/timestamps';
import { ALPHABET, FRACTIONS, OFFSETS, SEPARATORS } from './cases';
import { checkAll } from './check';
import { pyRead } from './oracle';

jest.setTimeout(180_000);

const RUNS = Number(process.env['TIMESTAMP_FUZZ_RUNS'] ?? 12_000);
const seeds = [20260509, Number(process.env['TIMESTAMP_FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31))];

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
/** A zero-padded number: mostly in its valid range, sometimes anywhere, sometimes a boundary. */
const num = (w: number, valid: [number, number], specials: number[]): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 8, arbitrary: fc.integer({ min: valid[0], max: valid[1] }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 ** w - 1 }) },
      { weight: 2, arbitrary: fc.constantFrom(...specials) },
    )
    .map((n) => pad(n, w));
const digitRun = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));

const year = num(4, [1, 9999], [0, 1, 4, 100, 400, 1900, 2000, 2024, 2026, 9999]);
const month = num(2, [1, 12], [0, 1, 2, 12, 13]);
const day = num(2, [1, 28], [0, 1, 28, 29, 30, 31, 32]);
const week = num(2, [1, 52], [0, 1, 52, 53, 54]);
const hour = num(2, [0, 23], [0, 23, 24]);
const minute = num(2, [0, 59], [0, 59, 60]);
const separator = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('T', ' ') },
  { weight: 2, arbitrary: fc.constantFrom(...SEPARATORS) },
);

const date = fc.oneof(
  fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.tuple(year, month, day).map(([y, m, d]) => `${y}${m}${d}`),
  fc.tuple(year, week, fc.constantFrom('', '0', '1', '3', '7', '8')).map(([y, w, d]) => `${y}-W${w}${d && `-${d}`}`),
  fc.tuple(year, week, fc.constantFrom('', '0', '1', '3', '7', '8')).map(([y, w, d]) => `${y}W${w}${d}`),
);
const fraction = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('.', ','), fc.oneof(digitRun(0, 12), fc.constantFrom(...FRACTIONS))).map(([m, f]) => m + f),
);
const hms = fc.tuple(hour, minute, minute, minute, fc.nat(6), fraction).map(([h, m, s, x, shape, f]) => {
  switch (shape) {
    case 0:
      return h + f;
    case 1:
      return `${h}:${m}${f}`;
    case 2:
      return `${h}${m}${f}`;
    case 3:
      return `${h}:${m}:${s}${f}`;
    case 4:
      return `${h}${m}${s}${f}`;
    case 5:
      return `${h}:${m}:${s}:${x}${f}`;
    default:
      return `${h}${m}${s}${f}`;
  }
});
const offset = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', 'Z', '+00:00') },
  { weight: 3, arbitrary: fc.constantFrom(...OFFSETS) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('+', '-'), hms).map(([s, t]) => s + t) },
);
const structured = fc.oneof(
  { weight: 1, arbitrary: date },
  { weight: 4, arbitrary: fc.tuple(date, separator, hms, offset).map(([d, s, t, o]) => d + s + t + o) },
);
const mutated = fc.tuple(structured, fc.nat(40), fc.constantFrom(...ALPHABET), fc.nat(2)).map(([s, i, c, op]) => {
  const chars = Array.from(s);
  const at = i % (chars.length + 1);
  if (op === 0) chars.splice(at, 0, c);
  else if (op === 1) chars.splice(at, 1, c);
  else chars.splice(at, 1);
  return chars.join('');
});
const soup = fc.string({ unit: fc.constantFrom(...ALPHABET, ...'0123456789-:T'), minLength: 0, maxLength: 36 });
const inputs = fc.oneof(structured, mutated, soup);

describe.each(seeds)("fast-check seed %d vs pynenc's reader", (seed) => {
  const values = [...new Set(fc.sample(inputs, { numRuns: RUNS, seed }))];
  const replies = pyRead(values);

  test('samples cover accepted and refused inputs', () => {
    const accepted = replies.filter((r) => r.ok).length;
    expect(accepted).toBeGreaterThan(values.length / 10);
    expect(values.length - accepted).toBeGreaterThan(values.length / 10);
  });

  test('every sample: same verdict, error family, output, fields, offset, epochMicros, toDate', () => {
    const mismatches = checkAll(values, replies);
    expect({ seed, mismatches }).toEqual({ seed, mismatches: [] });
  });

  test('isCanonicalTimestamp holds for every Python output', () => {
    const refused = replies.flatMap((r) => (r.ok && !isCanonicalTimestamp(r.iso) ? [r.iso] : []));
    expect({ seed, refused }).toEqual({ seed, refused: [] });
  });
});
