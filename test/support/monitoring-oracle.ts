/**
 * The cross-language harness: scripts/python/monitoring_oracle.py (the real pynenc) writes a data set and answers a
 * grid of queries with the backend's own methods; `replay` asks a MonitoringReader the same questions and encodes
 * its answers the way the oracle encodes Python's (records through our toJson, markers as fields).
 */
import { toJson } from '../../src/codec';
import type { ClientDataStore } from '../../src/datastore/client-data-store';
import { encodeEventRecords, type DecodedEventRecord } from '../../src/datastore/event-record';
import type { MonitoringReader } from '../../src/monitoring/types';
import { runOracle } from './pynenc-python';

export interface OracleQuery {
  id: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

export type OracleAnswer = { ok: unknown } | { error: string };

export interface SeedReply {
  queries: OracleQuery[];
  answers: Record<string, OracleAnswer>;
  info: { events: number; runs: number; first: string; last: string };
}

export type Target = { backend: 'sqlite'; path: string } | { backend: 'redis'; redis_url: string };

export interface SeedRequest {
  app_id: string;
  seed: number;
  events: number;
  runs: number;
  emits: number;
}

export function seedAndQuery(target: Target, request: SeedRequest): SeedReply {
  return runOracle<SeedReply>(
    'monitoring_oracle.py',
    { op: 'seed_and_query', ...target, ...request },
    { timeoutMs: 300_000 },
  );
}

export function pythonQuery(target: Target, appId: string, queries: OracleQuery[]): Record<string, OracleAnswer> {
  return runOracle<{ answers: Record<string, OracleAnswer> }>('monitoring_oracle.py', {
    op: 'query',
    ...target,
    app_id: appId,
    queries,
  }).answers;
}

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : (v as string));
const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : (v as number));
const bool = (v: unknown): boolean | undefined => (v === null || v === undefined ? undefined : (v as boolean));

function eventFilters(kw: Record<string, unknown>) {
  return {
    eventCode: str(kw.event_code),
    startTime: str(kw.start_time),
    endTime: str(kw.end_time),
    matched: bool(kw.matched),
    triggered: bool(kw.triggered),
    emittedByInvocationId: str(kw.emitted_by_invocation_id),
    emittedByTaskId: str(kw.emitted_by_task_id),
  };
}

const event = (r: unknown) => (r === null ? null : toJson('EventRecord', r as never));
const run = (r: unknown) => (r === null ? null : toJson('TriggerRunRecord', r as never));

/** Asks `reader` the oracle's question; the answer is encoded as the oracle encodes Python's. */
export async function replay(reader: MonitoringReader, q: OracleQuery, order?: 'oldest' | 'newest'): Promise<unknown> {
  const [a0, a1] = q.args;
  const kw = q.kwargs;
  const opts = order ? { order } : {};
  switch (q.method) {
    case 'get_event':
      return event(await reader.getEvent(a0 as string));
    case 'get_events':
      return (await reader.getEvents({ ...eventFilters(kw), limit: num(kw.limit), offset: num(kw.offset) })).map(event);
    case 'count_events':
      return reader.countEvents(eventFilters(kw));
    case 'get_event_markers_in_timerange':
      return reader.getEventMarkers(
        {
          startTime: a0 as string,
          endTime: a1 as string,
          eventCode: str(kw.event_code),
          state: str(kw.state) as never,
          limit: num(kw.limit),
          offset: num(kw.offset),
        },
        opts,
      );
    case 'get_invocations_triggered_by_event':
      return reader.getInvocationsTriggeredByEvent(a0 as string);
    case 'list_event_codes':
      return reader.listEventCodes();
    case 'get_events_emitted_by_invocation':
      return (
        await reader.getEventsEmittedByInvocation(a0 as string, { limit: num(kw.limit), offset: num(kw.offset) })
      ).map(event);
    case 'get_events_batch':
      return [...(await reader.getEventsBatch(a0 as string[])).entries()].map(([k, v]) => [k, event(v)]);
    case 'get_trigger_run':
      return run(await reader.getTriggerRun(a0 as string));
    case 'get_trigger_runs_for_event':
      return (await reader.getTriggerRunsForEvent(a0 as string, opts)).map(run);
    case 'get_trigger_runs_for_invocation':
      return (await reader.getTriggerRunsForInvocation(a0 as string, opts)).map(run);
    case 'get_trigger_runs_sourced_by_invocation':
      return (await reader.getTriggerRunsSourcedByInvocation(a0 as string, opts)).map(run);
    case 'get_trigger_runs_for_valid_condition':
      return (await reader.getTriggerRunsForValidCondition(a0 as string, opts)).map(run);
    case 'get_trigger_runs_in_timerange':
      return (
        await reader.getTriggerRunsInRange(
          {
            startTime: a0 as string,
            endTime: a1 as string,
            eventCode: str(kw.event_code),
            taskIdKey: str(kw.task_id_key),
            limit: num(kw.limit),
          },
          opts,
        )
      ).map(run);
    case 'get_trigger_runs_batch':
      return [...(await reader.getTriggerRunsBatch(a0 as string[])).entries()].map(([k, v]) => [k, run(v)]);
    default:
      throw new Error(`no replay for ${q.method}`);
  }
}

/** Methods whose Python answer on Redis comes from iterating a Python set (hash order): compared as multisets. */
export const UNORDERED_ON_REDIS = new Set([
  'get_trigger_runs_for_event',
  'get_trigger_runs_for_invocation',
  'get_trigger_runs_sourced_by_invocation',
  'get_trigger_runs_for_valid_condition',
]);

/** Every query: TypeScript's answer and Python's, side by side, for one `expect(...).toEqual(...)` per method. */
export async function compareAll(
  reader: MonitoringReader,
  reply: Pick<SeedReply, 'queries' | 'answers'>,
  unordered: ReadonlySet<string> = new Set(),
): Promise<{ byMethod: Map<string, { ts: unknown[]; py: unknown[] }>; count: number }> {
  const byMethod = new Map<string, { ts: unknown[]; py: unknown[] }>();
  for (const q of reply.queries) {
    const py = reply.answers[q.id]!;
    if (!('ok' in py)) throw new Error(`Python raised on ${q.id} ${q.method}: ${py.error}`);
    let ts = await replay(reader, q);
    let expected = py.ok;
    if (unordered.has(q.method)) {
      ts = [...(ts as string[])].sort();
      expected = [...(expected as string[])].sort();
    }
    const entry = byMethod.get(q.method) ?? { ts: [], py: [] };
    entry.ts.push({ id: q.id, args: q.args, kwargs: q.kwargs, answer: ts });
    entry.py.push({ id: q.id, args: q.args, kwargs: q.kwargs, answer: expected });
    byMethod.set(q.method, entry);
  }
  return { byMethod, count: reply.queries.length };
}

/**
 * `resolvePayloads`: every get_events / get_event / batch answer read with payloads resolved through `store`,
 * written back with encodeEventRecords, is Python's to_json text again; each call reads the backend at most once.
 */
export async function comparePayloads(
  reader: MonitoringReader,
  reply: Pick<SeedReply, 'queries' | 'answers'>,
  store: ClientDataStore,
): Promise<{ mismatches: unknown[]; calls: number; maxGetsPerCall: number; resolvedBlobs: number }> {
  const backend = store.backend;
  let gets = 0;
  const original = backend.get.bind(backend);
  backend.get = async (keys) => {
    gets++;
    return original(keys);
  };
  const mismatches: unknown[] = [];
  let calls = 0;
  let maxGetsPerCall = 0;
  let resolvedBlobs = 0;
  try {
    for (const q of reply.queries) {
      const py = reply.answers[q.id] as { ok: unknown };
      let records: Array<DecodedEventRecord | null>;
      gets = 0;
      const opts = { resolvePayloads: store };
      if (q.method === 'get_events') {
        const kw = q.kwargs;
        records = await reader.getEvents({ ...eventFilters(kw), limit: num(kw.limit), offset: num(kw.offset) }, opts);
      } else if (q.method === 'get_event') {
        records = [await reader.getEvent(q.args[0] as string, opts)];
      } else if (q.method === 'get_events_batch') {
        records = [...(await reader.getEventsBatch(q.args[0] as string[], opts)).values()];
      } else continue;
      calls++;
      maxGetsPerCall = Math.max(maxGetsPerCall, gets);
      const present = records.filter((r): r is DecodedEventRecord => r !== null);
      resolvedBlobs += present.filter(
        (r) => typeof r.payload.blob === 'string' && (r.payload.blob as string).length > 1500,
      ).length;
      const texts = await encodeEventRecords(present, store);
      const expected =
        q.method === 'get_events'
          ? py.ok
          : q.method === 'get_event'
            ? [py.ok].filter((x) => x !== null)
            : (py.ok as Array<[string, string | null]>).map(([, v]) => v).filter((v) => v !== null);
      if (JSON.stringify(texts) !== JSON.stringify(expected)) mismatches.push({ id: q.id, texts, expected });
    }
  } finally {
    backend.get = original;
  }
  return { mismatches, calls, maxGetsPerCall, resolvedBlobs };
}
