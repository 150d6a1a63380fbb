import { lineOf, offsetOf } from '../../src/cli/locate';

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
