/**
 * Runs scripts/python/isoformat_oracle.py with the real pynenc (test/support/pynenc-python.ts: the venv's Python,
 * 3.12+, the one pynenc runs on): pynenc's `_parse_timestamp` decides every verdict.
 */
import type { TimestampErrorCode } from '../../src/timestamps';
import { runOracle } from '../support/pynenc-python';

const run = <T>(request: unknown): T => runOracle<T>('isoformat_oracle.py', request, { timeoutMs: 300_000 });

export type PyCategory =
  | 'not_a_string'
  | 'invalid_format'
  | 'year_out_of_range'
  | 'month_out_of_range'
  | 'day_out_of_range'
  | 'hour_out_of_range'
  | 'minute_out_of_range'
  | 'second_out_of_range'
  | 'offset_out_of_range'
  | 'overflow';

/** Which TimestampError code stands for which Python error family. */
export const CODE_FOR_CATEGORY: Record<PyCategory, TimestampErrorCode> = {
  not_a_string: 'TIMESTAMP_NOT_A_STRING',
  invalid_format: 'TIMESTAMP_INVALID_FORMAT',
  year_out_of_range: 'TIMESTAMP_YEAR_OUT_OF_RANGE',
  month_out_of_range: 'TIMESTAMP_MONTH_OUT_OF_RANGE',
  day_out_of_range: 'TIMESTAMP_DAY_OUT_OF_RANGE',
  hour_out_of_range: 'TIMESTAMP_HOUR_OUT_OF_RANGE',
  minute_out_of_range: 'TIMESTAMP_MINUTE_OUT_OF_RANGE',
  second_out_of_range: 'TIMESTAMP_SECOND_OUT_OF_RANGE',
  offset_out_of_range: 'TIMESTAMP_OFFSET_OUT_OF_RANGE',
  overflow: 'TIMESTAMP_OVERFLOW',
};

/** `pynenc_default`: the value is falsy; pynenc reads it as "now" / None, and the verdict is fromisoformat's. */
export type PyFailure = { ok: false; category: PyCategory; error: string; pynenc_default?: true };
export type PyRead =
  | {
      ok: true;
      iso: string;
      fields: [number, number, number, number, number, number, number];
      offset_micros: number;
      epoch_micros: string;
      epoch_millis_floor: string;
    }
  | PyFailure;
export type PyFormat = { ok: true; iso: string } | PyFailure;

/** pynenc's reader (fromisoformat; naive → UTC; isoformat) applied to each value. */
export const pyRead = (values: readonly unknown[]): PyRead[] => run<PyRead[]>({ mode: 'read', values });
/** For each list, the indices of Python's stable `sorted()` of its parsed values. */
export const pySort = (lists: readonly (readonly string[])[]): number[][] => run<number[][]>({ mode: 'sort', lists });
/** Python's -1/0/1 comparison of each parsed pair. */
export const pyCompare = (pairs: readonly (readonly [string, string])[]): number[] =>
  run<number[]>({ mode: 'compare', pairs });
/** Python's isoformat of each (epoch micros, offset micros) instant. */
export const pyFormat = (items: readonly (readonly [bigint, number])[]): PyFormat[] =>
  run<PyFormat[]>({ mode: 'format', items: items.map(([e, o]) => [e.toString(), o]) });
