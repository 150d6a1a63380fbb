/**
 * Stage 2 beside the comparison — version bookkeeping: the major version every `$id` of a contract carries, and
 * the findings about it (one contract with several versions, a version going down, generated/schemas.ts out of
 * step with the contract).
 */
import { CONTRACT_SCOPE, finding, show, type Finding } from './findings';
import { InvalidArgumentError, requireString } from '../errors';
import { requireSnapshot, type ContractSnapshot } from './snapshot';

export interface ContractVersion {
  /** The one major version of every `$id`, when they agree. */
  version: number | undefined;
  /** What disagrees, one line each. */
  problems: string[];
}

const MAJOR_VERSION = /\/v(\d+)\//;

/** The major version (`/v<N>/`) every `$id` of the snapshot carries. */
export function contractVersion(snapshot: ContractSnapshot): ContractVersion {
  requireSnapshot('contractVersion', 'snapshot', snapshot);
  const versions = new Map<number, string[]>();
  const problems: string[] = [];
  for (const [file, schema] of snapshot.files) {
    const id = schema.$id;
    const match = typeof id === 'string' ? MAJOR_VERSION.exec(id) : null;
    if (!match) {
      problems.push(`${file}: $id ${show(id)} carries no /v<N>/ major version`);
      continue;
    }
    const version = Number(match[1]);
    versions.set(version, [...(versions.get(version) ?? []), file]);
  }
  if (versions.size > 1) {
    const each = [...versions].map(([version, files]) => `v${version} (${files.join(', ')})`).join('; ');
    problems.push(`$ids carry different major versions: ${each}`);
  }
  return { version: versions.size === 1 ? [...versions.keys()][0] : undefined, problems };
}

/** Checks generated/schemas.ts against the contract's major version. */
export function generatedVersionProblems(text: string, version: number): string[] {
  requireString('generatedVersionProblems', 'text', text);
  if (typeof version !== 'number') {
    throw new InvalidArgumentError('generatedVersionProblems', 'version', 'a major version number', version);
  }
  const problems: string[] = [];
  const declared = /export const CONTRACT_VERSION = (\d+)/.exec(text);
  if (!declared) problems.push('declares no CONTRACT_VERSION');
  else if (Number(declared[1]) !== version) {
    problems.push(`CONTRACT_VERSION is ${declared[1]}, the contract's $ids say ${version}`);
  }
  const ids = [...text.matchAll(/"\$id":\s*"([^"]*)"/g)].map((m) => m[1]!);
  if (ids.length === 0) problems.push('embeds no schema $id');
  for (const id of ids) {
    const match = MAJOR_VERSION.exec(id);
    if (!match || Number(match[1]) !== version) problems.push(`embeds $id ${id}, not v${version}`);
  }
  return problems;
}

export interface Versions {
  baseline: number | undefined;
  current: number | undefined;
  /** VERSION_INCONSISTENT, VERSION_DECREASED and GENERATED_VERSION_MISMATCH findings. */
  findings: Finding[];
}

/** The two contracts' major versions, and what is wrong with them. */
export function compareVersions(
  baseline: ContractSnapshot,
  current: ContractSnapshot,
  generatedSchemas?: { path: string; text: string },
): Versions {
  const base = contractVersion(baseline);
  const now = contractVersion(current);
  const findings: Finding[] = [];
  const add = (rule: Finding['rule'], message: string): void => {
    findings.push(finding(rule, CONTRACT_SCOPE, '', message));
  };
  for (const problem of base.problems) add('VERSION_INCONSISTENT', `baseline ${baseline.source}: ${problem}`);
  for (const problem of now.problems) add('VERSION_INCONSISTENT', `${current.source}: ${problem}`);
  if (base.version !== undefined && now.version !== undefined && now.version < base.version) {
    add('VERSION_DECREASED', `major version v${now.version} is lower than the baseline's v${base.version}`);
  }
  if (generatedSchemas && now.version !== undefined) {
    for (const problem of generatedVersionProblems(generatedSchemas.text, now.version)) {
      add('GENERATED_VERSION_MISMATCH', `${generatedSchemas.path} ${problem}`);
    }
  }
  return { baseline: base.version, current: now.version, findings };
}
