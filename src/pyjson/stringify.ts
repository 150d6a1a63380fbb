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
  return written(value, undefined);
}

/**
 * stringifyPython of a plain object whose own keys in Python's order (objectKeys) the caller has listed already: a
 * dictionary-mode object (thousands of keys) lists them in one slow pass, which this spares (src/codec/write.ts).
 */
export function stringifyPythonObject(value: object, keys: readonly string[]): string {
  return written(value, keys);
}

/** The text of `value` (its members `keys`, if given), with the errors stringifyPython throws. */
function written(value: unknown, keys: readonly string[] | undefined): string {
  const writer = new Writer();
  try {
    if (keys === undefined) writer.value(value);
    else writer.dict(value as object, keys);
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
    const writer = new Writer();
    writer.longString(text);
    return writer.finish();
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
 * From this length on, a string with something to escape is escaped into the writer's byte sink (see SINK) rather
 * than JSON.stringify and a slice and a concatenation per non-ASCII character. Measured (compiled, node 20,
 * as bytes; text of which 11 % non-ASCII): 256 characters 5.1 → 4.1 µs, 1,024: 21.9 → 8.1 µs, 100,000: 2.2 → 0.66
 * ms; below 192 the old way is as fast or faster.
 */
const LONG_STRING = 256;
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

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Pieces of text are collected and joined into one string per CHUNK characters or so: the result is those chunks
 * concatenated (a rope of a few large strings, flattened once by whoever reads it), so that a big value never holds
 * one small string object per number or key (a 25 M-int list written piece by piece held 23× its text in memory).
 */
const CHUNK = 16384;
/**
 * The byte sink (SINK) makes its bytes into text when it has this many (one number more fits after:
 * MAX_NUMBER_BYTES). 1 MiB is above the size from which Node's Buffer#toString makes an external string (its
 * EXTERN_APEX, 0xFBEE9 bytes: the bytes copied out of V8's heap, which then neither allocates nor scavenges them);
 * smaller strings are made in V8's heap. Measured (compiled, toJson of 12 M integral floats then Buffer.from, CPU,
 * one process per build, alternating, medians of 8–12 rounds): 256 KiB 282–284 ms, 960 KiB 242, 1 MiB 219–222,
 * 4 MiB 260 (JSON.stringify 118–120). Earlier, against 32 KB and 64 KB (decoded faster, but the strings are young
 * and survive: the scavenger copies them): 256 KiB 248–252 ms against 266–303 ms.
 */
const RUN_BYTES = 1 << 20;
/**
 * fillRun's result packs a list position and a byte count (< RUN_BYTES + MAX_NUMBER_BYTES < RUN_SPAN) in one safe
 * integer: a JavaScript array holds fewer than 2^27 items in V8 (its FixedArray's limit), so the result < 2^48.
 */
const RUN_SPAN = 2 * RUN_BYTES;
/** Lists with fewer numbers left are written item by item (starting the sink for them would cost more). */
const MIN_RUN = 16;
/** `, ` and the longest number numberRun writes: `-` and 16 digits and `.0`, or String of a float (≤ 24). */
const MAX_NUMBER_BYTES = 32;
/**
 * SINK: the byte sink. The first run of numbers, string to escape of LONG_STRING or more, list or dict of SINK_ITEMS
 * or more makes the writer write the rest of the value (keys, strings, numbers, literals, separators) as bytes into
 * one buffer (sized for what started it, up to SINK_BYTES; 8 times larger each time it fills), made into text
 * (RUN_TEXT) each time it fills: a big value's text is held once, in strings of RUN_BYTES outside V8's heap, rather
 * than as small pieces joined into chunks (CHUNK) and escaped segments decoded by TextDecoder. Measured (compiled,
 * toJson then Buffer.from, CPU, one process per build, alternating): 10 M characters of strings to escape 99–100 →
 * 70–75 ms (1.60–1.69 → 1.18–1.20× JSON.stringify), peak 3.70–3.83 → 3.08–3.09× the text; a 1 M-key object
 * 636–640 → 578–589 ms, peak 4.72–4.73 → 2.83–2.85× (JSON.stringify's 4.74×); number runs unchanged.
 */
const SINK_BYTES = RUN_BYTES + MAX_NUMBER_BYTES;
/**
 * Lists and dicts of this many items or more are written into the sink (see SINK). stringifyPython then
 * Buffer.from, compiled, CPU, per call, pieces → sink: 64 keys `"keyN": N` 7.3–8.0 → 5.1–5.4 µs, 64 short strings
 * 5.7–6.6 → 5.8–8.0, 64 dicts of 3 keys 29 → 17–18; 128 keys 16.3 → 10.6–11.5, 128 strings 13.0 → 8.9–10.9; 16
 * items: within ±0.3 µs either way (from 2 µs).
 */
export const SINK_ITEMS = 64;
/** stringBytes empties the sink when less room than this is left (so that a segment holds 16 code units or more). */
const MIN_ROOM = 6 * 16 + 32;
/** Python's positional range for floats (./numbers.ts), bound here once for fillRun's loop (no module getter). */
const FLOAT_POSITIONAL_MIN = POSITIONAL_MIN;
const FLOAT_POSITIONAL_MAX = POSITIONAL_MAX;

/**
 * RUN_TEXT: the sink's bytes are a Node Buffer where Node's Buffer exists (not in browsers: TextDecoder there), made
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

/** The sink's bytes: a Node Buffer (outside the pool) where there is one, else a Uint8Array. */
function runBytes(size: number): Uint8Array {
  return NODE_BUFFER !== undefined ? NODE_BUFFER.allocUnsafeSlow(size) : new Uint8Array(size);
}

class Writer {
  /** Containers being written (Python's check_circular). */
  private readonly ancestors: object[] = [];
  /** The text written so far: `chunks`, then `pieces` (or, once `sinking`, the sink's bytes). */
  private readonly chunks: string[] = [];
  private readonly pieces: string[] = [];
  private piecesLength = 0;
  /**
   * The byte sink (see SINK), made when first needed: once `sinking`, all the rest of the text is written into
   * `bytes` (`filled` of them so far), made into a chunk each time they reach `bytes.length - MAX_NUMBER_BYTES`.
   */
  private bytes: Uint8Array | undefined;
  private filled = 0;
  private sinking = false;
  private decoder: { decode(bytes: Uint8Array): string } | undefined;

  private add(piece: string): void {
    if (this.sinking) {
      this.put(piece);
      return;
    }
    if (piece.length >= CHUNK) {
      // a large piece (a string with nothing to escape) becomes a chunk as it is, not copied by a join
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
    if (this.sinking && this.filled > 0) this.chunks.push(this.runText(this.bytes!, this.filled));
    const last = this.pieces.join('');
    if (this.chunks.length === 0) return last;
    let out = '';
    for (const chunk of this.chunks) out += chunk;
    return out + last;
  }

  /**
   * From here on, the text goes into the byte sink, whose buffer holds at least `size` bytes (up to RUN_BYTES, and
   * MAX_NUMBER_BYTES after them); the pieces collected so far become a chunk first.
   */
  private sink(size: number): Uint8Array {
    if (!this.sinking) {
      if (this.piecesLength > 0) this.flush();
      this.sinking = true;
    }
    const wanted = Math.min(RUN_BYTES, size) + MAX_NUMBER_BYTES;
    let bytes = this.bytes;
    if (bytes === undefined || bytes.length < wanted) {
      if (this.filled > 0) this.emit();
      bytes = this.bytes = runBytes(wanted);
    }
    return bytes;
  }

  /**
   * The sink's bytes made into a chunk, the sink emptied; a buffer smaller than SINK_BYTES (made for a short list or
   * string) is replaced by one 8 times its size (up to SINK_BYTES): more came than it was made for.
   */
  private emit(): void {
    const bytes = this.bytes!;
    this.chunks.push(this.runText(bytes, this.filled));
    this.filled = 0;
    if (bytes.length < SINK_BYTES) this.bytes = runBytes(Math.min(SINK_BYTES, bytes.length * 8));
  }

  /** `text` (ASCII: all this writer writes is) into the sink. */
  private put(text: string): void {
    const length = text.length;
    let bytes = this.bytes!;
    let filled = this.filled;
    if (filled + length < bytes.length - MAX_NUMBER_BYTES) {
      for (let index = 0; index < length; index++) bytes[filled + index] = text.charCodeAt(index);
      this.filled = filled + length;
      return;
    }
    for (let index = 0; index < length;) {
      const end = Math.min(length, index + bytes.length - filled);
      for (; index < end; index++) bytes[filled++] = text.charCodeAt(index);
      this.filled = filled;
      if (filled >= bytes.length - MAX_NUMBER_BYTES) {
        this.emit();
        bytes = this.bytes!;
        filled = 0;
      }
    }
  }

  value(value: unknown): void {
    switch (typeof value) {
      case 'string':
        this.string(value);
        return;
      case 'number':
        if (this.sinking) this.numberBytes(value);
        else this.add(numberText(value));
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

  /** A number into the sink: an int in the safe range digit by digit, any other as pythonNumberText writes it. */
  private numberBytes(number: number): void {
    const magnitude = number < 0 ? -number : number;
    if (!Number.isInteger(number) || magnitude > MAX_SAFE || (magnitude === 0 && 1 / number < 0)) {
      this.put(numberText(number));
      return;
    }
    const bytes = this.bytes!;
    let filled = this.filled;
    if (number < 0) bytes[filled++] = 0x2d;
    if (magnitude < 10) bytes[filled++] = 0x30 + magnitude;
    else filled = writeDigits(bytes, filled, magnitude);
    this.filled = filled;
    if (filled >= bytes.length - MAX_NUMBER_BYTES) this.emit();
  }

  private string(text: string): void {
    if (this.sinking) {
      this.stringBytes(text);
    } else if (!STRING_NEEDS_ESCAPE.test(text)) {
      this.add(`"${text}"`);
    } else if (text.length < LONG_STRING) {
      this.add(escapedStringRepr(text));
    } else {
      this.sink(text.length * 6 + 2);
      this.stringBytes(text);
    }
  }

  /**
   * A string of LONG_STRING or more that STRING_NEEDS_ESCAPE matched, for escapedStringRepr (whose caller tested it):
   * it starts the sink. `string` writes the same two calls itself: calling this from there made stringifyPython of
   * 2,000 strings to escape, written in the sink, 54–58 → 57–59 ms (compiled, CPU, min of 21 rounds).
   */
  longString(text: string): void {
    this.sink(text.length * 6 + 2);
    this.stringBytes(text);
  }

  /**
   * `"text"` as json.dumps writes it (ensure_ascii) into the sink, a segment at a time: as many code units as fit
   * in the room left at 6 bytes each (`\uXXXX`), the sink emptied when less than MIN_ROOM is left.
   */
  private stringBytes(text: string): void {
    let bytes = this.bytes!;
    let filled = this.filled;
    bytes[filled++] = 0x22;
    const length = text.length;
    for (let start = 0; start < length;) {
      let room = bytes.length - filled;
      if (room < MIN_ROOM) {
        this.filled = filled;
        this.emit();
        bytes = this.bytes!;
        filled = 0;
        room = bytes.length;
      }
      const end = Math.min(length, start + Math.floor((room - MAX_NUMBER_BYTES) / 6));
      filled = escapeInto(text, start, end, bytes, filled);
      start = end;
    }
    bytes[filled++] = 0x22;
    this.filled = filled;
    if (filled >= bytes.length - MAX_NUMBER_BYTES) this.emit();
  }

  /** A plain object whose keys (objectKeys) are listed already, as `container` writes it. */
  dict(value: object, keys: readonly string[]): void {
    this.ancestors.push(value);
    this.members(value, keys);
    this.ancestors.pop();
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
    if (length >= SINK_ITEMS && !this.sinking) this.sink(length * MAX_NUMBER_BYTES);
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
   * for item 0, into the sink; returns where the run stopped. Measured (compiled, node 20, toJson of one
   * TriggerRunRecord then Buffer.from, CPU): 25 M ints 7.2 s → 0.28–0.33 s (JSON.stringify 0.23), 12 M integral
   * floats 3.6 s → 0.25–0.29 s (JSON.stringify 0.11, of a 40 % shorter text).
   */
  private numberRun(list: readonly unknown[], start: number): number {
    // sized for this list (up to RUN_BYTES): a list of 20 numbers needs no 1 MiB
    let bytes = this.sink((list.length - start) * MAX_NUMBER_BYTES);
    for (let position = start; ;) {
      const stop = fillRun(list, position, bytes, this.filled);
      // `| 0`: the remainder of a double is a double, and the sink's count must stay a small integer (fillRun
      // deoptimised on a `from` that was not one: "not a Smi", its loop 96 → 157 ms per 12 M floats)
      const filled = (stop % RUN_SPAN) | 0;
      position = (stop - filled) / RUN_SPAN;
      this.filled = filled;
      // a buffer not filled to its limit: the run ended
      if (filled < bytes.length - MAX_NUMBER_BYTES) return position;
      this.emit();
      bytes = this.bytes!;
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
    this.members(value, objectKeys(value));
  }

  /** A plain object's members, `keys` its own keys in Python's order (objectKeys). */
  private members(value: object, keys: readonly string[]): void {
    const obj = value as Record<string, unknown>;
    if (keys.length >= SINK_ITEMS && !this.sinking) this.sink(keys.length * MAX_NUMBER_BYTES);
    this.add('{');
    for (let position = 0; position < keys.length; position++) {
      const key = keys[position]!;
      if (this.sinking) {
        if (position > 0) this.put(', ');
        this.stringBytes(key);
        this.put(': ');
      } else {
        if (position > 0) this.add(', ');
        this.add(STRING_NEEDS_ESCAPE.test(key) ? `${escapedStringRepr(key)}: ` : `"${key}": `);
      }
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
 * `text[start, end)` escaped as json.dumps writes it (ensure_ascii) into `bytes` at `at` (room for 6 bytes per code
 * unit); returns the position after them.
 */
function escapeInto(text: string, start: number, end: number, bytes: Uint8Array, at: number): number {
  let filled = at;
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
  return filled;
}

/**
 * numberRun's loop: writes the items of `list` from `start` on into `bytes` from `from`, while they are numbers a run
 * writes and the buffer has room (at least MAX_NUMBER_BYTES after each number); returns where it stopped × RUN_SPAN
 * + the bytes it filled (the buffer is full when they reached its length - MAX_NUMBER_BYTES). A function of its own
 * that returns a number, so that nothing it runs after the loop needs type feedback: inside the method, the text
 * made each time the buffer filled ran in the optimised loop with no feedback and deoptimised it, 3–5 times per
 * toJson of 12 M floats and again on later calls (--trace-deopt: "insufficient type feedback"). See RUN_TEXT for the
 * measured gain.
 */
function fillRun(list: readonly unknown[], start: number, bytes: Uint8Array, from: number): number {
  const limit = bytes.length - MAX_NUMBER_BYTES;
  const length = list.length;
  // `| 0`: a small integer to TurboFan's typing (from a parameter it was not, and the loop ran 90 → 99 ms per 12 M
  // PyFloats, stringifyPython alone, compiled, CPU, min of 15 rounds)
  let filled = from | 0;
  let position = start;
  // ONE_DIGIT_STORES: a one-digit number after the first is written with DataView stores of 4 (and 2) bytes, little
  // endian, rather than a store per byte. Compiled, stringifyPython of 12 M integral PyFloats -3.0 … 3.0, CPU, min of
  // 15 rounds, two alternations: 89.0–89.2 → 77.9–78.6 ms.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
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
      // one digit, not -0: the common case first, its tests by integer compares (see RUN_TEXT); after the first
      // item, `, ` and the digit (and `.` or `-`) in one 4-byte store (see ONE_DIGIT_STORES)
      if (position === 0) {
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
      } else if (digit >= 0) {
        // `, d.` (an int's `.` is overwritten by what comes next: MAX_NUMBER_BYTES of room follow `limit`)
        view.setUint32(filled, 0x2e00202c | ((0x30 + digit) << 16), true);
        if (pyFloat) {
          bytes[filled + 4] = 0x30;
          filled += 5;
        } else {
          filled += 3;
        }
      } else {
        // `, -d`, then `.0`
        view.setUint32(filled, 0x002d202c | ((0x30 - digit) << 24), true);
        if (pyFloat) {
          view.setUint16(filled + 4, 0x302e, true);
          filled += 6;
        } else {
          filled += 4;
        }
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
