/** The `./redis` entry: what needs ioredis — the client data store backend and the monitoring reader. */
export * from '../datastore/redis/index';
export * from '../monitoring/redis-reader';
export * from '../monitoring/index';
