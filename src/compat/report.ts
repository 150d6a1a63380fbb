/** Stage 4 — the report as text: one line per finding, then the verdict. */
import { ABSENT_FILE } from './findings';
import type { GateReport } from './gate';
import { breaksMode } from './rules';

function verdict(breaks: boolean): string {
  return breaks ? 'BREAKS' : 'ok';
}

function versionText(version: number | undefined): string {
  return version === undefined ? 'v?' : `v${version}`;
}

/** The report as lines of text: one per finding, then a verdict. */
export function formatGateReport(report: GateReport): string {
  const { baseline, current } = report;
  const lines = [
    `compat ${report.mode}: ${current.source} (${versionText(current.version)}) ` +
      `against ${baseline.source} (${versionText(baseline.version)})`,
  ];
  for (const f of report.findings) {
    const where = f.currentAt ?? f.baselineAt;
    const via = where && !where.startsWith(ABSENT_FILE) && !where.endsWith(`#${f.pointer}`) ? ` [${where}]` : '';
    const mark = f.fails ? 'FAIL' : 'info';
    const kind = f.policy ? 'policy' : `backward ${verdict(f.breaksBackward)}, forward ${verdict(f.breaksForward)}`;
    lines.push(`${mark} ${f.dto} ${f.pointer || '/'}: ${f.rule} (${kind}) ${f.message}${via}`);
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
