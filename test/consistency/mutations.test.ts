/**
 * Each mutation breaks one invariant of records the real pynenc wrote, and checkConsistency reports
 * exactly that: one finding, with the invariant's code, at the broken value's JSON pointer. Every
 * mutation is applied to every real record it fits (and must fit some).
 */
import { createHash } from 'node:crypto';
import type { DtoName } from '../../generated/schemas';
import type { DtoTypes, TriggerRunParticipant, TriggerRunRecord } from '../../generated/types';
import { CONSISTENCY_CODES, checkConsistency, type ConsistencyCode } from '../../src/consistency';
import { PyTimestamp, compareTimestamps } from '../../src/timestamps';
import { validate } from '../../src/validation';
import { participantsOf, realRecords, seedOr, type RealRecords } from './real-records';

jest.setTimeout(120_000);

let real: RealRecords;
beforeAll(() => {
  real = realRecords({ seed: seedOr(2026), scenarios: 120 });
});

interface Mutation<D extends DtoName> {
  name: string;
  /** The records it fits. */
  fits?: (record: DtoTypes[D]) => boolean;
  /** Mutates a copy in place; returns the one finding expected. */
  mutate: (record: DtoTypes[D]) => { code: ConsistencyCode; path: string };
}

const codesSeen = new Set<ConsistencyCode>();

function recordsOf<D extends DtoName>(dto: D): DtoTypes[D][] {
  const all: Record<DtoName, unknown[]> = {
    TriggerRunRecord: real.runs,
    TriggerRunParticipant: participantsOf(real.runs),
    EventRecord: real.events,
    EventMarkerPage: real.pages,
    EventMarker: real.pages.flatMap((p) => p.markers),
  };
  return all[dto] as DtoTypes[D][];
}

function each<D extends DtoName>(dto: D, mutations: Mutation<D>[]): void {
  describe(dto, () => {
    it.each(mutations.map((m) => [m.name, m] as const))('%s', (_name, m) => {
      let fitted = 0;
      for (const original of recordsOf(dto)) {
        if (m.fits && !m.fits(original)) continue;
        fitted++;
        const record = structuredClone(original);
        const expected = m.mutate(record);
        expect(validate(dto, record).ok).toBe(true); // the schema cannot see it
        const findings = checkConsistency(dto, record);
        expect(findings.map(({ code, path }) => ({ code, path }))).toEqual([expected]);
        expect(findings[0]!.message).toEqual(expect.any(String));
        codesSeen.add(expected.code);
      }
      expect(fitted).toBeGreaterThan(0);
    });
  });
}

/** The same instant written with another UTC offset (minutes). */
function shifted(timestamp: string, offsetMinutes: number): string {
  const instant = PyTimestamp.parse(timestamp).epochMicros;
  return PyTimestamp.fromEpochMicros(instant, offsetMinutes * 60_000_000).toString();
}

/** One microsecond later, at the same offset. */
function later(timestamp: string): string {
  const t = PyTimestamp.parse(timestamp);
  return PyTimestamp.fromEpochMicros(t.epochMicros + 1n, t.offsetMicros).toString();
}

const truthy = (id: string | null): id is string => id !== null && id !== '';
const indexOf = (run: TriggerRunRecord, type: string): number =>
  run.participants.findIndex((p) => p.context_type === type);
const has =
  (type: string) =>
  (run: TriggerRunRecord): boolean =>
    indexOf(run, type) !== -1;
const distinct = (ids: string[]): boolean => ids.length > 1 && ids[0] !== ids[1];

/** A participant the run keeps in step: the flat lists follow the change of its ids. */
function replaceParticipant(run: TriggerRunRecord, i: number, next: TriggerRunParticipant): void {
  run.participants[i] = next;
  run.valid_condition_ids = run.participants.map((p) => p.valid_condition_id!);
  run.condition_ids = run.participants.map((p) => p.condition_id!);
  run.event_ids = run.participants.map((p) => p.event_id).filter(truthy);
  run.source_invocation_ids = run.participants.map((p) => p.source_invocation_id).filter(truthy);
}

const RUN_IDS_ALWAYS_SET = [
  'claimed_at',
  'executed_at',
  'triggered_invocation_id',
  'atomic_service_run_id',
  'atomic_service_runner_id',
] as const;

each('TriggerRunRecord', [
  ...RUN_IDS_ALWAYS_SET.map((key): Mutation<'TriggerRunRecord'> => ({
    name: `${key} null`,
    mutate: (r) => {
      r[key] = null;
      return { code: 'UNSET', path: `/${key}` };
    },
  })),
  ...(['claimed_at', 'executed_at'] as const).map((key): Mutation<'TriggerRunRecord'> => ({
    name: `${key}: the same instant at +01:00`,
    mutate: (r) => {
      r[key] = shifted(r[key]!, 60);
      return { code: 'NOT_UTC', path: `/${key}` };
    },
  })),
  {
    name: 'a participant context_timestamp null',
    mutate: (r) => {
      const i = r.participants.length - 1;
      r.participants[i]!.context_timestamp = null;
      return { code: 'UNSET', path: `/participants/${i}/context_timestamp` };
    },
  },
  {
    name: 'a non-cron participant context_timestamp at -03:00',
    fits: (r) => r.participants.some((p) => p.context_type !== 'CronContext'),
    mutate: (r) => {
      const i = r.participants.findIndex((p) => p.context_type !== 'CronContext');
      r.participants[i]!.context_timestamp = shifted(r.participants[i]!.context_timestamp!, -180);
      return { code: 'NOT_UTC', path: `/participants/${i}/context_timestamp` };
    },
  },
  {
    name: 'valid_condition_ids one longer',
    mutate: (r) => {
      r.valid_condition_ids.push(r.valid_condition_ids[0]!);
      return { code: 'RUN_VALID_CONDITION_IDS', path: '/valid_condition_ids' };
    },
  },
  {
    name: 'valid_condition_ids out of order',
    fits: (r) => distinct(r.valid_condition_ids),
    mutate: (r) => {
      r.valid_condition_ids.reverse();
      return { code: 'RUN_VALID_CONDITION_IDS', path: '/valid_condition_ids/0' };
    },
  },
  {
    name: 'condition_ids one shorter',
    mutate: (r) => {
      r.condition_ids.pop();
      return { code: 'RUN_CONDITION_IDS', path: '/condition_ids' };
    },
  },
  {
    name: 'condition_ids out of order',
    fits: (r) => distinct(r.condition_ids),
    mutate: (r) => {
      [r.condition_ids[0], r.condition_ids[1]] = [r.condition_ids[1]!, r.condition_ids[0]!];
      return { code: 'RUN_CONDITION_IDS', path: '/condition_ids/0' };
    },
  },
  {
    name: 'event_ids de-duplicated',
    fits: (r) => new Set(r.event_ids).size < r.event_ids.length,
    mutate: (r) => {
      r.event_ids = [...new Set(r.event_ids)];
      return { code: 'RUN_EVENT_IDS', path: '/event_ids' };
    },
  },
  {
    name: 'event_ids with one more id',
    mutate: (r) => {
      r.event_ids.push('an-event-no-participant-names');
      return { code: 'RUN_EVENT_IDS', path: '/event_ids' };
    },
  },
  {
    name: 'event_ids emptied while participants name events',
    fits: has('EventContext'),
    mutate: (r) => {
      r.event_ids = [];
      return { code: 'RUN_EVENT_IDS', path: '/event_ids' };
    },
  },
  {
    name: 'source_invocation_ids with one more id',
    mutate: (r) => {
      r.source_invocation_ids.unshift('an-invocation-no-participant-names');
      return { code: 'RUN_SOURCE_INVOCATION_IDS', path: '/source_invocation_ids' };
    },
  },
  {
    name: 'source_invocation_ids with another id in place',
    fits: (r) => r.source_invocation_ids.length > 0,
    mutate: (r) => {
      const i = r.source_invocation_ids.length - 1;
      r.source_invocation_ids[i] = 'another-invocation';
      return { code: 'RUN_SOURCE_INVOCATION_IDS', path: `/source_invocation_ids/${i}` };
    },
  },
  {
    name: 'an AND run of several participants relabelled OR',
    fits: (r) => r.logic_value === 'and' && r.participants.length > 1,
    mutate: (r) => {
      r.logic_value = 'or';
      return { code: 'RUN_PARTICIPANT_COUNT', path: '/participants' };
    },
  },
  {
    name: 'no participants (and no ids)',
    mutate: (r) => {
      r.participants = [];
      r.valid_condition_ids = [];
      r.condition_ids = [];
      r.event_ids = [];
      r.source_invocation_ids = [];
      return { code: 'RUN_PARTICIPANT_COUNT', path: '/participants' };
    },
  },
  {
    name: 'a run of one valid condition with another trigger_run_id',
    fits: (r) => r.participants.length === 1,
    mutate: (r) => {
      r.trigger_run_id = createHash('sha256').update(r.trigger_run_id).digest('hex');
      return { code: 'RUN_ID', path: '/trigger_run_id' };
    },
  },
  {
    name: 'a run of one valid condition with another trigger_id',
    fits: (r) => r.participants.length === 1,
    mutate: (r) => {
      r.trigger_id = `${r.trigger_id}0`;
      return { code: 'RUN_ID', path: '/trigger_run_id' };
    },
  },
  {
    name: 'an AND run with a participant twice (the lists in step)',
    mutate: (r) => {
      r.logic_value = 'and';
      const n = r.participants.length;
      replaceParticipant(r, n, structuredClone(r.participants[0]!));
      return { code: 'PARTICIPANT_DUPLICATE', path: `/participants/${n}/valid_condition_id` };
    },
  },
  ...summaryMutations(),
  ...contextIdMutations(),
]);

/** A summary pynenc cannot write for the participant's class: PARTICIPANT_SUMMARY. */
function summaryMutations(): Mutation<'TriggerRunRecord'>[] {
  const cases: [string, string, (p: TriggerRunParticipant) => string][] = [
    ['EventContext', 'code: with no code', () => 'code:'],
    ['EventContext', 'the code without its key', (p) => p.context_summary.replace(/^code:/, '') || 'order.created'],
    ['StatusContext', 'no task token', (p) => p.context_summary.replace(/ ?task:.*$/s, '')],
    ['StatusContext', 'a lower-case status', (p) => p.context_summary.replace(/^status:\S+/, (s) => s.toLowerCase())],
    ['ResultContext', 'a status other than SUCCESS', (p) => p.context_summary.replace('SUCCESS', 'FAILED')],
    ['ExceptionContext', 'tokens out of order', (p) => p.context_summary.replace(/^(\S+) (exception:\S+)/, '$2 $1')],
    ['CronContext', 'another instant than context_timestamp', (p) => `timestamp:${later(p.context_timestamp!)}`],
    ['CronContext', 'no timestamp token', () => ''],
  ];
  return cases.map(([type, what, summary]) => ({
    name: `${type} summary: ${what}`,
    fits: (r) => {
      const i = indexOf(r, type);
      return i !== -1 && summary(r.participants[i]!) !== r.participants[i]!.context_summary;
    },
    mutate: (r) => {
      const i = indexOf(r, type);
      r.participants[i]!.context_summary = summary(r.participants[i]!);
      return { code: 'PARTICIPANT_SUMMARY', path: `/participants/${i}/context_summary` };
    },
  }));
}

const otherStatus = (summary: string): string =>
  summary.replace(/^status:\S+/, (s) => (s === 'status:KILLED' ? 'status:PAUSED' : 'status:KILLED'));

const otherException = (summary: string): string => summary.replace(/exception:\S+/, (s) => `${s}2`);

/** A well-formed participant whose valid_condition_id is not its condition's on its context. */
function contextIdMutations(): Mutation<'TriggerRunRecord'>[] {
  const cases: [string, string, (p: TriggerRunParticipant) => Partial<TriggerRunParticipant>][] = [
    ['EventContext', 'another code in the summary', (p) => ({ context_summary: `${p.context_summary || 'code:x'}2` })],
    ['EventContext', 'another event_id', (p) => ({ event_id: `${p.event_id}-2` })],
    ['StatusContext', 'another status in the summary', (p) => ({ context_summary: otherStatus(p.context_summary) })],
    ['StatusContext', 'another source invocation', (p) => ({ source_invocation_id: `${p.source_invocation_id}-2` })],
    ['ResultContext', 'another source invocation', (p) => ({ source_invocation_id: `${p.source_invocation_id}-2` })],
    ['ExceptionContext', 'another exception type', (p) => ({ context_summary: otherException(p.context_summary) })],
    [
      'CronContext',
      'another instant (summary in step)',
      (p) => {
        const t = later(p.context_timestamp!);
        return { context_timestamp: t, context_summary: `timestamp:${t}` };
      },
    ],
    ['ExceptionContext', 'another condition', (p) => ({ condition_id: `${p.condition_id}-2` })],
  ];
  return cases.map(([type, what, change]) => ({
    name: `${type} with ${what}`,
    fits: (r) => {
      const i = indexOf(r, type);
      if (i === -1) return false;
      const p = r.participants[i]!;
      return Object.entries(change(p)).some(([k, v]) => p[k as keyof TriggerRunParticipant] !== v);
    },
    mutate: (r) => {
      const i = indexOf(r, type);
      const p = r.participants[i]!;
      replaceParticipant(r, i, { ...p, ...change(p) });
      return { code: 'PARTICIPANT_VALID_CONDITION_ID', path: `/participants/${i}/valid_condition_id` };
    },
  }));
}

const PARTICIPANT_IDS_ALWAYS_SET = ['condition_id', 'valid_condition_id', 'context_timestamp'] as const;

each('TriggerRunParticipant', [
  ...PARTICIPANT_IDS_ALWAYS_SET.map((key): Mutation<'TriggerRunParticipant'> => ({
    name: `${key} null`,
    mutate: (p) => {
      p[key] = null;
      return { code: 'UNSET', path: `/${key}` };
    },
  })),
  {
    name: 'another valid_condition_id',
    mutate: (p) => {
      p.valid_condition_id = `${p.valid_condition_id}x`;
      return { code: 'PARTICIPANT_VALID_CONDITION_ID', path: '/valid_condition_id' };
    },
  },
]);

each('EventRecord', [
  {
    name: 'one valid condition fewer than matched conditions',
    fits: (e) => e.matched_condition_ids.length > 0,
    mutate: (e) => {
      e.valid_condition_ids.pop();
      return { code: 'EVENT_CONDITION_LISTS', path: '/valid_condition_ids' };
    },
  },
  {
    name: 'a valid condition of another event',
    fits: (e) => e.matched_condition_ids.length > 0,
    mutate: (e) => {
      const i = e.valid_condition_ids.length - 1;
      e.valid_condition_ids[i] = e.valid_condition_ids[i]!.replace(e.event_id, `${e.event_id}-2`);
      return { code: 'EVENT_VALID_CONDITION_ID', path: `/valid_condition_ids/${i}` };
    },
  },
  {
    name: 'an event emitted in a task without its task id',
    fits: (e) => e.emitted_by_invocation_id !== null,
    mutate: (e) => {
      e.emitted_by_task_id = null;
      return { code: 'EVENT_EMITTER', path: '/emitted_by_task_id' };
    },
  },
  {
    name: 'an event emitted outside any task with a task id',
    fits: (e) => e.emitted_by_invocation_id === null,
    mutate: (e) => {
      e.emitted_by_task_id = 'shop.tasks.pay';
      return { code: 'EVENT_EMITTER', path: '/emitted_by_invocation_id' };
    },
  },
  {
    name: 'emitted_by_runner_context_id null',
    mutate: (e) => {
      e.emitted_by_runner_context_id = null;
      return { code: 'UNSET', path: '/emitted_by_runner_context_id' };
    },
  },
  {
    name: 'timestamp: the same instant at +05:30',
    mutate: (e) => {
      e.timestamp = shifted(e.timestamp, 330);
      return { code: 'NOT_UTC', path: '/timestamp' };
    },
  },
]);

each('EventMarkerPage', [
  {
    name: 'truncated with every marker of the window',
    mutate: (page) => {
      page.total = page.markers.length;
      page.truncated = true;
      return { code: 'PAGE_TRUNCATED', path: '/truncated' };
    },
  },
  {
    name: 'two markers swapped',
    fits: (page) =>
      page.markers.length > 1 && compareTimestamps(page.markers[0]!.timestamp, page.markers[1]!.timestamp) < 0,
    mutate: (page) => {
      [page.markers[0], page.markers[1]] = [page.markers[1]!, page.markers[0]!];
      return { code: 'PAGE_ORDER', path: '/markers/1/timestamp' };
    },
  },
  {
    name: 'a marker timestamp: the same instant at +01:00',
    fits: (page) => page.markers.length > 0,
    mutate: (page) => {
      page.markers[0]!.timestamp = shifted(page.markers[0]!.timestamp, 60);
      return { code: 'NOT_UTC', path: '/markers/0/timestamp' };
    },
  },
]);

each('EventMarker', [
  {
    name: 'timestamp: the same instant at -00:30',
    mutate: (m) => {
      m.timestamp = shifted(m.timestamp, -30);
      return { code: 'NOT_UTC', path: '/timestamp' };
    },
  },
]);

describe('what is not a valid record', () => {
  it('gives one NOT_A_VALID_RECORD finding, never an exception', () => {
    const cases: [string, unknown][] = [
      ['TriggerRunRecord', {}],
      ['EventRecord', null],
      ['EventMarkerPage', { markers: 'no', total: -1, truncated: true }],
      ['NoSuchDto', real.runs[0]],
    ];
    for (const [dto, value] of cases) {
      const findings = checkConsistency(dto as DtoName, value as never);
      expect(findings.map(({ code, path }) => ({ code, path }))).toEqual([{ code: 'NOT_A_VALID_RECORD', path: '' }]);
      codesSeen.add('NOT_A_VALID_RECORD');
    }
  });
});

// Runs last: every code is reached by some mutation above (a new code needs its mutation).
it('every finding code has a mutation that gives it', () => {
  expect(CONSISTENCY_CODES.filter((c) => !codesSeen.has(c))).toEqual([]);
});
