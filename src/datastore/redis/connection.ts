/**
 * The one place a Redis `connection` option is checked and turned into an ioredis client: RedisStore and
 * RedisMonitoringReader both create their clients here, so both accept and refuse the same values. Each caller
 * says which typed error a refused value becomes (`refuse`): ioredis's own TypeError ("Invalid URL") never escapes.
 */
import { Redis, type RedisOptions } from 'ioredis';

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
export type RefuseConnection = (option: string, expected: string, received: unknown) => Error;

const EXPECTED = 'a redis:// or rediss:// URL, or connection options (host, port, path, db, …)';

/**
 * A lazily connecting ioredis client for `connection` (a `redis://` / `rediss://` URL or connection options) with
 * `settings` on top (the caller's timeouts and fail-fast switches). A value ioredis cannot parse, a port out of
 * range or a db that is not a non-negative integer is refused with `refuse(...)`. Opens no socket.
 */
export function createRedisClient(connection: unknown, settings: RedisOptions, refuse: RefuseConnection): Redis {
  if (typeof connection === 'string') {
    if (!/^rediss?:\/\//i.test(connection)) throw refuse('connection', EXPECTED, connection);
  } else if (connection === null || typeof connection !== 'object' || Array.isArray(connection)) {
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
  const c = value as Partial<Record<string, unknown>> | null;
  return (
    c !== null &&
    typeof c === 'object' &&
    typeof c.options === 'object' &&
    c.options !== null &&
    methods.every((m) => typeof c[m] === 'function')
  );
}
