/**
 * How Python writes a number: `repr(float)` and the int/float rule of the value model (src/pyjson/values.ts).
 * No imports: src/errors.ts describes received values with it.
 */

/** Python's `sys.get_int_max_str_digits()` default (3.11): longer int literals are rejected. */
export const PYTHON_INT_MAX_STR_DIGITS = 4300;

/** Python's `repr(float)` (the text json.dumps writes for a float), including NaN/Infinity/-Infinity. */
export function pythonFloatRepr(x: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const ax = x < 0 ? -x : x;
  // Both languages print the shortest round-trip digits; only the layout differs.
  // Python uses positional notation when 1e-4 <= |x| < 1e16, where JS's
  // String(x) is positional too and only lacks the ".0" of integral values.
  if (ax >= 1e-4 && ax < 1e16) {
    const s = String(x);
    return Number.isInteger(x) ? `${s}.0` : s;
  }
  const exp = x.toExponential(); // shortest digits: "d.ddde±N" or "de±N"
  const e = exp.indexOf('e');
  const mantissa = exp.slice(0, e);
  const power = Number(exp.slice(e + 1));
  const sign = power < 0 ? '-' : '+';
  const abs = power < 0 ? -power : power;
  return `${mantissa}e${sign}${abs < 10 ? '0' : ''}${abs}`;
}

/**
 * The text `json.dumps` writes for the Python value a JS number stands for: an integer in the safe range is an
 * int (`3`); every other number is a float (`2.5`, `1e+16`, `-0.0`, `NaN`). A PyFloat is written with
 * pythonFloatRepr of its value.
 */
export function pythonNumberText(x: number): string {
  return Number.isSafeInteger(x) && !Object.is(x, -0) ? String(x) : pythonFloatRepr(x);
}
