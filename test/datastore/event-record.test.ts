/**
 * encode/decodeEventRecord against the real pynenc: the text EventRecord.to_json(app)
 * writes, the entries its MemClientDataStore stores, and EventRecord.from_json(text, app)
 * reading what TS wrote (test/datastore/oracle.ts).
 */
import { PyFloat, withPythonKeyOrder } from '../../src/pyjson';
import { ClientDataStore } from '../../src/datastore/client-data-store';
import { CorruptReferenceError, MissingReferenceError, SerializationError } from '../../src/datastore/errors';
import {
  decodeEventRecord,
  decodeEventRecords,
  encodeEventRecord,
  encodeEventRecords,
  payloadWireText,
  type EventRecordInput,
} from '../../src/datastore/event-record';
import { referenceKey } from '../../src/datastore/keys';
import { MemoryStore } from '../../src/datastore/memory-store';
import { PyOpaque, PySet, PyTuple, type PyValue } from '../../src/datastore/values';
import { toJson } from '../../src/codec';
import { ContractValidationError } from '../../src/validation';
import { BASE_RECORD, CountingBackend } from '../support/datastore';
import { oracle } from './oracle';

interface PayloadCase {
  expr: string;
  value: unknown;
}

const protoPayload: Record<string, PayloadCase> = {};
Object.defineProperty(protoPayload, '__proto__', {
  value: { expr: "{'k': 1}", value: { k: 1 } },
  enumerable: true,
  writable: true,
  configurable: true,
});

const RECORDS: Array<{ event_id: string; payload: Record<string, PayloadCase> }> = [
  {
    event_id: 'evt-small',
    payload: {
      order_id: { expr: '42', value: 42 },
      customer: { expr: "'ada'", value: 'ada' },
      amount: { expr: '10.0', value: new PyFloat(10) },
      tags: { expr: "('a', 'b')", value: PyTuple.fromItems(['a', 'b']) },
      raw: { expr: "b'\\x01\\x02'", value: new Uint8Array([1, 2]) },
    },
  },
  {
    event_id: 'evt-large',
    payload: {
      below: { expr: "'x' * 1021", value: 'x'.repeat(1021) },
      at: { expr: "'x' * 1022", value: 'x'.repeat(1022) },
      accents: { expr: "'é' * 200", value: 'é'.repeat(200) },
      lines: {
        expr: "[{'sku': f'S{i}', 'qty': i, 'price': i / 3} for i in range(60)]",
        value: Array.from({ length: 60 }, (_, i) => ({
          sku: `S${i}`,
          qty: i,
          price: i % 3 === 0 ? new PyFloat(i / 3) : i / 3,
        })),
      },
      ids: { expr: '{1, 2, 3}', value: PySet.fromItems([1, 2, 3]) },
    },
  },
  {
    event_id: 'evt-keys',
    payload: withPythonKeyOrder(
      {
        zeta: { expr: 'None', value: null },
        '10': { expr: "'ten'", value: 'ten' },
        '2': { expr: "'two'", value: 'two' },
        ключ: { expr: '[True, -0.0, 2**64]', value: [true, -0, 2n ** 64n] },
      },
      ['zeta', '10', '2', 'ключ'],
    ),
  },
  { event_id: 'evt-proto', payload: protoPayload },
  { event_id: 'evt-empty', payload: {} },
];

function tsRecord(r: (typeof RECORDS)[number]): EventRecordInput {
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(r.payload)) {
    Object.defineProperty(payload, key, {
      value: r.payload[key]!.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const order = orderedKeys(r.payload);
  return { ...BASE_RECORD, event_id: r.event_id, payload: withPythonKeyOrder(payload, order) };
}

function orderedKeys(obj: object): string[] {
  const order = (obj as Record<symbol, unknown>)[Symbol.for('pynenc-monitoring-contract.pyKeyOrder')];
  return Array.isArray(order) ? (order as string[]) : Object.keys(obj);
}

const python = oracle<{ texts: string[]; stored: Record<string, string> }>({
  op: 'event_to_json',
  records: RECORDS.map((r) => ({
    ...BASE_RECORD,
    event_id: r.event_id,
    payload: orderedKeys(r.payload).map((k) => [k, r.payload[k]!.expr]),
  })),
});

describe('encodeEventRecord writes what EventRecord.to_json(app) writes', () => {
  it('record texts and stored entries are identical to Python', async () => {
    const backend = new CountingBackend();
    const store = new ClientDataStore({ backend });
    const texts: string[] = [];
    for (const r of RECORDS) texts.push(await encodeEventRecord(tsRecord(r), store));
    expect(texts).toEqual(python.texts);
    const keys = Object.keys(python.stored);
    expect(keys.length).toBeGreaterThanOrEqual(3); // at, accents, lines
    expect(await backend.get(keys)).toEqual(keys.map((k) => python.stored[k]));
  });

  it('a batch stores everything with one backend set', async () => {
    const backend = new CountingBackend();
    const store = new ClientDataStore({ backend });
    const texts = await encodeEventRecords(RECORDS.map(tsRecord), store);
    expect(texts).toEqual(python.texts);
    expect(backend.count('set')).toBe(1);
    expect(backend.calls[0]!.size).toBe(Object.keys(python.stored).length);
  });

  it('Python reads what TypeScript wrote (same values back)', async () => {
    const backend = new MemoryStore();
    const store = new ClientDataStore({ backend });
    const texts = await encodeEventRecords(RECORDS.map(tsRecord), store);
    const refs = [...new Set(texts.flatMap((t) => t.match(/__pynenc__client_data__:[0-9a-f]{64}/g) ?? []))];
    const storedTexts = await backend.get(refs);
    const stored = Object.fromEntries(refs.map((k, i) => [k, storedTexts[i]!]));
    const read = oracle<Array<Record<string, string>>>({ op: 'event_from_json', texts, stored });
    const expected = oracle<Record<string, string>>({
      op: 'reprs',
      cases: RECORDS.flatMap((r) =>
        Object.keys(r.payload).map((k) => ({ id: `${r.event_id}/${k}`, expr: r.payload[k]!.expr })),
      ),
    });
    RECORDS.forEach((r, i) => {
      for (const k of Object.keys(r.payload))
        expect([r.event_id, k, read[i]![k]]).toEqual([r.event_id, k, expected[`${r.event_id}/${k}`]]);
    });
  });

  it('a payload string that already is a reference is written untouched (as Python)', async () => {
    const store = new ClientDataStore();
    const ref = referenceKey('"anything"');
    const text = await encodeEventRecord({ ...BASE_RECORD, event_id: 'e', payload: { r: ref } }, store);
    expect(JSON.parse(text).payload.r).toBe(ref);
  });
});

describe('decodeEventRecord reads what Python wrote', () => {
  function pythonStore(): { backend: CountingBackend; store: ClientDataStore } {
    const inner = new MemoryStore();
    void inner.set(Object.entries(python.stored));
    const backend = new CountingBackend(inner);
    return { backend, store: new ClientDataStore({ backend }) };
  }

  it('payload values are resolved; references with one backend get for the whole batch', async () => {
    const { backend, store } = pythonStore();
    const records = await decodeEventRecords(python.texts, store);
    expect(backend.count('get')).toBe(1);
    expect(backend.calls[0]!.size).toBe(Object.keys(python.stored).length);
    const small = records[0]!.payload;
    expect(small.order_id).toBe(42);
    expect(small.amount).toEqual(new PyFloat(10));
    expect(small.tags).toBeInstanceOf(PyTuple);
    expect(small.raw).toEqual(new Uint8Array([1, 2]));
    const large = records[1]!.payload;
    expect(large.at).toBe('x'.repeat(1022));
    expect(large.accents).toBe('é'.repeat(200));
    expect((large.lines as PyValue[]).length).toBe(60);
    expect(large.ids).toBeInstanceOf(PySet);
    expect(Object.keys(records[2]!.payload)).toEqual(['2', '10', 'zeta', 'ключ']); // JS order…
    expect(records[2]!.payload['ключ']).toEqual([true, -0, 2n ** 64n]);
    expect(Object.getOwnPropertyDescriptor(records[3]!.payload, '__proto__')!.value).toEqual({ k: 1 });
    expect(Object.getPrototypeOf(records[3]!.payload)).toBe(Object.prototype);
    expect(records[0]!.event_code).toBe('order.created');
  });

  it('re-encoding a decoded record is byte-identical, without serializing or writing again', async () => {
    const { backend, store } = pythonStore();
    const records = await decodeEventRecords(python.texts, store);
    const again = await encodeEventRecords(records, store);
    expect(again).toEqual(python.texts); // …but Python's key order is kept
    expect(backend.count('set')).toBe(0);
    expect(payloadWireText(records[1]!.payload, 'at')).toMatch(/^__pynenc__client_data__:/);
  });

  it('a spread record keeps the wire form; a replaced value alone is serialized again', async () => {
    const { backend, store } = pythonStore();
    const [rec] = await decodeEventRecords([python.texts[1]!], store);
    const edited = { ...rec!, event_code: 'order.updated' };
    edited.payload.below = 'y'.repeat(1100);
    const text = await encodeEventRecord(edited, store);
    const doc = JSON.parse(text) as { payload: Record<string, string>; event_code: string };
    expect(doc.event_code).toBe('order.updated');
    expect(doc.payload.below).toBe(referenceKey(JSON.stringify('y'.repeat(1100))));
    expect(doc.payload.at).toBe(JSON.parse(python.texts[1]!).payload.at);
    expect(backend.calls.filter((c) => c.op === 'set')).toEqual([{ op: 'set', size: 1 }]);
    expect(payloadWireText(edited.payload, 'below')).toBeUndefined();
  });

  it('decoded values are frozen: changing one means assigning a new value', async () => {
    const { store } = pythonStore();
    const rec = await decodeEventRecord(python.texts[1]!, store);
    expect(() => (rec.payload.lines as PyValue[]).push(1)).toThrow(TypeError);
  });

  it('into another store, references are written there (never left dangling)', async () => {
    const { store } = pythonStore();
    const rec = await decodeEventRecord(python.texts[1]!, store);
    const other = new CountingBackend();
    const text = await encodeEventRecord(rec, new ClientDataStore({ backend: other }));
    expect(text).toBe(python.texts[1]);
    expect(other.count('set')).toBe(1);
    const back = await decodeEventRecord(text, new ClientDataStore({ backend: other }));
    expect(back.payload.lines).toEqual(rec.payload.lines);
  });

  it('a value shared by py/id stays byte-identical when untouched', async () => {
    const shared = oracle<Array<{ jsonpickle: string }>>({
      op: 'texts',
      cases: [{ id: 's', expr: "(lambda x: [x, x])({'a': [1]})" }],
    })[0]!.jsonpickle;
    const text = toJson('EventRecord', { ...BASE_RECORD, event_id: 'e', payload: { s: shared } });
    const store = new ClientDataStore();
    const rec = await decodeEventRecord(text, store);
    const s = rec.payload.s as PyValue[];
    expect(s[1]).toBe(s[0]);
    expect(JSON.parse(await encodeEventRecord(rec, store)).payload.s).toBe(shared);
  });

  it('an opaque payload value is kept and written back unchanged', async () => {
    const exc = oracle<Array<{ jsonpickle: string }>>({
      op: 'texts',
      cases: [{ id: 'e', expr: "ValueError('bad')" }],
    })[0]!.jsonpickle;
    const store = new ClientDataStore();
    const text = toJson('EventRecord', { ...BASE_RECORD, event_id: 'e', payload: { err: exc } });
    const rec = await decodeEventRecord(text, store);
    expect(rec.payload.err).toBeInstanceOf(PyOpaque);
    // even in a brand-new record, the opaque value writes its exact text
    const copy = await encodeEventRecord({ ...BASE_RECORD, event_id: 'f', payload: { err: rec.payload.err } }, store);
    expect(JSON.parse(copy).payload.err).toBe(exc);
  });
});

describe('payload text another writer produced is written as Python writes its value', () => {
  // Raw UTF-8, compact separators, an exponent: what a non-Python writer may leave. pynenc's from_json then
  // to_json deserializes and serializes every value, so only a text Python itself writes comes back unchanged.
  const foreignStored = `"${'ü'.repeat(1100)}"`;
  const canonicalStored = JSON.stringify('x'.repeat(1100));
  const PAYLOADS: Array<Record<string, string>> = [
    { raw: '"ü"', compact: '{"a":1,"b":[1,2]}', exponent: '1E2', spaced: '[1 ,2]', plain: '{"a": 1}' },
    { foreign: referenceKey(foreignStored), canonical: referenceKey(canonicalStored), same: '"\\u00fc"' },
  ];
  const texts = PAYLOADS.map((payload, i) => toJson('EventRecord', { ...BASE_RECORD, event_id: `f${i}`, payload }));
  const stored = Object.fromEntries([foreignStored, canonicalStored].map((t) => [referenceKey(t), t]));
  const pythonRoundTrip = oracle<{ texts: string[]; stored: Record<string, string> }>({
    op: 'event_roundtrip',
    texts,
    stored,
  });

  it('decode then encode gives the bytes of EventRecord.from_json(text, app).to_json(app)', async () => {
    const inner = new MemoryStore();
    await inner.set(Object.entries(stored));
    const backend = new CountingBackend(inner);
    const store = new ClientDataStore({ backend });
    const records = await decodeEventRecords(texts, store);
    expect(await encodeEventRecords(records, store)).toEqual(pythonRoundTrip.texts);
    // Python stored the foreign value again under the key of its own text; so did this store, and only that.
    const keys = Object.keys(pythonRoundTrip.stored).sort();
    expect(keys.filter((k) => !(k in stored))).toHaveLength(1);
    expect(await inner.get(keys)).toEqual(keys.map((k) => pythonRoundTrip.stored[k]));
    expect(backend.calls.filter((c) => c.op === 'set')).toEqual([{ op: 'set', size: 1 }]);
  });

  it('what Python wrote comes back unchanged and is not written again; only the foreign texts changed', async () => {
    const backend = new CountingBackend();
    await backend.inner.set(Object.entries(pythonRoundTrip.stored));
    const store = new ClientDataStore({ backend });
    expect(await encodeEventRecords(await decodeEventRecords(pythonRoundTrip.texts, store), store)).toEqual(
      pythonRoundTrip.texts,
    );
    expect(backend.count('set')).toBe(0);
    const wires = (list: string[]) => list.map((t) => (JSON.parse(t) as { payload: Record<string, string> }).payload);
    const [before, after] = [wires(texts), wires(pythonRoundTrip.texts)];
    const changed = before.flatMap((p, i) => Object.keys(p).filter((k) => p[k] !== after[i]![k]));
    expect(changed.sort()).toEqual(['compact', 'exponent', 'foreign', 'raw', 'spaced']);
  });
});

describe('a value with a shared sub-object (jsonpickle py/id) keeps the text Python writes for it', () => {
  it('inline and stored: decode then encode gives the bytes of from_json then to_json, nothing written', async () => {
    const cases = [
      { id: 'small', expr: "(lambda x: [x, x])({'a': [1]})" },
      { id: 'large', expr: "(lambda x: [x, x, {'n': 'y' * 1100}])({'a': [1]})" },
    ];
    const py = oracle<Array<{ jsonpickle: string }>>({ op: 'texts', cases });
    const [small, large] = py.map((c) => c.jsonpickle);
    const stored = { [referenceKey(large!)]: large! };
    const payload = { small: small!, large: referenceKey(large!) };
    const texts = [toJson('EventRecord', { ...BASE_RECORD, event_id: 'shared', payload })];
    const pythonRoundTrip = oracle<{ texts: string[] }>({ op: 'event_roundtrip', texts, stored });
    const backend = new CountingBackend();
    await backend.inner.set(Object.entries(stored));
    const store = new ClientDataStore({ backend });
    const records = await decodeEventRecords(texts, store);
    expect(await encodeEventRecords(records, store)).toEqual(pythonRoundTrip.texts);
    expect(backend.count('set')).toBe(0);
  });
});

describe('an app with JsonSerializer and its own min_size_to_cache', () => {
  const CONFIG = { min_size_to_cache: 200 };
  const PAYLOAD: Array<[string, string, unknown]> = [
    ['tuple', "(1, 'a', (2.5,))", PyTuple.fromItems([1, 'a', PyTuple.fromItems([2.5])])],
    ['text', "'ü' * 40", 'ü'.repeat(40)],
    [
      'rows',
      "[{'n': i, 'ok': i % 2 == 0} for i in range(30)]",
      Array.from({ length: 30 }, (_, n) => ({ n, ok: n % 2 === 0 })),
    ],
    ['none', 'None', null],
  ];
  const record = (): EventRecordInput => ({
    ...BASE_RECORD,
    event_id: 'evt-json',
    payload: withPythonKeyOrder(
      Object.fromEntries(PAYLOAD.map(([k, , v]) => [k, v])),
      PAYLOAD.map(([k]) => k),
    ),
  });
  const py = oracle<{ texts: string[]; stored: Record<string, string> }>({
    op: 'event_to_json',
    serializer: 'JsonSerializer',
    config: CONFIG,
    records: [{ ...BASE_RECORD, event_id: 'evt-json', payload: PAYLOAD.map(([k, expr]) => [k, expr]) }],
  });
  const tsStore = (backend = new MemoryStore()) =>
    new ClientDataStore({ backend, serializer: 'JsonSerializer', minSizeToCache: CONFIG.min_size_to_cache });

  it('the record text and the stored entries are the ones pynenc writes', async () => {
    const backend = new MemoryStore();
    expect([await encodeEventRecord(record(), tsStore(backend))]).toEqual(py.texts);
    const keys = Object.keys(py.stored);
    expect(keys.length).toBeGreaterThanOrEqual(2); // text and rows went to the store
    expect(await backend.get(keys)).toEqual(keys.map((k) => py.stored[k]));
  });

  it('pynenc reads what TypeScript wrote as it reads what it wrote itself', async () => {
    const backend = new MemoryStore();
    const text = await encodeEventRecord(record(), tsStore(backend));
    const wires = Object.values(JSON.parse(text).payload as Record<string, string>);
    const refs = wires.filter((v) => v.startsWith('__pynenc__client_data__'));
    const storedTexts = await backend.get(refs);
    const stored = Object.fromEntries(refs.map((k, i) => [k, storedTexts[i]!]));
    const read = (texts: string[], entries: Record<string, string>) => {
      const request = { op: 'event_from_json', serializer: 'JsonSerializer', texts, stored: entries };
      return oracle<Array<Record<string, string>>>(request);
    };
    expect(read([text], stored)).toEqual(read(py.texts, py.stored));
    // JsonSerializer writes tuples as lists: TypeScript reads them as arrays
    expect((await decodeEventRecord(py.texts[0]!, tsStore(backend))).payload.tuple).toEqual([1, 'a', [2.5]]);
  });
});

describe('errors', () => {
  it('a missing reference names the key, the store, the payload key and the event', async () => {
    const store = new ClientDataStore({ backend: new MemoryStore('memory:empty') });
    const err = await decodeEventRecord(python.texts[1]!, store).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingReferenceError);
    const e = err as MissingReferenceError;
    expect(e.code).toBe('DATASTORE_MISSING_REFERENCE');
    expect(e.store).toBe('memory:empty');
    expect(e.payloadKey).toBe('at');
    expect(e.eventId).toBe('evt-large');
    expect(e.path).toBe('/payload/at');
    expect(e.message).toContain(e.key);
    expect(e.message).toContain('memory:empty');
  });

  it('a stored text that does not hash to its key is CorruptReferenceError', async () => {
    const inner = new MemoryStore();
    await inner.set(Object.entries(python.stored).map(([k, v]) => [k, v.replace('x', 'y')] as const));
    const err = await decodeEventRecord(python.texts[1]!, new ClientDataStore({ backend: inner })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CorruptReferenceError);
    expect((err as CorruptReferenceError).code).toBe('DATASTORE_CORRUPT_REFERENCE');
    expect((err as CorruptReferenceError).actualKey).toMatch(/^__pynenc__client_data__:[0-9a-f]{64}$/);
    expect((err as CorruptReferenceError).actualKey).not.toBe((err as CorruptReferenceError).key);
  });

  it('a value that cannot be serialized fails the whole batch and writes nothing', async () => {
    const backend = new CountingBackend();
    const store = new ClientDataStore({ backend });
    const good = tsRecord(RECORDS[1]!);
    const bad: EventRecordInput = {
      ...BASE_RECORD,
      event_id: 'evt-bad',
      payload: { ok: 'x'.repeat(5000), cb: { nested: [() => 1] } },
    };
    const err = await encodeEventRecords([good, bad], store).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SerializationError);
    const e = err as SerializationError;
    expect(e.payloadKey).toBe('cb');
    expect(e.eventId).toBe('evt-bad');
    expect(e.valuePath).toBe('/nested/0');
    expect(e.path).toBe('/payload/cb/nested/0');
    expect(e.message).toBe(
      'cannot serialize payload "cb" of event "evt-bad" at /nested/0: a function has no JSON form',
    );
    expect(backend.count('set')).toBe(0);
  });

  it('a record the contract rejects fails the batch before anything is written', async () => {
    const backend = new CountingBackend();
    const store = new ClientDataStore({ backend });
    const bad = { ...tsRecord(RECORDS[1]!), event_id: 'evt-2', timestamp: 'yesterday' };
    await expect(encodeEventRecords([tsRecord(RECORDS[1]!), bad], store)).rejects.toThrow(ContractValidationError);
    expect(backend.count('set')).toBe(0);
  });

  it('an undefined payload value is left out, like any undefined property', async () => {
    const text = await encodeEventRecord(
      { ...BASE_RECORD, event_id: 'e', payload: { a: 1, b: undefined } },
      new ClientDataStore(),
    );
    expect(JSON.parse(text).payload).toEqual({ a: '1' });
  });

  it('a payload that is not an object', async () => {
    const store = new ClientDataStore();
    await expect(
      encodeEventRecord({ ...BASE_RECORD, event_id: 'e', payload: null as unknown as Record<string, unknown> }, store),
    ).rejects.toThrow(ContractValidationError);
  });

  it('a backend failure on set propagates (and the texts are not returned)', async () => {
    const store = new ClientDataStore({
      backend: {
        description: 'broken',
        get: async () => [],
        set: async () => Promise.reject(new Error('disk full')),
        purge: async () => {},
        close: async () => {},
      },
    });
    await expect(encodeEventRecord(tsRecord(RECORDS[1]!), store)).rejects.toThrow('disk full');
  });
});
