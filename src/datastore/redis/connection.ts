/**
 * The one place RedisStore and RedisMonitoringReader handle a Redis connection, so both behave alike:
 * - a `connection` option is checked and turned into an ioredis client (createRedisClient); each caller says which
 *   typed error a refused value becomes (`refuse`): ioredis's own TypeError ("Invalid URL") never escapes;
 * - RedisConnection connects the client (under a deadline), checks its database once per socket, and drops a
 *   connection found dead or hung so that the next call reconnects;
 * - the failures it and ioredis raise are told apart here (RedisConnectFailure, RedisGuardTimeout,
 *   isRedisConnectionError), and each caller turns them into its own typed errors.
 */
import { Redis, ReplyError, type RedisOptions } from 'ioredis';
import { isNonArrayObject } from '../../spec/json-value';

/** Connection settings for a client the package creates and owns. */
export interface RedisConnectionOptions {
  host?: string;
  port?: number;
  /** Unix socket path (instead of host/port). */
  path?: string;
  db?: number;
  username?: string;
  password?: string;
  tls?: RedisOptions['tls'];
}

/** Makes the caller's typed error for a refused option (`connection`, `connection.port`, `db`). */
type RefuseConnection = (option: string, expected: string, received: unknown) => Error;

const EXPECTED = 'a redis:// or rediss:// URL, or connection options (host, port, path, db, …)';

/** Where a client connects when the caller gives neither `connection` nor `client` (pynenc_redis's default). */
export const DEFAULT_REDIS_URL = 'redis://localhost:6379/0';

/**
 * The settings of a client the package creates: a call fails fast instead of waiting. No offline queue (a call while
 * disconnected fails now), no background reconnect loop and no retry (the next call reconnects), never a replayed
 * command (a write the caller was told failed stays unwritten), ioredis's own connect and command timeouts.
 */
export function failFastSettings(connectTimeoutMs: number, commandTimeoutMs: number): RedisOptions {
  return {
    lazyConnect: true,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    connectTimeout: connectTimeoutMs,
    commandTimeout: commandTimeoutMs,
  };
}

/** What a database index must be on `server` (`redis://host:port/db`), for the refusal of one it lacks. */
export function expectedDbOf(server: string): string {
  return `a database ${server.replace(/\/\d+$/, '')} has (0 to its \`databases\` setting - 1)`;
}

/**
 * A lazily connecting ioredis client for `connection` (a `redis://` / `rediss://` URL or connection options) with
 * `settings` on top (the caller's timeouts and fail-fast switches). A value ioredis cannot parse, a port out of
 * range or a db that is not a non-negative integer is refused with `refuse(...)`. Opens no socket.
 */
export function createRedisClient(connection: unknown, settings: RedisOptions, refuse: RefuseConnection): Redis {
  if (typeof connection === 'string') {
    if (!/^rediss?:\/\//i.test(connection)) throw refuse('connection', EXPECTED, connection);
  } else if (!isNonArrayObject(connection)) {
    throw refuse('connection', EXPECTED, connection);
  } else {
    const port = (connection as RedisConnectionOptions).port;
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
      throw refuse('connection.port', 'a TCP port (0 to 65535)', port);
    }
  }
  let client: Redis;
  try {
    client =
      typeof connection === 'string'
        ? new Redis(connection, settings)
        : new Redis({ ...(connection as RedisConnectionOptions), ...settings });
  } catch (err) {
    throw refuse('connection', `${EXPECTED} (${err instanceof Error ? err.message : String(err)})`, connection);
  }
  redisDbIndex(client.options.db, refuse);
  return client;
}

/** A client's database index: a non-negative integer (whether the server has it shows on connecting). */
export function redisDbIndex(db: unknown, refuse: RefuseConnection): number {
  if (db === undefined || db === null) return 0;
  if (typeof db !== 'number' || !Number.isSafeInteger(db) || db < 0) {
    throw refuse('db', 'a database index (a non-negative integer)', db);
  }
  return db;
}

/**
 * A server as errors name it: `redis://host:port/db` (`rediss://` with TLS, `[…]` around an IPv6 host), or
 * `redis+unix://path?db=N`.
 */
export function describeRedisServer(options: RedisOptions): string {
  const db = options.db ?? 0;
  if (options.path) return `redis+unix://${options.path}?db=${db}`;
  const scheme = options.tls ? 'rediss' : 'redis';
  const host = options.host ?? 'localhost';
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${options.port ?? 6379}/${db}`;
}

/** Whether `value` looks like an ioredis client: an options object and the `methods` the caller will use. */
export function isRedisClient(value: unknown, methods: readonly string[]): value is Redis {
  const client = value as Partial<Record<string, unknown>> | null;
  return (
    client !== null &&
    typeof client === 'object' &&
    typeof client.options === 'object' &&
    client.options !== null &&
    methods.every((method) => typeof client[method] === 'function')
  );
}

/** The caller's options naming the client to use: its own (`client`, `closeClient`), or one made from `connection`. */
export interface RedisClientChoice {
  client?: unknown;
  connection?: string | RedisConnectionOptions;
  closeClient?: unknown;
}

/** How a caller opens its connection: the client methods it calls, its timeouts and its typed refusals. */
export interface RedisOpenSettings {
  /** The client methods the caller calls (CONNECTION_CLIENT_METHODS and its own). */
  methods: readonly string[];
  connectTimeoutMs: number;
  commandTimeoutMs: number;
  /** The caller's typed error for a refused option (`closeClient`, `client`, `connection…`, `db`). */
  refuse: RefuseConnection;
  /** The caller's typed error for a database `server` does not have (`reply`: the server's answer to SELECT). */
  refuseDb: (server: string, db: number, reply: Error) => Error;
}

/** An opened (not yet connected) client: its connection, how errors name its server, whether close() drops it. */
export interface OpenedRedisClient {
  client: Redis;
  connection: RedisConnection;
  /** `redis://host:port/db` (describeRedisServer). */
  server: string;
  disconnectOnClose: boolean;
}

/**
 * The client RedisStore and RedisMonitoringReader use: the caller's `client` (checked to have `methods`; dropped on
 * close only with `closeClient`), else an owned fail-fast client for `connection` (default DEFAULT_REDIS_URL), with
 * the RedisConnection that connects it. The caller refuses `client` with `connection` itself. Opens no socket.
 */
export function openRedisClient(choice: RedisClientChoice, settings: RedisOpenSettings): OpenedRedisClient {
  const { methods, connectTimeoutMs, commandTimeoutMs, refuse, refuseDb } = settings;
  if (choice.closeClient !== undefined && typeof choice.closeClient !== 'boolean') {
    throw refuse('closeClient', 'a boolean', choice.closeClient);
  }
  const owned = choice.client === undefined;
  let client: Redis;
  if (!owned) {
    if (!isRedisClient(choice.client, methods)) throw refuse('client', 'an ioredis client', choice.client);
    client = choice.client;
  } else {
    client = createRedisClient(
      choice.connection === undefined ? DEFAULT_REDIS_URL : choice.connection,
      failFastSettings(connectTimeoutMs, commandTimeoutMs),
      refuse,
    );
  }
  const server = describeRedisServer(client.options);
  const connection = new RedisConnection(client, {
    owned,
    connectTimeoutMs,
    commandTimeoutMs,
    db: redisDbIndex(client.options.db, refuse),
    refuseDb: (db, reply) => refuseDb(server, db, reply),
  });
  return { client, connection, server, disconnectOnClose: owned || choice.closeClient === true };
}

/** A deadline hit by the package's own guard (withDeadline), as opposed to ioredis's own command timeout. */
export class RedisGuardTimeout extends Error {}

/** A failure of the connect phase; `underlying` is the socket error ioredis reported (or the deadline). */
export class RedisConnectFailure extends Error {
  constructor(readonly underlying: unknown) {
    super(underlying instanceof Error ? underlying.message : String(underlying));
  }
}

/** What made a connect attempt fail (`RedisConnectFailure.underlying`): each caller names the kinds its own way. */
export function connectFailureKind(cause: unknown): 'refused' | 'timeout' | 'other' {
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT' || cause instanceof RedisGuardTimeout) return 'timeout';
  return 'other';
}

/** A command that timed out: the package's own deadline, or ioredis's `commandTimeout`. */
export function isRedisTimeout(err: unknown): boolean {
  return err instanceof RedisGuardTimeout || (err instanceof Error && err.message === 'Command timed out');
}

/** A socket that died under a command (closed, not writable, a system error code). */
export function isRedisConnectionError(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  return (
    err.message === 'Connection is closed.' ||
    err.message.startsWith("Stream isn't writeable") ||
    err.name === 'MaxRetriesPerRequestError' ||
    (typeof code === 'string' && /^E[A-Z]+$/.test(code))
  );
}

/** `promise`, or the error `timeoutError()` makes once `ms` have passed. The timer never keeps the process alive. */
export function withDeadline<T>(promise: Promise<T>, ms: number, timeoutError: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(timeoutError()), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** `promise` bounded by `commands` × commandTimeoutMs (+ 100 ms), whatever the client's own timeouts. */
export function withCommandDeadline<T>(promise: Promise<T>, commandTimeoutMs: number, commands = 1): Promise<T> {
  return withDeadline(promise, commandTimeoutMs * commands + 100, () => new RedisGuardTimeout('Command timed out'));
}

const NOT_CHECKED = Symbol('no socket checked yet');

/** The client methods RedisConnection calls (a supplied client must have them, with the caller's own). */
export const CONNECTION_CLIENT_METHODS = ['connect', 'disconnect', 'select', 'on', 'off', 'once'] as const;

interface RedisConnectionSettings {
  /** The client was created by the package (createRedisClient): it is connected, dropped and reconnected here. */
  owned: boolean;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
  /** The database the client must use (redisDbIndex of its options). */
  db: number;
  /** The caller's typed error for a database the server does not have (`reply`: the server's answer to SELECT). */
  refuseDb: (db: number, reply: Error) => Error;
}

/**
 * One client's connection as RedisStore and RedisMonitoringReader use it. `ready()` before each call: it waits for
 * a connection being dropped, connects a client that is not ready (an owned one; a supplied one only while it has
 * never connected, `wait`), bounded by connectTimeoutMs + commandTimeoutMs, and checks the database once per
 * socket. `abandon()` drops an owned connection found dead or hung; the next `ready()` reconnects.
 */
export class RedisConnection {
  private connecting: Promise<void> | undefined;
  private dropping: Promise<void> | undefined;
  private lastClientError: unknown;
  /** The socket whose database was checked with SELECT. */
  private checkedStream: unknown = NOT_CHECKED;
  private closed = false;
  private readonly onClientError = (err: unknown): void => {
    // Socket errors (ECONNREFUSED, ECONNRESET, …) arrive here; the failing call reports them. Listening also keeps
    // ioredis from logging "Unhandled error event".
    this.lastClientError = err;
  };

  constructor(
    readonly client: Redis,
    private readonly settings: RedisConnectionSettings,
  ) {
    client.on('error', this.onClientError);
  }

  /** Connects when needed and checks the database; throws RedisConnectFailure, or refuseDb's error. */
  async ready(): Promise<void> {
    if (this.dropping) await this.dropping;
    const status = this.client.status;
    if (status !== 'ready' && (this.settings.owned || status === 'wait')) await this.connect();
    await this.checkDb();
  }

  /** Drops an owned connection found dead or hung (in the background: the next ready() waits for it). */
  abandon(): void {
    if (!this.settings.owned || this.closed || this.dropping) return;
    this.connecting = undefined;
    const dropping: Promise<void> = this.drop().finally(() => {
      if (this.dropping === dropping) this.dropping = undefined;
    });
    this.dropping = dropping;
  }

  /** Stops listening to the client; with `disconnect`, drops the connection too. Idempotent. */
  async close(disconnect: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.client.off('error', this.onClientError);
    if (!disconnect) return;
    this.client.on('error', noop); // the errors a dying socket may still emit after we stop listening
    await this.drop();
  }

  private connect(): Promise<void> {
    if (!this.connecting) {
      this.lastClientError = undefined;
      const { owned, connectTimeoutMs, commandTimeoutMs } = this.settings;
      const attempt: Promise<void> = (async () => {
        // A socket left half-closed or reconnecting: drop it first (ioredis connects only from wait or end).
        if (owned && this.client.status !== 'wait' && this.client.status !== 'end') await this.drop();
        // TCP connect is bounded by ioredis's connectTimeout, the ready check by commandTimeout; this covers both.
        const timeout = connectTimeoutMs + commandTimeoutMs + 100;
        await withDeadline(this.client.connect(), timeout, () => new RedisGuardTimeout('connect timed out')).catch(
          async (err: unknown) => {
            // ioredis rejects with "Connection is closed."; the socket error came as an 'error' event.
            const cause = err instanceof RedisGuardTimeout ? err : (this.lastClientError ?? err);
            if (owned) await this.drop(); // e.g. a server that accepted TCP but never answers: start afresh
            throw new RedisConnectFailure(cause);
          },
        );
      })().finally(() => {
        if (this.connecting === attempt) this.connecting = undefined;
      });
      this.connecting = attempt;
    }
    return this.connecting;
  }

  /**
   * ioredis sends SELECT <db> on connecting but only emits its failure as an 'error' event, and the commands then
   * run on db 0. SELECT again once per socket, and refuse a db the server does not have (redis-py raises too).
   */
  private async checkDb(): Promise<void> {
    if (this.checkedStream === this.client.stream) return;
    const { db, commandTimeoutMs, refuseDb } = this.settings;
    try {
      await withCommandDeadline(this.client.select(db), commandTimeoutMs);
    } catch (err) {
      if (err instanceof ReplyError) throw refuseDb(db, err as Error);
      throw err;
    }
    this.checkedStream = this.client.stream;
  }

  /**
   * Disconnects now and resolves once ioredis has reached 'end' (at most 1 s). The socket is destroyed rather than
   * half-closed: a hung server would never answer the FIN.
   */
  private drop(): Promise<void> {
    if (this.client.status === 'end') return Promise.resolve();
    const ended = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      timer.unref();
      this.client.once('end', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.client.disconnect();
    this.client.stream?.destroy();
    return ended;
  }
}

function noop(): void {}
