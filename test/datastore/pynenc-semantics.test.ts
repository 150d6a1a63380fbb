/**
 * ClientDataStore's config semantics and LRU, decided by the real pynenc: the same steps run on a real
 * MemClientDataStore (a Pynenc app configured with the same values, test/datastore/oracle.ts `pythonSession`)
 * and on ClientDataStore + a counting MemoryStore; per step the wire text, the size warnings, the backend reads
 * and writes and the keys of the process-local LRU (oldest first) must be the same.
 */
import {
  ClientDataStore,
  DEFAULT_CLIENT_DATA_STORE_CONFIG,
  type ClientDataStoreConfig,
} from '../../src/datastore/client-data-store';
import { CorruptReferenceError, DeserializationError, MissingReferenceError } from '../../src/datastore/errors';
import { REFERENCE_PREFIX, referenceKey } from '../../src/datastore/keys';
import { CountingBackend } from '../support/datastore';
import { oracle, pythonSession, type SessionResult, type SessionStep } from './oracle';

/** pynenc's ConfigClientDataStore names → ClientDataStoreConfig names. */
const TS_OPTION = {
  disable_client_data_store: 'disabled',
  min_size_to_cache: 'minSizeToCache',
  max_size_to_cache: 'maxSizeToCache',
  local_cache_size: 'localCacheSize',
  warn_threshold: 'warnThreshold',
} as const satisfies Record<string, keyof ClientDataStoreConfig>;
type PyConfig = Partial<Record<keyof typeof TS_OPTION, number | boolean>>;

/** A step for both sides: a serialize step carries the TS value of its Python expression. */
type SerializeStep = { op: 'serialize'; expr: string; value: unknown; disable_cache?: boolean };
type Step = Exclude<SessionStep, { op: 'serialize' }> | SerializeStep;

/** A string whose serialized text (quotes included) is `n` characters. */
const sized = (ch: string, n: number): SerializeStep => ({
  op: 'serialize',
  expr: `'${ch}' * ${n - 2}`,
  value: ch.repeat(n - 2),
});

/** What one step did, in the terms pynenc's session reports (errors by Python exception name). */
type Outcome = Omit<SessionResult, 'repr'>;

const PY_EXCEPTION_OF: ReadonlyArray<readonly [new (...args: never[]) => Error, string]> = [
  [MissingReferenceError, 'KeyError'],
];

async function tsSession(steps: readonly Step[], config: PyConfig): Promise<Outcome[]> {
  const backend = new CountingBackend();
  const warnings: string[] = [];
  const options: Partial<ClientDataStoreConfig> = {};
  for (const [name, value] of Object.entries(config)) {
    (options as Record<string, unknown>)[TS_OPTION[name as keyof PyConfig]] = value;
  }
  const store = new ClientDataStore({ backend, logger: { warn: (m) => warnings.push(m) }, ...options });
  const wires: Array<string | undefined> = [];
  const out: Outcome[] = [];
  for (const step of steps) {
    const calls = backend.calls.length;
    warnings.length = 0;
    const result: Partial<Outcome> = {};
    try {
      if (step.op === 'serialize') {
        const wire = await store.serialize(step.value, { disableCache: step.disable_cache });
        Object.assign(result, { wire, is_reference: store.isReference(wire) });
      } else if (step.op === 'resolve') await store.resolve('step' in step ? wires[step.step]! : step.text);
      else if (step.op === 'purge') await store.purge();
      else await backend.inner.set([[step.key, step.text]]);
    } catch (err) {
      const py = PY_EXCEPTION_OF.find(([cls]) => err instanceof cls)?.[1] ?? (err as Error).constructor.name;
      result.error = py;
    }
    wires.push(result.wire);
    const made = backend.calls.slice(calls);
    const sum = (op: string): number => made.filter((c) => c.op === op).reduce((n, c) => n + c.size, 0);
    const stored = step.op === 'put' ? 0 : sum('set');
    out.push({
      ...result,
      warnings: [...warnings],
      retrieved: sum('get'),
      stored,
      cache: store.cachedReferences(),
    } as Outcome);
  }
  return out;
}

/** Python's outcome with its error reduced to the exception name (the message is Python's own). */
function pyOutcomes(steps: readonly Step[], config: PyConfig): Outcome[] {
  const pySteps = steps.map((s) =>
    s.op === 'serialize' ? { op: s.op, expr: s.expr, disable_cache: s.disable_cache } : s,
  );
  return pythonSession(pySteps as SessionStep[], config).map(({ repr: _repr, error, ...rest }) => ({
    ...rest,
    ...(error !== undefined ? { error: error.split(':')[0]! } : {}),
  }));
}

async function expectSameAsPynenc(steps: readonly Step[], config: PyConfig): Promise<Outcome[]> {
  const py = pyOutcomes(steps, config);
  const ts = await tsSession(steps, config);
  expect(ts.map((o, i) => ({ step: i, ...o }))).toEqual(py.map((o, i) => ({ step: i, ...o })));
  return py;
}

const A = sized('a', 2001);
const B = sized('b', 2002);
const C = sized('c', 2003);
const REF = referenceKey('"x"');

describe('config', () => {
  it('the defaults are those of a Pynenc app built with no config values', () => {
    const py = oracle<Record<string, unknown>>({ op: 'defaults' });
    const ts = new ClientDataStore();
    expect(ts.config).toMatchObject({
      disabled: py.disable_client_data_store,
      minSizeToCache: py.min_size_to_cache,
      maxSizeToCache: py.max_size_to_cache,
      localCacheSize: py.local_cache_size,
      warnThreshold: py.warn_threshold,
      serializer: py.serializer_cls,
    });
    expect(DEFAULT_CLIENT_DATA_STORE_CONFIG).toMatchObject({ minSizeToCache: py.min_size_to_cache });
    expect(py.client_data_store_cls).toBe('MemClientDataStore');
    expect(ts.backend.description).toBe('memory');
  });
});

describe('size thresholds, as pynenc applies them', () => {
  it.each<[string, PyConfig, Step[]]>([
    [
      'defaults: below min inline, at min stored (twice: written again), disable_cache, references untouched',
      {},
      [
        sized('v', 1023),
        sized('v', 1024),
        sized('v', 1024),
        { ...sized('w', 5000), disable_cache: true },
        { op: 'serialize', expr: `'${REF}'`, value: REF },
        { op: 'serialize', expr: `'${REFERENCE_PREFIX}garbage'`, value: `${REFERENCE_PREFIX}garbage` },
        { op: 'serialize', expr: `'${REF}'`, value: REF, disable_cache: true },
        { op: 'serialize', expr: 'None', value: null },
      ],
    ],
    [
      'min_size_to_cache 0 stores everything',
      { min_size_to_cache: 0 },
      [{ op: 'serialize', expr: 'None', value: null }, sized('s', 2)],
    ],
    [
      'max_size_to_cache: above inline with a warning, at it stored',
      { max_size_to_cache: 2000 },
      [sized('m', 2001), sized('m', 2000)],
    ],
    [
      'warn_threshold: above stored with a warning, at it silent',
      { warn_threshold: 3000 },
      [sized('t', 3000), sized('t', 3001)],
    ],
    [
      'both limits',
      { max_size_to_cache: 1500, warn_threshold: 1200 },
      [sized('p', 1300), sized('q', 1600), sized('r', 1100)],
    ],
    ['max below min', { min_size_to_cache: 10, max_size_to_cache: 5 }, [sized('k', 20), sized('k', 8)]],
    [
      'disabled: inline, a reference string serialized like any string',
      { disable_client_data_store: true },
      [sized('d', 5000), { op: 'serialize', expr: `'${REF}'`, value: REF }],
    ],
  ])('%s', async (_name, config, steps) => {
    await expectSameAsPynenc(steps, config);
  });
});

describe("the process-local LRU holds what pynenc's holds", () => {
  it('serialize caches what it stored; resolve reads through the LRU; oldest evicted first', async () => {
    const steps: Step[] = [
      A,
      B,
      C,
      { op: 'resolve', step: 0 },
      { op: 'resolve', step: 1 },
      { op: 'resolve', step: 0 },
      { op: 'resolve', step: 2 },
      A, // cached, stored again while the LRU is full: the oldest (itself) is evicted, then added again
      B,
      B, // cached but not the oldest: the oldest is evicted and B keeps its place (the LRU holds one entry)
      { op: 'resolve', step: 0 },
      { op: 'resolve', text: '1' },
      { op: 'purge' },
      { op: 'resolve', step: 0 },
    ];
    const py = await expectSameAsPynenc(steps, { local_cache_size: 2 });
    expect(py.map((o) => o.retrieved)).toContain(1); // the sample reads through to the backend…
    expect(py.slice(0, 3).every((o) => o.cache.length > 0)).toBe(true); // …and serialize fills the LRU
    expect(py[9]!.cache).toHaveLength(1);
  });

  it('a large LRU: nothing read twice', async () => {
    const steps: Step[] = [A, B, { op: 'resolve', step: 0 }, { op: 'resolve', step: 1 }, { op: 'resolve', step: 0 }];
    await expectSameAsPynenc(steps, {});
  });
});

describe('where this port deliberately differs (each checked against pynenc, so a change there shows up here)', () => {
  it('local_cache_size 0: pynenc fails to store (KeyError from its empty LRU); here it disables the LRU', async () => {
    const [py] = pythonSession([{ op: 'serialize', expr: A.expr }], { local_cache_size: 0 });
    expect(py!.error).toBe("KeyError: 'dictionary is empty'");
    expect(py!.stored).toBe(1); // it wrote the entry, then failed while caching the value
    const [ts] = await tsSession([A], { local_cache_size: 0 });
    expect(ts).toMatchObject({ is_reference: true, stored: 1, cache: [] });
  });

  it('a text that is not JSON: pynenc (jsonpickle) falls back to YAML; here it is DeserializationError', async () => {
    const texts = ['', 'abc', 'key: [1, 2]', 'yes', '{"a": '];
    const py = pythonSession(texts.map((text) => ({ op: 'resolve', text })));
    expect(py.filter((o) => o.repr !== undefined).length).toBeGreaterThanOrEqual(4); // pynenc reads these as values
    const store = new ClientDataStore();
    for (const text of texts) await expect(store.resolve(text)).rejects.toBeInstanceOf(DeserializationError);
  });

  it('a stored text not hashing to its reference: pynenc returns it, here it is CorruptReferenceError', async () => {
    const steps: Step[] = [
      { op: 'put', key: REF, text: '"tampered"' },
      { op: 'resolve', text: REF },
    ];
    const py = pythonSession(steps as SessionStep[]);
    expect(py[1]).toMatchObject({ repr: "'tampered'", retrieved: 1 });
    const ts = await tsSession(steps, {});
    expect(ts[1]).toMatchObject({ error: CorruptReferenceError.name, retrieved: 1, cache: [] });
  });
});
