/**
 * Stage 1 of the comparison — effective schemas: a schema with its `$ref`s followed (keyword → the value and where
 * it is defined), and split into one alternative per JSON type (`type: ["string","null"]` and
 * `oneOf: [{$ref: timestamp}, {type: "null"}]` are both "a string with these constraints, or null"), so the
 * comparison (./compare.ts) finds nullability and type changes however they are spelled. Pure: reads snapshots only.
 */
import { joinPointer, valueAtTokens } from '../spec/json-pointer';
import { ANNOTATION_KEYWORDS, admitsType, type JsonSchema, type JsonType } from '../spec/json-schema';
import { isNonArrayObject } from '../spec/json-value';
import { documentUri, parseRef } from '../spec/refs';
import { ABSENT_FILE } from './findings';
import type { ContractSnapshot } from './snapshot';

/** A contract with its files indexed by `$id`, for following `$ref`s. */
export interface IndexedContract {
  snapshot: ContractSnapshot;
  /** `$id` (as documentUri makes it) → file name. */
  fileById: Map<string, string>;
}

export function indexContract(snapshot: ContractSnapshot): IndexedContract {
  const fileById = new Map<string, string>();
  for (const [file, schema] of snapshot.files) {
    const id = typeof schema.$id === 'string' ? documentUri(schema.$id) : undefined;
    if (id !== undefined) fileById.set(id, file);
  }
  return { snapshot, fileById };
}

/** A place in a contract: a file, a JSON pointer in it, and the value there. */
export interface Place {
  contract: IndexedContract;
  file: string;
  pointer: string;
  node: unknown;
}

/** The empty schema `true`, standing for a schema one side lacks, at `pointer` of `contract`. */
export function absentPlace(contract: IndexedContract, pointer: string): Place {
  return { contract, file: ABSENT_FILE, pointer, node: true };
}

/** The root of `file` in `contract`. */
export function filePlace(contract: IndexedContract, file: string): Place {
  return { contract, file, pointer: '', node: contract.snapshot.files.get(file) };
}

/** The place `tokens` lead to from `place` (its node undefined when they name nothing). */
export function child(place: Place, ...tokens: (string | number)[]): Place {
  return {
    contract: place.contract,
    file: place.file,
    pointer: joinPointer(place.pointer, ...tokens),
    node: valueAtTokens(place.node, tokens),
  };
}

/** `file#pointer`, as findings name places. */
export function locate(place: Place): string {
  return `${place.file}#${place.pointer}`;
}

/**
 * Resolves a `$ref` (relative to its file's `$id`) to a place in the same contract: by `$id`, failing that (an `$id`
 * with another version or host) by file name, since the contract is one flat folder.
 */
function resolveInContract(from: Place, ref: string): Place | undefined {
  const { snapshot, fileById } = from.contract;
  const ownId = snapshot.files.get(from.file)?.$id;
  const base = typeof ownId === 'string' ? ownId : `file:///${from.file}`;
  const parsed = parseRef(ref, base);
  if (parsed?.tokens === undefined) return undefined; // not a URI, an anchor (unused by the contract), bad %-encoding
  const pathname = new URL(parsed.document).pathname;
  const byName = pathname.slice(pathname.lastIndexOf('/') + 1);
  const file =
    fileById.get(parsed.document) ??
    (parsed.document === documentUri(base) ? from.file : snapshot.files.has(byName) ? byName : undefined);
  if (file === undefined) return undefined;
  const target = child(filePlace(from.contract, file), ...parsed.tokens);
  return target.node === undefined ? undefined : target;
}

/** A keyword's value and where it is defined. */
export interface Slot {
  value: unknown;
  place: Place;
}

/** A schema with its `$ref`s followed: keyword → slot. */
export interface Effective {
  keywords: Map<string, Slot>;
  /** The schema is `false` (accepts nothing). */
  nothing: boolean;
  /** `$ref` targets followed, as `file#pointer` (version-independent). */
  refs: string[];
  /** `$ref`s that resolve to nothing, as `file#pointer/$ref → target`. */
  unresolved: string[];
}

/** The schema at `place` with its `$ref` chain followed; the referring schema's own keywords win. */
export function effective(place: Place): Effective {
  const result: Effective = { keywords: new Map(), nothing: false, refs: [], unresolved: [] };
  let at: Place | undefined = place;
  for (let depth = 0; at && depth < 32; depth++) {
    const node: unknown = at.node;
    if (node === false) {
      if (depth === 0 || result.keywords.size === 0) result.nothing = true;
      break;
    }
    if (!isNonArrayObject(node)) break;
    for (const [keyword, value] of Object.entries(node as JsonSchema)) {
      if (keyword === '$ref' || result.keywords.has(keyword)) continue; // the referring schema's own keywords win
      result.keywords.set(keyword, { value, place: child(at, keyword) });
    }
    const ref = (node as JsonSchema).$ref;
    if (typeof ref !== 'string') break;
    const next = resolveInContract(at, ref);
    if (!next) {
      result.unresolved.push(`${at.file}#${at.pointer}/$ref → ${ref}`);
      break;
    }
    result.refs.push(locate(next));
    at = next;
  }
  return result;
}

/** The value of `keyword` in a schema or alternative, undefined when absent. */
export function valueOf(schema: { keywords: Map<string, Slot> }, keyword: string): unknown {
  return schema.keywords.get(keyword)?.value;
}

// ─── keyword families ────────────────────────────────────────────────────────

/** Keywords that assert nothing. */
export const ANNOTATIONS = new Set([
  ...ANNOTATION_KEYWORDS,
  '$schema',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$defs',
  'definitions',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
]);

/** What a schema without `type` accepts (integer is a number). */
const ANY_TYPES: JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'string'];

/** The keywords that constrain values of each JSON type. */
export const TYPED_KEYWORDS: Record<JsonType, readonly string[]> = {
  null: [],
  boolean: [],
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  array: [
    'items',
    'prefixItems',
    'contains',
    'minContains',
    'maxContains',
    'minItems',
    'maxItems',
    'uniqueItems',
    'unevaluatedItems',
  ],
  object: [
    'properties',
    'required',
    'additionalProperties',
    'patternProperties',
    'propertyNames',
    'minProperties',
    'maxProperties',
    'dependentRequired',
    'dependentSchemas',
    'unevaluatedProperties',
    'x-reserved',
  ],
};
export const ALL_TYPED = new Set(Object.values(TYPED_KEYWORDS).flat());
/** Keywords compared at the schema level (not per type). */
export const NODE_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'default',
  'oneOf',
  'anyOf',
  'allOf',
  'if',
  'then',
  'else',
  'not',
]);

// ─── alternatives ────────────────────────────────────────────────────────────

/** One JSON type a schema accepts, with the keywords that constrain values of that type. */
export interface Alternative {
  type: JsonType;
  keywords: Map<string, Slot>;
  /** Logical pointer of the schema (or union branch) it comes from. */
  pointer: string;
}

export type Alternatives = { ok: true; alternatives: Alternative[] } | { ok: false; reason: string };

function typesOf(value: unknown): JsonType[] | undefined {
  if (typeof value === 'string') return [value as JsonType];
  if (Array.isArray(value)) return value.filter((t): t is JsonType => typeof t === 'string');
  return undefined;
}

function keywordsFor(keywords: Map<string, Slot>, type: JsonType): Map<string, Slot> {
  const out = new Map<string, Slot>();
  for (const keyword of TYPED_KEYWORDS[type]) {
    const slot = keywords.get(keyword);
    if (slot) out.set(keyword, slot);
  }
  return out;
}

/** Keywords a `oneOf`/`anyOf` branch may use for the union to be read as alternatives by type. */
function branchKeywordAllowed(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || ALL_TYPED.has(keyword) || ['type', 'default', 'oneOf', 'anyOf'].includes(keyword);
}

/**
 * The schema as one alternative per JSON type; `ok: false` when it is not reducible to that (both `oneOf` and
 * `anyOf`, a branch using another keyword, two branches accepting one type).
 */
export function alternatives(schema: Effective, pointer: string, depth = 0): Alternatives {
  if (schema.nothing) return { ok: true, alternatives: [] };
  const declared = typesOf(valueOf(schema, 'type'));
  const hasOneOf = schema.keywords.has('oneOf');
  const hasAnyOf = schema.keywords.has('anyOf');
  const union = hasOneOf ? 'oneOf' : hasAnyOf ? 'anyOf' : undefined;
  if (!union) {
    const types = declared ?? ANY_TYPES;
    return {
      ok: true,
      alternatives: types.map((type) => ({ type, keywords: keywordsFor(schema.keywords, type), pointer })),
    };
  }
  if (hasOneOf && hasAnyOf) return { ok: false, reason: 'both oneOf and anyOf' };
  const slot = schema.keywords.get(union)!;
  if (!Array.isArray(slot.value) || depth > 8) return { ok: false, reason: `${union} is not a list` };
  const out: Alternative[] = [];
  for (let index = 0; index < slot.value.length; index++) {
    const branch = effective(child(slot.place, index));
    for (const keyword of branch.keywords.keys()) {
      if (!branchKeywordAllowed(keyword)) return { ok: false, reason: `${union} branch ${index} uses ${keyword}` };
    }
    const sub = alternatives(branch, `${pointer}/${union}/${index}`, depth + 1);
    if (!sub.ok) return sub;
    for (const alternative of sub.alternatives) {
      const type = alternative.type;
      if (declared && !admitsType(declared, type)) continue;
      for (const [keyword, typed] of keywordsFor(schema.keywords, type)) {
        if (!alternative.keywords.has(keyword)) alternative.keywords.set(keyword, typed);
      }
      if (out.some((a) => a.type === type)) return { ok: false, reason: `two ${union} branches accept ${type}` };
      out.push(alternative);
    }
  }
  return { ok: true, alternatives: out };
}

// ─── questions about a schema ────────────────────────────────────────────────

/** The schema at `place` (with its `$ref`s followed) has a `default`. */
export function hasDefault(place: Place): boolean {
  return effective(place).keywords.has('default');
}

/** The schema at `place` accepts anything (`true`, `{}`, or only annotations and a default). */
export function isEmptySchema(place: Place): boolean {
  if (place.node === true) return true;
  const schema = effective(place);
  return !schema.nothing && [...schema.keywords.keys()].every((k) => ANNOTATIONS.has(k) || k === 'default');
}
