/**
 * The writer's own paths (src/codec/write.ts): strings written with their closing quote pending, lists of strings
 * joined whole, null/true/false/[] written with their key, dicts with their keys listed once, properties out of the
 * schema's order, values that need escaping in every position, and what cannot be written refused with its path.
 * Every text toJson writes here is checked against the installed pynenc: `TriggerRunRecord.from_json(text).to_json()`
 * must give it back byte for byte (so it is what pynenc writes for the values it reads), and fromJson must read back
 * the value written.
 */
import type { TriggerRunRecord } from '../../generated/types';
import { ContractValidationError, fromJson, toJson } from '../../src';
import { PyFloat, pythonStringRepr } from '../../src/entries/pyjson';
import { checkers } from '../../src/validation/compiled';
import { runOracle } from '../support/pynenc-python';
import { thrownBy } from '../support/thrown';

type Golden = { ok: string } | { error: string; msg: string };

const ODD = ['plain', 'a "quoted" word', 'back\\slash', 'tab\there', 'nul\u0000', 'del\u007f', 'Zürich', '😀', ''];

function participant(index: number, text: string): TriggerRunRecord['participants'][number] {
  return {
    context_type: index % 2 ? 'CronContext' : 'EventContext',
    condition_id: `cond-${index}`,
    valid_condition_id: text,
    event_id: index % 2 ? null : `evt-${text}`,
    source_invocation_id: null,
    context_timestamp: index % 2 ? null : '2026-05-09T10:11:12.345678+00:00',
    context_summary: text,
  };
}

function run(text: string, variant: number): TriggerRunRecord {
  const lists: string[][] = [[], [text], ['a', text, 'b'], ['x', 'y']];
  return {
    trigger_run_id: text,
    trigger_id: `trg-${variant}`,
    task_id_key: 'tasks.t',
    logic_value: variant % 2 ? 'and' : 'or',
    valid_condition_ids: lists[variant % 4]!,
    condition_ids: lists[(variant + 1) % 4]!,
    event_ids: lists[(variant + 2) % 4]!,
    source_invocation_ids: lists[(variant + 3) % 4]!,
    triggered_invocation_id: variant % 3 ? null : text,
    arguments_preview: [
      {},
      { [text]: text },
      { list: [], dict: {}, flag: true, none: null, n: -3, f: new PyFloat(2), big: 10n ** 20n, t: [text] },
    ][variant % 3]!,
    claimed_at: variant % 2 ? null : '2026-05-09T10:11:12+05:30',
    executed_at: '2026-05-09T10:11:12.000001-03:00',
    participants: [participant(variant, text), participant(variant + 1, `${text}!`)].slice(0, (variant % 3) as 0),
    atomic_service_run_id: variant % 2 ? text : null,
    atomic_service_runner_id: null,
  } as TriggerRunRecord;
}

/** The same properties in reverse order (the writer's by-name path). */
const reversed = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;

const VALUES: TriggerRunRecord[] = ODD.flatMap((text, index) => [0, 1, 2, 3, 4, 5].map((v) => run(text, index + v)));

describe('toJson writes what pynenc writes back (TriggerRunRecord.from_json(text).to_json())', () => {
  const texts = VALUES.map((value) => toJson('TriggerRunRecord', value));
  const golden = runOracle<Golden[]>('codec_golden.py', {
    now: '2026-01-02T03:04:05.123456+00:00',
    cases: texts.map((text) => ({ dto: 'TriggerRunRecord', text })),
  });

  test.each(VALUES.map((value, index) => [index, value] as const))('value %i', (index, value) => {
    const text = texts[index]!;
    expect(golden[index]).toEqual({ ok: text });
    expect(toJson('TriggerRunRecord', reversed(value))).toBe(text);
    expect(toJson('TriggerRunRecord', fromJson('TriggerRunRecord', text))).toBe(text);
  });
});

describe('what cannot be written is refused with its path', () => {
  const base = run('x', 0);
  const cases: [string, TriggerRunRecord, string][] = [
    ['a class instance (even empty) in arguments_preview', { ...base, arguments_preview: new (class {})() }, ''],
    ['a Date deep in arguments_preview', { ...base, arguments_preview: { a: [1, new Date(0)] } }, '/a/1'],
    ['undefined in arguments_preview', { ...base, arguments_preview: { a: undefined } }, '/a'],
  ] as never;
  test.each(cases)('%s', (_name, value, below) => {
    for (const subject of [value, reversed(value)]) {
      const caught = thrownBy(() => toJson('TriggerRunRecord', subject));
      expect(caught).toBeInstanceOf(ContractValidationError);
      expect((caught as ContractValidationError).issues[0]!.path).toBe(`/arguments_preview${below}`);
    }
  });
});

test('a list item whose getter changes its mind is read once: the text is still what pynenc writes back', () => {
  const value = run('x', 2);
  /** condition_ids whose item 1 is a string to escape from read `dirtyFrom` on, and how often it was read. */
  const ids = (dirtyFrom: number) => {
    const list = ['plain', 'other'];
    const reads = { count: 0 };
    Object.defineProperty(list, 1, {
      enumerable: true,
      get: () => (++reads.count >= dirtyFrom ? 'a "quoted" word' : 'plain'),
    });
    return { list, reads };
  };
  // how many reads the contract's checker makes (toJson runs it first); the writer's first read is the next one,
  // and any later read sees a string to escape
  const counted = ids(Infinity);
  expect(checkers.TriggerRunRecord({ ...value, condition_ids: counted.list })).toBe(true);
  const { list } = ids(counted.reads.count + 2);
  const text = toJson('TriggerRunRecord', { ...value, condition_ids: list });
  const [golden] = runOracle<Golden[]>('codec_golden.py', {
    now: '2026-01-02T03:04:05.123456+00:00',
    cases: [{ dto: 'TriggerRunRecord', text }],
  });
  expect(golden).toEqual({ ok: text });
  expect(text).toContain('"condition_ids": ["plain", "plain"]');
});

/**
 * Lists and dicts of SINK_ITEMS (64) items or more are written by stringifyPython into its byte sink (write.ts,
 * BIG_CONTAINER), the keys of a dict listed once: at and around that size, in dictionary mode (thousands of keys),
 * with strings to escape in keys, values and list items, and empty; an arguments_preview that is itself such a dict
 * (of any values); every text against pynenc's own round trip (an EventRecord's payload values are what jsonpickle
 * writes for a str: json.dumps's text of it).
 */
describe('big lists and dicts in a record are what pynenc writes back', () => {
  const sizes = [0, 1, 63, 64, 65, 3_000];
  const texts = (size: number, odd: number) =>
    Array.from({ length: size }, (_, index) =>
      index % 7 === odd % 7 ? `${ODD[index % ODD.length]!}${index}` : `id-${index}`,
    );
  const runs = sizes.flatMap((size, odd) =>
    [0, 1, 2].map((variant) => ({
      ...run('x', 3),
      condition_ids: texts(size, odd + variant),
      event_ids: variant ? texts(size, 99) : [],
      arguments_preview:
        variant === 2
          ? Object.fromEntries(texts(size, odd).map((id, index) => [id, [id, index, new PyFloat(index), null]]))
          : { values: texts(size, odd), dict: Object.fromEntries(texts(size, odd).map((id) => [id, id])) },
    })),
  ) as TriggerRunRecord[];
  const events = sizes.flatMap((size, odd) =>
    [0, 1].map((variant) => ({
      event_id: `evt-${size}`,
      event_code: 'code',
      timestamp: '2026-05-09T10:11:12.345678+00:00',
      payload: Object.fromEntries(
        texts(size, odd + variant).map((key, index) => [key, index % 3 ? pythonStringRepr(key) : String(index)]),
      ),
      matched_condition_ids: texts(size, odd),
      valid_condition_ids: [],
      triggered_invocation_ids: texts(Math.min(size, 70), odd + 1),
      emitted_by_invocation_id: null,
      emitted_by_task_id: null,
      emitted_by_runner_context_id: null,
    })),
  );
  const written = [
    ...runs.map((value) => ({ dto: 'TriggerRunRecord' as const, text: toJson('TriggerRunRecord', value) })),
    ...events.map((value) => ({ dto: 'EventRecord' as const, text: toJson('EventRecord', value as never) })),
  ];
  const golden = runOracle<Golden[]>('codec_golden.py', { now: '2026-01-02T03:04:05.123456+00:00', cases: written });

  test.each(written.map((item, index) => [item.dto, index] as const))('%s %i', (dto, index) => {
    const { text } = written[index]!;
    expect(golden[index]).toEqual({ ok: text });
    expect(toJson(dto, fromJson(dto, text) as never)).toBe(text);
  });
});
