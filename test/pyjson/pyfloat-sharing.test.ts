/**
 * A reading shares one PyFloat per small integral value (src/pyjson/number-value.ts, PyFloats): the first few asked
 * for from a short list, the rest from the table made after them, which starts with those. Same values, same
 * instances on both sides of that switch, whether the exact parser reads the whole text, patches a member JSON.parse
 * read, or the count-first reader reads a list; another reading makes its own.
 */
import { PyFloat, parsePythonJson } from '../../src/entries/pyjson';
import { numberListSpan, readNumberList } from '../../src/pyjson/number-list';

type Reader = (list: string) => unknown[];

const readers: [string, Reader][] = [
  ['the exact parser', (list) => (parsePythonJson(`{"a": ${list}}`, { fastPath: false }) as { a: unknown[] }).a],
  [
    'the patch of a re-read member',
    (list) => (parsePythonJson(`{"a": ${list}}`, { fastPath: true }) as { a: unknown[] }).a,
  ],
  ['the count-first list reader', (list) => readNumberList(list, numberListSpan(list, 0)!)!],
];

describe.each(readers)('%s', (_name, read) => {
  const floatsOf = (list: string): PyFloat[] => read(list).filter((item): item is PyFloat => item instanceof PyFloat);

  test('one PyFloat per small value across the short list and the table', () => {
    // 5 values, 60 tokens: the first ones asked for are listed, the later ones come from the table
    const tokens = Array.from({ length: 60 }, (_, index) => `${(index % 5) - 2}.0`);
    const floats = floatsOf(`[${tokens.join(', ')}, 2000.0]`);
    expect(floats).toHaveLength(61);
    for (let index = 0; index < 60; index++) {
      expect(floats[index]!.value).toBe((index % 5) - 2);
      expect(floats[index]).toBe(floats[index % 5]);
    }
    expect(floats[60]!.value).toBe(2000);
    expect(floatsOf('[-2.0]')[0]).not.toBe(floats[0]);
  });

  test('a value met first after the switch is shared from then on', () => {
    const tokens = [...Array.from({ length: 20 }, () => '1.0'), '7.0', '7.0', '1.0'];
    const floats = floatsOf(`[${tokens.join(', ')}]`);
    expect(floats[20]!.value).toBe(7);
    expect(floats[21]).toBe(floats[20]);
    expect(floats[22]).toBe(floats[0]);
  });
});
