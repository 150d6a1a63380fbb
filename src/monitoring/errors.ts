/**
 * Typed errors of the monitoring readers. Each names the backend ('sqlite' | 'redis'), where it looked
 * (`location`: the table or the Redis key; for connection errors the file or server) and, for a row, its id.
 */
import { ContractError, shortText } from '../errors';
import type { MonitoringBackend, MonitoringReadError } from './types';

interface Where {
  backend: MonitoringBackend;
  location: string;
  id?: string | undefined;
}

/** Base of every monitoring reader error. */
export abstract class MonitoringError extends ContractError implements MonitoringReadError {
  readonly backend: MonitoringBackend;
  readonly location: string;
  readonly id: string | undefined;

  protected constructor(
    message: string,
    where: Where,
    details: { dto?: string; path?: string; expected?: string; received?: string; cause?: unknown } = {},
  ) {
    super(message, details);
    this.backend = where.backend;
    this.location = where.location;
    this.id = where.id;
  }
}

function describe(where: Where): string {
  const id = where.id === undefined ? '' : ` id ${JSON.stringify(shortText(where.id, 120))}`;
  return `${where.backend} ${where.location}${id}`;
}

/**
 * A stored row or key the reader could not turn into a DTO: bad JSON, a contract violation, a timestamp Python
 * cannot hold, a payload reference the client data store does not have. `cause` is the underlying typed error
 * (PythonJsonSyntaxError, ContractValidationError, MissingReferenceError, …); `dto`/`path` are copied from it.
 */
export class MonitoringRowError extends MonitoringError {
  override readonly name = 'MonitoringRowError';
  readonly code = 'MONITORING_CORRUPT_ROW';

  constructor(where: Where & { dto: string }, cause: unknown) {
    const inner = cause instanceof Error ? cause.message : String(cause);
    const typed = cause instanceof ContractError ? cause : undefined;
    super(`unreadable ${where.dto} in ${describe(where)}: ${inner}`, where, {
      dto: where.dto,
      path: typed?.path,
      expected: typed?.expected ?? `a ${where.dto} as pynenc writes it`,
      received: typed?.received,
      cause,
    });
  }
}

/** A store this reader must not read: an unknown schema_version, a missing table (written by another pynenc). */
export class MonitoringSchemaError extends MonitoringError {
  override readonly name = 'MonitoringSchemaError';
  readonly code = 'MONITORING_UNSUPPORTED_SCHEMA';

  constructor(where: Where, expected: string, received: string) {
    super(`refusing ${describe(where)}: expected ${expected}, found ${received}`, where, { expected, received });
  }
}

/** Why a store could not be read right now; retrying later may succeed. */
export type MonitoringUnavailableReason =
  /** SQLite: another connection held a lock longer than the busy timeout. */
  | 'busy'
  /** Redis: nothing accepts connections at the address. */
  | 'refused'
  /** Redis: connecting did not finish in time, or a command got no reply in time. */
  | 'timeout'
  /** Redis: the connection dropped while a command was in flight. */
  | 'lost'
  /** Anything else the driver reported (I/O error, unreachable host, …). */
  | 'failed';

/** The store did not answer (locked, stopped, unreachable). The reader stays usable: the next call tries again. */
export class MonitoringUnavailableError extends MonitoringError {
  override readonly name = 'MonitoringUnavailableError';
  readonly code = 'MONITORING_UNAVAILABLE';
  readonly reason: MonitoringUnavailableReason;

  constructor(reason: MonitoringUnavailableReason, where: Where, cause?: unknown) {
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    super(`${describe(where)} unavailable (${reason})${detail}`, where, {
      expected: 'a reply within the timeouts',
      received: `${reason}${detail}`,
      cause,
    });
    this.reason = reason;
  }
}

/** A query argument the reader refuses (a negative limit, an unknown state, a time bound Python cannot hold). */
export class MonitoringQueryError extends MonitoringError {
  override readonly name = 'MonitoringQueryError';
  readonly code = 'MONITORING_BAD_QUERY';
  /** The argument, e.g. `limit`, `startTime`. */
  readonly argument: string;

  constructor(where: Where, argument: string, expected: string, received: string, cause?: unknown) {
    super(`${describe(where)}: ${argument} must be ${expected}, got ${received}`, where, { expected, received, cause });
    this.argument = argument;
  }
}

/** A call after `close()`. */
export class MonitoringClosedError extends MonitoringError {
  override readonly name = 'MonitoringClosedError';
  readonly code = 'MONITORING_CLOSED';

  constructor(where: Where, operation: string) {
    super(`${describe(where)}: ${operation} after close()`, where);
  }
}
