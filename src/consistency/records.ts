/**
 * Invariants of whole records, each one read from the pynenc 0.4.0 code that writes it (docs/consistency.md):
 *   TriggerRunRecord  BaseTrigger._build_trigger_run_record, called by _process_loop_iteration_body
 *   EventRecord       BaseTrigger.emit_event / _build_event_record
 *   EventMarkerPage   get_event_markers_in_timerange of MemTrigger, SQLiteTrigger and RedisTrigger
 */
import type { EventMarker, EventMarkerPage, EventRecord, TriggerRunRecord } from '../../generated/types';
import { sha256Hex } from '../datastore/keys';
import { compareTimestamps } from '../timestamps';
import { pointer, type ConsistencyCode, type ConsistencyFinding, type FindingValue } from './findings';
import { checkParticipant, checkUtc, unset } from './participant';

export function checkTriggerRun(run: TriggerRunRecord, out: ConsistencyFinding[]): void {
  const { participants } = run;
  for (const key of ['claimed_at', 'executed_at'] as const) {
    const value = run[key];
    if (value === null) out.push(unset(pointer('', key), 'the trigger loop stamps it with datetime.now(UTC)'));
    else checkUtc(value, pointer('', key), key, out);
  }
  if (run.triggered_invocation_id === null) {
    out.push(unset('/triggered_invocation_id', 'str(invocation.invocation_id) of the invocation the run created'));
  }
  if (run.atomic_service_run_id === null) {
    out.push(unset('/atomic_service_run_id', 'every trigger loop iteration runs inside an AtomicServiceRun'));
  }
  if (run.atomic_service_runner_id === null) {
    out.push(unset('/atomic_service_runner_id', 'the runner_id of that AtomicServiceRun'));
  }

  // The flat lists are read off participants, in order, nothing de-duplicated:
  //   valid_condition_ids = keys of the context's dict (vc.valid_condition_id of each participant)
  //   condition_ids = [vc.condition.condition_id ...]
  //   event_ids = [p.event_id for p in participants if p.event_id] (None and "" left out)
  //   source_invocation_ids = [p.source_invocation_id for p in participants if p.source_invocation_id]
  sameList(
    run.valid_condition_ids,
    participants.map((p) => p.valid_condition_id),
    'valid_condition_ids',
    'RUN_VALID_CONDITION_IDS',
    'participants[*].valid_condition_id',
    out,
  );
  sameList(
    run.condition_ids,
    participants.map((p) => p.condition_id),
    'condition_ids',
    'RUN_CONDITION_IDS',
    'participants[*].condition_id',
    out,
  );
  sameList(
    run.event_ids,
    truthy(participants.map((p) => p.event_id)),
    'event_ids',
    'RUN_EVENT_IDS',
    "the participants' non-empty event_ids",
    out,
  );
  sameList(
    run.source_invocation_ids,
    truthy(participants.map((p) => p.source_invocation_id)),
    'source_invocation_ids',
    'RUN_SOURCE_INVOCATION_IDS',
    "the participants' non-empty source_invocation_ids",
    out,
  );

  // An OR trigger runs once per valid condition; an AND run has one participant per condition or more.
  const count = participants.length;
  if (run.logic_value === 'or' ? count !== 1 : count === 0) {
    out.push({
      code: 'RUN_PARTICIPANT_COUNT',
      path: '/participants',
      message: `an "${run.logic_value}" run has ${run.logic_value === 'or' ? 'exactly one participant' : 'some'}`,
      expected: run.logic_value === 'or' ? '<1 participant>' : '<1 or more participants>',
      received: `<${count} participant${count === 1 ? '' : 's'}>`,
    });
  }

  // TriggerDefinition.generate_trigger_run_ids: sha256(trigger_id + valid_condition_id) when the run's
  // context holds one valid condition (an OR run, or an AND trigger of one condition). A multi-condition AND
  // run hashes the whole context, of which _monitoring_context_for_trigger_run may keep only a part.
  const only = count === 1 ? participants[0]!.valid_condition_id : null;
  if (only !== null) {
    const expected = sha256Hex(run.trigger_id + only);
    if (run.trigger_run_id !== expected) {
      out.push({
        code: 'RUN_ID',
        path: '/trigger_run_id',
        message: 'a run of one valid condition has the id sha256(trigger_id + valid_condition_id), hex',
        expected,
        received: run.trigger_run_id,
      });
    }
  }

  // The context's valid conditions are a dict keyed by valid_condition_id: no two participants share one.
  const seen = new Set<string>();
  participants.forEach((participant, index) => {
    const id = participant.valid_condition_id;
    if (id === null) return;
    if (seen.has(id)) {
      out.push({
        code: 'PARTICIPANT_DUPLICATE',
        path: pointer('/participants', index, 'valid_condition_id'),
        message: 'another participant has this valid_condition_id (they are the keys of one dict)',
        expected: '<a valid_condition_id no other participant has>',
        received: id,
      });
    }
    seen.add(id);
    checkParticipant(participant, pointer('/participants', index), out);
  });
}

export function checkEventRecord(event: EventRecord, out: ConsistencyFinding[]): void {
  checkUtc(event.timestamp, '/timestamp', "an event's timestamp", out);
  if (event.emitted_by_runner_context_id === null) {
    out.push(unset('/emitted_by_runner_context_id', 'the runner_id of the runner context emit_event runs in'));
  }
  // _current_emitter_context returns both ids or neither.
  const invocation = event.emitted_by_invocation_id;
  const task = event.emitted_by_task_id;
  if ((invocation === null) !== (task === null)) {
    const missing = invocation === null ? 'emitted_by_invocation_id' : 'emitted_by_task_id';
    out.push({
      code: 'EVENT_EMITTER',
      path: pointer('', missing),
      message: 'emitted_by_invocation_id and emitted_by_task_id are both set (inside a task) or both null',
      expected: '<set, as the other one is>',
      received: null,
    });
  }
  // emit_event: one ValidCondition per matched condition, in the same order;
  // vc.valid_condition_id = f"valid_condition_{condition_id}_context_event_{event_code}_{event_id}".
  const matched = event.matched_condition_ids;
  const valid = event.valid_condition_ids;
  if (matched.length !== valid.length) {
    out.push({
      code: 'EVENT_CONDITION_LISTS',
      path: '/valid_condition_ids',
      message: 'one valid condition per matched condition: the two lists have the same length',
      expected: `<${matched.length} ids>`,
      received: `<${valid.length} ids>`,
    });
    return;
  }
  matched.forEach((conditionId, index) => {
    const expected = `valid_condition_${conditionId}_context_event_${event.event_code}_${event.event_id}`;
    if (valid[index] !== expected) {
      out.push({
        code: 'EVENT_VALID_CONDITION_ID',
        path: pointer('/valid_condition_ids', index),
        message: 'the valid condition of matched_condition_ids[i] on this event',
        expected,
        received: valid[index]!,
      });
    }
  });
}

export function checkEventMarker(marker: EventMarker, base: string, out: ConsistencyFinding[]): void {
  checkUtc(marker.timestamp, pointer(base, 'timestamp'), "a marker's timestamp (its event's)", out);
}

export function checkMarkerPage(page: EventMarkerPage, out: ConsistencyFinding[]): void {
  const { markers } = page;
  // truncated = offset + len(markers) < total, with offset >= 0
  if (page.truncated && markers.length >= page.total) {
    out.push({
      code: 'PAGE_TRUNCATED',
      path: '/truncated',
      message: 'a truncated page holds fewer markers than total (truncated = offset + len(markers) < total)',
      expected: false,
      received: true,
    });
  }
  markers.forEach((marker, index) => {
    checkEventMarker(marker, pointer('/markers', index), out);
    if (index > 0 && before(marker.timestamp, markers[index - 1]!.timestamp)) {
      out.push({
        code: 'PAGE_ORDER',
        path: pointer('/markers', index, 'timestamp'),
        message: 'the markers of a page are in timestamp order (every backend sorts them ascending)',
        expected: `<not before ${markers[index - 1]!.timestamp}>`,
        received: marker.timestamp,
      });
    }
  });
}

function before(first: string, second: string): boolean {
  try {
    return compareTimestamps(first, second) < 0;
  } catch {
    return false; // not a timestamp: the schema's business
  }
}

function truthy(ids: (string | null)[]): string[] {
  return ids.filter((id): id is string => id !== null && id !== '');
}

/** One finding when `actual` is not `expected`: at the list when the lengths differ, else at the first difference. */
function sameList(
  actual: readonly string[],
  expected: readonly (string | null)[],
  key: string,
  code: ConsistencyCode,
  source: string,
  out: ConsistencyFinding[],
): void {
  const message = `${key} is ${source}, in order`;
  if (actual.length !== expected.length) {
    out.push({ code, path: pointer('', key), message, expected: expected as FindingValue, received: actual });
    return;
  }
  const mismatchAt = actual.findIndex((id, j) => id !== expected[j]);
  if (mismatchAt === -1) return;
  out.push({
    code,
    path: pointer('', key, mismatchAt),
    message,
    expected: expected[mismatchAt] ?? null,
    received: actual[mismatchAt] ?? null,
  });
}
