/**
 * The shared vectors cover the contract: every field missing, of a wrong type, null, and present; every
 * timestamp field in every form; an unknown key per DTO; unicode. And the generated ones (gen.*.json, made
 * by scripts/vectors.ts) are what the script makes from the current contract.
 */
import { DTO_NAMES, schemas } from '../../src';
import { TIMESTAMP_FORMS, vectorDrift } from '../../scripts/vectors';
import { loadVectors, type Vector } from '../support/vectors';
import { joinPointer } from '../../src/spec/json-pointer';

const vectors = loadVectors();
type Doc = Record<string, unknown>;

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;
const pointer = (key: string) => joinPointer('', key);

function of(dto: string, kind: Vector['kind']): (Vector & { document: Doc })[] {
  return vectors.filter(
    (v): v is Vector & { document: Doc } => v.dto === dto && v.kind === kind && isObject(v.document),
  );
}

const fields = DTO_NAMES.flatMap((dto) =>
  Object.entries(schemas[dto].properties as Record<string, { $ref?: string }>).map(([field, schema]) => ({
    dto,
    field,
    schema,
  })),
);

describe('shared vectors', () => {
  it('are at least 60, and the generated ones match scripts/vectors.ts (npm run vectors)', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(60);
    expect(vectorDrift()).toEqual([]);
  });

  it.each(fields.map((f) => [`${f.dto}.${f.field}`, f] as const))(
    '%s: missing, wrong type, null and present',
    (_name, { dto, field }) => {
      const at = pointer(field);
      const invalidAt = of(dto, 'invalid').filter((v) => v.error_path === at);
      const valid = of(dto, 'valid');
      const validTypes = new Set(valid.map((v) => jsonType(v.document[field])));
      expect(invalidAt.some((v) => !(field in v.document))).toBe(true); // missing
      expect(
        invalidAt.some(
          (v) => field in v.document && v.document[field] !== null && !validTypes.has(jsonType(v.document[field])),
        ),
      ).toBe(true); // wrong type
      expect(valid.some((v) => v.document[field] === null) || invalidAt.some((v) => v.document[field] === null)).toBe(
        true,
      ); // null
      expect(valid.some((v) => v.document[field] !== null && v.document[field] !== undefined)).toBe(true); // present
    },
  );

  const timestampFields = fields.filter((f) => /#\/\$defs\/(timestamp|optionalTimestamp)$/.test(f.schema.$ref ?? ''));

  it.each(timestampFields.map((f) => [`${f.dto}.${f.field}`, f] as const))(
    '%s: every timestamp form',
    (_name, { dto, field }) => {
      expect(timestampFields.length).toBeGreaterThanOrEqual(5);
      for (const form of TIMESTAMP_FORMS) {
        const kind = form.valid ? 'valid' : 'invalid';
        const found = of(dto, kind).some(
          (v) => v.document[field] === form.value && (form.valid || v.error_path === pointer(field)),
        );
        expect({ form: form.name, found }).toEqual({ form: form.name, found: true });
      }
    },
  );

  it.each([...DTO_NAMES])('%s: an unknown key is reported at its own pointer', (dto) => {
    const known = Object.keys(schemas[dto].properties as object);
    const unknown = of(dto, 'invalid').filter((v) =>
      Object.keys(v.document).some((k) => !known.includes(k) && v.error_path === pointer(k)),
    );
    expect(unknown.length).toBeGreaterThan(0);
  });

  it('carry unicode: non-ASCII values and keys, astral characters, lone surrogates, escaped pointers', () => {
    const texts = vectors.flatMap((v) => strings(v.document));
    expect(texts.some((t) => /[^\x00-\x7f]/.test(t))).toBe(true);
    expect(texts.some((t) => /[\u{10000}-\u{10ffff}]/u.test(t))).toBe(true);
    expect(texts.some((t) => /(?:^|[^\ud800-\udbff])[\udc00-\udfff]/.test(t))).toBe(true);
    expect(vectors.some((v) => /[^\x00-\x7f]/.test(v.error_path ?? ''))).toBe(true);
    expect(vectors.some((v) => /~0|~1/.test(v.error_path ?? ''))).toBe(true);
  });
});

/** Every string in a document, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}
