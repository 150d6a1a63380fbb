/**
 * TriggerRunRecord texts built around their arguments_preview, for the tests of the fast path's partial re-read
 * (test/codec/reread.test.ts) and of big members judged from their text (test/codec/big-members.test.ts), and the
 * check both make of them against pynenc's own TriggerRunRecord.from_json(text).to_json() (codec_golden.py).
 */
import fc from 'fast-check';
import { toJson } from '../../src';
import { stringifyPython } from '../../src/entries/pyjson';
import { runOracle } from './pynenc-python';
import { readAnyAsExact, readRecordAsExact, type Outcome } from './read-outcome';

/** The members before arguments_preview, as BaseTrigger writes them. */
export const RUN_HEAD =
  '{"trigger_run_id": "bafda754-5fb2-409a-ae68-356e1788a788", "trigger_id": "ff57a7264969295a", ' +
  '"task_id_key": "bench.tasks.process_order", "logic_value": "or", "valid_condition_ids": ["0ee0f733503234b9"], ' +
  '"condition_ids": ["a9043e2fb9568b96"], "event_ids": ["7f19d964-ce6a-433c-949b-f2e9765de274"], ' +
  '"source_invocation_ids": [], "triggered_invocation_id": "f40fbd36-a49a-415b-9057-c647a74843b9"';

export interface RunTextOptions {
  /** The members before arguments_preview (default RUN_HEAD). */
  head?: string;
  /** Members written between arguments_preview and the tail. */
  extra?: string;
  /** The participant's context_summary (default `plain`). */
  summary?: string;
  claimedAt?: string;
  contextTimestamp?: string;
}

/** A TriggerRunRecord text: `preview` is arguments_preview's text. */
export function runText(preview: string, options: RunTextOptions = {}): string {
  const tail =
    `"claimed_at": "${options.claimedAt ?? '2026-02-02T11:38:40+00:00'}", "executed_at": null, "participants": ` +
    '[{"context_type": "EventContext", "condition_id": "a9043e2fb9568b96", "valid_condition_id": ' +
    '"0ee0f733503234b9", "event_id": "7f19d964-ce6a-433c-949b-f2e9765de274", "source_invocation_id": null, ' +
    `"context_timestamp": "${options.contextTimestamp ?? '2026-02-11T04:53:04.250000+00:00'}", ` +
    `"context_summary": "${options.summary ?? 'plain'}"}], "atomic_service_run_id": null, ` +
    '"atomic_service_runner_id": null';
  const extra = options.extra ? `${options.extra}, ` : '';
  return `${options.head ?? RUN_HEAD}, "arguments_preview": ${preview}, ${extra}${tail}}`;
}

/**
 * One test per record: `read` accepts it, and toJson of what it read is the text pynenc's own
 * TriggerRunRecord.from_json(text).to_json() writes.
 */
export function testPynencRoundTrips(records: readonly (readonly [string, string])[], read: (text: string) => Outcome) {
  const golden = runOracle<({ ok: string } | { error: string; msg: string })[]>('codec_golden.py', {
    now: '2026-01-01T00:00:00+00:00',
    cases: records.map(([, text]) => ({ dto: 'TriggerRunRecord', text })),
  });
  test.each(records.map(([name, text], index) => [name, text, index] as const))('%s', (_name, text, index) => {
    const outcome = read(text);
    const python = golden[index]!;
    expect('ok' in python).toBe(true);
    expect(outcome.ok).toBe(true);
    if (outcome.ok && 'ok' in python) expect(toJson('TriggerRunRecord', outcome.value as never)).toBe(python.ok);
  });
}

/**
 * One test per text: parsePythonJson reads it by default as the exact parser does (readAnyAsExact), accepts it where
 * Python's json.loads does and writes back what json.dumps writes (pyjson_golden.py, mode roundtrip).
 */
export function testPyjsonRoundTrips(texts: readonly string[]) {
  const golden = runOracle<({ ok: string } | { error: string })[]>('pyjson_golden.py', {
    mode: 'roundtrip',
    cases: texts,
  });
  test.each(texts.map((text, index) => [text.slice(0, 60), text, index] as const))('%s', (_name, text, index) => {
    const outcome = readAnyAsExact(text);
    const python = golden[index]!;
    expect(outcome.ok).toBe('ok' in python);
    if (outcome.ok && 'ok' in python) expect(stringifyPython(outcome.value)).toBe(python.ok);
  });
}

/**
 * 300 random TriggerRunRecord texts made by `record` around arguments_preview texts from `preview`, half of them with
 * a second arguments_preview member after the first: fromJson and parsePythonJson read each by default as with
 * fastPath false (readRecordAsExact, readAnyAsExact).
 */
export function testRandomRecordsReadAsExact(
  preview: fc.Arbitrary<string>,
  record: (preview: string, options?: RunTextOptions) => string,
  seed: number,
) {
  test('300 records, duplicates of arguments_preview included', () => {
    fc.assert(
      fc.property(preview, fc.option(preview), (first, second) => {
        const text = record(first, second === null ? {} : { extra: `"arguments_preview": ${second}` });
        readRecordAsExact(text);
        readAnyAsExact(text);
      }),
      { numRuns: 300, seed },
    );
  });
}
