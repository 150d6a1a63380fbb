/**
 * `parsePythonJson`: exactly the documents Python 3.11's `json.loads` accepts
 * (standard JSON plus the bare tokens NaN, Infinity, -Infinity), read into the
 * value model of ./values.ts so nothing Python wrote is lost on a round trip.
 */
import { DEFAULT_READ_LIMITS, LimitExceededError, checkChoice, resolveLimits, type Limits, type ReadLimits } from '../limits';
import { PythonJsonSyntaxError } from './errors';
import { PY_KEY_ORDER, PyFloat, isArrayIndexKey, type PyJsonObject, type PyJsonValue } from './values';

/**
 * `fastPath` picks the parser that runs first; the limits (ReadLimits:
 * maxDepth, maxDocumentLength, maxStringLength; defaults DEFAULT_READ_LIMITS)
 * apply on every path alike.
 */
export interface ParseOptions extends ReadLimits {
  /**
   * true (default): try `JSON.parse` first and keep its result when it provably
   * lost nothing. false: always the exact parser. 'sniff': like true, but go
   * straight to the exact parser when a quick scan sees a number, NaN or
   * Infinity token laid out as Python writes it (`: 1`, `, 1`, `[1`), since
   * JSON.parse's result would most likely be refused (integral numbers are
   * ambiguous) — for documents that usually hold numbers. The result is the
   * same in every mode.
   */
  fastPath?: boolean | 'sniff';
}

/** Python's `sys.get_int_max_str_digits()` default (3.11): longer int literals are rejected. */
export const PYTHON_INT_MAX_STR_DIGITS = 4300;

/**
 * Parses Python's JSON dialect. Duplicate keys: the last value wins at the
 * first key's position (as in Python). Lone surrogate escapes are kept. Objects
 * are plain objects like JSON.parse makes; `__proto__`, `constructor`,
 * `prototype` are ordinary own data properties (no prototype is ever touched).
 * Throws PythonJsonSyntaxError (Python's message and position) on what Python
 * rejects, LimitExceededError when the text breaks a read limit.
 */
export function parsePythonJson(text: string, options?: ParseOptions): PyJsonValue {
  if (typeof text !== 'string') throw new TypeError(`parsePythonJson needs a string, got ${typeof text}`);
  return parseText(text, checkChoice('fastPath', options?.fastPath, FAST_PATH_MODES) ?? true, resolveLimits(options), undefined);
}

/** The values of the `fastPath` option (parsePythonJson, fromJson). */
export const FAST_PATH_MODES: readonly (boolean | 'sniff')[] = [true, false, 'sniff'];

/** parsePythonJson with resolved limits; errors name `dto` (the codec's entry point). */
export function parseText(text: string, mode: boolean | 'sniff', limits: Limits, dto: string | undefined): PyJsonValue {
  if (text.length > limits.maxDocumentLength) {
    throw new LimitExceededError('LIMIT_DOCUMENT_SIZE', limits.maxDocumentLength, text.length, 0, { dto, path: '' });
  }
  if (mode === true || (mode === 'sniff' && !PYTHON_NUMBER_TOKEN.test(text))) {
    const value = tryJsonParse(text, limits);
    if (value !== NOT_FAITHFUL) return value;
  }
  return new ExactParser(text, limits, dto).parse();
}

/**
 * True when `JSON.parse(text)` reads the same value as Python's json.loads
 * (so parsePythonJson takes its fast path): it parses, holds no integral
 * number and no array-index key, and keeps within the default read limits.
 */
export function isPlainJson(text: string): boolean {
  return text.length <= DEFAULT_READ_LIMITS.maxDocumentLength && tryJsonParse(text, DEFAULT_READ_LIMITS) !== NOT_FAITHFUL;
}

const NOT_FAITHFUL: unique symbol = Symbol('not faithful');

/** A number/NaN/Infinity token after Python's separators (a heuristic: only decides which parser runs first). */
const PYTHON_NUMBER_TOKEN = /(?:: |, |\[)(?:-?\d|NaN|Infinity)/;

/**
 * The fast path: JSON.parse, then a walk over the result that accepts it only
 * when nothing was lost. JSON.parse rejects NaN/Infinity (and everything else
 * Python rejects); what it accepts but reads differently from Python always
 * shows in the result as an integral number (`1.0`, `1e2`, `-0`, ints beyond
 * 2^53, which may also have been plain ints), an infinite one (an int too
 * long for a double) or a key JavaScript enumerates out of order (an array
 * index). Non-integral floats are rounded identically by both. Cost: one
 * walk over the parsed values.
 */
function tryJsonParse(text: string, limits: Limits): PyJsonValue | typeof NOT_FAITHFUL {
  const root = jsonParse(text);
  if (root === NOT_FAITHFUL) return NOT_FAITHFUL; // the exact parser reports the error the way Python does
  return isFaithful(root, text, limits, false) ? root : NOT_FAITHFUL;
}

/** `JSON.parse(text)`, or NOT_FAITHFUL when it throws (the exact parser then reports Python's error). */
function jsonParse(text: string): PyJsonValue | typeof NOT_FAITHFUL {
  try {
    return JSON.parse(text) as PyJsonValue;
  } catch {
    return NOT_FAITHFUL;
  }
}

/**
 * Whether `root`, JSON.parse's reading of `text`, is what the exact parser
 * reads (see tryJsonParse) and `text` keeps within the limits. With
 * `scanNumbers`, an integral or infinite number in `root` is accepted when no
 * number token of the text could have been read differently
 * (numberTokensUnambiguous); without, it is refused (parsePythonJson's fast
 * path, and isPlainJson, promise no integral number).
 */
export function isFaithful(root: PyJsonValue, text: string, limits: Limits, scanNumbers: boolean): boolean {
  if (typeof root !== 'object' || root === null) {
    if (typeof root === 'string') return root.length <= limits.maxStringLength;
    return !(typeof root === 'number' && ambiguous(root));
  }
  if (!textWithinLimitsCheap(text, limits)) return false;
  let numbers = false;
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (let k = 0; k < node.length; k++) {
        const v: unknown = node[k];
        if (typeof v === 'object') {
          if (v !== null) stack.push(v);
        } else if (typeof v === 'number' && !numbers && ambiguous(v)) {
          if (!scanNumbers) return false;
          numbers = true;
        }
      }
    } else {
      const obj = node as Record<string, unknown>;
      for (const key in obj) {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57 && isArrayIndexKey(key)) return false;
        const v = obj[key];
        if (typeof v === 'object') {
          if (v !== null) stack.push(v);
        } else if (typeof v === 'number' && !numbers && ambiguous(v)) {
          if (!scanNumbers) return false;
          numbers = true;
        }
      }
    }
  }
  return !numbers || numberTokensUnambiguous(text);
}

/**
 * The limits hold for the text, not only for JSON.parse's result: a value a
 * duplicate key replaces is gone from the result but was read (Python reads
 * it too). A text of n code units nests at most n/2 deep, and no deeper than
 * its number of brackets; it holds no string longer than n-2. Only a text
 * that could break a limit by these counts is scanned. Python refuses an int
 * of more than 4300 digits; in the result it would show as an infinite
 * number, unless a duplicate key dropped it: such a digit run is looked for
 * in the text (a few samples).
 */
function textWithinLimitsCheap(text: string, limits: Limits): boolean {
  const n = text.length;
  if ((n >= 2 * limits.maxDepth + 2 && !fewBrackets(text, limits.maxDepth)) || n >= limits.maxStringLength + 2) {
    if (!textWithinLimits(text, limits)) return false;
  }
  return !(n > PYTHON_INT_MAX_STR_DIGITS && hasLongDigitRun(text));
}

/**
 * For a text JSON.parse read into a value of `depth` levels holding
 * `containers` arrays and objects: whether the text itself keeps within the
 * limits (the check textWithinLimitsCheap makes, with a bound that needs no
 * scan of a long text). Any container of the text that is not in the value
 * was dropped with a duplicate key; each has an opening bracket of its own,
 * so there are at most (brackets in the text − containers) of them, and the
 * text nests at most depth + that many levels. Brackets inside strings only
 * make the bound looser. When the bound fails, the text is scanned exactly.
 */
export function jsonWithinLimits(text: string, limits: Limits, depth: number, containers: number): boolean {
  const n = text.length;
  if (n >= limits.maxStringLength + 2 || depth > limits.maxDepth) return textWithinLimitsCheap(text, limits);
  if (n >= 2 * limits.maxDepth + 2) {
    const hidden = countChar(text, '{') + countChar(text, '[') - containers;
    if (depth + hidden > limits.maxDepth && !textWithinLimits(text, limits)) return false;
  }
  return !(n > PYTHON_INT_MAX_STR_DIGITS && hasLongDigitRun(text));
}

function countChar(text: string, c: string): number {
  let count = 0;
  for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, i + 1)) count++;
  return count;
}

/**
 * A number token JSON.parse may read differently from Python (so from the
 * exact parser), after the separator that precedes every number token but a
 * top-level one (`:`, `,` or `[`, then whitespace):
 * - the int `-0` (Python: 0);
 * - 16 or more digits before any fraction (an int beyond 2^53 is a bigint);
 * - an exponent, or a fraction of zeros (a float with an integral value is a
 *   PyFloat);
 * - a fraction starting with 0 or 9 in a token of 16 or more digits (it may
 *   round to an integral double).
 * Any other float is never integral as a double: with at most 15 digits and
 * a non-zero fraction digit it is at least 10^-15 from an integer, more than
 * its rounding; with at most 15 digits before a fraction starting with 1 to 8
 * it is at least 0.1 from one and rounds by at most 1/16. An int of at most
 * 15 digits is the same number either way. Inside strings the same characters
 * may match too: that only sends the text to the exact parser. Linear: each
 * attempt reads one run of whitespace and number characters after its
 * separator.
 */
const AMBIGUOUS_NUMBER_TOKEN = /[:,[][ \t\n\r]*(?:-0(?![\d.eE])|-?\d(?:\d{15}|[\d.]*[eE]|\d*\.0+(?!\d)|(?=[\d.]{16})\d*\.[09]))/;

/**
 * True when every number token of `text` (a text JSON.parse accepted, whose
 * root is an array or object) is read by JSON.parse exactly as the exact
 * parser reads it, so JSON.parse's integral numbers are Python's ints.
 * False may also mean "could not tell".
 */
export function numberTokensUnambiguous(text: string): boolean {
  return !AMBIGUOUS_NUMBER_TOKEN.test(text);
}

/** An int token both parsers read as the same number: at most 15 digits, not `-0`. */
const PLAIN_INT_TOKEN = /^(?:0|-?[1-9]\d{0,14})$/;

/** Whether `token` (a number token's text) is an int both parsers read as the same safe number. */
export function isPlainIntToken(token: string): boolean {
  return PLAIN_INT_TOKEN.test(token);
}

/**
 * The root object's last members whose values are not containers, read
 * backwards from the end of `text` (a text JSON.parse accepted): key → the
 * value token's text, the last member of a key only (the one whose value
 * JSON.parse and Python keep). Stops, keeping what it found, at the first
 * container value, at a key with an escape, after `max` members, or at
 * anything else it does not expect. Strings are crossed backwards: the
 * opening quote is the nearest quote preceded by an even number of
 * backslashes (every quote inside a string is escaped).
 */
export function trailingMembers(text: string, max = 8): Map<string, string> {
  const found = new Map<string, string>();
  let i = wsBack(text, text.length - 1);
  if (i < 0 || text.charCodeAt(i) !== RBRACE) return found;
  i = wsBack(text, i - 1);
  for (let members = 0; members < max && i >= 0; members++) {
    // the value, ending at i
    const c = text.charCodeAt(i);
    let start: number;
    if (c === QUOTE) {
      start = openingQuote(text, i);
    } else if (c === RBRACKET || c === RBRACE) {
      return found; // a container
    } else {
      start = i;
      while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
      if (!isTokenChar(c)) return found;
    }
    if (start < 0) return found;
    const token = text.slice(start, i + 1);
    i = wsBack(text, start - 1);
    if (i < 0 || text.charCodeAt(i) !== COLON) return found;
    i = wsBack(text, i - 1);
    if (i < 0 || text.charCodeAt(i) !== QUOTE) return found;
    const open = openingQuote(text, i);
    if (open < 0) return found;
    const key = text.slice(open + 1, i);
    if (key.indexOf('\\') !== -1) return found;
    if (!found.has(key)) found.set(key, token);
    i = wsBack(text, open - 1);
    if (i < 0 || text.charCodeAt(i) !== COMMA) return found;
    i = wsBack(text, i - 1);
  }
  return found;
}

function wsBack(text: string, i: number): number {
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) break;
    i--;
  }
  return i;
}

/** Index of the quote that opens the string whose closing quote is at `close`; -1 if none. */
function openingQuote(text: string, close: number): number {
  let j = close;
  for (;;) {
    j = text.lastIndexOf('"', j - 1);
    if (j < 0) return -1;
    let b = j - 1;
    while (b >= 0 && text.charCodeAt(b) === BACKSLASH) b--;
    if ((j - 1 - b) % 2 === 0) return j;
  }
}

/** Characters of number tokens and of true/false/null/NaN/Infinity. */
function isTokenChar(c: number): boolean {
  return (c >= D0 && c <= D9) || c === MINUS || c === 43 /* + */ || c === DOT || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

/** The exact parser on a text whose size limit was checked; errors name `dto`. */
export function parseExact(text: string, limits: Limits, dto: string | undefined): PyJsonValue {
  return new ExactParser(text, limits, dto).parse();
}

/**
 * Whether the text holds more than PYTHON_INT_MAX_STR_DIGITS digits in a row
 * (in a number or a string: either way the exact parser decides). Any such run
 * covers one of the positions sampled every PYTHON_INT_MAX_STR_DIGITS + 1
 * code units; only digits found there are followed. Linear at worst, a few
 * dozen reads for a typical text.
 */
function hasLongDigitRun(text: string): boolean {
  const run = PYTHON_INT_MAX_STR_DIGITS + 1;
  const n = text.length;
  for (let p = run - 1; p < n; p += run) {
    if (!isDigit(text.charCodeAt(p))) continue;
    let a = p;
    let b = p;
    while (a > 0 && isDigit(text.charCodeAt(a - 1))) a--;
    while (b + 1 < n && isDigit(text.charCodeAt(b + 1))) b++;
    if (b - a + 1 >= run) return true;
    p = b;
  }
  return false;
}

/** At most `max` brackets that open a container (`[`, `{`, counted in strings too): then no deeper than `max`. */
function fewBrackets(text: string, max: number): boolean {
  let count = 0;
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) if (++count > max) return false;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) if (++count > max) return false;
  return true;
}

/**
 * For a text JSON.parse accepted: no container deeper than maxDepth, and no
 * string (value or key) whose text between its quotes is longer than
 * maxStringLength (an unescaped string is never longer than that text). A
 * text it refuses goes to the exact parser, which decides exactly and
 * reports the limit with its JSON path and offset.
 */
function textWithinLimits(text: string, limits: Limits): boolean {
  const maxDepth = limits.maxDepth;
  const maxString = limits.maxStringLength;
  const n = text.length;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // the closing quote: the next one not escaped (preceded by an even number of backslashes)
      const start = i;
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i === -1) return false; // cannot happen after JSON.parse; the exact parser decides
        let b = i - 1;
        while (text.charCodeAt(b) === BACKSLASH) b--;
        if ((i - 1 - b) % 2 === 0) break;
      }
      if (i - start - 1 > maxString) return false;
    } else if (c === LBRACKET || c === LBRACE) {
      if (++depth > maxDepth) return false;
    } else if (c === RBRACKET || c === RBRACE) {
      depth--;
    }
  }
  return true;
}

/**
 * A number JSON.parse may have read differently from Python: integral (an int
 * or an integral float, -0, beyond 2^53) or infinite (an int token too long
 * for a double, which Python reads as an exact int).
 */
function ambiguous(v: number): boolean {
  return Number.isInteger(v) || !Number.isFinite(v);
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * V8 makes `slice` results of this length and more sliced strings that point
 * into the source (SlicedString::kMinLength); shorter ones are copies.
 */
const MIN_SLICE_LENGTH = 13;

// char codes
const TAB = 9, LF = 10, CR = 13, SPACE = 32, QUOTE = 34, COMMA = 44, MINUS = 45, DOT = 46;
const D0 = 48, D9 = 57, COLON = 58, BACKSLASH = 92, LBRACKET = 91, RBRACKET = 93, LBRACE = 123, RBRACE = 125;

/** A syntax error found by a helper of the exact parser; parse() adds the JSON path. */
class SyntaxFailure {
  constructor(
    readonly reason: string,
    readonly at: number,
  ) {}
}

class ExactParser {
  private readonly n: number;
  private readonly maxDepth: number;
  private readonly maxString: number;
  /** The open containers; the path of an error is built from them (and the keys being read). */
  private readonly containers: (PyJsonValue[] | PyJsonObject)[] = [];
  private readonly keys: string[] = [];
  /** While a key is read: the number of containers above the object that holds it; -1 otherwise. */
  private keyLevels = -1;

  constructor(
    private readonly text: string,
    limits: Limits,
    private readonly dto: string | undefined,
  ) {
    this.n = text.length;
    this.maxDepth = limits.maxDepth;
    this.maxString = limits.maxStringLength;
  }

  private fail(reason: string, at: number): never {
    throw new SyntaxFailure(reason, at);
  }

  /** JSON pointer of the value being read inside the first `levels` open containers. */
  private pointer(levels: number): string {
    let path = '';
    for (let k = 0; k < levels; k++) {
      const c = this.containers[k]!;
      const segment = Array.isArray(c) ? String(c.length) : this.keys[k]!;
      path += `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    }
    return path;
  }

  private tooLong(start: number, length: number, levels: number, subject: 'key' | 'value'): never {
    throw new LimitExceededError('LIMIT_STRING_LENGTH', this.maxString, length, start, {
      dto: this.dto,
      path: this.pointer(levels),
      subject,
    });
  }

  private ws(i: number): number {
    const t = this.text;
    const n = this.n;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) break;
      i++;
    }
    return i;
  }

  parse(): PyJsonValue {
    const t = this.text;
    const n = this.n;
    if (n > 0 && t.charCodeAt(0) === 0xfeff) {
      throw new PythonJsonSyntaxError('Unexpected UTF-8 BOM (decode using utf-8-sig)', t, 0, { dto: this.dto, path: '' });
    }
    // Explicit stack instead of recursion: no stack overflow at any depth maxDepth allows.
    const containers = this.containers;
    const keys = this.keys;
    const orders: (string[] | null)[] = [];
    const maxDepth = this.maxDepth;
    const maxString = this.maxString;
    let depth = 0;
    let i = this.ws(0);
    let value: PyJsonValue;

    try {
      for (;;) {
        // ---- a value starts at i
        const c = i < n ? t.charCodeAt(i) : -1;
        if (c === LBRACE) {
          if (depth >= maxDepth) this.tooDeep(i, depth);
          i = this.ws(i + 1);
          if (i < n && t.charCodeAt(i) === RBRACE) {
            value = {};
            i++;
          } else {
            const obj: PyJsonObject = {};
            this.keyLevels = depth;
            i = this.key(i);
            this.keyLevels = -1;
            containers[depth] = obj;
            keys[depth] = this.lastString;
            orders[depth] = null;
            depth++;
            continue;
          }
        } else if (c === LBRACKET) {
          if (depth >= maxDepth) this.tooDeep(i, depth);
          i = this.ws(i + 1);
          if (i < n && t.charCodeAt(i) === RBRACKET) {
            value = [];
            i++;
          } else {
            containers[depth] = [];
            depth++;
            continue;
          }
        } else if (c === QUOTE) {
          const start = i;
          i = this.string(i);
          value = this.lastString;
          if (i - start > maxString + 2 && value.length > maxString) this.tooLong(start, value.length, depth, 'value');
        } else if ((c >= D0 && c <= D9) || c === MINUS) {
          if (c === MINUS && t.startsWith('-Infinity', i)) {
            value = -Infinity;
            i += 9;
          } else {
            i = this.number(i);
            value = this.lastNumber;
          }
        } else if (c === 110 /* n */ && t.startsWith('null', i)) {
          value = null;
          i += 4;
        } else if (c === 116 /* t */ && t.startsWith('true', i)) {
          value = true;
          i += 4;
        } else if (c === 102 /* f */ && t.startsWith('false', i)) {
          value = false;
          i += 5;
        } else if (c === 78 /* N */ && t.startsWith('NaN', i)) {
          value = NaN;
          i += 3;
        } else if (c === 73 /* I */ && t.startsWith('Infinity', i)) {
          value = Infinity;
          i += 8;
        } else {
          this.fail('Expecting value', i);
        }

        // ---- a value ended at i: hand it to its container, close containers that end here
        for (;;) {
          if (depth === 0) {
            i = this.ws(i);
            if (i !== n) this.fail('Extra data', i);
            return value;
          }
          const top = containers[depth - 1]!;
          if (Array.isArray(top)) {
            top.push(value);
            i = this.ws(i);
            const d = i < n ? t.charCodeAt(i) : -1;
            if (d === COMMA) {
              i = this.ws(i + 1);
              break; // next element
            }
            if (d !== RBRACKET) this.fail("Expecting ',' delimiter", i);
            i++;
            value = top;
            depth--;
            continue;
          }
          const key = keys[depth - 1]!;
          let order = orders[depth - 1]!;
          if (order === null && isArrayIndexKey(key)) order = orders[depth - 1] = Object.keys(top);
          if (order !== null && !Object.prototype.hasOwnProperty.call(top, key)) order.push(key);
          if (key === '__proto__') {
            Object.defineProperty(top, key, { value, writable: true, enumerable: true, configurable: true });
          } else {
            top[key] = value;
          }
          i = this.ws(i);
          const d = i < n ? t.charCodeAt(i) : -1;
          if (d === COMMA) {
            this.keyLevels = depth - 1;
            i = this.key(this.ws(i + 1));
            this.keyLevels = -1;
            keys[depth - 1] = this.lastString;
            break; // next member's value
          }
          if (d !== RBRACE) this.fail("Expecting ',' delimiter", i);
          i++;
          if (order !== null && !sameOrder(order, Object.keys(top))) {
            Object.defineProperty(top, PY_KEY_ORDER, { value: order, enumerable: false, writable: true, configurable: true });
          }
          value = top;
          depth--;
        }
      }
    } catch (err) {
      if (!(err instanceof SyntaxFailure)) throw err;
      const levels = this.keyLevels >= 0 ? this.keyLevels : depth;
      throw new PythonJsonSyntaxError(err.reason, t, err.at, { dto: this.dto, path: this.pointer(levels) });
    }
  }

  private tooDeep(at: number, depth: number): never {
    throw new LimitExceededError('LIMIT_DEPTH', this.maxDepth, depth + 1, at, { dto: this.dto, path: this.pointer(depth) });
  }

  /** Reads `"key" :` at i (whitespace before i already skipped); returns the index of the value. */
  private key(i: number): number {
    const t = this.text;
    if (i >= this.n || t.charCodeAt(i) !== QUOTE) this.fail('Expecting property name enclosed in double quotes', i);
    const start = i;
    i = this.string(i);
    if (i - start > this.maxString + 2 && this.lastString.length > this.maxString) {
      this.tooLong(start, this.lastString.length, this.keyLevels, 'key');
    }
    i = this.ws(i);
    if (i >= this.n || t.charCodeAt(i) !== COLON) this.fail("Expecting ':' delimiter", i);
    return this.ws(i + 1);
  }

  private lastString = '';
  private lastNumber: number | bigint | PyFloat = 0;

  /**
   * Reads the string whose opening quote is at `begin` into lastString; returns the index after the closing quote.
   * The scan checks the string as Python does (its errors, its positions); the value is then decoded by
   * JSON.parse of the quoted text, whose escapes mean what Python's mean (lone surrogates included), and
   * which copies the characters: a slice of the source would be a V8 sliced string keeping the whole
   * source text alive as long as the value lives. Strings shorter than V8's minimum slice length are
   * copied by `slice` itself.
   */
  private string(begin: number): number {
    const t = this.text;
    const n = this.n;
    let i = begin + 1;
    let escaped = false;
    for (;;) {
      // a run of ordinary characters
      let c = -1;
      while (i < n) {
        c = t.charCodeAt(i);
        if (c === QUOTE || c === BACKSLASH) break;
        if (c < 0x20) this.fail('Invalid control character at', i);
        i++;
      }
      if (i >= n) this.fail('Unterminated string starting at', begin);
      if (c === QUOTE) {
        this.lastString =
          !escaped && i - begin - 1 < MIN_SLICE_LENGTH ? t.slice(begin + 1, i) : (JSON.parse(t.slice(begin, i + 1)) as string);
        return i + 1;
      }
      // backslash at i
      escaped = true;
      if (i + 1 >= n) this.fail('Unterminated string starting at', begin);
      const e = t.charCodeAt(i + 1);
      if (e === 117 /* u */) {
        const end = i + 6; // index after the four hex digits
        if (end >= n) this.fail('Invalid \\uXXXX escape', i + 1);
        for (let k = i + 2; k < end; k++) {
          if (hexValue(t.charCodeAt(k)) < 0) this.fail('Invalid \\uXXXX escape', i + 1);
        }
        i = end;
      } else {
        switch (e) {
          case QUOTE:
          case BACKSLASH:
          case 47: // '/'
          case 98: // b
          case 102: // f
          case 110: // n
          case 114: // r
          case 116: // t
            break;
          default:
            this.fail('Invalid \\escape', i);
        }
        i += 2;
      }
    }
  }

  /** Reads a number token at `start` (Python's grammar) into lastNumber; returns the index after it. */
  private number(start: number): number {
    const t = this.text;
    const n = this.n;
    let i = start;
    const negative = t.charCodeAt(i) === MINUS;
    if (negative) i++;
    const first = i < n ? t.charCodeAt(i) : -1;
    if (first >= 49 && first <= D9) {
      i++;
      while (i < n && isDigit(t.charCodeAt(i))) i++;
    } else if (first === D0) {
      i++;
    } else {
      this.fail('Expecting value', start);
    }
    const intEnd = i;
    let isFloat = false;
    if (i + 1 < n && t.charCodeAt(i) === DOT && isDigit(t.charCodeAt(i + 1))) {
      isFloat = true;
      i += 2;
      while (i < n && isDigit(t.charCodeAt(i))) i++;
    }
    if (i + 1 < n && (t.charCodeAt(i) | 0x20) === 101 /* e or E */) {
      let j = i + 1;
      const s = t.charCodeAt(j);
      if ((s === MINUS || s === 43) /* + */ && j + 1 < n) j++;
      const digitsStart = j;
      while (j < n && isDigit(t.charCodeAt(j))) j++;
      if (j > digitsStart) {
        isFloat = true;
        i = j;
      }
    }
    if (isFloat) {
      const v = Number(t.slice(start, i));
      this.lastNumber = Number.isInteger(v) && Math.abs(v) <= MAX_SAFE && !Object.is(v, -0) ? new PyFloat(v) : v;
      return i;
    }
    const digits = intEnd - (negative ? start + 1 : start);
    if (digits <= 15) {
      let acc = 0;
      for (let k = negative ? start + 1 : start; k < intEnd; k++) acc = acc * 10 + (t.charCodeAt(k) - D0);
      this.lastNumber = negative ? 0 - acc : acc; // 0 - 0 is +0: Python's int -0 is 0
      return i;
    }
    if (digits > PYTHON_INT_MAX_STR_DIGITS) {
      this.fail(
        `Exceeds the limit (${PYTHON_INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
        start,
      );
    }
    const big = BigInt(t.slice(start, i));
    this.lastNumber = big <= BigInt(MAX_SAFE) && big >= -BigInt(MAX_SAFE) ? Number(big) : big;
    return i;
  }
}

function isDigit(c: number): boolean {
  return c >= D0 && c <= D9;
}

function hexValue(c: number): number {
  if (c >= D0 && c <= D9) return c - D0;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
