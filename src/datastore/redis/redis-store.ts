/**
 * RedisStore: the data-store backend on pynenc_redis's key layout, so a TS
 * process and a Python pynenc app pointed at the same Redis and app_id share
 * client data (see keys.ts for the layout).
 */
// ioredis over node-redis: connect/command timeouts, an offline-queue switch and retryStrategy let calls fail fast
// instead of queueing; Buffer replies (mgetBuffer/scanBuffer) allow strict UTF-8 checks; ReplyError types server
// errors.
import { ReplyError, type Redis } from 'ioredis';
import type { DataStoreBackend } from '../backend';
import { ContractError } from '../../errors';
import { checkEntries, checkKeys } from '../entries';
import { DataStoreClosedError, DataStoreConfigError } from '../errors';
import {
  DataStoreUnavailableError,
  RedisCommandError,
  RedisValueError,
  describeKeys,
  type RedisStoreOperation,
  type RedisUnavailableReason,
} from './errors';
import { clientDataKeyPrefix, escapeRedisGlob, sanitizeAppId } from './keys';
import {
  CONNECTION_CLIENT_METHODS,
  connectFailureKind,
  expectedDbOf,
  isRedisConnectionError,
  isRedisTimeout,
  openRedisClient,
  RedisConnectFailure,
  RedisConnection,
  withCommandDeadline,
  type RedisConnectionOptions,
} from './connection';
import { hasLoneSurrogate } from '../../spec/json-value';
import { decodeUtf8AsPython } from '../utf8';

export type { RedisConnectionOptions } from './connection';

export interface RedisStoreOptions {
  /** The pynenc app_id (as given to `Pynenc(app_id=…)`); sanitised like pynenc_redis. */
  appId: string;
  /**
   * Where to connect: a `redis://` / `rediss://` URL or connection options.
   * Default `redis://localhost:6379/0` (pynenc_redis's default). Exclusive with `client`.
   */
  connection?: string | RedisConnectionOptions;
  /**
   * An ioredis client to use instead. The caller keeps owning it: `close()` stops
   * this store from using it but does not disconnect it unless `closeClient`.
   * Its own offline-queue / retry settings apply; this store still bounds every
   * call by `connectTimeoutMs` + `commandTimeoutMs`.
   */
  client?: Redis;
  /** With `client`: disconnect it on `close()`. */
  closeClient?: boolean;
  /** TCP connect deadline. Default 2000 ms. */
  connectTimeoutMs?: number;
  /** Deadline for each Redis command (MGET, MSET, one SCAN step, one DEL). Default 5000 ms. */
  commandTimeoutMs?: number;
  /** SCAN COUNT hint and DEL batch size for `purge()`. Default 1000 (as pynenc_redis). */
  scanCount?: number;
}

/**
 * Keys per MGET and entries per MSET: one command never carries more, so no batch size reaches a call-stack or
 * argument limit (70,000 spread arguments overflowed V8's stack). A set of more entries is one MULTI/EXEC
 * transaction of MSETs: still all-or-nothing, and no other client sees part of it.
 */
export const REDIS_BATCH_CHUNK = 10_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 2000;
const DEFAULT_COMMAND_TIMEOUT_MS = 5000;

export class RedisStore implements DataStoreBackend {
  readonly description: string;
  /** The app_id as given. */
  readonly appId: string;
  /** The app_id as it appears in keys (pynenc_redis sanitising). */
  readonly sanitizedAppId: string;
  /** Every key of this store starts with this: `__pynenc__:<app>:client_data_store:client_data_store:`. */
  readonly keyPrefix: string;

  private readonly client: Redis;
  /** Connects, checks the db and drops the client (an owned one: created here with fail-fast settings). */
  private readonly connection: RedisConnection;
  private readonly disconnectOnClose: boolean;
  private readonly commandTimeoutMs: number;
  private readonly scanCount: number;
  private readonly prefixBytes: Buffer;
  private closed = false;
  private readonly inflight = new Set<() => void>();

  constructor(options: RedisStoreOptions) {
    if (options === null || typeof options !== 'object')
      throw new DataStoreConfigError('options', 'an options object', options);
    this.appId = options.appId;
    this.sanitizedAppId = sanitizeAppId(options.appId);
    this.keyPrefix = clientDataKeyPrefix(options.appId);
    this.prefixBytes = Buffer.from(this.keyPrefix, 'utf8');
    const connectTimeoutMs = positive(options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS, 'connectTimeoutMs');
    this.commandTimeoutMs = positive(options.commandTimeoutMs, DEFAULT_COMMAND_TIMEOUT_MS, 'commandTimeoutMs');
    this.scanCount = positive(options.scanCount, 1000, 'scanCount');
    if (options.client && options.connection !== undefined) {
      throw new DataStoreConfigError('connection', 'either `client` or `connection`, not both', options.connection);
    }
    const opened = openRedisClient(options, {
      methods: CLIENT_METHODS,
      connectTimeoutMs,
      commandTimeoutMs: this.commandTimeoutMs,
      refuse: configError,
      refuseDb: (server, db, reply) => new DataStoreConfigError('db', `${expectedDbOf(server)}: ${reply.message}`, db),
    });
    this.client = opened.client;
    this.connection = opened.connection;
    this.description = opened.server;
    this.disconnectOnClose = opened.disconnectOnClose;
  }

  /** The Redis key pynenc_redis uses for `reference` in this app. */
  redisKey(reference: string): string {
    return this.keyPrefix + reference;
  }

  async get(keys: readonly string[]): Promise<Array<string | undefined>> {
    if (this.closed) return Promise.reject(this.closedError('get', [], false));
    checkKeys(keys);
    const redisKeys = keys.map((k) => this.redisKey(k));
    return this.run('get', redisKeys, async () => {
      checkWellFormed(keys, (problem) => new RedisValueError(problem, this.context('get', redisKeys)));
      if (redisKeys.length === 0) return [];
      await this.connection.ready();
      // One MGET per chunk of REDIS_BATCH_CHUNK keys, all sent at once (one round trip). Entries are
      // content-addressed and checked on read, so the chunks need not be one snapshot.
      const chunks: string[][] = [];
      for (let from = 0; from < redisKeys.length; from += REDIS_BATCH_CHUNK)
        chunks.push(redisKeys.slice(from, from + REDIS_BATCH_CHUNK));
      const replies = await this.command(
        Promise.all(chunks.map((chunk) => this.client.mgetBuffer(chunk))),
        chunks.length,
      );
      const out = new Array<string | undefined>(redisKeys.length);
      let at = 0;
      for (let chunkIndex = 0; chunkIndex < replies.length; chunkIndex++) {
        const values = replies[chunkIndex]!;
        for (let index = 0; index < values.length; index++, at++) {
          const value = values[index];
          if (value === null || value === undefined) continue;
          try {
            out[at] = decodeUtf8AsPython(value);
          } catch {
            throw new RedisValueError(
              'stored value is not valid UTF-8',
              this.context('get', [chunks[chunkIndex]![index]!]),
            );
          }
        }
      }
      return out;
    });
  }

  async set(entries: ReadonlyArray<readonly [key: string, text: string]>): Promise<void> {
    // Same checks as the other backends: [key, text] string pairs, texts UTF-8 can carry (else SerializationError).
    checkEntries(entries);
    const redisKeys = entries.map(([k]) => this.redisKey(k));
    return this.run('set', redisKeys, async () => {
      if (entries.length === 0) return;
      await this.connection.ready();
      const chunks: string[][] = [];
      for (let from = 0; from < entries.length; from += REDIS_BATCH_CHUNK) {
        const args: string[] = [];
        const to = Math.min(entries.length, from + REDIS_BATCH_CHUNK);
        for (let index = from; index < to; index++) args.push(redisKeys[index]!, entries[index]![1]);
        chunks.push(args);
      }
      // MSET is one atomic command: every key is written, or (error reply) none.
      if (chunks.length === 1) {
        await this.command(this.client.mset(chunks[0]!));
        return;
      }
      // More: MSETs in one MULTI/EXEC. A command refused while queued (OOM, …) discards the whole
      // transaction (EXECABORT); MSET cannot fail once executed; EXEC runs them with no other client between.
      const transaction = this.client.multi();
      for (const args of chunks) transaction.mset(args);
      const results = await this.command(transaction.exec(), chunks.length);
      const failed = results?.find(([err]) => err);
      if (!results || failed) throw failed?.[0] ?? new ReplyError('EXEC aborted');
    });
  }

  async purge(): Promise<void> {
    const pattern = `${escapeRedisGlob(this.keyPrefix)}*`;
    return this.run('purge', [pattern], async () => {
      await this.connection.ready();
      let cursor = '0';
      do {
        const [next, found] = await this.command(
          this.client.scanBuffer(cursor, 'MATCH', pattern, 'COUNT', this.scanCount),
        );
        cursor = next.toString();
        // The pattern is exact already; checking the prefix again costs nothing and keeps other apps safe.
        const mine = found.filter(
          (key) =>
            key.length >= this.prefixBytes.length && this.prefixBytes.equals(key.subarray(0, this.prefixBytes.length)),
        );
        for (let start = 0; start < mine.length; start += this.scanCount) {
          await this.command(this.client.del(...mine.slice(start, start + this.scanCount)));
        }
      } while (cursor !== '0');
    });
  }

  /**
   * Releases the connection (an owned client is disconnected). Calls still
   * pending fail with DataStoreClosedError, later calls too. Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const abort of [...this.inflight]) abort();
    await this.connection.close(this.disconnectOnClose);
  }

  // ── internals ──────────────────────────────────────────────────────

  private context(operation: RedisStoreOperation, keys: readonly string[]) {
    return { server: this.description, operation, keys };
  }

  private closedError(operation: RedisStoreOperation, keys: readonly string[], pending: boolean): DataStoreClosedError {
    return new DataStoreClosedError(
      this.description,
      `${operation} of ${describeKeys(keys)}${pending ? ' (pending)' : ''}`,
    );
  }

  /**
   * Runs one operation: settles exactly once, with the result, a typed error,
   * or DataStoreClosedError when `close()` comes first.
   */
  private run<T>(operation: RedisStoreOperation, redisKeys: readonly string[], work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(this.closedError(operation, redisKeys, false));
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        this.inflight.delete(abort);
        fn();
      };
      const abort = (): void => settle(() => reject(this.closedError(operation, redisKeys, true)));
      this.inflight.add(abort);
      work().then(
        (value) => settle(() => resolve(value)),
        (err: unknown) => settle(() => reject(this.translate(err, operation, redisKeys))),
      );
    });
  }

  /** Bounds a command (`commands` of them: a transaction) by commandTimeoutMs each, whatever the client's timeouts. */
  private command<T>(promise: Promise<T>, commands = 1): Promise<T> {
    return withCommandDeadline(promise, this.commandTimeoutMs, commands);
  }

  private translate(err: unknown, operation: RedisStoreOperation, redisKeys: readonly string[]): Error {
    const context = this.context(operation, redisKeys);
    if (err instanceof ContractError) return err; // RedisValueError, DataStoreConfigError, …: already typed
    if (this.closed) return this.closedError(operation, redisKeys, true);
    if (err instanceof RedisConnectFailure) {
      return new DataStoreUnavailableError(connectReason(err.underlying), context, err.underlying);
    }
    if (err instanceof ReplyError) return new RedisCommandError(replyText(err as Error), context, err);
    if (isRedisTimeout(err)) return new DataStoreUnavailableError('timeout', context, err);
    if (err instanceof Error && !isRedisConnectionError(err)) {
      // Not a Redis or socket failure: a bug or a misuse; keep it as it is.
      return err;
    }
    // The socket died under the command: discard it, so the next call reconnects instead of reusing it.
    this.connection.abandon();
    return new DataStoreUnavailableError('lost', context, err);
  }
}

/** The reply, with the error that made a transaction abort (EXECABORT carries it in previousErrors). */
function replyText(err: Error): string {
  const previous = (err as { previousErrors?: unknown }).previousErrors;
  const first = Array.isArray(previous) && previous[0] instanceof Error ? (previous[0] as Error).message : undefined;
  return first !== undefined ? `${first} (${err.message})` : err.message;
}

/** A refused connection option, as this store reports it. */
function configError(option: string, expected: string, received: unknown): Error {
  return new DataStoreConfigError(option, expected, received);
}

/** The client methods this store calls. */
const CLIENT_METHODS = [...CONNECTION_CLIENT_METHODS, 'mgetBuffer', 'mset', 'multi', 'scanBuffer', 'del'] as const;

const CONNECT_REASONS = { refused: 'refused', timeout: 'connect-timeout', other: 'unreachable' } as const;

function connectReason(cause: unknown): RedisUnavailableReason {
  return CONNECT_REASONS[connectFailureKind(cause)];
}

/** References Redis can carry as UTF-8 (checkKeys made them strings): a lone surrogate is refused. */
function checkWellFormed(references: readonly string[], error: (problem: string) => Error): void {
  for (let index = 0; index < references.length; index++) {
    if (hasLoneSurrogate(references[index]!)) {
      throw error(`reference at index ${index} has a lone surrogate (not encodable as UTF-8)`);
    }
  }
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DataStoreConfigError(name, 'a positive number of milliseconds / items', value);
  }
  return value;
}
