/**
 * Reference keys and storage names, derived exactly as pynenc derives them.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { DataStoreConfigError } from './errors';
import { hasLoneSurrogate } from '../spec/json-value';

/** pynenc's ReservedKeys.CLIENT_DATA: every reference starts with it. */
export const REFERENCE_PREFIX = '__pynenc__client_data__';

/**
 * Python's test for a reference: the text starts with the prefix (no colon,
 * no digest check; a malformed reference is still looked up, as in Python).
 */
export function isReference(text: string): boolean {
  return typeof text === 'string' && text.startsWith(REFERENCE_PREFIX);
}

/** `__pynenc__client_data__:` + sha256 hex of the text's UTF-8 bytes (pynenc's `_generate_key`). */
export function referenceKey(serialized: string): string {
  if (typeof serialized !== 'string')
    throw new DataStoreConfigError('serialized', 'the serialized text (a string)', serialized);
  return `${REFERENCE_PREFIX}:${sha256Hex(serialized)}`;
}

/**
 * sha256 hex of the text's UTF-8 bytes (a lone surrogate encodes as U+FFFD, as Node's Buffer does): @noble/hashes
 * runs in browsers and edge runtimes, where node:crypto does not exist, and is synchronous, as pynenc's hashlib is.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

function checkAppId(appId: unknown): string {
  if (typeof appId !== 'string') throw new DataStoreConfigError('appId', 'a string', appId);
  // Python's app_id.encode() (UTF-8, strict) raises on lone surrogates; Node would hash U+FFFD instead.
  if (hasLoneSurrogate(appId))
    throw new DataStoreConfigError('appId', 'text without lone surrogates (Python cannot encode it)', appId);
  return appId;
}

/**
 * pynenc's `sanitize_table_prefix(app_id)`: every code point outside
 * [A-Za-z0-9_] becomes `_`, `_` is prepended when the result starts with a
 * digit, `_default` stands for an empty result, then `_` and the first 8 hex
 * chars of sha256(app_id).
 */
export function sqliteTablePrefix(appId: string): string {
  checkAppId(appId);
  let sanitized = appId.replace(/[^a-zA-Z0-9_]/gu, '_');
  if (/^[0-9]/.test(sanitized)) sanitized = `_${sanitized}`;
  if (sanitized === '') sanitized = '_default';
  const hash = sha256Hex(appId).slice(0, 8);
  return `${sanitized}_${hash}`;
}

/** The client data table of an app: `<prefix>__client_data` (pynenc's `Tables(app_id).STORE`). */
export function sqliteTableName(appId: string): string {
  return `${sqliteTablePrefix(appId)}__client_data`;
}
