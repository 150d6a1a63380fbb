/**
 * EventRecord hooks: the record's payload values go through the client data
 * store exactly as in Python's EventRecord.to_json(app) / from_json(text, app).
 *
 * - encode: each payload value → `store.serialize(value)` (inline text or a
 *   reference), then the record → src/codec `toJson('EventRecord', …)`. Every
 *   entry to store is collected first and written with ONE backend `set` after
 *   all records of the call were written to text, so a failure writes nothing.
 * - decode: src/codec `fromJson('EventRecord', text)`, then every payload text
 *   is resolved; all references of the call are fetched with ONE backend `get`.
 *   The decoded record remembers each value's wire text: encoding it again
 *   reuses that text for every value that is still the same (values are
 *   frozen, so "the same" means identical) when it is exactly what Python
 *   writes for that value, without writing the stored text again. A text
 *   another writer produced (raw UTF-8 `"ü"`, compact `{"a":1}`) is written
 *   as Python writes the value (`"\u00fc"`, `{"a": 1}`): pynenc deserializes
 *   and serializes every payload value.
 */
import type { EventRecord } from '../../generated/types';
import { fromJson, type FromJsonOptions } from '../codec/read';
import { toJson } from '../codec/write';
import { pythonKeyOrder, withPythonKeyOrder } from '../pyjson/values';
import { ContractValidationError } from '../validation';
import { makeIssue } from '../validation/errors';
import type { DataStoreBackend } from './backend';
import { ClientDataStore, type PendingEntries } from './client-data-store';
import { DataStoreConfigError, SerializationError } from './errors';
import { InvalidOptionError } from '../limits';
import { PyOpaque, type PyValue } from './values';
import { defineOwn, isNonArrayObject } from '../spec/json-value';
import { parsePythonJson } from '../pyjson/parse';
import { stringifyPython } from '../pyjson/stringify';
import { isReference } from './keys';

/** An EventRecord whose payload holds values (not yet serialized), as Python's EventRecord holds them. */
export type EventRecordInput = Omit<EventRecord, 'payload'> & { payload: Record<string, unknown> };

/** An EventRecord read back with its payload resolved to values (frozen; Uint8Array excepted). */
export type DecodedEventRecord = Omit<EventRecord, 'payload'> & { payload: Record<string, PyValue> };

const WIRE: unique symbol = Symbol('pynenc-monitoring-contract.payloadWire');

interface WireForm {
  /** The backend the references were resolved from: reused only when encoding into the same one. */
  backend: DataStoreBackend;
  /** payload key → the value decode produced and the text it was read from. */
  entries: Map<string, { value: PyValue; wire: string }>;
}

/**
 * The wire text (inline serialized value or reference) a decoded payload value
 * was read from, while `payload[key]` is still that value; undefined otherwise.
 */
export function payloadWireText(payload: Record<string, unknown>, key: string): string | undefined {
  if (payload === null || typeof payload !== 'object') return undefined;
  const form = (payload as { [WIRE]?: WireForm })[WIRE];
  const entry = form?.entries.get(key);
  return entry && Object.prototype.hasOwnProperty.call(payload, key) && Object.is(payload[key], entry.value)
    ? entry.wire
    : undefined;
}

/** Writes `record` as Python's `EventRecord.to_json(app)` does, storing large payload values in `store`. */
export async function encodeEventRecord(
  record: EventRecordInput | DecodedEventRecord,
  store: ClientDataStore,
): Promise<string> {
  checkStore(store);
  const pending: PendingEntries = new Map();
  const text = encodeInto(record, store, pending, undefined);
  await store.flush(pending);
  return text;
}

/** encodeEventRecord for a batch: one backend `set` for all their stored values, none if any record fails. */
export async function encodeEventRecords(
  records: ReadonlyArray<EventRecordInput | DecodedEventRecord>,
  store: ClientDataStore,
): Promise<string[]> {
  checkStore(store);
  if (!Array.isArray(records)) throw new DataStoreConfigError('records', 'an array of EventRecords', records);
  const pending: PendingEntries = new Map();
  const texts = records.map((record, i) => encodeInto(record, store, pending, i));
  await store.flush(pending);
  return texts;
}

/**
 * Reads a record as Python's `EventRecord.from_json(text, app)` does, resolving its payload through `store`.
 * The read limits in `options` apply to the record's text and to every payload value's text (inline or stored).
 */
export async function decodeEventRecord(
  text: string,
  store: ClientDataStore,
  options?: FromJsonOptions,
): Promise<DecodedEventRecord> {
  return (await decodeEventRecords([text], store, options))[0]!;
}

/** decodeEventRecord for a batch: every reference of every record is fetched with one backend `get`. */
export async function decodeEventRecords(
  texts: readonly string[],
  store: ClientDataStore,
  options?: FromJsonOptions,
): Promise<DecodedEventRecord[]> {
  checkStore(store);
  if (!Array.isArray(texts)) throw new DataStoreConfigError('texts', 'an array of EventRecord JSON texts', texts);
  if (options !== undefined && (options === null || typeof options !== 'object'))
    throw new InvalidOptionError('options', 'an options object', options);
  const records = texts.map((text) => {
    if (typeof text !== 'string') {
      const received = text === null ? 'null' : typeof text;
      throw new ContractValidationError('EventRecord', [
        makeIssue({ path: '', keyword: 'type', expected: "the record's JSON text (a string)", received }),
      ]);
    }
    return fromJson('EventRecord', text, options);
  });
  const wires: string[] = [];
  const keys: string[] = [];
  const recordOf: number[] = [];
  for (let recordIndex = 0; recordIndex < records.length; recordIndex++) {
    const payload = records[recordIndex]!.payload;
    for (const key of Object.keys(payload)) {
      wires.push(payload[key]!);
      keys.push(key);
      recordOf.push(recordIndex);
    }
  }
  const values = await store.resolveMany(
    wires,
    (i) => ({ payloadKey: keys[i]!, eventId: records[recordOf[i]!]!.event_id }),
    options,
  );
  const out: DecodedEventRecord[] = new Array(records.length);
  let wireIndex = 0;
  for (let recordIndex = 0; recordIndex < records.length; recordIndex++) {
    const record = records[recordIndex]!;
    const payload: Record<string, PyValue> = {};
    const entries = new Map<string, { value: PyValue; wire: string }>();
    for (; wireIndex < wires.length && recordOf[wireIndex] === recordIndex; wireIndex++) {
      defineOwn(payload, keys[wireIndex]!, values[wireIndex]!);
      entries.set(keys[wireIndex]!, { value: values[wireIndex]!, wire: wires[wireIndex]! });
    }
    const order = pythonKeyOrder(record.payload);
    if (order) withPythonKeyOrder(payload, order);
    Object.defineProperty(payload, WIRE, {
      value: { backend: store.backend, entries } satisfies WireForm,
      enumerable: false,
    });
    out[recordIndex] = { ...record, payload };
  }
  return out;
}

function encodeInto(
  record: EventRecordInput | DecodedEventRecord,
  store: ClientDataStore,
  pending: PendingEntries,
  recordIndex: number | undefined,
): string {
  const payload = record?.payload as Record<string, unknown> | undefined;
  if (!isNonArrayObject(payload)) {
    throw new ContractValidationError('EventRecord', [
      makeIssue({ path: '/payload', keyword: 'type', expected: 'an object of payload values' }),
    ]);
  }
  const form = (payload as { [WIRE]?: WireForm })[WIRE];
  const reuse = form !== undefined && form.backend === store.backend ? form.entries : undefined;
  const eventId = typeof record.event_id === 'string' ? record.event_id : undefined;
  const wire: Record<string, string> = {};
  for (const key of Object.keys(payload)) {
    const value = payload[key];
    if (value === undefined) continue; // an absent value, as for any object property (JSON.stringify drops it too)
    const known = reuse?.get(key);
    const unchanged = known !== undefined && Object.is(known.value, value) && !(value instanceof Uint8Array);
    // An unchanged value's stored text is in the backend already: what serializing it would store is kept apart.
    const collect = unchanged ? new Map<string, string>() : pending;
    let text: string;
    try {
      text = store.serializeDeferred(value, collect);
    } catch (err) {
      // A value read from a text this package cannot write (a dict holding a key pynenc's JsonSerializer reserves,
      // which jsonpickle writes as is; a py/id cycle) keeps the text it was read from: it is what pynenc wrote.
      if (err instanceof SerializationError && unchanged) {
        defineOwn(wire, key, known!.wire);
        continue;
      }
      if (err instanceof SerializationError) throw err.at({ payloadKey: key, eventId, recordIndex });
      throw err;
    }
    if (collect !== pending) {
      // The wire text read is reused (nothing written) only when it is what Python writes for the value.
      if (text !== known!.wire && keepsSharedText(known!.wire, value)) text = known!.wire;
      else if (text !== known!.wire) for (const [ref, stored] of collect) pending.set(ref, stored);
    }
    defineOwn(wire, key, text);
  }
  const order = pythonKeyOrder(payload);
  if (order) withPythonKeyOrder(wire, order);
  return toJson('EventRecord', { ...record, payload: wire } as EventRecord);
}

/**
 * jsonpickle writes a sub-object it meets twice as `{"py/id": n}`; serializeValue writes it out in full (a value
 * built in JS has no shared objects). So the text read is kept for a value holding one: inline when
 * `json.dumps(json.loads(text))` gives it back (Python's separators, escapes and numbers throughout); a reference as
 * it is (its stored text is not at hand; the store checked it hashes to the reference when it was read).
 */
function keepsSharedText(wire: string, value: unknown): boolean {
  if (isReference(wire)) return holdsSharedObject(value);
  return wire.includes('"py/id"') && stringifyPython(parsePythonJson(wire)) === wire;
}

/** Whether an array or object is met twice inside `value` (as decoding `py/id` makes). */
function holdsSharedObject(value: unknown): boolean {
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object' || node instanceof PyOpaque || node instanceof Uint8Array) continue;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) pending.push(child);
  }
  return false;
}

function checkStore(store: unknown): void {
  if (!(store instanceof ClientDataStore)) throw new DataStoreConfigError('store', 'a ClientDataStore', store);
}
