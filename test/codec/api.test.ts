/** The rest of the codec API: fromDict, the clock, isMatched / isTriggered, DTO names. */
import {
  InvalidArgumentError,
  PY_KEY_ORDER,
  PyFloat,
  parsePythonJson,
  pythonKeyOrder,
  stringifyPython,
} from '../../src/entries/pyjson';
import {
  UnknownDtoError,
  fromDict,
  fromJson,
  isMatched,
  isTriggered,
  toJson,
  type Clock,
  type DtoName,
} from '../../src';
import { PyTimestamp } from '../../src/timestamps';
import { runOracle } from '../support/pynenc-python';
import { firstDifference } from '../support/same-value';

type Golden = { ok: string } | { error: string; msg: string };

const RUN_TEXT =
  '{"trigger_run_id": "run-1", "trigger_id": "t", "task_id_key": "m.f", "logic_value": "or", "arguments_preview": {"b": 1.0, "2": [NaN, 18446744073709551616], "1": {}}, "claimed_at": "2026-05-09 10:11:12", "participants": [{"context_type": "CronContext"}], "extra": true}';

describe('fromDict', () => {
  test('reads a parsed document like fromJson, without touching it', () => {
    const data = parsePythonJson(RUN_TEXT) as Record<string, unknown>;
    const before = stringifyPython(data);
    const preview = data.arguments_preview as object;
    const value = fromDict('TriggerRunRecord', data);
    expect(stringifyPython(data)).toBe(before);
    expect(firstDifference(value, fromJson('TriggerRunRecord', RUN_TEXT))).toBeNull();
    expect(value.arguments_preview).not.toBe(preview);
    expect(pythonKeyOrder(value.arguments_preview)).toEqual(['b', '2', '1']);
    expect(toJson('TriggerRunRecord', value)).toBe(toJson('TriggerRunRecord', fromJson('TriggerRunRecord', RUN_TEXT)));
  });

  test('keeps PyFloat and bigint values', () => {
    const value = fromJson('TriggerRunRecord', RUN_TEXT);
    expect(value.arguments_preview.b).toBeInstanceOf(PyFloat);
    expect((value.arguments_preview['2'] as unknown[])[1]).toBe(2n ** 64n);
    expect(Object.getOwnPropertyDescriptor(value.arguments_preview, PY_KEY_ORDER)?.enumerable).toBe(false);
  });
});

describe('the clock of the "now" default', () => {
  const text = '{"event_id": "e", "event_code": "c"}';
  const pythonNow = (nowIso: string): string => {
    const [golden] = runOracle<Golden[]>('codec_golden.py', { now: nowIso, cases: [{ dto: 'EventRecord', text }] });
    return (JSON.parse((golden as { ok: string }).ok) as { timestamp: string }).timestamp;
  };

  const cases: [string, Clock, string][] = [
    ['a Date', () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 123)), '2026-01-02T03:04:05.123+00:00'],
    ['epoch microseconds', () => 1767323045123456n, '2026-01-02T03:04:05.123456+00:00'],
    ['a whole second', () => 1767323045000000n, '2026-01-02T03:04:05+00:00'],
    [
      'a PyTimestamp at another offset',
      () => PyTimestamp.parse('2026-01-02T08:34:05.5+05:30'),
      '2026-01-02T03:04:05.5+00:00',
    ],
  ];
  test.each(cases)('%s', (_name, clock, sameInstantIso) => {
    expect(fromJson('EventRecord', text, { now: clock }).timestamp).toBe(pythonNow(sameInstantIso));
  });

  test('the default clock is the current UTC time', () => {
    const before = Date.now();
    const ts = fromJson('EventRecord', text).timestamp;
    const after = Date.now();
    const at = PyTimestamp.parse(ts);
    expect(at.offsetMicros).toBe(0);
    expect(at.toDate().getTime()).toBeGreaterThanOrEqual(before);
    expect(at.toDate().getTime()).toBeLessThanOrEqual(after);
  });

  test('one document reads the clock once', () => {
    let calls = 0;
    fromJson('EventRecord', text, {
      now: () => {
        calls++;
        return 1767323045123456n;
      },
    });
    expect(calls).toBe(1);
    fromJson('EventRecord', '{"event_id": "e", "event_code": "c", "timestamp": "2026-05-09"}', {
      now: () => {
        calls++;
        return 0n;
      },
    });
    expect(calls).toBe(1);
  });
});

describe('isMatched / isTriggered (derived, never written)', () => {
  test.each([
    [[], [], false, false],
    [['c'], [], true, false],
    [[], ['i'], false, true],
    [['c'], ['i', 'j'], true, true],
  ])('matched %j triggered %j', (matched, triggered, m, t) => {
    const record = fromJson(
      'EventRecord',
      stringifyPython({
        event_id: 'e',
        event_code: 'c',
        matched_condition_ids: matched,
        triggered_invocation_ids: triggered,
      }),
    );
    expect(isMatched(record)).toBe(m);
    expect(isTriggered(record)).toBe(t);
    expect(toJson('EventRecord', record)).not.toMatch(/"matched"|"triggered"/);
  });
});

test('an unknown DTO name is an UnknownDtoError', () => {
  expect(() => fromJson('Nope' as DtoName, '{}')).toThrow(UnknownDtoError);
  expect(() => toJson('Nope' as DtoName, {} as never)).toThrow(UnknownDtoError);
});

test('text that is not a string is an InvalidArgumentError naming the DTO', () => {
  expect(() => fromJson('EventRecord', 5 as unknown as string)).toThrow(
    expect.objectContaining({ code: 'INVALID_ARGUMENT', dto: 'EventRecord', callee: 'fromJson', argument: 'text' }),
  );
  expect(() => fromJson('EventRecord', 5 as unknown as string)).toThrow(InvalidArgumentError);
});
