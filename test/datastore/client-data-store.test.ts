/** ClientDataStore: pynenc's config semantics, the LRU, batching, and its error paths. */
import { ClientDataStore, DEFAULT_CLIENT_DATA_STORE_CONFIG } from '../../src/datastore/client-data-store';
import {
  CorruptReferenceError,
  DataStoreClosedError,
  DataStoreConfigError,
  MissingReferenceError,
  SerializationError,
} from '../../src/datastore/errors';
import { REFERENCE_PREFIX, isReference, referenceKey } from '../../src/datastore/keys';
import { LruCache } from '../../src/datastore/lru';
import { MemoryStore } from '../../src/datastore/memory-store';
import { serializeValue } from '../../src/datastore/serializer';
import { CountingBackend } from '../support/datastore';

const big = (n: number): string => 'v'.repeat(n - 2); // serialized length n (with the quotes)

function setup(config: ConstructorParameters<typeof ClientDataStore>[0] = {}) {
  const backend = new CountingBackend();
  const warnings: string[] = [];
  const store = new ClientDataStore({ backend, logger: { warn: (m) => warnings.push(m) }, ...config });
  return { backend, store, warnings };
}

describe('config', () => {
  it('defaults (their values are checked against pynenc in pynenc-semantics.test.ts): a MemoryStore, frozen', () => {
    const store = new ClientDataStore();
    expect(store.config).toMatchObject(DEFAULT_CLIENT_DATA_STORE_CONFIG);
    expect(store.backend).toBeInstanceOf(MemoryStore);
    expect(Object.isFrozen(store.config)).toBe(true);
  });

  it.each([
    ['minSizeToCache', -1],
    ['maxSizeToCache', 1.5],
    ['localCacheSize', Number.NaN],
    ['warnThreshold', '10'],
    ['disabled', 'yes'],
    ['serializer', 'PickleSerializer'],
    ['logger', {}],
  ])('rejects %s = %p', (option, value) => {
    let err: unknown;
    try {
      new ClientDataStore({ [option]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataStoreConfigError);
    expect((err as DataStoreConfigError).code).toBe('DATASTORE_CONFIG');
    expect((err as DataStoreConfigError).option).toBe(option);
  });

  it('undefined options take the default', () => {
    expect(new ClientDataStore({ minSizeToCache: undefined }).config.minSizeToCache).toBe(1024);
  });
});

describe('serialize', () => {
  it('below minSizeToCache: inline; at it: stored under the sha256 reference', async () => {
    const { store, backend } = setup();
    expect(await store.serialize(big(1023))).toBe(JSON.stringify(big(1023)));
    const ref = await store.serialize(big(1024));
    expect(ref).toBe(referenceKey(JSON.stringify(big(1024))));
    expect(await backend.inner.get([ref])).toEqual([JSON.stringify(big(1024))]);
    expect(backend.count('set')).toBe(1);
  });

  it('minSizeToCache is configurable (0 stores everything)', async () => {
    const { store } = setup({ minSizeToCache: 0 });
    expect(isReference(await store.serialize(null))).toBe(true);
  });

  it('disabled: always inline, nothing stored, even a reference-looking string is serialized', async () => {
    const { store, backend } = setup({ disabled: true });
    expect(await store.serialize(big(5000))).toBe(JSON.stringify(big(5000)));
    const ref = referenceKey('"x"');
    expect(await store.serialize(ref)).toBe(JSON.stringify(ref));
    expect(backend.count('set')).toBe(0);
  });

  it('disableCache: inline for that call only', async () => {
    const { store, backend } = setup();
    expect(await store.serialize(big(5000), { disableCache: true })).toBe(JSON.stringify(big(5000)));
    expect(backend.count('set')).toBe(0);
    expect(isReference(await store.serialize(big(5000)))).toBe(true);
  });

  it('a string that already is a reference is returned untouched (prefix test, as Python)', async () => {
    const { store, backend } = setup();
    const ref = referenceKey('"x"');
    expect(await store.serialize(ref)).toBe(ref);
    expect(await store.serialize(`${REFERENCE_PREFIX}garbage`)).toBe(`${REFERENCE_PREFIX}garbage`);
    expect(backend.count('set')).toBe(0);
    expect(store.isReference(`${REFERENCE_PREFIX}`)).toBe(true);
    expect(store.isReference(`x${REFERENCE_PREFIX}`)).toBe(false);
  });

  it('above maxSizeToCache: inline with a warning; at it: stored', async () => {
    const { store, warnings, backend } = setup({ maxSizeToCache: 2000 });
    expect(await store.serialize(big(2001))).toBe(JSON.stringify(big(2001)));
    expect(warnings).toEqual([
      'Value size (2001 chars) exceeds max_size_to_cache. Consider restructuring to use smaller values.',
    ]);
    expect(isReference(await store.serialize(big(2000)))).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(backend.count('set')).toBe(1);
  });

  it('above warnThreshold: stored with a warning; at it: no warning', async () => {
    const { store, warnings } = setup({ warnThreshold: 3000 });
    expect(isReference(await store.serialize(big(3000)))).toBe(true);
    expect(warnings).toEqual([]);
    expect(isReference(await store.serialize(big(3001)))).toBe(true);
    expect(warnings).toEqual([
      'Value size (3001 chars) exceeds warn_threshold. Consider restructuring to use smaller values.',
    ]);
  });

  it('the default logger is console.warn', async () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await new ClientDataStore({ warnThreshold: 1024 }).serialize(big(1025));
      expect(spy).toHaveBeenCalledWith(expect.stringContaining('exceeds warn_threshold'));
    } finally {
      spy.mockRestore();
    }
  });

  it('serializeMany writes with one set, deduplicated', async () => {
    const { store, backend } = setup();
    const wires = await store.serializeMany([big(2000), 1, big(2000), big(3000)]);
    expect(wires[0]).toBe(wires[2]);
    expect(wires[1]).toBe('1');
    expect(backend.calls).toEqual([{ op: 'set', size: 2 }]);
  });

  it('JsonSerializer mode writes tuples as lists', async () => {
    const { PyTuple } = await import('../../src/datastore/values');
    const { store } = setup({ serializer: 'JsonSerializer' });
    expect(await store.serialize(PyTuple.fromItems([1, 2]))).toBe('[1, 2]');
  });

  it('an unserializable value is a SerializationError and nothing is written', async () => {
    const { store, backend } = setup();
    const err = await store.serializeMany([big(5000), { f: () => 1 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SerializationError);
    expect((err as SerializationError).message).toBe('cannot serialize value at /f: a function has no JSON form');
    expect((err as SerializationError).payloadKey).toBeUndefined();
    expect(backend.count('set')).toBe(0);
  });
});

describe('resolve', () => {
  it('inline text is deserialized without touching the backend', async () => {
    const { store, backend } = setup();
    expect(await store.resolve('{"a": [1, 2]}')).toEqual({ a: [1, 2] });
    expect(backend.calls).toEqual([]);
  });

  it('resolveMany fetches all references not cached with one get (unique keys, in order)', async () => {
    const { store, backend } = setup();
    const [a, b] = await store.serializeMany([big(2000), big(3000)]);
    store.clearLocalCache();
    const out = await store.resolveMany([a!, '1', b!, a!, '"s"']);
    expect(out).toEqual([big(2000), 1, big(3000), big(2000), 's']);
    expect(backend.calls.filter((c) => c.op === 'get')).toEqual([{ op: 'get', size: 2 }]);
  });

  // Which entries the LRU holds after each step is checked against pynenc's in pynenc-semantics.test.ts.
  it('what serialize stored is cached as its text, read into a value once, on first use, then shared', async () => {
    const { store, backend } = setup();
    const [a] = await store.serializeMany([{ rows: [big(3000)] }]);
    expect(store.cachedReferences()).toEqual([a]);
    const first = await store.resolve(a!);
    expect(first).toEqual({ rows: [big(3000)] });
    expect(Object.isFrozen(first)).toBe(true);
    expect(await store.resolve(a!)).toBe(first);
    expect(backend.count('get')).toBe(0);
  });

  it('a batch fetches each missing reference once and caches it; a failed write caches nothing', async () => {
    const { store, backend } = setup({ localCacheSize: 2 });
    const [a, b] = await store.serializeMany([big(2001), big(2002)]);
    store.clearLocalCache();
    expect(await store.resolveMany([a!, b!, a!])).toEqual([big(2001), big(2002), big(2001)]);
    expect(backend.calls.filter((c) => c.op === 'get')).toEqual([{ op: 'get', size: 2 }]);
    expect(store.cachedReferences()).toEqual([a, b]);
    const down = { description: 'down', get: async () => [], set: async () => Promise.reject(new Error('down')) };
    const failing = new ClientDataStore({ backend: { ...down, purge: async () => {}, close: async () => {} } });
    await expect(failing.serialize(big(2003))).rejects.toThrow('down');
    expect(failing.cachedReferences()).toEqual([]);
  });

  it('localCacheSize 0 disables the cache', async () => {
    const { store, backend } = setup({ localCacheSize: 0 });
    const ref = await store.serialize(big(2000));
    await store.resolve(ref);
    await store.resolve(ref);
    expect(backend.count('get')).toBe(2);
  });

  it('an unknown reference is MissingReferenceError naming key and store', async () => {
    const { store } = setup();
    const ref = referenceKey('"nope"');
    const err = await store.resolve(ref).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingReferenceError);
    expect((err as MissingReferenceError).key).toBe(ref);
    expect((err as MissingReferenceError).store).toBe('counting(memory)');
    expect((err as Error).message).toBe(`reference ${ref} not found in counting(memory)`);
  });

  it('a malformed reference is looked up like any other (Python: KeyError) → MissingReferenceError', async () => {
    const { store } = setup();
    await expect(store.resolve(`${REFERENCE_PREFIX}:xyz`)).rejects.toThrow(MissingReferenceError);
  });

  it('stored text that does not hash to its key → CorruptReferenceError (Python would not notice)', async () => {
    const { store, backend } = setup();
    const ref = referenceKey('"original"');
    await backend.inner.set([[ref, '"tampered"']]);
    const err = await store.resolve(ref).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptReferenceError);
    expect((err as CorruptReferenceError).actualKey).toBe(referenceKey('"tampered"'));
    expect((err as Error).message).toBe(
      `reference ${ref} in counting(memory) is corrupt: stored text hashes to ${referenceKey('"tampered"')}`,
    );
  });

  it('purge clears the cache and the backend', async () => {
    const { store, backend } = setup();
    const ref = await store.serialize(big(2000));
    await store.resolve(ref);
    await store.purge();
    expect(store.cachedReferences()).toEqual([]);
    expect(backend.count('purge')).toBe(1);
    await expect(store.resolve(ref)).rejects.toThrow(MissingReferenceError);
  });

  it('after close every backend call fails with DataStoreClosedError', async () => {
    const store = new ClientDataStore({ backend: new MemoryStore() });
    await store.close();
    await expect(store.serialize(big(2000))).rejects.toThrow(DataStoreClosedError);
    await expect(store.resolve(referenceKey('"x"'))).rejects.toThrow(DataStoreClosedError);
    await expect(store.purge()).rejects.toThrow(DataStoreClosedError);
    const err = await store.backend.get([]).catch((e: unknown) => e);
    expect((err as DataStoreClosedError).code).toBe('DATASTORE_CLOSED');
    expect((err as Error).message).toBe('get on memory after close()');
  });

  it('inline values are checked too: serialize → resolve is the identity on Python-shaped values', async () => {
    const { store } = setup();
    const value = { a: [1, 2.5, 'é', null, true], b: { c: 2n ** 80n } };
    expect(await store.resolve(await store.serialize(value))).toEqual(value);
    expect(serializeValue(await store.resolve(await store.serialize(value)))).toBe(serializeValue(value));
  });
});

describe('backend entries are checked before anything is written', () => {
  it.each([
    ['not a pair', [['k']]],
    ['non-string text', [['k', 5]]],
  ])('%s → SerializationError (a typed error, issue 15: only ContractErrors)', async (_name, entries) => {
    const mem = new MemoryStore();
    await expect(mem.set(entries as unknown as Array<[string, string]>)).rejects.toThrow(SerializationError);
    expect(mem.size).toBe(0);
  });

  it('a lone surrogate (Python cannot encode it as UTF-8) → SerializationError, nothing written', async () => {
    const mem = new MemoryStore();
    await expect(
      mem.set([
        ['a', 'ok'],
        ['b', 'x\uD800'],
      ]),
    ).rejects.toThrow(SerializationError);
    expect(mem.size).toBe(0);
  });
});

describe('LruCache', () => {
  it('get marks most recently used; an absent key is undefined; capacity 0 holds nothing', () => {
    const lru = new LruCache<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    expect(lru.keys()).toEqual(['b', 'a']);
    expect(lru.get('zz')).toBeUndefined();
    const none = new LruCache<string, number>(0);
    none.set('a', 1);
    expect(none.size).toBe(0);
  });
});
