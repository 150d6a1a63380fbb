/**
 * fast-check arbitraries for the pyjson value model, shared by the pyjson and codec property tests:
 * the fuzz run's values (fuzz/arbitraries.ts: hostile leaves, keys JavaScript treats specially).
 */
import fc from 'fast-check';
import { key, objectOf, pyValue } from '../../fuzz/arbitraries';
import type { PyJsonValue } from '../../src/pyjson';

export const pyJsonValue: fc.Arbitrary<PyJsonValue> = pyValue;

/** A JSON object of any values (arguments_preview). */
export const pyJsonObject = fc
  .array(fc.tuple(key, pyValue), { maxLength: 6 })
  .map((e) => objectOf(e) as Record<string, PyJsonValue>);

/**
 * The text of a JSON object (Python's separators) whose members are `name` (as written between quotes) and
 * `item`, at most `maxMembers` of them.
 */
export function objectText(
  name: fc.Arbitrary<string>,
  item: fc.Arbitrary<string>,
  maxMembers = 4,
): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(name, item), { maxLength: maxMembers })
    .map((members) => `{${members.map(([written, value]) => `"${written}": ${value}`).join(', ')}}`);
}

/**
 * Texts of values (Python's separators): `scalar` tokens as written, in lists of at most `maxItems` and objects
 * (objectText) with keys from `name`, nested; the shape of the random records of test/codec's fast-path tests.
 */
export function valueText(
  scalar: fc.Arbitrary<string>,
  name: fc.Arbitrary<string>,
  maxItems = 4,
): fc.Arbitrary<string> {
  return fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('value'), { maxLength: maxItems }).map((items) => `[${items.join(', ')}]`),
      objectText(name, tie('value')),
    ),
  })).value;
}

const digitRun = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/**
 * A JSON number token (sign, int part, fraction, exponent) at the edges where JSON.parse and Python may read it
 * differently: ints up to 20 digits, fractions up to 22 digits, and fractions running 15 or 16 zeros or nines before
 * their last digits (the tests of numberTokensUnambiguous, src/pyjson/fast-path.ts).
 */
export const numberTokenText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.oneof(
      fc.constant('0'),
      fc.tuple(fc.constantFrom(...'123456789'), digitRun(0, 19)).map(([first, rest]) => first + rest),
    ),
    fc.option(
      fc.oneof(
        digitRun(1, 22),
        fc
          .tuple(fc.constantFrom(15, 16), fc.constantFrom('0', '9'), digitRun(1, 20))
          .map(([count, digit, tail]) => digit.repeat(count) + tail),
      ),
      { nil: undefined },
    ),
    fc.option(
      fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digitRun(1, 3)).map((parts) => parts.join('')),
      { nil: undefined },
    ),
  )
  .map(
    ([sign, int, fraction, exponent]) =>
      `${sign}${int}${fraction !== undefined ? `.${fraction}` : ''}${exponent ?? ''}`,
  );
