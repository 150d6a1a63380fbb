export { RedisStore, REDIS_BATCH_CHUNK, type RedisStoreOptions, type RedisConnectionOptions } from './redis-store';
export {
  RedisStoreError,
  DataStoreUnavailableError,
  RedisCommandError,
  RedisValueError,
  type RedisErrorContext,
  type RedisStoreOperation,
  type RedisUnavailableReason,
} from './errors';
export {
  PYNENC_REDIS_KEY_PREFIX,
  sanitizeForRedis,
  sanitizeAppId,
  clientDataKeyPrefix,
  clientDataKey,
  escapeRedisGlob,
} from './keys';
