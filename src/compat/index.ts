/**
 * The compatibility gate: classify contract changes by Confluent Schema Registry's JSON Schema rules.
 *
 * The stages, one a file: ./snapshot.ts reads two contracts; ./effective.ts follows `$ref`s and splits schemas into
 * one alternative per JSON type; ./compare.ts walks both contracts DTO by DTO and classifies each difference into a
 * rule of ./rules.ts (as a Finding, ./findings.ts); ./versions.ts checks the major versions; ./gate.ts decides which
 * findings fail in a mode; ./report.ts writes the report as text. runGate below composes them.
 */
import { InvalidOptionError } from '../limits';
import { diffContracts } from './compare';
import { judge, type GateOptions, type GateReport } from './gate';
import { requireMode } from './rules';
import { requireSnapshot, type ContractSnapshot } from './snapshot';
import { compareVersions } from './versions';

/** The gate: both contracts' versions checked, every difference classified, each finding judged in `options.mode`. */
export function runGate(baseline: ContractSnapshot, current: ContractSnapshot, options: GateOptions): GateReport {
  requireSnapshot('runGate', 'baseline', baseline);
  requireSnapshot('runGate', 'current', current);
  const { mode, generatedSchemas } = checkGateOptions(options);
  const versions = compareVersions(baseline, current, generatedSchemas);
  const findings = [...versions.findings, ...diffContracts(baseline, current)];
  return judge(baseline, current, versions, findings, mode);
}

/** `options` when it is a GateOptions (a mode, and generatedSchemas as { path, text } strings or unset). */
function checkGateOptions(options: GateOptions): GateOptions {
  if (options === null || typeof options !== 'object') throw new InvalidOptionError('options', 'an object', options);
  requireMode(options.mode);
  const generated = options.generatedSchemas as { path?: unknown; text?: unknown } | undefined | null;
  if (
    generated !== undefined &&
    (generated === null ||
      typeof generated !== 'object' ||
      typeof generated.path !== 'string' ||
      typeof generated.text !== 'string')
  ) {
    throw new InvalidOptionError('generatedSchemas', '{ path: string, text: string } or unset', generated);
  }
  return options;
}

export {
  RULES,
  RULE_IDS,
  COMPAT_MODES,
  BOUND_KEYWORDS,
  breaksMode,
  type RuleId,
  type RuleInfo,
  type CompatMode,
} from './rules';
export { diffContracts, dtoFiles, COMMON_FILE } from './compare';
export { CONTRACT_SCOPE, type Finding } from './findings';
export { contractVersion, generatedVersionProblems, type ContractVersion } from './versions';
export { type GateOptions, type GateReport, type GateFinding } from './gate';
export { formatGateReport } from './report';
export {
  loadBaseline,
  loadSnapshotFromFolder,
  loadSnapshotFromGit,
  snapshotFromTexts,
  isGitRef,
  CompatInputError,
  type ContractSnapshot,
} from './snapshot';
