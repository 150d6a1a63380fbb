/**
 * How Python writes a number: `repr(float)` and the int/float rule of the value model (src/pyjson/values.ts).
 * No imports: src/errors.ts describes received values with it.
 */

/** Python's `sys.get_int_max_str_digits()` default (3.11): longer int literals are rejected. */
export const PYTHON_INT_MAX_STR_DIGITS = 4300;

/**
 * Python's `repr(float)` writes a finite float positionally when FLOAT_POSITIONAL_MIN ≤ |x| < FLOAT_POSITIONAL_MAX
 * (JavaScript's String(x) is positional there too and only lacks the `.0` of integral values), else with an exponent.
 */
export const FLOAT_POSITIONAL_MIN = 1e-4;
export const FLOAT_POSITIONAL_MAX = 1e16;

/** Python's `repr(float)` (the text json.dumps writes for a float), including NaN/Infinity/-Infinity. */
export function pythonFloatRepr(value: number): string {
  if (value !== value) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const ax = value < 0 ? -value : value;
  // Both languages print the shortest round-trip digits; only the layout differs.
  if (ax >= FLOAT_POSITIONAL_MIN && ax < FLOAT_POSITIONAL_MAX) {
    const text = String(value);
    return Number.isInteger(value) ? `${text}.0` : text;
  }
  const exp = value.toExponential(); // shortest digits: "d.ddde±N" or "de±N"
  const exponentAt = exp.indexOf('e');
  const mantissa = exp.slice(0, exponentAt);
  const power = Number(exp.slice(exponentAt + 1));
  const sign = power < 0 ? '-' : '+';
  const abs = power < 0 ? -power : power;
  return `${mantissa}e${sign}${abs < 10 ? '0' : ''}${abs}`;
}

/**
 * The text `json.dumps` writes for the Python value a JS number stands for: an integer in the safe range is an
 * int (`3`); every other number is a float (`2.5`, `1e+16`, `-0.0`, `NaN`). A PyFloat is written with
 * pythonFloatRepr of its value.
 */
export function pythonNumberText(value: number): string {
  return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : pythonFloatRepr(value);
}
