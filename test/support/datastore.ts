import type { DataStoreBackend } from '../../src/datastore/backend';
import { MemoryStore } from '../../src/datastore/memory-store';

/** A backend that records every call and delegates to an inner one (a MemoryStore by default). */
export class CountingBackend implements DataStoreBackend {
  readonly calls: Array<{ op: 'get' | 'set' | 'purge' | 'close'; size: number }> = [];

  constructor(readonly inner: DataStoreBackend = new MemoryStore()) {}

  get description(): string {
    return `counting(${this.inner.description})`;
  }

  count(op: 'get' | 'set' | 'purge' | 'close'): number {
    return this.calls.filter((c) => c.op === op).length;
  }

  async get(keys: readonly string[]): Promise<Array<string | undefined>> {
    this.calls.push({ op: 'get', size: keys.length });
    return this.inner.get(keys);
  }

  async set(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    this.calls.push({ op: 'set', size: entries.length });
    return this.inner.set(entries);
  }

  async purge(): Promise<void> {
    this.calls.push({ op: 'purge', size: 0 });
    return this.inner.purge();
  }

  async close(): Promise<void> {
    this.calls.push({ op: 'close', size: 0 });
    return this.inner.close();
  }
}

export const BASE_RECORD = {
  event_code: 'order.created',
  timestamp: '2026-05-09T10:11:12.345678+00:00',
  matched_condition_ids: ['cond-1'],
  valid_condition_ids: [],
  triggered_invocation_ids: ['inv-9'],
  emitted_by_invocation_id: 'inv-3',
  emitted_by_task_id: 'shop.tasks.checkout',
  emitted_by_runner_context_id: null,
};
