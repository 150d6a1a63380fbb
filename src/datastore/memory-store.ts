/**
 * The embedded default backend: a Map in this process (pynenc's
 * MemClientDataStore). Not shared between processes.
 */
import type { DataStoreBackend } from './backend';
import { DataStoreClosedError } from './errors';
import { checkEntries, checkKeys } from './entries';

export class MemoryStore implements DataStoreBackend {
  readonly description: string;
  private readonly entries = new Map<string, string>();
  private closed = false;

  constructor(name = 'memory') {
    this.description = name;
  }

  /** Number of stored entries. */
  get size(): number {
    return this.entries.size;
  }

  async get(keys: readonly string[]): Promise<Array<string | undefined>> {
    this.check('get');
    checkKeys(keys);
    return keys.map((k) => this.entries.get(k));
  }

  async set(entries: ReadonlyArray<readonly [key: string, text: string]>): Promise<void> {
    this.check('set');
    checkEntries(entries);
    for (const [key, text] of entries) this.entries.set(key, text);
  }

  async purge(): Promise<void> {
    this.check('purge');
    this.entries.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.entries.clear();
  }

  private check(operation: string): void {
    if (this.closed) throw new DataStoreClosedError(this.description, operation);
  }
}
