/**
 * The exact parser shares one PyFloat per small integral value within a parse (src/pyjson/parse.ts, pyFloat): the
 * first few asked for from a short list, the rest from the table made after them, which starts with those. Same
 * values, same instances on both sides of that switch, whether the parser reads the whole text or patches a member
 * JSON.parse read; another parse makes its own.
 */
import { PyFloat, parsePythonJson } from '../../src/entries/pyjson';

function floatsOf(text: string, fastPath: boolean): PyFloat[] {
  const list = (parsePythonJson(`{"a": ${text}}`, { fastPath }) as { a: unknown[] }).a;
  return list.filter((item): item is PyFloat => item instanceof PyFloat);
}

describe.each([
  ['the exact parser', false],
  ['the patch of a re-read member', true],
])('%s', (_name, fastPath) => {
  test('one PyFloat per small value across the short list and the table', () => {
    // 5 values, 60 tokens: the first ones asked for are listed, the later ones come from the table
    const tokens = Array.from({ length: 60 }, (_, index) => `${(index % 5) - 2}.0`);
    const floats = floatsOf(`[${tokens.join(', ')}, 2000.0]`, fastPath);
    expect(floats).toHaveLength(61);
    for (let index = 0; index < 60; index++) {
      expect(floats[index]!.value).toBe((index % 5) - 2);
      expect(floats[index]).toBe(floats[index % 5]);
    }
    expect(floats[60]!.value).toBe(2000);
    expect(floatsOf('[-2.0]', fastPath)[0]).not.toBe(floats[0]);
  });

  test('a value met first after the switch is shared from then on', () => {
    const tokens = [...Array.from({ length: 20 }, () => '1.0'), '7.0', '7.0', '1.0'];
    const floats = floatsOf(`[${tokens.join(', ')}]`, fastPath);
    expect(floats[20]!.value).toBe(7);
    expect(floats[21]).toBe(floats[20]);
    expect(floats[22]).toBe(floats[0]);
  });
});
