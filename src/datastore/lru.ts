/**
 * pynenc's process-local cache of resolved values (BaseClientDataStore._deserialized_cache, an OrderedDict),
 * with pynenc's rules: a hit (`get`) marks the entry most recently used; `set` evicts the least recently used
 * entry when the cache is full and then stores the value, an existing key keeping its place (an insertion-
 * ordered map does exactly that). Capacity 0 holds nothing (pynenc fails there instead, see docs/datastore.md).
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** The value, marked most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined && !this.map.has(key)) return undefined;
    this.map.delete(key);
    this.map.set(key, value as V);
    return value;
  }

  /** pynenc's `_cache_deserialized`: when full, evict the least recently used; then store (in place if present). */
  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    if (this.map.size >= this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
  }

  clear(): void {
    this.map.clear();
  }

  /** Keys from least to most recently used (for tests and diagnostics). */
  keys(): K[] {
    return [...this.map.keys()];
  }
}
