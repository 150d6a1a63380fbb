/**
 * numberTokensUnambiguous (src/pyjson/fast-path.ts) asks one question two ways: a regex (AMBIGUOUS_NUMBER_TOKEN) for
 * texts under SCAN_FROM characters, a char-code scan (ambiguousTokenFound, plainNumberEnd) from there on. Each rule
 * added to one must be added to the other (NaN and Infinity were): here both answer every text of number tokens, the
 * same text read short and padded past SCAN_FROM with trailing whitespace, and a token either calls unambiguous reads
 * the same in JSON.parse and the exact parser.
 */
import fc from 'fast-check';
import { parsePythonJson } from '../../src/entries/pyjson';
import { numberTokensUnambiguous, SCAN_FROM } from '../../src/pyjson/fast-path';
import { numberTokenText } from '../support/arbitraries';

/** Number tokens Python writes or reads: the edges of numberTokenText, and -0 and the constants. */
const token = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '-0', '0', '-0.0', '0.0', '1.0', '-3.0', '1e5', '1E-5', '-0e1'),
  numberTokenText,
);

const separator = fc.constantFrom(', ', ',', ',\n  ', ' ,\t');

/** A JSON text (Python's dialect) of number tokens in a list, an object and a nested list. */
const text = fc
  .tuple(fc.array(token, { minLength: 1, maxLength: 6 }), token, fc.array(token, { maxLength: 3 }), separator)
  .map(
    ([list, member, nested, sep]) =>
      `{"a": [${list.join(sep)}], "b":${sep === ',' ? '' : ' '}${member}, "c": [[${nested.join(sep)}]]}`,
  );

test('the regex and the scan give one answer for every text of number tokens', () => {
  const padding = ' '.repeat(SCAN_FROM);
  fc.assert(
    fc.property(text, (short) => {
      expect(short.length).toBeLessThan(SCAN_FROM);
      expect(numberTokensUnambiguous(`${short}${padding}`)).toBe(numberTokensUnambiguous(short));
    }),
    { numRuns: 5_000 },
  );
});

test('a text either calls unambiguous reads the same in JSON.parse and the exact parser', () => {
  fc.assert(
    fc.property(text, (short) => {
      if (!numberTokensUnambiguous(short)) return;
      const exact = parsePythonJson(short, { fastPath: false });
      expect(JSON.parse(short)).toStrictEqual(exact);
    }),
    { numRuns: 5_000 },
  );
});
