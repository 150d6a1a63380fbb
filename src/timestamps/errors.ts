/**
 * Typed errors of the timestamp module.
 *
 * A `TimestampError` (a `ContractError`) says what was received (truncated for display), what was
 * expected and why the text was refused. Its `dto` and `path` are undefined: the codec catches it and
 * wraps it with the DTO and JSON path it was reading.
 */

import { ContractError, describeReceived } from '../errors';

/** Stable machine-readable reasons. Each one corresponds to one family of Python errors. */
export const TIMESTAMP_ERROR_CODES = [
  /** Python: `TypeError: fromisoformat: argument must be str`. */
  'TIMESTAMP_NOT_A_STRING',
  /** Python: `ValueError: Invalid isoformat string: ...` (the text has no shape fromisoformat knows). */
  'TIMESTAMP_INVALID_FORMAT',
  /** Python: `ValueError: year N is out of range` (years are 1..9999). */
  'TIMESTAMP_YEAR_OUT_OF_RANGE',
  /** Python: `ValueError: month must be in 1..12`. */
  'TIMESTAMP_MONTH_OUT_OF_RANGE',
  /** Python: `ValueError: day is out of range for month` (Feb 30, Feb 29 in a common year, ...). */
  'TIMESTAMP_DAY_OUT_OF_RANGE',
  /** Python: `ValueError: hour must be in 0..23` (hour 24 included). */
  'TIMESTAMP_HOUR_OUT_OF_RANGE',
  /** Python: `ValueError: minute must be in 0..59`. */
  'TIMESTAMP_MINUTE_OUT_OF_RANGE',
  /** Python: `ValueError: second must be in 0..59` (leap second 60 included). */
  'TIMESTAMP_SECOND_OUT_OF_RANGE',
  /** Python: `ValueError: offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)`. */
  'TIMESTAMP_OFFSET_OUT_OF_RANGE',
  /** Time math left Python's range (local date outside years 1..9999); Python: `OverflowError`. */
  'TIMESTAMP_OVERFLOW',
] as const;

export type TimestampErrorCode = (typeof TIMESTAMP_ERROR_CODES)[number];

const EXPECTED: Record<TimestampErrorCode, string> = {
  TIMESTAMP_NOT_A_STRING: 'a string',
  TIMESTAMP_INVALID_FORMAT:
    'an ISO 8601 date or date-time that Python 3.11 datetime.fromisoformat accepts, ' +
    'e.g. "2026-05-09T10:11:12.345678+00:00"',
  TIMESTAMP_YEAR_OUT_OF_RANGE: 'a year in 1..9999',
  TIMESTAMP_MONTH_OUT_OF_RANGE: 'a month in 1..12',
  TIMESTAMP_DAY_OUT_OF_RANGE: 'a day that exists in that month and year',
  TIMESTAMP_HOUR_OUT_OF_RANGE: 'an hour in 0..23',
  TIMESTAMP_MINUTE_OUT_OF_RANGE: 'a minute in 0..59',
  TIMESTAMP_SECOND_OUT_OF_RANGE: 'a second in 0..59',
  TIMESTAMP_OFFSET_OUT_OF_RANGE: 'a UTC offset strictly between -24:00 and +24:00',
  TIMESTAMP_OVERFLOW: 'a result whose local date is within years 1..9999',
};

export class TimestampError extends ContractError {
  override readonly name = 'TimestampError';
  /** Stable reason code. */
  readonly code: TimestampErrorCode;
  /** The received value as shown to humans (JSON-quoted, one line, truncated). */
  declare readonly received: string;
  /** What would have been accepted. */
  declare readonly expected: string;
  /** The specific reason, worded like Python's own message where there is one. */
  readonly reason: string;

  constructor(code: TimestampErrorCode, value: unknown, reason: string) {
    const received = describeReceived(value);
    const expected = EXPECTED[code];
    super(`${reason}: received ${received}; expected ${expected}`, { expected, received });
    this.code = code;
    this.reason = reason;
  }
}
