/**
 * The `./datastore` entry: pynenc's client data store without a driver (ClientDataStore, MemoryStore, the payload
 * codec, serializer, reference keys) and the Redis backend's errors, so they can be told apart without loading
 * ioredis. Runs anywhere; the SQLite and Redis backends are on `./sqlite` and `./redis`.
 */
export * from '../datastore/index';
export * from '../datastore/redis/errors';
