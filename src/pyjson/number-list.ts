/**
 * Count-first reading of big lists of numbers (issue 16, peak memory): a list `[n, n, …]` is read in two passes over
 * its text, one that counts its items (and checks that it holds number characters only), one that reads each number
 * token, by char codes, into an array allocated once at its exact size. JSON.parse, and the exact parser of
 * ./parse.ts, grow their arrays as they read, so their peak is several times the value (25 M one-digit ints: the value
 * holds 2.67× the text, JSON.parse peaks at 8×); here the peak is the value itself.
 *
 * The numbers are what Python's `json.loads` reads, in the value model of ./values.ts, by the rules the exact parser
 * reads them by (./number-value.ts): an int of at most 2^53−1 a number, beyond it a bigint (at most
 * PYTHON_INT_MAX_STR_DIGITS digits, as Python); a float a number, but an integral one in the safe range a PyFloat (one
 * instance per small value per list) and `-0.0` the number −0; the int `-0` is 0; the tokens NaN, Infinity and
 * -Infinity. A list Python would refuse, or holding anything but numbers, is not read here (null): the caller's parser
 * reads it and reports what Python reports.
 *
 * cutNumberLists finds the big number lists of a whole text and reads them, and gives the text with `[]` in their
 * place, for the caller's parser to read the rest; putNumberLists puts the lists into what that parser read. Nothing
 * here keeps state between calls.
 */
import { defineOwn } from '../spec/json-value';
import * as charCodes from './char-codes';
import { stringEnd, stringValue } from './fast-path';
import { longIntValue, PyFloats } from './number-value';
import { PYTHON_INT_MAX_STR_DIGITS } from './numbers';
import { type PyJsonValue } from './values';

/** Where a list of numbers is in its text, and how many items it holds (numberListSpan). */
export interface NumberListSpan {
  /** Index of its `[`. */
  readonly open: number;
  /** Index of its `]`. */
  readonly close: number;
  /** How many items it holds (its commas + 1). */
  readonly count: number;
}

/**
 * The count-first scan of the list whose `[` is at `open`: its `]` and its number of items, when it holds one item
 * or more and nothing but the characters of number tokens (digits, `-`, `+`, `.`, `e`, `E`, NaN and Infinity), commas
 * and whitespace; null otherwise (a string, a container, true/false/null; an empty list). Whether the tokens are
 * well formed is for readNumberList to tell.
 */
export function numberListSpan(text: string, open: number): NumberListSpan | null {
  const length = text.length;
  let commas = 0;
  let index = open + 1;
  let content = false;
  while (index < length) {
    const char = text.charCodeAt(index);
    if (char === COMMA) commas++;
    else if (char === RBRACKET) return content ? { open, close: index, count: commas + 1 } : null;
    else if (char >= 128 || LIST_CHARS[char] === 0) return null;
    else if (!content && LIST_CHARS[char] === TOKEN) content = true;
    index++;
  }
  return null;
}

/**
 * The list `span` tells (numberListSpan's) read as Python reads it, into an array of exactly `span.count` items,
 * allocated once; null when Python would refuse it (a malformed number, a missing or extra comma, an int of more than
 * PYTHON_INT_MAX_STR_DIGITS digits). Whitespace is Python's: space, tab, LF, CR. A span that does not tell the list
 * at its `open` (not numberListSpan's) gives null too: the array is never written beyond `count`, nor left short.
 */
export function readNumberList(text: string, span: NumberListSpan): PyJsonValue[] | null {
  const count = span.count;
  if (count > MAX_FAST_ITEMS) return null;
  const list = new Array<PyJsonValue>(count);
  /** This list's shared PyFloats. */
  const floats = new PyFloats();
  let position = 0;
  let index = span.open + 1;
  let char = text.charCodeAt(index);
  for (;;) {
    while (char === SPACE || char === LF || char === CR || char === TAB) char = text.charCodeAt(++index);
    // ---- a number token at index
    const start = index;
    const negative = char === MINUS;
    if (negative) char = text.charCodeAt(++index);
    /** The integer part's value (exact while it has at most 15 digits). */
    let whole = 0;
    if (char >= D1 && char <= D9) {
      whole = char - D0;
      char = text.charCodeAt(++index);
      while (char >= D0 && char <= D9) {
        whole = whole * 10 + (char - D0);
        char = text.charCodeAt(++index);
      }
    } else if (char === D0) {
      char = text.charCodeAt(++index);
    } else {
      // NaN, Infinity, -Infinity (Python's bare constants), or what Python refuses
      let value: number;
      if (char === I_UPPER && text.startsWith('Infinity', index)) value = negative ? -Infinity : Infinity;
      else if (char === N_UPPER && !negative && text.startsWith('NaN', index)) value = NaN;
      else return null;
      list[position++] = value;
      index += value === value ? 8 : 3;
      char = text.charCodeAt(index);
      while (char === SPACE || char === LF || char === CR || char === TAB) char = text.charCodeAt(++index);
      if (char === COMMA && position < count) {
        char = text.charCodeAt(++index);
        continue;
      }
      return char === RBRACKET && index === span.close && position === count ? list : null;
    }
    const digits = index - start - (negative ? 1 : 0);
    let float = false;
    let integral = true;
    if (char === DOT) {
      char = text.charCodeAt(++index);
      if (!(char >= D0 && char <= D9)) return null; // `1.`: Python reads 1, then refuses the `.`
      float = true;
      do {
        if (char !== D0) integral = false;
        char = text.charCodeAt(++index);
      } while (char >= D0 && char <= D9);
    }
    if ((char | 0x20) === E_LOWER) {
      char = text.charCodeAt(++index);
      if (char === MINUS || char === PLUS) char = text.charCodeAt(++index);
      if (!(char >= D0 && char <= D9)) return null; // `1e`, `1e+`: Python refuses the `e`
      float = true;
      integral = false; // the exponent is applied by Number() below
      do char = text.charCodeAt(++index);
      while (char >= D0 && char <= D9);
    }
    let value: PyJsonValue;
    if (float) {
      value =
        integral && digits <= 15
          ? floats.wholeFloat(whole, negative)
          : floats.floatOf(Number(text.slice(start, index)));
    } else if (digits <= 15) {
      value = negative ? 0 - whole : whole; // 0 - 0 is +0: Python's int -0 is 0
    } else {
      if (digits > PYTHON_INT_MAX_STR_DIGITS) return null; // Python raises ValueError
      value = longIntValue(text, start, index);
    }
    list[position++] = value;
    // ---- after the token: `,` and the next one, or the `]`
    while (char === SPACE || char === LF || char === CR || char === TAB) char = text.charCodeAt(++index);
    if (char === COMMA && position < count) {
      char = text.charCodeAt(++index);
      continue;
    }
    return char === RBRACKET && index === span.close && position === count ? list : null;
  }
}

/**
 * The longest list readNumberList reads: V8 gives `new Array(n)` its n slots at once (holey, in one block) up to 2^25
 * items, and makes a longer one a dictionary, which costs several times the memory (node 20, %HasDictionaryElements).
 */
const MAX_FAST_ITEMS = 2 ** 25;

/** A list of numbers cut from a text (cutNumberLists). */
export interface CutList {
  /** Where the list is in the value: the keys and array indices from the root ([] for the root itself). */
  readonly path: readonly (string | number)[];
  /** The list, read. */
  readonly value: PyJsonValue[];
}

/** What cutNumberLists made of a text. */
export interface NumberListCut {
  /** The text with `[]` in place of each list cut (a flat string). */
  readonly text: string;
  /** The lists cut, in text order. */
  readonly lists: readonly CutList[];
}

/**
 * From how many characters (`[` to `]`) cutNumberLists cuts a list of numbers out of its text. Smaller lists cost
 * JSON.parse little memory beyond their value, and their path and the join of the pieces would cost more.
 */
export const BIG_LIST_CHARS = 64 * 1024;

/**
 * Whether `text` may hold a list of numbers of BIG_LIST_CHARS characters or more: one of the characters sampled every
 * BIG_LIST_CHARS / 2 starts a run of PROBE_RUN characters that such a list may hold (in one, the first sample it holds
 * is more than BIG_LIST_CHARS / 2 − 1 characters from its `]`). False says there is none; true only that the text is
 * worth cutNumberLists' pass over all of it (on a record holding a 1 M-key object that pass took 7–15 % of JSON.parse's
 * time; the samples here, a few hundred short reads).
 */
export function mayHoldBigNumberList(text: string): boolean {
  const last = text.length - PROBE_RUN;
  for (let sample = BIG_LIST_CHARS / 2; sample <= last; sample += BIG_LIST_CHARS / 2) {
    const end = sample + PROBE_RUN;
    let index = sample;
    while (index < end) {
      const char = text.charCodeAt(index);
      if (char !== COMMA && (char >= 128 || LIST_CHARS[char] === 0)) break;
      index++;
    }
    if (index === end) return true;
  }
  return false;
}

/** How many characters from a sample mayHoldBigNumberList reads. */
const PROBE_RUN = 256;

/**
 * The lists of numbers of at least `minChars` characters in `text` (a JSON text, of any root), each read by
 * readNumberList, and the text with `[]` in their place; null when there is none, or when what is cut could change
 * what the rest reads as: a list Python refuses (its error is for the caller's parser to report, from the whole
 * text), a key on a list's path written again after it in its object (duplicate keys: the last counts), or a text
 * not laid out as JSON (an unterminated string). The placeholder nests as deep as the list, and strings are left
 * whole: the rest of the text keeps to the read limits exactly when the whole text does.
 *
 * One pass over the text: strings are crossed with indexOf (stringEnd), and each list of numbers, big or not, by its
 * count-first scan. Keys are decoded only on a list's path and, after it, in the objects on that path.
 */
export function cutNumberLists(text: string, minChars = BIG_LIST_CHARS): NumberListCut | null {
  const length = text.length;
  /** Per open container: an array (its items so far in `items`) or an object (its current key's span). */
  const arrays: boolean[] = [];
  const items: number[] = [];
  const keyStarts: number[] = [];
  const keyEnds: number[] = [];
  /** Per open object on a cut list's path: the keys under which lists were cut (a repeat of one: null). */
  const watched: (Set<string> | null)[] = [];
  let depth = 0;
  /** In an object: the next string is a key. */
  let keyNext = false;
  let lists: CutList[] | null = null;
  const pieces: string[] = [];
  let copied = 0;
  let index = 0;
  while (index < length) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      const end = stringEnd(text, index);
      if (end === 0) return null;
      if (keyNext) {
        const level = depth - 1;
        const keys = watched[level];
        if (keys?.has(stringValue(text, index, end)) === true) return null;
        keyStarts[level] = index;
        keyEnds[level] = end;
        keyNext = false;
      }
      index = end;
      continue;
    }
    if (char === LBRACKET) {
      const span = numberListSpan(text, index);
      if (span !== null) {
        if (span.close - index + 1 >= minChars) {
          const value = readNumberList(text, span);
          if (value === null) return null;
          const path: (string | number)[] = [];
          for (let level = 0; level < depth; level++) {
            if (arrays[level]) {
              path.push(items[level]!);
            } else {
              const key = stringValue(text, keyStarts[level]!, keyEnds[level]!);
              path.push(key);
              (watched[level] ??= new Set()).add(key);
            }
          }
          (lists ??= []).push({ path, value });
          pieces.push(text.slice(copied, index), '[]');
          copied = span.close + 1;
        }
        index = span.close + 1;
        continue;
      }
      arrays[depth] = true;
      items[depth] = 0;
      watched[depth] = null;
      depth++;
    } else if (char === LBRACE) {
      arrays[depth] = false;
      watched[depth] = null;
      depth++;
      keyNext = true;
    } else if (char === RBRACKET || char === RBRACE) {
      if (depth === 0) return null;
      depth--;
      keyNext = false;
    } else if (char === COMMA && depth > 0) {
      if (arrays[depth - 1]) items[depth - 1]!++;
      else keyNext = true;
    }
    index++;
  }
  if (lists === null) return null;
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), lists };
}

/**
 * Puts the lists of `cut` into `root`, what a parser read from `cut.text`: each where its path leads, in place of
 * the empty list read from its placeholder. Returns the root (the list itself when it was the root); null when a path
 * does not lead to an empty list (the parser read the text otherwise than cutNumberLists saw it).
 */
export function putNumberLists(root: PyJsonValue, cut: NumberListCut): PyJsonValue | null {
  for (const { path, value } of cut.lists) {
    if (path.length === 0) {
      if (!isEmptyList(root) || cut.lists.length !== 1) return null;
      return value;
    }
    let container: unknown = root;
    for (let level = 0; level < path.length - 1; level++) {
      container = step(container, path[level]!);
      if (container === undefined) return null;
    }
    const last = path[path.length - 1]!;
    if (!isEmptyList(step(container, last))) return null;
    if (typeof last === 'number') (container as PyJsonValue[])[last] = value;
    else defineOwn(container as Record<string, PyJsonValue>, last, value);
  }
  return root;
}

/** The item or member `segment` of `container` (an array for an index, a plain object for a key); else undefined. */
function step(container: unknown, segment: string | number): unknown {
  if (typeof segment === 'number') return Array.isArray(container) ? (container[segment] as unknown) : undefined;
  if (typeof container !== 'object' || container === null || Array.isArray(container)) return undefined;
  return Object.prototype.hasOwnProperty.call(container, segment)
    ? (container as Record<string, unknown>)[segment]
    : undefined;
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

// The char codes bound to constants of this module (why: ./char-codes.ts). Compiled, CPU, one process, builds
// interleaved, readNumberList of 25 M one-digit ints against this module's own constants before: named imports
// 0.98–1.03×, bound 0.99–1.00×.
// prettier-ignore
const { TAB, LF, CR, SPACE, QUOTE, PLUS, COMMA, MINUS, DOT, D0, D1, D9, I_UPPER, N_UPPER, LBRACKET, RBRACKET,
  E_LOWER, LBRACE, RBRACE } = charCodes;

/** LIST_CHARS: whitespace; part of a token (0: a character no list of numbers holds). */
const SPACING = 1;
const TOKEN = 2;

/** For each ASCII char code: what it can be in a list of numbers (numberListSpan); commas and `]` are tested first. */
const LIST_CHARS: Uint8Array = (() => {
  const classes = new Uint8Array(128);
  for (const char of ' \t\n\r') classes[char.charCodeAt(0)] = SPACING;
  for (const char of '0123456789-+.eENaInfity') classes[char.charCodeAt(0)] = TOKEN;
  return classes;
})();
