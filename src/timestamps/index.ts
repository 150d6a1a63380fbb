/**
 * Python timestamps: read what `datetime.fromisoformat` (3.11) reads, write what `isoformat()` writes,
 * and do exact microsecond time math.
 */
export { TimestampError, TIMESTAMP_ERROR_CODES, type TimestampErrorCode } from './errors';
/** Thrown for an argument of the wrong kind (epoch microseconds that are not a bigint…); also on the root entry. */
export { InvalidArgumentError } from '../errors';
export {
  PyTimestamp,
  parseIsoTimestamp,
  normalizeTimestamp,
  formatTimestamp,
  compareTimestamps,
  sortTimestamps,
  type TimestampLike,
} from './pytimestamp';
export { isCanonicalTimestamp, CANONICAL_TIMESTAMP_PATTERN } from './canonical';
