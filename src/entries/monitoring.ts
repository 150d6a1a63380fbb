/**
 * The `./monitoring` entry, driver-free: follow(), the MonitoringReader interface, its query types and errors. The
 * readers are on `./sqlite` (SqliteMonitoringReader) and `./redis` (RedisMonitoringReader), with these too.
 */
export * from '../monitoring/index';
