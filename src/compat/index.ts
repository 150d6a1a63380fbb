/** The compatibility gate: classify contract changes by Confluent Schema Registry's JSON Schema rules. */
export { RULES, RULE_IDS, COMPAT_MODES, BOUND_KEYWORDS, breaksMode, type RuleId, type RuleInfo, type CompatMode } from './rules';
export { diffContracts, contractVersion, dtoFiles, CONTRACT_SCOPE, COMMON_FILE, type Finding, type ContractVersion } from './diff';
export { runGate, formatGateReport, generatedVersionProblems, type GateOptions, type GateReport, type GateFinding } from './gate';
export {
  loadBaseline,
  loadSnapshotFromFolder,
  loadSnapshotFromGit,
  snapshotFromTexts,
  isGitRef,
  CompatInputError,
  type ContractSnapshot,
  type SchemaObject,
} from './snapshot';
