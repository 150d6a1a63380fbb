import { shortText } from '../errors';
import { hasLoneSurrogate } from '../spec/json-value';
import { DataStoreConfigError, SerializationError } from './errors';

/**
 * Rejects a batch before anything is written, the one rule every backend
 * applies: a list of [key, text] pairs of strings Python can encode (UTF-8,
 * strict: no lone surrogate in the key or the text).
 */
export function checkEntries(entries: ReadonlyArray<readonly [string, string]>): void {
  if (!Array.isArray(entries)) throw new DataStoreConfigError('entries', 'an array of [key, text] pairs', entries);
  for (let index = 0; index < entries.length; index++) {
    const entry: unknown = entries[index];
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') {
      throw new SerializationError(
        'unsupported-type',
        `data store entry #${index} is not a [key, text] pair of strings`,
        '',
      );
    }
    const [key, text] = entry as [string, string];
    if (hasLoneSurrogate(key)) {
      throw new SerializationError(
        'unsupported-type',
        `key of entry #${index} has a lone surrogate (Python cannot encode it as UTF-8)`,
        '',
      );
    }
    if (hasLoneSurrogate(text)) {
      throw new SerializationError(
        'unsupported-type',
        `text for ${shortText(key)} has a lone surrogate (Python cannot encode it as UTF-8)`,
        '',
      );
    }
  }
}

/** A batch of keys for `get`: an array of strings (else DataStoreConfigError, as for any wrong argument). */
export function checkKeys(keys: readonly string[]): void {
  if (!Array.isArray(keys)) throw new DataStoreConfigError('keys', 'an array of reference keys', keys);
  for (let index = 0; index < keys.length; index++) {
    if (typeof keys[index] !== 'string')
      throw new DataStoreConfigError(`keys[${index}]`, 'a reference key (string)', keys[index]);
  }
}
