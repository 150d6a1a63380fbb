/**
 * Python 3.11 `datetime.fromisoformat`, ported step by step from CPython's C implementation
 * (`Modules/_datetimemodule.c`: `datetime_fromisoformat`, `_sanitize_isoformat_str`,
 * `_find_isoformat_datetime_separator`, `parse_isoformat_date`, `parse_isoformat_time`,
 * `parse_hh_mm_ss_ff`, `tzinfo_from_isoformat_results`, then the range checks of `datetime()`).
 *
 * Why a port and not a grammar: the C code is a hand-written scanner over the UTF-8 bytes of the
 * string, NUL-terminated, and its verdicts include many things no ISO 8601 grammar predicts (a
 * separator that is any character, fractions after hours or minutes, a fourth ":"-group read as a
 * fraction, junk after a truncated fraction when an offset follows, text after an embedded NUL).
 * Matching Python means scanning the same bytes the same way. The differential tests in
 * test/timestamps compare every verdict with pynenc's own reader on Python 3.12 (.venv).
 *
 * The scanner works on a "byte string": a JS string whose char codes are the UTF-8 bytes (for ASCII
 * input, the input itself). Reading at or past the end yields 0, like reading C's terminator.
 */

import { isoWeekToYmd, daysInMonth, MAX_YEAR, MIN_YEAR } from './calendar';
import { TimestampError } from './errors';

/** What fromisoformat produced (before pynenc's naive → UTC step). */
export interface ParsedIsoFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  /** Total UTC offset in microseconds, or null for a naive result. */
  offsetMicros: number | null;
}

const CH_0 = 0x30;
const CH_COLON = 0x3a;
const CH_DOT = 0x2e;
const CH_COMMA = 0x2c;
const CH_DASH = 0x2d;
const CH_PLUS = 0x2b;
const CH_Z = 0x5a;
const CH_W = 0x57;
const CH_T = 0x54;

const MICROS_PER_DAY = 86_400_000_000;
const FRACTION_CORRECTION = [100000, 10000, 1000, 100, 10] as const;

/** Byte at `index` of a byte string, 0 past the end (C's NUL terminator). */
function at(bytes: string, index: number): number {
  return index < bytes.length ? bytes.charCodeAt(index) : 0;
}

function isDigit(char: number): boolean {
  return char >= CH_0 && char <= CH_0 + 9;
}

/** C `parse_digits`: the value of `count` ASCII digits at `start`, or -1 if any of them is not a digit. */
function digits(bytes: string, start: number, count: number): number {
  let value = 0;
  for (let index = 0; index < count; index++) {
    const digit = at(bytes, start + index) - CH_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The UTF-8 bytes CPython scans, as a byte string, or null when CPython fails (fewer than 7 code
 * points; a lone surrogate that `_sanitize_isoformat_str` does not replace, so UTF-8 encoding fails).
 */
function pythonUtf8(text: string): string | null {
  // Fast path: pure ASCII text is its own UTF-8.
  let ascii = true;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.length < 7 ? null : text;

  const points: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        points.push(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
        index++;
        continue;
      }
    }
    points.push(unit);
  }
  if (points.length < 7) return null;

  // _sanitize_isoformat_str: the first of code points 7, 8, 10 that is a surrogate becomes 'T'.
  for (const pos of [7, 8, 10]) {
    if (pos > points.length) break;
    const cp = points[pos];
    if (cp !== undefined && cp >= 0xd800 && cp <= 0xdfff) {
      points[pos] = CH_T;
      break;
    }
  }

  let out = '';
  for (const cp of points) {
    if (cp < 0x80) out += String.fromCharCode(cp);
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp >= 0xd800 && cp <= 0xdfff)
      return null; // UnicodeEncodeError → invalid string
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out += String.fromCharCode(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return out;
}

/** C `_find_isoformat_datetime_separator` (may return -1). */
function findSeparator(bytes: string, len: number): number {
  if (len === 7) return 7;
  if (at(bytes, 4) === CH_DASH) {
    if (at(bytes, 5) === CH_W) {
      if (len < 8) return -1;
      if (len > 8 && at(bytes, 8) === CH_DASH) {
        if (len === 9) return -1;
        if (len > 10 && isDigit(at(bytes, 10))) return 8;
        return 10;
      }
      return 8;
    }
    return 10;
  }
  if (at(bytes, 4) === CH_W) {
    let idx = 7;
    for (; idx < len; idx++) if (!isDigit(at(bytes, idx))) break;
    if (idx < 9) return idx;
    return idx % 2 === 0 ? 7 : 8;
  }
  return 8;
}

interface DateOut {
  year: number;
  month: number;
  day: number;
}

/** C `parse_isoformat_date`: 0 on success, negative on failure. `len` < 0 means "unbounded" (size_t -1). */
function parseDate(bytes: string, len: number, out: DateOut): number {
  const limit = len < 0 ? Number.POSITIVE_INFINITY : len;
  const year = digits(bytes, 0, 4);
  if (year < 0) return -1;
  out.year = year;
  let pos = 4;
  const usesSeparator = at(bytes, pos) === CH_DASH;
  if (usesSeparator) pos++;

  if (at(bytes, pos) === CH_W) {
    pos++;
    const week = digits(bytes, pos, 2);
    if (week < 0) return -3;
    pos += 2;
    let isoDay: number;
    if (pos < limit) {
      if (usesSeparator && at(bytes, pos++) !== CH_DASH) return -2;
      isoDay = digits(bytes, pos, 1);
      if (isoDay < 0) return -4;
    } else {
      isoDay = 1;
    }
    const ymd = isoWeekToYmd(year, week, isoDay);
    if (ymd === 'week') return -5;
    if (ymd === 'day') return -6;
    out.year = ymd.year;
    out.month = ymd.month;
    out.day = ymd.day;
    return 0;
  }

  const month = digits(bytes, pos, 2);
  if (month < 0) return -1;
  pos += 2;
  if (usesSeparator && at(bytes, pos++) !== CH_DASH) return -2;
  const day = digits(bytes, pos, 2);
  if (day < 0) return -1;
  out.month = month;
  out.day = day;
  return 0;
}

/**
 * C `parse_hh_mm_ss_ff` on [start, end): fills out[0..3] = hour, minute, second, microsecond.
 * Returns 0 (clean end), 1 (stopped before a non-NUL byte), -3 / -4 (failure).
 */
function parseHmsf(bytes: string, start: number, end: number, out: number[]): number {
  out[0] = out[1] = out[2] = out[3] = 0;
  let pos = start;
  let hasSeparator = true;
  let index = 0;
  for (; index < 3; index++) {
    const value = digits(bytes, pos, 2);
    if (value < 0) return -3;
    out[index] = value;
    pos += 2;
    const char = at(bytes, pos++);
    if (index === 0) hasSeparator = char === CH_COLON;
    if (pos >= end) return char !== 0 ? 1 : 0;
    else if (hasSeparator && char === CH_COLON) continue;
    else if (char === CH_DOT || char === CH_COMMA) break;
    else if (!hasSeparator) pos--;
    else return -4;
  }

  // Fraction: up to 6 digits are read, further digits skipped (truncation, not rounding).
  const toParse = Math.min(end - pos, 6);
  let micro = digits(bytes, pos, toParse);
  if (micro < 0) return -3;
  pos += toParse;
  if (toParse < 6) micro *= toParse > 0 ? FRACTION_CORRECTION[toParse - 1]! : 0;
  out[3] = micro;
  while (isDigit(at(bytes, pos))) pos++;
  return at(bytes, pos) !== 0 ? 1 : 0;
}

interface TimeOut {
  hms: number[];
  /** Scratch for the offset's hour, minute, second, microsecond. */
  tz: number[];
  tzSeconds: number;
  tzMicros: number;
}

/** C `parse_isoformat_time`: 0 (naive), 1 (with offset), negative on failure. */
function parseTime(bytes: string, start: number, len: number, out: TimeOut): number {
  const end = start + len;
  let tzPos = start;
  do {
    const char = at(bytes, tzPos);
    if (char === CH_Z || char === CH_PLUS || char === CH_DASH) break;
  } while (++tzPos < end);

  let rv = parseHmsf(bytes, start, tzPos, out.hms);
  if (rv < 0) return rv;
  if (tzPos === end) return rv === 1 ? -5 : 0;

  if (at(bytes, tzPos) === CH_Z) {
    out.tzSeconds = 0;
    out.tzMicros = 0;
    return at(bytes, tzPos + 1) !== 0 ? -5 : 1;
  }

  const sign = at(bytes, tzPos) === CH_DASH ? -1 : 1;
  const tz = out.tz;
  rv = parseHmsf(bytes, tzPos + 1, end, tz);
  out.tzSeconds = sign * (tz[0]! * 3600 + tz[1]! * 60 + tz[2]!);
  out.tzMicros = sign * tz[3]!;
  return rv !== 0 ? -5 : 1;
}

function invalid(text: string): TimestampError {
  return new TimestampError('TIMESTAMP_INVALID_FORMAT', text, 'Invalid isoformat string');
}

/**
 * Python 3.11 `datetime.fromisoformat(text)`: the fields it produces, or the same refusal as a
 * `TimestampError`. The offset is null for a naive result.
 */
export function fromIsoFormat(text: unknown): ParsedIsoFields {
  if (typeof text !== 'string') {
    throw new TimestampError('TIMESTAMP_NOT_A_STRING', text, 'fromisoformat: argument must be str');
  }
  const bytes = pythonUtf8(text);
  if (bytes === null) throw invalid(text);
  let len = bytes.length;

  const separator = findSeparator(bytes, len);
  const date: DateOut = { year: 0, month: 0, day: 0 };
  const time: TimeOut = { hms: [0, 0, 0, 0], tz: [0, 0, 0, 0], tzSeconds: 0, tzMicros: 0 };

  let rv = parseDate(bytes, separator, date);
  if (rv === 0 && len > separator) {
    // Skip the separator: any single character, whatever its UTF-8 length.
    let pos = separator;
    const lead = at(bytes, pos);
    if ((lead & 0x80) === 0) pos += 1;
    else if ((lead & 0xf0) === 0xe0) pos += 3;
    else if ((lead & 0xf0) === 0xf0) pos += 4;
    else pos += 2;
    len -= pos;
    rv = parseTime(bytes, pos, len, time);
  }
  if (rv < 0) throw invalid(text);

  // tzinfo_from_isoformat_results: a zero whole-second offset is UTC (its microseconds are dropped).
  let offsetMicros: number | null = null;
  if (rv === 1) {
    if (time.tzSeconds === 0) {
      offsetMicros = 0;
    } else {
      offsetMicros = time.tzSeconds * 1_000_000 + time.tzMicros;
      if (offsetMicros <= -MICROS_PER_DAY || offsetMicros >= MICROS_PER_DAY) {
        throw new TimestampError(
          'TIMESTAMP_OFFSET_OUT_OF_RANGE',
          text,
          'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)',
        );
      }
    }
  }

  // datetime(): the range checks, in CPython's order.
  const { year, month, day } = date;
  const [hour, minute, second, microsecond] = time.hms as [number, number, number, number];
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new TimestampError('TIMESTAMP_YEAR_OUT_OF_RANGE', text, `year ${year} is out of range`);
  }
  if (month < 1 || month > 12) {
    throw new TimestampError('TIMESTAMP_MONTH_OUT_OF_RANGE', text, 'month must be in 1..12');
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new TimestampError('TIMESTAMP_DAY_OUT_OF_RANGE', text, 'day is out of range for month');
  }
  if (hour > 23) throw new TimestampError('TIMESTAMP_HOUR_OUT_OF_RANGE', text, 'hour must be in 0..23');
  if (minute > 59) throw new TimestampError('TIMESTAMP_MINUTE_OUT_OF_RANGE', text, 'minute must be in 0..59');
  if (second > 59) throw new TimestampError('TIMESTAMP_SECOND_OUT_OF_RANGE', text, 'second must be in 0..59');

  return { year, month, day, hour, minute, second, microsecond, offsetMicros };
}
