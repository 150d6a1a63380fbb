/**
 * Temporary folders for tests, benches and fuzz runs: one way to make one
 * (under the OS temp dir, named by a prefix) and to remove it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh, empty folder under the OS temp dir whose name starts with `prefix`. */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes `dir` and everything in it (nothing when `dir` is undefined or already gone). */
export function removeTempDir(dir: string | undefined): void {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}

/** `run` with a fresh folder, removed afterwards (also when `run` throws). */
export function withTempDir<T>(prefix: string, run: (dir: string) => T): T {
  const dir = makeTempDir(prefix);
  try {
    return run(dir);
  } finally {
    removeTempDir(dir);
  }
}

/** `run` with a fresh folder, removed once its promise settles. */
export async function withTempDirAsync<T>(prefix: string, run: (dir: string) => Promise<T>): Promise<T> {
  const dir = makeTempDir(prefix);
  try {
    return await run(dir);
  } finally {
    removeTempDir(dir);
  }
}
