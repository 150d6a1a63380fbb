/**
 * The key layout against pynenc_redis's own (the key a real RedisClientDataStore
 * builds for each app_id, or the ValueError it raises), and the glob escaping.
 */
import { DataStoreConfigError } from '../../../src/datastore/errors';
import { clientDataKey, escapeRedisGlob, sanitizeAppId } from '../../../src/datastore/redis';
import { pyRedis } from '../../support/redis-python';

const APP_IDS = [
  'app',
  'my_app.v2',
  'a[b]',
  'a]b[',
  'a*b',
  '***',
  '[',
  '__OPEN_BRACKET__', // shares keys with '[' in Python too
  'a?b',
  'a\\b',
  'a b',
  'aé€😀',
  'x:y',
  ':',
  '',
  'a[:]',
];

describe('pynenc_redis key layout', () => {
  test('every app id gives the key Python computes, or is refused where Python refuses it', async () => {
    const reference = '__pynenc__client_data__:' + 'ab'.repeat(32);
    const python = await pyRedis('keys', { app_ids: APP_IDS, reference });
    expect(python).toHaveLength(APP_IDS.length);
    APP_IDS.forEach((appId, i) => {
      const py = python[i]!;
      if ('key' in py) {
        expect({ appId, key: clientDataKey(appId, reference) }).toEqual({ appId, key: py.key });
      } else {
        expect(() => clientDataKey(appId, reference)).toThrow(DataStoreConfigError);
      }
    });
    // The sample exercises both outcomes.
    expect(python.some((p) => 'error' in p)).toBe(true);
    expect(python.filter((p) => 'key' in p).length).toBeGreaterThan(10);
  });

  test('a refused app id names the option and the value', () => {
    try {
      sanitizeAppId('tenant:1');
      throw new Error('not refused');
    } catch (err) {
      expect(err).toBeInstanceOf(DataStoreConfigError);
      const e = err as DataStoreConfigError;
      expect(e.code).toBe('DATASTORE_CONFIG');
      expect(e.option).toBe('appId');
      expect(e.message).toContain('"tenant:1"');
    }
    expect(() => sanitizeAppId('a\uD800')).toThrow(/lone surrogates/);
  });

  test('escapeRedisGlob escapes exactly the glob metacharacters', () => {
    expect(escapeRedisGlob('a?b*c[d]e\\f:g_h')).toBe('a\\?b\\*c\\[d\\]e\\\\f:g_h');
  });
});
