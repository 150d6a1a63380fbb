/**
 * ClientDataStore: pynenc's client data store (BaseClientDataStore) for
 * TypeScript. Small serialized values stay inline; values whose serialized
 * text is at least `minSizeToCache` characters are stored in the backend under
 * `__pynenc__client_data__:<sha256 of the text>` — the same key Python
 * computes for the same value, so both languages share stored entries.
 */
import type { DataStoreBackend } from './backend';
import {
  CorruptReferenceError,
  DataStoreBackendError,
  DataStoreClosedError,
  DataStoreConfigError,
  DataStoreWriteError,
  DeserializationError,
  MissingReferenceError,
  SerializationError,
  payloadPointer,
  type PayloadLocation,
} from './errors';
import { isReference, referenceKey } from './keys';
import { LruCache } from './lru';
import { MemoryStore } from './memory-store';
import { SERIALIZER_NAMES, deserializeText, serializeValue, type SerializerName } from './serializer';
import type { PyValue } from './values';
import { InvalidOptionError, LimitExceededError, resolveLimits, type Limits, type ReadLimits } from '../limits';
import { ContractError } from '../errors';
import { PythonJsonSyntaxError } from '../pyjson/errors';
import { DataStoreUnavailableError } from './redis/errors';

/** Receives pynenc's size warnings (Python logs them with logger.warning). */
export interface DataStoreLogger {
  warn(message: string): void;
}

/** pynenc's ConfigClientDataStore, with TypeScript names. */
export interface ClientDataStoreConfig {
  /** `disable_client_data_store`: never store; every value is returned inline. Default false. */
  disabled: boolean;
  /** `min_size_to_cache`: serialized length (characters) from which a value is stored. Default 1024. */
  minSizeToCache: number;
  /** `max_size_to_cache`: above this length a value stays inline with a warning; 0 = no limit. Default 0. */
  maxSizeToCache: number;
  /** `local_cache_size`: entries in the LRU of stored and resolved values; 0 disables it. Default 1024. */
  localCacheSize: number;
  /** `warn_threshold`: a stored value longer than this logs a warning. Default 10 MiB (10_485_760). */
  warnThreshold: number;
  /**
   * pynenc's `serializer_cls` the Python app uses; decides how PyTuple, PySet, Uint8Array are written.
   * Default JsonPickleSerializer.
   */
  serializer: SerializerName;
  /** Where size warnings go. Default console. */
  logger: DataStoreLogger;
}

export const DEFAULT_CLIENT_DATA_STORE_CONFIG: Readonly<Omit<ClientDataStoreConfig, 'logger'>> = Object.freeze({
  disabled: false,
  minSizeToCache: 1024,
  maxSizeToCache: 0,
  localCacheSize: 1024,
  warnThreshold: 10_485_760,
  serializer: 'JsonPickleSerializer' as SerializerName,
});

export interface ClientDataStoreOptions extends Partial<ClientDataStoreConfig> {
  /** Where stored values live. Default: a new MemoryStore. */
  backend?: DataStoreBackend;
}

export interface SerializeOptions {
  /** Python's `disable_cache`: return the serialized text inline whatever its size. */
  disableCache?: boolean;
}

/** Entries to write, collected while serializing: reference key → text. */
export type PendingEntries = Map<string, string>;

export class ClientDataStore {
  readonly backend: DataStoreBackend;
  readonly config: Readonly<ClientDataStoreConfig>;
  private readonly cache: LruCache<string, CachedValue>;

  constructor(options: ClientDataStoreOptions = {}) {
    if (options === null || typeof options !== 'object')
      throw new DataStoreConfigError('options', 'an options object', options);
    const { backend, ...rest } = options;
    this.config = Object.freeze(
      checkConfig({ ...DEFAULT_CLIENT_DATA_STORE_CONFIG, logger: console, ...stripUndefined(rest) }),
    );
    this.backend = backend === undefined ? new MemoryStore() : checkBackend(backend);
    this.cache = new LruCache(this.config.localCacheSize);
  }

  /** Python's `is_reference`: the text starts with `__pynenc__client_data__`. */
  isReference(text: string): boolean {
    return isReference(text);
  }

  /**
   * Python's `serialize(obj, disable_cache)`: the inline serialized text, or a
   * reference after storing the text. A string that already is a reference is
   * returned as it is (unless the store is disabled or disableCache is set).
   */
  async serialize(value: unknown, options: SerializeOptions = {}): Promise<string> {
    checkSerializeOptions(options);
    const pending: PendingEntries = new Map();
    const wire = this.serializeDeferred(value, pending, options);
    await this.flush(pending);
    return wire;
  }

  /** `serialize` for many values; everything to store is written with one backend `set`. */
  async serializeMany(values: readonly unknown[], options: SerializeOptions = {}): Promise<string[]> {
    if (!Array.isArray(values)) throw new DataStoreConfigError('values', 'an array of values', values);
    checkSerializeOptions(options);
    const pending: PendingEntries = new Map();
    const wires = values.map((v) => this.serializeDeferred(v, pending, options));
    await this.flush(pending);
    return wires;
  }

  /**
   * `serialize` without writing: what must be stored is added to `pending`
   * (write it with `flush`). Lets a caller serialize a whole batch and write
   * nothing when any value fails.
   */
  serializeDeferred(
    value: unknown,
    pending: PendingEntries,
    options: SerializeOptions = {},
    loc?: PayloadLocation,
  ): string {
    checkSerializeOptions(options);
    if (!(pending instanceof Map)) throw new DataStoreConfigError('pending', 'a Map of pending entries', pending);
    const { disabled, serializer, minSizeToCache, maxSizeToCache, warnThreshold } = this.config;
    if (disabled || options.disableCache) return this.toText(value, serializer, loc);
    if (typeof value === 'string' && isReference(value)) return value;
    const text = this.toText(value, serializer, loc);
    const size = text.length; // ASCII-only (ensure_ascii): Python's len() of the same text
    if (size < minSizeToCache) return text;
    if (maxSizeToCache > 0 && size > maxSizeToCache) {
      this.sizeWarning(size, 'exceeds max_size_to_cache');
      return text;
    }
    if (size > warnThreshold) this.sizeWarning(size, 'exceeds warn_threshold');
    const key = referenceKey(text);
    pending.set(key, text);
    return key;
  }

  /**
   * Writes collected entries with one backend `set` (nothing when empty). A
   * failing `set` is reported as DataStoreWriteError naming every key of the
   * batch, and which of them the backend holds anyway if it broke the
   * all-or-nothing rule (checked with one `get`); DataStoreClosedError passes as it is.
   * Once written, each entry goes into the local cache, as pynenc's `serialize`
   * caches what it stored (its value is read from the text on first use).
   */
  async flush(pending: PendingEntries): Promise<void> {
    if (!(pending instanceof Map)) throw new DataStoreConfigError('pending', 'a Map of pending entries', pending);
    if (pending.size === 0) return;
    const entries = [...pending];
    try {
      await this.backend.set(entries);
    } catch (err) {
      if (err instanceof DataStoreClosedError) throw err;
      const keys = entries.map(([key]) => key);
      throw new DataStoreWriteError(this.backend.description, keys, await this.storedAfterFailure(entries, err), err);
    }
    for (const [key, text] of entries) this.cache.set(key, new CachedValue(text));
  }

  /**
   * After a failed `set`: the keys whose exact text the backend holds anyway
   * (undefined when that cannot be known: the backend is unreachable, or the
   * check fails too). Entries are content-addressed, so one that holds its
   * text is whole and correct; one holding anything else counts as not written.
   */
  private async storedAfterFailure(
    entries: ReadonlyArray<readonly [string, string]>,
    err: unknown,
  ): Promise<string[] | undefined> {
    if (err instanceof DataStoreUnavailableError) return undefined;
    try {
      const found = await this.backend.get(entries.map(([key]) => key));
      return entries.filter(([, text], i) => found[i] === text).map(([key]) => key);
    } catch {
      return undefined;
    }
  }

  /** Python's `resolve(data)`: a reference is fetched (and checked) then deserialized; other text is deserialized. */
  async resolve(text: string): Promise<PyValue> {
    return (await this.resolveMany([text]))[0] as PyValue;
  }

  /**
   * `resolve` for many texts: every reference not in the local cache is
   * fetched with one backend `get`. `locate(i)` names where texts[i] comes
   * from in errors (called only when one is thrown).
   */
  async resolveMany(
    texts: readonly string[],
    locate?: (index: number) => PayloadLocation | undefined,
    limits?: ReadLimits,
  ): Promise<PyValue[]> {
    if (!Array.isArray(texts)) throw new DataStoreConfigError('texts', 'an array of serialized texts', texts);
    if (locate !== undefined && typeof locate !== 'function')
      throw new DataStoreConfigError('locate', 'a function', locate);
    if (limits !== undefined && (limits === null || typeof limits !== 'object'))
      throw new InvalidOptionError('limits', 'an object of read limits', limits);
    const resolved = resolveLimits(limits);
    const results = new Array<PyValue>(texts.length);
    const pending = new Map<string, number[]>();
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index];
      if (typeof text !== 'string') {
        throw new DeserializationError(
          `expected a serialized string, got ${text === null ? 'null' : typeof text}`,
          undefined,
          locate?.(index),
        );
      }
      if (isReference(text)) {
        const cached = this.cache.get(text);
        if (cached !== undefined) {
          results[index] = cached.read((stored) => this.fromText(stored, text, locate, index, resolved));
        } else {
          const at = pending.get(text);
          if (at) at.push(index);
          else pending.set(text, [index]);
        }
      } else {
        results[index] = this.fromText(text, undefined, locate, index, resolved);
      }
    }
    if (pending.size === 0) return results;
    const keys = [...pending.keys()];
    const stored = await this.backendCall('get', () => this.backend.get(keys));
    if (!Array.isArray(stored) || stored.length !== keys.length) {
      throw new DataStoreBackendError(
        this.backend.description,
        'get',
        new TypeError(`get of ${keys.length} keys answered ${describeAnswer(stored)}`),
      );
    }
    for (let keyIndex = 0; keyIndex < keys.length; keyIndex++) {
      const key = keys[keyIndex]!;
      const indices = pending.get(key)!;
      const text = stored[keyIndex];
      if (text === undefined || text === null)
        throw new MissingReferenceError(key, this.backend.description, locate?.(indices[0]!));
      if (typeof text !== 'string') {
        throw new CorruptReferenceError(
          key,
          this.backend.description,
          undefined,
          locate?.(indices[0]!),
          `the backend answered a ${typeof text}, not a text`,
        );
      }
      const actual = referenceKey(text);
      if (actual !== key) throw new CorruptReferenceError(key, this.backend.description, actual, locate?.(indices[0]!));
      const value = this.fromText(text, key, locate, indices[0]!, resolved);
      this.cache.set(key, new CachedValue(undefined, value));
      for (const index of indices) results[index] = value;
    }
    return results;
  }

  /** Python's `purge`: clears the local cache and the backend's entries. */
  async purge(): Promise<void> {
    this.cache.clear();
    await this.backendCall('purge', () => this.backend.purge());
  }

  /** Clears only the process-local cache of resolved values. */
  clearLocalCache(): void {
    this.cache.clear();
  }

  /** Keys currently in the local cache, least recently used first. */
  cachedReferences(): string[] {
    return this.cache.keys();
  }

  /** Closes the backend. */
  async close(): Promise<void> {
    this.cache.clear();
    await this.backendCall('close', () => this.backend.close());
  }

  /** A backend call whose untyped failures (a caller's backend, a bug) come out as DataStoreBackendError. */
  private async backendCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof ContractError) throw err;
      throw new DataStoreBackendError(this.backend.description, operation, err);
    }
  }

  private toText(value: unknown, serializer: SerializerName, loc: PayloadLocation | undefined): string {
    try {
      return serializeValue(value, serializer);
    } catch (err) {
      if (err instanceof SerializationError && loc) throw err.at(loc);
      throw err;
    }
  }

  private fromText(
    text: string,
    key: string | undefined,
    locate: ((index: number) => PayloadLocation | undefined) | undefined,
    index: number,
    limits: Limits,
  ): PyValue {
    try {
      return deserializeText(text, limits);
    } catch (err) {
      if (err instanceof LimitExceededError) {
        const loc = locate?.(index);
        const prefix = payloadPointer(loc?.payloadKey) ?? '';
        throw err.within({ dto: loc?.payloadKey !== undefined ? 'EventRecord' : undefined, prefix, key });
      }
      if (err instanceof DeserializationError)
        throw new DeserializationError(err.received ?? err.message, key, locate?.(index), err);
      if (err instanceof PythonJsonSyntaxError) throw new DeserializationError(err.message, key, locate?.(index), err);
      if (err instanceof RangeError) throw new DeserializationError('nested too deeply', key, locate?.(index), err);
      throw err;
    }
  }

  private sizeWarning(size: number, reason: string): void {
    this.config.logger.warn(`Value size (${size} chars) ${reason}. Consider restructuring to use smaller values.`);
  }
}

/** A local cache entry: a resolved value, or the text just stored (read into its value on first use, once). */
class CachedValue {
  constructor(
    private text: string | undefined,
    private value?: PyValue,
  ) {}

  read(parse: (text: string) => PyValue): PyValue {
    if (this.text !== undefined) {
      this.value = parse(this.text);
      this.text = undefined;
    }
    return this.value as PyValue;
  }
}

const BACKEND_METHODS = ['get', 'set', 'purge', 'close'] as const;

/** A backend: an object with get, set, purge and close methods and a description. */
function checkBackend(backend: unknown): DataStoreBackend {
  const candidate = backend as Partial<Record<string, unknown>> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    BACKEND_METHODS.some((method) => typeof candidate[method] !== 'function') ||
    typeof candidate.description !== 'string'
  ) {
    throw new DataStoreConfigError('backend', 'a DataStoreBackend (description, get, set, purge, close)', backend);
  }
  return backend as DataStoreBackend;
}

function checkSerializeOptions(options: unknown): void {
  if (options === null || typeof options !== 'object')
    throw new DataStoreConfigError('options', 'an options object', options);
  const disableCache = (options as SerializeOptions).disableCache;
  if (disableCache !== undefined && typeof disableCache !== 'boolean')
    throw new DataStoreConfigError('disableCache', 'a boolean', disableCache);
}

function describeAnswer(answer: unknown): string {
  return Array.isArray(answer) ? `${answer.length} values` : answer === null ? 'null' : typeof answer;
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(obj))
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}

function checkConfig(config: ClientDataStoreConfig): ClientDataStoreConfig {
  if (typeof config.disabled !== 'boolean') throw new DataStoreConfigError('disabled', 'a boolean', config.disabled);
  for (const name of ['minSizeToCache', 'maxSizeToCache', 'localCacheSize', 'warnThreshold'] as const) {
    const value = config[name];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      throw new DataStoreConfigError(name, 'a non-negative integer', value);
  }
  if (!SERIALIZER_NAMES.includes(config.serializer)) {
    throw new DataStoreConfigError('serializer', SERIALIZER_NAMES.join(' or '), config.serializer);
  }
  if (!config.logger || typeof config.logger.warn !== 'function')
    throw new DataStoreConfigError('logger', 'an object with warn(message)', config.logger);
  return config;
}
