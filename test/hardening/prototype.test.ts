/**
 * Prototype pollution: `__proto__`, `constructor` and `prototype` keys in
 * payload and arguments_preview (and nested anywhere) are kept as own data
 * properties, written back byte-identical, and never change Object.prototype
 * or the prototype of a record or value — through fromJson, decodeEventRecord
 * and parsePythonJson, on the JSON.parse fast path and in the exact parser.
 * The input texts are written by Python's json.dumps, so "byte-identical"
 * means identical to what Python writes.
 */
import { runOracleText } from '../support/pynenc-python';
import { withDefaults } from '../support/records';
import {
  ClientDataStore,
  MemoryStore,
  PyTuple,
  decodeEventRecord,
  encodeEventRecord,
  referenceKey,
} from '../../src/entries/datastore';
import { PyFloat, isPlainJson, parsePythonJson, stringifyPython } from '../../src/entries/pyjson';
import { fromJson, toJson } from '../../src';

const HOSTILE = ['__proto__', 'constructor', 'prototype'] as const;

/** json.dumps(json.loads(text)) by the Python pynenc runs on (the venv's): Python's bytes for the document. */
function pythonDumps(text: string): string {
  return runOracleText({ code: 'import json,sys; sys.stdout.write(json.dumps(json.loads(sys.stdin.read())))' }, text);
}

function expectUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(BASELINE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
}

const BASELINE = Object.getOwnPropertyNames(Object.prototype).sort();

/** Every key of HOSTILE is an own, enumerable data property of obj holding `expected`. */
function expectOwnData(obj: object, key: string, expected: unknown): void {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  expect(d).toBeDefined();
  expect(d!.enumerable).toBe(true);
  expect(d!.get).toBeUndefined();
  expect(d!.value).toEqual(expected);
}

/** Plain objects all the way down have Object.prototype (of some realm: jest runs in a vm context). */
function expectPlainPrototypes(value: unknown): void {
  if (value === null || typeof value !== 'object' || value instanceof PyFloat) return;
  if (Array.isArray(value)) {
    value.forEach(expectPlainPrototypes);
    return;
  }
  const proto = Object.getPrototypeOf(value) as object;
  expect(Object.getPrototypeOf(proto)).toBeNull();
  expect(Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf')).toBe(true);
  for (const k of Object.keys(value)) expectPlainPrototypes((value as Record<string, unknown>)[k]);
}

// Documents with hostile keys at every level; no integral numbers, so JSON.parse's fast path can take them.
const PYTHON_DOCS = [
  '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": ["a"]}',
  '[{"__proto__": {"__proto__": {"polluted": "deep"}}}, {"a": {"constructor": {"prototype": null}}}]',
  '{"x": 0.5, "__proto__": [1.5, {"__proto__": "s"}], "constructor": "c", "prototype": true}',
  '{"__proto__": {"polluted": 1}, "1": 2, "constructor": 3.0}', // integral numbers and an index key: the exact parser
].map(pythonDumps);

describe('parsePythonJson', () => {
  test.each(
    PYTHON_DOCS.flatMap((text) => ([true, false, 'sniff'] as const).map((fastPath) => [text, fastPath] as const)),
  )('%s (fastPath %s): keys kept as data, written back byte-identical', (text, fastPath) => {
    const value = parsePythonJson(text, { fastPath }) as Record<string, unknown> | unknown[];
    expectUntouched();
    expectPlainPrototypes(value);
    expect(stringifyPython(value)).toBe(text);
  });

  test('the fast path is taken for hostile keys, and agrees with the exact parser', () => {
    expect(isPlainJson(PYTHON_DOCS[0]!)).toBe(true);
    expect(isPlainJson(PYTHON_DOCS[3]!)).toBe(false);
    const fast = parsePythonJson(PYTHON_DOCS[0]!, { fastPath: true }) as Record<string, unknown>;
    const exact = parsePythonJson(PYTHON_DOCS[0]!, { fastPath: false }) as Record<string, unknown>;
    for (const v of [fast, exact]) {
      expectPlainPrototypes(v);
      expectOwnData(v, '__proto__', { polluted: 'yes' });
      expectOwnData(v, 'constructor', { prototype: { polluted: 'yes' } });
      expectOwnData(v, 'prototype', ['a']);
      expect((v as { polluted?: unknown }).polluted).toBeUndefined();
    }
  });

  test('a duplicate __proto__ key: the last value wins, still as data', () => {
    const text = '{"__proto__": {"a": 1}, "__proto__": {"polluted": 2}}';
    for (const fastPath of [true, false]) {
      const v = parsePythonJson(text, { fastPath }) as Record<string, unknown>;
      expectOwnData(v, '__proto__', { polluted: 2 });
      expect((v as { polluted?: unknown }).polluted).toBeUndefined();
      expect(stringifyPython(v)).toBe(pythonDumps(text));
    }
    expectUntouched();
  });
});

const RUN = pythonDumps(
  JSON.stringify(
    withDefaults('TriggerRunRecord', {
      trigger_run_id: 'run-1',
      trigger_id: 't',
      task_id_key: 'shop.tasks.ship',
      logic_value: 'and',
      arguments_preview: JSON.parse(
        '{"__proto__": {"polluted": "yes", "n": 1.0}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": [{"__proto__": 2}], "plain": 0.5}',
      ),
    }),
  ).replace('"n":1', '"n":1.0'),
);

const EVENT = pythonDumps(
  '{"event_id": "evt-1", "event_code": "c", "timestamp": "2026-05-09T10:11:12.345678+00:00", ' +
    '"payload": {"__proto__": "{\\"polluted\\": true}", "constructor": "{\\"prototype\\": {\\"polluted\\": true}}", "prototype": "[1]"}, ' +
    '"matched_condition_ids": [], "valid_condition_ids": [], "triggered_invocation_ids": [], ' +
    '"emitted_by_invocation_id": null, "emitted_by_task_id": null, "emitted_by_runner_context_id": null}',
);

describe('fromJson', () => {
  test.each([true, false, 'sniff'] as const)('TriggerRunRecord.arguments_preview (fastPath %s)', (fastPath) => {
    const run = fromJson('TriggerRunRecord', RUN, { fastPath });
    expectUntouched();
    expectPlainPrototypes(run);
    const preview = run.arguments_preview as Record<string, unknown>;
    expect(Object.keys(preview)).toEqual(['__proto__', 'constructor', 'prototype', 'plain']);
    expectOwnData(preview, 'constructor', { prototype: { polluted: 'yes' } });
    expect((preview as { polluted?: unknown }).polluted).toBeUndefined();
    expect(toJson('TriggerRunRecord', run)).toBe(RUN);
  });

  test.each([true, false] as const)('EventRecord.payload (fastPath %s)', (fastPath) => {
    const record = fromJson('EventRecord', EVENT, { fastPath });
    expectUntouched();
    expectPlainPrototypes(record);
    expectOwnData(record.payload, '__proto__', '{"polluted": true}');
    expect(Object.keys(record.payload)).toEqual([...HOSTILE]);
    expect(toJson('EventRecord', record)).toBe(EVENT);
  });

  test('hostile keys at the top level of a record are unknown keys, dropped and reported, never a prototype', () => {
    const text = EVENT.replace(
      '{"event_id"',
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "event_id"',
    );
    for (const fastPath of [true, false]) {
      const unknown: string[] = [];
      const record = fromJson('EventRecord', text, { fastPath, onUnknownKey: (u) => unknown.push(u.path) });
      expect(unknown).toEqual(['/__proto__', '/constructor']);
      expect(Object.getPrototypeOf(Object.getPrototypeOf(record))).toBeNull();
      expect((record as { polluted?: unknown }).polluted).toBeUndefined();
      expect(toJson('EventRecord', record)).toBe(EVENT);
    }
    expectUntouched();
  });
});

describe('decodeEventRecord', () => {
  test('payload keys and keys inside payload values (inline and stored) stay data; re-encoding is byte-identical', async () => {
    const big = `{"__proto__": {"polluted": "stored"}, "pad": "${'x'.repeat(2000)}"}`;
    const backend = new MemoryStore();
    await backend.set([[referenceKey(big), big]]);
    const store = new ClientDataStore({ backend });
    // (An object literal's __proto__ sets the prototype, so the payload text is written by hand.)
    const payloadText =
      '{"__proto__": "{\\"__proto__\\": {\\"polluted\\": true}}", "constructor": "{\\"prototype\\": {\\"polluted\\": true}}", ' +
      `"prototype": "{\\"__proto__\\": {\\"py/tuple\\": [1, 2]}}", "stored": "${referenceKey(big)}"}`;
    const doc = pythonDumps(EVENT.replace(/"payload": \{.*?\}, "matched/, `"payload": ${payloadText}, "matched`));
    for (let round = 0; round < 2; round++) {
      // round 2 resolves the stored value from the local cache
      const record = await decodeEventRecord(doc, store);
      expectUntouched();
      expect(Object.keys(record.payload)).toEqual(['__proto__', 'constructor', 'prototype', 'stored']);
      expectOwnData(record.payload, '__proto__', JSON.parse('{"__proto__": {"polluted": true}}'));
      expectOwnData(record.payload, 'constructor', { prototype: { polluted: true } });
      const proto = record.payload.prototype as Record<string, unknown>;
      expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
      expectOwnData(proto, '__proto__', PyTuple.fromItems([1, 2]));
      expect(proto.__proto__).toBeInstanceOf(PyTuple);
      const stored = record.payload.stored as Record<string, unknown>;
      expectOwnData(stored, '__proto__', { polluted: 'stored' });
      expect(Object.keys(stored)).toEqual(['__proto__', 'pad']);
      expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
      expect(await encodeEventRecord(record, store)).toBe(doc);
    }
  });

  test('a record whose payload is rebuilt keeps hostile keys as data when encoded', async () => {
    const store = new ClientDataStore();
    const record = await decodeEventRecord(EVENT, store);
    const payload: Record<string, unknown> = {};
    for (const k of HOSTILE)
      Object.defineProperty(payload, k, {
        value: { polluted: k },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    const text = await encodeEventRecord({ ...record, payload }, store);
    const again = await decodeEventRecord(text, store);
    for (const k of HOSTILE) expectOwnData(again.payload, k, { polluted: k });
    expectUntouched();
  });
});
