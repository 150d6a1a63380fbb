/**
 * The client data store: payload values as pynenc stores them (see the README, "Payload values and the client
 * data store").
 */
export type { DataStoreBackend } from './backend';
export {
  ClientDataStore,
  DEFAULT_CLIENT_DATA_STORE_CONFIG,
  type ClientDataStoreConfig,
  type ClientDataStoreOptions,
  type DataStoreLogger,
  type PendingEntries,
  type SerializeOptions,
} from './client-data-store';
export { MemoryStore } from './memory-store';
export {
  encodeEventRecord,
  encodeEventRecords,
  decodeEventRecord,
  decodeEventRecords,
  payloadWireText,
  type EventRecordInput,
  type DecodedEventRecord,
} from './event-record';
export { serializeValue, deserializeText, SERIALIZER_NAMES, type SerializerName } from './serializer';
export { PyTuple, PySet, PyOpaque, type PyValue, type PyObject, type OpaqueTag } from './values';
export { REFERENCE_PREFIX, isReference, referenceKey, sqliteTablePrefix, sqliteTableName } from './keys';
export {
  MissingReferenceError,
  CorruptReferenceError,
  SerializationError,
  DeserializationError,
  DataStoreClosedError,
  DataStoreConfigError,
  DataStoreWriteError,
  DataStoreOpenError,
  DataStoreBackendError,
  type DataStoreOpenFailure,
  type SerializationFailure,
  type PayloadLocation,
} from './errors';
