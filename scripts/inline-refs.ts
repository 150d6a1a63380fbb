/**
 * Stage 2 — normalize for the fast verdict (scripts/checkers.ts → generated/checkers.ts):
 * each DTO schema with every `$ref` replaced by the schema it points at.
 *
 * Why: the checker compiler then sees one self-contained schema per DTO and
 * emits one function per object, with no call per reference. Verdicts are
 * unchanged: the contract has no recursive, dynamic or anchor references, so a
 * `$ref` means exactly "this value also satisfies that schema"; siblings of a
 * `$ref` that validate are kept beside it under `allOf`, annotations are
 * dropped (a verdict does not read them). A `oneOf` whose branches have
 * pairwise disjoint `type`s (the contract's "timestamp or null") becomes
 * `anyOf`: at most one branch can hold, so "exactly one" and "at least one"
 * agree, and `anyOf` stops at the first.
 *
 * The diagnosing validators keep the schemas as written, so error paths and
 * messages still name the contract's own definitions; generation checks that
 * the checkers and Ajv agree on every example and vector.
 */
import { ANNOTATION_KEYWORDS, type JsonSchema } from '../src/spec/json-schema';
import { documentsById, parseRef, resolveRef } from '../src/spec/refs';
import type { Contract } from './contract';

/** Keywords beside a `$ref` that assert nothing. */
const ANNOTATIONS = new Set([...ANNOTATION_KEYWORDS, 'default']);
const UNSUPPORTED = [
  '$dynamicRef',
  '$dynamicAnchor',
  '$anchor',
  '$recursiveRef',
  'unevaluatedProperties',
  'unevaluatedItems',
];

export function inlineRefs(contract: Contract): JsonSchema[] {
  const documents = documentsById([contract.common, ...contract.dtos].map((file) => file.schema));

  const resolve = (ref: string, base: string): { schema: unknown; base: string; href: string } => {
    const target = resolveRef(ref, base, documents);
    if (target === undefined) {
      const document = parseRef(ref, base)?.document;
      if (document !== undefined && !documents.has(document)) {
        throw new Error(`$ref ${ref} (from ${base}): no contract schema has $id ${document}`);
      }
      throw new Error(`$ref ${ref} (from ${base}) points at nothing`);
    }
    return { schema: target.node, base: target.document, href: target.href };
  };

  const inline = (node: unknown, base: string, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => inline(n, base, trail));
    if (node === null || typeof node !== 'object') return node;
    const schema = node as JsonSchema;
    for (const keyword of UNSUPPORTED) {
      if (keyword in schema) throw new Error(`${keyword} cannot be inlined (at ${base})`);
    }
    if (typeof schema.$ref === 'string') {
      const target = resolve(schema.$ref, base);
      if (trail.includes(target.href)) throw new Error(`recursive $ref ${target.href} cannot be inlined`);
      const inlined = inline(target.schema, target.base, [...trail, target.href]) as JsonSchema;
      const { $ref: _ref, ...siblings } = schema;
      const validating = Object.keys(siblings).filter((k) => !ANNOTATIONS.has(k));
      if (validating.length === 0) return inlined;
      const rest = inline(Object.fromEntries(validating.map((k) => [k, siblings[k]])), base, trail) as JsonSchema;
      return { ...rest, allOf: [...((rest.allOf as unknown[]) ?? []), inlined] };
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key) || key === '$defs' || key === '$id' || key === '$schema') continue;
      out[key] = isSchemaMap(key) ? mapValues(value, (v) => inline(v, base, trail)) : inline(value, base, trail);
    }
    if (Array.isArray(out.oneOf) && typesDisjoint(out.oneOf)) {
      const { oneOf, ...rest } = out;
      return { ...rest, anyOf: oneOf };
    }
    return out;
  };

  return contract.dtos.map((dto) => ({
    $schema: dto.schema.$schema,
    $id: dto.id,
    ...(inline(dto.schema, dto.id, [dto.id]) as JsonSchema),
  }));
}

/** Keywords whose value maps names to schemas (a property named `$ref` is a name, not a reference). */
function isSchemaMap(key: string): boolean {
  return key === 'properties' || key === 'patternProperties' || key === 'dependentSchemas';
}

function mapValues(value: unknown, fn: (v: unknown) => unknown): unknown {
  return Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, fn(v)]));
}

/** Every branch states its `type`s and no type (integer counting as number) is in two branches. */
function typesDisjoint(branches: unknown[]): boolean {
  const seen = new Set<string>();
  for (const branch of branches) {
    const type = (branch as JsonSchema | null)?.type;
    const types = typeof type === 'string' ? [type] : Array.isArray(type) ? (type as string[]) : null;
    if (!types) return false;
    for (const counted of types.map((name) => (name === 'integer' ? 'number' : name))) {
      if (seen.has(counted)) return false;
      seen.add(counted);
    }
  }
  return true;
}
