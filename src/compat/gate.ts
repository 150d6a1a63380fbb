/**
 * The compatibility gate: diff two contracts, decide pass/fail for a mode.
 *
 * A finding fails the gate when it breaks the mode (backward: a reader on the
 * current contract rejects a document the baseline accepted; forward: the
 * reverse; full: either), unless the current contract's major version — every
 * `$id`, and the generated CONTRACT_VERSION — is higher than the baseline's.
 * Policy findings (reserved fields, version bookkeeping) fail in every mode,
 * bump or not.
 */
import { breaksMode, type CompatMode } from './rules';
import { CONTRACT_SCOPE, contractVersion, diffContracts, type Finding } from './diff';
import type { ContractSnapshot } from './snapshot';
import { RULES } from './rules';

export interface GateOptions {
  mode: CompatMode;
  /**
   * Text of generated/schemas.ts for the current contract, to check that its
   * CONTRACT_VERSION and `$id`s agree with the contract's `$id`s. Omit when the
   * current contract has no generated module beside it.
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

function contractFinding(rule: Finding['rule'], message: string): Finding {
  const info = RULES[rule];
  return {
    rule,
    dto: CONTRACT_SCOPE,
    pointer: '',
    breaksBackward: info.breaksBackward,
    breaksForward: info.breaksForward,
    policy: info.policy === true,
    message,
  };
}

/** Checks generated/schemas.ts against the contract's major version. */
export function generatedVersionProblems(text: string, version: number): string[] {
  const problems: string[] = [];
  const declared = /export const CONTRACT_VERSION = (\d+)/.exec(text);
  if (!declared) problems.push('declares no CONTRACT_VERSION');
  else if (Number(declared[1]) !== version) problems.push(`CONTRACT_VERSION is ${declared[1]}, the contract's $ids say ${version}`);
  const ids = [...text.matchAll(/"\$id":\s*"([^"]*)"/g)].map((m) => m[1]!);
  if (ids.length === 0) problems.push('embeds no schema $id');
  for (const id of ids) {
    const m = /\/v(\d+)\//.exec(id);
    if (!m || Number(m[1]) !== version) problems.push(`embeds $id ${id}, not v${version}`);
  }
  return problems;
}

export function runGate(baseline: ContractSnapshot, current: ContractSnapshot, options: GateOptions): GateReport {
  const vb = contractVersion(baseline);
  const vc = contractVersion(current);
  const findings: Finding[] = [];
  for (const p of vb.problems) findings.push(contractFinding('VERSION_INCONSISTENT', `baseline ${baseline.source}: ${p}`));
  for (const p of vc.problems) findings.push(contractFinding('VERSION_INCONSISTENT', `${current.source}: ${p}`));
  if (vb.version !== undefined && vc.version !== undefined && vc.version < vb.version) {
    findings.push(contractFinding('VERSION_DECREASED', `major version v${vc.version} is lower than the baseline's v${vb.version}`));
  }
  if (options.generatedSchemas && vc.version !== undefined) {
    for (const p of generatedVersionProblems(options.generatedSchemas.text, vc.version)) {
      findings.push(contractFinding('GENERATED_VERSION_MISMATCH', `${options.generatedSchemas.path} ${p}`));
    }
  }
  findings.push(...diffContracts(baseline, current));

  const versionTrusted = !findings.some((f) => f.rule === 'VERSION_INCONSISTENT' || f.rule === 'GENERATED_VERSION_MISMATCH');
  const majorBumped = versionTrusted && vb.version !== undefined && vc.version !== undefined && vc.version > vb.version;
  const marked: GateFinding[] = findings.map((f) => ({ ...f, fails: f.policy || (!majorBumped && breaksMode(f, options.mode)) }));
  const failures = marked.filter((f) => f.fails).length;
  return {
    mode: options.mode,
    baseline: { source: baseline.source, version: vb.version },
    current: { source: current.source, version: vc.version },
    majorBumped,
    findings: marked,
    failures,
    ok: failures === 0,
  };
}

function verdict(breaks: boolean): string {
  return breaks ? 'BREAKS' : 'ok';
}

/** The report as lines of text: one per finding, then a verdict. */
export function formatGateReport(report: GateReport): string {
  const v = (x: number | undefined): string => (x === undefined ? 'v?' : `v${x}`);
  const lines = [
    `compat ${report.mode}: ${report.current.source} (${v(report.current.version)}) against ${report.baseline.source} (${v(report.baseline.version)})`,
  ];
  for (const f of report.findings) {
    const where = f.currentAt ?? f.baselineAt;
    const via = where && !where.startsWith('(absent)') && !where.endsWith(`#${f.pointer}`) ? ` [${where}]` : '';
    const mark = f.fails ? 'FAIL' : 'info';
    const kind = f.policy ? 'policy' : `backward ${verdict(f.breaksBackward)}, forward ${verdict(f.breaksForward)}`;
    lines.push(`${mark} ${f.dto} ${f.pointer || '/'}: ${f.rule} (${kind}) ${f.message}${via}`);
  }
  const breaking = report.findings.filter((f) => !f.policy && breaksMode(f, report.mode)).length;
  const summary = [`${report.findings.length} change${report.findings.length === 1 ? '' : 's'}`, `${breaking} breaking ${report.mode} compatibility`];
  if (report.majorBumped && breaking > 0) summary.push(`allowed by the major version bump ${v(report.baseline.version)} → ${v(report.current.version)}`);
  lines.push(`${summary.join(', ')}; ${report.ok ? 'PASS' : `FAIL (${report.failures} failing)`}`);
  return lines.join('\n') + '\n';
}
