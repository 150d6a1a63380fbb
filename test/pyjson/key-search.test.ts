/**
 * keyColon and mayRepeat (src/pyjson/fast-path.ts) look for a quoted key by its tail (from its last character that
 * is not a hex digit or `_`) and check each find for the whole key, and for escapes of printable ASCII by indexOf:
 * they must answer what a plain `indexOf` of the quoted key and the escape regex answer, on texts full of near
 * misses (the tail without the key, the key without its quotes, keys of hex digits only, escapes around the range).
 */
import fc from 'fast-check';
import { keyColon, mayRepeat } from '../../src/pyjson/fast-path';

const ESCAPED_ASCII = /\\u00(?:[2-6][0-9a-fA-F]|7[0-9a-eA-E])/;

/** keyColon as it was written with indexOf of the whole quoted key. */
function keyColonByIndexOf(text: string, name: string): number {
  if (!/^[\w .-]+$/.test(name)) return -1;
  const quoted = `"${name}"`;
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
    let colon = at + quoted.length;
    while (' \t\n\r'.includes(text.charAt(colon)) && colon < text.length) colon++;
    if (text.charAt(colon) !== ':') continue;
    let open = 0;
    while (' \t\n\r'.includes(text.charAt(open)) && open < text.length) open++;
    if (text.charAt(open) !== '{') return -1;
    const brace = text.indexOf('{', open + 1);
    return brace >= 0 && brace < at ? -1 : colon;
  }
  return -1;
}

const NAMES = ['arguments_preview', 'payload', 'ab', 'a_1', 'fee', 'x', 'w', 'preview', 'a b'];
const piece = fc.constantFrom(
  '"',
  ': ',
  ', ',
  '{',
  '}',
  'w"',
  'ew"',
  'preview"',
  'arguments_preview',
  '"arguments_preview',
  'd"',
  'load"',
  '"payload"',
  '"ab"',
  '"a_1"',
  '"fee"',
  '"x"',
  '"w"',
  '"a b"',
  'b"',
  'x"',
  '\\u0041',
  '\\u007f',
  '\\u007e',
  '\\u00e9',
  '\\u001f',
  '\\u00',
  '\\\\u0030',
  '7f',
  '0',
  'a',
);
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

test('keyColon finds what indexOf of the whole quoted key finds', () => {
  fc.assert(
    fc.property(text, fc.constantFrom(...NAMES), (body, name) => {
      for (const candidate of [body, `{${body}`]) {
        expect(keyColon(candidate, name)).toBe(keyColonByIndexOf(candidate, name));
      }
    }),
    { numRuns: 5000, seed: 7 },
  );
});

test('mayRepeat answers what indexOf of the quoted key and the escape regex answer', () => {
  fc.assert(
    fc.property(text, fc.constantFrom(...NAMES), fc.nat(60), (body, name, from) => {
      const end = Math.min(from, body.length);
      const expected = body.indexOf(`"${name}"`, end) >= 0 || ESCAPED_ASCII.test(body.slice(end));
      expect(mayRepeat(body, end, name)).toBe(expected);
    }),
    { numRuns: 5000, seed: 8 },
  );
});
