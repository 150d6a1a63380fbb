/**
 * End-to-end: the real pynenc (scripts/python/real_flow.py) runs an app with a real trigger backend — SQLiteTrigger
 * on a temp file, then pynenc_redis's RedisTrigger on a private redis-server — emits events, runs tasks through a
 * ThreadRunner and the atomic-service trigger loop, and hands back every EventRecord and TriggerRunRecord text as
 * stored. Each text is read by fromJson, valid per the contract, and written back by toJson byte for byte; the
 * participant rules of the contract fire on real participants mutated at their JSON path.
 */
import { join } from 'node:path';
import {
  ContractValidationError,
  fromJson,
  toJson,
  validate,
  type EventRecord,
  type TriggerRunParticipant,
  type TriggerRunRecord,
} from '../../src';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { runRealFlow, type RealFlowReply } from './real-flow';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

/** The context classes pynenc's own conditions produce (pynenc/trigger/conditions). */
const CONTEXT_TYPES = ['EventContext', 'StatusContext', 'ResultContext', 'ExceptionContext', 'CronContext'] as const;
/** Which id each context type carries (the contract's participant rules, trigger-run-participant.schema.json). */
const CARRIES: Record<(typeof CONTEXT_TYPES)[number], 'event_id' | 'source_invocation_id' | null> = {
  EventContext: 'event_id',
  StatusContext: 'source_invocation_id',
  ResultContext: 'source_invocation_id',
  ExceptionContext: 'source_invocation_id',
  CronContext: null,
};
const ID_FIELDS = ['event_id', 'source_invocation_id'] as const;
/** The tasks real_flow.py declares with triggers (one per TriggerBuilder). */
const TRIGGERED_TASKS = [
  'on_order',
  'after_produce',
  'on_six',
  'on_failure',
  'tick',
  'order_and_produced',
  'payment_or_failure',
  'cron_and_deploy',
];

type Backend = 'sqlite' | 'redis';

/** Every participant with its run and its index there. */
interface Placed {
  run: TriggerRunRecord;
  index: number;
  p: TriggerRunParticipant;
}

function participantsOf(runs: TriggerRunRecord[]): Placed[] {
  return runs.flatMap((run) => run.participants.map((p, index) => ({ run, index, p })));
}

/** The issue paths of a rejected document (validate and fromJson must agree on them). */
function rejectionPaths(dto: 'TriggerRunRecord' | 'TriggerRunParticipant', doc: unknown): string[] {
  const result = validate(dto, doc);
  if (result.ok) return [];
  let thrown: unknown;
  try {
    fromJson(dto, JSON.stringify(doc));
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ContractValidationError);
  const fromJsonPaths = (thrown as ContractValidationError).issues.map((i) => i.path);
  expect(fromJsonPaths).toEqual(result.issues.map((i) => i.path));
  return fromJsonPaths;
}

describe.each<Backend>(['sqlite', 'redis'])('the real pynenc trigger flow, %s backend', (backend) => {
  let reply: RealFlowReply;
  let server: RedisServer | undefined;
  let dir: string | undefined;
  let events: EventRecord[];
  let runs: TriggerRunRecord[];

  beforeAll(async () => {
    if (backend === 'sqlite') {
      dir = makeTempDir('real-flow-');
      reply = runRealFlow({ backend, sqlite_db_path: join(dir, 'pynenc.db'), app_id: 'real_flow' });
    } else {
      server = await startRedisServer();
      reply = runRealFlow({ backend, redis_url: server.url, app_id: 'real_flow' });
    }
    events = reply.events.map((e) => fromJson('EventRecord', e.text));
    runs = reply.trigger_runs.map((r) => fromJson('TriggerRunRecord', r.text));
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    removeTempDir(dir);
  });

  it('ran with the real trigger backend until quiet; the only error pynenc logged is the task meant to fail', () => {
    expect(reply.pynenc_trigger_class).toBe(backend === 'sqlite' ? 'SQLiteTrigger' : 'RedisTrigger');
    expect(reply.summary).toMatchObject({ pending_invocations: 0, valid_conditions_left: 0, threads_alive: [] });
    // A monitoring write that fails is logged and swallowed by pynenc: any other ERROR record fails here.
    expect(reply.summary.errors_logged.map((e) => [e.exception_type, e.exception_message])).toEqual([
      ['ValueError', 'bad input 1'],
    ]);
    if (backend === 'redis') {
      for (const stored of [...reply.events, ...reply.trigger_runs]) expect(stored.type).toBe('string');
    }
  });

  it('every stored EventRecord text: fromJson reads it, valid, toJson writes it back byte for byte', () => {
    expect(reply.events.length).toBeGreaterThanOrEqual(6);
    reply.events.forEach((stored, i) => {
      expect(validate('EventRecord', events[i])).toEqual({ ok: true, value: events[i] });
      expect(events[i]!.event_id).toBe(stored.key);
      expect(toJson('EventRecord', events[i]!)).toBe(stored.text);
    });
    // Emitted outside any task and from inside a running one; matched and unmatched.
    expect(events.some((e) => e.emitted_by_invocation_id === null)).toBe(true);
    const fromTask = events.filter((e) => e.emitted_by_invocation_id !== null);
    expect(fromTask.map((e) => e.emitted_by_task_id)).toContain('real_flow.produce');
    expect(events.some((e) => e.matched_condition_ids.length === 0)).toBe(true);
    expect(events.some((e) => e.matched_condition_ids.length > 1)).toBe(true);
  });

  it('every stored TriggerRunRecord text: fromJson reads it, valid, toJson writes it back byte for byte', () => {
    // Every trigger the flow declares fired (and pynenc's recovery tasks: a never-run cron fires at the first check).
    const fired = new Set(runs.map((r) => r.task_id_key));
    expect(TRIGGERED_TASKS.filter((t) => !fired.has(`real_flow.${t}`))).toEqual([]);
    reply.trigger_runs.forEach((stored, i) => {
      expect(validate('TriggerRunRecord', runs[i])).toEqual({ ok: true, value: runs[i] });
      expect(runs[i]!.trigger_run_id).toBe(stored.key);
      expect(toJson('TriggerRunRecord', runs[i]!)).toBe(stored.text);
    });
    // Produced inside the atomic-service run that claimed the trigger loop.
    for (const run of runs) expect(run.atomic_service_run_id).not.toBeNull();
  });

  it('participants of every context type pynenc produces are present, and each one alone round-trips', () => {
    const all = participantsOf(runs);
    const types = new Set(all.map(({ p }) => p.context_type));
    expect([...CONTEXT_TYPES].filter((t) => !types.has(t))).toEqual([]);
    for (const { run, p } of all) {
      expect(validate('TriggerRunParticipant', p).ok).toBe(true);
      // pynenc writes a participant as p.to_dict() inside the run's json.dumps: the same bytes.
      expect(toJson('TriggerRunRecord', run)).toContain(toJson('TriggerRunParticipant', p));
      expect(fromJson('TriggerRunParticipant', toJson('TriggerRunParticipant', p))).toEqual(p);
    }
  });

  it('composite triggers: an AND run holds one participant per satisfied condition, an OR run one each time', () => {
    const and = runs.filter((r) => r.logic_value === 'and' && new Set(r.condition_ids).size > 1);
    const or = runs.filter((r) => r.logic_value === 'or');
    expect(and.length).toBeGreaterThanOrEqual(2); // event + status, event + cron
    expect(or.length).toBeGreaterThanOrEqual(2); // event, exception
    for (const run of and) {
      expect(run.participants.map((p) => p.valid_condition_id)).toEqual(run.valid_condition_ids);
      expect(run.participants.map((p) => p.condition_id)).toEqual(run.condition_ids);
    }
    for (const run of or) expect(run.participants).toHaveLength(1);
    const mixed = and.find((r) => new Set(r.participants.map((p) => p.context_type)).size > 1);
    expect(mixed).toBeDefined();
    for (const run of runs) {
      expect(run.event_ids).toEqual(run.participants.flatMap((p) => (p.event_id === null ? [] : [p.event_id])));
      expect(run.source_invocation_ids).toEqual(
        run.participants.flatMap((p) => (p.source_invocation_id === null ? [] : [p.source_invocation_id])),
      );
    }
  });

  it.each([...CONTEXT_TYPES])('the participant rules reject a mutated real %s at its JSON path', (type) => {
    const all = participantsOf(runs);
    const found = all.find(({ p }) => p.context_type === type)!;
    expect(found).toBeDefined();
    const anEventId = events[0]!.event_id;
    const anInvocationId = runs.find((r) => r.triggered_invocation_id !== null)!.triggered_invocation_id!;
    const real = { event_id: anEventId, source_invocation_id: anInvocationId };
    const carried = CARRIES[type];
    // The id this type carries, nulled; an id it must not carry, set to a real one.
    const mutations: [keyof typeof real, string | null][] = ID_FIELDS.map((field) => [
      field,
      field === carried ? null : real[field],
    ]);
    for (const [field, value] of mutations) {
      const participant = { ...found.p, [field]: value };
      const participants = found.run.participants.map((p, i) => (i === found.index ? participant : p));
      const run = { ...found.run, participants };
      expect(rejectionPaths('TriggerRunRecord', run)).toContain(`/participants/${found.index}/${field}`);
      expect(rejectionPaths('TriggerRunParticipant', participant)).toContain(`/${field}`);
    }
    // The real participant itself passes.
    expect(rejectionPaths('TriggerRunRecord', found.run)).toEqual([]);
  });

  it('cron fires as a never-run condition, then again on its schedule once its last execution is moved back', () => {
    const cron = reply.summary.cron_rewound;
    const at = (r: TriggerRunRecord) => Date.parse(r.executed_at!);
    // Redis hands the runs back in key order (trun_hash:<id>): order them by execution.
    const ticks = runs.filter((r) => r.task_id_key === 'real_flow.tick').sort((a, b) => at(a) - at(b));
    expect(ticks).toHaveLength(2);
    const [first, second] = ticks.map((r) => r.participants.find((p) => p.context_type === 'CronContext')!);
    expect(first!.condition_id).toBe(cron.condition_id);
    expect(second!.condition_id).toBe(cron.condition_id);
    // The first firing is the claim that stored the last execution; the second one is later, on the schedule.
    expect(first!.context_timestamp).toBe(cron.last_execution);
    expect(Date.parse(second!.context_timestamp!)).toBeGreaterThan(Date.parse(cron.last_execution));
    expect(second!.valid_condition_id).not.toBe(first!.valid_condition_id);
    expect(runs.filter((r) => r.task_id_key === 'real_flow.cron_and_deploy')).toHaveLength(2);
  });

  it("get_event rehydrates triggered_invocation_ids from the link index; the stored JSON's list is stale", () => {
    const linked = new Map<string, string[]>();
    for (const link of reply.links) {
      linked.set(link.event_id, [...(linked.get(link.event_id) ?? []), link.invocation_id]);
    }
    expect(linked.size).toBeGreaterThan(0);
    let stale = 0;
    for (const event of events) {
      const rehydrated = reply.rehydrated[event.event_id]!;
      expect(rehydrated.triggered_invocation_ids).toEqual(linked.get(event.event_id) ?? []);
      // What the stored JSON holds is never more than the index: emit_event writes it, the links come later.
      expect(rehydrated.triggered_invocation_ids).toEqual(expect.arrayContaining(event.triggered_invocation_ids));
      if (event.triggered_invocation_ids.length !== rehydrated.triggered_invocation_ids.length) stale++;
      // Python's get_event(...).to_json is the stored record with the index's ids: our codec writes the same bytes.
      const merged = { ...event, triggered_invocation_ids: rehydrated.triggered_invocation_ids };
      expect(toJson('EventRecord', merged)).toBe(rehydrated.text);
      expect(fromJson('EventRecord', rehydrated.text)).toEqual(merged);
    }
    // Every event a trigger run linked is stale in storage (pynenc never rewrites the event JSON).
    expect(stale).toBe(linked.size);
  });

  if (backend === 'sqlite') {
    it("the SQLite participant rows (<prefix>__trg_trigger_run_conditions) are the JSON's participants", () => {
      const rows = reply.storage.participant_rows as Record<string, string | null>[];
      const fromJsonText = runs.flatMap((run) =>
        run.participants.map((p) => ({
          trigger_run_id: run.trigger_run_id,
          context_type: p.context_type,
          condition_id: p.condition_id,
          valid_condition_id: p.valid_condition_id,
          event_id: p.event_id,
          source_invocation_id: p.source_invocation_id,
        })),
      );
      const key = (r: Record<string, unknown>) => JSON.stringify(r);
      expect(rows.map(key).sort()).toEqual(fromJsonText.map(key).sort());
    });
  }

  if (backend === 'sqlite') {
    it('the SQLite event columns: counts follow the link index, not the event JSON; time is the record time', () => {
      const rows = reply.storage.event_rows as {
        event_id: string;
        event_timestamp: number;
        matched_condition_count: number;
        triggered_invocation_count: number;
      }[];
      expect(rows.map((r) => r.event_id)).toEqual(events.map((e) => e.event_id));
      rows.forEach((row, i) => {
        const event = events[i]!;
        expect(row.matched_condition_count).toBe(event.matched_condition_ids.length);
        const linked = reply.links.filter((l) => l.event_id === event.event_id);
        expect(row.triggered_invocation_count).toBe(linked.length);
        // REAL epoch seconds of timestamp.timestamp(): the microseconds survive within a float's precision.
        expect(Math.abs(row.event_timestamp * 1000 - Date.parse(event.timestamp))).toBeLessThan(1);
      });
    });
  }

  it('each trigger run that names events is in the link index for each of them', () => {
    for (const run of runs) {
      for (const eventId of run.event_ids) {
        expect(reply.links.filter((l) => l.event_id === eventId).map((l) => l.invocation_id)).toContain(
          run.triggered_invocation_id,
        );
      }
    }
  });
});
