/**
 * Stage 1 — load: reads contract/ into memory and checks the facts every later
 * stage relies on (one major version across all $ids, titles, file naming).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from '../src/spec/json-schema';
import { documentsById, resolveRef } from '../src/spec/refs';

export interface SchemaFile {
  /** File name inside contract/, e.g. `event-record.schema.json`. */
  file: string;
  /** The schema's `title`: the DTO name for DTO schemas. */
  title: string;
  id: string;
  schema: JsonSchema;
}

export interface Contract {
  dir: string;
  /** Major version carried by every `$id` (…/v1/…). */
  version: number;
  /** Shared definitions (`common.schema.json`). */
  common: SchemaFile;
  /** One per DTO, ordered by title (deterministic). */
  dtos: SchemaFile[];
}

export const COMMON_FILE = 'common.schema.json';

export function loadContract(dir: string): Contract {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
  const loaded = files.map((file) => readSchemaFile(dir, file));
  const versions = new Set(loaded.map((s) => versionOf(s)));
  if (versions.size !== 1) {
    throw new Error(`contract/: every $id must carry the same major version, found v${[...versions].join(', v')}`);
  }
  const common = loaded.find((s) => s.file === COMMON_FILE);
  if (!common) throw new Error(`contract/: ${COMMON_FILE} is missing`);
  return {
    dir,
    version: [...versions][0]!,
    common,
    dtos: loaded.filter((s) => s !== common).sort((a, b) => (a.title < b.title ? -1 : 1)),
  };
}

function readSchemaFile(dir: string, file: string): SchemaFile {
  const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonSchema;
  const { title, $id } = schema;
  if (typeof title !== 'string' || typeof $id !== 'string') {
    throw new Error(`contract/${file}: needs a string "title" and "$id"`);
  }
  if (!$id.endsWith(`/${file}`)) throw new Error(`contract/${file}: $id must end with /${file}`);
  return { file, title, id: $id, schema };
}

function versionOf(file: SchemaFile): number {
  const match = /\/v(\d+)\//.exec(file.id);
  if (!match) throw new Error(`contract/${file.file}: $id must carry the major version as /v<N>/`);
  return Number(match[1]);
}

/** The declared type name a `$ref` (held by the document whose `$id` is `base`) names, if any. */
export type RefTitles = (ref: string, base: string) => string | undefined;

/**
 * Names of what `$ref`s point at: a DTO schema is named by its title, a common.schema.json `$defs` entry by its
 * title, else its key. The `$ref` is followed (src/spec/refs.ts), so any spelling of the same target names it.
 */
export function refTitles(contract: Contract): RefTitles {
  const names = new Map<unknown, string>();
  for (const dto of contract.dtos) names.set(dto.schema, dto.title);
  const defs = (contract.common.schema.$defs ?? {}) as Record<string, JsonSchema>;
  for (const [key, def] of Object.entries(defs)) names.set(def, String(def.title ?? key));
  const documents = documentsById([contract.common, ...contract.dtos].map((file) => file.schema));
  return (ref, base) => {
    const target = resolveRef(ref, base, documents);
    return target === undefined ? undefined : names.get(target.node);
  };
}
