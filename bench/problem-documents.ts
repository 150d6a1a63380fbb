/**
 * Documents at maxDocumentLength (64 MiB) made of problems, for the bounded-diagnosis bench
 * (bench/bounded.bench.ts) and the memory test (test/hardening/max-issues-memory.test.ts): what issue 15 #2 found
 * killing the process. Each is built by repeating one item until the text reaches the limit.
 */
import { DEFAULT_READ_LIMITS } from '../src/limits';

export const PROBLEM_DOCUMENTS = ['markers-unknown-keys', 'payload-bad-values', 'participants-bad'] as const;
export type ProblemDocument = (typeof PROBLEM_DOCUMENTS)[number];

/** DTO of each document. */
export const PROBLEM_DTO = {
  'markers-unknown-keys': 'EventMarkerPage',
  'payload-bad-values': 'EventRecord',
  'participants-bad': 'TriggerRunRecord',
} as const satisfies Record<ProblemDocument, string>;

const TS = '2026-05-09T10:11:12+00:00';

/** `head` + items (each from `item(i)`, comma-separated) + `tail`, at most `size` UTF-16 code units. */
function fill(head: string, tail: string, item: (i: number) => string, size: number): string {
  const parts: string[] = [head];
  let length = head.length + tail.length;
  for (let i = 0; ; i++) {
    const next = (i === 0 ? '' : ',') + item(i);
    if (length + next.length > size) break;
    parts.push(next);
    length += next.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** The document's text, of at most `size` code units (default: maxDocumentLength). */
export function problemDocument(name: ProblemDocument, size: number = DEFAULT_READ_LIMITS.maxDocumentLength): string {
  switch (name) {
    case 'markers-unknown-keys': {
      // A valid marker and 8 unknown keys: 8 issues per marker.
      const extra = Array.from({ length: 8 }, (_, k) => `"x${k}":${k}`).join(',');
      return fill(
        '{"markers":[',
        '],"total":1,"truncated":false}',
        (i) =>
          `{"event_id":"e${i}","event_code":"c","timestamp":"${TS}","matched":true,"triggered":false,` +
          `"emitted_by_invocation_id":null,"emitted_by_runner_context_id":null,${extra}}`,
        size,
      );
    }
    case 'payload-bad-values':
      // Payload values that are numbers, not the strings the contract requires: one issue each.
      return fill(
        `{"event_id":"e","event_code":"c","timestamp":"${TS}","payload":{`,
        '},"matched_condition_ids":[],"valid_condition_ids":[],"triggered_invocation_ids":[],' +
          '"emitted_by_invocation_id":null,"emitted_by_task_id":null,"emitted_by_runner_context_id":null}',
        (i) => `"k${i}":${i}`,
        size,
      );
    case 'participants-bad':
      // A CronContext with an event id, a number for a timestamp and an unknown key: 3 issues each.
      return fill(
        '{"trigger_run_id":"r","trigger_id":"t","task_id_key":"k","logic_value":"and","valid_condition_ids":[],' +
          '"condition_ids":[],"event_ids":[],"source_invocation_ids":[],"triggered_invocation_id":null,' +
          '"arguments_preview":{},"claimed_at":null,"executed_at":null,"participants":[',
        '],"atomic_service_run_id":null,"atomic_service_runner_id":null}',
        (i) =>
          `{"context_type":"CronContext","condition_id":"c${i}","valid_condition_id":null,"event_id":"e",` +
          `"source_invocation_id":null,"context_timestamp":5,"context_summary":"s","w":1}`,
        size,
      );
  }
}
