/**
 * `PyTimestamp`: an aware instant as pynenc holds it after reading (Python's fixed-offset
 * `datetime`), with exact microsecond time math.
 */

import { InvalidArgumentError } from '../errors';
import { EPOCH_ORDINAL, MAX_YEAR, MIN_YEAR, ordinalToYmd, ymdToOrdinal } from './calendar';
import { TimestampError } from './errors';
import { fromIsoFormat, type ParsedIsoFields } from './fromisoformat';

const MICROS_PER_SECOND = 1_000_000n;
const MICROS_PER_DAY = 86_400_000_000n;
const MAX_OFFSET_MICROS = 86_400_000_000;

/** Floor division for bigints (BigInt `/` truncates toward zero). */
function floorDiv(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend < 0n !== divisor < 0n ? quotient - 1n : quotient;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const pad2 = (n: number): string => TWO_DIGITS[n] ?? String(n).padStart(2, '0');
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The epoch-microseconds argument of `callee`: a bigint, else InvalidArgumentError. */
function requireMicros(callee: string, argument: string, value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  throw new InvalidArgumentError(callee, argument, 'microseconds as a bigint', value);
}

/**
 * True for a PyTimestamp, of this copy of the package or of another (its ESM and CommonJS builds loaded side by side
 * are two classes): what compare and equals read is its `epochMicros`.
 */
function isInstant(value: unknown): value is PyTimestamp {
  return typeof value === 'object' && value !== null && typeof (value as PyTimestamp).epochMicros === 'bigint';
}

/** The time of a Date (of this realm or another: Date's own brand check), else InvalidArgumentError. */
function dateMillis(date: unknown): number {
  try {
    return Date.prototype.getTime.call(date);
  } catch {
    throw new InvalidArgumentError('PyTimestamp.fromDate', 'date', 'a Date', date);
  }
}

/** The UTC-offset argument of `callee`: a number (its range is checked by checkOffset), else InvalidArgumentError. */
function requireOffset(callee: string, value: unknown): number {
  if (typeof value === 'number') return value;
  throw new InvalidArgumentError(callee, 'offsetMicros', 'a UTC offset in microseconds (a number)', value);
}

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
    const fields = fromIsoFormat(text);
    const offsetMicros = fields.offsetMicros ?? 0;
    const days = ymdToOrdinal(fields.year, fields.month, fields.day) - EPOCH_ORDINAL;
    const localSeconds = days * 86400 + fields.hour * 3600 + fields.minute * 60 + fields.second; // < 2^53
    const epochMicros = BigInt(localSeconds) * MICROS_PER_SECOND + BigInt(fields.microsecond - offsetMicros);
    return new PyTimestamp(epochMicros, offsetMicros, fields);
  }

  /**
   * The instant `epochMicros` seen at UTC offset `offsetMicros` (default UTC). Throws
   * `TimestampError` (TIMESTAMP_OVERFLOW) when the local date falls outside years 1..9999, where
   * Python raises OverflowError, and TIMESTAMP_OFFSET_OUT_OF_RANGE for an offset Python refuses.
   */
  static fromEpochMicros(epochMicros: bigint, offsetMicros = 0): PyTimestamp {
    const callee = 'PyTimestamp.fromEpochMicros';
    return PyTimestamp.#at(requireMicros(callee, 'epochMicros', epochMicros), requireOffset(callee, offsetMicros));
  }

  /** fromEpochMicros once its arguments' types are checked (the range of both is checked here). */
  static #at(epochMicros: bigint, offsetMicros: number): PyTimestamp {
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
    const millis = dateMillis(date);
    const offset = requireOffset('PyTimestamp.fromDate', offsetMicros);
    if (!Number.isFinite(millis)) {
      throw new TimestampError('TIMESTAMP_OVERFLOW', 'Invalid Date', 'date value out of range');
    }
    return PyTimestamp.#at(BigInt(millis) * 1000n, offset);
  }

  /**
   * The current time in UTC, like pynenc's `datetime.now(UTC)`. The clock returns epoch
   * microseconds; the default clock is `Date.now()` (millisecond resolution, so the last three
   * microsecond digits are 0).
   */
  static now(clock: () => bigint = () => BigInt(Date.now()) * 1000n): PyTimestamp {
    const expected = 'a function returning epoch microseconds as a bigint';
    if (typeof clock !== 'function') throw new InvalidArgumentError('PyTimestamp.now', 'clock', expected, clock);
    const reading: unknown = clock();
    if (typeof reading !== 'bigint') throw new InvalidArgumentError('PyTimestamp.now', 'clock()', expected, reading);
    return PyTimestamp.#at(reading, 0);
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
    return PyTimestamp.#at(this.epochMicros, requireOffset('PyTimestamp.withOffset', offsetMicros));
  }

  /** Same instant in UTC (+00:00). */
  toUtc(): PyTimestamp {
    return PyTimestamp.#at(this.epochMicros, 0);
  }

  /** This instant plus `deltaMicros` (may be negative), keeping the offset (Python `dt + timedelta`). */
  plusMicros(deltaMicros: bigint): PyTimestamp {
    const delta = requireMicros('PyTimestamp.plusMicros', 'deltaMicros', deltaMicros);
    return PyTimestamp.#at(this.epochMicros + delta, this.offsetMicros);
  }

  /**
   * -1, 0 or 1 by instant, like Python's comparison of aware datetimes (the offset does not count). `other` must be
   * a PyTimestamp (InvalidArgumentError otherwise; Python raises TypeError comparing a datetime with another type).
   */
  compare(other: PyTimestamp): -1 | 0 | 1 {
    if (!isInstant(other)) throw new InvalidArgumentError('PyTimestamp.compare', 'other', 'a PyTimestamp', other);
    return this.epochMicros < other.epochMicros ? -1 : this.epochMicros > other.epochMicros ? 1 : 0;
  }

  /**
   * Same instant (Python `==` on aware datetimes: 10:00+01:00 equals 09:00+00:00). False for anything that is not a
   * PyTimestamp, as Python's `==` of a datetime and another type.
   */
  equals(other: PyTimestamp): boolean {
    return isInstant(other) && this.epochMicros === other.epochMicros;
  }
}

export type TimestampLike = string | PyTimestamp;

const toPy = (value: TimestampLike): PyTimestamp => (value instanceof PyTimestamp ? value : PyTimestamp.parse(value));

/** `PyTimestamp.parse`: read `text` as pynenc does (fromisoformat; naive taken as UTC). */
export function parseIsoTimestamp(text: unknown): PyTimestamp {
  return PyTimestamp.parse(text);
}

/**
 * What pynenc writes after reading `text`: `fromisoformat`, naive → UTC, `isoformat()`.
 * Throws `TimestampError` for anything Python refuses.
 */
export function normalizeTimestamp(text: unknown): string {
  const fields = fromIsoFormat(text); // no epoch arithmetic needed: the text is the local fields + offset
  const { year, month, day, hour, minute, second, microsecond } = fields;
  return isoformat(year, month, day, hour, minute, second, microsecond, fields.offsetMicros ?? 0);
}

/** Python's isoformat of the instant `epochMicros` at UTC offset `offsetMicros` (default +00:00). */
export function formatTimestamp(epochMicros: bigint, offsetMicros = 0): string {
  const micros = requireMicros('formatTimestamp', 'epochMicros', epochMicros);
  return PyTimestamp.fromEpochMicros(micros, requireOffset('formatTimestamp', offsetMicros)).toString();
}

/** Compare two timestamps (texts are parsed as pynenc reads them) by instant: -1, 0 or 1. */
export function compareTimestamps(first: TimestampLike, second: TimestampLike): -1 | 0 | 1 {
  return toPy(first).compare(toPy(second));
}

/**
 * A new array sorted by instant, ascending; stable (equal instants keep their input order), like
 * Python's `sorted()` of the parsed datetimes. Elements are returned as given (texts stay texts).
 * Throws `TimestampError` if any text is not a timestamp Python reads.
 */
export function sortTimestamps<T extends TimestampLike>(list: readonly T[]): T[] {
  if (!Array.isArray(list)) {
    throw new InvalidArgumentError('sortTimestamps', 'list', 'an array of timestamp texts and PyTimestamps', list);
  }
  const keyed = list.map((value, index) => ({ value, index, key: toPy(value).epochMicros }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.index - y.index));
  return keyed.map((k) => k.value);
}
