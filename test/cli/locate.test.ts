import { lineAt } from '../../src/cli/locate';
import { linesOf } from '../../src/cli/locate-lines';
import { lineOf as referenceLineOf, locator, offsetOf } from '../support/json-locator';

/** The reference's line of `pointer`, checked to be linesOf's too (the CLI's). */
function lineOf(text: string, pointer: string): number {
  const line = referenceLineOf(text, pointer);
  expect(linesOf(text, [pointer]).get(pointer)).toBe(line);
  return line;
}

describe('lineOf', () => {
  const text = '{\n "a": NaN,\n "b": [1,\n  Infinity,\n  -Infinity, {"c": 2}],\n "a": 3,\n "d/e~f": "x"\n}';

  it('finds keys and elements after Python-dialect tokens', () => {
    expect(lineOf(text, '/b/2')).toBe(5);
    expect(lineOf(text, '/b/3/c')).toBe(5);
    expect(lineOf(text, '/b/1')).toBe(4);
  });

  it('points at the last of duplicate keys, as Python keeps the last', () => {
    expect(lineOf(text, '/a')).toBe(6);
  });

  it('unescapes pointer tokens', () => {
    expect(lineOf(text, '/d~1e~0f')).toBe(7);
  });

  it('falls back to the deepest value that exists', () => {
    expect(lineOf(text, '')).toBe(1);
    expect(lineOf(text, '/missing')).toBe(1);
    expect(lineOf(text, '/b/9')).toBe(3);
  });

  it('keeps offsets right after a BOM and inside strings that mention NaN', () => {
    const withBom = '\ufeff{\n "s": "NaN \\" Infinity",\n "t": true\n}';
    expect(lineOf(withBom, '/t')).toBe(3);
    expect(withBom.slice(offsetOf(withBom, '/t'), offsetOf(withBom, '/t') + 3)).toBe('"t"');
  });
});

describe('locator (issue 15 #1: one parse for all the problems of a document)', () => {
  it('gives every pointer the line lineOf gives, on a document of thousands of members', () => {
    const n = 3000;
    const members = Array.from({ length: n }, (_, i) => `  "k${i % 1000}": [${i},\n   {"x${i}": NaN}]`);
    const text = `{\n${members.join(',\n')}\n}`;
    const line = locator(text);
    // Each key's line found independently: the last place its quoted name is written.
    for (let i = 0; i < 1000; i++) expect([i, line(`/k${i}`)]).toEqual([i, lineAt(text, text.lastIndexOf(`"k${i}":`))]);
    for (const p of ['', '/missing', '/k999/0', '/k3/5', '/k3/1/x2003'])
      expect([p, line(p)]).toEqual([p, lineOf(text, p)]);
    // The last of duplicate keys: k5 is written three times; member 2005 is the last, on line 2 + 2 * 2005.
    expect(line('/k5')).toBe(2 + 2 * 2005);
    expect(line('/k7/1/x2007')).toBe(lineAt(text, text.indexOf('"x2007"')));
  });
});
