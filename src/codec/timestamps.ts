/**
 * Timestamps as the codec reads and writes them: what Python's `isoformat()`
 * writes after `fromisoformat` (naive → UTC), through src/timestamps.
 */
import { InvalidOptionError } from '../limits';
import { isCanonicalTimestamp } from '../timestamps/canonical';
import { PyTimestamp, normalizeTimestamp } from '../timestamps/pytimestamp';

/**
 * Texts the contract's pattern accepts that Python does not write back as they
 * are: a `.000000` fraction (omitted when microseconds are 0), a `-00:00`
 * offset (zero is `+00:00`), offset seconds `:00` without a fraction, an offset
 * fraction `.000000`, and an offset of 00:00:00 plus a fraction (3.11's
 * fromisoformat reads it as UTC).
 */
const NOT_AS_PYTHON_WRITES = /\.000000[+-]|[+-]00:00:00(?:\.\d{6})?$|-00:00$|:\d\d:00$|\.000000$/;

/**
 * True when `text` is exactly what Python writes for the datetime it reads
 * from `text`, so normalizing it is the identity (a cheap check that spares
 * the full fromisoformat port on the common path).
 */
export function isAsPythonWrites(text: string): boolean {
  // Most texts are spared the second regex.
  return isCanonicalTimestamp(text) && (!mayBeRewritten(text) || !NOT_AS_PYTHON_WRITES.test(text));
}

/**
 * For a text the contract's pattern accepts: whether Python might write the
 * datetime it reads from it differently. Of those texts, NOT_AS_PYTHON_WRITES
 * can only match one whose offset has seconds and a fraction
 * (`+00:00:00.500000`: its `.` is the 7th character from the end); the
 * pattern rules out the other forms. False means "written back as it is".
 */
export function mayBeRewritten(canonical: string): boolean {
  return canonical.charCodeAt(canonical.length - 7) === 46; /* . */
}

/** Python's `fromisoformat(text)` (naive → UTC) then `isoformat()`; throws TimestampError where Python raises. */
export function pythonTimestamp(text: string): string {
  return isAsPythonWrites(text) ? text : normalizeTimestamp(text);
}

/** The clock for EventRecord's "now" default: a Date, epoch microseconds (bigint) or a PyTimestamp. */
export type Clock = () => Date | bigint | PyTimestamp;

/** Python's `datetime.now(UTC).isoformat()` for the clock's reading. */
export function nowText(clock: Clock | undefined): string {
  if (clock === undefined) return PyTimestamp.now().toString();
  const reading = clock();
  if (reading instanceof PyTimestamp) return reading.toUtc().toString();
  if (reading instanceof Date) return PyTimestamp.fromDate(reading).toString();
  if (typeof reading === 'bigint') return PyTimestamp.fromEpochMicros(reading).toString();
  throw new InvalidOptionError(
    'now',
    'a clock returning a Date, epoch microseconds (bigint) or a PyTimestamp',
    reading,
  );
}
