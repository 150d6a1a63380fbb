/**
 * Per-DTO reading/writing plans, derived once at module load from the generated
 * schemas (never restated by hand): key order = the schema's `properties` order
 * (the order Python's to_json writes), defaults = `default`, required =
 * `required`, timestamp fields = properties whose $ref is common.schema.json's
 * `timestamp` / `optionalTimestamp`, nested DTOs = a $ref (or array `items`
 * $ref) to another DTO's schema.
 */
import { DTO_NAMES, commonSchema, schemas, type DtoName } from '../../generated/schemas';
import { pythonStringRepr } from '../pyjson/stringify';
import { isArrayIndexKey } from '../pyjson/values';
import { escapePointerToken, valueAtTokens } from '../spec/json-pointer';
import type { JsonSchema } from '../spec/json-schema';
import { documentsById, resolveRef } from '../spec/refs';

export type FieldKind = 'value' | 'timestamp' | 'optionalTimestamp' | 'dto' | 'dtoArray';

/**
 * What a valid value of a field can hold, from its schema: 'scalar' only a
 * string, boolean or null; 'list' an array of those; 'map' an object of
 * those under keys of any name; 'any' anything else (numbers, nesting).
 */
export type FieldShape = 'scalar' | 'list' | 'map' | 'any';

export interface FieldPlan {
  readonly name: string;
  readonly kind: FieldKind;
  readonly shape: FieldShape;
  /** For 'dto' / 'dtoArray': the nested DTO. */
  readonly nested: DtoName | undefined;
  readonly required: boolean;
  readonly hasDefault: boolean;
  /** A fresh copy of the schema default (arrays/objects are never shared between records). */
  readonly makeDefault: () => unknown;
  /**
   * Python's one default the schema cannot state as data: EventRecord.timestamp
   * missing, null or "" reads as the current UTC time.
   */
  readonly defaultsToNow: boolean;
  /** `"name": ` exactly as json.dumps writes the key. */
  readonly keyText: string;
  /** JSON pointer segment of the key. */
  readonly pointer: string;
}

export interface DtoPlan {
  readonly dto: DtoName;
  readonly fields: readonly FieldPlan[];
  readonly byName: ReadonlyMap<string, FieldPlan>;
  /**
   * Whether reading a document of this DTO that the contract's validator
   * accepts, with its keys in the schema's order, leaves it as it is (so
   * fromJson may return JSON.parse's result after the fast checker, see
   * read.ts): every property is required and no other is allowed (nothing
   * to default, no unknown key), a null the schema accepts reads as null
   * (its default, if any, is null; no "now"), no property name is an array
   * index (JavaScript keeps the text's key order), and the same holds for
   * the nested DTOs. Timestamps are the one exception the reader checks
   * itself (see isAsPythonWrites).
   */
  readonly readsAsIs: boolean;
}

/**
 * DTO fields that default to "now" when missing, null or "": Python's
 * `_parse_timestamp` on EventRecord.timestamp (stated in the schema's
 * description only). Checked against the schema below so drift fails at load.
 */
const NOW_DEFAULTS: Readonly<Partial<Record<DtoName, readonly string[]>>> = { EventRecord: ['timestamp'] };

/** The contract's documents by `$id`, for following `$ref`s. */
const DOCUMENTS = documentsById<JsonSchema>([commonSchema, ...DTO_NAMES.map((name) => schemas[name])]);
const DTO_BY_SCHEMA = new Map<unknown, DtoName>(DTO_NAMES.map((name) => [schemas[name], name]));
const TIMESTAMP = valueAtTokens(commonSchema, ['$defs', 'timestamp']);
const OPTIONAL_TIMESTAMP = valueAtTokens(commonSchema, ['$defs', 'optionalTimestamp']);

/** What `schema.$ref` (read against `base`) leads to, or undefined when it has none or it leads nowhere. */
function refTarget(schema: unknown, base: string): { node: unknown; base: string } | undefined {
  const ref = (schema as JsonSchema | undefined)?.$ref;
  if (typeof ref !== 'string') return undefined;
  const target = resolveRef(ref, base, DOCUMENTS);
  return target === undefined ? undefined : { node: target.node, base: target.document };
}

function buildPlan(dto: DtoName): DtoPlan {
  const schema = schemas[dto];
  const base = String(schema.$id);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const nowFields = new Set(NOW_DEFAULTS[dto] ?? []);
  const fields: FieldPlan[] = Object.entries(properties).map(([name, prop]) => {
    const target = refTarget(prop, base)?.node;
    const itemsTarget = refTarget(prop.items, base)?.node;
    let kind: FieldKind = 'value';
    let nested: DtoName | undefined;
    if (target === TIMESTAMP) kind = 'timestamp';
    else if (target === OPTIONAL_TIMESTAMP) kind = 'optionalTimestamp';
    else if (DTO_BY_SCHEMA.has(target)) {
      kind = 'dto';
      nested = DTO_BY_SCHEMA.get(target);
    } else if (prop.type === 'array' && DTO_BY_SCHEMA.has(itemsTarget)) {
      kind = 'dtoArray';
      nested = DTO_BY_SCHEMA.get(itemsTarget);
    }
    const hasDefault = Object.prototype.hasOwnProperty.call(prop, 'default');
    const defaultValue = prop.default;
    const makeDefault =
      defaultValue !== null && typeof defaultValue === 'object'
        ? () => structuredClone(defaultValue)
        : () => defaultValue;
    const defaultsToNow = nowFields.delete(name);
    if (defaultsToNow && kind !== 'timestamp') {
      throw new Error(`codec plan: ${dto}.${name} defaults to now but is not a timestamp in the schema`);
    }
    return {
      name,
      kind,
      shape: shapeOf(prop, base),
      nested,
      required: required.has(name),
      hasDefault,
      makeDefault,
      defaultsToNow,
      keyText: `${pythonStringRepr(name)}: `,
      pointer: escapePointerToken(name),
    };
  });
  if (nowFields.size > 0) {
    throw new Error(`codec plan: ${dto} has no timestamp field(s) ${[...nowFields].join(', ')}`);
  }
  const closed =
    schema.additionalProperties === false &&
    fields.every((f) => f.required && !isArrayIndexKey(f.name)) &&
    fields.every((field) => {
      if (!mayBeNull(properties[field.name], base, new Set())) return true;
      // readField turns a null into the field's default
      return (
        !field.defaultsToNow &&
        (field.kind === 'optionalTimestamp' || !field.hasDefault || field.makeDefault() === null)
      );
    });
  return { dto, fields, byName: new Map(fields.map((f) => [f.name, f])), readsAsIs: closed };
}

/** A schema node with its $ref followed (one level of the contract's documents), or undefined if unknown. */
function deref(schema: JsonSchema, base: string): { node: JsonSchema; base: string } | undefined {
  if (typeof schema.$ref !== 'string') return { node: schema, base };
  const target = refTarget(schema, base);
  if (target === undefined) return undefined;
  const { node } = target;
  return node !== null && typeof node === 'object' ? { node: node as JsonSchema, base: target.base } : undefined;
}

/** FieldShape of a property's schema (conservative: 'any' unless the schema's types say otherwise). */
function shapeOf(schema: JsonSchema, base: string): FieldShape {
  const scalar = (candidate: unknown, nodeBase: string): boolean => {
    if (candidate === null || typeof candidate !== 'object') return false;
    const resolved = deref(candidate as JsonSchema, nodeBase);
    if (resolved === undefined) return false;
    const { node } = resolved;
    const alternatives = [node.oneOf, node.anyOf].filter(Array.isArray) as JsonSchema[][];
    if (node.type === undefined)
      return alternatives.length > 0 && alternatives.some((list) => list.every((x) => scalar(x, resolved.base)));
    return ([] as unknown[]).concat(node.type).every((t) => t === 'string' || t === 'boolean' || t === 'null');
  };
  if (scalar(schema, base)) return 'scalar';
  const resolved = deref(schema, base);
  if (resolved === undefined) return 'any';
  const { node } = resolved;
  if (node.type === 'array' && scalar(node.items, resolved.base)) return 'list';
  if (
    node.type === 'object' &&
    node.properties === undefined &&
    node.patternProperties === undefined &&
    scalar(node.additionalProperties, resolved.base)
  )
    return 'map';
  return 'any';
}

/** Whether `schema` may accept null (conservative: an unknown shape may). */
function mayBeNull(schema: JsonSchema | boolean | undefined, base: string, seen: Set<string>): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  if (schema.type !== undefined) return ([] as unknown[]).concat(schema.type).includes('null');
  if (Array.isArray(schema.enum)) return schema.enum.includes(null);
  if ('const' in schema) return schema.const === null;
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, base, DOCUMENTS);
    if (target === undefined || seen.has(target.href)) return true;
    seen.add(target.href);
    return mayBeNull(target.node as JsonSchema, target.document, seen);
  }
  const alternatives = [schema.oneOf, schema.anyOf].filter(Array.isArray) as JsonSchema[][];
  if (alternatives.length > 0) return alternatives.every((list) => list.some((s) => mayBeNull(s, base, seen)));
  return true;
}

/** DTO name → plan, built once. */
export const PLANS: Readonly<Record<DtoName, DtoPlan>> = Object.fromEntries(
  DTO_NAMES.map((name) => [name, buildPlan(name)]),
) as Record<DtoName, DtoPlan>;

// A DTO reads as it is only when its nested DTOs do too (the contract's DTOs do not nest in cycles).
for (let changed = true; changed;) {
  changed = false;
  for (const plan of Object.values(PLANS) as { readsAsIs: boolean; fields: readonly FieldPlan[] }[]) {
    if (plan.readsAsIs && plan.fields.some((f) => f.nested !== undefined && !PLANS[f.nested].readsAsIs)) {
      plan.readsAsIs = false;
      changed = true;
    }
  }
}
