/**
 * The generated checkers (generated/checkers.ts, scripts/checkers.ts) give the
 * verdict of every document; Ajv, compiled here from contract/ as the
 * diagnosers are, is the reference. They must agree on every vector, on
 * thousands of mutated documents (as JSON.parse and as the Python-dialect
 * parser read them), and on JavaScript values no JSON text produces.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { checkers, inOrderCheckers } from '../../generated/checkers';
import { DTO_NAMES, type DtoName } from '../../generated/schemas';
import { loadContract } from '../../scripts/contract';
import { generateCheckers } from '../../scripts/checkers';
import { inlineRefs } from '../../scripts/inline-refs';
import { contractAjv } from '../../scripts/validators';
import { PyFloat, parsePythonJson } from '../../src/pyjson';
import { validate } from '../../src/validation';
import { schemaView } from '../../src/validation/schema-view';
import { validValue } from '../../fuzz/arbitraries';
import { docCase } from '../../fuzz/mutate';
import { EMP, TRP, editedContract } from '../support/compat-fixtures';
import { withDefaults } from '../support/records';
import { loadVectors } from '../support/vectors';

const contract = loadContract(join(__dirname, '..', '..', 'contract'));
const ajv = contractAjv(contract);
const reference = Object.fromEntries(
  contract.dtos.map((d) => [d.title, ajv.getSchema(d.id)! as (v: unknown) => boolean]),
) as Record<DtoName, (v: unknown) => boolean>;

const SEED =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
const RUNS = Number(process.env.CHECKER_RUNS ?? 1500);

const inlined = Object.fromEntries(contract.dtos.map((d, i) => [d.title, inlineRefs(contract)[i]!]));

/**
 * Independently of the generated code: every object the schema closes
 * (additionalProperties false) holds exactly its declared keys in the
 * declared order, found by walking `properties`, `items` and `allOf`.
 */
function keysInSchemaOrder(schema: unknown, value: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return true;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(value)) return s.items === undefined || value.every((item) => keysInSchemaOrder(s.items, item));
  if (value === null || typeof value !== 'object') return true;
  const props = (s.properties ?? {}) as Record<string, unknown>;
  const keys: string[] = [];
  for (const k in value) keys.push(k);
  if (s.additionalProperties === false && keys.join('\u0000') !== Object.keys(props).join('\u0000')) return false;
  return Object.entries(props).every(([k, sub]) => keysInSchemaOrder(sub, (value as Record<string, unknown>)[k]));
}

function agree(dto: DtoName, value: unknown): void {
  const fast = checkers[dto](value);
  const where = () => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 500);
  const seen = schemaView(value);
  if (seen !== value) {
    // Python-dialect numbers (PyFloat, bigint): validate judges the numbers they are (schema-view.ts). The checker
    // on the raw value may only accept what that view satisfies (a PyFloat is no object), and validate follows Ajv
    // on the view.
    const viewVerdict = reference[dto](seen);
    if (fast && !viewVerdict) throw new Error(`${dto}: checker accepts, Ajv rejects the numbers' view of ${where()}`);
    if (inOrderCheckers[dto](value) && !viewVerdict) throw new Error(`${dto}: in-order checker accepts ${where()}`);
    expect([where(), validate(dto, value).ok]).toEqual([where(), viewVerdict]);
    return;
  }
  const ajvVerdict = reference[dto](value);
  if (fast !== ajvVerdict) throw new Error(`${dto}: checker says ${fast}, Ajv ${ajvVerdict} for ${where()}`);
  const inOrder = inOrderCheckers[dto](value);
  const expected = ajvVerdict && keysInSchemaOrder(inlined[dto], value);
  if (inOrder !== expected)
    throw new Error(`${dto}: in-order checker says ${inOrder}, expected ${expected} for ${where()}`);
}

it('the committed checkers are what the generator makes from contract/', () => {
  const generated = generateCheckers(contract).load();
  for (const v of loadVectors()) {
    expect(generated.checkers[v.dto]!(v.document)).toBe(checkers[v.dto as DtoName](v.document));
    expect(generated.inOrder[v.dto]!(v.document)).toBe(inOrderCheckers[v.dto as DtoName](v.document));
  }
});

describe('every conformance vector', () => {
  it.each(loadVectors().map((v) => [v.file, v] as const))('%s', (_file, v) => {
    expect(checkers[v.dto as DtoName](v.document)).toBe(v.kind === 'valid');
    agree(v.dto as DtoName, v.document);
  });
});

describe.each(DTO_NAMES.map((d) => [d]))('%s: mutated documents', (dto) => {
  it(`${RUNS} cases agree with Ajv (seed ${SEED}; FUZZ_SEED replays)`, () => {
    let valid = 0;
    fc.assert(
      fc.property(docCase(validValue(dto)), ({ text }) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        if (parsed !== undefined) {
          agree(dto, parsed);
          if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
            agree(dto, Object.fromEntries(Object.entries(parsed).reverse()));
          if (checkers[dto](parsed)) valid++;
        }
        let python: unknown;
        try {
          python = parsePythonJson(text);
        } catch {
          return; // text Python rejects: nothing to check
        }
        agree(dto, python);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The cases reach both verdicts.
    expect(valid).toBeGreaterThan(0);
    expect(valid).toBeLessThan(RUNS);
  });
});

describe('values no JSON text produces', () => {
  const marker = (): Record<string, unknown> => ({
    ...(contract.dtos.find((d) => d.title === 'EventMarker')!.schema.examples as object[])[0],
  });
  const record = (): Record<string, unknown> => ({
    ...(contract.dtos.find((d) => d.title === 'EventRecord')!.schema.examples as object[])[0],
  });
  const runRecord = (): Record<string, unknown> => ({
    ...(contract.dtos.find((d) => d.title === 'TriggerRunRecord')!.schema.examples as object[])[0],
  });
  const page = (markers: unknown[], total: unknown = 3): Record<string, unknown> =>
    withDefaults('EventMarkerPage', { markers, total, truncated: false });
  const cases: Array<[string, DtoName, () => unknown]> = [
    ['a property holding undefined', 'EventMarker', () => ({ ...marker(), emitted_by_invocation_id: undefined })],
    [
      'a required property inherited from the prototype',
      'EventMarker',
      () => {
        const { event_id, ...rest } = marker();
        return Object.assign(Object.create({ event_id }), rest);
      },
    ],
    ['an inherited enumerable extra key', 'EventMarker', () => Object.assign(Object.create({ extra: 1 }), marker())],
    [
      'an inherited non-enumerable property',
      'EventMarker',
      () => {
        const proto = {};
        Object.defineProperty(proto, 'extra', { value: 1, enumerable: false });
        return Object.assign(Object.create(proto), marker());
      },
    ],
    ['a null-prototype object', 'EventMarker', () => Object.assign(Object.create(null), marker())],
    ['a class instance', 'EventMarker', () => Object.assign(new (class Marker {})(), marker())],
    ['a Date', 'EventMarker', () => new Date(0)],
    ['an array', 'EventMarker', () => [marker()]],
    ['a string', 'EventMarker', () => 'event'],
    [
      'a boxed string timestamp',
      'EventMarker',
      () => ({ ...marker(), timestamp: new String('2026-05-09T10:11:12+00:00') }),
    ],
    ['keys out of the schema order', 'EventMarker', () => Object.fromEntries(Object.entries(marker()).reverse())],
    ['an id list holding undefined', 'EventRecord', () => ({ ...record(), matched_condition_ids: [undefined] })],
    ['a sparse id list', 'EventRecord', () => ({ ...record(), valid_condition_ids: new Array(1) })],
    ['a payload value undefined', 'EventRecord', () => ({ ...record(), payload: { a: undefined } })],
    [
      'a payload inheriting an enumerable value',
      'EventRecord',
      () => ({ ...record(), payload: Object.create({ a: 1 }) }),
    ],
    ['a sparse markers array', 'EventMarkerPage', () => page(new Array(2))],
    ['total Infinity', 'EventMarkerPage', () => page([], Infinity)],
    ['total NaN', 'EventMarkerPage', () => page([], NaN)],
    ['total -0', 'EventMarkerPage', () => page([], -0)],
    ['total 1.5', 'EventMarkerPage', () => page([], 1.5)],
    ['total -1', 'EventMarkerPage', () => page([], -1)],
    ['total 2^53 + 2', 'EventMarkerPage', () => page([], 2 ** 53 + 2)],
    ['total as a bigint', 'EventMarkerPage', () => page([], 5n)],
    ['total as a PyFloat', 'EventMarkerPage', () => page([], new PyFloat(3))],
    ['total as a PyFloat 3.5', 'EventMarkerPage', () => page([], new PyFloat(3.5))],
    // Python reads 0.0 as a float, which is no object: refused, as the Python package refuses it.
    ['arguments_preview a PyFloat', 'TriggerRunRecord', () => ({ ...runRecord(), arguments_preview: new PyFloat(0) })],
    ['a payload a PyFloat', 'EventRecord', () => ({ ...record(), payload: new PyFloat(1) })],
    ['a marker a PyFloat', 'EventMarkerPage', () => page([new PyFloat(1)])],
    ['a marker with a symbol key', 'EventMarkerPage', () => page([{ ...marker(), [Symbol('s')]: 1 }])],
    [
      'a participant with an unknown context_type',
      'TriggerRunParticipant',
      () =>
        withDefaults('TriggerRunParticipant', { context_type: 'webhook', event_id: 'e', source_invocation_id: 'i' }),
    ],
    [
      'an event participant whose event_id is undefined',
      'TriggerRunParticipant',
      () => withDefaults('TriggerRunParticipant', { context_type: 'EventContext', event_id: undefined }),
    ],
  ];
  it.each(cases)('%s', (_label, dto, make) => {
    agree(dto, make());
  });
});

describe('generation', () => {
  it('refuses a keyword it does not know, naming it and where', () => {
    expect(() => generateCheckers(editedContract((f) => (f[TRP].properties.context_summary.maxLength = 80)))).toThrow(
      /keyword maxLength \(at TriggerRunParticipant\$context_summary\) is not supported/,
    );
  });

  it('refuses an enum of objects (Ajv compares those deeply)', () => {
    expect(() =>
      generateCheckers(editedContract((f) => (f[TRP].properties.context_type.enum = [{ kind: 'event' }]))),
    ).toThrow(/enum of non-primitive/);
  });

  it('keywords the contract does not use yet follow Ajv (number limits, not, oneOf, numeric enum, union types)', () => {
    const changed = editedContract((f) => {
      f[EMP].properties.total = {
        type: ['integer', 'null'],
        minimum: 0,
        exclusiveMaximum: 100,
        not: { enum: [7, 8] },
        oneOf: [{ maximum: 50 }, { exclusiveMinimum: 40 }],
      };
      f[EMP].properties.truncated = { enum: [true, 0, null, 'no'] };
    });
    const fast = generateCheckers(changed).load();
    const ajvChanged = contractAjv(changed);
    const changedReference = ajvChanged.getSchema(changed.dtos.find((d) => d.title === 'EventMarkerPage')!.id)!;
    const totals = [
      -1,
      0,
      7,
      8,
      39,
      40,
      41,
      45,
      50,
      51,
      99,
      99.5,
      100,
      1.5,
      -0,
      NaN,
      Infinity,
      -Infinity,
      null,
      '5',
      true,
      undefined,
      2n,
    ];
    const truncateds = [true, false, 0, 1, null, 'no', 'No', undefined];
    let accepted = 0;
    for (const total of totals) {
      for (const truncated of truncateds) {
        const page = withDefaults('EventMarkerPage', { markers: [], total, truncated });
        const verdict = changedReference(page);
        expect([total, truncated, fast.checkers.EventMarkerPage!(page)]).toEqual([total, truncated, verdict]);
        expect([total, truncated, fast.inOrder.EventMarkerPage!(page)]).toEqual([total, truncated, verdict]);
        if (verdict) accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it('gives two subschemas whose names map to one identifier two functions (a-b and a_b)', () => {
    // identifier() maps both names to a_b; the second function must not replace the first.
    const changed = editedContract((f) => {
      f[EMP].properties['a-b'] = { type: 'object', required: ['x'], properties: { x: { type: 'string' } } };
      f[EMP].properties.a_b = { type: 'object', required: ['y'], properties: { y: { type: 'integer' } } };
    });
    const fast = generateCheckers(changed).load();
    const changedReference = contractAjv(changed).getSchema(
      changed.dtos.find((d) => d.title === 'EventMarkerPage')!.id,
    )!;
    const page = (extra: object): unknown => ({
      ...withDefaults('EventMarkerPage', { markers: [], total: 0, truncated: false }),
      ...extra,
    });
    const documents = [
      { 'a-b': { y: 1 } },
      { 'a-b': { x: 's' } },
      { a_b: { x: 's' } },
      { a_b: { y: 1 } },
      { 'a-b': { x: 's' }, a_b: { y: 1 } },
    ].map(page);
    for (const document of documents) {
      expect([document, fast.checkers.EventMarkerPage!(document)]).toEqual([document, changedReference(document)]);
      expect([document, fast.inOrder.EventMarkerPage!(document) && !changedReference(document)]).toEqual([
        document,
        false,
      ]);
    }
  });

  it('compiles a changed contract to checkers that follow it', () => {
    const changed = generateCheckers(
      editedContract((f) => (f[TRP].properties.context_type.enum = ['EventContext', 'CronContext'])),
    ).load().checkers;
    const participant = withDefaults('TriggerRunParticipant', {
      context_type: 'StatusContext',
      source_invocation_id: 'inv',
    });
    expect(checkers.TriggerRunParticipant(participant)).toBe(true);
    expect(changed.TriggerRunParticipant!(participant)).toBe(false);
  });
});
