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

/**
 * The SQLite result code of a driver error (`SQLITE_BUSY`, `SQLITE_IOERR_…`), else undefined. Duck-typed: the
 * native addon's errors may come from another realm, where `instanceof Error` is false.
 */
export function sqliteErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Another connection held the lock longer than the busy timeout: SQLITE_BUSY / SQLITE_LOCKED (extended codes too). */
export function isSqliteBusyCode(code: string | undefined): boolean {
  return code !== undefined && /^SQLITE_(BUSY|LOCKED)/.test(code);
}
