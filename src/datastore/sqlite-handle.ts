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
