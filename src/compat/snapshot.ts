/**
 * A contract as the gate compares it: the `*.schema.json` files of one folder,
 * read from the file system or from a git ref. Reading is the only I/O in
 * src/compat; everything else works on these snapshots.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ContractError, InvalidArgumentError, requireString } from '../errors';
import type { JsonSchema } from '../spec/json-schema';
import { isNonArrayObject } from '../spec/json-value';

export interface ContractSnapshot {
  /** Where it came from, for messages: a folder path or `<ref>:<path>`. */
  source: string;
  /** File name (`event-record.schema.json`) → parsed schema, sorted by name. */
  files: ReadonlyMap<string, JsonSchema>;
}

/** A baseline or contract that cannot be read (missing folder, unknown ref, bad JSON). */
export class CompatInputError extends ContractError {
  override readonly name = 'CompatInputError';
  readonly code = 'COMPAT_INPUT';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

const SCHEMA_SUFFIX = '.schema.json';

/**
 * `value` when it is a ContractSnapshot as the loaders make it (a string `source`, a Map of file name → schema
 * object), else InvalidArgumentError naming `callee`'s `argument`. The schemas' content is the gate's to judge.
 */
export function requireSnapshot(callee: string, argument: string, value: unknown): ContractSnapshot {
  const snapshot = value as Partial<ContractSnapshot> | null;
  const ok =
    typeof snapshot === 'object' &&
    snapshot !== null &&
    typeof snapshot.source === 'string' &&
    snapshot.files instanceof Map &&
    [...snapshot.files].every(([name, schema]) => typeof name === 'string' && isNonArrayObject(schema));
  if (ok) return value as ContractSnapshot;
  const expected = 'a ContractSnapshot ({ source: string, files: Map of file name → schema object })';
  throw new InvalidArgumentError(callee, argument, expected, value);
}

/** Builds a snapshot from file name → JSON text. */
export function snapshotFromTexts(source: string, texts: ReadonlyMap<string, string>): ContractSnapshot {
  requireString('snapshotFromTexts', 'source', source);
  if (
    !(texts instanceof Map) ||
    ![...texts].every(([name, text]) => typeof name === 'string' && typeof text === 'string')
  ) {
    throw new InvalidArgumentError('snapshotFromTexts', 'texts', 'a Map of file name → JSON text', texts);
  }
  const files = new Map<string, JsonSchema>();
  for (const name of [...texts.keys()].sort()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(texts.get(name)!);
    } catch (err) {
      throw new CompatInputError(`${source}/${name}: not JSON: ${(err as Error).message}`, err);
    }
    if (!isNonArrayObject(parsed)) {
      throw new CompatInputError(`${source}/${name}: a schema file must hold a JSON object`);
    }
    files.set(name, parsed as JsonSchema);
  }
  if (files.size === 0) throw new CompatInputError(`${source}: no *${SCHEMA_SUFFIX} files`);
  return { source, files };
}

/** Reads `<dir>/*.schema.json` (not subfolders). */
export function loadSnapshotFromFolder(dir: string): ContractSnapshot {
  requireString('loadSnapshotFromFolder', 'dir', dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CompatInputError(`${dir}: not a folder`);
  const texts = new Map<string, string>();
  let path = dir;
  try {
    for (const name of readdirSync(dir).filter((file) => file.endsWith(SCHEMA_SUFFIX))) {
      path = join(dir, name);
      texts.set(name, readFileSync(path, 'utf8'));
    }
  } catch (err) {
    throw new CompatInputError(`${path}: cannot be read: ${(err as Error).message}`, err);
  }
  return snapshotFromTexts(dir, texts);
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** True when `ref` names a commit in the repository around `cwd`. */
export function isGitRef(ref: string, cwd: string): boolean {
  requireString('isGitRef', 'cwd', cwd);
  if (requireString('isGitRef', 'ref', ref).startsWith('-')) return false;
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the `*.schema.json` files of `contractDir` (a folder inside a git work
 * tree) as they are at `ref`: `git ls-tree` lists them, `git show` reads them.
 */
export function loadSnapshotFromGit(ref: string, contractDir: string): ContractSnapshot {
  requireString('loadSnapshotFromGit', 'ref', ref);
  requireString('loadSnapshotFromGit', 'contractDir', contractDir);
  const dir = resolve(contractDir);
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], existsSync(dir) ? dir : process.cwd()).trim();
  } catch (err) {
    throw new CompatInputError(`${contractDir}: not inside a git work tree, so git ref ${ref} cannot be read`, err);
  }
  const rel = relative(top, dir).split('\\').join('/');
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new CompatInputError(`${contractDir}: outside the git work tree ${top}`);
  const prefix = rel === '' ? '' : `${rel}/`;
  let listing: string;
  try {
    listing = git(['ls-tree', '--name-only', ref, '--', prefix || '.'], top);
  } catch (err) {
    throw new CompatInputError(`git ref ${ref}: cannot list ${prefix || '.'}: ${gitMessage(err)}`, err);
  }
  const texts = new Map<string, string>();
  for (const path of listing.split('\n').filter((line) => line.endsWith(SCHEMA_SUFFIX))) {
    const name = path.slice(prefix.length);
    if (name.includes('/')) continue;
    try {
      texts.set(name, git(['show', `${ref}:${path}`], top));
    } catch (err) {
      throw new CompatInputError(`git ref ${ref}: cannot read ${path}: ${gitMessage(err)}`, err);
    }
  }
  return snapshotFromTexts(`${ref}:${prefix || './'}`, texts);
}

function gitMessage(err: unknown): string {
  const stderr = (err as { stderr?: string }).stderr;
  return (stderr || (err as Error).message || String(err)).trim().split('\n')[0] ?? '';
}

/**
 * `--against` argument → snapshot: an existing folder is read as a folder;
 * anything else must be a git ref, whose copy of `contractDir` is read.
 */
export function loadBaseline(against: string, contractDir: string, cwd = process.cwd()): ContractSnapshot {
  requireString('loadBaseline', 'against', against);
  requireString('loadBaseline', 'contractDir', contractDir);
  requireString('loadBaseline', 'cwd', cwd);
  const asPath = resolve(cwd, against);
  if (existsSync(asPath) && statSync(asPath).isDirectory()) return loadSnapshotFromFolder(asPath);
  const probe = existsSync(contractDir) ? contractDir : cwd;
  if (isGitRef(against, probe)) return loadSnapshotFromGit(against, contractDir);
  throw new CompatInputError(
    `--against ${against}: neither a folder nor a git ref (commit, branch or tag) of this repository`,
  );
}
