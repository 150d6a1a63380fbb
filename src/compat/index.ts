/**
 * The compatibility gate: classify contract changes by Confluent Schema Registry's JSON Schema rules.
 *
 * The stages, one a file: ./snapshot.ts reads two contracts; ./effective.ts follows `$ref`s and splits schemas into
 * one alternative per JSON type; ./compare.ts walks both contracts DTO by DTO and classifies each difference into a
 * rule of ./rules.ts (as a Finding, ./findings.ts); ./versions.ts checks the major versions; ./gate.ts decides which
 * findings fail in a mode; ./report.ts writes the report as text. runGate below composes them.
 */
import { diffContracts } from './compare';
import { judge, type GateOptions, type GateReport } from './gate';
import type { ContractSnapshot } from './snapshot';
import { compareVersions } from './versions';

/** The gate: both contracts' versions checked, every difference classified, each finding judged in `options.mode`. */
export function runGate(baseline: ContractSnapshot, current: ContractSnapshot, options: GateOptions): GateReport {
  const versions = compareVersions(baseline, current, options.generatedSchemas);
  const findings = [...versions.findings, ...diffContracts(baseline, current)];
  return judge(baseline, current, versions, findings, options.mode);
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
