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
import type { JsonSchema } from '../spec/json-schema';

export type FieldKind = 'value' | 'timestamp' | 'optionalTimestamp' | 'dto' | 'dtoArray';

export interface FieldPlan {
  readonly name: string;
  readonly kind: FieldKind;
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
  /**
   * The schema lets the document hold numbers (an integer/number property, an
   * object of untyped values such as arguments_preview, or such a nested DTO):
   * fromJson then sniffs for number tokens before trying JSON.parse.
   */
  readonly mayHoldNumbers: boolean;
  readonly fields: readonly FieldPlan[];
  readonly byName: ReadonlyMap<string, FieldPlan>;
}

/**
 * DTO fields that default to "now" when missing, null or "": Python's
 * `_parse_timestamp` on EventRecord.timestamp (stated in the schema's
 * description only). Checked against the schema below so drift fails at load.
 */
const NOW_DEFAULTS: Readonly<Partial<Record<DtoName, readonly string[]>>> = { EventRecord: ['timestamp'] };

const COMMON_ID = String(commonSchema.$id);
const TIMESTAMP_REF = `${COMMON_ID}#/$defs/timestamp`;
const OPTIONAL_TIMESTAMP_REF = `${COMMON_ID}#/$defs/optionalTimestamp`;

const DTO_BY_ID = new Map<string, DtoName>(DTO_NAMES.map((name) => [String(schemas[name].$id), name]));

function resolveRef(ref: unknown, base: string): string | undefined {
  return typeof ref === 'string' ? new URL(ref, base).href : undefined;
}

function buildPlan(dto: DtoName): DtoPlan {
  const schema = schemas[dto];
  const base = String(schema.$id);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const nowFields = new Set(NOW_DEFAULTS[dto] ?? []);
  const fields: FieldPlan[] = Object.entries(properties).map(([name, prop]) => {
    const ref = resolveRef(prop.$ref, base);
    const itemsRef = resolveRef((prop.items as JsonSchema | undefined)?.$ref, base);
    let kind: FieldKind = 'value';
    let nested: DtoName | undefined;
    if (ref === TIMESTAMP_REF) kind = 'timestamp';
    else if (ref === OPTIONAL_TIMESTAMP_REF) kind = 'optionalTimestamp';
    else if (ref !== undefined && DTO_BY_ID.has(ref)) {
      kind = 'dto';
      nested = DTO_BY_ID.get(ref);
    } else if (prop.type === 'array' && itemsRef !== undefined && DTO_BY_ID.has(itemsRef)) {
      kind = 'dtoArray';
      nested = DTO_BY_ID.get(itemsRef);
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
      nested,
      required: required.has(name),
      hasDefault,
      makeDefault,
      defaultsToNow,
      keyText: `${pythonStringRepr(name)}: `,
      pointer: name.replace(/~/g, '~0').replace(/\//g, '~1'),
    };
  });
  if (nowFields.size > 0) {
    throw new Error(`codec plan: ${dto} has no timestamp field(s) ${[...nowFields].join(', ')}`);
  }
  return { dto, fields, byName: new Map(fields.map((f) => [f.name, f])), mayHoldNumbers: mayHoldNumbers(schema, base, new Set()) };
}

/** Whether an instance of `schema` can contain a JSON number (conservative: unknown shapes can). */
function mayHoldNumbers(schema: JsonSchema | boolean | undefined, base: string, seen: Set<string>): boolean {
  if (schema === undefined || schema === true) return true; // anything goes
  if (schema === false) return false;
  const ref = resolveRef(schema.$ref, base);
  if (ref !== undefined) {
    if (seen.has(ref)) return false;
    seen.add(ref);
    const [doc, fragment] = ref.split('#') as [string, string | undefined];
    const dto = DTO_BY_ID.get(doc);
    const target = dto !== undefined ? schemas[dto] : doc === COMMON_ID ? commonSchema : undefined;
    if (target === undefined) return true;
    let node: unknown = target;
    for (const part of (fragment ?? '').split('/').filter(Boolean)) node = (node as Record<string, unknown>)[part];
    return mayHoldNumbers(node as JsonSchema, doc, seen);
  }
  // allOf / if-then only narrow what the rest of the schema allows; alternatives widen it.
  const alternatives = [schema.oneOf, schema.anyOf].filter(Array.isArray) as JsonSchema[][];
  if (alternatives.length > 0) return alternatives.some((list) => list.some((s) => mayHoldNumbers(s, base, seen)));
  const types = schema.type === undefined ? undefined : ([] as unknown[]).concat(schema.type);
  if (types === undefined && schema.properties === undefined && schema.items === undefined) return true;
  if (types?.some((t) => t === 'number' || t === 'integer')) return true;
  if (types === undefined || types.includes('object')) {
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    if (Object.values(props).some((p) => mayHoldNumbers(p, base, seen))) return true;
    const extra = schema.additionalProperties as JsonSchema | boolean | undefined;
    if (extra !== false && mayHoldNumbers(extra, base, seen)) return true;
  }
  if (types === undefined || types.includes('array')) {
    if (schema.items !== undefined && mayHoldNumbers(schema.items as JsonSchema, base, seen)) return true;
  }
  return false;
}

/** DTO name → plan, built once. */
export const PLANS: Readonly<Record<DtoName, DtoPlan>> = Object.fromEntries(
  DTO_NAMES.map((name) => [name, buildPlan(name)]),
) as Record<DtoName, DtoPlan>;
