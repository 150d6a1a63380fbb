/**
 * The compatibility rules: every kind of schema change the gate recognizes, with
 * its fixed verdict. Verdicts follow Confluent Schema Registry's rules for JSON
 * Schema (io.confluent.kafka.schemaregistry.json.diff): a change is
 * backward-compatible when a reader on the current contract accepts every
 * document the baseline accepted, forward-compatible when a reader on the
 * baseline accepts every document the current contract accepts (Confluent checks
 * forward by comparing with the roles swapped; the verdicts below are the
 * result of doing that).
 *
 * Content models (of the object a property is added to or removed from):
 * - closed: `additionalProperties: false` — unknown keys are rejected;
 * - open: no `additionalProperties` (or `true` / `{}`) — unknown keys of any type pass;
 * - partial: `additionalProperties` is a schema (or `patternProperties` is set) —
 *   unknown keys must match that schema.
 * `default` matters where Confluent says so: a required property with a default
 * can be filled in by a reader, so requiring it does not break old documents.
 */
import { InvalidArgumentError } from '../errors';
import { requireChoice } from '../limits';

export type CompatMode = 'backward' | 'forward' | 'full';
export const COMPAT_MODES: readonly CompatMode[] = ['backward', 'forward', 'full'];

export interface RuleInfo {
  /** True when the change makes some document the baseline accepted fail under the current contract. */
  breaksBackward: boolean;
  /** True when the change makes some document the current contract accepts fail under the baseline. */
  breaksForward: boolean;
  /**
   * Policy rules (reserved fields, version bookkeeping) are errors in every mode,
   * and a major version bump does not excuse them.
   */
  policy?: true;
  /** One line for the rules table. */
  summary: string;
  /** The Confluent difference type(s) this corresponds to, when there is one. */
  confluent?: string;
}

const NARROW = { breaksBackward: true, breaksForward: false } as const;
const WIDEN = { breaksBackward: false, breaksForward: true } as const;
const BOTH = { breaksBackward: true, breaksForward: true } as const;
const NONE = { breaksBackward: false, breaksForward: false } as const;
const POLICY = { breaksBackward: true, breaksForward: true, policy: true } as const;

/**
 * Range and size keywords, with the rule of each change: a lower bound that rises, or an upper bound that falls,
 * narrows. Rule ids are spelled whole so a search for one finds where it is made.
 */
export const BOUND_KEYWORDS = {
  minLength: {
    side: 'lower',
    added: 'MIN_LENGTH_ADDED',
    removed: 'MIN_LENGTH_REMOVED',
    increased: 'MIN_LENGTH_INCREASED',
    decreased: 'MIN_LENGTH_DECREASED',
  },
  maxLength: {
    side: 'upper',
    added: 'MAX_LENGTH_ADDED',
    removed: 'MAX_LENGTH_REMOVED',
    increased: 'MAX_LENGTH_INCREASED',
    decreased: 'MAX_LENGTH_DECREASED',
  },
  minimum: {
    side: 'lower',
    added: 'MINIMUM_ADDED',
    removed: 'MINIMUM_REMOVED',
    increased: 'MINIMUM_INCREASED',
    decreased: 'MINIMUM_DECREASED',
  },
  maximum: {
    side: 'upper',
    added: 'MAXIMUM_ADDED',
    removed: 'MAXIMUM_REMOVED',
    increased: 'MAXIMUM_INCREASED',
    decreased: 'MAXIMUM_DECREASED',
  },
  exclusiveMinimum: {
    side: 'lower',
    added: 'EXCLUSIVE_MINIMUM_ADDED',
    removed: 'EXCLUSIVE_MINIMUM_REMOVED',
    increased: 'EXCLUSIVE_MINIMUM_INCREASED',
    decreased: 'EXCLUSIVE_MINIMUM_DECREASED',
  },
  exclusiveMaximum: {
    side: 'upper',
    added: 'EXCLUSIVE_MAXIMUM_ADDED',
    removed: 'EXCLUSIVE_MAXIMUM_REMOVED',
    increased: 'EXCLUSIVE_MAXIMUM_INCREASED',
    decreased: 'EXCLUSIVE_MAXIMUM_DECREASED',
  },
  minItems: {
    side: 'lower',
    added: 'MIN_ITEMS_ADDED',
    removed: 'MIN_ITEMS_REMOVED',
    increased: 'MIN_ITEMS_INCREASED',
    decreased: 'MIN_ITEMS_DECREASED',
  },
  maxItems: {
    side: 'upper',
    added: 'MAX_ITEMS_ADDED',
    removed: 'MAX_ITEMS_REMOVED',
    increased: 'MAX_ITEMS_INCREASED',
    decreased: 'MAX_ITEMS_DECREASED',
  },
  minProperties: {
    side: 'lower',
    added: 'MIN_PROPERTIES_ADDED',
    removed: 'MIN_PROPERTIES_REMOVED',
    increased: 'MIN_PROPERTIES_INCREASED',
    decreased: 'MIN_PROPERTIES_DECREASED',
  },
  maxProperties: {
    side: 'upper',
    added: 'MAX_PROPERTIES_ADDED',
    removed: 'MAX_PROPERTIES_REMOVED',
    increased: 'MAX_PROPERTIES_INCREASED',
    decreased: 'MAX_PROPERTIES_DECREASED',
  },
} as const;
export type BoundKeyword = keyof typeof BOUND_KEYWORDS;
type BoundChange = 'added' | 'removed' | 'increased' | 'decreased';
type BoundRuleId = (typeof BOUND_KEYWORDS)[BoundKeyword][BoundChange];

function boundRules(): Record<BoundRuleId, RuleInfo> {
  const out = {} as Record<BoundRuleId, RuleInfo>;
  for (const [keyword, rules] of Object.entries(BOUND_KEYWORDS)) {
    const tighter = rules.side === 'lower' ? 'increased' : 'decreased';
    const looser = rules.side === 'lower' ? 'decreased' : 'increased';
    out[rules.added] = { ...NARROW, summary: `\`${keyword}\` added`, confluent: rules.added };
    out[rules.removed] = { ...WIDEN, summary: `\`${keyword}\` removed`, confluent: rules.removed };
    out[rules[tighter]] = { ...NARROW, summary: `\`${keyword}\` ${tighter} (tighter)`, confluent: rules[tighter] };
    out[rules[looser]] = { ...WIDEN, summary: `\`${keyword}\` ${looser} (looser)`, confluent: rules[looser] };
  }
  return out;
}

const NAMED_RULES = {
  // ── objects: content model ────────────────────────────────────────────────
  CONTENT_MODEL_OPENED: {
    ...WIDEN,
    summary: 'closed object opened (`additionalProperties: false` → `true`, absent or a schema)',
    confluent: 'ADDITIONAL_PROPERTIES_ADDED',
  },
  CONTENT_MODEL_CLOSED: {
    ...NARROW,
    summary: 'open or partially open object closed (`additionalProperties` → `false`)',
    confluent: 'ADDITIONAL_PROPERTIES_REMOVED',
  },
  CONTENT_MODEL_NARROWED: {
    ...NARROW,
    summary: 'open object made partially open (`additionalProperties` → a schema)',
    confluent: 'ADDITIONAL_PROPERTIES_NARROWED',
  },
  CONTENT_MODEL_WIDENED: {
    ...WIDEN,
    summary: 'partially open object made open (`additionalProperties` schema → `true`/absent)',
    confluent: 'ADDITIONAL_PROPERTIES_EXTENDED',
  },

  // ── objects: property added (classified by the baseline's content model) ──
  PROPERTY_ADDED_CLOSED_OPTIONAL: {
    ...WIDEN,
    summary: 'optional property added to a closed object',
    confluent: 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
  },
  PROPERTY_ADDED_CLOSED_REQUIRED_WITH_DEFAULT: {
    ...WIDEN,
    summary: 'required property with a `default` added to a closed object',
    confluent: 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL',
  },
  PROPERTY_ADDED_CLOSED_REQUIRED: {
    ...BOTH,
    summary: 'required property without a `default` added to a closed object',
    confluent: 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
  },
  PROPERTY_ADDED_OPEN: {
    ...NARROW,
    summary: 'property added to an open object (old documents may hold that key with any value)',
    confluent: 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
  },
  PROPERTY_ADDED_OPEN_EMPTY_SCHEMA: {
    ...NONE,
    summary: 'property with the empty schema (`{}`/`true`) added to an open object',
    confluent: 'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
  },
  PROPERTY_ADDED_PARTIAL_OPTIONAL: {
    ...NONE,
    summary:
      'optional property added to a partially open object ' +
      '(its schema is compared with `additionalProperties`, reported at the property)',
    confluent: 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  },
  PROPERTY_ADDED_PARTIAL_REQUIRED_WITH_DEFAULT: {
    ...NONE,
    summary:
      'required property with a `default` added to a partially open object ' +
      '(schema compared with `additionalProperties`)',
    confluent: 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL',
  },
  PROPERTY_ADDED_PARTIAL_REQUIRED: {
    ...NARROW,
    summary:
      'required property without a `default` added to a partially open object ' +
      '(schema compared with `additionalProperties`)',
    confluent: 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
  },

  // ── objects: property removed (classified by the current content model) ───
  PROPERTY_REMOVED_CLOSED_OPTIONAL: {
    ...NARROW,
    summary: 'optional property removed from a closed object',
    confluent: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  },
  PROPERTY_REMOVED_CLOSED_REQUIRED_WITH_DEFAULT: {
    ...NARROW,
    summary: 'required property with a `default` removed from a closed object',
    confluent: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  },
  PROPERTY_REMOVED_CLOSED_REQUIRED: {
    ...BOTH,
    summary: 'required property without a `default` removed from a closed object',
    confluent:
      'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL + REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL (reversed)',
  },
  PROPERTY_REMOVED_OPEN: {
    ...WIDEN,
    summary: 'property removed from an open object (the key may now hold any value)',
    confluent: 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL',
  },
  PROPERTY_REMOVED_OPEN_EMPTY_SCHEMA: {
    ...NONE,
    summary: 'property with the empty schema removed from an open object',
    confluent: 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL',
  },
  PROPERTY_REMOVED_PARTIAL_OPTIONAL: {
    ...NONE,
    summary:
      'optional property removed from a partially open object ' +
      '(its schema is compared with `additionalProperties`, reported at the property)',
    confluent: 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  },
  PROPERTY_REMOVED_PARTIAL_REQUIRED_WITH_DEFAULT: {
    ...NONE,
    summary: 'required property with a `default` removed from a partially open object',
    confluent: 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  },
  PROPERTY_REMOVED_PARTIAL_REQUIRED: {
    ...WIDEN,
    summary: 'required property without a `default` removed from a partially open object',
    confluent: 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  },

  // ── objects: required ─────────────────────────────────────────────────────
  REQUIRED_ADDED: {
    ...NARROW,
    summary: 'existing property made required, no `default`',
    confluent: 'REQUIRED_ATTRIBUTE_ADDED',
  },
  REQUIRED_ADDED_WITH_DEFAULT: {
    ...NONE,
    summary: 'existing property made required, with a `default` a reader fills in',
    confluent: 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED',
  },
  REQUIRED_REMOVED: {
    ...WIDEN,
    summary: 'property no longer required, and it had no `default`',
    confluent: 'REQUIRED_ATTRIBUTE_REMOVED',
  },
  REQUIRED_REMOVED_WITH_DEFAULT: {
    ...NONE,
    summary: 'property no longer required; it has a `default` a baseline reader fills in',
    confluent: 'REQUIRED_ATTRIBUTE_REMOVED',
  },

  // ── types ─────────────────────────────────────────────────────────────────
  TYPE_WIDENED: {
    ...WIDEN,
    summary: 'type widened: more JSON types accepted (e.g. `integer` → `number`, `string` → `["string","integer"]`)',
    confluent: 'TYPE_EXTENDED / SUM_TYPE_EXTENDED',
  },
  TYPE_NARROWED: {
    ...NARROW,
    summary: 'type narrowed: fewer JSON types accepted (e.g. `number` → `integer`)',
    confluent: 'TYPE_NARROWED / SUM_TYPE_NARROWED',
  },
  TYPE_CHANGED: {
    ...BOTH,
    summary: 'type changed to an unrelated one (e.g. `string` → `integer`)',
    confluent: 'TYPE_CHANGED',
  },
  NULLABLE_ADDED: {
    ...WIDEN,
    summary: 'null now accepted (`"string"` → `["string","null"]`, optionalId for id)',
    confluent: 'SUM_TYPE_EXTENDED',
  },
  NULLABLE_REMOVED: { ...NARROW, summary: 'null no longer accepted', confluent: 'SUM_TYPE_NARROWED / TYPE_CHANGED' },

  // ── values ────────────────────────────────────────────────────────────────
  ENUM_WIDENED: { ...WIDEN, summary: '`enum` (or `const`) gained values', confluent: 'ENUM_ARRAY_EXTENDED' },
  ENUM_NARROWED: { ...NARROW, summary: '`enum` (or `const`) lost values', confluent: 'ENUM_ARRAY_NARROWED' },
  ENUM_CHANGED: {
    ...BOTH,
    summary: '`enum` (or `const`) both gained and lost values',
    confluent: 'ENUM_ARRAY_CHANGED',
  },
  ENUM_ADDED: {
    ...NARROW,
    summary: '`enum`/`const` added to a schema that had none',
    confluent: 'TYPE_CHANGED (to an enum)',
  },
  ENUM_REMOVED: { ...WIDEN, summary: '`enum`/`const` removed', confluent: 'TYPE_CHANGED (from an enum)' },

  // ── strings ───────────────────────────────────────────────────────────────
  PATTERN_ADDED: { ...NARROW, summary: '`pattern` added', confluent: 'PATTERN_ADDED' },
  PATTERN_REMOVED: { ...WIDEN, summary: '`pattern` removed', confluent: 'PATTERN_REMOVED' },
  PATTERN_CHANGED: {
    ...BOTH,
    summary: '`pattern` changed (regular expressions are not compared for inclusion)',
    confluent: 'PATTERN_CHANGED',
  },
  FORMAT_ADDED: { ...NARROW, summary: '`format` added (Ajv asserts formats)' },
  FORMAT_REMOVED: { ...WIDEN, summary: '`format` removed' },
  FORMAT_CHANGED: { ...BOTH, summary: '`format` changed' },

  // ── numbers, arrays, objects: ranges and sizes (plus the *_ADDED/_REMOVED/_INCREASED/_DECREASED bound rules) ──
  MULTIPLE_OF_ADDED: { ...NARROW, summary: '`multipleOf` added', confluent: 'MULTIPLE_OF_ADDED' },
  MULTIPLE_OF_REMOVED: { ...WIDEN, summary: '`multipleOf` removed', confluent: 'MULTIPLE_OF_REMOVED' },
  MULTIPLE_OF_CHANGED: { ...BOTH, summary: '`multipleOf` changed', confluent: 'MULTIPLE_OF_CHANGED' },
  UNIQUE_ITEMS_ADDED: { ...NARROW, summary: '`uniqueItems: true` added', confluent: 'UNIQUE_ITEMS_ADDED' },
  UNIQUE_ITEMS_REMOVED: { ...WIDEN, summary: '`uniqueItems: true` removed', confluent: 'UNIQUE_ITEMS_REMOVED' },

  // ── composition ───────────────────────────────────────────────────────────
  REF_TARGET_CHANGED: {
    ...NONE,
    summary:
      '`$ref` points elsewhere ' +
      '(informational: the targets are compared, and their differences reported, at the same pointer)',
  },
  ALL_OF_BRANCH_ADDED: {
    ...NARROW,
    summary: 'an `allOf` branch (e.g. an if/then rule) added',
    confluent: 'PRODUCT_TYPE_EXTENDED',
  },
  ALL_OF_BRANCH_REMOVED: { ...WIDEN, summary: 'an `allOf` branch removed', confluent: 'PRODUCT_TYPE_NARROWED' },
  CONDITION_CHANGED: {
    ...BOTH,
    summary: 'the `if` of a conditional changed (conditions are not compared for inclusion)',
  },
  COMBINATOR_CHANGED: {
    ...BOTH,
    summary: '`oneOf`/`anyOf`/`not` changed in a way not reducible to a type change',
    confluent: 'COMBINED_TYPE_CHANGED',
  },
  KEYWORD_CHANGED: {
    ...BOTH,
    summary: 'another assertion keyword changed (the gate does not model it, so it assumes the worst)',
  },

  // ── informational ─────────────────────────────────────────────────────────
  DEFAULT_CHANGED: {
    ...NONE,
    summary: '`default` added, removed or changed (what readers fill in)',
    confluent: 'DEFAULT_CHANGED',
  },
  PROPERTY_ORDER_CHANGED: {
    ...NONE,
    summary: 'properties reordered: the key order Python and the codec write changes, validation does not',
  },
  DTO_ADDED: { ...NONE, summary: 'a DTO schema added' },
  DTO_REMOVED: { ...NARROW, summary: 'a DTO schema removed: documents of that kind no longer validate' },

  // ── policy: errors in every mode, not excused by a major version bump ─────
  PROPERTY_REMOVED_NOT_RESERVED: {
    ...POLICY,
    summary: "property removed without being listed in the object's `x-reserved`",
  },
  RESERVED_FIELD_READDED: {
    ...POLICY,
    summary: 'a property uses a name listed in `x-reserved` (now or in the baseline)',
  },
  RESERVED_FIELD_UNRESERVED: { ...POLICY, summary: "a name listed in the baseline's `x-reserved` is no longer listed" },
  RESERVED_INVALID: { ...POLICY, summary: '`x-reserved` is not an object of name → reason (string)' },
  REF_UNRESOLVED: { ...POLICY, summary: 'a `$ref` that resolves to nothing in its contract' },
  VERSION_INCONSISTENT: { ...POLICY, summary: 'the `$id`s of one contract carry different major versions (or none)' },
  VERSION_DECREASED: { ...POLICY, summary: "the current major version is lower than the baseline's" },
  GENERATED_VERSION_MISMATCH: {
    ...POLICY,
    summary:
      "generated/schemas.ts (`CONTRACT_VERSION`, `$id`s) disagrees with the contract's `$id`s: run `npm run generate`",
  },
} satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof NAMED_RULES | BoundRuleId;

export const RULES: Readonly<Record<RuleId, RuleInfo>> = { ...NAMED_RULES, ...boundRules() };
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** `mode` when it is one of COMPAT_MODES, else InvalidOptionError (the gate's `mode` option). */
export function requireMode(mode: unknown): CompatMode {
  return requireChoice('mode', mode, COMPAT_MODES);
}

/** True when a finding of `rule` fails the gate in `mode` (before any major-version excuse). */
export function breaksMode(info: Pick<RuleInfo, 'breaksBackward' | 'breaksForward'>, mode: CompatMode): boolean {
  if (info === null || typeof info !== 'object') {
    throw new InvalidArgumentError('breaksMode', 'info', 'a rule or finding ({ breaksBackward, breaksForward })', info);
  }
  requireMode(mode);
  if (mode === 'backward') return info.breaksBackward;
  if (mode === 'forward') return info.breaksForward;
  return info.breaksBackward || info.breaksForward;
}
