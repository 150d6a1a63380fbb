/**
 * The gate follows a `$ref` whose fragment escapes `/` and `~` and percent-encodes `%` (src/spec/refs.ts): a
 * change in the definition it names is reported under the DTO that uses it, and nothing is unresolved.
 */
import { runGate } from '../../src/compat';
import { COMMON, ER, applyCase, snapshot, type Files } from '../support/compat-fixtures';

const NAME = 'a/b~c%d';
const REF = 'common.schema.json#/$defs/a~1b~0c%25d';

/** The base contract of both cases: a string $defs entry with the odd name, used by an EventRecord property. */
function withOddDef(files: Files): void {
  files[COMMON].$defs[NAME] = { type: 'string' };
  files[ER].properties[NAME] = { $ref: REF };
}

it('a $defs entry named with /, ~ and %, changed: reported at the DTO property that references it', () => {
  const { base, current } = applyCase({
    rule: 'TYPE_CHANGED',
    name: 'odd $defs name',
    base: withOddDef,
    edit: (f) => {
      f[COMMON].$defs[NAME] = { type: 'integer' };
    },
    findings: [],
    exit: { backward: 1, forward: 1, full: 1 },
  });
  const report = runGate(snapshot('base', base), snapshot('current', current), { mode: 'full' });
  expect(report.findings.map((f) => [f.rule, f.dto, f.pointer, f.baselineAt, f.currentAt])).toEqual([
    [
      'TYPE_CHANGED',
      'EventRecord',
      '/properties/a~1b~0c%d/type',
      'common.schema.json#/$defs/a~1b~0c%d/type',
      'common.schema.json#/$defs/a~1b~0c%d/type',
    ],
  ]);
});

// '%d' is not percent-encoding: a typed finding, not a URIError out of the gate.
it('the same $ref unescaped, or with its % not encoded, resolves to nothing: REF_UNRESOLVED', () => {
  for (const ref of ['common.schema.json#/$defs/a/b~c%d', 'common.schema.json#/$defs/a~1b~0c%d']) {
    const { base, current } = applyCase({
      rule: 'REF_UNRESOLVED',
      name: 'bad fragment',
      base: withOddDef,
      edit: (f) => {
        f[ER].properties[NAME] = { $ref: ref };
      },
      findings: [],
      exit: { backward: 1, forward: 1, full: 1 },
    });
    const findings = runGate(snapshot('base', base), snapshot('current', current), { mode: 'full' }).findings;
    expect(findings.filter((f) => f.rule === 'REF_UNRESOLVED').map((f) => [f.dto, f.pointer])).toEqual([
      ['EventRecord', '/properties/a~1b~0c%d'],
    ]);
  }
});
