/**
 * fromJson's fast path (JSON.parse, the fast checker, a walk, and the result returned as it is)
 * must give exactly what the exact parser and the lenient reader give: the same value (numbers,
 * PyFloat, bigint, key order, PY_KEY_ORDER), the same error, the same limits. Each case below is
 * one way JSON.parse's result could differ from Python's reading of a document that the
 * contract's validator accepts.
 */
import fc from 'fast-check';
import { schemas, type DtoName } from '../../generated/schemas';
import { ContractError, fromJson, fromJsonWithReport, toJson, type FromJsonOptions } from '../../src';
import { parsePythonJson, pythonKeyOrder, stringifyPython } from '../../src/entries/pyjson';
import { numberTokensUnambiguous } from '../../src/pyjson/fast-path';
import { makeCase } from '../../bench/cases';
import { numberTokenText } from '../support/arbitraries';
import { attempt, expectSameOutcome, type Outcome } from '../support/read-outcome';
import { thrownBy } from '../support/thrown';

/** The default path, `fastPath: true` and 'sniff' all read `text` as the exact parser does. */
function sameOnEveryPath(dto: DtoName, text: string, options: FromJsonOptions = {}): Outcome {
  const exact = attempt(() => fromJson(dto, text, { ...options, fastPath: false }));
  for (const fastPath of [undefined, true, 'sniff'] as const) {
    expectSameOutcome(
      attempt(() => fromJson(dto, text, { ...options, fastPath })),
      exact,
    );
  }
  return exact;
}

const MARKER =
  '{"event_id": "evt-1", "event_code": "order.created", "timestamp": "2026-05-09T10:11:12.345678+00:00", "matched": true, "triggered": false, "emitted_by_invocation_id": null, "emitted_by_runner_context_id": "ctx"}';
const page = (tail: string, markers = MARKER): string => `{"markers": [${markers}]${tail}}`;

describe('EventMarkerPage.total: the integer JSON.parse reads may have been another token', () => {
  test.each([
    ['5', true],
    ['0', true],
    ['123456789012345', true],
    ['9007199254740991', true],
    ['5.0', true], // an integer to JSON Schema (issue 15 #11: one verdict with python-jsonschema and the CLI)
    ['-0', true], // Python's int 0: JSON.parse's -0 must not be returned
    ['1e2', true],
    ['1E+2', true],
    ['100.000', true],
    ['9007199254740993', true],
    ['18446744073709551616', true],
    ['-1', false],
    ['2.5', false],
    ['-2.0', false],
  ])('total %s (valid: %s)', (token, valid) => {
    const text = page(`, "total": ${token}, "truncated": true`);
    expect(sameOnEveryPath('EventMarkerPage', text).ok).toBe(valid);
  });

  test.each([
    ['duplicates, the last one plain', `, "total": 1.0, "total": 5, "truncated": true`],
    ['duplicates, the last one a float', `, "total": 5, "total": 5.0, "truncated": true`],
    ['total not at the end', `, "truncated": true, "total": 5.0`],
    ['odd whitespace', ` ,\n\t"total" :\r\n 5.0 , "truncated" : false `],
    ['a key written with an escape', `, "tot\\u0061l": 5.0, "truncated": true`],
    ['a string holding the same text', `, "truncated": true, "total": 5, "x": "\\"total\\": 5.0"`],
  ])('%s', (_name, tail) => {
    sameOnEveryPath('EventMarkerPage', page(tail));
  });

  test('total first, markers after (the backward scan stops at the array)', () => {
    sameOnEveryPath('EventMarkerPage', `{"total": 5.0, "markers": [${MARKER}], "truncated": true}`);
    sameOnEveryPath('EventMarkerPage', `{"total": 7, "truncated": true, "markers": [${MARKER}]}`);
  });
});

describe('arguments_preview: any JSON, read exactly', () => {
  const run = (preview: string): string =>
    `{"trigger_run_id": "r", "trigger_id": "t", "task_id_key": "k", "logic_value": "and", "valid_condition_ids": [], "condition_ids": [], "event_ids": [], "source_invocation_ids": [], "triggered_invocation_id": null, "arguments_preview": ${preview}, "claimed_at": null, "executed_at": null, "participants": [], "atomic_service_run_id": null, "atomic_service_runner_id": null}`;
  test.each([
    '{"a": 1, "b": 2.5, "c": [1, 2, 3]}',
    '{"a": 1.0}',
    '{"a": [0.0, -0.0, -0, 0]}',
    '{"a": 1e2, "b": 1.5e3, "c": 2.5e-1}',
    '{"a": 9007199254740993, "b": -18446744073709551616}',
    '{"a": 1.0000000000000000001, "b": 4503599627370496.5}',
    '{"a": 123456789012345, "b": 12345678901234.5}',
    '{"a": NaN, "b": Infinity}',
    '{"2": "b", "1": "a", "x": 1}',
    '{"a": {"10": 1, "9": 2}}',
    '{"a": [{"0": true}]}',
    '{"deep": [[[[[[[[[[1.5]]]]]]]]]]}',
    '{"s": ": 1.0, [2.0", "t": "x, -0"}',
    '{"__proto__": {"polluted": 1}, "constructor": 2}',
    `{"long": "${'9'.repeat(5000)}"}`,
    `{"big": ${'9'.repeat(4300)}}`,
    `{"big": ${'9'.repeat(4301)}}`,
  ])('%s', (preview) => {
    sameOnEveryPath('TriggerRunRecord', run(preview));
  });
});

describe('what the reader would change is left to the reader', () => {
  test.each([
    ['an offset with seconds and a fraction (3.11 and 3.12 read it as UTC)', '2026-05-09T10:11:12+00:00:00.500000'],
    ['an offset with seconds and a fraction, not UTC', '2026-05-09T10:11:12+05:00:00.500000'],
    ['an offset with seconds', '2026-05-09T10:11:12+05:00:30'],
    ['a canonical timestamp', '2026-05-09T10:11:12.000001-03:00'],
  ])('%s', (_name, timestamp) => {
    const text = page(
      ', "total": 1, "truncated": false',
      MARKER.replace('2026-05-09T10:11:12.345678+00:00', timestamp),
    );
    const exact = sameOnEveryPath('EventMarkerPage', text);
    expect(exact.ok).toBe(true);
  });

  test('keys out of the schema order are put in order', () => {
    const text = '{"truncated": false, "total": 0, "markers": []}';
    sameOnEveryPath('EventMarkerPage', text);
    expect(Object.keys(fromJson('EventMarkerPage', text))).toEqual(['markers', 'total', 'truncated']);
  });

  // The walk looks at a payload's first key only: JavaScript enumerates array-index keys (up to 2^32 - 2) first.
  test.each([
    ['after other keys', '"b": "\\"x\\"", "10": "1", "2": "2"', ['b', '10', '2']],
    [
      'after keys that look like indexes but are not',
      '"01": "1", "4294967295": "2", "-1": "3", "4294967294": "4"',
      ['01', '4294967295', '-1', '4294967294'],
    ],
    ['none', '"01": "1", "4294967295": "2", "-1": "3"', ['01', '4294967295', '-1']],
  ])("array-index keys in the payload keep Python's order: %s", (_name, members, order) => {
    const record = JSON.parse(makeCase('eventRecords', 1).texts[0]!) as Record<string, unknown>;
    const text = stringifyPython({ ...record, payload: {} }).replace('"payload": {}', `"payload": {${members}}`);
    sameOnEveryPath('EventRecord', text);
    const payload = fromJson('EventRecord', text).payload;
    expect(pythonKeyOrder(payload) ?? Object.keys(payload)).toEqual(order);
  });

  test('fromJsonWithReport on a canonical document reports nothing', () => {
    const text = makeCase('triggerRuns', 1).texts[0]!;
    const report = fromJsonWithReport('TriggerRunRecord', text);
    expect(report.unknownKeys).toEqual([]);
    expect(report.defaulted).toEqual([]);
    expect(toJson('TriggerRunRecord', report.value)).toBe(text);
  });
});

describe('the limits hold for what a duplicate key hides', () => {
  const deep = (levels: number): string => `${'['.repeat(levels)}1.5${']'.repeat(levels)}`;
  test.each([
    ['a short page', 1],
    ['a long page (the bracket count bounds the depth)', 400],
  ])('%s', (_name, markers) => {
    const many = Array.from({ length: markers }, () => MARKER).join(', ');
    for (const levels of [3, 998, 1001, 5000]) {
      const text = page(`, "total": ${deep(levels)}, "total": 1, "truncated": false`, many);
      sameOnEveryPath('EventMarkerPage', text);
      sameOnEveryPath('EventMarkerPage', text, { maxDepth: 10 });
    }
    const text = page(', "x": "1234567890", "total": 1, "truncated": false', many);
    sameOnEveryPath('EventMarkerPage', text, { maxStringLength: 5 });
  });

  // The walk counts a DTO's lists without looking at them (dtoAsIs: walk.lists; a flat DTO's flatAsIs:
  // walk.flatContainers): the bound needs their count.
  describe.each([
    ['EventRecord', 'eventRecords', ['matched_condition_ids', 'valid_condition_ids', 'triggered_invocation_ids']],
    ['TriggerRunRecord', 'triggerRuns', ['valid_condition_ids', 'condition_ids', 'event_ids', 'source_invocation_ids']],
  ] as const)('a list key of a %s written twice', (dto, name, keys) => {
    test.each([2, 3, 5, 6, 7])('maxDepth %i', (maxDepth) => {
      const record = makeCase(name, 1).texts[0]!;
      for (const key of keys) {
        const text = record.replace(`"${key}": [`, `"${key}": [[[[["x"]]]]], "${key}": [`);
        expect(text).not.toBe(record);
        const outcome = sameOnEveryPath(dto, text, { maxDepth });
        expect(outcome.ok).toBe(maxDepth >= 6);
      }
    });
  });

  test('brackets inside strings only make the bound looser', () => {
    const markers = Array.from({ length: 300 }, () => MARKER.replace('order.created', '[[[[{{{{')).join(', ');
    const text = page(', "total": 1, "truncated": false', markers);
    expect(sameOnEveryPath('EventMarkerPage', text).ok).toBe(true);
    expect(sameOnEveryPath('EventMarkerPage', text, { maxDepth: 3 }).ok).toBe(true);
    expect(sameOnEveryPath('EventMarkerPage', text, { maxDepth: 2 }).ok).toBe(false);
  });
});

test('the goal cases read as the exact parser reads them', () => {
  for (const name of ['eventRecords', 'triggerRuns', 'markerPage'] as const) {
    const c = makeCase(name, 50);
    for (const text of c.texts) sameOnEveryPath(c.dto, text);
  }
});

describe('toJson writes what stringifyPython writes for the record in schema order', () => {
  /** The reference: every property in the schema's order, through stringifyPython (insertion order). */
  const reference = (dto: 'EventRecord' | 'TriggerRunRecord', v: Record<string, unknown>): string =>
    stringifyPython(Object.fromEntries(Object.keys(schemas[dto].properties!).map((k) => [k, v[k]])));
  const NASTY = [
    'plain',
    'a "quoted" word',
    'back\\slash',
    'tab\there',
    'nul\u0000',
    'del\u007f',
    'Zürich',
    '😀',
    'lone \ud800',
    '\udc00',
    '',
    'ends with \\',
  ];

  test.each(NASTY)('strings in every kind of position: %j', (s) => {
    const record = JSON.parse(makeCase('eventRecords', 1).texts[0]!) as Record<string, unknown>;
    const value = {
      ...record,
      event_id: s,
      event_code: s,
      payload: { [s]: s, k: s },
      matched_condition_ids: [s, s],
      emitted_by_task_id: s,
    };
    const written = toJson('EventRecord', value as never);
    expect(written).toBe(reference('EventRecord', value));
    expect(toJson('EventRecord', fromJson('EventRecord', written))).toBe(written);
  });

  test('properties in any order, and PY_KEY_ORDER in the payload', () => {
    const record = JSON.parse(makeCase('eventRecords', 1).texts[0]!) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(record).reverse());
    expect(toJson('EventRecord', reversed as never)).toBe(toJson('EventRecord', record as never));
    const text = stringifyPython({ ...record, payload: {} }).replace(
      '"payload": {}',
      '"payload": {"b": "1", "10": "2", "2": "3"}',
    );
    expect(toJson('EventRecord', fromJson('EventRecord', text))).toBe(text);
  });

  test('arguments_preview of any JSON, participants', () => {
    const run = JSON.parse(makeCase('triggerRuns', 1).texts[0]!) as Record<string, unknown>;
    const value = {
      ...run,
      arguments_preview: { n: 1, f: 2.5, big: 10n ** 20n, list: [null, true, 'x', { y: [] }], '2': 'two' },
    };
    expect(toJson('TriggerRunRecord', value as never)).toBe(reference('TriggerRunRecord', value));
  });

  test('a payload that is not a plain object is refused with its path', () => {
    const record = JSON.parse(makeCase('eventRecords', 1).texts[0]!) as Record<string, unknown>;
    class Payload {
      a = 'x';
    }
    const caught = thrownBy(() => toJson('EventRecord', { ...record, payload: new Payload() } as never));
    expect((caught as ContractError).code).toBe('CONTRACT_INVALID');
    expect((caught as { issues: { path: string }[] }).issues[0]!.path).toBe('/payload');
  });
});

test('a number token the fast path leaves unflagged reads the same in JSON.parse and the exact parser', () => {
  fc.assert(
    fc.property(numberTokenText, (tok) => {
      const text = `[${tok}]`;
      if (!numberTokensUnambiguous(text)) return;
      const exact = (parsePythonJson(text, { fastPath: false }) as unknown[])[0];
      expect(typeof exact).toBe('number');
      expect(Object.is(exact, (JSON.parse(text) as unknown[])[0])).toBe(true);
    }),
    { numRuns: 20_000 },
  );
});
