/**
 * The compatibility gate over the fixture series (./fixtures.ts): one schema
 * change per rule, each classified and gated in every mode.
 */
import { COMPAT_MODES, RULES, RULE_IDS, diffContracts, loadSnapshotFromFolder, runGate } from '../../src/compat';
import { CASES, CONTRACT_DIR, applyCase, contractFiles, snapshot } from '../support/compat-fixtures';

describe('the real contract', () => {
  it('against itself: no findings, passes in every mode', () => {
    const contract = loadSnapshotFromFolder(CONTRACT_DIR);
    expect(diffContracts(contract, contract)).toEqual([]);
    for (const mode of COMPAT_MODES) expect(runGate(contract, contract, { mode }).ok).toBe(true);
  });

  it('against the committed v1 baseline: passes backward (what CI runs)', () => {
    const report = runGate(
      loadSnapshotFromFolder(`${CONTRACT_DIR}/baselines/v1`),
      loadSnapshotFromFolder(CONTRACT_DIR),
      { mode: 'backward' },
    );
    expect(report.findings.filter((f) => f.fails)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe.each(CASES.map((c) => [`${c.rule}: ${c.name}`, c] as const))('%s', (_title, c) => {
  const { base, current } = applyCase(c);
  const findings = runGate(snapshot('base', base), snapshot('current', current), { mode: 'full' }).findings.map((f) => [
    f.rule,
    f.dto,
    f.pointer,
  ]);

  it('is classified', () => {
    if (c.partial) expect(findings).toEqual(expect.arrayContaining(c.findings));
    else expect(findings.sort()).toEqual([...c.findings].sort());
  });

  it.each(COMPAT_MODES)('exit code in %s mode', (mode) => {
    const report = runGate(snapshot('base', base), snapshot('current', current), { mode });
    expect(report.ok ? 0 : 1).toBe(c.exit[mode]);
  });
});

describe('the fixture series', () => {
  it('has a fixture for every rule id', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    covered.add('GENERATED_VERSION_MISMATCH'); // needs generated/schemas.ts text: tested below
    expect(RULE_IDS.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('each finding carries the verdicts of its rule', () => {
    for (const c of CASES) {
      const { base, current } = applyCase(c);
      for (const f of runGate(snapshot('base', base), snapshot('current', current), { mode: 'full' }).findings) {
        expect([f.rule, f.breaksBackward, f.breaksForward, f.policy]).toEqual([
          f.rule,
          RULES[f.rule].breaksBackward,
          RULES[f.rule].breaksForward,
          RULES[f.rule].policy === true,
        ]);
      }
    }
  });
});

describe('generated/schemas.ts must agree with the $ids', () => {
  const generated = (version: number): { path: string; text: string } => ({
    path: 'generated/schemas.ts',
    text: `export const CONTRACT_VERSION = ${version} as const;\nexport const schemas = { A: { "$id": "https://schemas.pynenc.org/monitoring/v${version}/a.schema.json" } };\n`,
  });
  const v1 = contractFiles();
  const v2 = structuredClone(v1);
  for (const s of Object.values(v2)) s.$id = s.$id.replace('/v1/', '/v2/');
  delete v2['event-record.schema.json'].properties.event_code;
  v2['event-record.schema.json'].required = v2['event-record.schema.json'].required.filter(
    (n: string) => n !== 'event_code',
  );
  v2['event-record.schema.json']['x-reserved'] = { event_code: 'removed in v2' };

  it('a v2 contract whose generated module says v2 passes (the bump excuses the removal)', () => {
    const report = runGate(snapshot('v1', v1), snapshot('v2', v2), { mode: 'full', generatedSchemas: generated(2) });
    expect(report.majorBumped).toBe(true);
    expect(report.ok).toBe(true);
  });

  it('a v2 contract whose generated module still says v1 fails with GENERATED_VERSION_MISMATCH', () => {
    const report = runGate(snapshot('v1', v1), snapshot('v2', v2), {
      mode: 'backward',
      generatedSchemas: generated(1),
    });
    expect(report.majorBumped).toBe(false);
    expect(report.ok).toBe(false);
    expect(report.findings.filter((f) => f.rule === 'GENERATED_VERSION_MISMATCH').map((f) => f.message)).toEqual([
      "generated/schemas.ts CONTRACT_VERSION is 1, the contract's $ids say 2",
      'generated/schemas.ts embeds $id https://schemas.pynenc.org/monitoring/v1/a.schema.json, not v2',
    ]);
  });

  it('the real generated/schemas.ts agrees with the real contract', () => {
    const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const text = readFileSync(`${CONTRACT_DIR}/../generated/schemas.ts`, 'utf8');
    const contract = loadSnapshotFromFolder(CONTRACT_DIR);
    expect(
      runGate(contract, contract, { mode: 'full', generatedSchemas: { path: 'generated/schemas.ts', text } }).ok,
    ).toBe(true);
  });
});
