/**
 * Fault scenarios for RedisStore, each with its own redis-server. Used by
 * faults.test.ts directly, and run as a separate Node process (`tsx
 * fault-scenarios.ts`) so a real process-level 'unhandledRejection' listener
 * can watch them — jest's sandbox hides those events from test code.
 */
import { DataStoreClosedError } from '../../../src/datastore/errors';
import { DataStoreUnavailableError, RedisStore } from '../../../src/datastore/redis';
import { freePort, startRedisServer } from '../../support/redis-server';

export interface Outcome {
  ok: boolean;
  ms: number;
  value?: unknown;
  error?: {
    name: string;
    code?: string;
    reason?: string;
    message: string;
    server?: string;
    keys?: readonly string[];
    unavailable: boolean;
    closed: boolean;
  };
}

export async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  const start = Date.now();
  try {
    const value = await promise;
    return { ok: true, ms: Date.now() - start, value };
  } catch (err) {
    const e = err as Error & { code?: string; reason?: string; server?: string; keys?: readonly string[] };
    return {
      ok: false,
      ms: Date.now() - start,
      error: {
        name: e.name,
        code: e.code,
        reason: e.reason,
        message: e.message,
        server: e.server,
        keys: e.keys,
        unavailable: err instanceof DataStoreUnavailableError,
        closed: err instanceof DataStoreClosedError,
      },
    };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BATCH = Array.from({ length: 500 }, (_, i) => `__pynenc__client_data__:${String(i).padStart(64, '0')}`);

/** A port with nothing listening: every operation fails fast with reason 'refused'. */
export async function refused() {
  const port = await freePort();
  const store = new RedisStore({ appId: 'app', connection: { host: '127.0.0.1', port } });
  const result = {
    server: `redis://127.0.0.1:${port}/0`,
    key: store.redisKey(BATCH[0]!),
    get: await outcome(store.get(BATCH)),
    set: await outcome(store.set([[BATCH[0]!, 'x']])),
    purge: await outcome(store.purge()),
  };
  await store.close();
  return result;
}

/**
 * The server is stopped while a batch is in flight: SIGSTOP freezes it (the
 * request is sent, no reply comes), then SIGKILL ends it mid-batch.
 */
export async function killedMidBatch() {
  const server = await startRedisServer();
  const store = new RedisStore({ appId: 'app', connection: server.url });
  try {
    await store.set(BATCH.map((k) => [k, `v-${k}`] as const));
    server.pause();
    const get = outcome(store.get(BATCH));
    const set = outcome(store.set(BATCH.map((k) => [k, 'new'] as const)));
    await sleep(100);
    await server.kill();
    return {
      server: server.url,
      keys: BATCH.map((k) => store.redisKey(k)),
      get: await get,
      set: await set,
      afterKill: await outcome(store.get(BATCH.slice(0, 1))),
    };
  } finally {
    await store.close();
    await server.stop();
  }
}

/** A hung server: the command times out, and the store works again once the server does. */
export async function commandTimeout() {
  const server = await startRedisServer();
  const store = new RedisStore({ appId: 'app', connection: server.url, commandTimeoutMs: 300 });
  try {
    await store.set([['k', 'v']]);
    server.pause();
    const timedOut = await outcome(store.get(['k']));
    server.resume();
    const afterResume = await outcome(store.get(['k']));
    return { server: server.url, timedOut, afterResume };
  } finally {
    server.resume();
    await store.close();
    await server.stop();
  }
}

/** A server that accepts TCP but never answers: connecting times out; later calls retry afresh. */
export async function hungAtConnect() {
  const server = await startRedisServer();
  const store = new RedisStore({ appId: 'app', connection: server.url, connectTimeoutMs: 200, commandTimeoutMs: 200 });
  try {
    server.pause();
    const first = await outcome(store.get(['k']));
    const second = await outcome(store.get(['k']));
    server.resume();
    const afterResume = await outcome(store.get(['k']));
    return { server: server.url, first, second, afterResume };
  } finally {
    server.resume();
    await store.close();
    await server.stop();
  }
}

/** After the server dies, calls fail; once a server is back on the address, the same store works again. */
export async function restart() {
  const first = await startRedisServer();
  const store = new RedisStore({ appId: 'app', connection: first.url });
  let second: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  try {
    await store.set([['k', 'v']]);
    await first.kill();
    await first.stop();
    // The idle socket may not have seen the close yet: the first call can be 'lost' or 'refused'.
    const justAfterKill = await outcome(store.get(['k']));
    const whileDown = await outcome(store.get(['k']));
    second = await startRedisServer({ port: first.port });
    const afterRestart = await outcome(store.set([['k', 'again']]).then(() => store.get(['k'])));
    return { server: first.url, justAfterKill, whileDown, afterRestart };
  } finally {
    await store.close();
    await second?.stop();
  }
}

/** close() while calls are pending: they fail with DataStoreClosedError at once. */
export async function closeWhilePending() {
  const server = await startRedisServer();
  const store = new RedisStore({ appId: 'app', connection: server.url, commandTimeoutMs: 10_000 });
  try {
    await store.set([['k', 'v']]);
    server.pause();
    const pendingGet = outcome(store.get(['k']));
    const pendingPurge = outcome(store.purge());
    await sleep(50);
    const start = Date.now();
    await store.close();
    const closeMs = Date.now() - start;
    return {
      server: server.url,
      closeMs,
      get: await pendingGet,
      purge: await pendingPurge,
      afterClose: await outcome(store.set([['k', 'w']])),
    };
  } finally {
    server.resume();
    await server.stop();
  }
}

export const SCENARIOS = { refused, killedMidBatch, commandTimeout, hungAtConnect, restart, closeWhilePending };

if (require.main === module) {
  const unhandled: string[] = [];
  process.on('unhandledRejection', (reason) => unhandled.push(String((reason as Error)?.stack ?? reason)));
  (async () => {
    const results: Record<string, unknown> = {};
    for (const [name, run] of Object.entries(SCENARIOS)) results[name] = await run();
    await sleep(200); // let late rejections surface
    process.stdout.write(JSON.stringify({ results, unhandled }));
  })().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
