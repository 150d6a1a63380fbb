/**
 * `npm run baseline` — freezes the contract as the baseline the compatibility
 * gate compares against: copies contract/*.schema.json, byte for byte, into
 * contract/baselines/v<major>/ (the major version every $id carries).
 *
 * Run it once when a major version is released. A committed folder, not a git
 * tag or commit: CI works on a shallow clone of main, which has neither the
 * tag nor the old commit, and a folder shows in review exactly what the gate
 * holds the contract to. It refuses to overwrite an existing baseline unless
 * given --force (re-freezing is for a version not yet released).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContract } from './contract';

const ROOT = resolve(__dirname, '..');

function freezeBaseline(root: string, force: boolean): string {
  const dir = join(root, 'contract');
  const contract = loadContract(dir);
  const target = join(dir, 'baselines', `v${contract.version}`);
  if (existsSync(target)) {
    if (!force)
      throw new Error(
        `${relative(root, target)} exists; a released baseline is never rewritten ` +
          '(--force to re-freeze an unreleased one)',
      );
    rmSync(target, { recursive: true });
  }
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json')))
    copyFileSync(join(dir, file), join(target, file));
  return target;
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { force: { type: 'boolean', default: false }, root: { type: 'string', default: ROOT } },
  });
  try {
    const target = freezeBaseline(resolve(values.root ?? ROOT), values.force ?? false);
    console.log(`froze contract/*.schema.json into ${relative(process.cwd(), target) || target}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
