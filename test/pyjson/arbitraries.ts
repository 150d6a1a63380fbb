/** fast-check arbitraries for the pyjson value model, shared by the pyjson and codec property tests. */
import fc from 'fast-check';
import { PyFloat, type PyJsonValue } from '../../src/pyjson';

/** Object keys: any UTF-16 (lone surrogates too), plus keys JS treats specially. */
export const pyKey = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '0', '1', '10', '4294967294', '4294967295'),
);

export const pyJsonValue: fc.Arbitrary<PyJsonValue> = fc.letrec<{ value: PyJsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.maxSafeInteger(),
    fc.double(),
    fc.bigInt().filter((b) => b > BigInt(Number.MAX_SAFE_INTEGER) || b < -BigInt(Number.MAX_SAFE_INTEGER)),
    fc.integer({ min: -1e6, max: 1e6 }).map((n) => new PyFloat(n)),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(pyKey, tie('value'), { maxKeys: 5, noNullPrototype: true }),
  ),
})).value;

/** A JSON object of any values (arguments_preview). */
export const pyJsonObject = fc.dictionary(pyKey, pyJsonValue, { maxKeys: 6, noNullPrototype: true });
