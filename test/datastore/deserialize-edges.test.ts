/**
 * deserializeText's edges (issue 15 #10): called directly (not only through ClientDataStore), an impossible tag
 * body, bad base64 / base85 or a py/id that is no index is a DeserializationError with its code, never an untyped
 * error; and with `maxDepth: Infinity` any depth the parser reads is read: every walk over the value (tags,
 * jsonpickle's object numbering, freezing) is iterative. Python's json.loads stops at ~1,500 levels
 * (docs/python-oracles.md), so depths beyond that have no Python answer: the values are checked by their shape.
 */
import { ContractError } from '../../src/errors';
import { DataStoreConfigError, DeserializationError } from '../../src/datastore/errors';
import { deserializeText, serializeValue } from '../../src/datastore/serializer';
import { PyOpaque, PySet, PyTuple, type PyValue } from '../../src/datastore/values';
import { InvalidOptionError, LimitExceededError } from '../../src/limits';
import { thrownBy } from '../support/thrown';

describe('issue 15 #10: malformed tags are DeserializationError from deserializeText itself', () => {
  it.each([
    ['py/tuple body not a list', '{"py/tuple": 5}', /py\/tuple body is not a list/],
    ['py/set body not a list', '{"py/set": {"a": 1}}', /py\/set body is not a list/],
    ['nested py/tuple body', '[1, {"py/tuple": [{"py/tuple": null}]}]', /py\/tuple body is not a list/],
    ['py/b64 not base64', '{"py/b64": "@@@"}', /not base64/],
    ['py/b64 not a string', '{"py/b64": 5}', /not base64/],
    ['py/b64 bad padding', '{"py/b64": "abc"}', /not base64/],
    ['py/b85 bad char', '{"py/b85": "ab\\""}', /outside base85/],
    ['py/b85 not a string', '{"py/b85": []}', /not a string/],
    ['py/b85 overflowing group', '{"py/b85": "~~~~~"}', /overflows/],
    ['py/id a string', '[{"py/id": "x"}]', /not an index/],
    ['py/id negative', '[{"py/id": -1}]', /not an index/],
    ['py/id a float', '[{"py/id": 1.5}]', /not an index/],
    ['inside an opaque object', '{"py/object": "m.C", "x": [{"py/tuple": 5}]}', null],
  ])('%s', (_name, text, message) => {
    if (message === null) {
      // a py/object stays opaque here: its state is not read, so its body raises nothing
      expect(deserializeText(text)).toBeInstanceOf(PyOpaque);
      return;
    }
    const err = thrownBy(() => deserializeText(text));
    expect(err).toBeInstanceOf(DeserializationError);
    expect(err).toMatchObject({ code: 'DATASTORE_DESERIALIZATION', key: undefined });
    expect((err as Error).message).toMatch(message);
  });

  it.each([[5], [null], [undefined], [{}], [['"x"']]])(
    'a text that is not a string (%p) is DeserializationError',
    (text) => {
      expect(thrownBy(() => deserializeText(text as unknown as string))).toBeInstanceOf(DeserializationError);
    },
  );

  it.each([[null], [5], ['deep'], [{ maxDepth: -1 }], [{ maxDepth: 'x' }]])(
    'limits %p are InvalidOptionError',
    (limits) => {
      expect(thrownBy(() => deserializeText('[1]', limits as never))).toBeInstanceOf(InvalidOptionError);
    },
  );

  it('a serializer name it does not know is DataStoreConfigError', () => {
    expect(thrownBy(() => serializeValue(1, 'PickleSerializer' as never))).toBeInstanceOf(DataStoreConfigError);
  });
});

/** Depth of the first-child chain: iterative, so it measures what a recursive walk could not. */
function chainDepth(value: PyValue): number {
  let depth = 0;
  let v: unknown = value;
  while (Array.isArray(v) || (v !== null && typeof v === 'object' && !(v instanceof PyOpaque))) {
    depth++;
    v = Array.isArray(v) ? v[0] : Object.values(v as object)[0];
  }
  return depth;
}

describe('issue 15 #10: maxDepth Infinity reads any depth (iterative walks)', () => {
  const INF = { maxDepth: Infinity };
  it.each([10_000, 100_000])('%i nested lists (no tags: freezing only)', (n) => {
    const value = deserializeText(`${'['.repeat(n)}7${']'.repeat(n)}`, INF);
    expect(chainDepth(value)).toBe(n);
    expect(Object.isFrozen(value)).toBe(true);
  });

  it.each([10_000, 100_000])('%i nested dicts with a tag at the bottom', (n) => {
    const value = deserializeText(`${'{"a": '.repeat(n)}{"py/tuple": [1, 2]}${'}'.repeat(n)}`, INF);
    expect(chainDepth(value)).toBe(n + 1);
    let v: unknown = value;
    for (let i = 0; i < n; i++) v = (v as Record<string, unknown>).a;
    expect(v).toBeInstanceOf(PyTuple);
    expect([...(v as PyTuple)]).toEqual([1, 2]);
  });

  it('20,000 nested py/tuple and py/set tags, then a py/id back to the outer list', () => {
    const n = 10_000;
    const text = `[${'{"py/tuple": [{"py/set": ['.repeat(n)}1${']}]}'.repeat(n)}, {"py/id": 0}]`;
    const value = deserializeText(text, INF) as PyValue[];
    let v: unknown = value[0];
    let shaped = 0;
    for (let i = 0; i < n; i++) {
      if (v instanceof PyTuple) shaped++;
      v = (v as PyTuple)[0];
      if (v instanceof PySet) shaped++;
      v = (v as PySet)[0];
    }
    expect([shaped, v]).toEqual([2 * n, 1]);
    expect(value[1]).toBe(value); // py/id 0 is the outer list, as jsonpickle numbers it
  });

  it('deep values inside opaque objects are counted without recursion (py/id after them stays consistent)', () => {
    const n = 50_000;
    const text = `[{"py/reduce": [${'['.repeat(n)}${']'.repeat(n)}]}, {"py/id": 0}]`;
    const value = deserializeText(text, INF) as PyValue[];
    expect(value[0]).toBeInstanceOf(PyOpaque);
    expect(value[1]).toBe(value);
  });

  it('the default maxDepth still refuses with a typed LimitExceededError', () => {
    const err = thrownBy(() => deserializeText(`${'['.repeat(5000)}${']'.repeat(5000)}`));
    expect(err).toBeInstanceOf(LimitExceededError);
    expect(err).toBeInstanceOf(ContractError);
  });
});
