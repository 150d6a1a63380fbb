/**
 * PyTimestamp time math against Python: comparison, sorting, formatting instants at offsets,
 * exact epoch microseconds; plus the value type's own contract and isCanonicalTimestamp vs Ajv.
 */
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { commonSchema } from '../../generated/schemas';
import { ContractError } from '../../src/errors';
import {
  compareTimestamps,
  formatTimestamp,
  isCanonicalTimestamp,
  normalizeTimestamp,
  parseIsoTimestamp,
  PyTimestamp,
  sortTimestamps,
  TimestampError,
} from '../../src/timestamps';
import { enumeratedCases } from './cases';
import { checkAll } from './check';
import { CODE_FOR_CATEGORY, pyCompare, pyFormat, pyRead, pySort } from './oracle';

jest.setTimeout(120_000);

const SEED = 424242;
const cases = enumeratedCases();
const readable = (() => {
  const replies = pyRead(cases);
  return cases.filter((_, i) => replies[i]!.ok);
})();

/** Timestamps that share instants under different offsets, so ties and offset-blind order matter. */
const TIES = [
  '2026-05-09T10:00:00+01:00',
  '2026-05-09T09:00:00Z',
  '2026-05-09T09:00:00',
  '2026-05-09 04:00:00-05:00',
  '20260509T090000+0000',
  '2026-05-09T09:00:00.000000-00:00',
  '2026-05-09T14:30:00+05:30',
  '2026-05-09T09:00:00.000001+00:00',
  '2026-05-09T08:59:59.999999Z',
  '2026-05-09T09:00:00+00:00:00.5',
  '2026-05-09T09:00:01+00:00:01',
];

describe('compareTimestamps vs Python comparison of aware datetimes', () => {
  test('random pairs, including equal instants at different offsets', () => {
    const pool = [...readable, ...TIES];
    const pairs = fc.sample(fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool, ...TIES)), {
      numRuns: 20_000,
      seed: SEED,
    });
    for (const a of TIES) for (const b of TIES) pairs.push([a, b]);
    const expected = pyCompare(pairs);
    const wrong = pairs.flatMap(([a, b], i) => {
      const ours = compareTimestamps(a, b);
      const mixed = compareTimestamps(parseIsoTimestamp(a), b);
      return ours === expected[i] && mixed === ours ? [] : [{ a, b, python: expected[i], ours, mixed }];
    });
    expect(wrong).toEqual([]);
  });

  test('equals / compare on the value type ignore the offset, like Python', () => {
    const a = PyTimestamp.parse('2026-05-09T10:00:00+01:00');
    const b = PyTimestamp.parse('2026-05-09T09:00:00Z');
    expect(a.equals(b)).toBe(true);
    expect(a.compare(b)).toBe(0);
    expect(a.toString()).not.toBe(b.toString());
  });
});

describe('sortTimestamps vs Python sorted()', () => {
  test('random lists of texts: same order, ties keep input order (stable)', () => {
    const lists = fc.sample(
      fc.array(fc.constantFrom(...readable.slice(0, 3000), ...TIES), { minLength: 0, maxLength: 60 }),
      {
        numRuns: 200,
        seed: SEED,
      },
    );
    lists.push([...TIES], [...TIES].reverse());
    const orders = pySort(lists);
    lists.forEach((list, n) => {
      const order = orders[n]!;
      // Sort distinct objects so ties (equal instants, even equal texts) are checked by identity.
      const objects = list.map((text) => PyTimestamp.parse(text));
      const sortedObjects = sortTimestamps(objects);
      expect({ list, order: sortedObjects.map((o) => objects.indexOf(o)) }).toEqual({ list, order });
      expect(sortTimestamps(list)).toEqual(order.map((i) => list[i]));
    });
  });

  test('does not mutate its input and refuses a bad element with TimestampError', () => {
    const list = ['2026-05-09T10:00:00Z', '2026-05-09T09:00:00Z'];
    const copy = [...list];
    expect(sortTimestamps(list)).toEqual([list[1], list[0]]);
    expect(list).toEqual(copy);
    expect(() => sortTimestamps(['2026-05-09', 'not a timestamp'])).toThrow(TimestampError);
  });
});

describe('formatTimestamp / fromEpochMicros / withOffset / plusMicros vs Python', () => {
  const DAY = 86_400_000_000n;
  const MIN_EPOCH = -62135596800000000n; // 0001-01-01T00:00:00Z, computed below by Python too
  const MAX_EPOCH = 253402300799999999n; // 9999-12-31T23:59:59.999999Z

  test('the range ends used here are what Python computes', () => {
    const [lo, hi] = pyRead(['0001-01-01T00:00:00+00:00', '9999-12-31T23:59:59.999999+00:00']);
    expect(lo!.ok && BigInt(lo!.epoch_micros)).toBe(MIN_EPOCH);
    expect(hi!.ok && BigInt(hi!.epoch_micros)).toBe(MAX_EPOCH);
  });

  test('random instants and offsets, in and out of range', () => {
    const epoch = fc.oneof(
      fc.bigInt({ min: MIN_EPOCH, max: MAX_EPOCH }),
      fc.bigInt({ min: MIN_EPOCH - 2n * DAY, max: MIN_EPOCH + 2n * DAY }),
      fc.bigInt({ min: MAX_EPOCH - 2n * DAY, max: MAX_EPOCH + 2n * DAY }),
      fc.bigInt({ min: -10n * DAY, max: 10n * DAY }),
    );
    const offset = fc.oneof(
      fc.integer({ min: -86_399_999_999, max: 86_399_999_999 }),
      fc.integer({ min: -48, max: 48 }).map((q) => q * 30 * 60_000_000),
      fc.constantFrom(
        0,
        1,
        -1,
        86_400_000_000,
        -86_400_000_000,
        86_399_999_999,
        -86_399_999_999,
        19_800_000_000,
        -10_800_000_000,
      ),
    );
    const items = fc.sample(fc.tuple(epoch, offset), { numRuns: 20_000, seed: SEED });
    const expected = pyFormat(items);
    const wrong = items.flatMap(([e, o], i) => {
      const py = expected[i]!;
      let ours: string;
      try {
        ours = formatTimestamp(e, o);
      } catch (err) {
        if (!(err instanceof TimestampError)) throw err;
        ours = `error ${err.code}`;
      }
      const want = py.ok ? py.iso : `error ${CODE_FOR_CATEGORY[py.category]}`;
      if (ours !== want) return [{ epochMicros: e.toString(), offsetMicros: o, python: want, ours }];
      if (py.ok) {
        const t = PyTimestamp.fromEpochMicros(e, o);
        if (t.epochMicros !== e || t.offsetMicros !== o) {
          return [
            {
              epochMicros: e.toString(),
              offsetMicros: o,
              python: want,
              ours: `fields ${t.epochMicros} ${t.offsetMicros}`,
            },
          ];
        }
      }
      return [];
    });
    expect(wrong).toEqual([]);

    // Reading the formatted texts back: ours must equal Python's reading. (Not always the same
    // instant: 3.11 and 3.12 read an offset under one second, e.g. +00:00:00.000001, as UTC.)
    const written = expected.flatMap((r) => (r.ok ? [r.iso] : []));
    expect(checkAll(written, pyRead(written))).toEqual([]);
  });

  test('withOffset / toUtc / plusMicros equal Python astimezone and timedelta addition (via format)', () => {
    const t = PyTimestamp.parse('2026-05-09T10:11:12.345678+05:30');
    const moves: [bigint, number][] = [
      [t.epochMicros, -10_800_000_000],
      [t.epochMicros, 0],
      [t.epochMicros + 1n, t.offsetMicros],
      [t.epochMicros - 86_400_000_000n * 400n, t.offsetMicros],
    ];
    const [asMinus3, asUtc, plus1, minus400d] = pyFormat(moves).map((r) => (r.ok ? r.iso : r.error));
    expect(t.withOffset(-10_800_000_000).toString()).toBe(asMinus3);
    expect(t.toUtc().toString()).toBe(asUtc);
    expect(t.plusMicros(1n).toString()).toBe(plus1);
    expect(t.plusMicros(-86_400_000_000n * 400n).toString()).toBe(minus400d);
  });

  test('leaving years 1..9999 or a ±24h offset is a typed error', () => {
    const first = PyTimestamp.parse('0001-01-01T00:00:00+00:00');
    expect(() => first.plusMicros(-1n)).toThrow(expect.objectContaining({ code: 'TIMESTAMP_OVERFLOW' }));
    const last = PyTimestamp.parse('9999-12-31T23:59:59.999999+00:00');
    expect(() => last.plusMicros(1n)).toThrow(expect.objectContaining({ code: 'TIMESTAMP_OVERFLOW' }));
    expect(() => first.withOffset(86_400_000_000)).toThrow(
      expect.objectContaining({ code: 'TIMESTAMP_OFFSET_OUT_OF_RANGE' }),
    );
    expect(() => first.withOffset(1.5)).toThrow(expect.objectContaining({ code: 'TIMESTAMP_OFFSET_OUT_OF_RANGE' }));
    expect(() => formatTimestamp(10n ** 30n)).toThrow(expect.objectContaining({ code: 'TIMESTAMP_OVERFLOW' }));
  });
});

describe('PyTimestamp value type', () => {
  test('epochMicros keeps microseconds beyond Number precision (checked against Python)', () => {
    const texts = [
      '9999-12-31T23:59:59.999999+00:00',
      '9999-12-31T23:59:59.999998+00:00',
      '0001-01-01T00:00:00.000001+00:00',
      '2262-04-11T23:47:16.854775+00:00',
    ];
    const py = pyRead(texts);
    texts.forEach((text, i) => {
      const r = py[i]!;
      expect(r.ok && BigInt(r.epoch_micros)).toBe(PyTimestamp.parse(text).epochMicros);
    });
    // Two instants one microsecond apart that Number cannot tell apart.
    const [a, b] = texts.slice(0, 2).map((x) => PyTimestamp.parse(x));
    expect(Number(a!.epochMicros)).toBe(Number(b!.epochMicros));
    expect(a!.epochMicros - b!.epochMicros).toBe(1n);
    expect(compareTimestamps(a!, b!)).toBe(1);
  });

  test('toDate floors to the millisecond, also before 1970; fromDate round-trips', () => {
    const texts = [
      '1969-12-31T23:59:59.999999Z',
      '1970-01-01T00:00:00.000999Z',
      '0001-01-01T00:00:00+05:00',
      '2026-05-09T10:11:12.345678+05:30',
    ];
    const py = pyRead(texts);
    texts.forEach((text, i) => {
      const r = py[i]!;
      expect(r.ok && r.epoch_millis_floor).toBe(String(PyTimestamp.parse(text).toDate().getTime()));
    });
    const d = new Date(Date.UTC(2026, 4, 9, 10, 11, 12, 345));
    expect(PyTimestamp.fromDate(d).toDate().getTime()).toBe(d.getTime());
    expect(PyTimestamp.fromDate(d, 19_800_000_000).toString()).toBe(
      normalizeTimestamp('2026-05-09T15:41:12.345+05:30'),
    );
    expect(() => PyTimestamp.fromDate(new Date(Number.NaN))).toThrow(TimestampError);
  });

  test('now() uses the injected clock (epoch microseconds), in UTC', () => {
    const t = PyTimestamp.now(() => 1778321472345678n);
    expect(t.epochMicros).toBe(1778321472345678n);
    expect(t.offsetMicros).toBe(0);
    expect(t.toString()).toBe(formatTimestamp(1778321472345678n));
    const before = BigInt(Date.now()) * 1000n;
    const now = PyTimestamp.now().epochMicros;
    expect(now >= before && now <= BigInt(Date.now()) * 1000n).toBe(true);
  });

  test('offsetSeconds, toJSON, immutability', () => {
    const t = PyTimestamp.parse('2026-05-09T10:11:12-05:30:15.5');
    expect(t.offsetSeconds).toBe(t.offsetMicros / 1e6);
    expect(JSON.stringify({ t })).toBe(JSON.stringify({ t: t.toString() }));
    expect(Object.isFrozen(t)).toBe(true);
  });

  test('TimestampError is a ContractError with code, truncated received text, expectation', () => {
    const long = `2026-05-09T10:11:12${'x'.repeat(500)}`;
    let err: unknown;
    try {
      normalizeTimestamp(long);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TimestampError);
    expect(err).toBeInstanceOf(ContractError);
    const te = err as TimestampError;
    expect(te.code).toBe('TIMESTAMP_INVALID_FORMAT');
    expect(te.received.length).toBeLessThan(100);
    expect(te.received.startsWith('"2026-05-09T10:11:12x')).toBe(true);
    expect(te.message).toContain(te.received);
    expect(te.message).toContain(te.expected);
    expect(te.dto).toBeUndefined();
    expect(te.path).toBeUndefined();
    expect(te.name).toBe('TimestampError');
  });
});

describe('isCanonicalTimestamp', () => {
  const ajv = new Ajv2020({ strict: true });
  const validator = ajv.compile({ ...commonSchema, $ref: '#/$defs/timestamp' });

  test('agrees with the contract validator (Ajv on common.schema.json) on every case', () => {
    const pool = [...cases, ...pyRead(cases).flatMap((r) => (r.ok ? [r.iso] : []))];
    const disagreements = pool.filter((text) => isCanonicalTimestamp(text) !== validator(text));
    expect(disagreements).toEqual([]);
    expect(pool.some((t) => isCanonicalTimestamp(t))).toBe(true);
    expect(pool.some((t) => !isCanonicalTimestamp(t))).toBe(true);
  });

  test('every canonical text is one Python reads', () => {
    const canonical = [...new Set(cases.filter((t) => isCanonicalTimestamp(t)))];
    const py = pyRead(canonical);
    expect(canonical.filter((_, i) => !py[i]!.ok)).toEqual([]);
  });

  test('non-strings are not canonical', () => {
    for (const v of [null, undefined, 0, 20260509, {}, [], new Date()]) expect(isCanonicalTimestamp(v)).toBe(false);
  });
});
