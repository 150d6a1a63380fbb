/** The data store API is reachable from the package root. */
import * as root from '../../src';

describe('package root exports the data store', () => {
  it.each([
    'ClientDataStore',
    'MemoryStore',
    'SqliteStore',
    'encodeEventRecord',
    'encodeEventRecords',
    'decodeEventRecord',
    'decodeEventRecords',
    'payloadWireText',
    'serializeValue',
    'deserializeText',
    'PyTuple',
    'PySet',
    'PyOpaque',
    'isReference',
    'referenceKey',
    'sqliteTableName',
    'MissingReferenceError',
    'CorruptReferenceError',
    'SerializationError',
    'DeserializationError',
    'DataStoreClosedError',
    'DataStoreConfigError',
  ])('%s', (name) => {
    expect((root as Record<string, unknown>)[name]).toBeDefined();
  });

  it('error codes are stable', () => {
    const codes = [
      new root.MissingReferenceError('k', 's').code,
      new root.CorruptReferenceError('k', 's', undefined).code,
      new root.SerializationError('cycle', 'x', '').code,
      new root.DeserializationError('x', undefined).code,
      new root.DataStoreClosedError('s', 'get').code,
      new root.DataStoreConfigError('o', 'x', 1).code,
    ];
    expect(codes).toEqual([
      'DATASTORE_MISSING_REFERENCE',
      'DATASTORE_CORRUPT_REFERENCE',
      'DATASTORE_SERIALIZATION',
      'DATASTORE_DESERIALIZATION',
      'DATASTORE_CLOSED',
      'DATASTORE_CONFIG',
    ]);
    expect(new root.MissingReferenceError('k', 's')).toBeInstanceOf(root.ContractError);
  });
});
