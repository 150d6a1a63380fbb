/**
 * Turns Ajv's errors into issues a person can act on: the path points at the
 * field itself (also for missing and unknown properties), alternatives are
 * reported once, and the contract's named types speak for their patterns.
 */
import type { ErrorObject } from 'ajv';
import { commonSchema } from '../../generated/schemas';
import { describeReceived } from '../errors';
import { escapePointerToken, valueAtPointer } from '../spec/json-pointer';
import type { JsonSchema } from '../spec/json-schema';
import { parseRef } from '../spec/refs';
import { PyFloat } from '../pyjson/values';
import { makeIssue, type ValidationIssue } from './errors';

/** A contract file's URI, against which the contract's relative `$ref`s are read. */
const CONTRACT_BASE = String(commonSchema.$id);

const TIMESTAMP =
  "a timestamp as Python's datetime.isoformat() writes it (YYYY-MM-DDTHH:MM:SS[.ffffff]±HH:MM, a real calendar date)";

/**
 * `original`: the document as the caller gave it, when Ajv judged another view of it (schema-view.ts): messages
 * quote the caller's values (`2.0`, not the `2` Ajv saw).
 */
export function toIssues(errors: readonly ErrorObject[], original?: unknown): ValidationIssue[] {
  // Where an alternative (oneOf/anyOf) failed, its branches' errors at and below
  // the same value are noise: the alternative is reported once, as a whole.
  const alternatives = new Set(
    errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath),
  );
  // A failing `then` is reported by its own keyword; the `if` says when it applies.
  const conditions = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword === 'if') conditions.set(error.schemaPath.replace(/\/if$/, '/then/'), describeCondition(error));
  }
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const isAlternative = error.keyword === 'oneOf' || error.keyword === 'anyOf';
    if (!isAlternative && alternatives.size > 0 && underAlternative(error.instancePath, alternatives)) continue;
    let condition: string | undefined;
    for (const [thenPath, described] of conditions) if (error.schemaPath.startsWith(thenPath)) condition = described;
    const issue = toIssue(
      original === undefined ? error : { ...error, data: valueAtPointer(original, error.instancePath) },
      condition,
    );
    // One issue per value: the first failing keyword (type before enum/pattern) says the most.
    if (!seen.has(issue.path)) {
      seen.add(issue.path);
      issues.push(issue);
    }
  }
  return issues;
}

/** Whether `path` or one of its ancestors is in `alternatives` (linear in the path's depth, whatever their number). */
function underAlternative(path: string, alternatives: ReadonlySet<string>): boolean {
  for (let at = path.length; at >= 0; at = path.lastIndexOf('/', at - 1)) {
    if (alternatives.has(path.slice(0, at))) return true;
    if (at === 0) return false;
  }
  return false;
}

/** `{properties: {context_type: {const: "EventContext"}}}` → `context_type is "EventContext"`. */
function describeCondition(error: ErrorObject): string {
  const condition = error.schema as JsonSchema | undefined; // the `if` subschema itself
  const properties = (condition?.properties ?? {}) as Record<string, JsonSchema>;
  const parts = Object.entries(properties).map(([name, rule]) => {
    if ('const' in rule) return `${name} is ${JSON.stringify(rule.const)}`;
    if (Array.isArray(rule.enum)) return `${name} is one of ${rule.enum.map((v) => JSON.stringify(v)).join(', ')}`;
    return `${name} matches its condition`;
  });
  return parts.length ? parts.join(' and ') : "the schema's condition holds";
}

/** The issue of one Ajv error; `condition`: when the `then` branch holding the failed keyword applies. */
function toIssue(error: ErrorObject, condition: string | undefined): ValidationIssue {
  const ajvParams = error.params as Record<string, unknown>;
  const params = condition === undefined ? ajvParams : { ...ajvParams, condition };
  const at = error.instancePath;
  const keyword = error.keyword;
  switch (keyword) {
    case 'required':
      return makeIssue({ path: `${at}/${escapePointerToken(String(ajvParams.missingProperty))}`, keyword, params });
    case 'additionalProperties':
      return makeIssue({ path: `${at}/${escapePointerToken(String(ajvParams.additionalProperty))}`, keyword, params });
    case 'type': {
      const expected = String(ajvParams.type).split(',').map(article).join(' or ');
      return makeIssue({ path: at, keyword, expected, received: typeName(error.data), params });
    }
    case 'pattern':
      return makeIssue({
        path: at,
        keyword,
        expected: patternExpected(error),
        received: describeReceived(error.data),
        params,
      });
    case 'enum': {
      const expected = `one of ${(ajvParams.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      return makeIssue({ path: at, keyword, expected, received: describeReceived(error.data), params });
    }
    case 'oneOf':
    case 'anyOf':
      return makeIssue({
        path: at,
        keyword,
        expected: alternativesOf(error),
        received: describeReceived(error.data),
        params,
      });
    default:
      return makeIssue({
        path: at,
        keyword,
        expected: ajvExpected(error),
        received: describeReceived(error.data),
        params,
      });
  }
}

/**
 * What Ajv's own message says was expected, for the keywords without a text of ours: the number limits (`must be >=
 * 0` → `>= 0`) and `const` (`equal to constant`), the only others scripts/checkers.ts lets a contract use besides
 * `not`.
 */
function ajvExpected(error: ErrorObject): string {
  const message = error.message ?? 'is invalid';
  if (message.startsWith('must be ')) return message.slice('must be '.length);
  if (error.keyword === 'not') return 'a value its `not` schema rejects';
  return `a value satisfying ${error.keyword} (${message})`;
}

function patternExpected(error: ErrorObject): string {
  const schema = error.parentSchema as JsonSchema | undefined;
  if (schema?.title === 'Timestamp') return TIMESTAMP;
  const name = typeof schema?.title === 'string' ? ` ${schema.title}` : '';
  return `a${name} string matching ${String((error.params as { pattern: string }).pattern)}`;
}

function alternativesOf(error: ErrorObject): string {
  const branches = (error.schema as JsonSchema[] | undefined) ?? [];
  const names = branches.map((branch) => {
    if (typeof branch.$ref === 'string') {
      const name = refName(branch.$ref);
      return name === 'timestamp' ? TIMESTAMP : article(name);
    }
    if (typeof branch.type === 'string') return branch.type === 'null' ? 'null' : article(branch.type);
    return 'a matching value';
  });
  return names.join(' or ');
}

/**
 * What a `$ref` in the contract names, for a message: its fragment's last token (`#/$defs/timestamp` → `timestamp`),
 * else its document's file name without `.schema.json` (read by src/spec/refs.ts against a contract file's `$id`).
 */
function refName(ref: string): string {
  const parsed = parseRef(ref, CONTRACT_BASE);
  const last = parsed?.tokens?.at(-1);
  if (last !== undefined) return last;
  const document = parsed?.document ?? ref;
  return document.slice(document.lastIndexOf('/') + 1).replace(/\.schema\.json$/, '');
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof PyFloat) {
    return `the number ${describeReceived(value)}`;
  }
  if (typeof value === 'string') return `the string ${describeReceived(value)}`;
  if (typeof value === 'boolean') return `${value}`;
  return article(typeof value);
}
