/** A JSON Schema document or subschema, as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * JSON Schema's annotation keywords that every reader here ignores when judging what a schema asserts (the
 * meta-data vocabulary and `$comment`; `default` is not among them: the compat gate compares it). Each user adds
 * what else it passes over.
 */
export const ANNOTATION_KEYWORDS: readonly string[] = [
  '$comment',
  'title',
  'description',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
];

/** The type names of JSON Schema's `type` keyword. */
export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';

/**
 * Whether a `type` list (an array or a set of type names) admits values of `type`: a name in it, or `integer` where
 * it names `number` (every integer is a number).
 */
export function admitsType(types: ReadonlySet<string> | readonly string[], type: string): boolean {
  const has = (name: string): boolean => ('has' in types ? types.has(name) : types.includes(name));
  return has(type) || (type === 'integer' && has('number'));
}

/**
 * The JSON Schema type of a JSON value, the narrowest one: `integer` for a whole number, `null`, `array`; otherwise
 * its `typeof` (`string`, `boolean`, `object`, or what is no JSON: `undefined`, `bigint`…).
 */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
