/**
 * Refused connections, a server stopped mid-batch, timeouts, close() with calls
 * pending: each gives the typed error, fast, naming the server and the keys.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import * as scenarios from './fault-scenarios';
import type { Outcome } from './fault-scenarios';

jest.setTimeout(30_000);

function expectUnavailable(o: Outcome, reason: string, server: string): void {
  expect(o.ok).toBe(false);
  expect(o.error).toMatchObject({
    name: 'DataStoreUnavailableError',
    code: 'DATASTORE_UNAVAILABLE',
    reason,
    server,
    unavailable: true,
  });
  expect(o.error!.message).toContain(server);
  expect(o.error!.message).toContain(`(${reason})`);
}

test('refused connection: typed error within a second, naming server and key', async () => {
  const r = await scenarios.refused();
  for (const o of [r.get, r.set, r.purge]) {
    expectUnavailable(o, 'refused', r.server);
    expect(o.ms).toBeLessThan(1000);
  }
  expect(r.get.error!.message).toContain(r.key);
  expect(r.get.error!.keys).toHaveLength(500);
  expect(r.get.error!.message).toContain('and 497 more');
  expect(r.set.error!.keys).toEqual([r.key]);
});

test('server stopped mid-batch: in-flight get and set fail with reason "lost"', async () => {
  const r = await scenarios.killedMidBatch();
  expectUnavailable(r.get, 'lost', r.server);
  expect(r.get.error!.keys).toEqual(r.keys);
  expect(r.get.error!.message).toContain(r.keys[0]);
  expectUnavailable(r.set, 'lost', r.server);
  expect(r.set.error!.message).toMatch(/all of it or none of it was written/);
  // The server is gone now: the next call is refused, quickly.
  expectUnavailable(r.afterKill, 'refused', r.server);
  expect(r.afterKill.ms).toBeLessThan(1000);
});

test('hung server: the command times out after commandTimeoutMs, then the store recovers', async () => {
  const r = await scenarios.commandTimeout();
  expectUnavailable(r.timedOut, 'timeout', r.server);
  expect(r.timedOut.ms).toBeGreaterThanOrEqual(250);
  expect(r.timedOut.ms).toBeLessThan(2000);
  expect(r.afterResume).toMatchObject({ ok: true, value: ['v'] });
});

test('server accepting TCP but not answering: connect-timeout, bounded, then recovery', async () => {
  const r = await scenarios.hungAtConnect();
  for (const o of [r.first, r.second]) {
    expectUnavailable(o, 'connect-timeout', r.server);
    expect(o.ms).toBeLessThan(2000);
  }
  expect(r.afterResume).toMatchObject({ ok: true, value: [undefined] });
});

test('after a restart on the same address the same store reconnects', async () => {
  const r = await scenarios.restart();
  expect(['lost', 'refused']).toContain(r.justAfterKill.error?.reason);
  expectUnavailable(r.whileDown, 'refused', r.server);
  expect(r.afterRestart).toMatchObject({ ok: true, value: ['again'] });
});

test('close() with calls pending: they fail with DataStoreClosedError at once', async () => {
  const r = await scenarios.closeWhilePending();
  expect(r.closeMs).toBeLessThan(1000);
  for (const o of [r.get, r.purge, r.afterClose]) {
    expect(o.ok).toBe(false);
    expect(o.error).toMatchObject({ name: 'DataStoreClosedError', code: 'DATASTORE_CLOSED', closed: true });
    expect(o.error!.message).toContain(r.server);
    expect(o.ms).toBeLessThan(1000);
  }
  expect(r.get.error!.message).toContain('(pending)');
});

test('in a plain Node process the same scenarios raise no unhandled promise rejection', async () => {
  const tsx = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
  const out = await new Promise<string>((resolve, reject) => {
    execFile(tsx, [join(__dirname, 'fault-scenarios.ts')], { timeout: 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
  const { results, unhandled } = JSON.parse(out) as {
    results: Record<string, Record<string, Outcome | unknown>>;
    unhandled: string[];
  };
  expect(unhandled).toEqual([]);
  expect(Object.keys(results).sort()).toEqual(Object.keys(scenarios.SCENARIOS).sort());
  // The scenarios really failed there too (the listener watched real failures).
  expect((results.killedMidBatch!.get as Outcome).error?.reason).toBe('lost');
  expect((results.refused!.get as Outcome).error?.reason).toBe('refused');
  expect((results.closeWhilePending!.get as Outcome).error?.closed).toBe(true);
});
