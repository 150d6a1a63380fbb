import { shortText } from '../errors';
import { SerializationError } from './errors';

/** Rejects a batch before anything is written: keys and texts must be strings Python can encode. */
export function checkEntries(entries: ReadonlyArray<readonly [string, string]>): void {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') {
      throw new TypeError(`data store entry #${i} is not a [key, text] pair of strings`);
    }
    if (!(entry[1] as string & { isWellFormed(): boolean }).isWellFormed()) {
      throw new SerializationError('unsupported-type', `text for ${shortText(entry[0] as string)} has a lone surrogate (Python cannot encode it as UTF-8)`, '');
    }
  }
}
