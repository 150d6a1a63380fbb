/**
 * Stage 2 — comparison: classifies every difference between two contracts, DTO by DTO, into the rules of
 * ./rules.ts. Pure: works on snapshots, reads nothing.
 *
 * Each DTO schema is walked from its root in both contracts at once, through effective schemas (./effective.ts):
 * `$ref`s are followed, so a change in common.schema.json is reported under every DTO that reaches it, at the pointer
 * where the DTO uses it. Keywords the gate does not model are compared as JSON and, when they differ, reported as
 * KEYWORD_CHANGED (breaking both ways): nothing is ignored silently except pure annotations (title, description, …).
 *
 * Names: `base` is the baseline's side of a comparison, `current` the current contract's.
 */
import { isDeepStrictEqual } from 'node:util';
import { escapePointerToken } from '../spec/json-pointer';
import { admitsType, type JsonType } from '../spec/json-schema';
import { isPlainObject } from '../spec/json-value';
import {
  ALL_TYPED,
  ANNOTATIONS,
  NODE_KEYWORDS,
  TYPED_KEYWORDS,
  absentPlace,
  alternatives,
  child,
  effective,
  filePlace,
  hasDefault,
  indexContract,
  isEmptySchema,
  locate,
  valueOf,
  type Alternative,
  type Effective,
  type Place,
  type Slot,
} from './effective';
import { finding, show, type Finding } from './findings';
import { BOUND_KEYWORDS, type BoundKeyword, type RuleId } from './rules';
import { requireSnapshot, type ContractSnapshot } from './snapshot';

export const COMMON_FILE = 'common.schema.json';

/** The findings of one DTO, and the pairs of places being compared (to stop on recursive schemas). */
interface Comparison {
  dto: string;
  findings: Finding[];
  active: Set<string>;
}

/** Where each side defines something. */
interface Sides {
  base?: Place;
  current?: Place;
}

function report(comparison: Comparison, rule: RuleId, pointer: string, message: string, sides: Sides = {}): void {
  const places = {
    ...(sides.base ? { baseline: locate(sides.base) } : {}),
    ...(sides.current ? { current: locate(sides.current) } : {}),
  };
  comparison.findings.push(finding(rule, comparison.dto, pointer, message, places));
}

/** Where each side defines `keyword` (in an effective schema or an alternative). */
function at(base: { keywords: Map<string, Slot> }, current: { keywords: Map<string, Slot> }, keyword: string): Sides {
  const inBase = base.keywords.get(keyword)?.place;
  const inCurrent = current.keywords.get(keyword)?.place;
  return { ...(inBase ? { base: inBase } : {}), ...(inCurrent ? { current: inCurrent } : {}) };
}

/** The logical pointer of `keyword` in a pair of alternatives: the current side's, unless only the baseline has it. */
function pointerOf(base: Alternative, current: Alternative, keyword: string): string {
  const owner = current.keywords.has(keyword) || !base.keywords.has(keyword) ? current : base;
  return `${owner.pointer}/${keyword}`;
}

function refName(target: string): string {
  return target.endsWith('#') ? target.slice(0, -1) : target;
}

// ─── schemas ─────────────────────────────────────────────────────────────────

/**
 * Compares two schemas at `pointer`. `asCoverage`: one side stands for the additionalProperties schema a property is
 * compared with; its `default` is not a change.
 */
function compareSchemas(
  comparison: Comparison,
  base: Place,
  current: Place,
  pointer: string,
  asCoverage = false,
): void {
  const pair = `${locate(base)}|${locate(current)}`;
  if (comparison.active.has(pair)) return; // recursive schema: this pair is already being compared further up
  comparison.active.add(pair);
  try {
    const baseSchema = effective(base);
    const currentSchema = effective(current);
    for (const ref of baseSchema.unresolved) {
      report(comparison, 'REF_UNRESOLVED', pointer, `baseline: $ref ${ref} resolves to nothing`, { base });
    }
    for (const ref of currentSchema.unresolved) {
      report(comparison, 'REF_UNRESOLVED', pointer, `$ref ${ref} resolves to nothing`, { current });
    }
    const refsChanged = !isDeepStrictEqual(baseSchema.refs, currentSchema.refs);
    if ((baseSchema.refs.length || currentSchema.refs.length) && refsChanged) {
      const from = baseSchema.refs.length ? baseSchema.refs.map(refName).join(' → ') : 'an inline schema';
      const to = currentSchema.refs.length ? currentSchema.refs.map(refName).join(' → ') : 'an inline schema';
      report(comparison, 'REF_TARGET_CHANGED', pointer, `$ref changed from ${from} to ${to}`, { base, current });
    }
    compareEffective(comparison, baseSchema, currentSchema, pointer, asCoverage);
  } finally {
    comparison.active.delete(pair);
  }
}

function compareEffective(
  comparison: Comparison,
  base: Effective,
  current: Effective,
  pointer: string,
  asCoverage: boolean,
): void {
  const baseDefault = valueOf(base, 'default');
  const currentDefault = valueOf(current, 'default');
  if (!asCoverage && !isDeepStrictEqual(baseDefault, currentDefault)) {
    const what = !base.keywords.has('default') ? 'added' : !current.keywords.has('default') ? 'removed' : 'changed';
    const message = `default ${what}: ${show(baseDefault)} → ${show(currentDefault)}`;
    report(comparison, 'DEFAULT_CHANGED', `${pointer}/default`, message, at(base, current, 'default'));
  }
  compareValues(comparison, base, current, pointer);
  compareTypes(comparison, base, current, pointer);
  compareCombinators(comparison, base, current, pointer);
  compareUnmodelled(comparison, base, current, pointer);
}

/** `enum` / `const`, compared as sets of allowed values. */
function compareValues(comparison: Comparison, base: Effective, current: Effective, pointer: string): void {
  const values = (schema: Effective): unknown[] | undefined => {
    if (schema.keywords.has('const')) return [valueOf(schema, 'const')];
    const list = valueOf(schema, 'enum');
    return Array.isArray(list) ? list : undefined;
  };
  const baseValues = values(base);
  const currentValues = values(current);
  if (baseValues === undefined && currentValues === undefined) return;
  const has = (schema: Effective, keyword: string): boolean => schema.keywords.has(keyword);
  const keyword = has(current, 'const') || (!has(current, 'enum') && has(base, 'const')) ? 'const' : 'enum';
  const where = at(base, current, has(current, keyword) || has(base, keyword) ? keyword : 'enum');
  const keywordPointer = `${pointer}/${keyword}`;
  if (baseValues === undefined) {
    return report(comparison, 'ENUM_ADDED', keywordPointer, `values restricted to ${show(currentValues)}`, where);
  }
  if (currentValues === undefined) {
    return report(comparison, 'ENUM_REMOVED', keywordPointer, `value restriction ${show(baseValues)} removed`, where);
  }
  const gained = currentValues.filter((v) => !baseValues.some((w) => isDeepStrictEqual(v, w)));
  const lost = baseValues.filter((v) => !currentValues.some((w) => isDeepStrictEqual(v, w)));
  if (gained.length && lost.length) {
    report(comparison, 'ENUM_CHANGED', keywordPointer, `values gained ${show(gained)} and lost ${show(lost)}`, where);
  } else if (gained.length) {
    report(comparison, 'ENUM_WIDENED', keywordPointer, `values gained ${show(gained)}`, where);
  } else if (lost.length) {
    report(comparison, 'ENUM_NARROWED', keywordPointer, `values lost ${show(lost)}`, where);
  }
}

// ─── types ───────────────────────────────────────────────────────────────────

function describeTypes(list: Alternative[]): string {
  if (list.length === 0) return 'nothing';
  return list.map((a) => a.type).join(' | ');
}

function compareTypes(comparison: Comparison, base: Effective, current: Effective, pointer: string): void {
  const baseAlternatives = alternatives(base, pointer);
  const currentAlternatives = alternatives(current, pointer);
  if (!baseAlternatives.ok || !currentAlternatives.ok) {
    // Not reducible to alternatives by type: compare the combinators as JSON.
    for (const keyword of ['oneOf', 'anyOf', 'type']) {
      if (!isDeepStrictEqual(valueOf(base, keyword), valueOf(current, keyword))) {
        const why = !currentAlternatives.ok
          ? currentAlternatives.reason
          : !baseAlternatives.ok
            ? baseAlternatives.reason
            : '';
        const message = `${keyword} changed (${why}); not compared for inclusion`;
        report(comparison, 'COMBINATOR_CHANGED', `${pointer}/${keyword}`, message, at(base, current, keyword));
      }
    }
    return;
  }
  const has = (schema: Effective, keyword: string): boolean => schema.keywords.has(keyword);
  const typeKeyword = has(current, 'type')
    ? 'type'
    : has(current, 'oneOf')
      ? 'oneOf'
      : has(current, 'anyOf')
        ? 'anyOf'
        : '';
  const typePointer = typeKeyword ? `${pointer}/${typeKeyword}` : pointer;
  const locatedBy =
    has(current, 'type') || has(base, 'type')
      ? 'type'
      : has(current, 'oneOf') || has(base, 'oneOf')
        ? 'oneOf'
        : 'anyOf';
  const typeAt = at(base, current, locatedBy);
  const baseTypes = new Set(baseAlternatives.alternatives.map((a) => a.type));
  const currentTypes = new Set(currentAlternatives.alternatives.map((a) => a.type));
  const nonNull = (types: Set<JsonType>): JsonType[] => [...types].filter((t) => t !== 'null');
  const baseFits = nonNull(baseTypes).every((t) => admitsType(currentTypes, t));
  const currentFits = nonNull(currentTypes).every((t) => admitsType(baseTypes, t));
  const change = `${describeTypes(baseAlternatives.alternatives)} → ${describeTypes(currentAlternatives.alternatives)}`;
  if (!(baseFits && currentFits)) {
    if (baseFits) report(comparison, 'TYPE_WIDENED', typePointer, `type widened: ${change}`, typeAt);
    else if (currentFits) report(comparison, 'TYPE_NARROWED', typePointer, `type narrowed: ${change}`, typeAt);
    else report(comparison, 'TYPE_CHANGED', typePointer, `type changed: ${change}`, typeAt);
  }
  if (baseTypes.has('null') && !currentTypes.has('null')) {
    report(comparison, 'NULLABLE_REMOVED', typePointer, `null no longer accepted: ${change}`, typeAt);
  }
  if (!baseTypes.has('null') && currentTypes.has('null')) {
    report(comparison, 'NULLABLE_ADDED', typePointer, `null now accepted: ${change}`, typeAt);
  }

  for (const inCurrent of currentAlternatives.alternatives) {
    const numeric = (a: Alternative): boolean =>
      (a.type === 'integer' && inCurrent.type === 'number') || (a.type === 'number' && inCurrent.type === 'integer');
    const inBase =
      baseAlternatives.alternatives.find((a) => a.type === inCurrent.type) ??
      baseAlternatives.alternatives.find(numeric);
    if (inBase) compareTyped(comparison, inBase, inCurrent);
  }
}

/** The keywords of one JSON type, in two alternatives of that type (or integer and number). */
function compareTyped(comparison: Comparison, base: Alternative, current: Alternative): void {
  for (const keyword of TYPED_KEYWORDS[current.type]) {
    if (keyword in BOUND_KEYWORDS) compareBound(comparison, base, current, keyword as BoundKeyword);
  }
  const presence = (keyword: string, added: RuleId, removed: RuleId, changed: RuleId): void => {
    const before = valueOf(base, keyword);
    const after = valueOf(current, keyword);
    if (isDeepStrictEqual(before, after)) return;
    const keywordPointer = pointerOf(base, current, keyword);
    const where = at(base, current, keyword);
    if (before === undefined) report(comparison, added, keywordPointer, `${keyword} ${show(after)} added`, where);
    else if (after === undefined)
      report(comparison, removed, keywordPointer, `${keyword} ${show(before)} removed`, where);
    else report(comparison, changed, keywordPointer, `${keyword} changed: ${show(before)} → ${show(after)}`, where);
  };
  switch (current.type) {
    case 'string':
      presence('pattern', 'PATTERN_ADDED', 'PATTERN_REMOVED', 'PATTERN_CHANGED');
      presence('format', 'FORMAT_ADDED', 'FORMAT_REMOVED', 'FORMAT_CHANGED');
      break;
    case 'number':
    case 'integer':
      presence('multipleOf', 'MULTIPLE_OF_ADDED', 'MULTIPLE_OF_REMOVED', 'MULTIPLE_OF_CHANGED');
      break;
    case 'array': {
      const uniqueBefore = valueOf(base, 'uniqueItems') === true;
      const uniqueAfter = valueOf(current, 'uniqueItems') === true;
      const uniquePointer = pointerOf(base, current, 'uniqueItems');
      const uniqueAt = at(base, current, 'uniqueItems');
      if (!uniqueBefore && uniqueAfter) {
        report(comparison, 'UNIQUE_ITEMS_ADDED', uniquePointer, 'uniqueItems added', uniqueAt);
      }
      if (uniqueBefore && !uniqueAfter) {
        report(comparison, 'UNIQUE_ITEMS_REMOVED', uniquePointer, 'uniqueItems removed', uniqueAt);
      }
      if (base.keywords.has('items') || current.keywords.has('items')) {
        const items = pointerOf(base, current, 'items');
        compareSchemas(comparison, subschema(base, 'items', current), subschema(current, 'items', base), items);
      }
      for (const keyword of ['prefixItems', 'contains', 'minContains', 'maxContains', 'unevaluatedItems']) {
        keywordChanged(comparison, base, current, keyword);
      }
      break;
    }
    case 'object':
      compareObject(comparison, base, current);
      break;
    default:
      break;
  }
}

/** The subschema under `keyword`, or the empty schema `true` when absent (what absence means). */
function subschema(alternative: Alternative, keyword: string, other: Alternative): Place {
  const slot = alternative.keywords.get(keyword);
  if (slot) return slot.place;
  const otherPlace = other.keywords.get(keyword)!.place;
  return absentPlace(otherPlace.contract, otherPlace.pointer);
}

/** A keyword the gate does not model: any change is KEYWORD_CHANGED. */
function keywordChanged(comparison: Comparison, base: Alternative, current: Alternative, keyword: string): void {
  const before = valueOf(base, keyword);
  const after = valueOf(current, keyword);
  if (isDeepStrictEqual(before, after)) return;
  const message = `${keyword} changed: ${show(before)} → ${show(after)}`;
  report(comparison, 'KEYWORD_CHANGED', pointerOf(base, current, keyword), message, at(base, current, keyword));
}

function compareBound(comparison: Comparison, base: Alternative, current: Alternative, keyword: BoundKeyword): void {
  const before = valueOf(base, keyword);
  const after = valueOf(current, keyword);
  if (isDeepStrictEqual(before, after)) return;
  const rules = BOUND_KEYWORDS[keyword];
  const keywordPointer = pointerOf(base, current, keyword);
  const where = at(base, current, keyword);
  if (typeof before !== 'number' && typeof after === 'number') {
    return report(comparison, rules.added, keywordPointer, `${keyword} ${after} added`, where);
  }
  if (typeof before === 'number' && typeof after !== 'number') {
    return report(comparison, rules.removed, keywordPointer, `${keyword} ${before} removed`, where);
  }
  if (typeof before === 'number' && typeof after === 'number') {
    return report(
      comparison,
      after > before ? rules.increased : rules.decreased,
      keywordPointer,
      `${keyword} ${before} → ${after}`,
      where,
    );
  }
  report(comparison, 'KEYWORD_CHANGED', keywordPointer, `${keyword} changed: ${show(before)} → ${show(after)}`, where);
}

// ─── objects ─────────────────────────────────────────────────────────────────

type ContentModel = 'closed' | 'open' | 'partial';

function contentModel(alternative: Alternative): ContentModel {
  const additional = valueOf(alternative, 'additionalProperties');
  const patterns = valueOf(alternative, 'patternProperties');
  const hasPatterns = patterns !== null && typeof patterns === 'object' && Object.keys(patterns).length > 0;
  const additionalOpen =
    additional === undefined ||
    additional === true ||
    (isPlainObject(additional) && Object.keys(additional).length === 0);
  if (hasPatterns) return 'partial';
  if (additional === false) return 'closed';
  return additionalOpen ? 'open' : 'partial';
}

/** For a key not in `properties` of a partially open object: the schema it must match. */
function coverage(alternative: Alternative, name: string, fallback: Place): Place {
  const patterns = alternative.keywords.get('patternProperties');
  if (patterns && isPlainObject(patterns.value)) {
    for (const pattern of Object.keys(patterns.value)) {
      let matches = false;
      try {
        matches = new RegExp(pattern, 'u').test(name);
      } catch {
        matches = false;
      }
      if (matches) return child(patterns.place, pattern);
    }
  }
  const additional = alternative.keywords.get('additionalProperties');
  if (additional) return additional.place;
  return absentPlace(fallback.contract, fallback.pointer);
}

function propertyNames(alternative: Alternative): string[] {
  const properties = valueOf(alternative, 'properties');
  return isPlainObject(properties) ? Object.keys(properties) : [];
}

function requiredList(alternative: Alternative): string[] {
  const required = valueOf(alternative, 'required');
  return Array.isArray(required) ? required.filter((x): x is string => typeof x === 'string') : [];
}

/** `x-reserved` of one side: removed field name → why; a malformed one is RESERVED_INVALID. */
function reserved(comparison: Comparison, alternative: Alternative, side: 'base' | 'current'): Map<string, string> {
  const slot = alternative.keywords.get('x-reserved');
  const out = new Map<string, string>();
  if (!slot) return out;
  const valid = isPlainObject(slot.value) && Object.values(slot.value).every((v) => typeof v === 'string');
  if (!valid) {
    const who = side === 'base' ? 'baseline' : 'current';
    const message = `${who}: x-reserved must map each removed field name to a reason (string), got ${show(slot.value)}`;
    report(comparison, 'RESERVED_INVALID', `${alternative.pointer}/x-reserved`, message, { [side]: slot.place });
    if (!isPlainObject(slot.value)) return out;
  }
  for (const [name, why] of Object.entries(slot.value as Record<string, unknown>)) out.set(name, String(why));
  return out;
}

function propertyPlace(alternative: Alternative, name: string): Place {
  return child(alternative.keywords.get('properties')!.place, name);
}

function compareObject(comparison: Comparison, base: Alternative, current: Alternative): void {
  const pointer = current.pointer;
  const baseModel = contentModel(base);
  const currentModel = contentModel(current);
  const additionalPointer = `${pointer}/additionalProperties`;
  const additionalAt = at(base, current, 'additionalProperties');
  if (baseModel !== currentModel) {
    const rule: RuleId =
      baseModel === 'closed'
        ? 'CONTENT_MODEL_OPENED'
        : currentModel === 'closed'
          ? 'CONTENT_MODEL_CLOSED'
          : baseModel === 'open'
            ? 'CONTENT_MODEL_NARROWED'
            : 'CONTENT_MODEL_WIDENED';
    report(comparison, rule, additionalPointer, `content model ${baseModel} → ${currentModel}`, additionalAt);
  } else if (baseModel === 'partial') {
    const before = valueOf(base, 'additionalProperties');
    const after = valueOf(current, 'additionalProperties');
    if (before === false && after !== false) {
      report(
        comparison,
        'CONTENT_MODEL_OPENED',
        additionalPointer,
        'additionalProperties false → a schema',
        additionalAt,
      );
    } else if (before !== false && after === false) {
      report(comparison, 'CONTENT_MODEL_CLOSED', additionalPointer, 'additionalProperties → false', additionalAt);
    } else if (before !== false && after !== false) {
      const baseSchema = subschema(base, 'additionalProperties', current);
      const currentSchema = subschema(current, 'additionalProperties', base);
      compareSchemas(comparison, baseSchema, currentSchema, additionalPointer);
    }
    keywordChanged(comparison, base, current, 'patternProperties');
  }

  const baseNames = propertyNames(base);
  const currentNames = propertyNames(current);
  const baseRequired = requiredList(base);
  const currentRequired = requiredList(current);
  const baseReserved = reserved(comparison, base, 'base');
  const currentReserved = reserved(comparison, current, 'current');

  for (const name of [...baseNames, ...currentNames.filter((x) => !baseNames.includes(x))]) {
    const propertyPointer = `${pointer}/properties/${escapePointerToken(name)}`;
    const inBase = baseNames.includes(name);
    const inCurrent = currentNames.includes(name);
    if (inBase && inCurrent) {
      const before = propertyPlace(base, name);
      const after = propertyPlace(current, name);
      compareSchemas(comparison, before, after, propertyPointer);
      compareRequired(comparison, base, current, name, before, after);
    } else if (inBase) {
      oneSidedProperty(
        comparison,
        'removed',
        base,
        current,
        name,
        propertyPointer,
        currentModel,
        baseRequired.includes(name),
      );
      if (!currentReserved.has(name)) {
        const message =
          `property "${name}" removed without listing it in x-reserved ` + '(so it cannot come back with another type)';
        report(comparison, 'PROPERTY_REMOVED_NOT_RESERVED', propertyPointer, message, {
          base: propertyPlace(base, name),
        });
      }
    } else {
      oneSidedProperty(
        comparison,
        'added',
        base,
        current,
        name,
        propertyPointer,
        baseModel,
        currentRequired.includes(name),
      );
    }
    if (inCurrent && (currentReserved.has(name) || (baseReserved.has(name) && !inBase))) {
      const why = currentReserved.get(name) ?? baseReserved.get(name);
      const message = `property "${name}" is reserved (${why}); a removed field cannot come back`;
      report(comparison, 'RESERVED_FIELD_READDED', propertyPointer, message, { current: propertyPlace(current, name) });
    }
  }
  // `required` names with no property schema on either side.
  for (const name of [...new Set([...baseRequired, ...currentRequired])]) {
    if (baseNames.includes(name) || currentNames.includes(name)) continue;
    const required = (base.keywords.get('required') ?? current.keywords.get('required'))!;
    const none = absentPlace(required.place.contract, '');
    compareRequired(comparison, base, current, name, none, none);
  }
  for (const [name, why] of baseReserved) {
    if (!currentReserved.has(name)) {
      const message = `"${name}" (${why}) was reserved in the baseline and must stay reserved`;
      report(
        comparison,
        'RESERVED_FIELD_UNRESERVED',
        `${pointer}/x-reserved`,
        message,
        at(base, current, 'x-reserved'),
      );
    }
  }
  const sharedInBaseOrder = baseNames.filter((x) => currentNames.includes(x));
  const sharedInCurrentOrder = currentNames.filter((x) => baseNames.includes(x));
  if (!isDeepStrictEqual(sharedInBaseOrder, sharedInCurrentOrder)) {
    const message = `property order ${sharedInBaseOrder.join(', ')} → ${sharedInCurrentOrder.join(', ')}`;
    report(comparison, 'PROPERTY_ORDER_CHANGED', `${pointer}/properties`, message, at(base, current, 'properties'));
  }
  for (const keyword of ['propertyNames', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties']) {
    keywordChanged(comparison, base, current, keyword);
  }
}

/** Whether `name` became (or stopped being) required; `base`/`current`: the property's schema on each side. */
function compareRequired(
  comparison: Comparison,
  baseObject: Alternative,
  currentObject: Alternative,
  name: string,
  base: Place,
  current: Place,
): void {
  const baseRequired = requiredList(baseObject);
  const currentRequired = requiredList(currentObject);
  const before = baseRequired.includes(name);
  const after = currentRequired.includes(name);
  if (before === after) return;
  if (after) {
    const index = currentRequired.indexOf(name);
    const place = child(currentObject.keywords.get('required')!.place, index);
    const requiredPointer = `${currentObject.pointer}/required/${index}`;
    if (hasDefault(current)) {
      const message = `property "${name}" is now required (it has a default)`;
      report(comparison, 'REQUIRED_ADDED_WITH_DEFAULT', requiredPointer, message, { current: place });
    } else {
      report(comparison, 'REQUIRED_ADDED', requiredPointer, `property "${name}" is now required, and has no default`, {
        current: place,
      });
    }
  } else {
    const index = baseRequired.indexOf(name);
    const place = child(baseObject.keywords.get('required')!.place, index);
    const requiredPointer = `${baseObject.pointer}/required/${index}`;
    if (hasDefault(base)) {
      const message = `property "${name}" is no longer required (it has a default)`;
      report(comparison, 'REQUIRED_REMOVED_WITH_DEFAULT', requiredPointer, message, { base: place });
    } else {
      const message = `property "${name}" is no longer required, and had no default`;
      report(comparison, 'REQUIRED_REMOVED', requiredPointer, message, { base: place });
    }
  }
}

/** The rule of a property one side declares, by change, content model and what the property needs. */
const ONE_SIDED_RULES = {
  added: {
    open: 'PROPERTY_ADDED_OPEN',
    openEmptySchema: 'PROPERTY_ADDED_OPEN_EMPTY_SCHEMA',
    closed: {
      optional: 'PROPERTY_ADDED_CLOSED_OPTIONAL',
      requiredWithDefault: 'PROPERTY_ADDED_CLOSED_REQUIRED_WITH_DEFAULT',
      required: 'PROPERTY_ADDED_CLOSED_REQUIRED',
    },
    partial: {
      optional: 'PROPERTY_ADDED_PARTIAL_OPTIONAL',
      requiredWithDefault: 'PROPERTY_ADDED_PARTIAL_REQUIRED_WITH_DEFAULT',
      required: 'PROPERTY_ADDED_PARTIAL_REQUIRED',
    },
  },
  removed: {
    open: 'PROPERTY_REMOVED_OPEN',
    openEmptySchema: 'PROPERTY_REMOVED_OPEN_EMPTY_SCHEMA',
    closed: {
      optional: 'PROPERTY_REMOVED_CLOSED_OPTIONAL',
      requiredWithDefault: 'PROPERTY_REMOVED_CLOSED_REQUIRED_WITH_DEFAULT',
      required: 'PROPERTY_REMOVED_CLOSED_REQUIRED',
    },
    partial: {
      optional: 'PROPERTY_REMOVED_PARTIAL_OPTIONAL',
      requiredWithDefault: 'PROPERTY_REMOVED_PARTIAL_REQUIRED_WITH_DEFAULT',
      required: 'PROPERTY_REMOVED_PARTIAL_REQUIRED',
    },
  },
} as const satisfies Record<
  'added' | 'removed',
  {
    open: RuleId;
    openEmptySchema: RuleId;
    closed: Record<'optional' | 'requiredWithDefault' | 'required', RuleId>;
    partial: Record<'optional' | 'requiredWithDefault' | 'required', RuleId>;
  }
>;

/**
 * A property only one side declares: `removed` (in the baseline only) or `added` (in the current contract only).
 * `model` is the content model of the side that lacks it, which decides what its documents may hold under that key.
 */
function oneSidedProperty(
  comparison: Comparison,
  change: 'added' | 'removed',
  base: Alternative,
  current: Alternative,
  name: string,
  propertyPointer: string,
  model: ContentModel,
  required: boolean,
): void {
  const removed = change === 'removed';
  const place = propertyPlace(removed ? base : current, name);
  const where: Sides = removed ? { base: place } : { current: place };
  const rules = ONE_SIDED_RULES[change];
  const verb = removed ? 'removed from' : 'added to';
  if (model === 'open') {
    const rule = isEmptySchema(place) ? rules.openEmptySchema : rules.open;
    report(comparison, rule, propertyPointer, `property "${name}" ${verb} an open object`, where);
    return;
  }
  const withDefault = hasDefault(place);
  const need = required ? (withDefault ? 'requiredWithDefault' : 'required') : 'optional';
  const what = required ? (withDefault ? 'required, with a default' : 'required, no default') : 'optional';
  if (model === 'closed') {
    report(
      comparison,
      rules.closed[need],
      propertyPointer,
      `property "${name}" (${what}) ${verb} a closed object`,
      where,
    );
    return;
  }
  // Partially open: the key now falls to (or comes from) additionalProperties, which must cover the property.
  if (removed) compareSchemas(comparison, place, coverage(current, name, place), propertyPointer, true);
  else compareSchemas(comparison, coverage(base, name, place), place, propertyPointer, true);
  const tail = removed ? '; its key now falls to additionalProperties' : '';
  const message = `property "${name}" (${what}) ${verb} a partially open object${tail}`;
  report(comparison, rules.partial[need], propertyPointer, message, where);
}

// ─── combinators and the rest ────────────────────────────────────────────────

function compareCombinators(comparison: Comparison, base: Effective, current: Effective, pointer: string): void {
  const baseAllOf = base.keywords.get('allOf');
  const currentAllOf = current.keywords.get('allOf');
  if (baseAllOf || currentAllOf) {
    const before = Array.isArray(baseAllOf?.value) ? (baseAllOf.value as unknown[]) : [];
    const after = Array.isArray(currentAllOf?.value) ? (currentAllOf.value as unknown[]) : [];
    if (baseAllOf && currentAllOf && before.length === after.length) {
      for (let branch = 0; branch < before.length; branch++) {
        compareSchemas(
          comparison,
          child(baseAllOf.place, branch),
          child(currentAllOf.place, branch),
          `${pointer}/allOf/${branch}`,
        );
      }
    } else {
      const unmatched = after.map((_, i) => i);
      for (let branch = 0; branch < before.length; branch++) {
        const match = unmatched.findIndex((k) => isDeepStrictEqual(before[branch], after[k]));
        if (match !== -1) {
          unmatched.splice(match, 1);
        } else {
          const message = `allOf branch ${branch} removed: ${show(before[branch])}`;
          report(comparison, 'ALL_OF_BRANCH_REMOVED', `${pointer}/allOf/${branch}`, message, {
            base: child(baseAllOf!.place, branch),
          });
        }
      }
      for (const branch of unmatched) {
        const message = `allOf branch added: ${show(after[branch])}`;
        report(comparison, 'ALL_OF_BRANCH_ADDED', `${pointer}/allOf/${branch}`, message, {
          current: child(currentAllOf!.place, branch),
        });
      }
    }
  }
  if (!isDeepStrictEqual(valueOf(base, 'if'), valueOf(current, 'if'))) {
    const message = `if changed: ${show(valueOf(base, 'if'))} → ${show(valueOf(current, 'if'))}`;
    report(comparison, 'CONDITION_CHANGED', `${pointer}/if`, message, at(base, current, 'if'));
  }
  for (const keyword of ['then', 'else']) {
    const before = base.keywords.get(keyword)?.place;
    const after = current.keywords.get(keyword)?.place;
    if (before || after) {
      const absent = (like: Place): Place => absentPlace(like.contract, like.pointer);
      compareSchemas(comparison, before ?? absent(after!), after ?? absent(before!), `${pointer}/${keyword}`);
    }
  }
  if (!isDeepStrictEqual(valueOf(base, 'not'), valueOf(current, 'not'))) {
    const message = `not changed: ${show(valueOf(base, 'not'))} → ${show(valueOf(current, 'not'))}`;
    report(comparison, 'COMBINATOR_CHANGED', `${pointer}/not`, message, at(base, current, 'not'));
  }
}

/** Keywords the gate does not model, compared as JSON. */
function compareUnmodelled(comparison: Comparison, base: Effective, current: Effective, pointer: string): void {
  const keywords = new Set([...base.keywords.keys(), ...current.keywords.keys()]);
  for (const keyword of keywords) {
    if (ANNOTATIONS.has(keyword) || NODE_KEYWORDS.has(keyword) || ALL_TYPED.has(keyword)) continue;
    const before = valueOf(base, keyword);
    const after = valueOf(current, keyword);
    if (!isDeepStrictEqual(before, after)) {
      const keywordPointer = `${pointer}/${escapePointerToken(keyword)}`;
      report(
        comparison,
        'KEYWORD_CHANGED',
        keywordPointer,
        `${keyword} changed: ${show(before)} → ${show(after)}`,
        at(base, current, keyword),
      );
    }
  }
}

// ─── contracts ───────────────────────────────────────────────────────────────

/** DTO name (the schema's `title`, else its file name) → file, for every file except common.schema.json. */
export function dtoFiles(snapshot: ContractSnapshot): Map<string, string> {
  requireSnapshot('dtoFiles', 'snapshot', snapshot);
  const out = new Map<string, string>();
  for (const [file, schema] of snapshot.files) {
    if (file === COMMON_FILE) continue;
    out.set(typeof schema.title === 'string' ? schema.title : file, file);
  }
  return out;
}

/** Every classified difference between `baseline` and `current`, DTO by DTO. */
export function diffContracts(baseline: ContractSnapshot, current: ContractSnapshot): Finding[] {
  requireSnapshot('diffContracts', 'baseline', baseline);
  requireSnapshot('diffContracts', 'current', current);
  const baseContract = indexContract(baseline);
  const currentContract = indexContract(current);
  const findings: Finding[] = [];
  const baseDtos = dtoFiles(baseline);
  const currentDtos = dtoFiles(current);
  const names = [...new Set([...baseDtos.keys(), ...currentDtos.keys()])].sort();
  for (const dto of names) {
    const comparison: Comparison = { dto, findings, active: new Set() };
    const baseFile = baseDtos.get(dto);
    const currentFile = currentDtos.get(dto);
    const base = baseFile === undefined ? undefined : filePlace(baseContract, baseFile);
    const now = currentFile === undefined ? undefined : filePlace(currentContract, currentFile);
    if (base && now) compareSchemas(comparison, base, now, '');
    else if (now) report(comparison, 'DTO_ADDED', '', `DTO ${dto} added (${currentFile})`, { current: now });
    else if (base) report(comparison, 'DTO_REMOVED', '', `DTO ${dto} removed (${baseFile})`, { base });
  }
  return findings;
}
