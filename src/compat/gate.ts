/**
 * Stage 3 — the verdict: which findings fail the gate in a mode.
 *
 * A finding fails the gate when it breaks the mode (backward: a reader on the current contract rejects a document
 * the baseline accepted; forward: the reverse; full: either), unless the current contract's major version — every
 * `$id`, and the generated CONTRACT_VERSION — is higher than the baseline's. Policy findings (reserved fields,
 * version bookkeeping) fail in every mode, bump or not.
 */
import type { Finding } from './findings';
import { breaksMode, type CompatMode } from './rules';
import type { ContractSnapshot } from './snapshot';
import type { Versions } from './versions';

export interface GateOptions {
  mode: CompatMode;
  /**
   * Text of generated/schemas.ts for the current contract, to check that its CONTRACT_VERSION and `$id`s agree with
   * the contract's `$id`s. Omit when the current contract has no generated module beside it.
   */
  generatedSchemas?: { path: string; text: string };
}

export interface GateFinding extends Finding {
  /** True when this finding, by itself, fails the gate. */
  fails: boolean;
}

export interface GateReport {
  mode: CompatMode;
  baseline: { source: string; version: number | undefined };
  current: { source: string; version: number | undefined };
  /** The current major version is higher than the baseline's: breaking changes are allowed. */
  majorBumped: boolean;
  findings: GateFinding[];
  /** How many findings fail the gate. */
  failures: number;
  ok: boolean;
}

/** Marks each finding (the version findings first, then the comparison's) as failing the gate in `mode` or not. */
export function judge(
  baseline: ContractSnapshot,
  current: ContractSnapshot,
  versions: Versions,
  findings: Finding[],
  mode: CompatMode,
): GateReport {
  const versionTrusted = !findings.some(
    (f) => f.rule === 'VERSION_INCONSISTENT' || f.rule === 'GENERATED_VERSION_MISMATCH',
  );
  const majorBumped =
    versionTrusted &&
    versions.baseline !== undefined &&
    versions.current !== undefined &&
    versions.current > versions.baseline;
  const marked: GateFinding[] = findings.map((f) => ({
    ...f,
    fails: f.policy || (!majorBumped && breaksMode(f, mode)),
  }));
  const failures = marked.filter((f) => f.fails).length;
  return {
    mode,
    baseline: { source: baseline.source, version: versions.baseline },
    current: { source: current.source, version: versions.current },
    majorBumped,
    findings: marked,
    failures,
    ok: failures === 0,
  };
}
