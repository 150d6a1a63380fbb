/**
 * `pynenc-contract compat --against <folder|git ref>`: the compatibility gate
 * (src/compat) on the command line. Exit 0 when the contract is compatible with
 * the baseline in the mode (or its major version was bumped), 1 when not, 2
 * when either contract cannot be read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { COMPAT_MODES, formatGateReport, loadBaseline, loadSnapshotFromFolder, runGate, type CompatMode } from '../compat';
import { EXIT_INVALID, EXIT_OK, UsageError } from './io';

export interface CompatOptions {
  against: string;
  mode: string;
  format: 'text' | 'json';
  contract: string;
  /** Path of generated/schemas.ts, or false to skip that check. */
  generated?: string | false;
}

export function runCompat(options: CompatOptions): number {
  if (!(COMPAT_MODES as readonly string[]).includes(options.mode)) {
    throw new UsageError(`--mode must be one of ${COMPAT_MODES.join(', ')}, got ${JSON.stringify(options.mode)}`);
  }
  const contractDir = resolve(options.contract);
  const current = loadSnapshotFromFolder(contractDir);
  const baseline = loadBaseline(options.against, contractDir);
  const generatedPath =
    options.generated === false ? undefined : resolve(options.generated ?? join(dirname(contractDir), 'generated', 'schemas.ts'));
  if (options.generated && generatedPath && !existsSync(generatedPath)) throw new UsageError(`--generated ${options.generated}: no such file`);
  const generatedSchemas =
    generatedPath && existsSync(generatedPath)
      ? { path: relative(process.cwd(), generatedPath) || generatedPath, text: readFileSync(generatedPath, 'utf8') }
      : undefined;
  const report = runGate(
    { ...baseline, source: displayPath(baseline.source) },
    { ...current, source: displayPath(current.source) },
    { mode: options.mode as CompatMode, ...(generatedSchemas ? { generatedSchemas } : {}) },
  );
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(formatGateReport(report));
  return report.ok ? EXIT_OK : EXIT_INVALID;
}

function displayPath(source: string): string {
  if (!source.startsWith('/')) return source;
  const rel = relative(process.cwd(), source);
  return rel === '' ? '.' : rel.startsWith('..') ? source : rel;
}
