/**
 * `pynenc-contract events | markers | runs | tail` against stores the real pynenc wrote: a SQLite file and a
 * redis-server of the test's own, each filled by scripts/python/monitoring_oracle.py (pynenc's trigger API).
 * What each command prints is compared with what pynenc's own method answers on the same store
 * (the to_json texts, byte for byte). `tail` runs beside scripts/python/follow_writer.py (emit_event and the
 * trigger loop) until SIGINT.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pythonQuery, UNORDERED_ON_REDIS, type OracleQuery, type Target } from '../support/monitoring-oracle';
import { runOracle, spawnOracle } from '../support/pynenc-python';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server';
import { ROOT, runCli, startCli, type RunResult } from '../support/run-cli';

jest.setTimeout(300_000);

const APP_ID = 'cli.monitoring';
const TIME_MIN = '0001-01-01T00:00:00+00:00';
const TIME_MAX = '9999-12-31T23:59:59.999999+00:00';

interface Info {
  events: number;
  runs: number;
  first: string;
  last: string;
}

interface Run {
  trigger_run_id: string;
  event_ids: string[];
  source_invocation_ids: string[];
  valid_condition_ids: string[];
  triggered_invocation_id: string | null;
  task_id_key: string;
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

/** A query to pynenc's own method: `method(*args, **kwargs)` on the store's trigger. */
function q(method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): OracleQuery {
  return { id: '', method, args, kwargs };
}

interface Case {
  name: string;
  cli: string[];
  py: OracleQuery;
  /** records: stdout lines are Python's to_json texts; count: one number; markers: a marker page. */
  as: 'records' | 'count' | 'batch' | 'markers-lines' | 'markers-page';
}

function addSeconds(iso: string, seconds: number): string {
  const d = new Date(Date.parse(iso) + seconds * 1000);
  return d.toISOString().replace('Z', '+00:00');
}

/** The cases, from the ids and times of the data set pynenc wrote. */
function casesFor(info: Info, events: { event_id: string; emitted_by_task_id: string | null }[], runs: Run[]): Case[] {
  const mid = addSeconds(info.first, 2400);
  const withTask = events.find((e) => e.emitted_by_task_id !== null)!;
  const withEvents = runs.find((r) => r.event_ids.length > 0)!;
  const sourced = runs.find((r) => r.source_invocation_ids.length > 0)!;
  const ids = [events[3]!.event_id, 'no-such-event', events[0]!.event_id];
  return [
    { name: 'events: get_events defaults (newest first, 100)', cli: ['events'], py: q('get_events'), as: 'records' },
    {
      name: 'events: code, matched, limit, offset',
      cli: ['events', '--code', 'order.paid', '--matched', '--limit', '7', '--offset', '3'],
      py: q('get_events', [], { event_code: 'order.paid', matched: true, limit: 7, offset: 3 }),
      as: 'records',
    },
    {
      name: 'events: a window read in pages of 97 (--all)',
      cli: ['events', '--untriggered', '--start', info.first, '--end', mid, '--all', '--page-size', '97'],
      py: q('get_events', [], { triggered: false, start_time: info.first, end_time: mid, limit: 1_000_000 }),
      as: 'records',
    },
    {
      name: 'events: emitted by a task',
      cli: ['events', '--emitted-by-task', withTask.emitted_by_task_id!, '--unmatched', '--limit', '500'],
      py: q('get_events', [], { emitted_by_task_id: withTask.emitted_by_task_id, matched: false, limit: 500 }),
      as: 'records',
    },
    {
      name: 'events --count',
      cli: ['events', '--count', '--code', 'z', '--triggered'],
      py: q('count_events', [], { event_code: 'z', triggered: true }),
      as: 'count',
    },
    {
      name: 'events --id (one not stored)',
      cli: ['events', '--id', ...ids],
      py: q('get_events_batch', [ids]),
      as: 'batch',
    },
    {
      name: 'markers: a page (--format json is the EventMarkerPage)',
      cli: [
        'markers',
        '--start',
        info.first,
        '--end',
        mid,
        '--state',
        'triggered',
        '--limit',
        '5',
        '--offset',
        '2',
        '--format',
        'json',
      ],
      py: q('get_event_markers_in_timerange', [info.first, mid], { state: 'triggered', limit: 5, offset: 2 }),
      as: 'markers-page',
    },
    {
      name: 'markers: JSON Lines, a busy window in the backend order',
      cli: ['markers', '--start', info.first, '--end', info.last, '--code', 'order.created', '--limit', '50'],
      py: q('get_event_markers_in_timerange', [info.first, info.last], { event_code: 'order.created', limit: 50 }),
      as: 'markers-lines',
    },
    {
      name: 'runs --event',
      cli: ['runs', '--event', withEvents.event_ids[0]!],
      py: q('get_trigger_runs_for_event', [withEvents.event_ids[0]]),
      as: 'records',
    },
    {
      name: 'runs --invocation',
      cli: ['runs', '--invocation', withEvents.triggered_invocation_id!],
      py: q('get_trigger_runs_for_invocation', [withEvents.triggered_invocation_id]),
      as: 'records',
    },
    {
      name: 'runs --sourced-by',
      cli: ['runs', '--sourced-by', sourced.source_invocation_ids[0]!],
      py: q('get_trigger_runs_sourced_by_invocation', [sourced.source_invocation_ids[0]]),
      as: 'records',
    },
    {
      name: 'runs --valid-condition',
      cli: ['runs', '--valid-condition', withEvents.valid_condition_ids[0]!],
      py: q('get_trigger_runs_for_valid_condition', [withEvents.valid_condition_ids[0]]),
      as: 'records',
    },
    {
      name: 'runs: a time window by task, limited',
      cli: ['runs', '--start', info.first, '--end', info.last, '--task', withEvents.task_id_key, '--limit', '9'],
      py: q('get_trigger_runs_in_timerange', [info.first, info.last], {
        task_id_key: withEvents.task_id_key,
        limit: 9,
      }),
      as: 'records',
    },
    {
      name: 'runs: all time by event code',
      cli: ['runs', '--code', 'order.paid'],
      py: q('get_trigger_runs_in_timerange', [TIME_MIN, TIME_MAX], { event_code: 'order.paid' }),
      as: 'records',
    },
  ];
}

type Backend = 'sqlite' | 'redis';

interface Store {
  target: Target;
  args: string[];
  cases: Case[];
  answers: Record<string, { ok: unknown } | { error: string }>;
  events: { event_id: string }[];
}

function prepare(target: Target, args: string[]): Store {
  const write = { ...target, app_id: APP_ID, seed: 5, events: 1200, runs: 160, emits: 12 };
  const { info } = runOracle<{ info: Info }>('monitoring_oracle.py', { op: 'write', ...write }, { timeoutMs: 300_000 });
  const discover = pythonQuery(target, APP_ID, [
    { ...q('get_events', [], { limit: 2000 }), id: 'events' },
    { ...q('get_trigger_runs_in_timerange', [TIME_MIN, TIME_MAX]), id: 'runs' },
  ]);
  const events = (discover.events as { ok: string[] }).ok.map(
    (t) => JSON.parse(t) as { event_id: string; emitted_by_task_id: string | null },
  );
  const runs = (discover.runs as { ok: string[] }).ok.map((t) => JSON.parse(t) as Run);
  const cases = casesFor(info, events, runs).map((c, i) => ({ ...c, py: { ...c.py, id: `c${i}` } }));
  const answers = pythonQuery(
    target,
    APP_ID,
    cases.map((c) => c.py),
  );
  return { target, args, cases, answers, events };
}

function expectLike(c: Case, backend: Backend, r: RunResult, answer: unknown): void {
  const out = lines(r.stdout);
  switch (c.as) {
    case 'records': {
      expect(r.code).toBe(0);
      const texts = answer as string[];
      if (backend === 'redis' && UNORDERED_ON_REDIS.has(c.py.method))
        expect([...out].sort()).toEqual([...texts].sort());
      else expect(out).toEqual(texts);
      break;
    }
    case 'count':
      expect(r.code).toBe(0);
      expect(out).toEqual([String(answer)]);
      break;
    case 'batch': {
      const pairs = answer as [string, string | null][];
      expect(out).toEqual(pairs.filter(([, v]) => v !== null).map(([, v]) => v));
      expect(r.code).toBe(1); // an id not found
      expect(r.stderr).toContain('no event "no-such-event"');
      break;
    }
    case 'markers-page':
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(answer);
      break;
    case 'markers-lines': {
      expect(r.code).toBe(0);
      const page = answer as { markers: unknown[]; total: number; truncated: boolean };
      expect(out.map((l) => JSON.parse(l) as unknown)).toEqual(page.markers);
      expect(r.stderr).toContain(`markers: ${page.markers.length} of ${page.total}`);
      break;
    }
  }
}

const BACKENDS: Backend[] = ['sqlite', 'redis'];

describe.each(BACKENDS)('on %s written by pynenc', (backend) => {
  let dir: string;
  let server: RedisServer | undefined;
  let store: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-monitoring-'));
    if (backend === 'sqlite') {
      const path = join(dir, 'store.db');
      store = prepare({ backend, path }, ['--sqlite', path, '--app', APP_ID]);
    } else {
      server = await startRedisServer();
      store = prepare({ backend, redis_url: server.url }, ['--redis', server.url, '--app', APP_ID]);
    }
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("each command prints what pynenc's method answers", async () => {
    for (const c of store.cases) {
      const answer = store.answers[c.py.id]!;
      if (!('ok' in answer)) throw new Error(`${c.name}: pynenc raised ${answer.error}`);
      const r = await runCli([...c.cli, ...store.args]);
      try {
        expectLike(c, backend, r, answer.ok);
      } catch (err) {
        throw new Error(`${c.name} (${c.cli.join(' ')}): ${(err as Error).message}\nstderr: ${r.stderr}`);
      }
    }
  });

  test('--format json is one array of the to_json texts; --format table a header and a row each', async () => {
    const first = store.answers[store.cases[0]!.py.id] as { ok: string[] };
    const json = await runCli(['events', '--limit', '4', '--format', 'json', ...store.args]);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(`[${first.ok.slice(0, 4).join(', ')}]\n`);
    const table = await runCli(['events', '--limit', '3', '--format', 'table', ...store.args]);
    expect(table.code).toBe(0);
    const rows = lines(table.stdout);
    expect(rows[0]).toMatch(/^timestamp +event_id +event_code +matched +triggered +emitted_by_task_id$/);
    expect(rows.slice(1).map((row) => row.split(/ +/)[1])).toEqual(
      first.ok.slice(0, 3).map((t) => (JSON.parse(t) as { event_id: string }).event_id),
    );
  });

  test('tail prints every record pynenc writes, once as new, then its changes; SIGINT ends it (exit 0)', async () => {
    const appId = 'cli.tail';
    const target = store.target;
    const storeArgs = [...store.args.slice(0, 2), '--app', appId];
    runOracle('follow_writer.py', { op: 'init', ...target, app_id: appId });
    const tail = startCli(['tail', ...storeArgs, '--interval', '50', '--trailing', '300', '--since', '-2s']);
    let python: { events: Record<string, string>; runs: Record<string, string> };
    try {
      python = await new Promise((resolve, reject) => {
        const writer = spawnOracle('follow_writer.py');
        let out = '';
        let err = '';
        writer.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
        writer.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
        writer.on('close', (code) =>
          code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`writer exit ${code}: ${err.slice(-4000)}`)),
        );
        writer.stdin.end(
          JSON.stringify({
            op: 'write',
            ...target,
            app_id: appId,
            seed: 3,
            rounds: 15,
            per_round: 5,
            loop_every: 5,
            pause_ms: 40,
          }),
        );
      });
      await new Promise((r) => setTimeout(r, 2500));
    } finally {
      tail.child.kill('SIGINT');
    }
    expect(await tail.exited).toBe(0);
    const news = new Map<string, number>();
    const last = new Map<string, string>();
    for (const line of lines(tail.stdout)) {
      const item = JSON.parse(line) as {
        kind: 'event' | 'run';
        change: string;
        record: { event_id?: string; trigger_run_id?: string };
      };
      const key = `${item.kind}:${item.record.event_id ?? item.record.trigger_run_id}`;
      if (item.change === 'new') news.set(key, (news.get(key) ?? 0) + 1);
      const prefix = `{"kind": "${item.kind}", "change": "${item.change}", "record": `;
      expect(line.startsWith(prefix) && line.endsWith('}')).toBe(true);
      last.set(key, line.slice(prefix.length, -1));
    }
    const expected = [
      ...Object.keys(python.events).map((id) => `event:${id}`),
      ...Object.keys(python.runs).map((id) => `run:${id}`),
    ];
    expect([...news.keys()].sort()).toEqual(expected.sort());
    expect([...news.values()].every((n) => n === 1)).toBe(true);
    for (const [id, text] of Object.entries(python.events)) expect(last.get(`event:${id}`)).toBe(text);
    for (const [id, text] of Object.entries(python.runs)) expect(last.get(`run:${id}`)).toBe(text);
    expect(tail.stderr).toBe('');
  });
});

describe('problems and exit codes', () => {
  let dir: string;
  let path: string;
  let ids: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-monitoring-errors-'));
    path = join(dir, 'store.db');
    runOracle('monitoring_oracle.py', {
      op: 'write',
      backend: 'sqlite',
      path,
      app_id: APP_ID,
      seed: 9,
      events: 300,
      runs: 20,
      emits: 0,
    });
    const answers = pythonQuery({ backend: 'sqlite', path }, APP_ID, [
      { ...q('get_events', [], { limit: 1000 }), id: 'all' },
    ]);
    ids = (answers.all as { ok: string[] }).ok.map((t) => (JSON.parse(t) as { event_id: string }).event_id);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const store = (): string[] => ['--sqlite', path, '--app', APP_ID];

  // `withStore`: the arguments name the test's store, so only the one thing named is wrong
  test.each([
    ['no store', ['events'], false],
    ['two stores', ['events', '--sqlite', 'x.db', '--redis', 'redis://127.0.0.1:1'], false],
    ['a limit that is not a number', ['events', '--limit', 'ten'], true],
    ['a time Python cannot read', ['events', '--start', 'yesterday'], true],
    ['--matched with --unmatched', ['events', '--matched', '--unmatched'], true],
    ['a window option with --event', ['runs', '--event', 'e', '--limit', '3'], true],
    ['two run selectors', ['runs', '--event', 'e', '--invocation', 'i'], true],
    ['--format json for tail', ['tail', '--format', 'json'], true],
    ['an unknown state', ['markers', '--start', 'now', '--end', 'now', '--state', 'done'], true],
  ] as const)('usage: %s (exit 2)', async (_name, args, withStore) => {
    const r = await runCli([...args, ...(withStore ? store() : [])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toBe('');
  });

  test('a missing file, another app_id, a Redis nobody runs: exit 2 with the reason', async () => {
    const missing = await runCli(['events', '--sqlite', join(dir, 'none.db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/unavailable/);
    const other = await runCli(['events', '--sqlite', path, '--app', 'another.app']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/refusing sqlite .*__trg_events/);
    const down = await runCli(['runs', '--redis', `redis://127.0.0.1:${await freePort()}`]);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/unavailable \((refused|timeout|failed)\)/);
  });

  test('an unreadable row: the others are printed, the row is named on stderr, exit 1', async () => {
    const corrupt = join(dir, 'corrupt.db');
    copyFileSync(path, corrupt);
    const db = new Database(corrupt);
    const table = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%__trg_events'").get() as {
        name: string;
      }
    ).name;
    const victim = ids[150]!;
    db.prepare(`UPDATE ${table} SET event_json = ? WHERE event_id = ?`).run('{"event_id": "half', victim);
    db.close();
    const r = await runCli(['events', '--all', '--page-size', '64', '--sqlite', corrupt, '--app', APP_ID]);
    expect(r.code).toBe(1);
    expect(lines(r.stdout).map((l) => (JSON.parse(l) as { event_id: string }).event_id)).toEqual(
      ids.filter((id) => id !== victim),
    );
    expect(r.stderr).toContain(`pynenc-contract events: unreadable EventRecord in sqlite ${table} id "${victim}"`);
  });

  test('tail: Redis stops and comes back; the outage is reported once, then what is written after', async () => {
    let server = await startRedisServer();
    const port = server.port;
    const appId = 'cli.outage';
    const storeArgs = ['--redis', server.url, '--app', appId];
    /** follow_writer.py on the server as it is now: its event ids. */
    const write = (seed: number): string[] => {
      const target = { backend: 'redis', redis_url: server.url, app_id: appId };
      runOracle('follow_writer.py', { op: 'init', ...target });
      const request = { op: 'write', ...target, seed, rounds: 3, per_round: 3, loop_every: 1, pause_ms: 10 };
      return Object.keys(runOracle<{ events: Record<string, string> }>('follow_writer.py', request).events);
    };
    const tail = startCli(['tail', ...storeArgs, '--interval', '100', '--trailing', '2000', '--since', '-2s']);
    const until = async (what: string, done: () => boolean): Promise<void> => {
      for (const started = Date.now(); !done(); await new Promise((r) => setTimeout(r, 100))) {
        if (Date.now() - started > 30_000)
          throw new Error(`${what}: not within 30 s\nstdout: ${tail.stdout}\nstderr: ${tail.stderr}`);
      }
    };
    const printed = (eventIds: string[]) => () => eventIds.every((id) => tail.stdout.includes(`"event_id": "${id}"`));
    try {
      const before = write(1);
      await until('the first records', printed(before));
      await server.kill();
      await until('the outage on stderr', () => /pynenc-contract tail: redis .* unavailable/.test(tail.stderr));
      server = await startRedisServer({ port });
      const after = write(2);
      await until('the records written after the restart', printed(after));
    } finally {
      tail.child.kill('SIGINT');
      await server.stop();
    }
    expect(await tail.exited).toBe(0);
    expect(tail.stderr.match(/unavailable/g)).toHaveLength(1); // once, not once a poll
  });

  test('the drivers are loaded by these commands only', async () => {
    const r = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '-r',
          'tsx/cjs',
          '-e',
          "require('./src/cli/main.ts').buildProgram(); " +
            'console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /better-sqlite3|ioredis/.test(k))))',
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
    expect(JSON.parse(r)).toEqual([]);
  });
});
