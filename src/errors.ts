import { pythonFloatRepr, pythonNumberText } from './pyjson/numbers';
import { PyFloat, pythonKeyOrder } from './pyjson/values';

const CONTRACT_ERROR_BRAND = Symbol.for('pynenc-monitoring-contract.ContractError');

/**
 * Base of every error this package throws: a stable machine-readable `code`,
 * and, where the error is about a document, the DTO and the JSON path; where
 * it is about a value, what was expected and what was received (truncated).
 * Each subclass sets `name` to a fixed string, its class name (`new.target.name` would be what a minifier renamed
 * the class to: logs and `err.name` checks would read `fe`); test/hardening/error-names.test.ts checks it.
 */
export abstract class ContractError extends Error {
  /** The class's name, a fixed string in each class (see above). */
  abstract override readonly name: string;
  abstract readonly code: string;
  /** DTO the failing document was read or written as, when known. */
  readonly dto: string | undefined;
  /** JSON pointer into the document ('' is the whole document), when known. */
  readonly path: string | undefined;
  /** What would have been accepted, when the error is about a value. */
  readonly expected: string | undefined;
  /** The value that was found, as shown to people (one line, truncated), when the error is about a value. */
  readonly received: string | undefined;

  /**
   * `instanceof` across copies of this package in one process: its ESM and CommonJS builds are two module instances
   * when an ES module imports it and a CommonJS module requires it. An error made by the other copy (it carries the
   * registered brand below, the same symbol in every copy) is an instance of this copy's class of the same name.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== 'object' || value === null || !(CONTRACT_ERROR_BRAND in value)) return false;
    for (let proto: unknown = Object.getPrototypeOf(value); proto !== null && proto !== Error.prototype;) {
      const ctor = (proto as { constructor?: unknown }).constructor;
      if (typeof ctor === 'function' && ctor.name === this.name) return true;
      proto = Object.getPrototypeOf(proto);
    }
    return false;
  }

  /** The brand `instanceof` recognises in an error of another copy of the package. */
  get [CONTRACT_ERROR_BRAND](): true {
    return true;
  }

  protected constructor(
    message: string,
    details: { dto?: string; path?: string; expected?: string; received?: string; cause?: unknown } = {},
  ) {
    // One line, whatever a detail (a backend's message, a key) holds.
    super(
      LINE_BREAKS.test(message) ? message.replace(LINE_BREAKS_ALL, ' ') : message,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.dto = details.dto;
    this.path = details.path;
    this.expected = details.expected === undefined ? undefined : shortText(details.expected, 500);
    this.received = details.received === undefined ? undefined : shortText(details.received, 500);
  }
}

/** `text` on one line (line breaks become spaces), cut to `max` characters with an ellipsis. */
export function shortText(text: string, max = 120): string {
  const line = LINE_BREAKS.test(text) ? text.replace(LINE_BREAKS_ALL, ' ') : text;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const LINE_BREAKS = /[\n\v\f\r\u0085\u2028\u2029]/;
const LINE_BREAKS_ALL = /[\n\v\f\r\u0085\u2028\u2029]+/g;

/**
 * Shortens a received value for an error message: the value as Python's `json.dumps` writes it compactly with
 * non-ASCII kept (numbers in Python's repr, Python's key order where known), on one line, at most `max` code
 * points. The generated Python package's `_describe` writes the same text for the same value. Bounded work for any
 * value: a 50 MB string or a huge object is never written out in full to be cut afterwards.
 */
export function describeReceived(value: unknown, max = 60): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'function' || typeof value === 'symbol') text = typeof value;
  // Budget in code units: 2 per code point, so at least max + 1 code points are written when the value has them.
  else text = boundedJson(value, 2 * max + 2);
  return cutCodePoints(text.replace(LINE_SEPARATORS, escapeChar), max);
}

/**
 * Line breaks JSON leaves raw (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR) are written as JSON escapes, so the text
 * stays on one line and loses nothing. The generated Python package's `_describe` does the same.
 */
const LINE_SEPARATORS = /[\u0085\u2028\u2029]/g;

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` cut to `max` code points (as Python counts a str; a lone surrogate is one), the last one an ellipsis. */
function cutCodePoints(text: string, max: number): string {
  if (text.length <= max) return text; // at most `max` code units: at most `max` code points
  let points = 0;
  let units = 0;
  let keep = 0;
  for (const ch of text) {
    if (points === max - 1) keep = units;
    points += 1;
    units += ch.length;
    if (points > max) return `${text.slice(0, keep)}…`;
  }
  return text;
}

/**
 * `JSON.stringify(value)` (the same text, as far as it goes), stopped once it is
 * longer than `budget` characters. Also writes what JSON.stringify cannot:
 * bigints as digits and cycles as `[circular]`.
 */
function boundedJson(value: unknown, budget: number): string {
  let out = '';
  const seen: object[] = [];
  // In an array, what JSON.stringify writes as null; in an object, a member it leaves out.
  const absent = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';
  const write = (item: unknown): void => {
    if (out.length > budget) return;
    if (item instanceof PyFloat) {
      out += pythonFloatRepr(item.value);
      return;
    }
    if (item !== null && typeof item === 'object' && typeof (item as { toJSON?: unknown }).toJSON === 'function') {
      let inner: unknown;
      try {
        inner = (item as { toJSON: () => unknown }).toJSON();
      } catch {
        inner = Object.prototype.toString.call(item);
      }
      if (inner !== item) return write(inner);
    }
    if (item === null || typeof item === 'boolean') out += String(item);
    else if (typeof item === 'number') out += pythonNumberText(item);
    else if (typeof item === 'bigint') out += `${item}`;
    else if (typeof item === 'string') out += JSON.stringify(item.length > budget ? item.slice(0, budget) : item);
    else if (typeof item !== 'object') out += 'null';
    else if (seen.includes(item)) out += '[circular]';
    else {
      seen.push(item);
      if (Array.isArray(item)) {
        out += '[';
        for (let index = 0; index < item.length && out.length <= budget; index++) {
          if (index > 0) out += ',';
          write(item[index]);
        }
        out += ']';
      } else {
        out += '{';
        let first = true;
        // Python's key order where the object was read with it (parsePythonJson keeps it beside the object).
        for (const key of pythonKeyOrder(item) ?? Object.keys(item)) {
          if (out.length > budget) break;
          if (!Object.prototype.hasOwnProperty.call(item, key)) continue;
          const member = (item as Record<string, unknown>)[key];
          if (absent(member)) continue;
          if (!first) out += ',';
          first = false;
          out += `${JSON.stringify(key.length > budget ? key.slice(0, budget) : key)}:`;
          write(member);
        }
        out += '}';
      }
      seen.pop();
    }
  };
  write(value);
  return out;
}

/**
 * An argument of the wrong kind given to a public function (a number where the JSON text goes, a string where
 * epoch microseconds go…): the TypeError a caller would otherwise meet, as a ContractError with a code.
 */
export class InvalidArgumentError extends ContractError {
  override readonly name = 'InvalidArgumentError';
  readonly code = 'INVALID_ARGUMENT';
  /** The function called, e.g. `parsePythonJson` or `PyTimestamp.fromEpochMicros`. */
  readonly callee: string;
  /** The argument's name in the function's signature, e.g. `text`. */
  readonly argument: string;
  declare readonly expected: string;
  declare readonly received: string;

  constructor(callee: string, argument: string, expected: string, value: unknown, details: { dto?: string } = {}) {
    const received = describeReceived(value);
    super(`${callee}(${argument}): expected ${expected}, got ${received}`, { dto: details.dto, expected, received });
    this.callee = callee;
    this.argument = argument;
  }
}

/** `value` when it is a string, else InvalidArgumentError naming `callee`'s `argument`. */
export function requireString(callee: string, argument: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw new InvalidArgumentError(callee, argument, 'a string', value);
}

/** A JSON pointer shortened for a message: its home is src/spec/json-pointer.ts, kept here for errors' users. */
export { shortPath } from './spec/json-pointer';
