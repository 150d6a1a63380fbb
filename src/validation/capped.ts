/**
 * Diagnosing an invalid document in bounded memory, whatever its number of problems (issue 15 #2).
 *
 * Ajv's diagnosers run with `allErrors`: on a 64 MiB EventMarkerPage made of unknown keys they allocate millions of
 * error objects before anything can be cut (4.7 GB, then out of memory). The document is therefore diagnosed in
 * pieces, each small enough for Ajv to explain whole, and the issues flow, in document order (order.ts), into an
 * IssueSink that keeps the first `maxIssues` and only counts the rest (a document of fewer than WHOLE_BELOW values is
 * explained by one Ajv run sorted into that order, which gives the same issues faster):
 *
 * - the DTO object's **skeleton**: its declared properties, its collections (an array with `items`, a map with an
 *   `additionalProperties` schema) emptied, run through the DTO's own Ajv diagnoser. Each collection holds one
 *   sentinel item (`null`) and the object keeps its first unknown key: their issues show that the collection's items
 *   and the unknown keys are judged apart from the rest. The skeleton's issues are grouped by the key they are under
 *   and emitted walking the object's keys in document order, a collection's and an unknown key's replaced by
 * - the **unknown keys**, met on that walk: every one is the same `additionalProperties` issue as the first, which
 *   Ajv made (only its `additionalProperty` param and `received` name the key);
 * - the **items of a DTO array** (markers, participants), each judged by its DTO's fast checker and, when rejected,
 *   diagnosed the same way (Ajv calls the item DTO's diagnoser for them: the same function, the same errors);
 * - the **items of any other collection** (id lists, payload values), in windows of WINDOW items put in the
 *   skeleton's place: Ajv explains each window, its paths moved to the items' real indices.
 *
 * Why this design rather than a bounded variant of the generated diagnosers: Ajv undoes errors of failed
 * alternatives by truncating its error array (`vErrors.length = n`) and counts sub-validators' errors by that
 * array's length, so a generated validator that stops storing errors would have to re-derive Ajv's bookkeeping in
 * patched source; here Ajv's output is used unchanged, on small inputs. Measured on a 64 MiB page of markers with
 * unknown keys: see BENCHMARKS.md ("Bounded diagnosis").
 *
 * Document order rather than Ajv's keeps the memory bound: it is the order of the walk itself, and only one object's
 * skeleton issues (bounded by its declared properties) or one window's are sorted at a time.
 *
 * What guarantees the issues are Ajv's: a piece is only cut where Ajv's errors for it are
 * independent of the rest (checked per DTO below: a DTO whose schema judges the object as a whole, or whose
 * conditions read a collection, is diagnosed whole, as before), a sentinel that yields no issue makes the object
 * diagnosed whole, and test/validation/capped.test.ts compares the result with one uncapped Ajv run over thousands
 * of mutated documents: the same issues, in the same order.
 */
import { commonSchema, schemas, type DtoName } from '../../generated/schemas';
import type { ErrorObject } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types';
import { ANNOTATION_KEYWORDS, type JsonSchema } from '../spec/json-schema';
import { diagnosers } from '../../generated/diagnosers';
import { checkers } from './compiled';
import { makeIssue, type ValidationIssue } from './errors';
import { escapePointerToken, unescapePointerToken } from '../spec/json-pointer';
import { documentsById, resolveRef } from '../spec/refs';
import { defineOwn, isNonArrayObject, isPlainObject } from '../spec/json-value';
import { toIssues } from './issues';
import { firstDocumentKey, forEachDocumentKey, inDocumentOrder } from './order';
import type { IssueSink } from './sink';

/**
 * Array items (or map values) per Ajv run in a window (see above): one run's errors stay a few MB, and the runs
 * are few enough that the skeleton's cost is lost in the items' (256 took 35 s on 3.6 M bad payload values, 4096
 * ~half of that).
 */
export const WINDOW = 4096;

/** A property holding a collection whose items are diagnosed apart from the object. */
export interface Collection<Name extends string = DtoName> {
  readonly name: string;
  readonly pointer: string;
  /** `items`: an array; `values`: an object whose every value satisfies one schema. */
  readonly kind: 'items' | 'values';
  /** The DTO of the items (an array of DTOs); undefined: windows. */
  readonly itemDto: Name | undefined;
}

/** How a DTO's documents are diagnosed: whole, or in pieces (see above). */
export interface PiecePlan<Name extends string = DtoName> {
  readonly dto: Name;
  /** Null: the DTO is diagnosed whole (see piecePlan). */
  readonly declared: ReadonlySet<string> | null;
  /** Unknown keys are errors (`additionalProperties: false`). */
  readonly closed: boolean;
  readonly collections: readonly Collection<Name>[];
}

/** Keywords that only annotate. */
const ANNOTATIONS = new Set([...ANNOTATION_KEYWORDS, '$schema', '$id', 'default', 'x-reserved']);
/** Keywords of a DTO object the skeleton judges as the whole object would be judged. */
const OBJECT_PIECES = new Set(['type', 'required', 'properties', 'additionalProperties']);
/** Keywords that may sit beside them when they read no collection and no key set (see readsOnly). */
const CONDITIONS = new Set(['allOf', 'if', 'then', 'else', 'not']);
/** What a condition may not use: it would judge the whole key set. */
const KEY_SET_KEYWORDS = [
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'unevaluatedProperties',
  'dependentRequired',
  'dependentSchemas',
];

/**
 * The schema `schema` stands for, `$ref`s followed (src/spec/refs.ts) among `documents` (documentsById), with the URI
 * of the document holding it. A `$ref` with validating siblings stands for itself.
 */
function deref(
  schema: JsonSchema,
  base: string,
  documents: ReadonlyMap<string, unknown>,
): { node: JsonSchema; base: string } {
  if (typeof schema.$ref !== 'string') return { node: schema, base };
  const target = resolveRef(schema.$ref, base, documents);
  if (target === undefined) throw new Error(`capped diagnosis: unknown $ref ${schema.$ref}`);
  // The $ref's siblings apply too: they must only annotate for the target to speak for the whole.
  const siblings = Object.keys(schema).filter((key) => key !== '$ref' && !ANNOTATIONS.has(key));
  if (siblings.length > 0) return { node: schema, base };
  return deref(target.node as JsonSchema, target.document, documents);
}

/** What a plan set's `$ref`s may lead into (URI → document, see documentsById), and which schema is which DTO's. */
interface PlanScope<Name extends string> {
  readonly documents: ReadonlyMap<string, unknown>;
  readonly dtoOf: ReadonlyMap<unknown, Name>;
}

/** The property's collection, when its schema is only that (no keyword judging the collection as a whole). */
function collectionOf<Name extends string>(
  name: string,
  property: JsonSchema,
  base: string,
  scope: PlanScope<Name>,
): Collection<Name> | undefined {
  const { node, base: at } = deref(property, base, scope.documents);
  const assertions = Object.keys(node).filter((key) => !ANNOTATIONS.has(key));
  const pointer = escapePointerToken(name);
  if (
    node.type === 'array' &&
    assertions.every((key) => key === 'type' || key === 'items') &&
    isNonArrayObject(node.items)
  ) {
    const itemSchema = node.items;
    const onlyRef =
      typeof itemSchema.$ref === 'string' &&
      Object.keys(itemSchema).every((key) => key === '$ref' || ANNOTATIONS.has(key));
    const itemDto = onlyRef
      ? scope.dtoOf.get(resolveRef(itemSchema.$ref as string, at, scope.documents)?.node)
      : undefined;
    return { name, pointer, kind: 'items', itemDto };
  }
  if (
    node.type === 'object' &&
    assertions.every((key) => key === 'type' || key === 'additionalProperties') &&
    isNonArrayObject(node.additionalProperties)
  ) {
    return { name, pointer, kind: 'values', itemDto: undefined };
  }
  return undefined;
}

/** Whether the conditions in `schema` read no collection and nothing of the key set. */
function readsOnly(schema: unknown, collections: ReadonlySet<string>): boolean {
  if (Array.isArray(schema)) return schema.every((branch) => readsOnly(branch, collections));
  if (!isNonArrayObject(schema)) return true;
  if (KEY_SET_KEYWORDS.some((keyword) => keyword in schema)) return false;
  const named = [
    ...Object.keys((schema.properties as object | undefined) ?? {}),
    ...((schema.required as string[] | undefined) ?? []),
  ];
  if (named.some((name) => collections.has(name))) return false;
  return Object.values(schema).every((value) => readsOnly(value, collections));
}

function piecePlan<Name extends string>(dto: Name, schema: JsonSchema, scope: PlanScope<Name>): PiecePlan<Name> {
  const base = String(schema.$id);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const collections = Object.entries(properties)
    .map(([name, property]) => collectionOf(name, property, base, scope))
    .filter((collection): collection is Collection<Name> => collection !== undefined);
  const names = new Set(collections.map((collection) => collection.name));
  const keywords = Object.keys(schema).filter((keyword) => !ANNOTATIONS.has(keyword));
  const piecewise =
    schema.type === 'object' &&
    (schema.additionalProperties === undefined || schema.additionalProperties === false) &&
    keywords.every(
      (keyword) => OBJECT_PIECES.has(keyword) || (CONDITIONS.has(keyword) && readsOnly(schema[keyword], names)),
    );
  return {
    dto,
    declared: piecewise ? new Set(Object.keys(properties)) : null,
    closed: schema.additionalProperties === false,
    collections: piecewise ? collections : [],
  };
}

/**
 * How each DTO of `dtos` (name → schema) is cut into pieces; `shared`: the other documents their `$ref`s lead into.
 * Exported for the tests (a contract of their own); the runtime's are plans(), the contract's.
 */
export function piecePlans<Name extends string>(
  dtos: Readonly<Record<Name, JsonSchema>>,
  shared: readonly JsonSchema[],
): Record<Name, PiecePlan<Name>> {
  const entries = Object.entries(dtos) as [Name, JsonSchema][];
  const scope: PlanScope<Name> = {
    documents: documentsById([...entries.map(([, schema]) => schema), ...shared]),
    dtoOf: new Map(entries.map(([name, schema]) => [schema, name])),
  };
  return Object.fromEntries(entries.map(([name, schema]) => [name, piecePlan(name, schema, scope)])) as Record<
    Name,
    PiecePlan<Name>
  >;
}

/** The contract's plans, made for the first document large enough to need them (not at import: cold start). */
let contractPlans: Readonly<Record<DtoName, PiecePlan<DtoName>>> | undefined;
const plans = (): Readonly<Record<DtoName, PiecePlan<DtoName>>> =>
  (contractPlans ??= piecePlans(schemas, [commonSchema]));

/**
 * Adds the issues of `value` as a `dto` to `sink`, in document order (order.ts): the order of one uncapped Ajv run
 * sorted into it. `original`: the caller's document when `value` is its schema view (schema-view.ts), so messages
 * quote the caller's values.
 */
export function diagnoseInto(
  dto: DtoName,
  value: unknown,
  sink: IssueSink,
  original?: unknown,
  wholeBelow: number = WHOLE_BELOW,
): void {
  if (smallerThan(value, wholeBelow)) for (const issue of diagnoseWhole(dto, value, original)) sink.add(issue);
  else diagnoseDto(plans()[dto], value, '', sink, original, original ?? value);
}

/**
 * Below this many values (array items, object members and the values they hold), a document is explained by one
 * Ajv run: its errors are a few MB at most, and one run costs a fifth of the pieces' (3.4 µs against 17.6 µs for
 * a small invalid EventRecord), which JSON Lines of many small invalid documents feel. The pieces give the same
 * issues (test/validation/capped.test.ts runs both).
 */
export const WHOLE_BELOW = 2048;

/** Whether `value` holds fewer than `budget` values; stops counting at the budget. */
function smallerThan(value: unknown, budget: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (++count >= budget) return false;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      if (count + node.length >= budget) return false;
      for (const item of node) stack.push(item);
    } else {
      for (const key in node) {
        if (++count >= budget) return false;
        stack.push((node as Record<string, unknown>)[key]);
      }
    }
  }
  return true;
}

/**
 * The issues of one uncapped Ajv run over the whole document, in document order: the reference the pieces are held
 * to (tests).
 */
export function diagnoseWhole(dto: DtoName, value: unknown, original?: unknown): ValidationIssue[] {
  const diagnose = diagnosers[dto];
  return diagnose(value) ? [] : inDocumentOrder(toIssues(diagnose.errors ?? [], original), original ?? value);
}

/** Ajv's data context for a value at `path` of the document (its other fields are Ajv's defaults). */
function context(path: string): DataValidationCxt {
  return { instancePath: path } as DataValidationCxt;
}

/**
 * Issues of `data` run whole through the DTO's diagnoser (Ajv's instancePath starting at `path`). `stand`: the
 * object `data` stands in for (a skeleton for the caller's object), quoted instead in messages.
 */
function run(dto: DtoName, data: unknown, path: string, original: unknown, stand?: unknown): ValidationIssue[] {
  const diagnose = diagnosers[dto];
  if (diagnose(data, context(path))) return [];
  const errors = diagnose.errors ?? [];
  return toIssues(
    stand === undefined ? errors : errors.map((e) => (e.data === data ? { ...e, data: stand } : e)),
    original,
  );
}

/** A collection diagnosed in pieces: its sentinel's path (whose issues the pieces replace), and the pieces. */
interface Mark {
  readonly at: string;
  /** Adds the pieces' issues, in document order. */
  readonly emit: () => void;
}

/**
 * The issues of the DTO object `object` at `path`, in document order. `shown`: the caller's value at `path`
 * (`object`, or the value `object` is the schema view of), whose key order is the document's. The skeleton's issues
 * are grouped by the key they are under, and emitted walking the object's keys: a key's own issues (document order
 * inside it), a collection's pieces, an unknown key's issue; then the object's missing keys.
 */
function diagnoseDto(
  plan: PiecePlan,
  object: unknown,
  path: string,
  sink: IssueSink,
  original: unknown,
  shown: unknown,
): void {
  const declared = plan.declared;
  if (declared === null || !isPlainObject(object)) {
    for (const issue of inDocumentOrder(run(plan.dto, object, path, original), shown, path)) sink.add(issue);
    return;
  }
  const shownObject = isPlainObject(shown) ? shown : object;
  // The skeleton: declared properties as Ajv reads them (`data.name`), collections emptied; the probe: the
  // skeleton with the sentinels.
  const skeleton: Record<string, unknown> = {};
  for (const name of declared) if (object[name] !== undefined) defineOwn(skeleton, name, object[name]);
  const sentinels = new Map<string, unknown>();
  const marks = new Map<string, Mark>();
  for (const collection of plan.collections) {
    const held = skeleton[collection.name];
    const at = `${path}/${collection.pointer}`;
    const shownValue = shownObject[collection.name];
    if (collection.kind === 'items' && Array.isArray(held)) {
      defineOwn(skeleton, collection.name, []);
      if (held.length === 0) continue;
      sentinels.set(collection.name, [null]);
      const shownList = Array.isArray(shownValue) ? shownValue : held;
      marks.set(collection.name, {
        at: `${at}/0`,
        emit: () => items(plan, collection, skeleton, held, at, path, sink, original, shownList),
      });
    } else if (collection.kind === 'values' && isNonArrayObject(held)) {
      defineOwn(skeleton, collection.name, {});
      const shownMap = isNonArrayObject(shownValue) ? shownValue : held;
      const first = firstDocumentKey(shownMap);
      if (first === undefined) continue;
      const sentinel: Record<string, unknown> = {};
      defineOwn(sentinel, first, null);
      sentinels.set(collection.name, sentinel);
      marks.set(collection.name, {
        at: `${at}/${escapePointerToken(first)}`,
        emit: () => values(plan, collection, skeleton, held, at, path, sink, original, shownMap),
      });
    }
  }
  const probe: Record<string, unknown> = {};
  for (const name of Object.keys(skeleton))
    defineOwn(probe, name, sentinels.has(name) ? sentinels.get(name) : skeleton[name]);
  const unknown = plan.closed ? firstUnknown(object, declared) : undefined;
  if (unknown !== undefined) defineOwn(probe, unknown, object[unknown]);
  const base = run(plan.dto, probe, path, original, object);
  // The probe's issues by the key they are under ('' for the object's own).
  const own: ValidationIssue[] = [];
  const byKey = new Map<string, ValidationIssue[]>();
  for (const issue of base) {
    if (issue.path === path) {
      own.push(issue);
      continue;
    }
    const rest = issue.path.slice(path.length + 1);
    const slash = rest.indexOf('/');
    const key = unescapePointerToken(slash < 0 ? rest : rest.slice(0, slash));
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [issue]);
    else group.push(issue);
  }
  // A mark's issues must all be its sentinel's (a schema accepting the sentinel, or judging the collection as a
  // whole, gives none or others), and the unknown key must have its issue: otherwise the object is explained whole
  // (correct; memory as before this module).
  const template = unknown === undefined ? undefined : byKey.get(unknown)?.[0];
  const marked = [...marks].every(([name, mark]) => {
    const group = byKey.get(name) ?? [];
    return group.length > 0 && group.every((issue) => issue.path === mark.at || issue.path.startsWith(`${mark.at}/`));
  });
  if (!marked || (unknown !== undefined && template?.keyword !== 'additionalProperties')) {
    for (const issue of inDocumentOrder(run(plan.dto, object, path, original), shown, path)) sink.add(issue);
    return;
  }
  for (const issue of own) sink.add(issue);
  forEachDocumentKey(shownObject, (key) => {
    if (!Object.prototype.hasOwnProperty.call(object, key)) return;
    if (!declared.has(key)) {
      if (template !== undefined) unknownKey(key, path, template, sink);
      return;
    }
    const mark = marks.get(key);
    if (mark !== undefined) mark.emit();
    else {
      const group = byKey.get(key);
      if (group !== undefined) {
        for (const issue of inDocumentOrder(group, shownObject[key], `${path}/${escapePointerToken(key)}`))
          sink.add(issue);
      }
    }
  });
  // Keys the object does not hold (missing required ones), after every present one, in the validator's order.
  for (const [key, group] of byKey) {
    if (!Object.prototype.hasOwnProperty.call(object, key)) for (const issue of group) sink.add(issue);
  }
}

function firstUnknown(object: Record<string, unknown>, declared: ReadonlySet<string>): string | undefined {
  for (const key in object) if (!declared.has(key)) return key;
  return undefined;
}

/** An unknown key's issue: the one Ajv made for the first unknown key (`template`), made for `key`. */
function unknownKey(key: string, path: string, template: ValidationIssue, sink: IssueSink): void {
  if (sink.listing) {
    const params = { ...template.params, additionalProperty: key };
    sink.add(makeIssue({ path: `${path}/${escapePointerToken(key)}`, keyword: template.keyword, params }));
  } else sink.more++;
}

function items(
  plan: PiecePlan,
  collection: Collection,
  skeleton: Record<string, unknown>,
  list: readonly unknown[],
  at: string,
  path: string,
  sink: IssueSink,
  original: unknown,
  shown: readonly unknown[],
): void {
  if (collection.itemDto !== undefined) {
    const check = checkers[collection.itemDto];
    const nested = plans()[collection.itemDto];
    for (let index = 0; index < list.length; index++)
      if (!check(list[index])) diagnoseDto(nested, list[index], `${at}/${index}`, sink, original, shown[index]);
    return;
  }
  for (let from = 0; from < list.length; from += WINDOW) {
    const window: Record<string, unknown> = { ...skeleton };
    defineOwn(window, collection.name, list.slice(from, from + WINDOW));
    const diagnose = diagnosers[plan.dto];
    if (diagnose(window, context(path))) continue;
    const errors = (diagnose.errors ?? []).flatMap((error) => {
      const moved = moveIndex(error.instancePath, at, from);
      return moved === undefined ? [] : [{ ...error, instancePath: moved }];
    });
    // A window holds consecutive items: sorted within, the windows follow one another in document order.
    for (const issue of inDocumentOrder(toIssues(errors, original), shown, at)) sink.add(issue);
  }
}

/** `at/j/rest` → `at/(j+offset)/rest`; undefined for a path not below an item of `at`. */
function moveIndex(instancePath: string, at: string, offset: number): string | undefined {
  if (!instancePath.startsWith(`${at}/`)) return undefined;
  const rest = instancePath.slice(at.length + 1);
  const slash = rest.indexOf('/');
  const index = Number(slash < 0 ? rest : rest.slice(0, slash));
  return `${at}/${index + offset}${slash < 0 ? '' : rest.slice(slash)}`;
}

function values(
  plan: PiecePlan,
  collection: Collection,
  skeleton: Record<string, unknown>,
  map: Record<string, unknown>,
  at: string,
  path: string,
  sink: IssueSink,
  original: unknown,
  shown: Record<string, unknown>,
): void {
  const diagnose = diagnosers[plan.dto];
  let window: Record<string, unknown> = {};
  let size = 0;
  const flush = (): void => {
    const probe: Record<string, unknown> = { ...skeleton };
    defineOwn(probe, collection.name, window);
    if (!diagnose(probe, context(path))) {
      const errors = (diagnose.errors ?? []).filter((e: ErrorObject) => e.instancePath.startsWith(`${at}/`));
      for (const issue of inDocumentOrder(toIssues(errors, original), shown, at)) sink.add(issue);
    }
    window = {};
    size = 0;
  };
  // Windows of consecutive keys in document order (`shown`'s keys are the map's).
  forEachDocumentKey(shown, (key) => {
    if (!Object.prototype.hasOwnProperty.call(map, key)) return;
    defineOwn(window, key, map[key]);
    if (++size === WINDOW) flush();
  });
  if (size > 0) flush();
}
