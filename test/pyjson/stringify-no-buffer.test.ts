/**
 * stringifyPython where there is no Node Buffer (browsers): its byte sink (runs of numbers, then strings, keys and
 * the rest of a big value) is made into text by TextDecoder instead of a Buffer's latin1 (src/pyjson/stringify.ts,
 * RUN_TEXT, SINK). The module is loaded again with `globalThis.Buffer` removed; its text for values that cross the
 * 1 MiB byte buffer (RUN_BYTES) must be the one the Node path writes, and what Python's json module writes back for
 * the value it reads (scripts/python/pyjson_golden.py).
 */
import * as pyjson from '../../src/entries/pyjson';
import { runOracle } from '../support/pynenc-python';

type Golden = { ok: string } | { error: string; msg: string; pos: number | null };

function loadWithoutBuffer(): typeof pyjson {
  const holder = globalThis as { Buffer?: unknown };
  const saved = holder.Buffer;
  delete holder.Buffer;
  try {
    let loaded: typeof pyjson | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require('../../src/entries/pyjson') as typeof pyjson;
    });
    return loaded!;
  } finally {
    holder.Buffer = saved;
  }
}

/** Ints, integral floats and positional floats of every length, in runs long enough to fill the buffer twice. */
function numbersText(count: number): string {
  const items: string[] = [];
  for (let index = 0; index < count; index++) {
    const digits = 1 + (index % 16);
    const value = ((index * 2654435761) % 10 ** Math.min(digits, 9)) * (index % 3 === 0 ? -1 : 1);
    if (index % 5 === 0) items.push(`${value}.0`);
    else if (index % 7 === 0) items.push(String(value / 8 + 0.5));
    else items.push(String(value));
  }
  return `[${items.join(', ')}]`;
}

/**
 * Strings and keys with characters of every escape width (1, 2, 6 bytes, astral pairs, lone surrogates), numbers
 * between them, over two of the byte sink's buffers (src/pyjson/stringify.ts, SINK).
 */
function stringsText(): string {
  const units = ['plain ', '\n', '"', '\u00e9', '😀', '\ud800', '\udfff', '\u007f'];
  const dict: Record<string, unknown> = {};
  for (let index = 0; index < 3_000; index++) {
    const unit = units[index % units.length]!;
    dict[`${unit.repeat(index % 50)}${index}`] = [unit.repeat(100 + (index % 13)), index, 1.5];
  }
  return pyjson.stringifyPython(dict);
}

describe('stringifyPython without a Node Buffer', () => {
  const bare = loadWithoutBuffer();
  const texts = [
    numbersText(40),
    numbersText(250_000),
    `{"a": ${numbersText(120_000)}, "b": [1.0, "x", 2.0]}`,
    stringsText(),
  ];

  test('the module loaded without Buffer writes its runs through TextDecoder', () => {
    const decode = jest.spyOn(TextDecoder.prototype, 'decode');
    try {
      bare.stringifyPython(bare.parsePythonJson(texts[1]!));
      expect(decode).toHaveBeenCalled();
    } finally {
      decode.mockRestore();
    }
  });

  test('its texts are those of the Node path and what Python writes back', () => {
    expect(texts[3]!.length).toBeGreaterThan(2 * 1024 * 1024);
    const written = texts.map((text) => bare.stringifyPython(bare.parsePythonJson(text)));
    const golden = runOracle<Golden[]>('pyjson_golden.py', { mode: 'roundtrip', cases: written });
    written.forEach((text, index) => {
      expect(text).toBe(pyjson.stringifyPython(pyjson.parsePythonJson(texts[index]!)));
      expect(golden[index]).toEqual({ ok: text });
    });
  });
});
