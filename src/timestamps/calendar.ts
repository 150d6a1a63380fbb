/**
 * Proleptic Gregorian calendar arithmetic as CPython's `_datetimemodule.c` does it.
 *
 * Ordinals count days with 0001-01-01 as day 1 (Python's `date.toordinal()`). Integer division and
 * remainder follow C (truncation toward zero), which matters only for the year-0 week dates that
 * `fromisoformat` lets through to `iso_to_ymd` (see `isoWeekToYmd`).
 */

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** `date(1970, 1, 1).toordinal()`. */
export const EPOCH_ORDINAL = 719163;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;

const DI4Y = 1461;
const DI100Y = 36524;
const DI400Y = 146097;

const cdiv = (a: number, b: number): number => Math.trunc(a / b);

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in `month` (1..12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return DAYS_IN_MONTH[month] ?? 0;
}

function daysBeforeMonth(year: number, month: number): number {
  let days: number = DAYS_BEFORE_MONTH[month] ?? 0;
  if (month > 2 && isLeap(year)) days += 1;
  return days;
}

function daysBeforeYear(year: number): number {
  const yearsBefore = year - 1;
  return yearsBefore * 365 + cdiv(yearsBefore, 4) - cdiv(yearsBefore, 100) + cdiv(yearsBefore, 400);
}

/** (year, month, day) → ordinal; `ymdToOrdinal(1, 1, 1) === 1`. */
export function ymdToOrdinal(year: number, month: number, day: number): number {
  return daysBeforeYear(year) + daysBeforeMonth(year, month) + day;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/**
 * ordinal → (year, month, day) for ordinal >= 1 (CPython `ord_to_ymd`).
 *
 * For ordinal < 1 CPython's C code reads outside its month tables (undefined behaviour); what it
 * produces then is year 1 with a month <= 0, which `datetime()` rejects with "month must be in
 * 1..12". We return exactly that shape (year 1, month 0, day 0) so the caller rejects the same way.
 */
export function ordinalToYmd(ordinal: number): Ymd {
  if (ordinal < 1) return { year: 1, month: 0, day: 0 };
  let days = ordinal - 1;
  const n400 = Math.floor(days / DI400Y);
  days %= DI400Y;
  let year = n400 * 400 + 1;
  const n100 = Math.floor(days / DI100Y);
  days %= DI100Y;
  const n4 = Math.floor(days / DI4Y);
  days %= DI4Y;
  const n1 = Math.floor(days / 365);
  days %= 365;
  year += n100 * 100 + n4 * 4 + n1;
  if (n1 === 4 || n100 === 4) return { year: year - 1, month: 12, day: 31 };
  const leap = n1 === 3 && (n4 !== 24 || n100 === 3);
  let month = (days + 50) >> 5;
  let preceding = (DAYS_BEFORE_MONTH[month] ?? 0) + (month > 2 && leap ? 1 : 0);
  if (preceding > days) {
    month -= 1;
    preceding -= daysInMonth(year, month);
  }
  return { year, month, day: days - preceding + 1 };
}

/** Monday = 0 … Sunday = 6, with C remainder semantics (year 0 gives -1 for Jan 1, as in CPython). */
function weekday(year: number, month: number, day: number): number {
  return (ymdToOrdinal(year, month, day) + 6) % 7;
}

function isoWeek1Monday(year: number): number {
  const firstDay = ymdToOrdinal(year, 1, 1);
  const firstWeekday = (firstDay + 6) % 7;
  let week1Monday = firstDay - firstWeekday;
  if (firstWeekday > 3) week1Monday += 7;
  return week1Monday;
}

/**
 * ISO (year, week, weekday) → (year, month, day), CPython `iso_to_ymd` as called by `fromisoformat`.
 * Returns 'week' or 'day' when that component is out of range (fromisoformat then reports an invalid
 * string). The year is not range-checked here, as in CPython: year 0 yields month 0 (see
 * `ordinalToYmd`), year 9999 week 52 day 6+ yields year 10000; `datetime()` rejects both.
 */
export function isoWeekToYmd(isoYear: number, isoWeek: number, isoDay: number): Ymd | 'week' | 'day' {
  if (isoWeek <= 0 || isoWeek >= 53) {
    let outOfRange = true;
    if (isoWeek === 53) {
      const firstWeekday = weekday(isoYear, 1, 1);
      if (firstWeekday === 3 || (firstWeekday === 2 && isLeap(isoYear))) outOfRange = false;
    }
    if (outOfRange) return 'week';
  }
  if (isoDay <= 0 || isoDay >= 8) return 'day';
  const day1 = isoWeek1Monday(isoYear);
  return ordinalToYmd(day1 + (isoWeek - 1) * 7 + isoDay - 1);
}
