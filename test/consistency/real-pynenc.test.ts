/**
 * Every record the real pynenc writes keeps every invariant checkConsistency checks: random scenarios
 * (AND and OR triggers over event, status, result, exception and cron conditions; repeated events; sources
 * that run for real, emit events and fail) played by scripts/python/consistency_oracle.py through pynenc's
 * own trigger loop, on each backend's whole stack (memory; SQLite; Redis, on a real redis-server).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkConsistency, type ConsistencyFinding } from '../../src/consistency';
import { useRedisServer } from '../support/redis-server';
import { participantsOf, realRecords, seedOr, type OracleRequest, type RealRecords } from './real-records';

jest.setTimeout(300_000);

interface Offender {
  record: unknown;
  findings: ConsistencyFinding[];
}

function offenders(records: RealRecords): Offender[] {
  const out: Offender[] = [];
  const look = (findings: ConsistencyFinding[], record: unknown): void => {
    if (findings.length > 0) out.push({ record, findings });
  };
  for (const r of records.runs) look(checkConsistency('TriggerRunRecord', r), r);
  for (const p of participantsOf(records.runs)) look(checkConsistency('TriggerRunParticipant', p), p);
  for (const e of records.events) look(checkConsistency('EventRecord', e), e);
  for (const page of records.pages) {
    look(checkConsistency('EventMarkerPage', page), page);
    for (const m of page.markers) look(checkConsistency('EventMarker', m), m);
  }
  return out;
}

/** What the records cover: without it a run that wrote nothing interesting would pass. */
function coverage(records: RealRecords): Record<string, boolean> {
  const participants = participantsOf(records.runs);
  const types = new Set(participants.map((p) => p.context_type));
  const repeated = (ids: string[]): boolean => new Set(ids).size < ids.length;
  return {
    'all five context classes': [
      'EventContext',
      'StatusContext',
      'ResultContext',
      'ExceptionContext',
      'CronContext',
    ].every((t) => types.has(t)),
    'OR runs': records.runs.some((r) => r.logic_value === 'or'),
    'AND runs of several participants': records.runs.some((r) => r.logic_value === 'and' && r.participants.length > 1),
    'runs repeating an event or condition id': records.runs.some(
      (r) => repeated(r.event_ids) || repeated(r.condition_ids),
    ),
    'runs mixing events and source invocations': records.runs.some(
      (r) => r.event_ids.length > 0 && r.source_invocation_ids.length > 0,
    ),
    'matched and unmatched events':
      records.events.some((e) => e.matched_condition_ids.length > 0) &&
      records.events.some((e) => e.matched_condition_ids.length === 0),
    'events emitted inside and outside a task':
      records.events.some((e) => e.emitted_by_invocation_id !== null) &&
      records.events.some((e) => e.emitted_by_invocation_id === null),
    'truncated pages of several markers': records.pages.some((p) => p.truncated && p.markers.length > 1),
  };
}

function check(request: OracleRequest, records = realRecords(request)): void {
  const seen = `seed ${request.seed} (CONSISTENCY_SEED replays it); played: ${JSON.stringify(records.figures)}`;
  expect({ seen, offenders: offenders(records).slice(0, 3) }).toEqual({ seen, offenders: [] });
  const covered = coverage(records);
  expect({ seen, covered }).toEqual({ seen, covered: Object.fromEntries(Object.keys(covered).map((k) => [k, true])) });
}

describe('records written by the real pynenc keep every invariant', () => {
  it('memory backends (MemTrigger)', () => {
    const request = { seed: seedOr(2026), scenarios: 200 };
    const records = realRecords(request);
    // every InvocationStatus reaches a participant summary (status:<NAME>) and its context id (<name>)
    const summaries = participantsOf(records.runs).map((p) => p.context_summary.split(' ')[0]);
    expect(records.statusNames.filter((s) => !summaries.includes(`status:${s}`))).toEqual([]);
    check(request, records);
  });

  it('SQLite backends (SQLiteTrigger)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'consistency-sqlite-'));
    try {
      check({ seed: seedOr(11), scenarios: 20, store: 'sqlite', sqlite_db_path: join(dir, 'pynenc.db') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('Redis backends (RedisTrigger)', () => {
    const redis = useRedisServer();
    it('on a real redis-server', () => {
      check({ seed: seedOr(4), scenarios: 30, store: 'redis', redis_url: redis.server.url });
    });
  });
});
