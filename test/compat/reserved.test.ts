/**
 * `x-reserved` is part of the schema language of the contract: Ajv (strict mode,
 * as the build compiles the validators) accepts it as an annotation and checks
 * its shape; the TypeScript generator never sees it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { typeSources } from '../../scripts/normalize';
import { generateDiagnosers } from '../../scripts/validators';
import { ER, contractFiles, editedContract, type Files } from '../support/compat-fixtures';

/** docs/compat.md's example schema (its one ```json block): the edit these tests make. */
const DOC_EXAMPLE = JSON.parse(
  /```json\n([\s\S]*?)```/.exec(readFileSync(join(__dirname, '..', '..', 'docs', 'compat.md'), 'utf8'))![1]!,
) as { title: string; 'x-reserved': Record<string, string> };

const reserving = (f: Files): void => {
  delete f[ER].properties.emitted_by_task_id;
  f[ER].required = f[ER].required.filter((n: string) => n !== 'emitted_by_task_id');
  f[ER]['x-reserved'] = { emitted_by_task_id: 'removed in v2: the task is known from emitted_by_invocation_id' };
};

describe('x-reserved', () => {
  it("is docs/compat.md's example, whose EventRecord reserves the field these tests remove", () => {
    const files = contractFiles();
    reserving(files);
    expect(DOC_EXAMPLE.title).toBe(files[ER].title);
    expect(DOC_EXAMPLE['x-reserved']).toEqual(files[ER]['x-reserved']);
    expect(Object.keys(DOC_EXAMPLE['x-reserved']).filter((name) => name in files[ER].properties)).toEqual([]);
  });

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
