import { DTO_NAMES, validate, type DtoName } from '../../src';
import { loadVectors } from '../support/vectors';

const vectors = loadVectors();

describe('shared conformance vectors', () => {
  it('cover every DTO with valid and invalid documents', () => {
    for (const dto of DTO_NAMES) {
      expect(vectors.filter((v) => v.dto === dto && v.kind === 'valid').length).toBeGreaterThan(0);
      expect(vectors.filter((v) => v.dto === dto && v.kind === 'invalid').length).toBeGreaterThan(0);
    }
    expect(new Set(vectors.map((v) => v.dto))).toEqual(new Set(DTO_NAMES));
  });

  it.each(vectors.filter((v) => v.kind === 'valid').map((v) => [v.file, v] as const))(
    '%s is accepted',
    (_file, vector) => {
      const result = validate(vector.dto as DtoName, vector.document);
      expect(result).toEqual({ ok: true, value: vector.document });
    },
  );

  it.each(vectors.filter((v) => v.kind === 'invalid').map((v) => [v.file, v] as const))(
    '%s fails exactly at its error_path',
    (_file, vector) => {
      expect(typeof vector.error_path).toBe('string');
      const result = validate(vector.dto as DtoName, vector.document);
      if (result.ok) throw new Error(`${vector.file} was accepted`);
      expect(result.issues.map((i) => i.path)).toEqual([vector.error_path]);
      for (const issue of result.issues) {
        expect(issue.message).not.toMatch(/\n/);
        expect(issue.keyword).toMatch(/^[a-zA-Z]+$/);
      }
    },
  );
});
