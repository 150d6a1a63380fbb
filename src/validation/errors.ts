import { ContractError, describeReceived, shortPath } from '../errors';

/**
 * One reason a document does not satisfy its DTO schema: data, and one line made from it by formatIssue (as Zod,
 * TypeBox and Ajv keep an issue's parts and write its message from them). Build one with makeIssue.
 */
export interface ValidationIssue {
  /** JSON pointer to the offending value, or to the missing/unknown property. */
  readonly path: string;
  /** The JSON Schema keyword that failed (`required`, `type`, `pattern`, …). */
  readonly keyword: string;
  /** What was expected there, as a noun phrase (`a string`, `one of "and", "or"`, `>= 0`). */
  readonly expected: string;
  /** The value found, as shown to people (one line, truncated; describeReceived); absent when nothing is shown. */
  readonly received?: string;
  /**
   * The keyword's data: Ajv's error params (`{ missingProperty }`, `{ type }`, `{ allowedValues }`, `{ limit,
   * comparison }`, …), `condition` when a `then` branch applies, the codec's `reason`.
   */
  readonly params: Readonly<Record<string, unknown>>;
  /** One readable line: formatIssue of the fields above. */
  readonly message: string;
}

/** The parts of an issue that formatIssue reads; `expected` and `received` have defaults for some keywords. */
interface IssueData {
  path: string;
  keyword: string;
  expected?: string;
  received?: string;
  params?: Readonly<Record<string, unknown>>;
}

/** What a missing key and an unknown key expected and received (their messages are fixed texts). */
const REQUIRED = { expected: 'the key to be present (it is required)', received: 'no such key' } as const;
const UNKNOWN_KEY_EXPECTED = 'only the keys the DTO defines';

/**
 * The issue for `data`, its message made by formatIssue. For `required` and `additionalProperties` (with
 * `params.additionalProperty`, the key) `expected` and `received` may be left out; every other keyword needs
 * `expected`. The one constructor of issues: validator (issues.ts, capped.ts) and codec (read.ts, write.ts) alike.
 */
export function makeIssue(data: IssueData): ValidationIssue {
  const params = data.params ?? {};
  let { expected, received } = data;
  if (data.keyword === 'required') {
    expected ??= REQUIRED.expected;
    received ??= REQUIRED.received;
  } else if (data.keyword === 'additionalProperties') {
    expected ??= UNKNOWN_KEY_EXPECTED;
    if (received === undefined && typeof params.additionalProperty === 'string') {
      received = `the key ${describeReceived(params.additionalProperty)}`;
    }
  }
  if (expected === undefined) throw new TypeError(`makeIssue: ${data.keyword} issue at ${data.path} without expected`);
  const issue = { path: data.path, keyword: data.keyword, expected, received, params };
  return { ...issue, message: formatIssue(issue) };
}

/**
 * The message of an issue, from its data alone: `is required but missing`, `is not a property of this DTO
 * (unknown key)`, `cannot be written as JSON: <received>` (the codec's writer, `params.unwritable`), otherwise
 * `must be <expected>[ when <params.condition>][, got <received>]`. The generated Python package writes the same
 * texts (scripts/python-runtime/_validation.py, test/conformance/python-ajv.test.ts compares them).
 */
export function formatIssue(issue: Omit<ValidationIssue, 'message'>): string {
  if (issue.keyword === 'required') return 'is required but missing';
  if (issue.keyword === 'additionalProperties') return 'is not a property of this DTO (unknown key)';
  if (issue.params.unwritable === true) return `cannot be written as JSON: ${String(issue.received)}`;
  const got = issue.received === undefined ? '' : `, got ${issue.received}`;
  return `must be ${conditionalExpected(issue)}${got}`;
}

/** `expected`, with the condition of the `then` branch that expects it (`a string when context_type is "…"`). */
function conditionalExpected(issue: Omit<ValidationIssue, 'message'>): string {
  const fixed = issue.keyword === 'required' || issue.keyword === 'additionalProperties' || issue.params.unwritable;
  const condition = issue.params.condition;
  return typeof condition === 'string' && !fixed ? `${issue.expected} when ${condition}` : issue.expected;
}

/**
 * A document is not a valid instance of its DTO. `issues` lists the first reasons (at most the call's `maxIssues`,
 * default 1,000), in order; `moreIssues` counts the others, which were not listed. `path`, `expected` and
 * `received` are the first issue's (with its condition: `a string when context_type is "EventContext"`).
 */
export class ContractValidationError extends ContractError {
  override readonly name = 'ContractValidationError';
  readonly code = 'CONTRACT_INVALID';
  declare readonly dto: string;
  readonly issues: readonly ValidationIssue[];
  /** Issues found beyond the listed ones (0 when `issues` is complete). */
  readonly moreIssues: number;

  constructor(dto: string, issues: readonly ValidationIssue[], moreIssues = 0) {
    const first = issues[0];
    const others = issues.length - 1 + moreIssues;
    const unlisted = moreIssues > 0 ? `, ${moreIssues} not listed` : '';
    const more = others > 0 ? ` (and ${others} more issue${others > 1 ? 's' : ''}${unlisted})` : '';
    const where = first ? `${shortPath(first.path)}: ${first.message}` : 'invalid';
    super(`${dto} ${where}${more}`, { dto, path: first?.path, ...(first ? expectedAndReceived(first) : {}) });
    this.issues = issues;
    this.moreIssues = moreIssues;
  }
}

function expectedAndReceived(issue: ValidationIssue): { expected: string; received?: string } {
  const expected = conditionalExpected(issue);
  return issue.received === undefined ? { expected } : { expected, received: issue.received };
}

/** A DTO name the contract does not define. */
export class UnknownDtoError extends ContractError {
  override readonly name = 'UnknownDtoError';
  readonly code = 'UNKNOWN_DTO';
  /** The name given, as shown to people (JSON-quoted, one line, truncated). */
  declare readonly received: string;
  declare readonly expected: string;

  constructor(received: unknown, known: readonly string[]) {
    const expected = `one of ${known.join(', ')}`;
    const shown = describeReceived(received); // any value: String() throws for a null-prototype object
    super(`unknown DTO ${shown}; expected ${expected}`, { expected, received: shown });
  }
}
