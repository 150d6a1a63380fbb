/**
 * Typed errors of the client data store. Each has a stable `code` and a
 * one-line message; the fields carry what the message names.
 */
import { ContractError, describeReceived, shortPath, shortText } from '../errors';
import { joinPointer } from '../spec/json-pointer';
import { isSqliteBusyCode } from './sqlite-handle';

/** Where a failing value sits: the payload key and the event, when known. */
export interface PayloadLocation {
  /** Payload key of the EventRecord the value belongs to. */
  payloadKey?: string;
  /** event_id of that record, when a batch of records was being processed. */
  eventId?: string;
  /** Index of the record in a batch. */
  recordIndex?: number;
}

function where(loc: PayloadLocation | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.payloadKey !== undefined) parts.push(`payload ${JSON.stringify(shortText(loc.payloadKey, 60))}`);
  if (loc.eventId !== undefined) parts.push(`event ${JSON.stringify(shortText(loc.eventId, 60))}`);
  else if (loc.recordIndex !== undefined) parts.push(`record #${loc.recordIndex}`);
  return parts.length ? ` (${parts.join(' of ')})` : '';
}

/** JSON pointer of a payload value inside an EventRecord document. */
export function payloadPointer(payloadKey: string | undefined, valuePath = ''): string | undefined {
  return payloadKey === undefined ? undefined : `${joinPointer('/payload', payloadKey)}${valuePath}`;
}

/** A reference key the backend does not hold (Python raises KeyError here). */
export class MissingReferenceError extends ContractError {
  override readonly name = 'MissingReferenceError';
  readonly code = 'DATASTORE_MISSING_REFERENCE';
  /** The full reference, `__pynenc__client_data__:<sha256>`. */
  readonly key: string;
  /** The backend's description (`memory`, `sqlite:/path#table`, `redis://…`). */
  readonly store: string;
  readonly payloadKey: string | undefined;
  readonly eventId: string | undefined;

  constructor(key: string, store: string, loc?: PayloadLocation) {
    super(`reference ${shortText(key)} not found in ${store}${where(loc)}`, {
      dto: loc?.payloadKey !== undefined ? 'EventRecord' : undefined,
      path: payloadPointer(loc?.payloadKey),
      expected: `a text stored under the reference in ${store}`,
      received: 'no entry under that key',
    });
    this.key = key;
    this.store = store;
    this.payloadKey = loc?.payloadKey;
    this.eventId = loc?.eventId;
  }
}

/**
 * The text stored under a reference does not hash to that reference. Python
 * does not check this and would return whatever is stored; this package does.
 */
export class CorruptReferenceError extends ContractError {
  override readonly name = 'CorruptReferenceError';
  readonly code = 'DATASTORE_CORRUPT_REFERENCE';
  readonly key: string;
  readonly store: string;
  /** The reference the stored text does hash to (undefined when it is not even UTF-8). */
  readonly actualKey: string | undefined;
  readonly payloadKey: string | undefined;
  readonly eventId: string | undefined;

  constructor(key: string, store: string, actualKey: string | undefined, loc?: PayloadLocation, reason?: string) {
    const why = reason ?? `stored text hashes to ${actualKey ?? '?'}`;
    super(`reference ${shortText(key)} in ${store} is corrupt: ${why}${where(loc)}`, {
      dto: loc?.payloadKey !== undefined ? 'EventRecord' : undefined,
      path: payloadPointer(loc?.payloadKey),
      expected: 'UTF-8 text whose sha256 is the reference',
      received: why,
    });
    this.key = key;
    this.store = store;
    this.actualKey = actualKey;
    this.payloadKey = loc?.payloadKey;
    this.eventId = loc?.eventId;
  }
}

/** Why a value cannot be serialized the way Python would. */
export type SerializationFailure =
  | 'function'
  | 'symbol'
  | 'undefined'
  | 'cycle'
  | 'unsupported-type'
  | 'reserved-key'
  | 'not-in-serializer'
  | 'too-deep';

/**
 * A value that cannot be written as Python would write it: a function, a
 * symbol, a cycle, `undefined` inside an array (or as the value itself), a
 * class instance or built-in with no Python JSON form (Date, Map, Set, …), an
 * object key jsonpickle would drop or re-interpret, or a type the configured
 * serializer rejects (JsonSerializer has no set or bytes).
 */
export class SerializationError extends ContractError {
  override readonly name = 'SerializationError';
  readonly code = 'DATASTORE_SERIALIZATION';
  readonly reason: SerializationFailure;
  readonly payloadKey: string | undefined;
  readonly eventId: string | undefined;
  /** JSON pointer inside the value ('' is the value itself). */
  readonly valuePath: string;
  /** What is wrong there, without the location. */
  readonly detail: string;

  constructor(reason: SerializationFailure, detail: string, valuePath: string, loc?: PayloadLocation, cause?: unknown) {
    const subject =
      loc?.payloadKey !== undefined ? `payload ${JSON.stringify(shortText(loc.payloadKey, 60))}` : 'value';
    const at = valuePath ? ` at ${shortPath(valuePath)}` : '';
    const ev =
      loc?.eventId !== undefined
        ? ` of event ${JSON.stringify(shortText(loc.eventId, 60))}`
        : loc?.recordIndex !== undefined
          ? ` of record #${loc.recordIndex}`
          : '';
    super(`cannot serialize ${subject}${ev}${at}: ${shortText(detail, 300)}`, {
      dto: loc?.payloadKey !== undefined ? 'EventRecord' : undefined,
      path: loc?.payloadKey !== undefined ? payloadPointer(loc.payloadKey, valuePath) : valuePath,
      expected: "a value pynenc's serializer writes and reads back as the same value",
      received: detail,
      cause,
    });
    this.reason = reason;
    this.payloadKey = loc?.payloadKey;
    this.eventId = loc?.eventId;
    this.valuePath = valuePath;
    this.detail = detail;
  }

  /** The same failure, located at a payload key of a record. */
  at(loc: PayloadLocation): SerializationError {
    return new SerializationError(this.reason, this.detail, this.valuePath, loc, this.cause);
  }
}

/** A serialized text (inline, or stored under a reference) that is not Python JSON. */
export class DeserializationError extends ContractError {
  override readonly name = 'DeserializationError';
  readonly code = 'DATASTORE_DESERIALIZATION';
  /** The reference the text was stored under, when it came from the store. */
  readonly key: string | undefined;
  readonly payloadKey: string | undefined;
  readonly eventId: string | undefined;

  constructor(detail: string, key: string | undefined, loc?: PayloadLocation, cause?: unknown) {
    const source = key === undefined ? 'inline text' : `text stored under ${shortText(key)}`;
    super(`cannot read ${source}${where(loc)}: ${shortText(detail, 300)}`, {
      dto: loc?.payloadKey !== undefined ? 'EventRecord' : undefined,
      path: payloadPointer(loc?.payloadKey),
      expected: "a text pynenc's serializer wrote (Python JSON, tags with well-formed bodies)",
      received: detail,
      cause,
    });
    this.key = key;
    this.payloadKey = loc?.payloadKey;
    this.eventId = loc?.eventId;
  }
}

const SHOWN_KEYS = 3;

function listKeys(keys: readonly string[]): string {
  if (keys.length === 0) return 'none';
  const shown = keys.slice(0, SHOWN_KEYS).map((k) => JSON.stringify(shortText(k)));
  return keys.length > SHOWN_KEYS ? `${shown.join(', ')} and ${keys.length - SHOWN_KEYS} more` : shown.join(', ');
}

/**
 * A backend failed to store a batch (ClientDataStore.flush, so every
 * serialize and encodeEventRecord(s) that stores values). No record text was
 * returned, so nothing refers to the batch's entries. `failedKeys` are the
 * references the backend does not hold; `writtenKeys` those it holds anyway
 * (whole and correct: entries are content-addressed and checked on read) when
 * it broke the all-or-nothing rule or failed after writing. When that could
 * not be checked, every key counts as failed and `writtenKeys` is undefined.
 */
export class DataStoreWriteError extends ContractError {
  override readonly name = 'DataStoreWriteError';
  readonly code = 'DATASTORE_WRITE';
  readonly store: string;
  /** Every reference key of the batch. */
  readonly keys: readonly string[];
  /** Keys of the batch the backend does not hold after the failure. */
  readonly failedKeys: readonly string[];
  /** Keys the backend holds anyway; undefined when unknown. */
  readonly writtenKeys: readonly string[] | undefined;
  declare readonly expected: string;
  declare readonly received: string;

  constructor(store: string, keys: readonly string[], writtenKeys: readonly string[] | undefined, cause: unknown) {
    const written = new Set(writtenKeys ?? []);
    const failedKeys = keys.filter((k) => !written.has(k));
    const why =
      cause instanceof Error
        ? `${cause instanceof ContractError ? cause.code : cause.name}: ${cause.message}`
        : String(cause);
    const received = describeReason(why);
    const kept =
      writtenKeys === undefined
        ? '; whether any was stored is unknown'
        : writtenKeys.length > 0
          ? `; ${writtenKeys.length} stored anyway (${listKeys(writtenKeys)}): the backend is not all-or-nothing`
          : '';
    const expected = 'every entry of the batch stored, or none';
    super(
      `writing ${keys.length} entr${keys.length === 1 ? 'y' : 'ies'} to ${store} failed (${received}): ` +
        `not stored ${listKeys(failedKeys)}${kept}`,
      { cause, expected, received },
    );
    this.store = store;
    this.keys = keys;
    this.failedKeys = failedKeys;
    this.writtenKeys = writtenKeys;
  }
}

function describeReason(text: string): string {
  return shortText(text, 200);
}

/** A call on a backend after `close()`. */
export class DataStoreClosedError extends ContractError {
  override readonly name = 'DataStoreClosedError';
  readonly code = 'DATASTORE_CLOSED';
  readonly store: string;

  constructor(store: string, operation: string) {
    super(`${operation} on ${store} after close()`, {
      expected: 'a store that is not closed',
      received: `${operation} after close()`,
    });
    this.store = store;
  }
}

/** A configuration value outside what Python accepts or this store supports. */
export class DataStoreConfigError extends ContractError {
  override readonly name = 'DataStoreConfigError';
  readonly code = 'DATASTORE_CONFIG';
  readonly option: string;

  constructor(option: string, expected: string, received: unknown) {
    const described = describeReceived(received);
    super(`data store option ${option}: expected ${expected}, got ${described}`, { expected, received: described });
    this.option = option;
  }
}

/** Why a backend could not be opened. */
export type DataStoreOpenFailure =
  /** The file cannot be opened or created: a directory, a missing parent folder, no permission. */
  | 'cannot-open'
  /** The file is not a database (SQLite: "file is not a database"). */
  | 'not-a-database'
  /** The app's table exists with another layout than pynenc's. */
  | 'table-layout'
  /** Anything else the driver reported while opening. */
  | 'failed';

/**
 * A backend could not be opened (SqliteStore's constructor): the path is a
 * directory or in a missing folder, the file is not a database, or the app's
 * table has another layout than the one pynenc creates. Nothing was written.
 */
export class DataStoreOpenError extends ContractError {
  override readonly name = 'DataStoreOpenError';
  readonly code = 'DATASTORE_OPEN';
  readonly store: string;
  readonly reason: DataStoreOpenFailure;
  /** The driver's error code (e.g. `SQLITE_CANTOPEN`, `SQLITE_NOTADB`), when it gave one. */
  readonly driverCode: string | undefined;

  constructor(store: string, reason: DataStoreOpenFailure, detail: string, cause?: unknown) {
    const expected =
      reason === 'table-layout'
        ? "pynenc's client data table (data_key TEXT PRIMARY KEY, data_value BLOB, created_at REAL)"
        : 'a database file that can be opened or created';
    super(`cannot open ${store} (${reason}): ${shortText(detail, 200)}`, { cause, expected, received: detail });
    this.store = store;
    this.reason = reason;
    this.driverCode = driverCode(cause);
  }
}

/**
 * A backend failed a read, a write or a purge for a reason of its own: SQLite
 * busy beyond `busyTimeoutMs` (another process holds the lock), an I/O error, a
 * full disk; or a caller's backend threw something untyped. For `set`, nothing
 * of the batch was written (SqliteStore writes a batch in one transaction).
 * Retrying later may succeed when `busy` is true.
 */
export class DataStoreBackendError extends ContractError {
  override readonly name = 'DataStoreBackendError';
  readonly code = 'DATASTORE_BACKEND';
  readonly store: string;
  readonly operation: string;
  /** The driver's error code (e.g. `SQLITE_BUSY`, `SQLITE_IOERR`), when it gave one. */
  readonly driverCode: string | undefined;
  /** Another connection held the lock longer than the store waits (SQLITE_BUSY / SQLITE_LOCKED). */
  readonly busy: boolean;

  constructor(store: string, operation: string, cause: unknown) {
    const code = driverCode(cause);
    const why = errorText(cause) ?? describeReceived(cause);
    super(`${operation} on ${store} failed: ${shortText(why, 200)}`, {
      cause,
      expected: `${operation} to succeed`,
      received: why,
    });
    this.store = store;
    this.operation = operation;
    this.driverCode = code;
    this.busy = isSqliteBusyCode(code);
  }
}

/**
 * `CODE: message` (or `Name: message`) of an error-like value. Duck-typed: a driver's native addon may hand out
 * errors from another realm (better-sqlite3's SqliteError under jest), where `instanceof Error` is false.
 */
export function errorText(cause: unknown): string | undefined {
  const error = cause as { message?: unknown; name?: unknown } | null | undefined;
  if (error === null || typeof error !== 'object' || typeof error.message !== 'string') return undefined;
  return `${driverCode(cause) ?? (typeof error.name === 'string' ? error.name : 'Error')}: ${error.message}`;
}

function driverCode(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
