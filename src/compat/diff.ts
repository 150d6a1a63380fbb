/**
 * Classifies every difference between two contracts, DTO by DTO, into the rules
 * of ./rules.ts. Pure: works on snapshots, reads nothing.
 *
 * Each DTO schema is walked from its root in both contracts at once; `$ref`s are
 * followed (so a change in common.schema.json is reported under every DTO that
 * reaches it, at the pointer where the DTO uses it), and each schema is split
 * into one alternative per JSON type (`type: ["string","null"]` and
 * `oneOf: [{$ref: timestamp}, {type: "null"}]` are both "a string with these
 * constraints, or null"), so nullability and type changes are found however they
 * are spelled. Keywords the gate does not model are compared as JSON and, when
 * they differ, reported as KEYWORD_CHANGED (breaking both ways): nothing is
 * ignored silently except pure annotations (title, description, examples, …).
 */
import { isDeepStrictEqual } from 'node:util';
import { BOUND_KEYWORDS, RULES, type BoundKeyword, type RuleId } from './rules';
import type { ContractSnapshot, SchemaObject } from './snapshot';

export const COMMON_FILE = 'common.schema.json';

export interface Finding {
  rule: RuleId;
  /** DTO name (schema `title`), or `(contract)` for findings about the contract as a whole. */
  dto: string;
  /** JSON pointer into the DTO's schema, following `$ref`s ('' is the DTO itself). */
  pointer: string;
  /** Where the baseline defines what changed (`file#pointer`), when it has it. */
  baselineAt?: string;
  /** Where the current contract defines what changed (`file#pointer`), when it has it. */
  currentAt?: string;
  breaksBackward: boolean;
  breaksForward: boolean;
  /** Policy findings fail every mode, major version bump or not. */
  policy: boolean;
  message: string;
}

export const CONTRACT_SCOPE = '(contract)';

// ─── contracts and references ────────────────────────────────────────────────

interface Contract {
  snapshot: ContractSnapshot;
  /** `$id` (no fragment) → file name. */
  byId: Map<string, string>;
}

function indexContract(snapshot: ContractSnapshot): Contract {
  const byId = new Map<string, string>();
  for (const [file, schema] of snapshot.files) {
    if (typeof schema.$id === 'string') byId.set(stripFragment(schema.$id), file);
  }
  return { snapshot, byId };
}

/** A place in a contract: a file and a JSON pointer in it, and the value there. */
interface NodeRef {
  c: Contract;
  file: string;
  ptr: string;
  node: unknown;
}

/** A keyword's value and where it is defined. */
interface Slot {
  value: unknown;
  ref: NodeRef;
}

/** A schema with its `$ref`s followed: keyword → slot. */
interface Effective {
  keys: Map<string, Slot>;
  /** The schema is `false` (accepts nothing). */
  nothing: boolean;
  /** `$ref` targets followed, as `file#fragment` (version-independent). */
  refs: string[];
  /** `$ref`s that resolve to nothing. */
  unresolved: string[];
}

function stripFragment(uri: string): string {
  const i = uri.indexOf('#');
  return i === -1 ? uri : uri.slice(0, i);
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function child(ref: NodeRef, ...tokens: (string | number)[]): NodeRef {
  let node = ref.node;
  let ptr = ref.ptr;
  for (const token of tokens) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[String(token)] : undefined;
    ptr += `/${escapeToken(String(token))}`;
  }
  return { c: ref.c, file: ref.file, ptr, node };
}

function slotRef(slot: Slot): NodeRef {
  return slot.ref;
}

function locate(ref: NodeRef): string {
  return `${ref.file}#${ref.ptr}`;
}

/** Resolves a `$ref` (relative to the file's `$id`) to a place in the same contract. */
function resolveRef(from: NodeRef, target: string): NodeRef | undefined {
  const fileSchema = from.c.snapshot.files.get(from.file);
  const base = typeof fileSchema?.$id === 'string' ? fileSchema.$id : `file:///${from.file}`;
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return undefined;
  }
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
  url.hash = '';
  // By $id; failing that (an $id with another version or host), by file name: the contract is one flat folder.
  const byName = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  const file = from.c.byId.get(url.href) ?? (url.href === base ? from.file : from.c.snapshot.files.has(byName) ? byName : undefined);
  if (file === undefined) return undefined;
  const root: NodeRef = { c: from.c, file, ptr: '', node: from.c.snapshot.files.get(file) };
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) return undefined; // anchors: not used by the contract
  const resolved = child(root, ...fragment.slice(1).split('/').map(unescapeToken));
  return resolved.node === undefined ? undefined : resolved;
}

function effective(ref: NodeRef): Effective {
  const eff: Effective = { keys: new Map(), nothing: false, refs: [], unresolved: [] };
  let current: NodeRef | undefined = ref;
  for (let depth = 0; current && depth < 32; depth++) {
    const node: unknown = current.node;
    if (node === false) {
      if (depth === 0 || eff.keys.size === 0) eff.nothing = true;
      break;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) break;
    for (const [key, value] of Object.entries(node as SchemaObject)) {
      if (key === '$ref' || eff.keys.has(key)) continue; // the referring schema's own keywords win (annotations)
      eff.keys.set(key, { value, ref: child(current, key) });
    }
    const target = (node as SchemaObject).$ref;
    if (typeof target !== 'string') break;
    const next = resolveRef(current, target);
    if (!next) {
      eff.unresolved.push(`${current.file}#${current.ptr}/$ref → ${target}`);
      break;
    }
    eff.refs.push(`${next.file}#${next.ptr}`);
    current = next;
  }
  return eff;
}

function hasOwn(eff: Effective, key: string): boolean {
  return eff.keys.has(key);
}

function get(eff: Effective, key: string): unknown {
  return eff.keys.get(key)?.value;
}

// ─── keyword families ────────────────────────────────────────────────────────

/** Keywords that assert nothing. */
const ANNOTATIONS = new Set([
  '$schema', '$id', '$anchor', '$dynamicAnchor', '$comment', '$defs', 'definitions', 'title', 'description',
  'examples', 'deprecated', 'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding', 'contentSchema',
]);

type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
const ANY_TYPES: JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'string'];

const TYPED_KEYWORDS: Record<JsonType, readonly string[]> = {
  null: [],
  boolean: [],
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  array: ['items', 'prefixItems', 'contains', 'minContains', 'maxContains', 'minItems', 'maxItems', 'uniqueItems', 'unevaluatedItems'],
  object: [
    'properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties',
    'maxProperties', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties', 'x-reserved',
  ],
};
const ALL_TYPED = new Set(Object.values(TYPED_KEYWORDS).flat());
/** Keywords compared at the schema level (not per type). */
const NODE_KEYWORDS = new Set(['type', 'enum', 'const', 'default', 'oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not']);

/** One JSON type a schema accepts, with the keywords that constrain values of that type. */
interface Alternative {
  type: JsonType;
  keys: Map<string, Slot>;
  /** Logical pointer of the schema (or union branch) it comes from. */
  pointer: string;
}

type Alternatives = { ok: true; alts: Alternative[] } | { ok: false; reason: string };

function typesOf(value: unknown): JsonType[] | undefined {
  if (typeof value === 'string') return [value as JsonType];
  if (Array.isArray(value)) return value.filter((t): t is JsonType => typeof t === 'string');
  return undefined;
}

function relevant(keys: Map<string, Slot>, type: JsonType): Map<string, Slot> {
  const out = new Map<string, Slot>();
  for (const kw of TYPED_KEYWORDS[type]) {
    const slot = keys.get(kw);
    if (slot) out.set(kw, slot);
  }
  return out;
}

function alternatives(eff: Effective, pointer: string, depth = 0): Alternatives {
  if (eff.nothing) return { ok: true, alts: [] };
  const declared = typesOf(get(eff, 'type'));
  const unionKw = hasOwn(eff, 'oneOf') ? 'oneOf' : hasOwn(eff, 'anyOf') ? 'anyOf' : undefined;
  if (!unionKw) {
    const types = declared ?? ANY_TYPES;
    return { ok: true, alts: types.map((type) => ({ type, keys: relevant(eff.keys, type), pointer })) };
  }
  if (hasOwn(eff, 'oneOf') && hasOwn(eff, 'anyOf')) return { ok: false, reason: 'both oneOf and anyOf' };
  const slot = eff.keys.get(unionKw)!;
  if (!Array.isArray(slot.value) || depth > 8) return { ok: false, reason: `${unionKw} is not a list` };
  const alts: Alternative[] = [];
  for (let i = 0; i < slot.value.length; i++) {
    const branch = effective(child(slotRef(slot), i));
    for (const key of branch.keys.keys()) {
      if (!ANNOTATIONS.has(key) && !ALL_TYPED.has(key) && key !== 'type' && key !== 'default' && key !== 'oneOf' && key !== 'anyOf') {
        return { ok: false, reason: `${unionKw} branch ${i} uses ${key}` };
      }
    }
    const sub = alternatives(branch, `${pointer}/${unionKw}/${i}`, depth + 1);
    if (!sub.ok) return sub;
    for (const alt of sub.alts) {
      if (declared && !declared.includes(alt.type) && !(alt.type === 'integer' && declared.includes('number'))) continue;
      for (const [kw, s] of relevant(eff.keys, alt.type)) if (!alt.keys.has(kw)) alt.keys.set(kw, s);
      if (alts.some((a) => a.type === alt.type)) return { ok: false, reason: `two ${unionKw} branches accept ${alt.type}` };
      alts.push(alt);
    }
  }
  return { ok: true, alts };
}

// ─── the walk ────────────────────────────────────────────────────────────────

interface Ctx {
  dto: string;
  findings: Finding[];
  active: Set<string>;
}

function add(ctx: Ctx, rule: RuleId, pointer: string, message: string, at: { baseline?: NodeRef; current?: NodeRef } = {}): void {
  const info = RULES[rule];
  ctx.findings.push({
    rule,
    dto: ctx.dto,
    pointer,
    ...(at.baseline ? { baselineAt: locate(at.baseline) } : {}),
    ...(at.current ? { currentAt: locate(at.current) } : {}),
    breaksBackward: info.breaksBackward,
    breaksForward: info.breaksForward,
    policy: info.policy === true,
    message,
  });
}

/** A value for a message: JSON, one line, long ones cut (the pointer says where to read it whole). */
function show(value: unknown, max = 80): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function refName(target: string): string {
  return target.endsWith('#') ? target.slice(0, -1) : target;
}

/**
 * Compares two schemas at `pointer`. `asCoverage`: one side stands for the
 * additionalProperties schema a property is compared with; its `default` is not a change.
 */
function compareNode(ctx: Ctx, o: NodeRef, n: NodeRef, pointer: string, asCoverage = false): void {
  const key = `${locate(o)}|${locate(n)}`;
  if (ctx.active.has(key)) return; // recursive schema: this pair is already being compared further up
  ctx.active.add(key);
  try {
    const eo = effective(o);
    const en = effective(n);
    for (const u of eo.unresolved) add(ctx, 'REF_UNRESOLVED', pointer, `baseline: $ref ${u} resolves to nothing`, { baseline: o });
    for (const u of en.unresolved) add(ctx, 'REF_UNRESOLVED', pointer, `$ref ${u} resolves to nothing`, { current: n });
    if ((eo.refs.length || en.refs.length) && !isDeepStrictEqual(eo.refs, en.refs)) {
      const from = eo.refs.length ? eo.refs.map(refName).join(' → ') : 'an inline schema';
      const to = en.refs.length ? en.refs.map(refName).join(' → ') : 'an inline schema';
      add(ctx, 'REF_TARGET_CHANGED', pointer, `$ref changed from ${from} to ${to}`, { baseline: o, current: n });
    }
    compareEffective(ctx, eo, en, pointer, asCoverage);
  } finally {
    ctx.active.delete(key);
  }
}

function at(eo: Effective, en: Effective, kw: string): { baseline?: NodeRef; current?: NodeRef } {
  const b = eo.keys.get(kw)?.ref;
  const c = en.keys.get(kw)?.ref;
  return { ...(b ? { baseline: b } : {}), ...(c ? { current: c } : {}) };
}

function compareEffective(ctx: Ctx, eo: Effective, en: Effective, pointer: string, asCoverage: boolean): void {
  if (!asCoverage && !isDeepStrictEqual(get(eo, 'default'), get(en, 'default'))) {
    const what = !hasOwn(eo, 'default') ? 'added' : !hasOwn(en, 'default') ? 'removed' : 'changed';
    add(ctx, 'DEFAULT_CHANGED', `${pointer}/default`, `default ${what}: ${show(get(eo, 'default'))} → ${show(get(en, 'default'))}`, at(eo, en, 'default'));
  }
  compareValues(ctx, eo, en, pointer);
  compareTypes(ctx, eo, en, pointer);
  compareCombinators(ctx, eo, en, pointer);
  compareUnknown(ctx, eo, en, pointer);
}

/** `enum` / `const`, compared as sets of allowed values. */
function compareValues(ctx: Ctx, eo: Effective, en: Effective, pointer: string): void {
  const values = (eff: Effective): unknown[] | undefined =>
    hasOwn(eff, 'const') ? [get(eff, 'const')] : Array.isArray(get(eff, 'enum')) ? (get(eff, 'enum') as unknown[]) : undefined;
  const vo = values(eo);
  const vn = values(en);
  if (vo === undefined && vn === undefined) return;
  const kw = hasOwn(en, 'const') || (!hasOwn(en, 'enum') && hasOwn(eo, 'const')) ? 'const' : 'enum';
  const where = at(eo, en, hasOwn(en, kw) || hasOwn(eo, kw) ? kw : 'enum');
  const p = `${pointer}/${kw}`;
  if (vo === undefined) return add(ctx, 'ENUM_ADDED', p, `values restricted to ${show(vn)}`, where);
  if (vn === undefined) return add(ctx, 'ENUM_REMOVED', p, `value restriction ${show(vo)} removed`, where);
  const gained = vn.filter((v) => !vo.some((w) => isDeepStrictEqual(v, w)));
  const lost = vo.filter((v) => !vn.some((w) => isDeepStrictEqual(v, w)));
  if (gained.length && lost.length) add(ctx, 'ENUM_CHANGED', p, `values gained ${show(gained)} and lost ${show(lost)}`, where);
  else if (gained.length) add(ctx, 'ENUM_WIDENED', p, `values gained ${show(gained)}`, where);
  else if (lost.length) add(ctx, 'ENUM_NARROWED', p, `values lost ${show(lost)}`, where);
}

function covered(type: JsonType, set: Set<JsonType>): boolean {
  return set.has(type) || (type === 'integer' && set.has('number'));
}

function describeTypes(alts: Alternative[]): string {
  if (alts.length === 0) return 'nothing';
  return alts.map((a) => a.type).join(' | ');
}

function compareTypes(ctx: Ctx, eo: Effective, en: Effective, pointer: string): void {
  const ao = alternatives(eo, pointer);
  const an = alternatives(en, pointer);
  if (!ao.ok || !an.ok) {
    // Not reducible to alternatives by type: compare the combinators as JSON.
    for (const kw of ['oneOf', 'anyOf', 'type']) {
      if (!isDeepStrictEqual(get(eo, kw), get(en, kw))) {
        const why = !an.ok ? an.reason : !ao.ok ? ao.reason : '';
        add(ctx, 'COMBINATOR_CHANGED', `${pointer}/${kw}`, `${kw} changed (${why}); not compared for inclusion`, at(eo, en, kw));
      }
    }
    return;
  }
  const typePointer = hasOwn(en, 'type') ? `${pointer}/type` : hasOwn(en, 'oneOf') ? `${pointer}/oneOf` : hasOwn(en, 'anyOf') ? `${pointer}/anyOf` : pointer;
  const typeAt = at(eo, en, hasOwn(en, 'type') || hasOwn(eo, 'type') ? 'type' : hasOwn(en, 'oneOf') || hasOwn(eo, 'oneOf') ? 'oneOf' : 'anyOf');
  const so = new Set(ao.alts.map((a) => a.type));
  const sn = new Set(an.alts.map((a) => a.type));
  const nonNull = (s: Set<JsonType>): JsonType[] => [...s].filter((t) => t !== 'null');
  const oldFits = nonNull(so).every((t) => covered(t, sn));
  const newFits = nonNull(sn).every((t) => covered(t, so));
  const desc = `${describeTypes(ao.alts)} → ${describeTypes(an.alts)}`;
  if (!(oldFits && newFits)) {
    if (oldFits) add(ctx, 'TYPE_WIDENED', typePointer, `type widened: ${desc}`, typeAt);
    else if (newFits) add(ctx, 'TYPE_NARROWED', typePointer, `type narrowed: ${desc}`, typeAt);
    else add(ctx, 'TYPE_CHANGED', typePointer, `type changed: ${desc}`, typeAt);
  }
  if (so.has('null') && !sn.has('null')) add(ctx, 'NULLABLE_REMOVED', typePointer, `null no longer accepted: ${desc}`, typeAt);
  if (!so.has('null') && sn.has('null')) add(ctx, 'NULLABLE_ADDED', typePointer, `null now accepted: ${desc}`, typeAt);

  for (const altN of an.alts) {
    const altO =
      ao.alts.find((a) => a.type === altN.type) ??
      ao.alts.find((a) => (a.type === 'integer' && altN.type === 'number') || (a.type === 'number' && altN.type === 'integer'));
    if (altO) compareTyped(ctx, altO, altN);
  }
}

function kwAt(o: Alternative, n: Alternative, kw: string): { baseline?: NodeRef; current?: NodeRef } {
  const b = o.keys.get(kw)?.ref;
  const c = n.keys.get(kw)?.ref;
  return { ...(b ? { baseline: b } : {}), ...(c ? { current: c } : {}) };
}

function kwPointer(o: Alternative, n: Alternative, kw: string): string {
  return `${n.keys.has(kw) || !o.keys.has(kw) ? n.pointer : o.pointer}/${kw}`;
}

function compareTyped(ctx: Ctx, o: Alternative, n: Alternative): void {
  for (const kw of TYPED_KEYWORDS[n.type]) {
    if (kw in BOUND_KEYWORDS) compareBound(ctx, o, n, kw as BoundKeyword);
  }
  const vo = (kw: string): unknown => o.keys.get(kw)?.value;
  const vn = (kw: string): unknown => n.keys.get(kw)?.value;
  const presence = (kw: string, added: RuleId, removed: RuleId, changed: RuleId): void => {
    if (isDeepStrictEqual(vo(kw), vn(kw))) return;
    const p = kwPointer(o, n, kw);
    const where = kwAt(o, n, kw);
    if (vo(kw) === undefined) add(ctx, added, p, `${kw} ${show(vn(kw))} added`, where);
    else if (vn(kw) === undefined) add(ctx, removed, p, `${kw} ${show(vo(kw))} removed`, where);
    else add(ctx, changed, p, `${kw} changed: ${show(vo(kw))} → ${show(vn(kw))}`, where);
  };
  switch (n.type) {
    case 'string':
      presence('pattern', 'PATTERN_ADDED', 'PATTERN_REMOVED', 'PATTERN_CHANGED');
      presence('format', 'FORMAT_ADDED', 'FORMAT_REMOVED', 'FORMAT_CHANGED');
      break;
    case 'number':
    case 'integer':
      presence('multipleOf', 'MULTIPLE_OF_ADDED', 'MULTIPLE_OF_REMOVED', 'MULTIPLE_OF_CHANGED');
      break;
    case 'array': {
      const uo = vo('uniqueItems') === true;
      const un = vn('uniqueItems') === true;
      if (!uo && un) add(ctx, 'UNIQUE_ITEMS_ADDED', kwPointer(o, n, 'uniqueItems'), 'uniqueItems added', kwAt(o, n, 'uniqueItems'));
      if (uo && !un) add(ctx, 'UNIQUE_ITEMS_REMOVED', kwPointer(o, n, 'uniqueItems'), 'uniqueItems removed', kwAt(o, n, 'uniqueItems'));
      if (o.keys.has('items') || n.keys.has('items')) {
        compareNode(ctx, subschema(o, 'items', n), subschema(n, 'items', o), kwPointer(o, n, 'items'));
      }
      for (const kw of ['prefixItems', 'contains', 'minContains', 'maxContains', 'unevaluatedItems']) keywordChanged(ctx, o, n, kw);
      break;
    }
    case 'object':
      compareObject(ctx, o, n);
      break;
    default:
      break;
  }
}

/** The subschema under `kw`, or the empty schema `true` when absent (what absence means). */
function subschema(alt: Alternative, kw: string, other: Alternative): NodeRef {
  const slot = alt.keys.get(kw);
  if (slot) return slotRef(slot);
  const otherSlot = other.keys.get(kw)!;
  return { c: otherSlot.ref.c, file: '(absent)', ptr: otherSlot.ref.ptr, node: true };
}

function keywordChanged(ctx: Ctx, o: Alternative, n: Alternative, kw: string): void {
  const a = o.keys.get(kw)?.value;
  const b = n.keys.get(kw)?.value;
  if (!isDeepStrictEqual(a, b)) add(ctx, 'KEYWORD_CHANGED', kwPointer(o, n, kw), `${kw} changed: ${show(a)} → ${show(b)}`, kwAt(o, n, kw));
}

function compareBound(ctx: Ctx, o: Alternative, n: Alternative, kw: BoundKeyword): void {
  const a = o.keys.get(kw)?.value;
  const b = n.keys.get(kw)?.value;
  if (isDeepStrictEqual(a, b)) return;
  const id = BOUND_KEYWORDS[kw].id;
  const p = kwPointer(o, n, kw);
  const where = kwAt(o, n, kw);
  if (typeof a !== 'number' && typeof b === 'number') return add(ctx, `${id}_ADDED`, p, `${kw} ${b} added`, where);
  if (typeof a === 'number' && typeof b !== 'number') return add(ctx, `${id}_REMOVED`, p, `${kw} ${a} removed`, where);
  if (typeof a === 'number' && typeof b === 'number') {
    return add(ctx, b > a ? `${id}_INCREASED` : `${id}_DECREASED`, p, `${kw} ${a} → ${b}`, where);
  }
  add(ctx, 'KEYWORD_CHANGED', p, `${kw} changed: ${show(a)} → ${show(b)}`, where);
}

// ─── objects ─────────────────────────────────────────────────────────────────

type ContentModel = 'closed' | 'open' | 'partial';

function contentModel(alt: Alternative): ContentModel {
  const ap = alt.keys.get('additionalProperties')?.value;
  const pp = alt.keys.get('patternProperties')?.value;
  const hasPatterns = pp !== null && typeof pp === 'object' && Object.keys(pp).length > 0;
  const apOpen = ap === undefined || ap === true || (isPlainObject(ap) && Object.keys(ap).length === 0);
  if (hasPatterns) return 'partial';
  if (ap === false) return 'closed';
  return apOpen ? 'open' : 'partial';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** For a key not in `properties` of a partially open object: the schema it must match. */
function coverage(alt: Alternative, name: string, fallbackFrom: NodeRef): NodeRef {
  const pp = alt.keys.get('patternProperties');
  if (pp && isPlainObject(pp.value)) {
    for (const pattern of Object.keys(pp.value)) {
      let matches = false;
      try {
        matches = new RegExp(pattern, 'u').test(name);
      } catch {
        matches = false;
      }
      if (matches) return child(slotRef(pp), pattern);
    }
  }
  const ap = alt.keys.get('additionalProperties');
  if (ap) return slotRef(ap);
  return { c: fallbackFrom.c, file: '(absent)', ptr: fallbackFrom.ptr, node: true };
}

function propertyNames(alt: Alternative): string[] {
  const v = alt.keys.get('properties')?.value;
  return isPlainObject(v) ? Object.keys(v) : [];
}

function requiredList(alt: Alternative): string[] {
  const v = alt.keys.get('required')?.value;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function reserved(ctx: Ctx, alt: Alternative, side: 'baseline' | 'current'): Map<string, string> {
  const slot = alt.keys.get('x-reserved');
  const out = new Map<string, string>();
  if (!slot) return out;
  const ok = isPlainObject(slot.value) && Object.values(slot.value).every((v) => typeof v === 'string');
  if (!ok) {
    add(ctx, 'RESERVED_INVALID', `${alt.pointer}/x-reserved`, `${side}: x-reserved must map each removed field name to a reason (string), got ${show(slot.value)}`, { [side]: slot.ref });
    if (!isPlainObject(slot.value)) return out;
  }
  for (const [name, why] of Object.entries(slot.value as Record<string, unknown>)) out.set(name, String(why));
  return out;
}

function propRef(alt: Alternative, name: string): NodeRef {
  return child(slotRef(alt.keys.get('properties')!), name);
}

function hasDefault(ref: NodeRef): boolean {
  return effective(ref).keys.has('default');
}

function isEmptySchema(ref: NodeRef): boolean {
  if (ref.node === true) return true;
  const eff = effective(ref);
  return !eff.nothing && [...eff.keys.keys()].every((k) => ANNOTATIONS.has(k) || k === 'default');
}

function compareObject(ctx: Ctx, o: Alternative, n: Alternative): void {
  const base = n.pointer;
  const mo = contentModel(o);
  const mn = contentModel(n);
  const apPointer = `${base}/additionalProperties`;
  const apAt = kwAt(o, n, 'additionalProperties');
  if (mo !== mn) {
    const rule: RuleId =
      mo === 'closed' ? 'CONTENT_MODEL_OPENED' : mn === 'closed' ? 'CONTENT_MODEL_CLOSED' : mo === 'open' ? 'CONTENT_MODEL_NARROWED' : 'CONTENT_MODEL_WIDENED';
    add(ctx, rule, apPointer, `content model ${mo} → ${mn}`, apAt);
  } else if (mo === 'partial') {
    const ao = o.keys.get('additionalProperties')?.value;
    const an = n.keys.get('additionalProperties')?.value;
    if (ao === false && an !== false) add(ctx, 'CONTENT_MODEL_OPENED', apPointer, 'additionalProperties false → a schema', apAt);
    else if (ao !== false && an === false) add(ctx, 'CONTENT_MODEL_CLOSED', apPointer, 'additionalProperties → false', apAt);
    else if (ao !== false && an !== false) compareNode(ctx, subschema(o, 'additionalProperties', n), subschema(n, 'additionalProperties', o), apPointer);
    keywordChanged(ctx, o, n, 'patternProperties');
  }

  const namesO = propertyNames(o);
  const namesN = propertyNames(n);
  const reqO = requiredList(o);
  const reqN = requiredList(n);
  const resO = reserved(ctx, o, 'baseline');
  const resN = reserved(ctx, n, 'current');

  for (const name of [...namesO, ...namesN.filter((x) => !namesO.includes(x))]) {
    const p = `${base}/properties/${escapeToken(name)}`;
    const inO = namesO.includes(name);
    const inN = namesN.includes(name);
    if (inO && inN) {
      compareNode(ctx, propRef(o, name), propRef(n, name), p);
      compareRequired(ctx, o, n, name, reqO, reqN, propRef(o, name), propRef(n, name));
    } else if (inO) {
      oneSidedProperty(ctx, 'removed', o, n, name, p, mn, reqO.includes(name));
      if (!resN.has(name)) {
        add(ctx, 'PROPERTY_REMOVED_NOT_RESERVED', p, `property "${name}" removed without listing it in x-reserved (so it cannot come back with another type)`, { baseline: propRef(o, name) });
      }
    } else {
      oneSidedProperty(ctx, 'added', o, n, name, p, mo, reqN.includes(name));
    }
    if (inN && (resN.has(name) || (resO.has(name) && !inO))) {
      const why = resN.get(name) ?? resO.get(name);
      add(ctx, 'RESERVED_FIELD_READDED', p, `property "${name}" is reserved (${why}); a removed field cannot come back`, { current: propRef(n, name) });
    }
  }
  // `required` names with no property schema on either side.
  for (const name of [...new Set([...reqO, ...reqN])]) {
    if (namesO.includes(name) || namesN.includes(name)) continue;
    const none: NodeRef = { c: (o.keys.get('required') ?? n.keys.get('required'))!.ref.c, file: '(absent)', ptr: '', node: true };
    compareRequired(ctx, o, n, name, reqO, reqN, none, none);
  }
  for (const [name, why] of resO) {
    if (!resN.has(name)) {
      add(ctx, 'RESERVED_FIELD_UNRESERVED', `${base}/x-reserved`, `"${name}" (${why}) was reserved in the baseline and must stay reserved`, kwAt(o, n, 'x-reserved'));
    }
  }
  const common = namesO.filter((x) => namesN.includes(x));
  const commonInN = namesN.filter((x) => namesO.includes(x));
  if (!isDeepStrictEqual(common, commonInN)) {
    add(ctx, 'PROPERTY_ORDER_CHANGED', `${base}/properties`, `property order ${common.join(', ')} → ${commonInN.join(', ')}`, kwAt(o, n, 'properties'));
  }
  for (const kw of ['propertyNames', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties']) keywordChanged(ctx, o, n, kw);
}

function compareRequired(ctx: Ctx, o: Alternative, n: Alternative, name: string, reqO: string[], reqN: string[], po: NodeRef, pn: NodeRef): void {
  const inO = reqO.includes(name);
  const inN = reqN.includes(name);
  if (inO === inN) return;
  if (inN) {
    const withDefault = hasDefault(pn);
    add(ctx, withDefault ? 'REQUIRED_ADDED_WITH_DEFAULT' : 'REQUIRED_ADDED', `${n.pointer}/required/${reqN.indexOf(name)}`, `property "${name}" is now required${withDefault ? ' (it has a default)' : ', and has no default'}`, { current: child(slotRef(n.keys.get('required')!), reqN.indexOf(name)) });
  } else {
    const withDefault = hasDefault(po);
    add(ctx, withDefault ? 'REQUIRED_REMOVED_WITH_DEFAULT' : 'REQUIRED_REMOVED', `${o.pointer}/required/${reqO.indexOf(name)}`, `property "${name}" is no longer required${withDefault ? ' (it has a default)' : ', and had no default'}`, { baseline: child(slotRef(o.keys.get('required')!), reqO.indexOf(name)) });
  }
}

/**
 * A property only one side declares: `removed` (in the baseline only) or
 * `added` (in the current contract only). `model` is the content model of the
 * side that lacks it, which decides what its documents may hold under that key.
 */
function oneSidedProperty(
  ctx: Ctx,
  change: 'added' | 'removed',
  o: Alternative,
  n: Alternative,
  name: string,
  p: string,
  model: ContentModel,
  required: boolean,
): void {
  const removed = change === 'removed';
  const ref = propRef(removed ? o : n, name);
  const where = removed ? { baseline: ref } : { current: ref };
  const D = removed ? ('REMOVED' as const) : ('ADDED' as const);
  const verb = removed ? 'removed from' : 'added to';
  if (model === 'open') {
    add(ctx, isEmptySchema(ref) ? `PROPERTY_${D}_OPEN_EMPTY_SCHEMA` : `PROPERTY_${D}_OPEN`, p, `property "${name}" ${verb} an open object`, where);
    return;
  }
  const withDefault = hasDefault(ref);
  const req = required ? (withDefault ? 'required, with a default' : 'required, no default') : 'optional';
  const need = required ? (withDefault ? ('REQUIRED_WITH_DEFAULT' as const) : ('REQUIRED' as const)) : ('OPTIONAL' as const);
  if (model === 'closed') {
    add(ctx, `PROPERTY_${D}_CLOSED_${need}`, p, `property "${name}" (${req}) ${verb} a closed object`, where);
    return;
  }
  // Partially open: the key now falls to (or comes from) additionalProperties, which must cover the property.
  if (removed) compareNode(ctx, ref, coverage(n, name, ref), p, true);
  else compareNode(ctx, coverage(o, name, ref), ref, p, true);
  const tail = removed ? '; its key now falls to additionalProperties' : '';
  add(ctx, `PROPERTY_${D}_PARTIAL_${need}`, p, `property "${name}" (${req}) ${verb} a partially open object${tail}`, where);
}

// ─── combinators and the rest ────────────────────────────────────────────────

function trueRef(like: NodeRef): NodeRef {
  return { c: like.c, file: '(absent)', ptr: like.ptr, node: true };
}

function compareCombinators(ctx: Ctx, eo: Effective, en: Effective, pointer: string): void {
  const ao = eo.keys.get('allOf');
  const an = en.keys.get('allOf');
  if (ao || an) {
    const lo = Array.isArray(ao?.value) ? (ao!.value as unknown[]) : [];
    const ln = Array.isArray(an?.value) ? (an!.value as unknown[]) : [];
    if (ao && an && lo.length === ln.length) {
      for (let i = 0; i < lo.length; i++) compareNode(ctx, child(ao.ref, i), child(an.ref, i), `${pointer}/allOf/${i}`);
    } else {
      const unmatchedN = ln.map((_, i) => i);
      for (let i = 0; i < lo.length; i++) {
        const j = unmatchedN.findIndex((k) => isDeepStrictEqual(lo[i], ln[k]));
        if (j !== -1) unmatchedN.splice(j, 1);
        else add(ctx, 'ALL_OF_BRANCH_REMOVED', `${pointer}/allOf/${i}`, `allOf branch ${i} removed: ${show(lo[i])}`, { baseline: child(ao!.ref, i) });
      }
      for (const k of unmatchedN) add(ctx, 'ALL_OF_BRANCH_ADDED', `${pointer}/allOf/${k}`, `allOf branch added: ${show(ln[k])}`, { current: child(an!.ref, k) });
    }
  }
  if (!isDeepStrictEqual(get(eo, 'if'), get(en, 'if'))) {
    add(ctx, 'CONDITION_CHANGED', `${pointer}/if`, `if changed: ${show(get(eo, 'if'))} → ${show(get(en, 'if'))}`, at(eo, en, 'if'));
  }
  for (const kw of ['then', 'else']) {
    const so = eo.keys.get(kw);
    const sn = en.keys.get(kw);
    if (so || sn) compareNode(ctx, so ? so.ref : trueRef(sn!.ref), sn ? sn.ref : trueRef(so!.ref), `${pointer}/${kw}`);
  }
  if (!isDeepStrictEqual(get(eo, 'not'), get(en, 'not'))) {
    add(ctx, 'COMBINATOR_CHANGED', `${pointer}/not`, `not changed: ${show(get(eo, 'not'))} → ${show(get(en, 'not'))}`, at(eo, en, 'not'));
  }
}

function compareUnknown(ctx: Ctx, eo: Effective, en: Effective, pointer: string): void {
  const keys = new Set([...eo.keys.keys(), ...en.keys.keys()]);
  for (const kw of keys) {
    if (ANNOTATIONS.has(kw) || NODE_KEYWORDS.has(kw) || ALL_TYPED.has(kw)) continue;
    if (!isDeepStrictEqual(get(eo, kw), get(en, kw))) {
      add(ctx, 'KEYWORD_CHANGED', `${pointer}/${escapeToken(kw)}`, `${kw} changed: ${show(get(eo, kw))} → ${show(get(en, kw))}`, at(eo, en, kw));
    }
  }
}

// ─── contracts ───────────────────────────────────────────────────────────────

export interface ContractVersion {
  /** The one major version of every `$id`, when they agree. */
  version: number | undefined;
  /** What disagrees, one line each. */
  problems: string[];
}

/** The major version (`/v<N>/`) every `$id` of the snapshot carries. */
export function contractVersion(snapshot: ContractSnapshot): ContractVersion {
  const versions = new Map<number, string[]>();
  const problems: string[] = [];
  for (const [file, schema] of snapshot.files) {
    const id = schema.$id;
    const m = typeof id === 'string' ? /\/v(\d+)\//.exec(id) : null;
    if (!m) {
      problems.push(`${file}: $id ${show(id)} carries no /v<N>/ major version`);
      continue;
    }
    const v = Number(m[1]);
    versions.set(v, [...(versions.get(v) ?? []), file]);
  }
  if (versions.size > 1) {
    problems.push(`$ids carry different major versions: ${[...versions].map(([v, files]) => `v${v} (${files.join(', ')})`).join('; ')}`);
  }
  return { version: versions.size === 1 ? [...versions.keys()][0] : undefined, problems };
}

/** DTO name (the schema's `title`, else its file name) → file, for every file except common.schema.json. */
export function dtoFiles(snapshot: ContractSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, schema] of snapshot.files) {
    if (file === COMMON_FILE) continue;
    out.set(typeof schema.title === 'string' ? schema.title : file, file);
  }
  return out;
}

/** Every classified difference between `baseline` and `current`, DTO by DTO. */
export function diffContracts(baseline: ContractSnapshot, current: ContractSnapshot): Finding[] {
  const cb = indexContract(baseline);
  const cc = indexContract(current);
  const findings: Finding[] = [];
  const dtosB = dtoFiles(baseline);
  const dtosC = dtoFiles(current);
  const names = [...new Set([...dtosB.keys(), ...dtosC.keys()])].sort();
  for (const dto of names) {
    const ctx: Ctx = { dto, findings, active: new Set() };
    const fb = dtosB.get(dto);
    const fc = dtosC.get(dto);
    const rb: NodeRef | undefined = fb ? { c: cb, file: fb, ptr: '', node: baseline.files.get(fb) } : undefined;
    const rc: NodeRef | undefined = fc ? { c: cc, file: fc, ptr: '', node: current.files.get(fc) } : undefined;
    if (rb && rc) compareNode(ctx, rb, rc, '');
    else if (rc) add(ctx, 'DTO_ADDED', '', `DTO ${dto} added (${fc})`, { current: rc });
    else if (rb) add(ctx, 'DTO_REMOVED', '', `DTO ${dto} removed (${fb})`, { baseline: rb });
  }
  return findings;
}
