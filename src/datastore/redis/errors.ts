/**
 * Typed errors of RedisStore. Each carries a stable `code`, the server
 * (`redis://host:port/db`), the operation and the Redis keys involved, so a
 * failure in a batch of thousands still says where and what. Calls after (or
 * pending at) `close()` fail with the data store's DataStoreClosedError; a bad
 * app_id is a DataStoreConfigError (both from ../errors).
 */
import { ContractError, shortText } from '../../errors';

export type RedisStoreOperation = 'get' | 'set' | 'purge';

/** Why the server could not be used. */
export type RedisUnavailableReason =
  /** Nothing accepts connections at the address (ECONNREFUSED). */
  | 'refused'
  /** Connecting (TCP connect + ready check) did not finish within its deadline. */
  | 'connect-timeout'
  /** Connecting failed for another reason (DNS, reset during the handshake, …). */
  | 'unreachable'
  /** The connection dropped while the command was in flight (server stopped, network cut). */
  | 'lost'
  /** No reply within commandTimeoutMs; for `set` the write may or may not have been applied. */
  | 'timeout';

export interface RedisErrorContext {
  server: string;
  operation: RedisStoreOperation;
  keys: readonly string[];
}

const SHOWN_KEYS = 3;

/** `"k1", "k2", "k3" and 7 more` — enough to find the batch without flooding logs. */
export function describeKeys(keys: readonly string[]): string {
  if (keys.length === 0) return 'no keys';
  const shown = keys.slice(0, SHOWN_KEYS).map((k) => JSON.stringify(shortText(k, 160)));
  const rest = keys.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** Base of the Redis-specific failures. */
export abstract class RedisStoreError extends ContractError {
  readonly server: string;
  readonly operation: RedisStoreOperation;
  /** Full Redis keys of the batch (`__pynenc__:<app>:client_data_store:client_data_store:<reference>`). */
  readonly keys: readonly string[];

  protected constructor(
    message: string,
    context: RedisErrorContext,
    cause?: unknown,
    shown?: { expected: string; received: string },
  ) {
    super(message, { cause, ...shown });
    this.server = context.server;
    this.operation = context.operation;
    this.keys = context.keys;
  }
}

/** Connection refused, lost, or timed out. Retrying later may succeed. */
export class DataStoreUnavailableError extends RedisStoreError {
  override readonly name = 'DataStoreUnavailableError';
  readonly code = 'DATASTORE_UNAVAILABLE';
  readonly reason: RedisUnavailableReason;

  constructor(reason: RedisUnavailableReason, context: RedisErrorContext, cause?: unknown) {
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    const outcome =
      context.operation === 'set' && (reason === 'lost' || reason === 'timeout')
        ? ' (the batch is atomic: all of it or none of it was written; which is unknown)'
        : '';
    super(
      `Redis ${context.server} unavailable (${reason}) during ${context.operation} of ${describeKeys(context.keys)}` +
        `${detail}${outcome}`,
      context,
      cause,
      { expected: `a reply from ${context.server} within the timeouts`, received: `${reason}${detail}` },
    );
    this.reason = reason;
  }
}

/** The server answered with an error reply (OOM, NOAUTH, READONLY, …). A failed `set` wrote nothing. */
export class RedisCommandError extends RedisStoreError {
  override readonly name = 'RedisCommandError';
  readonly code = 'DATASTORE_REDIS_COMMAND';
  /** Redis's error reply, e.g. `OOM command not allowed when used memory > 'maxmemory'.` */
  readonly reply: string;

  constructor(reply: string, context: RedisErrorContext, cause?: unknown) {
    super(
      `Redis ${context.server} rejected ${context.operation} of ${describeKeys(context.keys)}: ${reply}`,
      context,
      cause,
      {
        expected: 'a successful reply',
        received: reply,
      },
    );
    this.reply = reply;
  }
}

/**
 * A value that cannot cross between the languages unchanged: a stored value
 * that is not valid UTF-8 (Python's `.decode()` fails on it too), or a text or
 * reference with a lone surrogate (UTF-8 cannot encode it; Python refuses it).
 * Nothing is sent to the server for a batch that has one.
 */
export class RedisValueError extends RedisStoreError {
  override readonly name = 'RedisValueError';
  readonly code = 'DATASTORE_REDIS_VALUE';

  constructor(problem: string, context: RedisErrorContext) {
    super(
      `Redis ${context.server}, ${context.operation} of ${describeKeys(context.keys)}: ${problem}`,
      context,
      undefined,
      {
        expected: 'text that is valid UTF-8 both ways (no lone surrogates, no invalid bytes)',
        received: problem,
      },
    );
  }
}
