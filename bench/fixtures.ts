/**
 * Reusable bench fixtures: EventRecords whose payload holds plain values (what
 * encodeEventRecord takes), deterministic for a given n.
 */
import type { EventRecordInput } from '../src/datastore/event-record';

export interface EventRecordFixtureOptions {
  /** Every `largeEvery`-th record gets one payload value above min_size_to_cache (default 4: 25 % of records). */
  largeEvery?: number;
  /** Approximate serialized size of the large value in characters (default 1500; the threshold is 1024). */
  largeSize?: number;
}

/**
 * `n` EventRecords with 5 payload values each: an int, a short string, a float,
 * a small nested object, and a list — the list is ~`largeSize` characters
 * serialized (so stored and referenced) in every `largeEvery`-th record, short
 * otherwise. Large values differ per record (no deduplication).
 */
export function makeEventRecords(n: number, options: EventRecordFixtureOptions = {}): EventRecordInput[] {
  const largeEvery = options.largeEvery ?? 4;
  const lineCount = Math.max(1, Math.round((options.largeSize ?? 1500) / 50));
  const records: EventRecordInput[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const large = largeEvery > 0 && i % largeEvery === 0;
    records[i] = {
      event_id: `evt-${i.toString(16).padStart(8, '0')}`,
      event_code: i % 3 === 0 ? 'order.created' : 'order.paid',
      timestamp: timestamp(i),
      payload: {
        order_id: 100_000 + i,
        customer: `customer-${i % 97}`,
        amount: Math.round(i * 137.13) / 100 + 0.01,
        address: { city: 'Zürich', zip: String(8000 + (i % 100)), lines: ['Bahnhofstrasse 1', `Apt ${i % 50}`] },
        items: Array.from({ length: large ? lineCount : 3 }, (_, j) => ({
          sku: `SKU-${(i * 31 + j) % 9973}`,
          qty: 1 + ((i + j) % 5),
          note: `r${i}`,
        })),
      },
      matched_condition_ids: i % 2 === 0 ? ['cond-order-created'] : [],
      valid_condition_ids: [],
      triggered_invocation_ids: [],
      emitted_by_invocation_id: i % 5 === 0 ? null : `inv-${i}`,
      emitted_by_task_id: 'shop.tasks.checkout',
      emitted_by_runner_context_id: null,
    };
  }
  return records;
}

/** isoformat() of a UTC instant: the fraction is left out when microseconds are 0. */
function timestamp(i: number): string {
  const micros = (i * 7919) % 1_000_000;
  const fraction = micros === 0 ? '' : `.${String(micros).padStart(6, '0')}`;
  return `2026-05-09T${String(10 + (Math.floor(i / 3600) % 14)).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}${fraction}+00:00`;
}
