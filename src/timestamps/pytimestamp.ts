/**
 * `PyTimestamp`: an aware instant as pynenc holds it after reading (Python's fixed-offset
 * `datetime`), with exact microsecond time math.
 */

import { EPOCH_ORDINAL, MAX_YEAR, MIN_YEAR, ordinalToYmd, ymdToOrdinal } from './calendar';
import { TimestampError } from './errors';
import { fromIsoFormat, type ParsedIsoFields } from './fromisoformat';

const MICROS_PER_SECOND = 1_000_000n;
const MICROS_PER_DAY = 86_400_000_000n;
const MAX_OFFSET_MICROS = 86_400_000_000;

/** Floor division for bigints (BigInt `/` truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const pad2 = (n: number): string => TWO_DIGITS[n] ?? String(n).padStart(2, '0');
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Python `format_utcoffset` with ":" separators: +HH:MM, +HH:MM:SS, +HH:MM:SS.ffffff. */
function formatOffset(offsetMicros: number): string {
  const sign = offsetMicros < 0 ? '-' : '+';
  const abs = Math.abs(offsetMicros);
  const micros = abs % 1_000_000;
  const totalSeconds = (abs - micros) / 1_000_000;
  const seconds = totalSeconds % 60;
  const minutes = ((totalSeconds - seconds) / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600);
  let out = `${sign}${pad2(hours)}:${pad2(minutes)}`;
  if (micros !== 0) out += `:${pad2(seconds)}.${pad(micros, 6)}`;
  else if (seconds !== 0) out += `:${pad2(seconds)}`;
  return out;
}

function checkOffset(offsetMicros: number): void {
  if (!Number.isSafeInteger(offsetMicros) || offsetMicros <= -MAX_OFFSET_MICROS || offsetMicros >= MAX_OFFSET_MICROS) {
    throw new TimestampError(
      'TIMESTAMP_OFFSET_OUT_OF_RANGE',
      String(offsetMicros),
      'offset (in microseconds) must be an integer strictly between -86400000000 and 86400000000',
    );
  }
}

/** The text Python's `datetime.isoformat()` writes for these local fields and offset. */
function isoformat(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  microsecond: number,
  offsetMicros: number,
): string {
  let out = `${pad(year, 4)}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
  if (microsecond !== 0) out += `.${pad(microsecond, 6)}`;
  return out + formatOffset(offsetMicros);
}

/**
 * An aware instant with Python `datetime` semantics: local wall-clock fields in years 1..9999, a fixed
 * UTC offset (strictly within ±24h, microsecond precision), microsecond resolution.
 *
 * `epochMicros` is the exact UTC instant (microseconds since 1970-01-01T00:00:00Z). It may fall
 * outside years 1..9999 in UTC when the offset pushes it there, as Python allows
 * (`0001-01-01T00:00:00+05:00` is 0000-12-31T19:00:00Z).
 */
export class PyTimestamp {
  /** Exact UTC instant, microseconds since the Unix epoch. */
  readonly epochMicros: bigint;
  /** The UTC offset, in microseconds (exact integer; whole minutes in practice). */
  readonly offsetMicros: number;
  /** Local (offset) wall-clock fields, as Python's datetime attributes. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;

  private constructor(epochMicros: bigint, offsetMicros: number, fields: Omit<ParsedIsoFields, 'offsetMicros'>) {
    this.epochMicros = epochMicros;
    this.offsetMicros = offsetMicros;
    this.year = fields.year;
    this.month = fields.month;
    this.day = fields.day;
    this.hour = fields.hour;
    this.minute = fields.minute;
    this.second = fields.second;
    this.microsecond = fields.microsecond;
    Object.freeze(this);
  }

  /**
   * Read `text` as pynenc does: `datetime.fromisoformat(text)`, and a naive result is taken as UTC.
   * Throws `TimestampError` for everything Python refuses.
   */
  static parse(text: unknown): PyTimestamp {
    const f = fromIsoFormat(text);
    const offsetMicros = f.offsetMicros ?? 0;
    const days = ymdToOrdinal(f.year, f.month, f.day) - EPOCH_ORDINAL;
    const localSeconds = days * 86400 + f.hour * 3600 + f.minute * 60 + f.second; // < 2^53
    const epochMicros = BigInt(localSeconds) * MICROS_PER_SECOND + BigInt(f.microsecond - offsetMicros);
    return new PyTimestamp(epochMicros, offsetMicros, f);
  }

  /**
   * The instant `epochMicros` seen at UTC offset `offsetMicros` (default UTC). Throws
   * `TimestampError` (TIMESTAMP_OVERFLOW) when the local date falls outside years 1..9999, where
   * Python raises OverflowError, and TIMESTAMP_OFFSET_OUT_OF_RANGE for an offset Python refuses.
   */
  static fromEpochMicros(epochMicros: bigint, offsetMicros = 0): PyTimestamp {
    if (typeof epochMicros !== 'bigint') {
      throw new TypeError(`epochMicros must be a bigint, received ${typeof epochMicros}`);
    }
    checkOffset(offsetMicros);
    const local = epochMicros + BigInt(offsetMicros);
    const days = floorDiv(local, MICROS_PER_DAY);
    const ordinal = Number(days) + EPOCH_ORDINAL;
    const ymd = ordinal >= 1 ? ordinalToYmd(ordinal) : null;
    if (ymd === null || ymd.year < MIN_YEAR || ymd.year > MAX_YEAR) {
      throw new TimestampError(
        'TIMESTAMP_OVERFLOW',
        `epochMicros ${epochMicros} at offset ${formatOffset(offsetMicros)}`,
        'date value out of range',
      );
    }
    const inDay = Number(local - days * MICROS_PER_DAY); // 0 .. 86399999999, exact
    const microsecond = inDay % 1_000_000;
    const secondsOfDay = (inDay - microsecond) / 1_000_000;
    return new PyTimestamp(epochMicros, offsetMicros, {
      ...ymd,
      hour: Math.floor(secondsOfDay / 3600),
      minute: Math.floor(secondsOfDay / 60) % 60,
      second: secondsOfDay % 60,
      microsecond,
    });
  }

  /** A JS Date (millisecond precision) seen at `offsetMicros` (default UTC). */
  static fromDate(date: Date, offsetMicros = 0): PyTimestamp {
    const ms = date.getTime();
    if (!Number.isFinite(ms)) {
      throw new TimestampError('TIMESTAMP_OVERFLOW', 'Invalid Date', 'date value out of range');
    }
    return PyTimestamp.fromEpochMicros(BigInt(ms) * 1000n, offsetMicros);
  }

  /**
   * The current time in UTC, like pynenc's `datetime.now(UTC)`. The clock returns epoch
   * microseconds; the default clock is `Date.now()` (millisecond resolution, so the last three
   * microsecond digits are 0).
   */
  static now(clock: () => bigint = () => BigInt(Date.now()) * 1000n): PyTimestamp {
    return PyTimestamp.fromEpochMicros(clock(), 0);
  }

  /** The UTC offset in seconds (fractional only for the rare offsets with microseconds). */
  get offsetSeconds(): number {
    return this.offsetMicros / 1_000_000;
  }

  /** What Python's `datetime.isoformat()` writes for this value. */
  toString(): string {
    return isoformat(
      this.year,
      this.month,
      this.day,
      this.hour,
      this.minute,
      this.second,
      this.microsecond,
      this.offsetMicros,
    );
  }

  toJSON(): string {
    return this.toString();
  }

  /** A JS Date for the same instant, floored to the millisecond (microseconds are lost). */
  toDate(): Date {
    return new Date(Number(floorDiv(this.epochMicros, 1000n)));
  }

  /** Same instant at another UTC offset (Python `astimezone(timezone(offset))`). */
  withOffset(offsetMicros: number): PyTimestamp {
    return PyTimestamp.fromEpochMicros(this.epochMicros, offsetMicros);
  }

  /** Same instant in UTC (+00:00). */
  toUtc(): PyTimestamp {
    return this.withOffset(0);
  }

  /** This instant plus `deltaMicros` (may be negative), keeping the offset (Python `dt + timedelta`). */
  plusMicros(deltaMicros: bigint): PyTimestamp {
    return PyTimestamp.fromEpochMicros(this.epochMicros + deltaMicros, this.offsetMicros);
  }

  /** -1, 0 or 1 by instant, like Python's comparison of aware datetimes (the offset does not count). */
  compare(other: PyTimestamp): -1 | 0 | 1 {
    return this.epochMicros < other.epochMicros ? -1 : this.epochMicros > other.epochMicros ? 1 : 0;
  }

  /** Same instant (Python `==` on aware datetimes: 10:00+01:00 equals 09:00+00:00). */
  equals(other: PyTimestamp): boolean {
    return this.epochMicros === other.epochMicros;
  }
}

export type TimestampLike = string | PyTimestamp;

const toPy = (v: TimestampLike): PyTimestamp => (v instanceof PyTimestamp ? v : PyTimestamp.parse(v));

/** `PyTimestamp.parse`: read `text` as pynenc does (fromisoformat; naive taken as UTC). */
export function parseIsoTimestamp(text: unknown): PyTimestamp {
  return PyTimestamp.parse(text);
}

/**
 * What pynenc writes after reading `text`: `fromisoformat`, naive → UTC, `isoformat()`.
 * Throws `TimestampError` for anything Python refuses.
 */
export function normalizeTimestamp(text: unknown): string {
  const f = fromIsoFormat(text); // no epoch arithmetic needed: the text is the local fields + offset
  return isoformat(f.year, f.month, f.day, f.hour, f.minute, f.second, f.microsecond, f.offsetMicros ?? 0);
}

/** Python's isoformat of the instant `epochMicros` at UTC offset `offsetMicros` (default +00:00). */
export function formatTimestamp(epochMicros: bigint, offsetMicros = 0): string {
  return PyTimestamp.fromEpochMicros(epochMicros, offsetMicros).toString();
}

/** Compare two timestamps (texts are parsed as pynenc reads them) by instant: -1, 0 or 1. */
export function compareTimestamps(a: TimestampLike, b: TimestampLike): -1 | 0 | 1 {
  return toPy(a).compare(toPy(b));
}

/**
 * A new array sorted by instant, ascending; stable (equal instants keep their input order), like
 * Python's `sorted()` of the parsed datetimes. Elements are returned as given (texts stay texts).
 * Throws `TimestampError` if any text is not a timestamp Python reads.
 */
export function sortTimestamps<T extends TimestampLike>(list: readonly T[]): T[] {
  const keyed = list.map((value, index) => ({ value, index, key: toPy(value).epochMicros }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.index - y.index));
  return keyed.map((k) => k.value);
}
