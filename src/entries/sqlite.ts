/** The `./sqlite` entry: what needs better-sqlite3 — the client data store backend and the monitoring reader. */
export * from '../datastore/sqlite-store';
export * from '../monitoring/sqlite-reader';
export * from '../monitoring/index';
export type { SqliteDatabaseHandle } from '../datastore/sqlite-handle';
