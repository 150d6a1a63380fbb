import {
  assertValid,
  ContractValidationError,
  CONTRACT_VERSION,
  DTO_NAMES,
  isEventMarker,
  isEventMarkerPage,
  isEventRecord,
  isTriggerRunParticipant,
  isTriggerRunRecord,
  schemas,
  UnknownDtoError,
  validate,
  type DtoName,
  type JsonSchema,
} from '../../src';
import { formatIssue, makeIssue } from '../../src/validation/errors';

/** The contract's first example of each DTO: a valid document to mutate. */
function example(dto: DtoName): Record<string, unknown> {
  const examples = schemas[dto].examples as Array<Record<string, unknown>>;
  return structuredClone(examples[0]!);
}

const properties = (dto: DtoName) => schemas[dto].properties as Record<string, JsonSchema>;

describe('the contract', () => {
  it('defines the five DTOs, version 1 in every $id', () => {
    expect([...DTO_NAMES].sort()).toEqual(
      ['EventMarker', 'EventMarkerPage', 'EventRecord', 'TriggerRunParticipant', 'TriggerRunRecord'].sort(),
    );
    expect(CONTRACT_VERSION).toBe(1);
    for (const dto of DTO_NAMES) expect(String(schemas[dto].$id)).toMatch(/\/v1\/[a-z-]+\.schema\.json$/);
  });

  it.each(DTO_NAMES)('%s: every example in the schema is valid', (dto) => {
    const examples = schemas[dto].examples as unknown[];
    expect(examples.length).toBeGreaterThan(0);
    for (const doc of examples) expect(validate(dto, doc)).toEqual({ ok: true, value: doc });
  });

  it.each(DTO_NAMES)('%s: every property has a description', (dto) => {
    for (const [name, schema] of Object.entries(properties(dto))) {
      expect([name, typeof schema.description]).toEqual([name, 'string']);
    }
  });
});

describe('validate', () => {
  it.each(DTO_NAMES.flatMap((dto) => (schemas[dto].required as string[]).map((field) => [dto, field] as const)))(
    '%s without %s fails at that field',
    (dto, field) => {
      const doc = example(dto);
      delete doc[field];
      const result = validate(dto, doc);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues).toEqual([
          {
            path: `/${field}`,
            keyword: 'required',
            expected: 'the key to be present (it is required)',
            received: 'no such key',
            params: { missingProperty: field },
            message: 'is required but missing',
          },
        ]);
      }
    },
  );

  // Wrong-typed value for every property: an object is never a valid scalar, a number never an object/array/string.
  it.each(DTO_NAMES.flatMap((dto) => Object.keys(properties(dto)).map((field) => [dto, field] as const)))(
    '%s with a wrongly typed %s fails at that field',
    (dto, field) => {
      const doc = example(dto);
      doc[field] = typeof doc[field] === 'object' && doc[field] !== null ? 12 : { wrong: true };
      const result = validate(dto, doc);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual([`/${field}`]);
    },
  );

  it('reports every issue of a document, each once', () => {
    const doc = example('TriggerRunRecord');
    doc.logic_value = 'xor';
    doc.claimed_at = '2026-02-30T00:00:00+00:00';
    (doc.participants as Array<Record<string, unknown>>)[1]!.context_timestamp = 'garbage';
    const result = validate('TriggerRunRecord', doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.keyword])).toEqual([
      ['/logic_value', 'enum'],
      ['/claimed_at', 'oneOf'],
      ['/participants/1/context_timestamp', 'oneOf'],
    ]);
    expect(result.issues[0]!.message).toBe('must be one of "and", "or", got "xor"');
    expect(result.issues[1]!.message).toContain("Python's datetime.isoformat()");
    expect(result.issues[1]!.message).toContain('"2026-02-30T00:00:00+00:00"');
  });

  it('explains conditional rules in words', () => {
    const doc = { ...example('TriggerRunParticipant'), event_id: null };
    const result = validate('TriggerRunParticipant', doc);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        {
          path: '/event_id',
          keyword: 'type',
          expected: 'a string',
          received: 'null',
          params: { type: 'string', condition: 'context_type is "EventContext"' },
          message: 'must be a string when context_type is "EventContext", got null',
        },
      ]);
    // The error names the first issue: its expectation with the condition that makes it one.
    expect(() => assertValid('TriggerRunParticipant', doc)).toThrow(
      expect.objectContaining({
        name: 'ContractValidationError',
        path: '/event_id',
        expected: 'a string when context_type is "EventContext"',
        received: 'null',
      }),
    );
  });

  it("makes every message from the issue's data with one formatter", () => {
    const doc: Record<string, unknown> = { ...example('TriggerRunRecord'), logic_value: 'xor', extra: 1 };
    delete doc.claimed_at;
    const result = validate('TriggerRunRecord', doc, { maxIssues: Infinity });
    if (result.ok) throw new Error('expected an invalid document');
    expect(result.issues.length).toBeGreaterThanOrEqual(3);
    for (const issue of result.issues) {
      const { message, ...data } = issue;
      expect(formatIssue(data)).toBe(message);
      expect(makeIssue(data)).toEqual(issue);
    }
    expect(result.issues.find((i) => i.keyword === 'additionalProperties')).toMatchObject({
      expected: 'only the keys the DTO defines',
      received: 'the key "extra"',
      params: { additionalProperty: 'extra' },
    });
    expect(result.issues.find((i) => i.keyword === 'enum')).toMatchObject({
      expected: 'one of "and", "or"',
      received: '"xor"',
      params: { allowedValues: ['and', 'or'] },
    });
  });

  it('escapes JSON pointer characters in unknown keys', () => {
    const result = validate('EventMarker', { ...example('EventMarker'), 'a/b~c': 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['/a~1b~0c']);
  });

  it('rejects an unknown DTO name with a typed error', () => {
    expect(() => validate('EventRecords' as DtoName, {})).toThrow(UnknownDtoError);
    try {
      validate('Nope' as DtoName, {});
    } catch (err) {
      expect(err).toBeInstanceOf(UnknownDtoError);
      expect((err as UnknownDtoError).code).toBe('UNKNOWN_DTO');
      expect((err as Error).message).toBe(`unknown DTO "Nope"; expected one of ${DTO_NAMES.join(', ')}`);
    }
    expect(() => validate(undefined as unknown as DtoName, {})).toThrow(UnknownDtoError);
    expect(() => validate('__proto__' as DtoName, {})).toThrow(UnknownDtoError);
  });
});

describe('assertValid', () => {
  it('returns the document typed as the DTO', () => {
    const doc = example('EventRecord');
    const record = assertValid('EventRecord', doc);
    expect(record.event_id).toBe(doc.event_id);
  });

  it('throws ContractValidationError carrying dto, issues and a one-line message', () => {
    const doc = { ...example('EventMarkerPage'), total: -1, truncated: 'no' };
    let caught: unknown;
    try {
      assertValid('EventMarkerPage', doc);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ContractValidationError);
    const error = caught as ContractValidationError;
    expect(error.code).toBe('CONTRACT_INVALID');
    expect(error.dto).toBe('EventMarkerPage');
    expect(error.path).toBe('/total');
    expect(error.issues.map((i) => i.path)).toEqual(['/total', '/truncated']);
    expect(error.message).toBe('EventMarkerPage /total: must be >= 0, got -1 (and 1 more issue)');
  });
});

describe('guards', () => {
  const guards = {
    EventRecord: isEventRecord,
    EventMarker: isEventMarker,
    EventMarkerPage: isEventMarkerPage,
    TriggerRunParticipant: isTriggerRunParticipant,
    TriggerRunRecord: isTriggerRunRecord,
  } as const;

  it.each(DTO_NAMES)('is%s accepts its example and nothing else', (dto) => {
    const guard = guards[dto];
    expect(guard(example(dto))).toBe(true);
    expect(guard({ ...example(dto), unexpected: 1 })).toBe(false);
    expect(guard(null)).toBe(false);
    expect(guard('{}')).toBe(false);
    for (const other of DTO_NAMES.filter((d) => d !== dto)) expect(guard(example(other))).toBe(false);
  });
});
