/**
 * maxIssues (issue 15 #2): validate() diagnoses in pieces (src/validation/capped.ts; documents of fewer than
 * WHOLE_BELOW values in one Ajv run, and the pieces are also run alone here) and lists at most maxIssues
 * issues. Held to one uncapped Ajv run over the whole document (diagnoseWhole): the same issues in the same order,
 * on mutated documents of every DTO and on documents made of many problems; the count of the rest exact; the
 * verdict unchanged.
 */
import fc from 'fast-check';
import { DTO_NAMES, schemas, type DtoName } from '../../generated/schemas';
import { validValue } from '../../fuzz/arbitraries';
import { docCase } from '../../fuzz/mutate';
import { DEFAULT_MAX_ISSUES, InvalidOptionError } from '../../src/limits';
import { parsePythonJson } from '../../src/pyjson';
import { ContractValidationError, assertValid, validate, type ValidationIssue } from '../../src/validation';
import { WINDOW, diagnoseInto, diagnoseWhole } from '../../src/validation/capped';
import { IssueSink } from '../../src/validation/sink';
import { schemaView } from '../../src/validation/schema-view';

const SEED =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
const RUNS = Number(process.env.CAPPED_RUNS ?? 600);

/** The issues of one uncapped Ajv run, as validate() listed them before the cap (the Python view judged). */
function reference(dto: DtoName, value: unknown): ValidationIssue[] {
  const seen = schemaView(value);
  return diagnoseWhole(dto, seen, seen === value ? undefined : value);
}

/** The pieces alone (never one whole Ajv run, whatever the size): listed and counted under `max`. */
function pieces(dto: DtoName, value: unknown, max: number): { issues: ValidationIssue[]; more: number } {
  const seen = schemaView(value);
  const sink = new IssueSink(max);
  diagnoseInto(dto, seen, sink, seen === value ? undefined : value, 0);
  return { issues: sink.listed, more: sink.more };
}

/**
 * validate() and the pieces alone, with every cap from 1 to past the end, list the reference's first issues and
 * count the rest.
 */
function holds(dto: DtoName, value: unknown): number {
  const whole = reference(dto, value);
  const all = validate(dto, value, { maxIssues: Infinity });
  expect(pieces(dto, value, Infinity)).toEqual({ issues: whole, more: 0 });
  if (whole.length === 0) {
    expect(all.ok).toBe(true);
    return 0;
  }
  if (all.ok) throw new Error(`${dto}: validate says valid, Ajv lists ${whole.length} issues`);
  expect(all.issues).toEqual(whole);
  expect(all.moreIssues).toBe(0);
  for (const max of new Set([1, 2, 3, Math.ceil(whole.length / 2), whole.length - 1, whole.length, whole.length + 1])) {
    if (max < 1) continue;
    const capped = validate(dto, value, { maxIssues: max });
    if (capped.ok) throw new Error('verdict changed by the cap');
    expect(capped.issues).toEqual(whole.slice(0, max));
    expect(capped.moreIssues).toBe(Math.max(0, whole.length - max));
    expect(pieces(dto, value, max)).toEqual({ issues: whole.slice(0, max), more: Math.max(0, whole.length - max) });
  }
  return whole.length;
}

describe.each(DTO_NAMES.map((d) => [d]))('%s: mutated documents', (dto) => {
  it(`${RUNS} cases: the capped pieces list what one Ajv run lists (seed ${SEED}; FUZZ_SEED replays)`, () => {
    let invalid = 0;
    fc.assert(
      fc.property(docCase(validValue(dto)), ({ text }) => {
        let parsed: unknown;
        try {
          parsed = parsePythonJson(text);
        } catch {
          try {
            parsed = JSON.parse(text);
          } catch {
            return;
          }
        }
        if (holds(dto, parsed) > 0) invalid++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(invalid).toBeGreaterThan(RUNS / 10);
  });
});

const example = <D extends DtoName>(dto: D): Record<string, unknown> =>
  structuredClone((schemas[dto].examples as Record<string, unknown>[])[0]!);

/** Documents made of many problems, across the pieces' windows (WINDOW items) and at every level. */
function manyProblems(): Array<[string, DtoName, unknown]> {
  const marker = example('EventMarker');
  const participant = example('TriggerRunParticipant');
  const record = example('EventRecord');
  const run = example('TriggerRunRecord');
  const badMarker = (i: number): unknown =>
    i % 5 === 0
      ? { ...marker, [`extra${i}`]: i, ['a/b~' + i]: null }
      : i % 5 === 1
        ? { ...marker, matched: 'yes', timestamp: 'x' }
        : i % 5 === 2
          ? null
          : i % 5 === 3
            ? { ...marker }
            : { event_id: 1 };
  const badParticipant = (i: number): unknown =>
    i % 4 === 0
      ? { ...participant, context_type: 'CronContext', event_id: 'e' }
      : i % 4 === 1
        ? { ...participant, extra: 1, context_timestamp: 5 }
        : i % 4 === 2
          ? 'p'
          : { ...participant };
  const ids = Array.from({ length: 2 * WINDOW + 300 }, (_, i) => (i % 3 === 0 ? i : i % 3 === 1 ? `id${i}` : null));
  const payload = Object.fromEntries(
    Array.from({ length: 2 * WINDOW + 300 }, (_, i) => [i % 7 === 0 ? String(i) : `k${i}`, i % 2 === 0 ? i : 'v']),
  );
  const unknownKeys = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`u${i}`, i]));
  return [
    [
      'markers of every kind of problem',
      'EventMarkerPage',
      { markers: Array.from({ length: 900 }, (_, i) => badMarker(i)), total: -1, extra: 1 },
    ],
    [
      'unknown keys at the root, before and after the declared ones',
      'EventMarkerPage',
      { ...unknownKeys, markers: [], total: 'x', truncated: false, z: 1 },
    ],
    [
      'a marker made of unknown keys',
      'EventMarkerPage',
      { markers: [{ ...marker, ...unknownKeys }], total: 1, truncated: true },
    ],
    [
      'participants of every kind',
      'TriggerRunRecord',
      { ...run, participants: Array.from({ length: 600 }, (_, i) => badParticipant(i)), logic_value: 'xor' },
    ],
    [
      'id lists and payload across windows',
      'EventRecord',
      { ...record, payload, matched_condition_ids: ids, triggered_invocation_ids: ids, extra: 1 },
    ],
    [
      'every collection of a run',
      'TriggerRunRecord',
      { ...run, condition_ids: ids, event_ids: 'x', source_invocation_ids: ids, ...unknownKeys },
    ],
    ['a record missing everything', 'EventRecord', { ...unknownKeys }],
    ['a page that is not an object', 'EventMarkerPage', Array.from({ length: 1000 }, () => ({ x: 1 }))],
  ];
}

describe('documents made of many problems', () => {
  it.each(manyProblems())('%s: the same issues as one Ajv run, every cap', (_name, dto, value) => {
    expect(holds(dto, value)).toBeGreaterThan(0);
  });

  it('default cap: at most 1,000 listed, the rest counted exactly, in the error message too', () => {
    const [, dto, value] = manyProblems()[0]!;
    const whole = reference(dto, value);
    expect(whole.length).toBeGreaterThan(DEFAULT_MAX_ISSUES);
    const result = validate(dto, value);
    expect(result).toEqual({
      ok: false,
      issues: whole.slice(0, DEFAULT_MAX_ISSUES),
      moreIssues: whole.length - DEFAULT_MAX_ISSUES,
    });
    const error = (() => {
      try {
        assertValid(dto, value, { maxIssues: 2 });
      } catch (e) {
        return e as ContractValidationError;
      }
      throw new Error('assertValid accepted an invalid document');
    })();
    expect(error).toBeInstanceOf(ContractValidationError);
    expect(error.issues).toEqual(whole.slice(0, 2));
    expect(error.moreIssues).toBe(whole.length - 2);
    expect(error.message).toContain(`(and ${whole.length - 1} more issues, ${whole.length - 2} not listed)`);
  });

  it('a valid document is valid under every cap', () => {
    for (const dto of DTO_NAMES) {
      for (const maxIssues of [1, 5, Infinity]) expect(validate(dto, example(dto), { maxIssues }).ok).toBe(true);
    }
  });
});

describe('the maxIssues option', () => {
  it.each([[0], [-1], [1.5], [NaN], ['10'], [null], [2 ** 60], [-Infinity]])(
    '%p is an InvalidOptionError',
    (maxIssues) => {
      for (const call of [
        () => validate('EventMarker', {}, { maxIssues } as never),
        () => assertValid('EventMarker', {}, { maxIssues } as never),
      ]) {
        expect(call).toThrow(InvalidOptionError);
        try {
          call();
        } catch (e) {
          expect((e as InvalidOptionError).option).toBe('maxIssues');
          expect((e as InvalidOptionError).code).toBe('INVALID_OPTION');
        }
      }
    },
  );

  it('is checked on valid documents too, and options must be an object', () => {
    expect(() => validate('EventMarker', example('EventMarker'), { maxIssues: 0 })).toThrow(InvalidOptionError);
    expect(() => validate('EventMarker', {}, 5 as never)).toThrow(InvalidOptionError);
  });
});
