/**
 * `stringifyPython`: the exact text Python's `json.dumps(value)` writes with its
 * defaults (separators ", " and ": ", ensure_ascii, allow_nan, insertion key order).
 */
import { escapePointerToken } from '../spec/json-pointer';
import { PythonJsonWriteError } from './errors';
import {
  FLOAT_POSITIONAL_MAX as POSITIONAL_MAX,
  FLOAT_POSITIONAL_MIN as POSITIONAL_MIN,
  PYTHON_INT_MAX_STR_DIGITS,
  pythonFloatRepr,
  pythonNumberText,
} from './numbers';
import { PY_KEY_ORDER, PyFloat } from './values';

export { pythonFloatRepr } from './numbers';

// Bound once: hot paths skip the getters of the modules' export objects (as tsc, tsx and other
// CommonJS transforms compile imports).
const KEY_ORDER = PY_KEY_ORDER;
const PY_FLOAT = PyFloat;
const floatRepr = pythonFloatRepr;
const numberText = pythonNumberText;

/**
 * Writes `value` as Python's `json.dumps(value)` would. Numbers: an integer in
 * the safe range is an int, any other number a float (Python repr), bigint an
 * int, PyFloat a float. Plain objects and arrays only (no toJSON, Date, Map…);
 * undefined, functions, symbols, sparse holes and cycles throw
 * PythonJsonWriteError with the JSON pointer of the offending value.
 */
export function stringifyPython(value: unknown): string {
  const writer = new Writer();
  try {
    writer.value(value);
  } catch (err) {
    if (err instanceof RangeError) {
      // V8: "Invalid string length"; other engines say it their own way, none mentions a call stack.
      if (!/stack|recursion/i.test(err.message)) {
        throw new PythonJsonWriteError(`the text is longer than a JavaScript string can be (${err.message})`, '');
      }
      // Python's json.dumps raises RecursionError near depth 1000; we get further, but not forever.
      throw new PythonJsonWriteError(`nesting too deep to write (${err.message})`, '');
    }
    throw err;
  }
  return writer.finish();
}

/** Python's `json.dumps(str)` with ensure_ascii: every character outside printable ASCII as \uXXXX (lowercase hex). */
export function pythonStringRepr(text: string): string {
  return STRING_NEEDS_ESCAPE.test(text) ? escapedStringRepr(text) : `"${text}"`;
}

/** pythonStringRepr of a text that STRING_NEEDS_ESCAPE matched (for callers that tested it already). */
export function escapedStringRepr(text: string): string {
  if (text.length >= LONG_STRING) {
    let out = '';
    escapeLong(text, (piece) => (out += piece));
    return out;
  }
  // JSON.stringify already writes \" \\ \b \f \n \r \t, \u00XX for other controls and
  // \udXXX for lone surrogates (all as Python does); what it leaves raw is DEL and non-ASCII.
  const json = JSON.stringify(text);
  const first = json.search(NON_ASCII);
  return first === -1 ? json : escapeNonAscii(json, first);
}

/** A character json.dumps escapes (ensure_ascii): controls, `"`, `\\`, DEL and everything beyond ASCII. */
export const STRING_NEEDS_ESCAPE = /[\u0000-\u001f"\\\u007f-\uffff]/;
const NON_ASCII = /[\u007f-\uffff]/;

/** `json` with every code unit from DEL up, starting at `start` (the first one), as \uXXXX. */
function escapeNonAscii(json: string, start: number): string {
  let out = '';
  let copied = 0;
  for (let position = start; position < json.length; position++) {
    const code = json.charCodeAt(position);
    if (code >= 0x7f) {
      out += `${json.slice(copied, position)}\\u${HEX[code >> 12]}${HEX[(code >> 8) & 15]}${HEX[(code >> 4) & 15]}${
        HEX[code & 15]
      }`;
      copied = position + 1;
    }
  }
  return out + json.slice(copied);
}

const HEX = '0123456789abcdef';

/**
 * From this length on, a string with something to escape is escaped by escapeLong (bytes, decoded per segment)
 * rather than JSON.stringify and a slice and a concatenation per non-ASCII character. Measured (compiled, node 20,
 * as bytes; text of which 11 % non-ASCII): 256 characters 5.1 → 4.1 µs, 1,024: 21.9 → 8.1 µs, 100,000: 2.2 → 0.66
 * ms; below 192 the old way is as fast or faster.
 */
const LONG_STRING = 256;
/**
 * Code units escaped per segment by escapeLong: each becomes at most 6 bytes. Against 8,192 (its pieces were
 * joined again into chunks, see CHUNK) and 32,768: 100 strings of 100,000 characters, toJson as bytes 102 → 90–95 ms
 * CPU, peak 4.33× → 3.83–3.94× the text (32,768: 91–93 ms, 4.13×).
 */
const SEGMENT = 16384;
/** json.dumps's two-character escapes, by code unit (0: none). */
const SHORT_ESCAPES = (() => {
  const table = new Uint8Array(0x5d);
  const escapes: [string, string][] = [
    ['"', '"'],
    ['\\', '\\'],
    ['\b', 'b'],
    ['\f', 'f'],
    ['\n', 'n'],
    ['\r', 'r'],
    ['\t', 't'],
  ];
  for (const [char, letter] of escapes) table[char.charCodeAt(0)] = letter.charCodeAt(0);
  return table;
})();
const HEX_BYTES = new Uint8Array([...HEX].map((char) => char.charCodeAt(0)));

/**
 * `"text"` as json.dumps writes it (ensure_ascii), handed to `emit` in pieces of about SEGMENT code units: each
 * piece is written as bytes, then decoded as one string (the bytes are ASCII).
 */
function escapeLong(text: string, emit: (piece: string) => void): void {
  const decoder = new TextDecoder();
  const bytes = new Uint8Array(Math.min(SEGMENT, text.length) * 6 + 2);
  let filled = 0;
  bytes[filled++] = 0x22;
  for (let start = 0; start < text.length; start += SEGMENT) {
    const end = Math.min(text.length, start + SEGMENT);
    for (let position = start; position < end; position++) {
      const code = text.charCodeAt(position);
      if (code >= 0x20 && code < 0x7f && code !== 0x22 && code !== 0x5c) {
        bytes[filled++] = code;
      } else if (code < 0x5d && SHORT_ESCAPES[code] !== 0) {
        bytes[filled++] = 0x5c;
        bytes[filled++] = SHORT_ESCAPES[code]!;
      } else {
        bytes[filled++] = 0x5c;
        bytes[filled++] = 0x75;
        bytes[filled++] = HEX_BYTES[code >> 12]!;
        bytes[filled++] = HEX_BYTES[(code >> 8) & 15]!;
        bytes[filled++] = HEX_BYTES[(code >> 4) & 15]!;
        bytes[filled++] = HEX_BYTES[code & 15]!;
      }
    }
    if (end === text.length) bytes[filled++] = 0x22;
    emit(decoder.decode(bytes.subarray(0, filled)));
    filled = 0;
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Pieces of text are collected and joined into one string per CHUNK characters or so: the result is those chunks
 * concatenated (a rope of a few large strings, flattened once by whoever reads it), so that a big value never holds
 * one small string object per number or key (a 25 M-int list written piece by piece held 23× its text in memory).
 */
const CHUNK = 16384;
/**
 * numberRun makes its bytes into text when it has this many (one number more fits after: MAX_NUMBER_BYTES). 1 MiB
 * is above the size from which Node's Buffer#toString makes an external string (its EXTERN_APEX, 0xFBEE9 bytes:
 * the bytes copied out of V8's heap, which then neither allocates nor scavenges them); smaller strings are made in
 * V8's heap. Measured (compiled, toJson of 12 M integral floats then Buffer.from, CPU, one process per build,
 * alternating, medians of 8–12 rounds): 256 KiB 282–284 ms, 960 KiB 242, 1 MiB 219–222, 4 MiB 260 (JSON.stringify
 * 118–120). Earlier, against 32 KB and 64 KB (decoded faster, but the strings are young and survive: the
 * scavenger copies them): 256 KiB 248–252 ms against 266–303 ms.
 */
const RUN_BYTES = 1 << 20;
/**
 * fillRun's result packs a list position and a byte count (< RUN_BYTES + MAX_NUMBER_BYTES < RUN_SPAN) in one safe
 * integer: a JavaScript array holds fewer than 2^27 items in V8 (its FixedArray's limit), so the result < 2^48.
 */
const RUN_SPAN = 2 * RUN_BYTES;
/** Lists with fewer numbers left are written item by item (numberRun's buffer and decoding would cost more). */
const MIN_RUN = 16;
/** `, ` and the longest number numberRun writes: `-` and 16 digits and `.0`, or String of a float (≤ 24). */
const MAX_NUMBER_BYTES = 32;
/** Python's positional range for floats (./numbers.ts), bound here once for fillRun's loop (no module getter). */
const FLOAT_POSITIONAL_MIN = POSITIONAL_MIN;
const FLOAT_POSITIONAL_MAX = POSITIONAL_MAX;

/**
 * RUN_TEXT: numberRun's bytes are a Node Buffer where Node's Buffer exists (not in browsers: TextDecoder there), made
 * into text as latin1 (`toString('latin1', 0, end)`), a plain copy (the bytes are ASCII), rather than TextDecoder's
 * UTF-8 decoding; and its loop reads a number or a PyFloat's value first, then writes both by one path, one digit
 * inline. Measured (compiled, node 20, toJson of one TriggerRunRecord then Buffer.from, CPU, one process,
 * interleaved, medians of 7–11 rounds, shared machine): 12 M integral floats 222 → 208, 253 → 240, 229 → 221 ms;
 * 25 M ints 284 → 261, 273 → 249 ms; latin1 alone (against TextDecoder, same loop): floats 246 → 243, 247 → 240,
 * ints 253 → 248, 252 → 249 ms. The one-digit test first (`number | 0` and integer compares, before Number.isInteger
 * and the range tests), PyFloat tested before typeof: the loop alone over 12 M shared PyFloats (-3.0 … 3.0), bytes
 * only, 106 → 91 ms; toJson then Buffer.from, one process per build, alternating, CPU ÷ JSON.stringify of the same
 * run: 1.88, 1.89, 1.99 → 1.80, 1.63, 1.87 (shared machine).
 */
const NODE_BUFFER = (globalThis as { Buffer?: { allocUnsafeSlow(size: number): Uint8Array } }).Buffer;

/** A Node Buffer (or a polyfill of one: `toString` with an encoding, not Uint8Array's). */
interface Latin1Bytes {
  toString(encoding: 'latin1', start: number, end: number): string;
}

/** numberRun's bytes: a Node Buffer (outside the pool) where there is one, else a Uint8Array. */
function runBytes(size: number): Uint8Array {
  return NODE_BUFFER !== undefined ? NODE_BUFFER.allocUnsafeSlow(size) : new Uint8Array(size);
}

class Writer {
  /** Containers being written (Python's check_circular). */
  private readonly ancestors: object[] = [];
  /** The text written so far: `chunks`, then `pieces`. */
  private readonly chunks: string[] = [];
  private readonly pieces: string[] = [];
  private piecesLength = 0;
  /** numberRun's bytes and their decoder, made when first needed. */
  private bytes: Uint8Array | undefined;
  private decoder: { decode(bytes: Uint8Array): string } | undefined;

  private add(piece: string): void {
    if (piece.length >= CHUNK) {
      // a large piece (numberRun's, escapeLong's) becomes a chunk as it is, not copied by a join
      if (this.piecesLength > 0) this.flush();
      this.chunks.push(piece);
      return;
    }
    this.pieces.push(piece);
    this.piecesLength += piece.length;
    if (this.piecesLength >= CHUNK) this.flush();
  }

  private flush(): void {
    this.chunks.push(this.pieces.join(''));
    this.pieces.length = 0;
    this.piecesLength = 0;
  }

  finish(): string {
    const last = this.pieces.join('');
    if (this.chunks.length === 0) return last;
    let out = '';
    for (const chunk of this.chunks) out += chunk;
    return out + last;
  }

  value(value: unknown): void {
    switch (typeof value) {
      case 'string':
        this.string(value);
        return;
      case 'number':
        this.add(numberText(value));
        return;
      case 'boolean':
        this.add(value ? 'true' : 'false');
        return;
      case 'bigint': {
        const digits = value.toString();
        if (digits.length - (value < 0n ? 1 : 0) > PYTHON_INT_MAX_STR_DIGITS) {
          throw new PythonJsonWriteError(
            `an integer of more than ${PYTHON_INT_MAX_STR_DIGITS} digits ` +
              `(Python's int_max_str_digits limit; json.dumps raises)`,
            '',
          );
        }
        this.add(digits);
        return;
      }
      case 'object':
        if (value === null) {
          this.add('null');
        } else if (value instanceof PY_FLOAT) {
          const number: unknown = value.value;
          if (typeof number !== 'number') throw new PythonJsonWriteError('a PyFloat whose value is not a number', '');
          this.add(floatRepr(number));
        } else {
          this.container(value);
        }
        return;
      default:
        throw new PythonJsonWriteError(`${describeType(value)} has no JSON form`, '');
    }
  }

  private string(text: string): void {
    if (!STRING_NEEDS_ESCAPE.test(text)) this.add(`"${text}"`);
    else if (text.length < LONG_STRING) this.add(escapedStringRepr(text));
    else escapeLong(text, (piece) => this.add(piece));
  }

  private container(value: object): void {
    if (this.ancestors.includes(value)) throw new PythonJsonWriteError('circular reference', '');
    this.ancestors.push(value);
    if (Array.isArray(value)) this.array(value);
    else this.object(value);
    this.ancestors.pop();
  }

  /**
   * A list. Runs of numbers (ints, floats Python writes positionally, integral PyFloats) are written as bytes by
   * numberRun; everything else item by item. Each item is read once.
   */
  private array(value: readonly unknown[]): void {
    const length = value.length;
    if (length === 0) {
      this.add('[]');
      return;
    }
    this.add('[');
    for (let position = 0; position < length;) {
      const item: unknown = value[position];
      if ((typeof item === 'number' || item instanceof PY_FLOAT) && length - position >= MIN_RUN) {
        const stop = this.numberRun(value, position);
        if (stop > position) {
          position = stop;
          continue;
        }
      }
      if (position > 0) this.add(', ');
      if (item === undefined && !(position in value)) {
        throw new PythonJsonWriteError('a hole in a sparse array has no JSON form', `/${position}`);
      }
      this.child(item, position);
      position++;
    }
    this.add(']');
  }

  /**
   * The items of `list` from `start` on while they are ints in the safe range, integral PyFloats below 1e16 (digit
   * by digit, then `.0`) or floats both languages write positionally (String(number)), each preceded by `, ` but
   * for item 0, as bytes decoded RUN_BYTES or so at a time; returns where the run stopped. Measured (compiled,
   * node 20, toJson of one TriggerRunRecord then Buffer.from, CPU): 25 M ints 7.2 s → 0.28–0.33 s (JSON.stringify
   * 0.23), 12 M integral floats 3.6 s → 0.25–0.29 s (JSON.stringify 0.11, of a 40 % shorter text).
   */
  private numberRun(list: readonly unknown[], start: number): number {
    let bytes = this.bytes;
    if (bytes === undefined || bytes.length < RUN_BYTES + MAX_NUMBER_BYTES) {
      // sized for this list (up to RUN_BYTES): a list of 20 numbers needs no 1 MiB
      const size = Math.min(RUN_BYTES, (list.length - start) * MAX_NUMBER_BYTES) + MAX_NUMBER_BYTES;
      if (bytes === undefined || bytes.length < size) bytes = this.bytes = runBytes(size);
    }
    for (let position = start; ;) {
      const stop = fillRun(list, position, bytes);
      const filled = stop % RUN_SPAN;
      position = (stop - filled) / RUN_SPAN;
      if (filled > 0) this.add(this.runText(bytes, filled));
      // a buffer not filled to its limit: the run ended
      if (filled < bytes.length - MAX_NUMBER_BYTES) return position;
    }
  }

  /** `bytes[0, end)` (ASCII) as a string: as latin1 where they are a Node Buffer (see RUN_TEXT), else decoded. */
  private runText(bytes: Uint8Array, end: number): string {
    if (NODE_BUFFER !== undefined) return (bytes as unknown as Latin1Bytes).toString('latin1', 0, end);
    return (this.decoder ??= new TextDecoder()).decode(bytes.subarray(0, end));
  }

  private object(value: object): void {
    if (!isPlainPrototype(value)) {
      throw new PythonJsonWriteError(
        `${describeType(value)} is not a plain object (json.dumps writes dicts and lists only)`,
        '',
      );
    }
    const keys = objectKeys(value);
    const obj = value as Record<string, unknown>;
    this.add('{');
    for (let position = 0; position < keys.length; position++) {
      const key = keys[position]!;
      if (position > 0) this.add(', ');
      this.add(STRING_NEEDS_ESCAPE.test(key) ? `${escapedStringRepr(key)}: ` : `"${key}": `);
      this.child(obj[key], key);
    }
    this.add('}');
  }

  private child(value: unknown, segment: string | number): void {
    // Strings inline: the common case costs no try.
    if (typeof value === 'string') {
      this.string(value);
      return;
    }
    try {
      this.value(value);
    } catch (err) {
      if (err instanceof PythonJsonWriteError) throw prefixed(err, String(segment));
      throw err;
    }
  }
}

/**
 * numberRun's loop: writes the items of `list` from `start` on into `bytes` from 0, while they are numbers a run
 * writes and the buffer has room (at least MAX_NUMBER_BYTES after each number); returns where it stopped × RUN_SPAN
 * + the bytes it filled (the buffer is full when they reached its length - MAX_NUMBER_BYTES). A function of its own
 * that returns a number, so that nothing it runs after the loop needs type feedback: inside the method, the text
 * made each time the buffer filled ran in the optimised loop with no feedback and deoptimised it, 3–5 times per
 * toJson of 12 M floats and again on later calls (--trace-deopt: "insufficient type feedback"). See RUN_TEXT for the
 * measured gain.
 */
function fillRun(list: readonly unknown[], start: number, bytes: Uint8Array): number {
  const limit = bytes.length - MAX_NUMBER_BYTES;
  const length = list.length;
  let filled = 0;
  let position = start;
  while (position < length) {
    const item: unknown = list[position];
    let number: number;
    let pyFloat: boolean;
    if (item instanceof PY_FLOAT) {
      const value: unknown = item.value;
      if (typeof value !== 'number') break;
      number = value;
      pyFloat = true;
    } else if (typeof item === 'number') {
      number = item;
      pyFloat = false;
    } else {
      break;
    }
    const digit = number | 0;
    if (digit === number && digit > -10 && digit < 10 && (digit !== 0 || 1 / number > 0)) {
      // one digit, not -0: the common case first, its tests by integer compares (see RUN_TEXT)
      if (position !== 0) filled = separator(bytes, filled);
      if (digit < 0) {
        bytes[filled] = 0x2d;
        bytes[filled + 1] = 0x30 - digit;
        filled += 2;
      } else {
        bytes[filled++] = 0x30 + digit;
      }
      if (pyFloat) {
        bytes[filled] = 0x2e;
        bytes[filled + 1] = 0x30;
        filled += 2;
      }
    } else if (Number.isInteger(number)) {
      const magnitude = number < 0 ? -number : number;
      // an int in the safe range, or an integral PyFloat below 1e16 (Python writes it positionally, with `.0`);
      // never -0
      if ((pyFloat ? magnitude >= FLOAT_POSITIONAL_MAX : magnitude > MAX_SAFE) || (magnitude === 0 && 1 / number < 0)) {
        break;
      }
      if (position !== 0) filled = separator(bytes, filled);
      if (number < 0) bytes[filled++] = 0x2d;
      filled = writeDigits(bytes, filled, magnitude);
      if (pyFloat) {
        bytes[filled] = 0x2e;
        bytes[filled + 1] = 0x30;
        filled += 2;
      }
    } else {
      // a float both write positionally: String(number) is Python's repr (the shortest round-trip digits)
      const magnitude = number < 0 ? -number : number;
      if (pyFloat || !(magnitude >= FLOAT_POSITIONAL_MIN && magnitude < FLOAT_POSITIONAL_MAX)) break;
      if (position !== 0) filled = separator(bytes, filled);
      const text = String(number);
      for (let index = 0; index < text.length; index++) bytes[filled++] = text.charCodeAt(index);
    }
    position++;
    if (filled >= limit) break;
  }
  return position * RUN_SPAN + filled;
}

/** `, ` at `at` in `bytes`; returns the position after it. */
function separator(bytes: Uint8Array, at: number): number {
  bytes[at] = 0x2c;
  bytes[at + 1] = 0x20;
  return at + 2;
}

/**
 * The digits of `value` (an integer, 10 ≤ value < 1e16: fillRun writes one digit itself) at `at` in `bytes`; returns
 * the position after them.
 */
function writeDigits(bytes: Uint8Array, at: number, value: number): number {
  let digits = 2;
  for (let power = 100; power <= value && digits < 16; power *= 10) digits++;
  const end = at + digits;
  let rest = value;
  let cursor = end;
  // rest < 2^53: Math.floor(rest / 10) is exact, and so is rest - quotient * 10
  while (rest >= 10) {
    const quotient = Math.floor(rest / 10);
    bytes[--cursor] = 0x30 + (rest - quotient * 10);
    rest = quotient;
  }
  bytes[--cursor] = 0x30 + rest;
  return end;
}

/** Whether `value`'s prototype is Object.prototype of any realm (jest's vm contexts, worker_threads data) or none. */
export function isPlainPrototype(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Own enumerable string keys, in Python's order when the parser recorded one. */
export function objectKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const order = (obj as { [KEY_ORDER]?: unknown })[KEY_ORDER];
  if (!Array.isArray(order)) return keys;
  const present = new Set(keys);
  const out: string[] = [];
  for (const key of order) {
    if (typeof key === 'string' && present.delete(key)) out.push(key);
  }
  for (const key of keys) if (present.has(key)) out.push(key);
  return out;
}

function prefixed(err: PythonJsonWriteError, segment: string): PythonJsonWriteError {
  return new PythonJsonWriteError(err.reason, `/${escapePointerToken(segment)}${err.path}`);
}

function describeType(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'object' && value !== null) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name ? `a ${name}` : 'an object';
  }
  return typeof value;
}
