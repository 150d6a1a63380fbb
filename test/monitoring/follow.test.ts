/**
 * follow() edge logic against an in-test store (a model of a pynenc store: a last resort, named as such, for the
 * orders of writes and reads a real writer makes hard to time). The real thing is in follow-pynenc.test.ts.
 */
import type { EventRecord, TriggerRunRecord } from '../../src';
import { InvalidOptionError, toJson } from '../../src';
import { MonitoringFollower, follow, type FollowItem } from '../../src/monitoring/follow';
import { MonitoringRowError, MonitoringUnavailableError } from '../../src/monitoring/errors';
import type {
  EventResult,
  EventsQuery,
  MonitoringReader,
  MonitoringReadError,
  PayloadOption,
  ReadOptions,
  RunsInRangeQuery,
  TimeBound,
} from '../../src/monitoring/types';
import { PyTimestamp } from '../../src/timestamps/pytimestamp';
import { withDefaults } from '../support/records';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

function iso(ms: number, extraMicros = 0): string {
  return PyTimestamp.fromEpochMicros(BigInt(ms) * 1000n + BigInt(extraMicros)).toString();
}

function micros(bound: TimeBound | undefined, fallback: bigint): bigint {
  if (bound === undefined) return fallback;
  if (bound instanceof PyTimestamp) return bound.epochMicros;
  if (bound instanceof Date) return BigInt(bound.getTime()) * 1000n;
  return PyTimestamp.parse(bound).epochMicros;
}

/** The model store: events with a link index, runs, and the calls made to it. */
class ModelStore implements MonitoringReader {
  readonly backend = 'sqlite' as const;
  readonly events = new Map<string, EventRecord>();
  readonly links = new Map<string, string[]>();
  readonly runs = new Map<string, TriggerRunRecord>();
  readonly corrupt = new Set<string>();
  readonly windowStarts: bigint[] = [];
  batchCalls = 0;
  failNext: Error | undefined;

  emit(id: string, ms: number, fields: Partial<EventRecord> = {}): EventRecord {
    const record = withDefaults('EventRecord', {
      event_id: id,
      event_code: 'code.a',
      timestamp: iso(ms),
      ...fields,
    }) as EventRecord;
    this.events.set(id, record);
    return record;
  }

  store(id: string, ms: number, eventIds: string[], invocation: string): void {
    this.runs.set(
      id,
      withDefaults('TriggerRunRecord', {
        trigger_run_id: id,
        trigger_id: 't1',
        task_id_key: 'mod.task',
        logic_value: 'and',
        event_ids: eventIds,
        triggered_invocation_id: invocation,
        claimed_at: iso(ms),
        executed_at: iso(ms),
      }) as TriggerRunRecord,
    );
  }

  link(eventId: string, invocation: string): void {
    this.links.set(eventId, [...(this.links.get(eventId) ?? []), invocation]);
  }

  private read(id: string): EventRecord {
    const e = this.events.get(id)!;
    return { ...e, triggered_invocation_ids: [...(this.links.get(id) ?? [])] };
  }

  private check(): void {
    const err = this.failNext;
    this.failNext = undefined;
    if (err) throw err;
  }

  private rowError(id: string): MonitoringReadError {
    return new MonitoringRowError(
      { backend: 'sqlite', location: 'app__trg_events', id, dto: 'EventRecord' },
      new Error('bad JSON'),
    );
  }

  async getEvents<P extends PayloadOption = {}>(
    query: EventsQuery = {},
    options: P & ReadOptions = {} as P & ReadOptions,
  ): Promise<EventResult<P>[]> {
    this.check();
    const lo = micros(query.startTime, -(2n ** 62n));
    const hi = micros(query.endTime, 2n ** 62n);
    this.windowStarts.push(lo);
    const all = [...this.events.values()]
      .filter((e) => {
        const t = PyTimestamp.parse(e.timestamp).epochMicros;
        return t >= lo && t <= hi && (query.eventCode === undefined || e.event_code === query.eventCode);
      })
      .sort((a, b) => -PyTimestamp.parse(a.timestamp).compare(PyTimestamp.parse(b.timestamp)));
    const page = all.slice(query.offset ?? 0, (query.offset ?? 0) + (query.limit ?? 100));
    const out: EventRecord[] = [];
    for (const e of page) {
      if (this.corrupt.has(e.event_id)) {
        const err = this.rowError(e.event_id);
        if (options.onError === 'collect') options.errors.push(err);
        else if (options.onError !== 'skip') throw err;
      } else out.push(this.read(e.event_id));
    }
    return out as EventResult<P>[];
  }

  async getEventsBatch<P extends PayloadOption = {}>(
    ids: readonly string[],
  ): Promise<Map<string, EventResult<P> | null>> {
    this.check();
    this.batchCalls++;
    return new Map(ids.map((id) => [id, this.events.has(id) ? (this.read(id) as EventResult<P>) : null]));
  }

  async getTriggerRunsInRange(query: RunsInRangeQuery, options: ReadOptions = {}): Promise<TriggerRunRecord[]> {
    this.check();
    expect(options.order).toBe('oldest');
    const lo = micros(query.startTime, 0n);
    const hi = micros(query.endTime, 0n);
    return [...this.runs.values()]
      .filter((r) => {
        const t = PyTimestamp.parse(r.executed_at!).epochMicros;
        return t >= lo && t <= hi;
      })
      .sort((a, b) => PyTimestamp.parse(a.executed_at!).compare(PyTimestamp.parse(b.executed_at!)))
      .slice(0, query.limit ?? Infinity);
  }

  getEvent = unused;
  countEvents = unused;
  getEventMarkers = unused;
  getInvocationsTriggeredByEvent = unused;
  listEventCodes = unused;
  getEventsEmittedByInvocation = unused;
  getTriggerRun = unused;
  getTriggerRunsForEvent = unused;
  getTriggerRunsForInvocation = unused;
  getTriggerRunsSourcedByInvocation = unused;
  getTriggerRunsForValidCondition = unused;
  getTriggerRunsBatch = unused;
  async close(): Promise<void> {}
}

function unused(): never {
  throw new Error('follow() must not call this');
}

function brief(items: FollowItem[]): string[] {
  return items.map((i) =>
    i.kind === 'event'
      ? `event ${i.change} ${i.record.event_id} [${i.record.triggered_invocation_ids.join(',')}]`
      : `run ${i.change} ${i.record.trigger_run_id}`,
  );
}

describe('MonitoringFollower.poll', () => {
  let now: number;
  const clock = (): number => now;
  beforeEach(() => {
    now = T0;
  });

  test("emit_event's two writes: new, then updated once; unchanged re-reads yield nothing", async () => {
    const store = new ModelStore();
    const f = new MonitoringFollower(store, {}, { clock, since: iso(T0 - 1000) });
    store.emit('e1', T0 - 10);
    expect(brief(await f.poll())).toEqual(['event new e1 []']);
    store.emit('e1', T0 - 10, { matched_condition_ids: ['c1'], valid_condition_ids: ['vc1'] });
    now += 1000;
    const items = await f.poll();
    expect(brief(items)).toEqual(['event updated e1 []']);
    expect(items[0]!.json).toBe(toJson('EventRecord', items[0]!.record as EventRecord));
    now += 1000;
    expect(await f.poll()).toEqual([]);
  });

  test('a record stored late (older timestamp, after the last poll began) is read inside the window', async () => {
    const store = new ModelStore();
    const f = new MonitoringFollower(store, {}, { clock, trailingMs: 5000 });
    expect(await f.poll()).toEqual([]);
    now += 1000;
    store.emit('late', T0 - 4000 + 1000); // 3 s before the previous poll: inside 5 s
    store.emit('too-late', T0 - 6000); // before the window: missed, as documented
    expect(brief(await f.poll())).toEqual([]); // emitted before `since` (the call): not followed
    const g = new MonitoringFollower(store, {}, { clock, trailingMs: 5000, since: iso(T0 - 60_000) });
    expect(brief(await g.poll())).toEqual(['event new too-late []', 'event new late []']);
  });

  test('the window trails the previous poll, however long the consumer took; old ids are forgotten', async () => {
    const store = new ModelStore();
    const f = new MonitoringFollower(store, {}, { clock, trailingMs: 2000, since: iso(T0) });
    await f.poll();
    now += 60_000; // a slow consumer
    store.emit('between', T0 + 30_000);
    expect(brief(await f.poll())).toEqual(['event new between []']);
    now += 1000;
    await f.poll();
    const starts = store.windowStarts.map((s) => Number(s / 1000n) - T0);
    expect(starts).toEqual([0, 0, 60_000 - 2000]);
    // 'between' is older than the window now: a change to it (not through a run) is not seen any more
    store.emit('between', T0 + 30_000, { matched_condition_ids: ['c'] });
    now += 1000;
    expect(await f.poll()).toEqual([]);
  });

  test('keyset paging: ties and inserts between pages, every event exactly once', async () => {
    const store = new ModelStore();
    for (let i = 0; i < 9; i++) store.emit(`tie${i}`, T0 - 100); // nine events in one millisecond
    for (let i = 0; i < 5; i++) store.emit(`e${i}`, T0 - 500 + i, {});
    const f = new MonitoringFollower(store, {}, { clock, since: iso(T0 - 1000), pageSize: 2 });
    const original = store.getEvents.bind(store);
    let calls = 0;
    store.getEvents = async (q, o) => {
      if (++calls === 2) store.emit('inserted', T0 - 50); // a newer one lands while paging
      return original(q, o);
    };
    const ids = brief(await f.poll());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      [...Array(9).keys()]
        .map((i) => `event new tie${i} []`)
        .concat([...Array(5).keys()].map((i) => `event new e${i} []`))
        .sort(),
    );
    expect(calls).toBeGreaterThanOrEqual(7); // it did page: 14 events, 2 a page
    // the one that landed above the page boundary while paging: the next poll
    now += 1000;
    expect(brief(await f.poll())).toEqual(['event new inserted []']);
  });

  test('a link written after its run was read: the event is updated on a later poll, after the run', async () => {
    const store = new ModelStore();
    const f = new MonitoringFollower(store, {}, { clock, trailingMs: 1000, since: iso(T0 - 600_000) });
    store.emit('old', T0 - 300_000); // emitted 5 minutes ago (the trigger loop runs on a cycle of minutes)
    expect(brief(await f.poll())).toEqual(['event new old []']);
    now += 10_000; // 'old' leaves the window
    store.store('r1', now - 5, ['old'], 'inv1'); // store_trigger_run…
    expect(brief(await f.poll())).toEqual(['run new r1']); // …read before link_trigger_run_to_events
    store.link('old', 'inv1');
    now += 200;
    expect(brief(await f.poll())).toEqual(['event updated old [inv1]']);
    now += 200;
    expect(await f.poll()).toEqual([]);
    // the same poll: run and link together, the event right after its run
    store.store('r2', now - 5, ['old'], 'inv2');
    store.link('old', 'inv2');
    now += 200;
    expect(brief(await f.poll())).toEqual(['run new r2', 'event updated old [inv1,inv2]']);
    expect(store.batchCalls).toBe(3);
  });

  test('a link of a run not read yet, already in the text yielded: no second update when that run is read', async () => {
    const store = new ModelStore();
    const f = new MonitoringFollower(store, {}, { clock, trailingMs: 1000, since: iso(T0 - 600_000) });
    store.emit('old', T0 - 300_000);
    await f.poll();
    now += 10_000; // a slow consumer: the next window starts 1 s before the previous poll
    store.store('r1', T0 + 500, ['old'], 'inv1');
    store.link('old', 'inv1');
    const batch = store.getEventsBatch.bind(store);
    store.getEventsBatch = async (ids) => {
      store.store('r2', now - 5, ['old'], 'inv2'); // stored after the runs were read, linked before this read
      store.link('old', 'inv2');
      store.getEventsBatch = batch;
      return batch(ids);
    };
    expect(brief(await f.poll())).toEqual(['run new r1', 'event updated old [inv1,inv2]']);
    now += 100;
    expect(brief(await f.poll())).toEqual(['run new r2']);
  });

  test('the link of an event inside the window is found in the window (no extra read)', async () => {
    const store = new ModelStore();
    const f = new MonitoringFollower(store, {}, { clock, since: iso(T0 - 1000) });
    store.emit('e', T0 - 500);
    store.store('r', T0 - 100, ['e'], 'inv');
    store.link('e', 'inv');
    expect(brief(await f.poll())).toEqual(['event new e [inv]', 'run new r']);
    expect(store.batchCalls).toBe(0);
  });

  test('filters: runs by task, events by code (a run of another task still reveals a followed link)', async () => {
    const store = new ModelStore();
    const f = new MonitoringFollower(
      store,
      { eventCode: 'code.a', taskIdKey: 'other.task' },
      { clock, since: iso(T0 - 100_000), trailingMs: 10 },
    );
    store.emit('a', T0 - 50_000);
    store.emit('b', T0 - 50_000, { event_code: 'code.b' });
    expect(brief(await f.poll())).toEqual(['event new a []']);
    store.store('r', T0, ['a', 'b'], 'inv');
    store.link('a', 'inv');
    store.link('b', 'inv');
    now += 100;
    expect(brief(await f.poll())).toEqual(['event updated a [inv]']);
  });

  test('kinds: runs only, events only', async () => {
    const store = new ModelStore();
    store.emit('e', T0 - 10);
    store.store('r', T0 - 5, ['e'], 'inv');
    store.link('e', 'inv');
    const runsOnly = new MonitoringFollower(store, {}, { clock, kinds: ['run'], since: iso(T0 - 100) });
    expect(brief(await runsOnly.poll())).toEqual(['run new r']);
    const eventsOnly = new MonitoringFollower(store, {}, { clock, kinds: ['event'], since: iso(T0 - 100) });
    expect(brief(await eventsOnly.poll())).toEqual(['event new e [inv]']);
  });

  test('an unreadable row is reported once, the rest of the page read; without onReadError it throws', async () => {
    const store = new ModelStore();
    store.emit('good', T0 - 10);
    store.emit('bad', T0 - 20);
    store.corrupt.add('bad');
    const reported: MonitoringReadError[] = [];
    const f = new MonitoringFollower(store, {}, { clock, since: iso(T0 - 100), onReadError: (e) => reported.push(e) });
    expect(brief(await f.poll())).toEqual(['event new good []']);
    now += 100;
    await f.poll();
    expect(reported.map((e) => [e.code, e.id])).toEqual([['MONITORING_CORRUPT_ROW', 'bad']]);
    const strict = new MonitoringFollower(store, {}, { clock, since: iso(T0 - 100) });
    await expect(strict.poll()).rejects.toBeInstanceOf(MonitoringRowError);
  });

  test('a failed poll changes nothing: the next one yields what it would have', async () => {
    const store = new ModelStore();
    const f = new MonitoringFollower(store, {}, { clock, since: iso(T0 - 100) });
    store.emit('e', T0 - 10);
    store.store('r', T0 - 5, [], 'inv');
    const original = store.getEvents.bind(store);
    store.getEvents = async () => {
      throw new MonitoringUnavailableError('busy', { backend: 'sqlite', location: 'db' });
    };
    await expect(f.poll()).rejects.toBeInstanceOf(MonitoringUnavailableError);
    store.getEvents = original;
    expect(brief(await f.poll())).toEqual(['event new e []', 'run new r']);
  });

  test('options are checked', () => {
    const store = new ModelStore();
    expect(() => new MonitoringFollower(store, {}, { kinds: [] })).toThrow(InvalidOptionError);
    expect(() => new MonitoringFollower(store, {}, { kinds: ['events' as 'event'] })).toThrow(InvalidOptionError);
    expect(() => new MonitoringFollower(store, {}, { intervalMs: -1 })).toThrow(InvalidOptionError);
    expect(() => new MonitoringFollower(store, {}, { trailingMs: Number.NaN })).toThrow(InvalidOptionError);
    expect(() => new MonitoringFollower(store, {}, { pageSize: 0 })).toThrow(InvalidOptionError);
  });
});

describe('follow()', () => {
  afterEach(() => jest.restoreAllMocks());

  test('AbortSignal ends the iteration during the pause, clearing its timer', async () => {
    // The pause is found by its own timer (the 60 s one), not by counting the process's timers: a timer left by
    // another test expiring meanwhile made a count-based wait miss the pause on a loaded machine.
    const setSpy = jest.spyOn(global, 'setTimeout');
    const clearSpy = jest.spyOn(global, 'clearTimeout');
    const pauseTimer = (): unknown => {
      const at = setSpy.mock.calls.findIndex((call) => call[1] === 60_000);
      return at < 0 ? undefined : setSpy.mock.results[at]?.value;
    };
    const store = new ModelStore();
    store.emit('e', Date.now() - 10);
    const controller = new AbortController();
    const seen: string[] = [];
    const done = (async () => {
      for await (const item of follow(
        store,
        {},
        { signal: controller.signal, intervalMs: 60_000, since: new Date(Date.now() - 1000) },
      )) {
        seen.push(...brief([item]));
      }
    })();
    const deadline = Date.now() + 20_000;
    try {
      while (pauseTimer() === undefined && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    } finally {
      controller.abort();
    }
    const aborted = Date.now();
    await done;
    const timer = pauseTimer();
    expect(timer).toBeDefined();
    expect(seen).toEqual(['event new e []']); // the first poll's item came before the pause
    expect(Date.now() - aborted).toBeLessThan(10_000); // not the 60 s pause
    expect(clearSpy.mock.calls.some((call) => call[0] === timer)).toBe(true);
  }, 30_000);

  test('break (return()) ends it; unavailable polls go to onUnavailable and are retried', async () => {
    const store = new ModelStore();
    store.failNext = new MonitoringUnavailableError('lost', { backend: 'redis', location: 'redis://x' });
    store.emit('e', Date.now() - 10);
    const outages: Error[] = [];
    const seen: string[] = [];
    for await (const item of follow(
      store,
      {},
      { intervalMs: 5, since: new Date(Date.now() - 1000), onUnavailable: (e) => outages.push(e) },
    )) {
      seen.push(...brief([item]));
      break;
    }
    expect(outages).toHaveLength(1);
    expect(seen).toEqual(['event new e []']);
    store.failNext = new Error('not an outage');
    await expect(follow(store, {}, { onUnavailable: () => undefined }).next()).rejects.toThrow('not an outage');
  });
});
