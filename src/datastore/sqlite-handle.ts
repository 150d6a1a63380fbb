/**
 * An open better-sqlite3 Database as the public options type it (`database` of SqliteStore and
 * SqliteMonitoringReader): what these classes check before using one, so the shipped declarations need no
 * `@types/better-sqlite3` (a consumer compiling with `skipLibCheck: false` without it). A better-sqlite3
 * `Database` is one.
 */
export interface SqliteDatabaseHandle {
  readonly open: boolean;
  readonly name: string;
  prepare(source: string): unknown;
  exec(source: string): unknown;
  transaction(fn: (...args: never[]) => unknown): unknown;
  close(): unknown;
}

/**
 * Whether `value` is such a handle (duck-typed: better-sqlite3 may be loaded twice, by two copies of the driver or
 * two test module registries). `T`: the driver's own Database type, for callers that have it.
 */
export function isSqliteDatabaseHandle<T extends SqliteDatabaseHandle = SqliteDatabaseHandle>(
  value: unknown,
): value is T {
  const handle = value as Partial<Record<string, unknown>> | null;
  return (
    handle !== null &&
    typeof handle === 'object' &&
    typeof handle.open === 'boolean' &&
    typeof handle.name === 'string' &&
    ['prepare', 'exec', 'transaction', 'close'].every((method) => typeof handle[method] === 'function')
  );
}
