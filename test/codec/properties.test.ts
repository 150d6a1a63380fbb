/**
 * Property tests: for generated valid records of every DTO, fromJson(toJson(r)) deep-equals r,
 * toJson is stable, and what we write is what the installed pynenc's from_json → to_json writes back unchanged
 * (scripts/python/codec_golden.py; EventMarker/EventMarkerPage by its named model).
 */
import fc from 'fast-check';
import type { DtoName } from '../../generated/schemas';
import type { DtoTypes } from '../../generated/types';
import { PyFloat, stringifyPython } from '../../src/entries/pyjson';
import { fromJson, isAsPythonWrites, toJson, validate } from '../../src';
import { formatTimestamp } from '../../src/timestamps';
import { pyJsonObject, pyJsonValue } from '../support/arbitraries';
import { runOracle } from '../support/pynenc-python';
import { firstDifference } from '../support/same-value';

/** Records as consumers build them: plain objects (fast-check may otherwise make null-prototype ones). */
const PLAIN = { noNullPrototype: true } as const;

const DAY = 86_400_000_000n;
const MIN_EPOCH = -62135596800000000n + DAY; // 0001-01-02T00:00:00Z
const MAX_EPOCH = 253402300799999999n - DAY; // 9999-12-30T23:59:59.999999Z

/**
 * Offsets as Python keeps them after fromisoformat: whole minutes mostly, some with seconds or
 * microseconds, never an offset of only microseconds (3.11 and 3.12 read "+00:00:00.5" as UTC).
 */
const offsetMicros = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -1439, max: 1439 }).map((m) => m * 60_000_000),
  fc.integer({ min: -86_399, max: 86_399 }).map((s) => s * 1_000_000),
  fc.integer({ min: -86_399_999_999, max: 86_399_999_999 }).filter((us) => Math.abs(us) >= 1_000_000),
);
const epochMicros = fc.oneof(
  fc.bigInt({ min: MIN_EPOCH, max: MAX_EPOCH }),
  fc.bigInt({ min: 1_700_000_000_000_000n, max: 1_900_000_000_000_000n }),
  fc.bigInt({ min: 1_700_000_000n, max: 1_900_000_000n }).map((s) => s * 1_000_000n), // no fraction
);
const timestamp = fc.tuple(epochMicros, offsetMicros).map(([e, o]) => formatTimestamp(e, o));
const optionalTimestamp = fc.option(timestamp, { nil: null });

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', 'evt-7f3a', 'é😀\ud800'),
);
const id = text;
const optionalId = fc.option(id, { nil: null });
const idList = fc.array(id, { maxLength: 4 });

/** A value without an object key jsonpickle reads as a tag ("py/tuple", "py/object", …). */
function untagged(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(untagged);
  if (value === null || typeof value !== 'object' || value instanceof PyFloat) return true;
  return Object.entries(value).every(([k, v]) => !k.startsWith('py/') && untagged(v));
}
/**
 * Payload texts as pynenc writes them: pynenc's client data store passes each payload value through its
 * serializer (jsonpickle), which writes a plain JSON value as json.dumps does; any other text pynenc rewrites or
 * refuses (golden.test.ts, kind "payload"), while the codec keeps it, so the round trip below takes any text.
 */
const pynencPayloadText = pyJsonValue.filter(untagged).map((v) => stringifyPython(v));
const anyPayloadText = fc.string({ unit: 'binary', maxLength: 20 });

const eventRecordWith = (payloadText: fc.Arbitrary<string>): fc.Arbitrary<DtoTypes['EventRecord']> =>
  fc.record(
    {
      event_id: id,
      event_code: text,
      timestamp,
      payload: fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), payloadText, {
        maxKeys: 4,
        noNullPrototype: true,
      }),
      matched_condition_ids: idList,
      valid_condition_ids: idList,
      triggered_invocation_ids: idList,
      emitted_by_invocation_id: optionalId,
      emitted_by_task_id: optionalId,
      emitted_by_runner_context_id: optionalId,
    },
    PLAIN,
  );
const eventRecord = eventRecordWith(anyPayloadText);

const participant: fc.Arbitrary<DtoTypes['TriggerRunParticipant']> = fc
  .record(
    {
      context_type: fc.constantFrom(
        'EventContext',
        'StatusContext',
        'ResultContext',
        'ExceptionContext',
        'CronContext',
        'MyContext',
      ),
      condition_id: optionalId,
      valid_condition_id: optionalId,
      event_id: id,
      source_invocation_id: id,
      context_timestamp: optionalTimestamp,
      context_summary: text,
      pick: fc.constantFrom('event', 'source', 'none'),
    },
    PLAIN,
  )
  .map(({ pick, ...p }) => {
    const kind = p.context_type;
    const hasEvent = kind === 'EventContext' || (kind === 'MyContext' && pick === 'event');
    const hasSource =
      ['StatusContext', 'ResultContext', 'ExceptionContext'].includes(kind) ||
      (kind === 'MyContext' && pick === 'source');
    return {
      context_type: p.context_type,
      condition_id: p.condition_id,
      valid_condition_id: p.valid_condition_id,
      event_id: hasEvent ? p.event_id : null,
      source_invocation_id: hasSource ? p.source_invocation_id : null,
      context_timestamp: p.context_timestamp,
      context_summary: p.context_summary,
    };
  });

const triggerRunRecord: fc.Arbitrary<DtoTypes['TriggerRunRecord']> = fc.record(
  {
    trigger_run_id: id,
    trigger_id: id,
    task_id_key: text,
    logic_value: fc.constantFrom('and' as const, 'or' as const),
    valid_condition_ids: idList,
    condition_ids: idList,
    event_ids: idList,
    source_invocation_ids: idList,
    triggered_invocation_id: optionalId,
    arguments_preview: pyJsonObject as fc.Arbitrary<{ [k: string]: unknown }>,
    claimed_at: optionalTimestamp,
    executed_at: optionalTimestamp,
    participants: fc.array(participant, { maxLength: 4 }),
    atomic_service_run_id: optionalId,
    atomic_service_runner_id: optionalId,
  },
  PLAIN,
);

const eventMarker: fc.Arbitrary<DtoTypes['EventMarker']> = fc.record(
  {
    event_id: id,
    event_code: text,
    timestamp,
    matched: fc.boolean(),
    triggered: fc.boolean(),
    emitted_by_invocation_id: optionalId,
    emitted_by_runner_context_id: optionalId,
  },
  PLAIN,
);

const eventMarkerPage: fc.Arbitrary<DtoTypes['EventMarkerPage']> = fc.record(
  {
    markers: fc.array(eventMarker, { maxLength: 4 }),
    total: fc.nat(),
    truncated: fc.boolean(),
  },
  PLAIN,
);

const ARBITRARIES: { [D in DtoName]: fc.Arbitrary<DtoTypes[D]> } = {
  EventRecord: eventRecord,
  TriggerRunParticipant: participant,
  TriggerRunRecord: triggerRunRecord,
  EventMarker: eventMarker,
  EventMarkerPage: eventMarkerPage,
};

/** The records the Python comparison uses: where they differ, as pynenc writes them. */
const AS_PYNENC_WRITES: { [D in DtoName]: fc.Arbitrary<DtoTypes[D]> } = {
  ...ARBITRARIES,
  EventRecord: eventRecordWith(pynencPayloadText),
};

const DTOS = Object.keys(ARBITRARIES) as DtoName[];

describe.each(DTOS)('%s', (dto) => {
  const arb = ARBITRARIES[dto] as fc.Arbitrary<unknown>;

  test('generated records are valid per the contract (the generator is honest)', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const result = validate(dto, r);
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  test('fromJson(toJson(r)) deep-equals r; toJson is stable', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const written = toJson(dto, r as never);
        const back = fromJson(dto, written);
        const diff = firstDifference(back, r);
        if (diff !== null) throw new Error(`differs at ${diff}: ${written}`);
        expect(toJson(dto, back)).toBe(written);
        expect(toJson(dto, r as never)).toBe(written);
        expect(toJson(dto, fromJson(dto, written, { fastPath: false }))).toBe(written);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  test("what we write is what pynenc's from_json → to_json writes back", () => {
    const records = fc.sample(AS_PYNENC_WRITES[dto] as fc.Arbitrary<unknown>, { numRuns: 300, seed: 3 });
    const texts = records.map((r) => toJson(dto, r as never));
    const golden = runOracle<({ ok: string } | { error: string; msg: string })[]>('codec_golden.py', {
      now: '2026-01-01T00:00:00+00:00',
      cases: texts.map((t) => ({ dto, text: t })),
    });
    const mismatches = texts.filter((t, k) => (golden[k] as { ok?: string }).ok !== t);
    expect(mismatches).toEqual([]);
  });
});

test('isAsPythonWrites agrees with Python on random pattern-valid timestamps', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  const piece = fc.record({
    y: fc.integer({ min: 1, max: 9999 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    frac: fc.constantFrom('', '.000000', '.000001', '.123456', '.999999'),
    sign: fc.constantFrom('+', '-'),
    oh: fc.constantFrom(0, 0, 5, 23),
    om: fc.constantFrom(0, 0, 30, 59),
    os: fc.constantFrom('', '', ':00', ':15', ':00.000000', ':00.000001', ':15.000000', ':15.500000'),
  });
  const texts = fc
    .sample(piece, { numRuns: 1500, seed: 4 })
    .map(
      (p) =>
        `${String(p.y).padStart(4, '0')}-${two(p.mo)}-${two(p.d)}T${two(p.h)}:${two(p.mi)}:${two(p.s)}${p.frac}${p.sign}${two(p.oh)}:${two(p.om)}${p.os}`,
    );
  const golden = runOracle<({ ok: string } | { error: string; msg: string })[]>('codec_golden.py', {
    now: '2026-01-01T00:00:00+00:00',
    cases: texts.map((t) => ({
      dto: 'TriggerRunParticipant',
      text: stringifyPython({ context_type: 'CronContext', context_timestamp: t }),
    })),
  });
  const wrong = texts.filter((t, k) => {
    const g = golden[k]!;
    if (!('ok' in g)) return true;
    return isAsPythonWrites(t) !== ((JSON.parse(g.ok) as { context_timestamp: string }).context_timestamp === t);
  });
  expect(wrong).toEqual([]);
});
