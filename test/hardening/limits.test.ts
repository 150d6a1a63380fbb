/**
 * Read limits (maxDepth, maxDocumentLength, maxStringLength): defaults,
 * exact boundaries, the same verdict and error on the JSON.parse fast path
 * and in the exact parser, the fields of LimitExceededError, and the limits
 * reaching every reader (parsePythonJson, fromJson, fromJsonWithReport,
 * decodeEventRecord for the record and its payload texts, deserializeText,
 * the CLI's document reader).
 */
import { runOracleText } from '../support/pynenc-python';
import { withDefaults } from '../support/records';
import {
  ClientDataStore,
  MemoryStore,
  decodeEventRecord,
  deserializeText,
  referenceKey,
} from '../../src/entries/datastore';
import {
  DEFAULT_READ_LIMITS,
  InvalidOptionError,
  LimitExceededError,
  fromJson,
  fromJsonWithReport,
  type ReadLimits,
} from '../../src';
import { isPlainJson, parsePythonJson, stringifyPython } from '../../src/entries/pyjson';
import { parseDocument } from '../../src/cli/validate';

const PATHS = [true, false, 'sniff'] as const;

function limitError(run: () => unknown): LimitExceededError {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(LimitExceededError);
  return caught as LimitExceededError;
}

/** The same LimitExceededError on every parser path (the fast path cannot read past a limit). */
function onEveryPath(text: string, limits: ReadLimits): LimitExceededError {
  const errors = PATHS.map((fastPath) => limitError(() => parsePythonJson(text, { ...limits, fastPath })));
  for (const e of errors.slice(1)) {
    expect([e.code, e.path, e.offset, e.actual, e.message]).toEqual([
      errors[0]!.code,
      errors[0]!.path,
      errors[0]!.offset,
      errors[0]!.actual,
      errors[0]!.message,
    ]);
  }
  return errors[0]!;
}

function readsOnEveryPath(text: string, limits: ReadLimits): void {
  const out = PATHS.map((fastPath) => stringifyPython(parsePythonJson(text, { ...limits, fastPath })));
  expect(new Set(out).size).toBe(1);
}

test('defaults', () => {
  expect(DEFAULT_READ_LIMITS).toEqual({
    maxDepth: 1500,
    maxDocumentLength: 64 * 1024 * 1024,
    maxStringLength: 16 * 1024 * 1024,
  });
  expect(Object.isFrozen(DEFAULT_READ_LIMITS)).toBe(true);
});

describe('maxDepth', () => {
  const nested = (depth: number, open: string, close: string, inner = '0.5'): string =>
    `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

  test.each([
    ['arrays', '[', ']'],
    ['objects', '{"k": ', '}'],
    ['hostile keys', '{"__proto__": ', '}'],
  ])('%s: maxDepth levels read, one more refused, on every path', (_name, open, close) => {
    for (const max of [1, 2, 7, 1000]) {
      readsOnEveryPath(nested(max, open, close), { maxDepth: max });
      const e = onEveryPath(nested(max + 1, open, close), { maxDepth: max });
      expect([e.code, e.limit, e.max, e.actual]).toEqual(['LIMIT_DEPTH', 'maxDepth', max, max + 1]);
      expect(e.offset).toBe(open.length * max); // the bracket that goes one level too deep
      expect(e.path).toBe(open === '[' ? '/0'.repeat(max) : `/${open.slice(2, -3)}`.repeat(max));
    }
  });

  test('empty containers count as a level', () => {
    readsOnEveryPath('[[]]', { maxDepth: 2 });
    expect(onEveryPath('[[[]]]', { maxDepth: 2 }).path).toBe('/0/0');
    expect(onEveryPath('{"a": [1.5, {"b": {}}]}', { maxDepth: 3 }).path).toBe('/a/1/b');
  });

  test("Python's json.loads depth, measured: the default reads as deep as pynenc's Python, maxDepth deeper", () => {
    // The deepest nesting of arrays the Python pynenc runs on reads (bisection in one process): 3.12.1 reads 1497
    // (3.11 996, 3.13.0 9998: docs/python-oracles.md). The oracle's Python is 3.12, pynenc's minimum, and the
    // default reads all it reads.
    const bisect = [
      'import json',
      'def reads(d):',
      '    try:',
      '        json.loads("[" * d + "]" * d)',
      '        return True',
      '    except RecursionError:',
      '        return False',
      'lo, hi = 1, 1 << 20',
      'while lo + 1 < hi:',
      '    mid = (lo + hi) // 2',
      '    lo, hi = (mid, hi) if reads(mid) else (lo, mid)',
      'print(lo)',
    ].join('\n');
    const deepestPythonReads = Number(runOracleText({ code: bisect }, '').trim());
    expect(deepestPythonReads).toBeGreaterThanOrEqual(990);
    expect(deepestPythonReads).toBeLessThanOrEqual(DEFAULT_READ_LIMITS.maxDepth);
    readsOnEveryPath(nested(deepestPythonReads, '[', ']'), {});
    readsOnEveryPath(nested(1500, '[', ']'), {});
    expect(onEveryPath(nested(1501, '[', ']'), {}).actual).toBe(1501);
    readsOnEveryPath(nested(deepestPythonReads, '[', ']'), { maxDepth: deepestPythonReads });
    const beyond = onEveryPath(nested(deepestPythonReads + 1, '[', ']'), { maxDepth: deepestPythonReads });
    expect(beyond.actual).toBe(deepestPythonReads + 1);
  });

  test('a deep text cut off mid-way is still a limit error when it goes too deep first, else a syntax error', () => {
    expect(onEveryPath('['.repeat(100_000), {}).code).toBe('LIMIT_DEPTH');
    expect(() => parsePythonJson('['.repeat(50))).toThrow(expect.objectContaining({ code: 'PYJSON_SYNTAX' }));
  });

  test('Infinity turns it off', () => {
    for (const fastPath of PATHS) {
      let v = parsePythonJson(nested(50_000, '[', ']'), { maxDepth: Infinity, fastPath });
      let depth = 0;
      while (Array.isArray(v)) {
        v = v[0]!;
        depth++;
      }
      expect(depth).toBe(50_000);
    }
  });
});

describe('maxDocumentLength', () => {
  test('a text of exactly the limit reads; one code unit more is refused before parsing', () => {
    const text = '["abc", 0.5]';
    readsOnEveryPath(text, { maxDocumentLength: text.length });
    const e = onEveryPath(text, { maxDocumentLength: text.length - 1 });
    expect([e.code, e.limit, e.max, e.actual, e.offset, e.path]).toEqual([
      'LIMIT_DOCUMENT_SIZE',
      'maxDocumentLength',
      text.length - 1,
      text.length,
      0,
      '',
    ]);
    // refused before any parsing: not a syntax error for text that is not JSON at all
    expect(onEveryPath('x'.repeat(20), { maxDocumentLength: 10 }).code).toBe('LIMIT_DOCUMENT_SIZE');
  });

  test('isPlainJson (the fast path) says no to a text beyond the default', () => {
    expect(isPlainJson('"a"')).toBe(true);
  });
});

describe('maxStringLength', () => {
  test('values and keys; the unescaped length counts', () => {
    readsOnEveryPath('["abcd"]', { maxStringLength: 4 });
    const text = '{"a": ["x", "abcde"]}';
    const value = onEveryPath(text, { maxStringLength: 4 });
    expect([value.code, value.path, value.actual, value.offset, value.subject]).toEqual([
      'LIMIT_STRING_LENGTH',
      '/a/1',
      5,
      text.indexOf('"abcde"'),
      'value',
    ]);
    const key = onEveryPath('{"a": {"abcde": 0.5}}', { maxStringLength: 4 });
    expect([key.path, key.actual, key.subject]).toEqual(['/a', 5, 'key']);
    expect(key.message).toContain('a key of 5 UTF-16 code units');
    // six characters of text, one code unit of string
    readsOnEveryPath(`["${'\\u00e9'.repeat(4)}"]`, { maxStringLength: 4 });
    expect(onEveryPath(`["${'\\u00e9'.repeat(5)}"]`, { maxStringLength: 4 }).actual).toBe(5);
  });

  test('a top-level string', () => {
    expect(onEveryPath('"abcde"', { maxStringLength: 4 }).path).toBe('');
  });

  test('the default: a 17 MiB string is refused, a 16 MiB one read', () => {
    const big = 16 * 1024 * 1024;
    expect((parsePythonJson(`["${'x'.repeat(big)}"]`) as string[])[0]).toHaveLength(big);
    expect(limitError(() => parsePythonJson(`["${'x'.repeat(big + 1)}"]`)).actual).toBe(big + 1);
  });
});

test('bad limit values are an InvalidOptionError naming the option', () => {
  for (const [option, value] of [
    ['maxDepth', 0],
    ['maxDepth', -1],
    ['maxDepth', 1.5],
    ['maxDocumentLength', NaN],
    ['maxStringLength', '10'],
    ['maxStringLength', -Infinity],
  ] as const) {
    let caught: unknown;
    try {
      parsePythonJson('[]', { [option]: value } as ReadLimits);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidOptionError);
    expect((caught as InvalidOptionError).option).toBe(option);
    expect((caught as InvalidOptionError).code).toBe('INVALID_OPTION');
  }
  expect(parsePythonJson('[]', { maxDepth: Infinity, maxDocumentLength: Infinity, maxStringLength: 0 })).toEqual([]);
});

describe('fromJson and fromJsonWithReport', () => {
  const run = (preview: string): string =>
    `{"trigger_run_id": "r", "trigger_id": "t", "task_id_key": "k", "logic_value": "and", "arguments_preview": ${preview}}`;

  test.each([undefined, true, false, 'sniff'] as const)(
    'the error names the DTO and the path (fastPath %s)',
    (fastPath) => {
      const text = run('{"a": [[["x"]]]}');
      const depth = limitError(() => fromJson('TriggerRunRecord', text, { maxDepth: 4, fastPath }));
      expect([depth.dto, depth.path, depth.code]).toEqual([
        'TriggerRunRecord',
        '/arguments_preview/a/0/0',
        'LIMIT_DEPTH',
      ]);
      expect(depth.message).toBe(
        `TriggerRunRecord /arguments_preview/a/0/0: nesting of 5 levels exceeds maxDepth (4) at char ${text.indexOf('["x"]')}; expected at most 4 levels of nested arrays and objects`,
      );
      const str = limitError(() =>
        fromJsonWithReport('TriggerRunRecord', run(`{"a": "${'x'.repeat(25)}"}`), { maxStringLength: 20, fastPath }),
      );
      expect([str.dto, str.path]).toEqual(['TriggerRunRecord', '/arguments_preview/a']);
      const size = limitError(() => fromJson('EventMarker', '{}', { maxDocumentLength: 1, fastPath }));
      expect([size.dto, size.path]).toEqual(['EventMarker', '']);
    },
  );
});

describe('decodeEventRecord: the record and each payload text', () => {
  const RECORD = (payload: Record<string, string>): string =>
    stringifyPython(
      withDefaults('EventRecord', { event_id: 'e', event_code: 'c', timestamp: '2026-05-09T10:11:12+00:00', payload }),
    );

  test('an inline payload value nested too deep: located at /payload/<key>/…', async () => {
    const err = await decodeEventRecord(
      RECORD({ v: `{"a": ${'['.repeat(10)}${']'.repeat(10)}}` }),
      new ClientDataStore(),
      { maxDepth: 5 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitExceededError);
    expect([
      (err as LimitExceededError).dto,
      (err as LimitExceededError).path,
      (err as LimitExceededError).key,
    ]).toEqual(['EventRecord', '/payload/v/a/0/0/0/0', undefined]);
  });

  test('a stored text: its length, depth and strings are limited too, and the reference is named', async () => {
    const stored = `{"pad": "${'x'.repeat(3000)}"}`;
    const backend = new MemoryStore();
    await backend.set([[referenceKey(stored), stored]]);
    const text = RECORD({ big: referenceKey(stored) });
    const store = new ClientDataStore({ backend, localCacheSize: 0 });
    expect(((await decodeEventRecord(text, store)).payload.big as { pad: string }).pad).toHaveLength(3000);
    for (const [limits, code, path] of [
      [{ maxDocumentLength: 2000 }, 'LIMIT_DOCUMENT_SIZE', '/payload/big'],
      [{ maxStringLength: 2000 }, 'LIMIT_STRING_LENGTH', '/payload/big/pad'],
    ] as const) {
      const err = (await decodeEventRecord(text, store, limits).catch((e: unknown) => e)) as LimitExceededError;
      expect(err).toBeInstanceOf(LimitExceededError);
      expect(err.code).toBe(code);
      expect([err.dto, err.path, err.key]).toEqual(['EventRecord', path, referenceKey(stored)]);
      expect(err.message).toContain(`(text stored under ${referenceKey(stored)})`);
    }
    // A depth limit applies to the record first (its payload object is level 2).
    const shallow = (await decodeEventRecord(text, store, { maxDepth: 1 }).catch(
      (e: unknown) => e,
    )) as LimitExceededError;
    expect([shallow.code, shallow.path, shallow.key]).toEqual(['LIMIT_DEPTH', '/payload', undefined]);
  });

  test("deserializeText's shortcut for plain strings cannot read past maxStringLength", () => {
    expect(deserializeText('"abcd"', { maxStringLength: 4 })).toBe('abcd');
    expect(limitError(() => deserializeText('"abcde"', { maxStringLength: 4 })).code).toBe('LIMIT_STRING_LENGTH');
    expect(limitError(() => deserializeText('"abcde"', { maxDocumentLength: 6 })).code).toBe('LIMIT_DOCUMENT_SIZE');
  });
});

test('the CLI reports a document beyond the limits as a problem, not a crash', () => {
  const parsed = parseDocument(`{"a": ${'['.repeat(2000)}${']'.repeat(2000)}}`);
  expect(parsed.ok).toBe(false);
  expect(parsed.ok ? '' : parsed.message).toMatch(
    /^too large to read: \/a\/0\/0.*: nesting of 1501 levels exceeds maxDepth \(1500\)/,
  );
});
