/**
 * End to end: EventRecords through ClientDataStore + RedisStore, against what a
 * real pynenc app with pynenc_redis's RedisClientDataStore writes and reads
 * (EventRecord.to_json / from_json in scripts/python/redis_client_data.py).
 */
import { withDefaults } from '../../support/records';
import Redis from 'ioredis';
import { ClientDataStore } from '../../../src/datastore/client-data-store';
import { MissingReferenceError } from '../../../src/datastore/errors';
import { decodeEventRecords, encodeEventRecords, type EventRecordInput } from '../../../src/datastore/event-record';
import { DataStoreUnavailableError, RedisStore } from '../../../src/datastore/redis';
import { startRedisServer, useRedisServer, type RedisServer } from '../../support/redis-server';
import { pyRedis } from '../../support/redis-python';

const redis = useRedisServer();
let server: RedisServer;
let admin: Redis;
beforeAll(() => {
  ({ server, admin } = redis);
});

function dataStore(appId: string): ClientDataStore {
  const cds = new ClientDataStore({ backend: new RedisStore({ appId, connection: server.url }) });
  redis.closeLater(cds);
  return cds;
}

async function calls(name: string): Promise<number> {
  const m = new RegExp(`^cmdstat_${name}:calls=(\\d+)`, 'm').exec(await admin.info('commandstats'));
  return m ? Number(m[1]) : 0;
}

const SHARED = { catalogue: Array.from({ length: 80 }, (_, i) => ({ sku: `SKU-${i}`, title: `Article ${i} — été` })) };

function records(n: number): EventRecordInput[] {
  return Array.from({ length: n }, (_, i) =>
    withDefaults('EventRecord', {
      event_id: `evt-${i}`,
      event_code: 'order.created',
      timestamp: '2026-05-09T10:11:12.345678+00:00',
      payload: {
        order_id: `o-${i}`,
        lines: Array.from({ length: 40 + (i % 7) }, (_unused, j) => ({
          line: j,
          qty: (i + j) % 5,
          note: `line ${j} of order ${i}`,
        })),
        catalogue: SHARED,
        flag: i % 2 === 0,
      },
    }),
  );
}

const forPython = (rs: EventRecordInput[]) =>
  rs.map(({ event_id, event_code, timestamp, payload }) => ({ event_id, event_code, timestamp, payload }));

test('records Python wrote decode in TS with one MGET for the whole batch', async () => {
  const input = records(200);
  const py = await pyRedis('write_records', {
    host: server.host,
    port: server.port,
    app_id: 'shop[eu]',
    min_size_to_cache: 1024,
    records: forPython(input),
  });
  expect(py.stored).toBeGreaterThan(200); // every `lines` and the shared catalogue went to Redis
  const before = await calls('mget');
  const decoded = await decodeEventRecords(py.texts, dataStore('shop[eu]'));
  expect(await calls('mget')).toBe(before + 1);
  expect(decoded.map((r) => JSON.parse(JSON.stringify(r.payload)))).toEqual(input.map((r) => r.payload));
  expect(decoded.map((r) => r.event_id)).toEqual(input.map((r) => r.event_id));
});

test("records TS encodes are byte-identical to Python's, stored with one MSET, and Python resolves them", async () => {
  const input = records(50);
  const before = await calls('mset');
  const texts = await encodeEventRecords(input, dataStore('shop-ts'));
  expect(await calls('mset')).toBe(before + 1);
  const py = await pyRedis('write_records', {
    host: server.host,
    port: server.port,
    app_id: 'shop-python',
    min_size_to_cache: 1024,
    records: forPython(input),
  });
  expect(texts).toEqual(py.texts);
  const payloads = await pyRedis('read_records', { host: server.host, port: server.port, app_id: 'shop-ts', texts });
  expect(payloads).toEqual(input.map((r) => r.payload));
});

test('a reference missing from this app is a MissingReferenceError naming the Redis store', async () => {
  const [text] = await encodeEventRecords(records(1), dataStore('writer'));
  const reader = dataStore('reader');
  const err = await decodeEventRecords([text!], reader).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(MissingReferenceError);
  expect((err as MissingReferenceError).store).toBe(server.url);
  expect((err as MissingReferenceError).eventId).toBe('evt-0');
});

test('an unreachable Redis surfaces as DataStoreUnavailableError through decode', async () => {
  const [text] = await encodeEventRecords(records(1), dataStore('down'));
  const other = await startRedisServer();
  const cds = new ClientDataStore({ backend: new RedisStore({ appId: 'down', connection: other.url }) });
  await other.stop();
  try {
    const err = await decodeEventRecords([text!], cds).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataStoreUnavailableError);
    expect((err as DataStoreUnavailableError).reason).toBe('refused');
    expect((err as DataStoreUnavailableError).keys.length).toBeGreaterThan(0);
  } finally {
    await cds.close();
  }
});
