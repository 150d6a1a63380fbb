/**
 * `parsePythonJson`: exactly the documents Python 3.11's `json.loads` accepts
 * (standard JSON plus the bare tokens NaN, Infinity, -Infinity), read into the
 * value model of ./values.ts so nothing Python wrote is lost on a round trip.
 */
import { ContractError, InvalidArgumentError } from '../errors';
import { LimitExceededError, checkChoice, resolveLimits, type Limits, type ReadLimits } from '../limits';
import { escapePointerToken } from '../spec/json-pointer';
import { defineOwn } from '../spec/json-value';
import * as charCodes from './char-codes';
import { PythonJsonSyntaxError } from './errors';
import {
  keyColon,
  likelyHoldsNumbers,
  mayRepeat,
  numberTokensUnambiguous,
  SCAN_FROM,
  readFast,
  stringEnd,
  stringValue,
  type DtoWalk,
  type FastPathResult,
} from './fast-path';
import { BIG_LIST_CHARS, cutNumberLists, mayHoldBigNumberList, putNumberLists } from './number-list';
import { longIntValue, PyFloats } from './number-value';
import { PYTHON_INT_MAX_STR_DIGITS } from './numbers';
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

export { PYTHON_INT_MAX_STR_DIGITS } from './numbers';

/**
 * Parses Python's JSON dialect. Duplicate keys: the last value wins at the
 * first key's position (as in Python). Lone surrogate escapes are kept. Objects
 * are plain objects like JSON.parse makes; `__proto__`, `constructor`,
 * `prototype` are ordinary own data properties (no prototype is ever touched).
 * Throws PythonJsonSyntaxError (Python's message and position) on what Python
 * rejects, LimitExceededError when the text breaks a read limit.
 */
export function parsePythonJson(text: string, options?: ParseOptions): PyJsonValue {
  if (typeof text !== 'string')
    throw new InvalidArgumentError('parsePythonJson', 'text', 'the JSON text as a string', text);
  return parseText(
    text,
    checkChoice('fastPath', options?.fastPath, FAST_PATH_MODES) ?? true,
    resolveLimits(options),
    undefined,
  );
}

/** The values of the `fastPath` option (parsePythonJson, fromJson). */
export const FAST_PATH_MODES: readonly (boolean | 'sniff')[] = [true, false, 'sniff'];

/** parsePythonJson with resolved limits; errors name `dto` (the codec's entry point). */
export function parseText(text: string, mode: boolean | 'sniff', limits: Limits, dto: string | undefined): PyJsonValue {
  if (text.length > limits.maxDocumentLength) {
    throw new LimitExceededError('LIMIT_DOCUMENT_SIZE', limits.maxDocumentLength, text.length, 0, { dto, path: '' });
  }
  if (mode !== false) {
    const lists = readNumberLists(text, limits, null, dto);
    if (lists !== null) return lists.value;
  }
  if (mode === true || (mode === 'sniff' && !likelyHoldsNumbers(text))) {
    const fast = readFastExact(text, limits, null, dto);
    if (fast.verdict !== 'exact') return fast.value;
  }
  return new ExactParser(text, limits, dto).parse();
}

/**
 * A text that holds big lists of numbers (BIG_LIST_CHARS characters or more, `[` to `]`), read with less memory
 * (issue 16: peak ≤ 3× the text): each such list read count-first into an array of its size
 * (src/pyjson/number-list.ts), the rest of the text, with `[]` in their places, by readFastExact (or the exact parser
 * where it says 'exact'), and the lists put back. JSON.parse and the exact parser grow their arrays as they read:
 * 25 M one-digit ints (75 MB) peaked at 8.0× the text, 2.7× here (the array itself). null when the text is shorter
 * than such a list, holds none, when reading it so could differ from reading it whole (see cutNumberLists), or when
 * the rest is refused: then the caller reads the whole text, which reports any error as Python does. 'as-is' (the
 * record as read, for fromJson's `walk`) was judged with `[]` in the lists' places: it stands when the DTO's in-order
 * checker accepts the record with its lists too.
 */
export function readNumberLists(
  text: string,
  limits: Limits,
  walk: DtoWalk | null,
  dto: string | undefined,
): Exclude<FastReading, { verdict: 'exact' }> | null {
  if (text.length < BIG_LIST_CHARS || !mayHoldBigNumberList(text)) return null;
  const cut = cutNumberLists(text);
  if (cut === null) return null;
  try {
    const rest = readFastExact(cut.text, limits, walk, dto);
    const root = rest.verdict === 'exact' ? new ExactParser(cut.text, limits, dto).parse() : rest.value;
    const value = putNumberLists(root, cut);
    if (value === null) return null;
    const asIs = rest.verdict === 'as-is' && walk !== null && walk.inOrder(value);
    return { verdict: asIs ? 'as-is' : 'faithful', value };
  } catch (err) {
    if (err instanceof ContractError) return null; // a syntax or limit error: found again, placed, in the whole text
    throw err;
  }
}

/** What readFastExact made of a text: JSON.parse's value as readFast says ('as-is', 'faithful'), or 'exact'. */
export type FastReading = Exclude<FastPathResult, { verdict: 'reread' }>;

/**
 * readFast (src/pyjson/fast-path.ts, numbers scanned), with its 'reread' verdict carried out: the values of the
 * root members that may hold a number JSON.parse read differently are read again by the exact parser from their
 * place in the text (the last of duplicate keys, as JSON.parse and Python keep), and replace JSON.parse's. Where
 * the text holds one integral float or big int, JSON.parse's reading of the rest is kept (issue 16: on the strict
 * bench shape, fromJson 223 → see BENCHMARKS.md, "Against pynenc itself").
 */
export function readFastExact(
  text: string,
  limits: Limits,
  walk: DtoWalk | null,
  dto: string | undefined,
): FastReading {
  const fast = readFast(text, limits, walk, true);
  if (fast.verdict !== 'reread') return fast;
  const root = fast.value;
  if (!rereadMembers(text, root, fast.reread, limits, dto)) return EXACT_READING;
  return { verdict: fast.asIs ? 'as-is' : 'faithful', value: root };
}

const EXACT_READING: FastReading = Object.freeze({ verdict: 'exact' });

/**
 * Replaces the values of `names` in `root` (JSON.parse's reading of `text`, a root object) with the exact parser's
 * reading of their text. False when the text is not laid out as expected (then the whole text is read exactly,
 * which reports any error as Python does).
 */
function rereadMembers(
  text: string,
  root: Record<string, PyJsonValue>,
  names: readonly string[],
  limits: Limits,
  dto: string | undefined,
): boolean {
  try {
    if (names.length === 1) {
      // One member (TriggerRunRecord's arguments_preview, EventRecord's payload): found by its key's text, read from
      // there by the exact parser, which tells where it ends.
      const name = names[0]!;
      const colon = keyColon(text, name);
      // No number token after the colon that JSON.parse may read differently: its value is exact. Asked of long
      // texts only (a char scan there: parsePythonJson of a root member of 4 M plain ints, 210 ms against 237 for the
      // patch); in a shorter one the regex read the rest of the text, the member and all that follows, where the
      // patch reads the member and changes nothing when every token is plain. Compiled, fromJson, CPU, one process,
      // two builds interleaved by chunks of 500 texts, median of 30 rounds' ratios, patch first against regex first:
      // 10,000 hard bench texts 0.967-0.970, strict 0.971, typical records with a few plain ints in their
      // arguments_preview 0.890.
      if (colon >= 0 && text.length >= SCAN_FROM && numberTokensUnambiguous(text.slice(colon))) {
        if (!mayRepeat(text, colon + 1, name)) return true;
      } else if (colon >= 0) {
        const end = new ExactParser(text, limits, dto, colon + 1, text.length, 1, true).patch(root[name]!);
        // Written again (duplicate keys: the last counts): JSON.parse's value is the later one's, and the patch may
        // have paired it with this text: the whole text is read exactly. Looked for after the value only, when the
        // patch tells where it ends (12 M integral floats: the repeat test over the rest of the text was 2 % of
        // fromJson).
        if (mayRepeat(text, end >= 0 ? end : colon + 1, name)) return false;
        if (end < 0) defineOwn(root, name, new ExactParser(text, limits, dto, colon + 1, text.length, 1, true).parse());
        return true;
      }
    }
    const spans = memberSpans(text, names);
    if (spans === null) return false;
    for (const name of names) {
      const span = spans.get(name);
      if (span === undefined) return false;
      const [colon, end] = span;
      // the value in the text (from the colon: a number token is recognised by its separator), read exactly only
      // where one of its number tokens may differ
      if (numberTokensUnambiguous(text.slice(colon, end))) continue;
      defineOwn(root, name, new ExactParser(text, limits, dto, colon + 1, end, 1).parse());
    }
  } catch {
    return false;
  }
  return true;
}

/**
 * For a text JSON.parse accepted whose root is an object: where the colon before the value of each member named in
 * `names` is, and where the value ends (the `,` or `}` after it; the last member of a name, whose value JSON.parse
 * and Python keep); null when the text is not laid out as expected. One pass; strings crossed with indexOf (a
 * char-code loop through them measured 1.5-4× slower on the strict bench shape's texts).
 */
function memberSpans(text: string, names: readonly string[]): Map<string, [number, number]> | null {
  const spans = new Map<string, [number, number]>();
  const wanted = new Set(names); // a record with 10,000 unknown keys holding ints names them all
  const length = text.length;
  let depth = 0;
  /** At depth 1: the index of the colon of the member being read, -1 while its key is awaited. */
  let colon = -1;
  let key = '';
  let index = 0;
  while (index < length) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      const close = stringEnd(text, index) - 1;
      if (close < 0) return null;
      if (depth === 1 && colon < 0) {
        key = stringValue(text, index, close + 1);
      }
      index = close + 1;
      continue;
    }
    if (char === LBRACE || char === LBRACKET) {
      depth++;
    } else if (char === RBRACE || char === RBRACKET) {
      if (--depth === 0) {
        if (colon >= 0 && wanted.has(key)) spans.set(key, [colon, index]);
        return spans;
      }
    } else if (depth === 1) {
      if (char === COLON) {
        colon = index;
      } else if (char === COMMA) {
        if (colon >= 0 && wanted.has(key)) spans.set(key, [colon, index]);
        colon = -1;
      }
    }
    index++;
  }
  return null;
}

/** The exact parser on a text whose size limit was checked; errors name `dto`. */
export function parseExact(text: string, limits: Limits, dto: string | undefined): PyJsonValue {
  return new ExactParser(text, limits, dto).parse();
}

/**
 * V8 makes `slice` results of this length and more sliced strings that point
 * into the source (SlicedString::kMinLength); shorter ones are copies.
 */
const MIN_SLICE_LENGTH = 13;

// The char codes bound to constants of this module (why: ./char-codes.ts). Compiled, CPU, one process, builds
// interleaved, parsePythonJson of the 10,000 hard pynenc texts with fastPath false (the exact parser) against this
// module's own constants before: named imports 1.01–1.04×, bound 0.92–1.02×.
// prettier-ignore
const { TAB, LF, CR, SPACE, QUOTE, PLUS, COMMA, MINUS, DOT, D0, D1, D9, COLON, SLASH, I_UPPER, N_UPPER, LBRACKET,
  BACKSLASH, RBRACKET, A_LOWER, B_LOWER, E_LOWER, F_LOWER, N_LOWER, R_LOWER, T_LOWER, U_LOWER, LBRACE,
  RBRACE } = charCodes;

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

  /** With `oneValue`: the index after the value read. */
  valueEnd = -1;

  /**
   * Reads the value of `text` between `begin` and `end` (the whole text by default), nested in `outer` containers
   * (their depth counts for maxDepth). `oneValue`: the value ends where it ends (valueEnd), what follows is not read.
   */
  constructor(
    private readonly text: string,
    limits: Limits,
    private readonly dto: string | undefined,
    private readonly begin = 0,
    end = text.length,
    outer = 0,
    private readonly oneValue = false,
  ) {
    this.n = end;
    this.maxDepth = limits.maxDepth - outer;
    this.maxString = limits.maxStringLength;
  }

  private fail(reason: string, at: number): never {
    throw new SyntaxFailure(reason, at);
  }

  /** JSON pointer of the value being read inside the first `levels` open containers. */
  private pointer(levels: number): string {
    let path = '';
    for (let level = 0; level < levels; level++) {
      const container = this.containers[level]!;
      const segment = Array.isArray(container) ? String(container.length) : this.keys[level]!;
      path += `/${escapePointerToken(segment)}`;
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

  private ws(index: number): number {
    const text = this.text;
    const end = this.n;
    while (index < end) {
      const char = text.charCodeAt(index);
      if (char !== SPACE && char !== LF && char !== CR && char !== TAB) break;
      index++;
    }
    return index;
  }

  parse(): PyJsonValue {
    const text = this.text;
    const end = this.n;
    if (end > 0 && this.begin === 0 && text.charCodeAt(0) === 0xfeff) {
      throw new PythonJsonSyntaxError('Unexpected UTF-8 BOM (decode using utf-8-sig)', text, 0, {
        dto: this.dto,
        path: '',
      });
    }
    // Explicit stack instead of recursion: no stack overflow at any depth maxDepth allows.
    const containers = this.containers;
    const keys = this.keys;
    const orders: (string[] | null)[] = [];
    const maxDepth = this.maxDepth;
    const maxString = this.maxString;
    let depth = 0;
    let index = this.ws(this.begin);
    let value: PyJsonValue;

    try {
      for (;;) {
        // ---- a value starts at i
        const char = index < end ? text.charCodeAt(index) : -1;
        if (char === LBRACE) {
          if (depth >= maxDepth) this.tooDeep(index, depth);
          index = this.ws(index + 1);
          if (index < end && text.charCodeAt(index) === RBRACE) {
            value = {};
            index++;
          } else {
            const obj: PyJsonObject = {};
            this.keyLevels = depth;
            index = this.key(index);
            this.keyLevels = -1;
            containers[depth] = obj;
            keys[depth] = this.lastString;
            orders[depth] = null;
            depth++;
            continue;
          }
        } else if (char === LBRACKET) {
          if (depth >= maxDepth) this.tooDeep(index, depth);
          index = this.ws(index + 1);
          if (index < end && text.charCodeAt(index) === RBRACKET) {
            value = [];
            index++;
          } else {
            containers[depth] = [];
            depth++;
            continue;
          }
        } else if (char === QUOTE) {
          const start = index;
          index = this.string(index);
          value = this.lastString;
          if (index - start > maxString + 2 && value.length > maxString)
            this.tooLong(start, value.length, depth, 'value');
        } else if ((char >= D0 && char <= D9) || char === MINUS) {
          if (char === MINUS && text.startsWith('-Infinity', index)) {
            value = -Infinity;
            index += 9;
          } else {
            index = this.number(index);
            value = this.lastNumber;
          }
        } else if (char === N_LOWER && text.startsWith('null', index)) {
          value = null;
          index += 4;
        } else if (char === T_LOWER && text.startsWith('true', index)) {
          value = true;
          index += 4;
        } else if (char === F_LOWER && text.startsWith('false', index)) {
          value = false;
          index += 5;
        } else if (char === N_UPPER && text.startsWith('NaN', index)) {
          value = NaN;
          index += 3;
        } else if (char === I_UPPER && text.startsWith('Infinity', index)) {
          value = Infinity;
          index += 8;
        } else {
          this.fail('Expecting value', index);
        }

        // ---- a value ended at i: hand it to its container, close containers that end here
        for (;;) {
          if (depth === 0) {
            if (this.oneValue) {
              this.valueEnd = index;
              return value;
            }
            index = this.ws(index);
            if (index !== end) this.fail('Extra data', index);
            return value;
          }
          const top = containers[depth - 1]!;
          if (Array.isArray(top)) {
            top.push(value);
            index = this.ws(index);
            const next = index < end ? text.charCodeAt(index) : -1;
            if (next === COMMA) {
              index = this.ws(index + 1);
              break; // next element
            }
            if (next !== RBRACKET) this.fail("Expecting ',' delimiter", index);
            index++;
            value = top;
            depth--;
            continue;
          }
          const key = keys[depth - 1]!;
          let order = orders[depth - 1]!;
          if (order === null && isArrayIndexKey(key)) order = orders[depth - 1] = Object.keys(top);
          if (order !== null && !Object.prototype.hasOwnProperty.call(top, key)) order.push(key);
          defineOwn(top, key, value);
          index = this.ws(index);
          const next = index < end ? text.charCodeAt(index) : -1;
          if (next === COMMA) {
            this.keyLevels = depth - 1;
            index = this.key(this.ws(index + 1));
            this.keyLevels = -1;
            keys[depth - 1] = this.lastString;
            break; // next member's value
          }
          if (next !== RBRACE) this.fail("Expecting ',' delimiter", index);
          index++;
          if (order !== null && !sameOrder(order, Object.keys(top))) {
            Object.defineProperty(top, PY_KEY_ORDER, {
              value: order,
              enumerable: false,
              writable: true,
              configurable: true,
            });
          }
          value = top;
          depth--;
        }
      }
    } catch (err) {
      if (!(err instanceof SyntaxFailure)) throw err;
      const levels = this.keyLevels >= 0 ? this.keyLevels : depth;
      throw new PythonJsonSyntaxError(err.reason, text, err.at, { dto: this.dto, path: this.pointer(levels) });
    }
  }

  /**
   * For `value`, JSON.parse's reading of the value at `begin`: replaces in place every number JSON.parse may have
   * read differently (an integral or infinite one) with this parser's reading of its token, and returns the index
   * after the value; -1 when the text and `value` do not pair up (a duplicate key: JSON.parse kept the last value;
   * the value itself a number), some of it maybe patched: then the value is to be read again, exactly. Allocates
   * nothing but the numbers it replaces and a key list per object (fromJson on 2.4 M `1.0`s: 3.9× → 3.1× JSON.parse,
   * CPU time, against reading the value again with the exact parser).
   */
  patch(value: PyJsonValue): number {
    const text = this.text;
    const end = this.n;
    /** The open containers, what was read of each (elements, members), the key being read of each object. */
    const open: (PyJsonValue[] | PyJsonObject)[] = [];
    const counts: number[] = [];
    const keys: string[] = [];
    /** Per open object, its keys as JSON.parse put them (in the text's order when no key repeats). */
    const names: (readonly string[])[] = [];
    let index = this.ws(this.begin);
    let current: PyJsonValue | undefined = value;
    for (;;) {
      // ---- the value at index, which JSON.parse read as `current`
      const char = index < end ? text.charCodeAt(index) : -1;
      let replace = false;
      if (char === LBRACE) {
        if (!isParsedObject(current)) return -1;
        index = this.ws(index + 1);
        if (text.charCodeAt(index) === RBRACE) {
          if (Object.keys(current).length !== 0) return -1;
          index++;
        } else {
          const own = Object.keys(current);
          index = this.patchKey(index, current, own, 0);
          if (index < 0) return -1;
          open.push(current);
          counts.push(0);
          keys.push(this.lastString);
          names.push(own);
          current = current[this.lastString];
          continue;
        }
      } else if (char === LBRACKET) {
        if (!Array.isArray(current)) return -1;
        index = this.ws(index + 1);
        if (text.charCodeAt(index) === RBRACKET) {
          if (current.length !== 0) return -1;
          index++;
        } else {
          if (current.length === 0) return -1;
          open.push(current);
          counts.push(0);
          keys.push('');
          names.push(NO_NAMES);
          current = current[0];
          continue;
        }
      } else if (char === QUOTE) {
        if (typeof current !== 'string') return -1;
        index = stringEnd(text, index);
        if (index === 0) return -1;
      } else if ((char >= D0 && char <= D9) || char === MINUS) {
        if (typeof current !== 'number') return -1;
        const depth = open.length;
        const top = depth > 0 ? open[depth - 1]! : null;
        if (char === MINUS && text.charCodeAt(index + 1) === I_UPPER) {
          // -Infinity, which JSON.parse read as `-1e999` (fast-path.ts, constantsAsNumbers)
          if (current !== -Infinity || !text.startsWith('-Infinity', index)) return -1;
          index += 9;
        } else if (Array.isArray(top)) {
          // numbers in a list: the run of them is patched by one loop (it ends on the last number of the run)
          index = this.patchNumbers(top, counts[depth - 1]!, index);
          counts[depth - 1] = this.runLast;
        } else if (Number.isInteger(current) || !Number.isFinite(current)) {
          index = this.number(index);
          replace = true;
        } else {
          while (index < end && isNumberChar(text.charCodeAt(index))) index++;
        }
      } else if (char === T_LOWER || char === F_LOWER || char === N_LOWER) {
        if (current !== (char === T_LOWER ? true : char === F_LOWER ? false : null)) return -1;
        index += char === F_LOWER ? 5 : 4;
      } else if (char === N_UPPER || char === I_UPPER) {
        // NaN, Infinity, which JSON.parse read as `1e999` (fast-path.ts, constantsAsNumbers)
        if (current !== Infinity) return -1;
        if (char === N_UPPER) {
          if (!text.startsWith('NaN', index)) return -1;
          this.lastNumber = NaN;
          replace = true;
          index += 3;
        } else {
          if (!text.startsWith('Infinity', index)) return -1;
          index += 8;
        }
      } else {
        return -1;
      }
      // ---- the value ended at index: to its container, close those that end here
      for (;;) {
        const depth = open.length;
        if (depth === 0) {
          if (replace) return -1; // a number alone: nothing to patch it in
          this.valueEnd = index;
          return index;
        }
        const top = open[depth - 1]!;
        const count = counts[depth - 1]! + 1;
        index = this.ws(index);
        const next = index < end ? text.charCodeAt(index) : -1;
        if (Array.isArray(top)) {
          if (replace) top[count - 1] = this.lastNumber;
          replace = false;
          if (next === COMMA) {
            if (count >= top.length) return -1;
            counts[depth - 1] = count;
            current = top[count];
            index = this.ws(index + 1);
            break;
          }
          if (next !== RBRACKET || count !== top.length) return -1;
        } else {
          if (replace) defineOwn(top, keys[depth - 1]!, this.lastNumber);
          replace = false;
          if (next === COMMA) {
            index = this.patchKey(this.ws(index + 1), top, names[depth - 1]!, count);
            if (index < 0) return -1;
            counts[depth - 1] = count;
            keys[depth - 1] = this.lastString;
            current = top[this.lastString];
            break;
          }
          // as many members as keys, each key one of the object's: no duplicate key
          if (next !== RBRACE || count !== names[depth - 1]!.length) return -1;
        }
        index++;
        open.pop();
        counts.pop();
        keys.pop();
        names.pop();
      }
    }
  }

  /** patchNumbers: the position in its list of the last number it patched. */
  private runLast = 0;

  /**
   * For patch: the numbers of `list` (JSON.parse's array) from position `first` on, whose token starts at `at`, as
   * long as one number follows another: each integral or infinite one replaced by this parser's reading of its token.
   * Returns the index after the last one's token (its position in runLast); the caller reads what follows it. A token
   * is classified here, and its value taken from JSON.parse where both read the same double (a float token: both
   * round correctly; an int of at most 15 digits): only `-0` and ints of 16 digits or more go through number().
   * Against the generic loop, one number at a time (compiled, 12 M integral floats, fromJson CPU, one process): 2.2× →
   * 1.77–1.86× JSON.parse (with the member's text pass of fast-path.ts); see BENCHMARKS.md, "Big values".
   */
  private patchNumbers(list: PyJsonValue[], first: number, at: number): number {
    const text = this.text;
    const length = list.length;
    let position = first;
    let index = at;
    for (;;) {
      const item = list[position] as number;
      let char = text.charCodeAt(index);
      let cursor = index;
      // The text Python writes for an integral float of up to 3 digits (`-3.0`): JSON.parse's value tells how many
      // integer digits, so three reads find the `.0` and what follows it (not a digit, no exponent); with the `.`
      // right after the integer part the token is that part, `.0`, and no more. (12 M integral floats, fromJson:
      // 1.86× → 1.64× JSON.parse, CPU, one process.)
      const magnitude = item < 0 ? -item : item;
      const digits = magnitude < 10 ? 1 : magnitude < 100 ? 2 : magnitude < 1000 ? 3 : 0;
      const dot = index + (char === MINUS ? 1 : 0) + digits;
      /** Whether those three reads read the token (else the scan below reads it). */
      let short = false;
      if (digits !== 0 && text.charCodeAt(dot) === DOT && text.charCodeAt(dot + 1) === D0) {
        char = text.charCodeAt(dot + 2);
        if (!(char >= D0 && char <= D9) && (char | 0x20) !== E_LOWER && Number.isInteger(item)) {
          if (item !== 0 || 1 / item > 0) list[position] = this.floats.of(item); // -0.0 stays -0
          cursor = dot + 2;
          short = true;
        } else {
          char = text.charCodeAt(index);
        }
      }
      if (!short) {
        const negative = char === MINUS;
        if (negative) char = text.charCodeAt(++cursor);
        const digitsStart = cursor;
        while (char >= D0 && char <= D9) char = text.charCodeAt(++cursor);
        let float = false;
        if (char === DOT) {
          float = true;
          do char = text.charCodeAt(++cursor);
          while (char >= D0 && char <= D9);
        }
        if ((char | 0x20) === E_LOWER) {
          float = true;
          char = text.charCodeAt(++cursor);
          if (char === MINUS || char === PLUS) char = text.charCodeAt(++cursor);
          while (char >= D0 && char <= D9) char = text.charCodeAt(++cursor);
        }
        if (float) {
          if (Number.isInteger(item)) list[position] = this.floats.floatOf(item);
        } else if (cursor - digitsStart > 15) {
          this.number(index); // beyond 2^53: a bigint (or a Python error past 4300 digits)
          list[position] = this.lastNumber;
        } else if (negative && item === 0) {
          list[position] = 0; // the int -0 is Python's 0
        }
      }
      index = cursor;
      // one more number after `, `? (anything else: the caller reads it)
      while (char === SPACE || char === LF || char === CR || char === TAB) char = text.charCodeAt(++cursor);
      if (char !== COMMA || position + 1 >= length || typeof list[position + 1] !== 'number') break;
      char = text.charCodeAt(++cursor);
      while (char === SPACE || char === LF || char === CR || char === TAB) char = text.charCodeAt(++cursor);
      // (a run ends before -Infinity: the caller reads it)
      if (!(char >= D0 && char <= D9) && (char !== MINUS || text.charCodeAt(cursor + 1) === I_UPPER)) break;
      position++;
      index = cursor;
    }
    this.runLast = position;
    return index;
  }

  /**
   * For patch: the key at `at` (into lastString), one of `obj`'s own; the index of its value, or -1. `own` are obj's
   * keys in JSON.parse's order and `position` the member's place in the text: where the text spells that key
   * plainly (no backslash: no escape, and its closing quote the next quote), it is that key without slicing it or
   * looking it up. Compiled, fromJson of the 10,000 hard bench texts, CPU, one process, two builds interleaved by
   * chunks of 500 texts, median of 30 rounds' ratios: 0.969, 0.976 of slicing and looking up every key. (A key that
   * holds a quote, `a":1,"b`, can match the text of two members, `"a":1,"b"`, only when `own` is not in the text's
   * order, which takes keys written twice; the object then has more members than keys, and its end returns -1.)
   */
  private patchKey(at: number, obj: PyJsonObject, own: readonly string[], position: number): number {
    const text = this.text;
    if (text.charCodeAt(at) !== QUOTE) return -1;
    const expected = position < own.length ? own[position]! : null;
    let after: number;
    if (
      expected !== null &&
      text.charCodeAt(at + 1 + expected.length) === QUOTE &&
      text.startsWith(expected, at + 1) &&
      expected.indexOf('\\') === -1
    ) {
      after = at + 2 + expected.length;
      this.lastString = expected;
    } else {
      after = stringEnd(text, at);
      if (after === 0) return -1;
      const key = stringValue(text, at, after);
      if (!Object.prototype.hasOwnProperty.call(obj, key)) return -1;
      this.lastString = key;
    }
    const colon = this.ws(after);
    return text.charCodeAt(colon) === COLON ? this.ws(colon + 1) : -1;
  }

  private tooDeep(at: number, depth: number): never {
    throw new LimitExceededError('LIMIT_DEPTH', this.maxDepth, depth + 1, at, {
      dto: this.dto,
      path: this.pointer(depth),
    });
  }

  /** Reads `"key" :` at i (whitespace before i already skipped); returns the index of the value. */
  private key(index: number): number {
    const text = this.text;
    if (index >= this.n || text.charCodeAt(index) !== QUOTE)
      this.fail('Expecting property name enclosed in double quotes', index);
    const start = index;
    index = this.string(index);
    if (index - start > this.maxString + 2 && this.lastString.length > this.maxString) {
      this.tooLong(start, this.lastString.length, this.keyLevels, 'key');
    }
    index = this.ws(index);
    if (index >= this.n || text.charCodeAt(index) !== COLON) this.fail("Expecting ':' delimiter", index);
    return this.ws(index + 1);
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
    const text = this.text;
    const length = this.n;
    let index = begin + 1;
    let escaped = false;
    for (;;) {
      // a run of ordinary characters
      let char = -1;
      while (index < length) {
        char = text.charCodeAt(index);
        if (char === QUOTE || char === BACKSLASH) break;
        if (char < 0x20) this.fail('Invalid control character at', index);
        index++;
      }
      if (index >= length) this.fail('Unterminated string starting at', begin);
      if (char === QUOTE) {
        this.lastString =
          !escaped && index - begin - 1 < MIN_SLICE_LENGTH
            ? text.slice(begin + 1, index)
            : (JSON.parse(text.slice(begin, index + 1)) as string);
        return index + 1;
      }
      // backslash at i
      escaped = true;
      if (index + 1 >= length) this.fail('Unterminated string starting at', begin);
      const escape = text.charCodeAt(index + 1);
      if (escape === U_LOWER) {
        const hexEnd = index + 6; // index after the four hex digits
        if (hexEnd >= length) this.fail('Invalid \\uXXXX escape', index + 1);
        for (let digit = index + 2; digit < hexEnd; digit++) {
          if (hexValue(text.charCodeAt(digit)) < 0) this.fail('Invalid \\uXXXX escape', index + 1);
        }
        index = hexEnd;
      } else {
        switch (escape) {
          case QUOTE:
          case BACKSLASH:
          case SLASH:
          case B_LOWER:
          case F_LOWER:
          case N_LOWER:
          case R_LOWER:
          case T_LOWER:
            break;
          default:
            this.fail('Invalid \\escape', index);
        }
        index += 2;
      }
    }
  }

  /** Reads a number token at `start` (Python's grammar) into lastNumber; returns the index after it. */
  private number(start: number): number {
    const text = this.text;
    const end = this.n;
    let index = start;
    const negative = text.charCodeAt(index) === MINUS;
    if (negative) index++;
    const first = index < end ? text.charCodeAt(index) : -1;
    /** The integer part's value (exact while it has at most 15 digits). */
    let whole = 0;
    if (first >= D1 && first <= D9) {
      whole = first - D0;
      index++;
      while (index < end) {
        const char = text.charCodeAt(index);
        if (char < D0 || char > D9) break;
        whole = whole * 10 + (char - D0);
        index++;
      }
    } else if (first === D0) {
      index++;
    } else {
      this.fail('Expecting value', start);
    }
    const digits = index - (negative ? start + 1 : start);
    let isFloat = false;
    let zeroFraction = true;
    if (index + 1 < end && text.charCodeAt(index) === DOT && isDigit(text.charCodeAt(index + 1))) {
      isFloat = true;
      index++;
      while (index < end) {
        const char = text.charCodeAt(index);
        if (char < D0 || char > D9) break;
        if (char !== D0) zeroFraction = false;
        index++;
      }
    }
    let exponent = false;
    if (index + 1 < end && (text.charCodeAt(index) | 0x20) === E_LOWER) {
      let after = index + 1;
      const sign = text.charCodeAt(after);
      if ((sign === MINUS || sign === PLUS) && after + 1 < end) after++;
      const digitsStart = after;
      while (after < end && isDigit(text.charCodeAt(after))) after++;
      if (after > digitsStart) {
        isFloat = true;
        exponent = true;
        index = after;
      }
    }
    if (isFloat) {
      if (!exponent && zeroFraction && digits <= 15) {
        this.lastNumber = this.floats.wholeFloat(whole, negative); // `1.0`, `-3.0`
        return index;
      }
      this.lastNumber = this.floats.floatOf(Number(text.slice(start, index)));
      return index;
    }
    if (digits <= 15) {
      this.lastNumber = negative ? 0 - whole : whole; // 0 - 0 is +0: Python's int -0 is 0
      return index;
    }
    if (digits > PYTHON_INT_MAX_STR_DIGITS) {
      this.fail(
        `Exceeds the limit (${PYTHON_INT_MAX_STR_DIGITS} digits) for integer string conversion: ` +
          `value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
        start,
      );
    }
    this.lastNumber = longIntValue(text, start, index);
    return index;
  }

  /** This parse's shared PyFloats (see PyFloats). */
  private readonly floats = new PyFloats();
}

/** patch's key list of an open array. */
const NO_NAMES: readonly string[] = Object.freeze([]);

/** An object JSON.parse made (a plain object; not an array, not a PyFloat). */
function isParsedObject(value: PyJsonValue | undefined): value is PyJsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyFloat);
}

/** Characters of a number token. */
function isNumberChar(char: number): boolean {
  return (char >= D0 && char <= D9) || char === DOT || char === MINUS || char === PLUS || (char | 0x20) === E_LOWER;
}

function isDigit(char: number): boolean {
  return char >= D0 && char <= D9;
}

function hexValue(char: number): number {
  if (char >= D0 && char <= D9) return char - D0;
  const lower = char | 0x20;
  if (lower >= A_LOWER && lower <= F_LOWER) return lower - A_LOWER + 10;
  return -1;
}

function sameOrder(first: readonly string[], second: readonly string[]): boolean {
  if (first.length !== second.length) return false;
  for (let index = 0; index < first.length; index++) if (first[index] !== second[index]) return false;
  return true;
}
