/**
 * What a user would pick instead of this package, built from the same
 * contract at bench time (nothing here is a hand-written copy of a schema):
 * - Zod 4 schemas from the JSON Schema: zod-from-json-schema (the whole
 *   contract), and Zod's own `z.fromJSONSchema`, which refuses if/then/else
 *   and `not`, so it gets the schemas with the conditionals left out (it
 *   checks less: reported as such);
 * - quicktype: the TypeScript converter (`Convert.toX` / `Convert.xToJson`,
 *   runtime type checks on) it generates from the same schemas, transpiled
 *   and loaded from a temporary directory (never written into the repo).
 * Both take self-contained schemas, so `bundle` inlines what a DTO schema
 * references (common.schema.json definitions, nested DTO schemas) under
 * `$defs` and rewrites the `$ref`s to point there.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputData, JSONSchemaInput, quicktype } from 'quicktype-core';
import ts from 'typescript';
import { z } from 'zod';
import { convertJsonSchemaToZod } from 'zod-from-json-schema';
import { commonSchema, DTO_NAMES, schemas, type DtoName } from '../generated/schemas';
import { escapePointerToken } from '../src/spec/json-pointer';
import { documentUri, parseRef } from '../src/spec/refs';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

type Json = { [key: string]: unknown };

const byId = new Map<string, { name: string; schema: Json }>();
byId.set(documentUri(String(commonSchema.$id))!, { name: '', schema: commonSchema as Json });
for (const dto of DTO_NAMES)
  byId.set(documentUri(String(schemas[dto].$id))!, { name: dto, schema: schemas[dto] as Json });

/**
 * One DTO schema with everything it references under its own `$defs`, every
 * `$ref` local. `dropConditionals` leaves out `allOf` lists made only of
 * if/then/else (what `z.fromJSONSchema` cannot read).
 */
export function bundle(dto: DtoName, dropConditionals = false): Json {
  const defs: Record<string, unknown> = {};
  const rootId = documentUri(String(schemas[dto].$id))!;
  const localName = (ref: string, base: string): string => {
    const target = parseRef(ref, base); // the one $ref reader (src/spec/refs.ts): ~0/~1 and percent-decoding
    const owner = target && byId.get(target.document);
    if (!target?.tokens || !owner) throw new Error(`${dto}: cannot resolve $ref ${ref} in ${base}`);
    if (target.tokens.length === 0) {
      if (target.document === rootId) return '#';
      if (!(owner.name in defs)) {
        defs[owner.name] = {};
        defs[owner.name] = rewrite(strip(owner.schema), target.document);
      }
      return `#/$defs/${owner.name}`;
    }
    const [defsKeyword, name, ...rest] = target.tokens;
    if (defsKeyword !== '$defs' || name === undefined || rest.length > 0) {
      throw new Error(`${dto}: unsupported $ref ${target.href}`);
    }
    const key = target.document === rootId ? name : `${owner.name || 'common'}_${name}`;
    if (!(key in defs)) {
      defs[key] = {};
      defs[key] = rewrite((owner.schema.$defs as Json)[name], target.document);
    }
    return `#/$defs/${escapePointerToken(key)}`;
  };
  const rewrite = (node: unknown, base: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, base));
    if (node === null || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === 'examples') continue;
      if (key === '$ref' && typeof value === 'string') out.$ref = localName(value, base);
      else out[key] = rewrite(value, base);
    }
    if (
      dropConditionals &&
      Array.isArray(out.allOf) &&
      out.allOf.every((c) => typeof c === 'object' && c !== null && 'if' in c)
    ) {
      delete out.allOf;
    }
    return out;
  };
  const root = rewrite(strip(schemas[dto] as Json), rootId) as Json;
  return { $schema: schemas[dto].$schema, ...root, $defs: { ...((root.$defs as Json) ?? {}), ...defs } };
}

function strip(schema: Json): Json {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}

export type ZodSchemas = Record<DtoName, { safeParse(value: unknown): { success: boolean } }>;

/** zod-from-json-schema: every keyword of the contract, conditionals included. */
export function zodSchemas(): ZodSchemas {
  return Object.fromEntries(
    DTO_NAMES.map((dto) => [dto, convertJsonSchemaToZod(bundle(dto) as Parameters<typeof convertJsonSchemaToZod>[0])]),
  ) as unknown as ZodSchemas;
}

/** Zod's own import; without the if/then/else conditionals, which it refuses. */
export function zodNativeSchemas(): ZodSchemas {
  return Object.fromEntries(
    DTO_NAMES.map((dto) => [dto, z.fromJSONSchema(bundle(dto, true) as Parameters<typeof z.fromJSONSchema>[0])]),
  ) as unknown as ZodSchemas;
}

/** Whether z.fromJSONSchema takes the full contract (it did not in zod 4.6: if/then/else). */
export function zodNativeRefusal(): string | undefined {
  try {
    for (const dto of DTO_NAMES) z.fromJSONSchema(bundle(dto) as Parameters<typeof z.fromJSONSchema>[0]);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** How many conformance vectors (contract/vectors) a checker judges as the contract does. */
export function vectorAgreement(check: (dto: DtoName, value: unknown) => boolean): { agree: number; total: number } {
  let agree = 0;
  let total = 0;
  for (const dto of readdirSync(VECTORS).filter((d) => (DTO_NAMES as readonly string[]).includes(d)) as DtoName[]) {
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = join(VECTORS, dto, kind);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const { document } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { document: unknown };
        let verdict: boolean;
        try {
          verdict = check(dto, document);
        } catch {
          verdict = false;
        }
        total++;
        if (verdict === (kind === 'valid')) agree++;
      }
    }
  }
  return { agree, total };
}

const VECTORS = join(__dirname, '..', 'contract', 'vectors');

export interface QuicktypeConverter {
  /** `Convert.to<Dto>(json)`: JSON.parse plus quicktype's runtime type check. */
  read(dto: DtoName, text: string): unknown;
  /** `Convert.<dto>ToJson(value)`: the type check plus JSON.stringify. */
  write(dto: DtoName, value: unknown): string;
  /** The generated TypeScript, for the record (lines). */
  lines: number;
  /** The transpiled converter (CommonJS), until dispose(). */
  file: string;
  dispose(): void;
}

export async function quicktypeConverter(): Promise<QuicktypeConverter> {
  const input = new JSONSchemaInput(undefined);
  for (const dto of DTO_NAMES) await input.addSource({ name: dto, schema: JSON.stringify(bundle(dto)) });
  const inputData = new InputData();
  inputData.addInput(input);
  const result = await quicktype({
    inputData,
    lang: 'typescript',
    rendererOptions: { 'runtime-typecheck': 'true', 'just-types': 'false' },
  });
  const source = result.lines.join('\n');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const dir = makeTempDir('contract-bench-quicktype-');
  const file = join(dir, 'converter.js');
  writeFileSync(file, js);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Convert } = require(file) as { Convert: Record<string, (arg: unknown) => unknown> };
  const lower = (dto: string) => dto[0]!.toLowerCase() + dto.slice(1);
  const readers = Object.fromEntries(DTO_NAMES.map((d) => [d, Convert[`to${d}`]!])) as Record<
    DtoName,
    (t: unknown) => unknown
  >;
  const writers = Object.fromEntries(DTO_NAMES.map((d) => [d, Convert[`${lower(d)}ToJson`]!])) as Record<
    DtoName,
    (v: unknown) => unknown
  >;
  for (const dto of DTO_NAMES) {
    if (typeof readers[dto] !== 'function' || typeof writers[dto] !== 'function') {
      throw new Error(`quicktype output has no Convert.to${dto} / ${lower(dto)}ToJson`);
    }
  }
  return {
    read: (dto, text) => readers[dto](text),
    write: (dto, value) => writers[dto](value) as string,
    lines: result.lines.length,
    file,
    dispose: () => removeTempDir(dir),
  };
}
