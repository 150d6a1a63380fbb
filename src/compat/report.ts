/** Stage 4 — the report as text: one line per finding, then the verdict. */
import { InvalidArgumentError } from '../errors';
import { ABSENT_FILE } from './findings';
import type { GateFinding, GateReport } from './gate';
import { COMPAT_MODES, breaksMode } from './rules';

function verdict(breaks: boolean): string {
  return breaks ? 'BREAKS' : 'ok';
}

function versionText(version: number | undefined): string {
  return version === undefined ? 'v?' : `v${version}`;
}

/** The report as lines of text: one per finding, then a verdict. */
export function formatGateReport(report: GateReport): string {
  if (!isGateReport(report)) {
    throw new InvalidArgumentError('formatGateReport', 'report', 'a GateReport (as runGate returns it)', report);
  }
  const { baseline, current } = report;
  const lines = [
    `compat ${report.mode}: ${current.source} (${versionText(current.version)}) ` +
      `against ${baseline.source} (${versionText(baseline.version)})`,
  ];
  for (const finding of report.findings) {
    const where = finding.currentAt ?? finding.baselineAt;
    const via = where && !where.startsWith(ABSENT_FILE) && !where.endsWith(`#${finding.pointer}`) ? ` [${where}]` : '';
    const mark = finding.fails ? 'FAIL' : 'info';
    const kind = finding.policy
      ? 'policy'
      : `backward ${verdict(finding.breaksBackward)}, forward ${verdict(finding.breaksForward)}`;
    lines.push(`${mark} ${finding.dto} ${finding.pointer || '/'}: ${finding.rule} (${kind}) ${finding.message}${via}`);
  }
  const count = report.findings.length;
  const breaking = report.findings.filter((f) => !f.policy && breaksMode(f, report.mode)).length;
  const summary = [`${count} change${count === 1 ? '' : 's'}`, `${breaking} breaking ${report.mode} compatibility`];
  if (report.majorBumped && breaking > 0) {
    summary.push(
      `allowed by the major version bump ${versionText(baseline.version)} → ${versionText(current.version)}`,
    );
  }
  lines.push(`${summary.join(', ')}; ${report.ok ? 'PASS' : `FAIL (${report.failures} failing)`}`);
  return lines.join('\n') + '\n';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** True when `value` has what formatGateReport reads, each of the type runGate gives it. */
function isGateReport(value: unknown): value is GateReport {
  if (!isObject(value) || !COMPAT_MODES.includes(value.mode as GateReport['mode'])) return false;
  const sides = [value.baseline, value.current];
  return (
    sides.every(
      (side) =>
        isObject(side) &&
        typeof side.source === 'string' &&
        (side.version === undefined || typeof side.version === 'number'),
    ) &&
    typeof value.majorBumped === 'boolean' &&
    typeof value.ok === 'boolean' &&
    typeof value.failures === 'number' &&
    Array.isArray(value.findings) &&
    value.findings.every(isGateFinding)
  );
}

function isGateFinding(value: unknown): value is GateFinding {
  return (
    isObject(value) &&
    ['dto', 'pointer', 'rule', 'message'].every((field) => typeof value[field] === 'string') &&
    ['fails', 'policy', 'breaksBackward', 'breaksForward'].every((field) => typeof value[field] === 'boolean') &&
    isOptionalString(value.currentAt) &&
    isOptionalString(value.baselineAt)
  );
}
