/**
 * `pynenc-contract compat --against <folder|git ref>`: the compatibility gate
 * (src/compat) on the command line. Exit 0 when the contract is compatible with
 * the baseline in the mode (or its major version was bumped), 1 when not, 2
 * when either contract cannot be read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  COMPAT_MODES,
  formatGateReport,
  loadBaseline,
  loadSnapshotFromFolder,
  runGate,
  type CompatMode,
} from '../compat';
import { packageRoot } from './generate';
import { EXIT_INVALID, EXIT_OK, UsageError } from './io';

interface CompatOptions {
  /** A folder or git ref; default: the newest baseline shipped in the package (contract/baselines/v<N>). */
  against?: string;
  mode: string;
  format: 'text' | 'json';
  /** Default: ./contract when it holds *.schema.json files, else the package's own contract folder. */
  contract?: string;
  /** Path of generated/schemas.ts, or false to skip that check. */
  generated?: string | false;
}

export function runCompat(options: CompatOptions): number {
  if (!(COMPAT_MODES as readonly string[]).includes(options.mode)) {
    throw new UsageError(`--mode must be one of ${COMPAT_MODES.join(', ')}, got ${JSON.stringify(options.mode)}`);
  }
  const contractDir = resolve(options.contract ?? defaultContractDir());
  const current = loadSnapshotFromFolder(contractDir);
  const baseline = loadBaseline(options.against ?? shippedBaseline(), contractDir);
  const generatedPath =
    options.generated === false
      ? undefined
      : resolve(options.generated ?? join(dirname(contractDir), 'generated', 'schemas.ts'));
  if (options.generated && generatedPath && !existsSync(generatedPath))
    throw new UsageError(`--generated ${options.generated}: no such file`);
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

/** ./contract when it holds schemas (a checkout, or a consumer's copy), else the package's own contract folder. */
function defaultContractDir(): string {
  const here = resolve('contract');
  const hasSchemas = existsSync(here) && readdirSync(here).some((f) => f.endsWith('.schema.json'));
  return hasSchemas ? here : join(packageRoot(), 'contract');
}

/** The newest baseline the package ships: contract/baselines/v<N> with the highest N (the files ship with npm). */
function shippedBaseline(root = packageRoot()): string {
  const dir = join(root, 'contract', 'baselines');
  const majors = existsSync(dir)
    ? readdirSync(dir).flatMap((f) => (/^v(\d+)$/.exec(f) ? [Number(f.slice(1))] : []))
    : [];
  if (!majors.length) throw new UsageError(`--against: no baseline shipped in ${dir}; name a folder or a git ref`);
  return join(dir, `v${Math.max(...majors)}`);
}

function displayPath(source: string): string {
  if (!source.startsWith('/')) return source;
  const rel = relative(process.cwd(), source);
  return rel === '' ? '.' : rel.startsWith('..') ? source : rel;
}
