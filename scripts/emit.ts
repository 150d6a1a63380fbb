/**
 * Stage 4 — emit: writes generated files, or with --check compares them with
 * what is on disk and reports every file that drifted.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

export interface GeneratedFile {
  path: string;
  content: string;
}

export function banner(commentPrefix: string, sources: string[]): string {
  return [
    `${commentPrefix} GENERATED FILE — DO NOT EDIT.`,
    `${commentPrefix} Made by \`npm run generate\` (scripts/index.ts) from ${sources.join(', ')}.`,
    `${commentPrefix} Edit the schemas in contract/ and regenerate; CI fails when this file drifts.`,
  ].join('\n');
}

/** Returns the files whose content on disk differs (all of them are rewritten unless `check`). */
export function emit(files: GeneratedFile[], root: string, check: boolean): string[] {
  const drifted: string[] = [];
  for (const file of files) {
    const current = existsSync(file.path) ? readFileSync(file.path, 'utf8') : undefined;
    if (current === file.content) continue;
    drifted.push(relative(root, file.path));
    if (!check) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.content);
    }
  }
  return drifted;
}
