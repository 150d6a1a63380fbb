/**
 * Starts a private redis-server for tests and benchmarks: loopback only, a free
 * port, no persistence, its own temp dir; stopped (and waited for) afterwards.
 * Needs the Debian package `redis-server` (/usr/bin/redis-server); set
 * REDIS_SERVER_BIN to use another binary. Nothing else has to run Redis.
 * A test file that needs one server for its tests calls useRedisServer() (the lifecycle, once).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { Redis } from 'ioredis';
import { makeTempDir, removeTempDir } from './temp-dir';

export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
const HOST = '127.0.0.1';

export interface RedisServer {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  readonly pid: number;
  readonly dir: string;
  /** SIGSTOP: the server keeps its sockets but answers nothing (a hung server). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** SIGKILL and wait for the exit: the server vanishes mid-whatever. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL after 5 s), wait for the exit, remove the temp dir. Idempotent. */
  stop(): Promise<void>;
  /** Everything the server printed (for failure messages). */
  output(): string;
}

export interface StartOptions {
  /** Extra redis-server arguments, e.g. ['--maxmemory', '10mb']. */
  args?: string[];
  /** How long to wait for PING to answer. Default 10 s. */
  readyTimeoutMs?: number;
  /** A fixed port (e.g. to restart a server where a killed one was); default a free one. */
  port?: number;
}

/** The redis-server of a test file (useRedisServer), for its tests and hooks. */
export interface RedisTestServer {
  /** The server (from the file's first beforeAll on). */
  readonly server: RedisServer;
  /** A plain ioredis client on db 0 of the server, for setting up and inspecting keys. */
  readonly admin: Redis;
  /** Closes `closable` (a store, a reader) after the file's tests, before the server stops; returns it. */
  closeLater<T extends { close(): Promise<void> }>(closable: T): T;
}

/**
 * The lifecycle of a test file's redis-server, in jest hooks of the current scope (file or describe): started in
 * beforeAll (registered now, so it runs before the caller's own beforeAll), with `flushBeforeEach` emptied before
 * every test, and after the tests: what closeLater got is closed, the admin client disconnected, the server stopped.
 */
export function useRedisServer(options: { flushBeforeEach?: boolean; start?: StartOptions } = {}): RedisTestServer {
  let server: RedisServer | undefined;
  let admin: Redis | undefined;
  const closables: Array<{ close(): Promise<void> }> = [];
  beforeAll(async () => {
    server = await startRedisServer(options.start);
    admin = new Redis(server.url, { lazyConnect: true });
    await admin.connect();
  });
  if (options.flushBeforeEach) {
    beforeEach(async () => {
      await admin!.flushall();
    });
  }
  afterAll(async () => {
    await Promise.all(closables.splice(0).map((closable) => closable.close()));
    admin?.disconnect();
    await server?.stop();
  });
  return {
    get server(): RedisServer {
      if (!server) throw new Error('useRedisServer: the server starts in beforeAll (use it in hooks and tests)');
      return server;
    },
    get admin(): Redis {
      if (!admin) throw new Error('useRedisServer: the admin client connects in beforeAll (use it in hooks and tests)');
      return admin;
    },
    closeLater<T extends { close(): Promise<void> }>(closable: T): T {
      closables.push(closable);
      return closable;
    },
  };
}

/** A port nothing listens on right now (bound and released by the OS). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function startRedisServer(options: StartOptions = {}): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER_BIN)) {
    throw new Error(`${REDIS_SERVER_BIN} not found: install the Debian package redis-server (or set REDIS_SERVER_BIN)`);
  }
  if (options.port !== undefined) return startOnce(options.port, options);
  let lastError: unknown;
  // The free port can be taken between freePort() and redis binding it; try again then.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await startOnce(await freePort(), options);
    } catch (err) {
      lastError = err;
      if (!(err instanceof PortInUse)) throw err;
    }
  }
  throw lastError;
}

class PortInUse extends Error {}

async function startOnce(port: number, options: StartOptions): Promise<RedisServer> {
  const dir = makeTempDir('redis-test-');
  const args = [
    '--port',
    String(port),
    '--bind',
    HOST,
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--daemonize',
    'no',
    '--logfile',
    '',
    '--databases',
    '16',
    ...(options.args ?? []),
  ];
  const child = spawn(REDIS_SERVER_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  spawnError.catch(() => undefined);

  const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
  try {
    for (;;) {
      if (exitedEarly) {
        if (/Address already in use/i.test(out)) throw new PortInUse(out);
        throw new Error(`redis-server exited before answering PING:\n${out}`);
      }
      if (await Promise.race([ping(port), spawnError])) break;
      if (Date.now() > deadline)
        throw new Error(`redis-server on ${HOST}:${port} did not answer PING in time:\n${out}`);
      await sleep(25);
    }
  } catch (err) {
    await terminate(child, exited);
    removeTempDir(dir);
    throw err;
  }

  let stopped = false;
  return {
    host: HOST,
    port,
    url: `redis://${HOST}:${port}/0`,
    pid: child.pid!,
    dir,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await terminate(child, exited);
      removeTempDir(dir);
    },
    output: () => out,
  };
}

async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGCONT'); // in case a test left it paused
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** true when the server answers +PONG to an inline PING. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ host: HOST, port });
    let buf = '';
    const done = (ok: boolean): void => {
      sock.setTimeout(0);
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.once('error', () => done(false));
    sock.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
    sock.once('connect', () => sock.write('PING\r\n'));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
