/**
 * Time as pynenc's backends make it, compared with the real Python on many values:
 * `datetime.fromtimestamp(x, tz=UTC)` for SQLite markers, `dt.timestamp()` for SQLite bounds and
 * `dt.timestamp() * 1000.0` for Redis scores.
 */
import fc from 'fast-check';
import { boundMicros, fromTimestampText, microsToScore, microsToSeconds } from '../../src/monitoring/common';
import { PyTimestamp } from '../../src/timestamps';
import { runOracle } from '../support/pynenc-python';

interface Reply {
  fromtimestamp: string[];
  seconds: number[];
  scores: number[];
}

/** Floats that sit on or near a microsecond half (where the rounding rule shows), and plain random ones. */
function floats(): number[] {
  const out: number[] = [];
  const rnd = fc.sample(fc.integer({ min: -2_000_000_000, max: 4_000_000_000 }), { numRuns: 3000, seed: 5 });
  const frac = fc.sample(fc.integer({ min: 0, max: 999_999 }), { numRuns: 3000, seed: 6 });
  for (let i = 0; i < rnd.length; i++) {
    const s = rnd[i]!;
    const us = frac[i]!;
    out.push(s + us / 1e6, s + (us + 0.5) / 1e6, s + us / 1e6 + 1e-9, s - us / 1e6, s + 0.9999995, s + 0.0000005);
  }
  out.push(0, -0.5, -1e-7, 1767225600.000_000_5, 1767225600.999_999_5, 253402300799.999_999, -62135596800);
  out.push(...fc.sample(fc.double({ min: -6e10, max: 2.5e11, noNaN: true }), { numRuns: 2000, seed: 7 }));
  return out;
}

function isoTexts(): string[] {
  const micros = fc.sample(fc.bigInt({ min: -62135596800_000000n, max: 253402300799_999999n }), {
    numRuns: 3000,
    seed: 8,
  });
  const near = fc.sample(fc.bigInt({ min: 1_700_000_000_000000n, max: 1_800_000_000_000000n }), {
    numRuns: 2000,
    seed: 9,
  });
  const texts = [...micros, ...near].map((m) => PyTimestamp.fromEpochMicros(m).toString());
  // other offsets, and the extremes BaseTrigger's fallbacks pass (datetime.min / datetime.max)
  texts.push('2026-01-01T05:30:00.000001+05:30', '0001-01-01T00:00:00+00:00', '9999-12-31T23:59:59.999999+00:00');
  texts.push('2026-06-01T12:00:00.5-03:00', '2300-01-01T00:00:00.123457+00:00');
  return texts;
}

test('fromTimestampText is datetime.fromtimestamp(x, tz=UTC).isoformat() for every float', () => {
  const xs = floats().filter((x) => x > -62135596800 && x < 253402300800);
  const py = runOracle<Reply>('monitoring_oracle.py', { op: 'timestamps', floats: xs, isos: [] });
  const ts = xs.map((x) => fromTimestampText(x));
  const diffs = xs.map((x, i) => [x, ts[i], py.fromtimestamp[i]]).filter(([, a, b]) => a !== b);
  expect(diffs.slice(0, 10)).toEqual([]);
  expect(ts.length).toBeGreaterThan(20_000);
}, 60_000);

test('bounds: dt.timestamp() and dt.timestamp() * 1000.0, float for float', () => {
  const texts = isoTexts();
  const py = runOracle<Reply>('monitoring_oracle.py', { op: 'timestamps', floats: [], isos: texts });
  const seconds = texts.map((t) => microsToSeconds(PyTimestamp.parse(t).epochMicros));
  const scores = texts.map((t) => microsToScore(PyTimestamp.parse(t).epochMicros));
  const bad = texts.filter((t, i) => !Object.is(seconds[i], py.seconds[i]) || !Object.is(scores[i], py.scores[i]));
  expect(bad.slice(0, 10)).toEqual([]);
}, 60_000);

test('a Date, a PyTimestamp and an ISO text of the same instant are the same bound', () => {
  const place = { backend: 'sqlite' as const, location: 'test' };
  for (const ms of fc.sample(fc.integer({ min: -62135596800000, max: 253402300799999 }), { numRuns: 500, seed: 10 })) {
    const date = new Date(ms);
    const micros = boundMicros(place, 'startTime', date);
    expect(micros).toBe(BigInt(ms) * 1000n);
    expect(boundMicros(place, 'startTime', PyTimestamp.fromEpochMicros(micros))).toBe(micros);
    expect(boundMicros(place, 'startTime', PyTimestamp.fromEpochMicros(micros).toString())).toBe(micros);
  }
  // a naive text is UTC, as pynenc reads stored timestamps; an offset is honoured
  expect(boundMicros(place, 'endTime', '2026-01-01T00:00:00')).toBe(1767225600_000000n);
  expect(boundMicros(place, 'endTime', '2026-01-01T02:00:00.000001+02:00')).toBe(1767225600_000001n);
});
