/**
 * pynenc_redis key layout for the client data store.
 *
 * pynenc_redis (`pynenc_redis/util/redis_keys.py`, class `Key`) builds every key
 * as `__pynenc__:<app_id>:<component>:` + suffix; the client data store uses the
 * component `client_data_store` and the suffix `client_data_store:<reference>`,
 * where the reference is what pynenc puts in payloads
 * (`__pynenc__client_data__:<sha256 hex>`). Its sanitiser replaces `[`, `]` and
 * `*` (in that order) and it refuses an app_id that is empty after sanitising or
 * that contains `:`. We follow that exactly so both languages meet on one key.
 */
import { DataStoreConfigError } from '../errors';
import { hasLoneSurrogate } from '../../spec/json-value';

/** pynenc_redis's `PYNENC_KEY_PREFIX`. */
export const PYNENC_REDIS_KEY_PREFIX = '__pynenc__';
/** The component (`Key(app_id, "client_data_store")`) and the per-value segment. */
const CLIENT_DATA_STORE_COMPONENT = 'client_data_store';

const SANITIZE_REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['[', '__OPEN_BRACKET__'],
  [']', '__CLOSE_BRACKET__'],
  ['*', '__ASTERISK__'],
];

/** pynenc_redis `sanitize_for_redis`: the same replacements, in the same order. */
export function sanitizeForRedis(value: string): string {
  if (typeof value !== 'string') throw new DataStoreConfigError('value', 'a string', value);
  let out = value;
  for (const [from, to] of SANITIZE_REPLACEMENTS) out = out.split(from).join(to);
  return out;
}

/**
 * The app_id as it appears in keys; throws DataStoreConfigError where
 * pynenc_redis's `Key` raises ValueError (empty after sanitising, or containing
 * `:` — with `:` app `a:client_data_store` would land inside app `a`'s keys).
 */
export function sanitizeAppId(appId: string): string {
  const expected = "a pynenc_redis app_id (non-empty after sanitising, without ':')";
  if (typeof appId !== 'string') throw new DataStoreConfigError('appId', expected, appId);
  // redis-py encodes keys as strict UTF-8 and fails on lone surrogates; ioredis would write U+FFFD instead.
  if (hasLoneSurrogate(appId)) throw new DataStoreConfigError('appId', `${expected}, without lone surrogates`, appId);
  const sanitized = sanitizeForRedis(appId);
  if (!sanitized) throw new DataStoreConfigError('appId', expected, appId);
  if (sanitized.includes(':')) throw new DataStoreConfigError('appId', expected, appId);
  return sanitized;
}

/** `__pynenc__:<app_id>:client_data_store:client_data_store:` — every data key of one app starts with it. */
export function clientDataKeyPrefix(appId: string): string {
  const app = sanitizeAppId(appId);
  return `${PYNENC_REDIS_KEY_PREFIX}:${app}:${CLIENT_DATA_STORE_COMPONENT}:${CLIENT_DATA_STORE_COMPONENT}:`;
}

/** The Redis key pynenc_redis uses for `reference` in app `appId`. */
export function clientDataKey(appId: string, reference: string): string {
  if (typeof reference !== 'string') throw new DataStoreConfigError('reference', 'a reference key (string)', reference);
  return clientDataKeyPrefix(appId) + reference;
}

/**
 * Escapes Redis glob metacharacters (`\`, `*`, `?`, `[`, `]`) so a SCAN MATCH
 * pattern matches the text literally. pynenc_redis's own purge does not escape,
 * so there `?` in an app_id matches other apps' keys; we do not repeat that.
 */
export function escapeRedisGlob(text: string): string {
  if (typeof text !== 'string') throw new DataStoreConfigError('text', 'a string', text);
  return text.replace(/[\\*?[\]]/g, (ch) => `\\${ch}`);
}
