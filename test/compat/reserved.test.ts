/**
 * `x-reserved` is part of the schema language of the contract: Ajv (strict mode,
 * as the build compiles the validators) accepts it as an annotation and checks
 * its shape; the TypeScript generator never sees it.
 */
import { typeSources } from '../../scripts/normalize';
import { generateDiagnosers } from '../../scripts/validators';
import { ER, editedContract, type Files } from '../support/compat-fixtures';

const reserving = (f: Files): void => {
  delete f[ER].properties.emitted_by_task_id;
  f[ER].required = f[ER].required.filter((n: string) => n !== 'emitted_by_task_id');
  f[ER]['x-reserved'] = { emitted_by_task_id: 'removed in v2: the task is known from emitted_by_invocation_id' };
};

describe('x-reserved', () => {
  it('compiles under Ajv strict mode', () => {
    expect(() => generateDiagnosers(editedContract(reserving))).not.toThrow();
  });

  it('an unknown x- keyword does not (so the registration above is what makes x-reserved pass)', () => {
    expect(() => generateDiagnosers(editedContract((f) => (f[ER]['x-retired'] = {})))).toThrow(/unknown keyword/);
  });

  it('must map names to reasons', () => {
    expect(() => generateDiagnosers(editedContract((f) => (f[ER]['x-reserved'] = { emitted_by_task_id: 2 })))).toThrow(
      /x-reserved/,
    );
  });

  it('is dropped before json-schema-to-typescript', () => {
    const sources = typeSources(editedContract(reserving));
    expect(JSON.stringify(sources)).not.toContain('x-reserved');
    expect(sources.find((s) => s.name === 'EventRecord')).toBeDefined();
  });
});
