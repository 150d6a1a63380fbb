/**
 * What JSON Schema sees of a Python-dialect value (src/pyjson): a `PyFloat` is the number it holds and a `bigint` is
 * a number, so `2.0` and `18446744073709551616` are integers, as python-jsonschema (the generated Python package) and
 * the CLI judge them. One verdict for one text, whichever entry reads it.
 *
 * The copy is made only when the value holds such a leaf; the caller's value is never modified. A bigint becomes the
 * nearest double: the contract's only number keywords (`type: integer`, `minimum: 0`) judge it the same way.
 */
import { PyFloat } from '../pyjson/values';
import { defineOwn, isPlainObject } from '../spec/json-value';

/** `value` itself when it holds no PyFloat or bigint; otherwise a copy with those leaves made numbers. */
export function schemaView(value: unknown): unknown {
  return holdsPythonNumber(value) ? convert(value) : value;
}

function holdsPythonNumber(value: unknown): boolean {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'bigint' || node instanceof PyFloat) return true;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (isPlainObject(node)) for (const key of Object.keys(node)) stack.push(node[key]);
  }
  return false;
}

function convert(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(convert);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) defineOwn(out, key, convert(value[key]));
  return out;
}
