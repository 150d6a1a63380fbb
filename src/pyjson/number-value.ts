/**
 * Python's value of a number token (`json.loads`, in the value model of ./values.ts), once a reader has scanned it:
 * the one home of these rules for the exact parser (./parse.ts: number, patchNumbers) and the count-first list reader
 * (./number-list.ts). The scans themselves stay in their loops (each loop's speed is measured there); what a token
 * reads as is decided here:
 * - an int of at most 15 digits is its integer part's value (`0 - whole`: Python's int `-0` is 0), in the loops;
 * - a longer int: longIntValue (a number in the safe range, else a bigint; the PYTHON_INT_MAX_STR_DIGITS limit is
 *   the caller's, which reports or refuses as it must);
 * - a float: a PyFloat when integral in the safe range, but `-0.0` the number −0 (PyFloats.floatOf, wholeFloat).
 */
import { PyFloat } from './values';

/**
 * One reading's PyFloats of small integral values (PyFloat is frozen: one instance per value in [-SMALL_FLOATS,
 * SMALL_FLOATS] is shared; 12 M `1.0`s hold 8 bytes each instead of an object each). The first few asked for are kept
 * in a short list, looked through; the table (2,049 slots) is made only for a reading that asks for more, not for each
 * member a re-read patches. Compiled, fromJson of the 10,000 hard bench texts, CPU, one process, two builds
 * interleaved by chunks of 500 texts, median of 30-40 rounds' ratios: 0.972-0.987 of making the table at the first;
 * one record of 2 M `-3.0`…`3.0` and 20,000 records of 41 such floats unchanged (98 against 110 ms, 178 against 174).
 */
export class PyFloats {
  /** The PyFloat of the integral `value`: shared when small, else a new one. */
  of(value: number): PyFloat {
    if (value < -SMALL_FLOATS || value > SMALL_FLOATS) return new PyFloat(value);
    const table = this.table;
    return table !== null ? (table[value + SMALL_FLOATS] ??= new PyFloat(value)) : this.fewFloat(value);
  }

  /** Python's float of `value`, a float token's double: a PyFloat when integral in the safe range but -0.0. */
  floatOf(value: number): PyFloat | number {
    return Number.isInteger(value) && Math.abs(value) <= MAX_SAFE && !Object.is(value, -0) ? this.of(value) : value;
  }

  /**
   * The float of a token Python writes for an integral float (`-3.0`: at most 15 integer digits, a fraction of zeros,
   * no exponent) from its integer part's value and sign, without slicing the token for Number() (with the shared
   * PyFloats: fromJson 7.4× → 3.1× JSON.parse on 2.4 M `1.0`s).
   */
  wholeFloat(whole: number, negative: boolean): PyFloat | number {
    return whole === 0 && negative ? -0 : this.of(negative ? -whole : whole);
  }

  /** `of` before the table is made (out of `of` so that stays small). */
  private fewFloat(value: number): PyFloat {
    const few = (this.few ??= []);
    if (++this.asked <= FEW_FLOATS) {
      for (let index = 0; index < few.length; index++) if (few[index]!.value === value) return few[index]!;
      const made = new PyFloat(value);
      few.push(made);
      return made;
    }
    const table = (this.table = new Array<PyFloat | undefined>(2 * SMALL_FLOATS + 1));
    for (const kept of few) table[kept.value + SMALL_FLOATS] = kept;
    return (table[value + SMALL_FLOATS] ??= new PyFloat(value));
  }

  /** The shared PyFloats by value + SMALL_FLOATS, once made. */
  private table: (PyFloat | undefined)[] | null = null;
  /** The first PyFloats, before the table is made, and how many times one was asked for. */
  private few: PyFloat[] | null = null;
  private asked = 0;
}

/** How many times a reading asks for a small PyFloat before it makes the table of all (see PyFloats). */
const FEW_FLOATS = 16;

/** The integral floats a reading keeps one PyFloat for (see PyFloats). */
const SMALL_FLOATS = 1024;

/**
 * The int of the token `text[start, end)` of more than 15 digits (and at most PYTHON_INT_MAX_STR_DIGITS: the
 * caller's test): a number when in the safe range, else a bigint.
 */
export function longIntValue(text: string, start: number, end: number): number | bigint {
  const big = BigInt(text.slice(start, end));
  return big <= MAX_SAFE_BIG && big >= -MAX_SAFE_BIG ? Number(big) : big;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
