/**
 * Stage 2 — normalize for TypeScript: json-schema-to-typescript names a new
 * type for every `$ref` that has sibling keywords (`Id1`, `OptionalId3`, …) and
 * re-declares referenced schemas in every file. We hand it self-contained
 * schemas instead: each `$ref` becomes `tsType: <target title>`, so every type
 * is declared exactly once, by its own schema, and referenced by name.
 * Conditionals (`if`/`then`) constrain values, not shapes; they are dropped here
 * (they stay in the contract and in validation).
 */
import type { JsonSchema } from '../src/spec/json-schema';
import { refTitles, type Contract, type RefTitles, type SchemaFile } from './contract';

export interface TypeSource {
  /** Name of the declared TypeScript type. */
  name: string;
  /** Schema json-schema-to-typescript compiles to that one declaration. */
  schema: JsonSchema;
}

export function typeSources(contract: Contract): TypeSource[] {
  const titles = refTitles(contract);
  const defs = (contract.common.schema.$defs ?? {}) as Record<string, JsonSchema>;
  const shared = Object.entries(defs).map(([key, def]) => {
    const name = String(def.title ?? key);
    return { name, schema: { ...rewrite(def, contract.common, titles), title: name } };
  });
  const dtos = contract.dtos.map((dto) => ({
    name: dto.title,
    schema: rewrite(withoutAnnotations(dto.schema), dto, titles),
  }));
  return [...shared, ...dtos];
}

function withoutAnnotations(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, examples: _e, ...rest } = schema;
  return rest;
}

function rewrite(node: unknown, owner: SchemaFile, titles: RefTitles): JsonSchema {
  return rewriteNode(node, owner, titles) as JsonSchema;
}

function rewriteNode(node: unknown, owner: SchemaFile, titles: RefTitles): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteNode(n, owner, titles));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as JsonSchema;
  if (typeof obj.$ref === 'string') {
    const name = titles(obj.$ref, owner.id);
    if (!name) throw new Error(`contract/${owner.file}: cannot name the type of $ref ${obj.$ref}`);
    const { $ref: _r, default: _d, ...siblings } = obj;
    return { ...siblings, tsType: name };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'allOf' && Array.isArray(value) && value.every(isConditional)) continue;
    if (key === 'examples' || key === 'default' || key === 'x-reserved') continue;
    out[key] =
      key === 'properties' || key === '$defs' ? mapValues(value, owner, titles) : rewriteNode(value, owner, titles);
  }
  return out;
}

function mapValues(value: unknown, owner: SchemaFile, titles: RefTitles): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(value as JsonSchema)) out[key] = rewriteNode(sub, owner, titles);
  return out;
}

function isConditional(schema: unknown): boolean {
  const keys = Object.keys(schema as JsonSchema);
  return keys.every((k) => k === 'if' || k === 'then' || k === 'else');
}
