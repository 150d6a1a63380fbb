/**
 * The readers live on the entries that load their driver, beside the data store backends; package.json's
 * `./sqlite` and `./redis` (require, and import through the ESM build of scripts/build.ts) point at those entries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as redisEntry from '../../src/entries/redis';
import * as sqliteEntry from '../../src/entries/sqlite';
import * as driverFree from '../../src/monitoring';

const ERRORS = [
  'MonitoringError',
  'MonitoringRowError',
  'MonitoringSchemaError',
  'MonitoringUnavailableError',
  'MonitoringQueryError',
  'MonitoringClosedError',
];

test('./sqlite: the data store backend, the reader, the errors', () => {
  for (const name of ['SqliteStore', 'SqliteMonitoringReader', 'sqliteTriggerTables', 'MARKER_STATES', ...ERRORS]) {
    expect([name, typeof (sqliteEntry as Record<string, unknown>)[name]]).not.toEqual([name, 'undefined']);
  }
});

test('./redis: the data store backend, the reader, the errors', () => {
  for (const name of ['RedisStore', 'RedisMonitoringReader', 'redisTriggerKeys', 'MARKER_STATES', ...ERRORS]) {
    expect([name, typeof (redisEntry as Record<string, unknown>)[name]]).not.toEqual([name, 'undefined']);
  }
  expect(redisEntry.MonitoringRowError).toBe(sqliteEntry.MonitoringRowError); // one class, whichever entry
});

test('the driver-free module loads no driver', () => {
  expect(Object.keys(driverFree)).toEqual(expect.arrayContaining(ERRORS));
  // Every module src/monitoring/index.ts reaches (relative imports, followed): none is a driver.
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) external.add(spec);
      else if (!/^import type|^export type/.test(m[0])) visit(resolveTs(dirname(file), spec));
    }
  };
  visit(join(__dirname, '../../src/monitoring/index.ts'));
  expect(seen.size).toBeGreaterThan(3);
  expect([...external].filter((s) => /better-sqlite3|ioredis/.test(s))).toEqual([]);
});

function resolveTs(dir: string, spec: string): string {
  const base = join(dir, spec);
  return existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts');
}

test('package.json exports point at the entries', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
    exports: Record<string, { require: { default: string; types: string } }>;
  };
  expect(pkg.exports['./sqlite']!.require).toEqual({
    types: './dist/src/entries/sqlite.d.ts',
    default: './dist/src/entries/sqlite.js',
  });
  expect(pkg.exports['./redis']!.require).toEqual({
    types: './dist/src/entries/redis.d.ts',
    default: './dist/src/entries/redis.js',
  });
});
