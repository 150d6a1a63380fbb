/**
 * The documents issue 7's goals are stated on, deterministic for a given n so
 * that every bench file (and every child process of the memory bench) works
 * on the same bytes:
 *   (a) n EventRecord texts, 5 payload values each;
 *   (b) n TriggerRunRecord texts, 3 participants each;
 *   (c) one EventMarkerPage text holding n markers.
 * Texts are what Python's to_json writes (", " / ": " separators, ASCII), so
 * they are also what a dashboard reads from a pynenc backend.
 */
import type { EventMarker, EventMarkerPage, EventRecord, TriggerRunRecord } from '../generated/types';

export const N = 10_000;

/** A fixed base instant and a per-item step: isoformat() texts with and without microseconds, several offsets. */
export function timestampText(i: number, salt = 0): string {
  const micros = (i * 7919 + salt * 104_729) % 1_000_000;
  const base = Date.UTC(2026, 4, 9, 10, 11, 12) + i * 61_007 + salt * 3_600_000;
  const iso = new Date(base).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ (UTC)
  const fraction = i % 4 === 0 ? '' : `.${String(micros).padStart(6, '0')}`;
  const offset = i % 7 === 0 ? '+05:30' : i % 11 === 0 ? '-03:00' : '+00:00';
  return `${iso.slice(0, 19)}${fraction}${offset}`;
}

function id(kind: string, i: number): string {
  // uuid-shaped, deterministic
  const h = ((i + 1) * 2_654_435_761) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${kind}-${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-a${hex.slice(5, 8)}-${hex}${hex.slice(0, 4)}`;
}

export function eventRecord(i: number): EventRecord {
  return {
    event_id: id('evt', i),
    event_code: i % 3 === 0 ? 'order.created' : 'payment.settled',
    timestamp: timestampText(i),
    // payload values are the client data store's serialized texts
    payload: {
      order_id: String(100_000 + i),
      customer: JSON.stringify(`customer ${i % 97}`),
      amount: String((i * 137.13) / 100 + 0.01),
      address: JSON.stringify({ city: 'Zürich', zip: String(8000 + (i % 100)) }),
      items:
        i % 10 === 0
          ? `__pynenc__client_data__:${(h64(i) + h64(i + 1) + h64(i + 2) + h64(i + 3)).slice(0, 64)}`
          : JSON.stringify([{ sku: `SKU-${i % 9973}`, qty: 1 + (i % 5) }]),
    },
    matched_condition_ids: i % 2 === 0 ? [id('cond', i % 17)] : [],
    valid_condition_ids: i % 2 === 0 ? [id('vc', i)] : [],
    triggered_invocation_ids: i % 4 === 0 ? [id('inv', i * 3), id('inv', i * 3 + 1)] : [],
    emitted_by_invocation_id: i % 5 === 0 ? null : id('inv', i),
    emitted_by_task_id: i % 5 === 0 ? null : 'shop.tasks.checkout',
    emitted_by_runner_context_id: i % 5 === 0 ? null : `runner-ctx-${i % 7}`,
  };
}

function h64(i: number): string {
  return (((i + 7) * 2_246_822_519) >>> 0).toString(16).padStart(16, '0');
}

export function triggerRunRecord(i: number): TriggerRunRecord {
  const event = id('evt', i);
  const invocation = id('inv', i);
  return {
    trigger_run_id: id('run', i),
    trigger_id: `trg-order-and-payment-${i % 13}`,
    task_id_key: 'shop.tasks.ship',
    logic_value: i % 2 ? 'and' : 'or',
    valid_condition_ids: [id('vc', i), id('vc', i + 1), id('vc', i + 2)],
    condition_ids: ['cond-event-order', 'cond-status-pay', 'cond-cron-hourly'],
    event_ids: [event],
    source_invocation_ids: [invocation],
    triggered_invocation_id: i % 9 === 0 ? null : id('inv', i + 1_000_000),
    // user data: what a task receives (strings and booleans here; see cases(b') for numbers)
    arguments_preview: { order_id: `order-${i}`, express: i % 3 === 0, region: i % 2 ? 'eu' : 'us' },
    claimed_at: timestampText(i, 1),
    executed_at: i % 9 === 0 ? null : timestampText(i, 2),
    participants: [
      {
        context_type: 'event',
        condition_id: 'cond-event-order',
        valid_condition_id: id('vc', i),
        event_id: event,
        source_invocation_id: null,
        context_timestamp: timestampText(i, 3),
        context_summary: 'code:order.created',
      },
      {
        context_type: 'status',
        condition_id: 'cond-status-pay',
        valid_condition_id: id('vc', i + 1),
        event_id: null,
        source_invocation_id: invocation,
        context_timestamp: timestampText(i, 4),
        context_summary: 'status:SUCCESS task:shop.tasks.pay',
      },
      {
        context_type: 'cron',
        condition_id: 'cond-cron-hourly',
        valid_condition_id: id('vc', i + 2),
        event_id: null,
        source_invocation_id: null,
        context_timestamp: timestampText(i, 5),
        context_summary: 'cron:0 * * * *',
      },
    ],
    atomic_service_run_id: i % 3 ? id('asr', i % 101) : null,
    atomic_service_runner_id: i % 3 ? `runner-${i % 7}` : null,
  };
}

export function eventMarker(i: number): EventMarker {
  return {
    event_id: id('evt', i),
    event_code: i % 3 === 0 ? 'order.created' : 'payment.settled',
    timestamp: timestampText(i),
    matched: i % 2 === 0,
    triggered: i % 4 === 0,
    emitted_by_invocation_id: i % 5 === 0 ? null : id('inv', i),
    emitted_by_runner_context_id: i % 5 === 0 ? null : `runner-ctx-${i % 7}`,
  };
}

export function eventMarkerPage(n: number): EventMarkerPage {
  return { markers: Array.from({ length: n }, (_, i) => eventMarker(i)), total: n + 2_345, truncated: true };
}

/**
 * Python's json.dumps(obj) text for the plain JSON values used here (strings,
 * booleans, null, safe integers, arrays, objects): ", " and ": " separators,
 * non-ASCII escaped as \uXXXX (ensure_ascii).
 */
export function pythonJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`bench fixtures hold integers only, got ${value}`);
    return String(value);
  }
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`)
      .join(', ')}}`;
  }
  throw new Error(`not JSON: ${typeof value}`);
}

export type CaseName = 'eventRecords' | 'triggerRuns' | 'markerPage';

export interface Case {
  name: CaseName;
  label: string;
  dto: 'EventRecord' | 'TriggerRunRecord' | 'EventMarkerPage';
  /** The texts fromJson reads (one per document). */
  texts: string[];
  /** The values toJson writes. */
  values: unknown[];
  /** How many records the case holds (for per-record rates). */
  items: number;
}

export function makeCase(name: CaseName, n = N): Case {
  switch (name) {
    case 'eventRecords': {
      const values = Array.from({ length: n }, (_, i) => eventRecord(i));
      return {
        name,
        label: `(a) ${n} EventRecords, 5 payload values`,
        dto: 'EventRecord',
        values,
        texts: values.map(pythonJson),
        items: n,
      };
    }
    case 'triggerRuns': {
      const values = Array.from({ length: n }, (_, i) => triggerRunRecord(i));
      return {
        name,
        label: `(b) ${n} TriggerRunRecords, 3 participants`,
        dto: 'TriggerRunRecord',
        values,
        texts: values.map(pythonJson),
        items: n,
      };
    }
    case 'markerPage': {
      const page = eventMarkerPage(n);
      return {
        name,
        label: `(c) one EventMarkerPage, ${n} markers`,
        dto: 'EventMarkerPage',
        values: [page],
        texts: [pythonJson(page)],
        items: n,
      };
    }
  }
}

export const CASE_NAMES: readonly CaseName[] = ['eventRecords', 'triggerRuns', 'markerPage'];
