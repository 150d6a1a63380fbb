/**
 * Resource limits for reading untrusted text: nesting depth, document size and
 * string length. Every reader of this package (parsePythonJson, fromJson,
 * fromJsonWithReport, decodeEventRecord(s), and the payload texts the client data
 * store resolves) applies them, on the JSON.parse fast path and in the exact
 * parser alike, and throws LimitExceededError when one is exceeded.
 *
 * The checks are cheap: the size is one comparison on the text's length; depth
 * and string length are counted in the exact parser as it reads, and the fast
 * path's walk checks them only when the text is long enough to break them.
 */
import { ContractError, describeReceived, shortPath } from './errors';

/** Limits for one read. Each is a positive integer, or Infinity to turn it off. */
export interface ReadLimits {
  /**
   * Deepest nesting of arrays and objects; the outermost container is depth 1
   * (a record is 1, its `participants` list 2, a participant 3). Default 1500: at least as deep as `json.loads`
   * reads on Python 3.12, pynenc's minimum (it gives up with RecursionError at about 1497; 3.11 at 996, 3.13 at
   * 9998: raise it to read what a 3.13 writer may nest deeper).
   */
  maxDepth?: number;
  /**
   * Longest text, in UTF-16 code units (what `text.length` counts; the same as
   * bytes for the ASCII-only text Python's json.dumps writes). Default
   * 67,108,864 (64 MiB).
   */
  maxDocumentLength?: number;
  /**
   * Longest string (value or key) after unescaping, in UTF-16 code units.
   * Default 16,777,216 (16 MiB).
   */
  maxStringLength?: number;
}

/** The limits used for every option left unset. */
export const DEFAULT_READ_LIMITS: Readonly<Required<ReadLimits>> = Object.freeze({
  maxDepth: 1500,
  maxDocumentLength: 64 * 1024 * 1024,
  maxStringLength: 16 * 1024 * 1024,
});

/** Resolved limits (every field set). */
export type Limits = Readonly<Required<ReadLimits>>;

/** The codes of LimitExceededError. */
export const LIMIT_CODES = ['LIMIT_DEPTH', 'LIMIT_DOCUMENT_SIZE', 'LIMIT_STRING_LENGTH'] as const;

export type LimitCode = (typeof LIMIT_CODES)[number];

const OPTION_OF: Record<LimitCode, keyof ReadLimits> = {
  LIMIT_DEPTH: 'maxDepth',
  LIMIT_DOCUMENT_SIZE: 'maxDocumentLength',
  LIMIT_STRING_LENGTH: 'maxStringLength',
};

/** The limits in `options` (a ParseOptions, FromJsonOptions, …), defaults for the unset ones; validated. */
export function resolveLimits(options: ReadLimits | undefined): Limits {
  if (options === undefined) return DEFAULT_READ_LIMITS;
  if (options === null || typeof options !== 'object') throw new InvalidOptionError('options', 'an object', options);
  const { maxDepth, maxDocumentLength, maxStringLength } = options;
  if (maxDepth === undefined && maxDocumentLength === undefined && maxStringLength === undefined)
    return DEFAULT_READ_LIMITS;
  return {
    maxDepth: checkLimit('maxDepth', maxDepth, 1),
    maxDocumentLength: checkLimit('maxDocumentLength', maxDocumentLength, 0),
    maxStringLength: checkLimit('maxStringLength', maxStringLength, 0),
  };
}

/**
 * How many issues a validation lists by default (validate, assertValid, fromJson, fromDict, the CLI): the rest are
 * counted, not listed (ValidationResult.moreIssues, ContractValidationError.moreIssues), so a document made of
 * problems costs bounded memory. See docs/validation.md.
 */
export const DEFAULT_MAX_ISSUES = 1000;

/** The `maxIssues` option: DEFAULT_MAX_ISSUES when unset; else an integer >= 1, or Infinity to list every issue. */
export function resolveMaxIssues(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_ISSUES;
  if (value === Infinity || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1)) return value;
  throw new InvalidOptionError('maxIssues', 'an integer >= 1, or Infinity to list every issue', value);
}

/** `value` when it is undefined or one of `allowed`; else InvalidOptionError naming the option. */
export function checkChoice<T>(option: string, value: unknown, allowed: readonly T[]): T | undefined {
  return value === undefined ? undefined : requireChoice(option, value, allowed);
}

/** `value` when it is one of `allowed`; else InvalidOptionError naming the option. */
export function requireChoice<T>(option: string, value: unknown, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new InvalidOptionError(option, `one of ${allowed.map((choice) => JSON.stringify(choice)).join(', ')}`, value);
}

/** `value` when it is undefined or a function; else InvalidOptionError naming the option. */
export function checkFunction<F extends (...args: never[]) => unknown>(option: string, value: unknown): F | undefined {
  if (value === undefined || typeof value === 'function') return value as F | undefined;
  throw new InvalidOptionError(option, 'a function', value);
}

function checkLimit(option: keyof ReadLimits, value: unknown, min: number): number {
  if (value === undefined) return DEFAULT_READ_LIMITS[option];
  if (value === Infinity || (typeof value === 'number' && Number.isSafeInteger(value) && value >= min))
    return value as number;
  throw new InvalidOptionError(option, `an integer >= ${min}, or Infinity to turn the limit off`, value);
}

/**
 * A document exceeds a read limit (see ReadLimits): too deeply nested
 * (LIMIT_DEPTH), too long (LIMIT_DOCUMENT_SIZE) or holding too long a string
 * (LIMIT_STRING_LENGTH). Nothing of the document is returned.
 */
export class LimitExceededError extends ContractError {
  override readonly name = 'LimitExceededError';
  readonly code: LimitCode;
  /** The option that sets the limit: `maxDepth`, `maxDocumentLength` or `maxStringLength`. */
  readonly limit: keyof ReadLimits;
  /** The limit's value. */
  readonly max: number;
  /**
   * What was found: the depth reached (max + 1: reading stops there), the
   * document's length, or the string's length.
   */
  readonly actual: number;
  /** UTF-16 offset in the text where the limit was crossed (0 for the document size). */
  readonly offset: number;
  /** The reference the text was stored under, for a payload value read from the data store. */
  readonly key: string | undefined;
  declare readonly expected: string;
  declare readonly received: string;
  /** For LIMIT_STRING_LENGTH: whether the string was a key or a value. */
  readonly subject: 'key' | 'value' | undefined;

  constructor(
    code: LimitCode,
    max: number,
    actual: number,
    offset: number,
    details: { dto?: string; path?: string; key?: string; subject?: 'key' | 'value' } = {},
  ) {
    const limit = OPTION_OF[code];
    const expected = EXPECTED[code](max);
    const received = RECEIVED[code](actual, details.subject);
    const where = `${details.dto !== undefined ? `${details.dto} ` : ''}${shortPath(details.path)}`;
    const source = details.key !== undefined ? ` (text stored under ${details.key})` : '';
    super(`${where}: ${received} exceeds ${limit} (${max}) at char ${offset}${source}; expected ${expected}`, {
      dto: details.dto,
      path: details.path,
      expected,
      received,
    });
    this.code = code;
    this.limit = limit;
    this.max = max;
    this.actual = actual;
    this.offset = offset;
    this.key = details.key;
    this.subject = code === 'LIMIT_STRING_LENGTH' ? (details.subject ?? 'value') : undefined;
  }

  /**
   * The same error located in an enclosing document: `prefix` is prepended to
   * the path (a payload value read inside an EventRecord), dto and key set.
   */
  within(details: { dto?: string; prefix: string; key?: string }): LimitExceededError {
    return new LimitExceededError(this.code, this.max, this.actual, this.offset, {
      dto: details.dto ?? this.dto,
      path: `${details.prefix}${this.path ?? ''}`,
      key: details.key ?? this.key,
      subject: this.subject,
    });
  }
}

const EXPECTED: Record<LimitCode, (max: number) => string> = {
  LIMIT_DEPTH: (max) => `at most ${max} levels of nested arrays and objects`,
  LIMIT_DOCUMENT_SIZE: (max) => `a text of at most ${max} UTF-16 code units`,
  LIMIT_STRING_LENGTH: (max) => `strings of at most ${max} UTF-16 code units`,
};

const RECEIVED: Record<LimitCode, (actual: number, subject: 'key' | 'value' | undefined) => string> = {
  LIMIT_DEPTH: (actual) => `nesting of ${actual} levels`,
  LIMIT_DOCUMENT_SIZE: (actual) => `a text of ${actual} UTF-16 code units`,
  LIMIT_STRING_LENGTH: (actual, subject) =>
    `${subject === 'key' ? 'a key' : 'a string'} of ${actual} UTF-16 code units`,
};

/** An option with a value the function cannot use (a negative limit, NaN, a string…). */
export class InvalidOptionError extends ContractError {
  override readonly name = 'InvalidOptionError';
  readonly code = 'INVALID_OPTION';
  /** The option's name, e.g. `maxDepth`. */
  readonly option: string;
  declare readonly expected: string;
  declare readonly received: string;

  constructor(option: string, expected: string, value: unknown) {
    const received = describeReceived(value);
    super(`option ${option}: expected ${expected}, got ${received}`, { expected, received });
    this.option = option;
  }
}
