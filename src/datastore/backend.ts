/**
 * Storage behind the client data store: reference key → serialized text.
 *
 * Every method may be asynchronous so that network stores (Redis) fit the same
 * shape as embedded ones. `get` takes a batch so a backend can answer a whole
 * batch of references in one round trip (MGET, one SELECT … IN, …).
 */
export interface DataStoreBackend {
  /** Names the store in errors, e.g. `sqlite:/var/pynenc.db` or `redis://127.0.0.1:6379`. */
  readonly description: string;
  /** Texts for the keys, in the same order; `undefined` where a key is absent. */
  get(keys: readonly string[]): Promise<Array<string | undefined>>;
  /** Stores every entry, or none of them when it fails. Overwrites existing keys. */
  set(entries: ReadonlyArray<readonly [key: string, text: string]>): Promise<void>;
  /** Removes every entry this backend owns (its app only). */
  purge(): Promise<void>;
  /** Releases connections and files; calls made afterwards fail cleanly. */
  close(): Promise<void>;
}
