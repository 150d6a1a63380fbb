/**
 * The fuzz targets: fromJson for each DTO (and toJson of what it returns),
 * parsePythonJson, and decodeEventRecord over a MemoryStore. Shared by
 * `npm run fuzz` (fuzz/index.ts, 100k cases in worker threads with a
 * watchdog) and the jest suite (test/fuzz, a few thousand cases).
 *
 * Every case: the outcome is a valid typed value or a ContractError with a
 * stable code, a one-line bounded message and a JSON-pointer path; every
 * parser path (JSON.parse fast path, sniffing, the exact parser) gives the
 * same outcome, limits included; no prototype changes; the case keeps within
 * its time budget.
 */
import fc from 'fast-check';
import { DTO_NAMES, type DtoName } from '../generated/schemas';
import { fromJson, toJson } from '../src/codec';
import {
  ClientDataStore,
  MemoryStore,
  decodeEventRecord,
  encodeEventRecord,
  referenceKey,
  serializeValue,
  REFERENCE_PREFIX,
} from '../src/datastore';
import type { ReadLimits } from '../src/limits';
import { parsePythonJson, stringifyPython } from '../src/pyjson';
import { validate } from '../src/validation';
import { pyValue, validValue, key, objectOf } from './arbitraries';
import { FuzzFailure, checkError, checkPrototypes, checkShape, checkTime, sameOutcome, type Outcome } from './checks';
import { docCase, rawToken, writeDoc, type DocCase } from './mutate';
import { cliTarget } from './cli-target';

/** What a target reports per case, so the runner can say what the cases covered. */
export interface Stats {
  cases: number;
  /** outcome → count: `ok`, or an error code. */
  outcomes: Map<string, number>;
  slowestMs: number;
}

export function newStats(): Stats {
  return { cases: 0, outcomes: new Map(), slowestMs: 0 };
}

export interface Hooks {
  /** Called when a case starts (the runner's watchdog). */
  beat(): void;
  /** Called when a case fails (before fast-check shrinks it). */
  failed?(): void;
  stats: Stats;
}

/** The case body, reporting a failure to the hooks. */
function guarded<T>(hooks: Hooks, body: (c: T) => void): (c: T) => void {
  return (c) => {
    try {
      body(c);
    } catch (err) {
      hooks.failed?.();
      throw err;
    }
  };
}

function guardedAsync<T>(hooks: Hooks, body: (c: T) => Promise<void>): (c: T) => Promise<void> {
  return async (c) => {
    try {
      await body(c);
    } catch (err) {
      hooks.failed?.();
      throw err;
    }
  };
}

export interface FuzzTarget {
  name: string;
  /** Share of the total number of cases. */
  weight: number;
  property(budgetMs: number, hooks: Hooks): fc.IRawProperty<[unknown]>;
}

/** A fixed clock: a missing EventRecord.timestamp reads the same on every path. */
const NOW = (): Date => new Date(Date.UTC(2026, 4, 9, 10, 11, 12, 345));

/** Mostly the defaults; sometimes small limits, so LIMIT_* errors are reached often and cheaply. */
const limits: fc.Arbitrary<ReadLimits> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        maxDepth: fc.constantFrom(1, 2, 3, 5, 10, 1000),
        maxStringLength: fc.constantFrom(0, 1, 8, 64, 1_000_000),
        maxDocumentLength: fc.constantFrom(0, 16, 200, 2000, 10_000_000),
      },
      { requiredKeys: [] },
    ),
  },
);

const fastPath = fc.constantFrom<boolean | 'sniff' | undefined>(undefined, true, 'sniff');

function record(stats: Stats, outcome: string, started: number): void {
  stats.cases++;
  stats.outcomes.set(outcome, (stats.outcomes.get(outcome) ?? 0) + 1);
  const took = performance.now() - started;
  if (took > stats.slowestMs) stats.slowestMs = took;
}

function clip(text: string, n = 400): string {
  return text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text;
}

// ── fromJson / toJson ──

function readAndWrite(dto: DtoName, text: string, options: Parameters<typeof fromJson>[2]): Outcome {
  let value: unknown;
  try {
    value = fromJson(dto, text, options);
  } catch (err) {
    return { ok: false, error: checkError(err, dto) };
  }
  if (!validate(dto, value).ok) throw new FuzzFailure(`fromJson returned a value its own validator rejects`);
  checkShape(value);
  let out: string;
  try {
    out = toJson(dto, value as never);
  } catch (err) {
    checkError(err, dto);
    throw new FuzzFailure(`toJson refused what fromJson returned: ${(err as Error).message}`);
  }
  // What we write reads back to the same record (at default limits: the text may have grown by escapes).
  const again = fromJson(dto, out, { now: NOW });
  if (toJson(dto, again) !== out) throw new FuzzFailure('toJson(fromJson(toJson(v))) differs from toJson(v)');
  return { ok: true, text: out };
}

function fromJsonTarget(dto: DtoName): FuzzTarget {
  return {
    name: `fromJson:${dto}`,
    weight: 12,
    property: (budgetMs, hooks) =>
      fc.property(
        fc.record({ doc: docCase(validValue(dto)), limits, fastPath, reject: fc.boolean() }),
        guarded(hooks, (c) => {
          hooks.beat();
          const started = performance.now();
          const options = {
            ...c.limits,
            now: NOW,
            fastPath: c.fastPath,
            unknownKeys: c.reject ? ('reject' as const) : undefined,
          };
          const first = readAndWrite(dto, c.doc.text, options);
          // The exact parser is the reference: the fast path may not read more, less, or past a limit.
          sameOutcome(
            first,
            readAndWrite(dto, c.doc.text, { ...options, fastPath: false }),
            'fast path vs exact parser',
          );
          checkPrototypes();
          record(hooks.stats, first.ok ? 'ok' : first.error.code, started);
          checkTime(started, budgetMs);
        }),
      ) as fc.IRawProperty<[unknown]>,
  };
}

// ── parsePythonJson ──

function parseOutcome(text: string, options: ReadLimits & { fastPath?: boolean | 'sniff' }): Outcome {
  let value: unknown;
  try {
    value = parsePythonJson(text, options);
  } catch (err) {
    return { ok: false, error: checkError(err) };
  }
  checkShape(value);
  let out: string;
  try {
    out = stringifyPython(value);
  } catch (err) {
    checkError(err);
    throw new FuzzFailure(`stringifyPython refused what parsePythonJson returned: ${(err as Error).message}`);
  }
  if (stringifyPython(parsePythonJson(out, { maxDepth: options.maxDepth })) !== out)
    throw new FuzzFailure('parse → stringify is not stable');
  return { ok: true, text: out };
}

const anyDocument: fc.Arbitrary<DocCase> = fc.oneof(
  { weight: 3, arbitrary: docCase(pyValue) },
  { weight: 2, arbitrary: docCase(fc.constantFrom(...DTO_NAMES).chain((dto) => validValue(dto))) },
  { weight: 1, arbitrary: docCase(rawToken) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }))
      .map((text) => ({ text, label: 'random text' })),
  },
);

const parseTarget: FuzzTarget = {
  name: 'parsePythonJson',
  weight: 25,
  property: (budgetMs, hooks) =>
    fc.property(
      fc.record({ doc: anyDocument, limits }),
      guarded(hooks, (c) => {
        hooks.beat();
        const started = performance.now();
        const exact = parseOutcome(c.doc.text, { ...c.limits, fastPath: false });
        sameOutcome(parseOutcome(c.doc.text, { ...c.limits, fastPath: true }), exact, 'fast path vs exact parser');
        sameOutcome(parseOutcome(c.doc.text, { ...c.limits, fastPath: 'sniff' }), exact, 'sniffing vs exact parser');
        checkPrototypes();
        record(hooks.stats, exact.ok ? 'ok' : exact.error.code, started);
        checkTime(started, budgetMs);
      }),
    ) as fc.IRawProperty<[unknown]>,
};

// ── decodeEventRecord over a MemoryStore ──

/** Texts pynenc's serializers write (plain JSON, jsonpickle tags, JsonSerializer envelopes), and junk. */
const serialized: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: pyValue.map((v) => stringifyPython(v)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'py/tuple',
          'py/set',
          'py/b64',
          'py/b85',
          'py/id',
          'py/object',
          'py/reduce',
          'py/type',
          'py/repr',
          'py/iterator',
          '__pynenc__enum__',
          '__pynenc__std_py_exc__',
        ),
        fc.oneof(pyValue, fc.constantFrom('AAAA', '!!', 'VE', 0, 1, 2, 99, -1, 'x.Y')),
        fc.array(fc.tuple(key, pyValue), { maxLength: 2 }),
        fc.boolean(),
      )
      .map(([tag, body, rest, wrap]) => {
        const obj = objectOf([[tag, body], ...rest]);
        return stringifyPython(wrap ? [obj, { inner: obj }, objectOf([['py/id', 1]])] : obj);
      }),
  },
  { weight: 1, arbitrary: rawToken.map((r) => writeDoc([r])) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const REF = (k: number): string => `${REFERENCE_PREFIX}:REF${k}`;

/** A payload value: an inline serialized text, or a placeholder for one of the case's stored references. */
const payloadValue = fc.oneof(
  { weight: 3, arbitrary: serialized },
  { weight: 2, arbitrary: fc.nat(3).map(REF) },
  // a "reference" of any length: looked up, never found
  { weight: 1, arbitrary: fc.nat(5000).map((n) => `${REFERENCE_PREFIX}${'\u2028x'.repeat(n)}`) },
);

interface Stored {
  text: string;
  /** ok: stored under its hash; corrupt: something else stored there; absent: never stored. */
  mode: 'ok' | 'corrupt' | 'absent';
}

const storedEntry: fc.Arbitrary<Stored> = fc.record({
  text: fc.oneof(
    serialized,
    fc.nat(3).map((k) => `"${'x'.repeat(2000 * k)}"`),
  ),
  mode: fc.constantFrom<Stored['mode']>('ok', 'ok', 'corrupt', 'absent'),
});

const decodeTarget: FuzzTarget = {
  name: 'decodeEventRecord',
  weight: 15,
  property: (budgetMs, hooks) =>
    fc.asyncProperty(
      fc.record({
        doc: docCase(validValue('EventRecord', { payloadValue })),
        stored: fc.array(storedEntry, { maxLength: 3 }),
        limits,
        cacheSize: fc.constantFrom(0, 1, 1024),
      }),
      guardedAsync(hooks, async (c) => {
        hooks.beat();
        const started = performance.now();
        const backend = new MemoryStore();
        const entries: Array<[string, string]> = [];
        let text = c.doc.text;
        for (let k = 0; k < 4; k++) {
          const entry = c.stored[k];
          const ref = entry ? referenceKey(entry.text) : referenceKey(`never stored ${k}`);
          if (entry?.mode === 'ok') entries.push([ref, entry.text]);
          if (entry?.mode === 'corrupt') entries.push([ref, `${entry.text} `]);
          text = text.split(REF(k)).join(ref);
        }
        await backend.set(entries.filter(([, t]) => (t as string & { isWellFormed(): boolean }).isWellFormed()));
        const store = new ClientDataStore({ backend, localCacheSize: c.cacheSize, logger: { warn: () => {} } });
        const options = { ...c.limits, now: NOW };
        let outcome = 'ok';
        try {
          const decoded = await decodeEventRecord(text, store, options);
          checkShape(decoded);
          let again: string;
          try {
            again = await encodeEventRecord(decoded, store);
          } catch (err) {
            checkError(err, 'EventRecord');
            throw new FuzzFailure(
              `encodeEventRecord refused what decodeEventRecord returned: ${(err as Error).message}`,
            );
          }
          // Re-encoding writes what pynenc's to_json writes for the decoded values: a payload text Python would
          // write differently (`[1e400]` → `[Infinity]`, raw UTF-8, compact JSON) is rewritten, one it would write the
          // same is kept (test/datastore checks both against the real pynenc). So: the same values, a fixed point,
          // and byte-identical outside the payload.
          const reread = await decodeEventRecord(again, store, options);
          for (const k of Object.keys(decoded.payload)) {
            if (serializeValue(reread.payload[k]) !== serializeValue(decoded.payload[k])) {
              throw new FuzzFailure(
                `re-encoding a decoded record changed payload ${JSON.stringify(k)}: ${clip(again)}`,
              );
            }
          }
          const third = await encodeEventRecord(reread, store);
          if (third !== again)
            throw new FuzzFailure(`re-encoding is not a fixed point: ${clip(third)} vs ${clip(again)}`);
          const outside = (t: string): string =>
            toJson('EventRecord', { ...fromJson('EventRecord', t, options), payload: {} });
          if (outside(again) !== outside(text)) {
            throw new FuzzFailure(`re-encoding a decoded record changed it outside the payload: ${clip(again)}`);
          }
        } catch (err) {
          if (err instanceof FuzzFailure) throw err;
          outcome = checkError(err, 'EventRecord').code;
        }
        checkPrototypes();
        record(hooks.stats, outcome, started);
        checkTime(started, budgetMs);
      }),
    ) as unknown as fc.IRawProperty<[unknown]>,
};

export const TARGETS: readonly FuzzTarget[] = [...DTO_NAMES.map(fromJsonTarget), parseTarget, decodeTarget, cliTarget];

/** Case counts per target for a total (by weight). */
export function plan(
  total: number,
  targets: readonly FuzzTarget[] = TARGETS,
): Array<{ target: FuzzTarget; runs: number }> {
  const sum = targets.reduce((s, t) => s + t.weight, 0);
  const runs = targets.map((t) => Math.floor((total * t.weight) / sum));
  runs[0]! += total - runs.reduce((s, r) => s + r, 0);
  return targets.map((target, i) => ({ target, runs: runs[i]! }));
}

/** The counterexample of a failed run, short enough to print. */
export function describeCase(value: unknown): string {
  const c = (Array.isArray(value) ? value[0] : value) as { doc?: DocCase; limits?: unknown } | undefined;
  if (c && typeof c === 'object' && c.doc && typeof c.doc.text === 'string') {
    return `${c.doc.label}; limits ${JSON.stringify(c.limits)}; text ${clip(JSON.stringify(c.doc.text), 600)}`;
  }
  return clip(fc.stringify(value), 600);
}
