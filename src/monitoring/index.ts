/**
 * The monitoring read API without its drivers: the MonitoringReader interface, its query types and its errors.
 * The readers come from the entries that load their driver: `pynenc-monitoring-contract/sqlite`
 * (SqliteMonitoringReader, better-sqlite3) and `pynenc-monitoring-contract/redis` (RedisMonitoringReader, ioredis).
 */
export * from './types';
export {
  MonitoringError,
  MonitoringRowError,
  MonitoringSchemaError,
  MonitoringUnavailableError,
  MonitoringQueryError,
  MonitoringClosedError,
  type MonitoringUnavailableReason,
} from './errors';
export {
  follow,
  MonitoringFollower,
  FOLLOW_DEFAULTS,
  type FollowItem,
  type FollowKind,
  type FollowChange,
  type FollowFilters,
  type FollowOptions,
} from './follow';
