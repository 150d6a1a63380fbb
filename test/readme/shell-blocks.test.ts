/**
 * The shell examples of README.md, CONTRIBUTING.md, ARCHITECTURE.md and docs/*.md run as written: every ```sh and
 * ```console block, and every indented code block that is shell (test/support/shell-blocks.ts finds them, and the
 * other shell fences), is run with bash, command by command, in a scratch folder
 * holding the files its commands name, with `pynenc-contract` on PATH being this checkout's CLI (as
 * test/support/run-cli.ts starts it: dist/ when fresh, else the sources through tsx). A console block's output —
 * stdout and stderr interleaved, `{ cmd ; } 2>&1` — must be what it shows (`…` elides; `$ echo $?` shows the exit
 * code); every command of a sh block must exit 0, and a recipe checks what it made.
 *
 * A block no recipe below knows (its commands, exactly) fails: no silent skip. Not run here: docs/python.md's CI
 * snippet, which test/python/test_readme.py runs, exempt only while byte-equal to test/python/readme_ci.sh; and the
 * build-and-test quote of README.md and CONTRIBUTING.md, checked to be commands .ci/run runs (a recipe `quotesCi`).
 *
 * The files are made by real means: EventRecord and TriggerRunRecord texts are what the real pynenc wrote (its
 * SQLiteTrigger, through scripts/python/monitoring_oracle.py), edited where a block needs an invalid document; the
 * monitoring commands read that SQLite file and a private redis-server that pynenc's RedisTrigger wrote
 * (scripts/python/follow_writer.py: emit_event and the trigger loop); the compat examples read an edited copy of the
 * contract in a git repository; the install examples install the tarball `npm pack` makes of this checkout.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pythonQuery } from '../support/monitoring-oracle';
import { runOracle } from '../support/pynenc-python';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { cliCommand, ROOT } from '../support/run-cli';
import { docPages, matchesShown, runSession, shellBlocks, type StepResult } from '../support/shell-blocks';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(180_000);

const BLOCKS = shellBlocks(ROOT, docPages(ROOT));
const APP_ID = 'my_app';
/** The event whose trigger runs docs/monitoring.md's `runs --event` lists (seed 7 below links two runs to it). */
const EVENT_WITH_RUNS = 'evt-7-00042';
const PYTHON_CI_SNIPPET = join(ROOT, 'test', 'python', 'readme_ci.sh');
const devVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
    .devDependencies[name]!;

/** What the beforeAll made, for the recipes. */
interface World {
  dir: string;
  env: NodeJS.ProcessEnv;
  redis: RedisServer;
  /** EventRecord texts pynenc's SQLiteTrigger stored and read back (to_json), the seeded ones, by id. */
  events: string[];
  /** TriggerRunRecord texts (to_json) of the same store. */
  runs: string[];
}

interface Recipe {
  /** The pages whose block this is. */
  pages: string[];
  /** The block's commands, exactly as written: the recipe runs only the block that has these. */
  commands: string[];
  /**
   * Not run: a quote of commands `.ci/run` runs (each part of an `&&` chain must be a line of it, checked here). The
   * build (which replaces dist/, what the other tests read) and the whole suite cannot run inside the suite.
   */
  quotesCi?: true;
  /** The block's folder under the scratch folder (default: its own), or an absolute path (the checkout). */
  folder?: string;
  /** Makes the files the commands name in `cwd`; returns environment to add. */
  setup?(cwd: string, world: World): Promise<NodeJS.ProcessEnv | void> | NodeJS.ProcessEnv | void;
  /** bash run before the commands, in the same process. */
  prelude?: string;
  /** A command that runs until stopped (`tail`): run by this instead of the session. */
  longRunning?: {
    command: string;
    run(command: string, cwd: string, env: NodeJS.ProcessEnv, world: World): Promise<StepResult>;
  };
  /** Checks beyond the shown output (console) or the exit codes of 0 (sh). */
  check?(results: StepResult[], cwd: string, world: World): void;
}

// ── fixtures ──────────────────────────────────────────────────────────────────────────────────────────────────────

const lines = (texts: string[]): string => texts.map((text) => `${text}\n`).join('');
const edited = (text: string, change: Record<string, unknown>): Record<string, unknown> => ({
  ...(JSON.parse(text) as Record<string, unknown>),
  ...change,
});
/** A timestamp written with Python's str(datetime) instead of isoformat(): a space for the `T`. */
const strTimestamp = (text: string): string =>
  JSON.stringify(edited(text, { timestamp: (JSON.parse(text) as { timestamp: string }).timestamp.replace('T', ' ') }));

/** What pynenc's own trigger loop writes (scripts/python/consistency_oracle.py, one seeded scenario, 0.5 s). */
function playedTriggerLoop(): { trigger_runs: string[]; events: string[] } {
  return runOracle('consistency_oracle.py', { seed: 7, scenarios: 1 }, { timeoutMs: 120_000 });
}

/** event.json: a pynenc record with event_code 5 on line 3 and an impossible date on line 4, as the page shows. */
function invalidEventJson(world: World): string {
  const record = edited(world.events[0]!, { event_code: 5, timestamp: '2026-02-30T10:11:12+00:00' });
  const text = `${JSON.stringify(record, null, 2)}\n`;
  const at = text.split('\n');
  expect([at[2], at[3]]).toEqual(['  "event_code": 5,', '  "timestamp": "2026-02-30T10:11:12+00:00",']);
  return text;
}

/** The byte 0xED (a Latin-1 í) at byte offset 15 of a pynenc record, followed by ASCII: not UTF-8. */
function latin1EventJson(world: World): Buffer {
  const bytes = Buffer.from(world.events[0]!, 'utf8');
  expect(bytes.subarray(0, 16).toString('latin1')).toBe('{"event_id": "ev');
  bytes[15] = 0xed;
  return bytes;
}

/** events.jsonl: lines 1, 2 and 4 pynenc records; line 3 one cut after three bytes of an emoji at byte offset 667. */
function truncatedEmojiJsonl(world: World): Buffer {
  const [first, second, third, fourth] = [...world.events].sort((a, b) => a.length - b.length);
  const before = Buffer.byteLength(`${first}\n${second}\n`);
  const cut = 667 - before;
  expect(cut > 0 && cut < third!.length).toBe(true);
  const emoji = Buffer.from('😀', 'utf8').subarray(0, 3); // F0 9F 98 of F0 9F 98 80
  return Buffer.concat([
    Buffer.from(`${first}\n${second}\n${third!.slice(0, cut)}`),
    emoji,
    Buffer.from(`\n${fourth}\n`),
  ]);
}

/** A git repository in `cwd` whose origin/main holds what is there now (a ref of its own, no remote needed). */
function gitBaseline(cwd: string, paths: string[]): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q');
  git('add', ...paths);
  git('-c', 'user.name=docs', '-c', 'user.email=docs@example.invalid', 'commit', '-q', '-m', 'the contract on main');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
}

/** The edits docs/cli.md's compat example describes, on the contract folder `contract`. */
function editContract(contract: string, { claimedAtRequired }: { claimedAtRequired: boolean }): void {
  const update = (file: string, change: (schema: { properties: Record<string, Record<string, unknown>> }) => void) => {
    const path = join(contract, file);
    const schema = JSON.parse(readFileSync(path, 'utf8')) as { properties: Record<string, Record<string, unknown>> };
    change(schema);
    writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  };
  update('event-record.schema.json', (schema) => {
    schema.properties['note'] = { type: 'string' };
  });
  if (claimedAtRequired) {
    update('trigger-run-record.schema.json', (schema) => {
      schema.properties['claimed_at']!['$ref'] = 'common.schema.json#/$defs/timestamp';
    });
  }
}

function copySchemas(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter((name) => name.endsWith('.schema.json'))) {
    cpSync(join(from, file), join(to, file));
  }
}

// ── README's and the packaging page's consumer projects ──────────────────────────────────────────────────────────────

const PROJECT = 'project'; // one consumer project for docs/packaging.md's blocks, in page order
const README_PROJECT = 'readme-project'; // and one for README.md's
const PACKAGE = 'pynenc-monitoring-contract';

/**
 * `npm install <name>` as the registry would answer it, offline. This package's name installs the tarball packed
 * from this checkout (`npm pack --ignore-scripts`: the dist/ that npm test runs against); better-sqlite3 and ioredis
 * come from npm's cache (--prefer-offline) at the checkout's versions. Install scripts are not run: better-sqlite3's
 * node-gyp compile takes a minute here, so the binary the checkout's own `npm ci` built (same version, same Node)
 * is copied in. Every other npm command is npm's.
 */
const NPM_PRELUDE = `
npm() {
  if [ "$1" != install ]; then command npm "$@"; return; fi
  shift
  local args=() arg native=0
  for arg in "$@"; do
    case "$arg" in
      ${PACKAGE}) args+=("$DOC_PACKAGE_TARBALL") ;;
      better-sqlite3) args+=("better-sqlite3@${devVersion('better-sqlite3')}"); native=1 ;;
      ioredis) args+=("ioredis@${devVersion('ioredis')}") ;;
      *) args+=("$arg") ;;
    esac
  done
  command npm install --no-audit --no-fund --prefer-offline --ignore-scripts "\${args[@]}" || return
  if [ "$native" = 1 ]; then
    mkdir -p node_modules/better-sqlite3/build/Release
    cp "$DOC_BETTER_SQLITE3_BINARY" node_modules/better-sqlite3/build/Release/
  fi
}`;

function packTarball(into: string): string {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) throw new Error('dist/ is missing: npm run build');
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return join(into, (JSON.parse(out) as { filename: string }[])[0]!.filename);
}

/** The later packaging blocks work in the project the install block made (jest runs a file's tests in order). */
function requireInstalled(cwd: string): void {
  if (!existsSync(join(cwd, 'node_modules', PACKAGE)))
    throw new Error('run the install block first: it installs the package');
}

/** The package and both peers load in the project: a SQLite store opens, the Redis store is there. */
function checkInstalled(cwd: string): void {
  const loaded = nodeIn(
    cwd,
    `import { validate } from '${PACKAGE}';
    const { SqliteStore } = await import('${PACKAGE}/sqlite');
    const { RedisStore } = await import('${PACKAGE}/redis');
    const store = new SqliteStore({ path: ':memory:' });
    await store.close();
    console.log(JSON.stringify([typeof validate, typeof RedisStore]));`,
  );
  expect(JSON.parse(loaded)).toEqual(['function', 'function']);
}

/** An install block: its commands in a fresh project `folder` (npm mapped to the tarball), then checkInstalled. */
function installRecipe(page: string, folder: string, commands: string[]): Recipe {
  return {
    pages: [page],
    folder,
    commands,
    prelude: NPM_PRELUDE,
    setup(cwd) {
      writeFileSync(join(cwd, 'package.json'), JSON.stringify({ name: 'my-app', private: true }));
    },
    check: (_results, cwd) => checkInstalled(cwd),
  };
}

function nodeIn(cwd: string, script: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
}

// ── the Python package ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * generated/python copied to `cwd` as a checkout has it (no build leftovers), and a venv `venv` of Debian's python3
 * that sees its python3-setuptools and python3-jsonschema (the build runs without isolation); returns the
 * environment that puts the venv first on PATH and allows no package index.
 */
function pythonProject(cwd: string, world: World): NodeJS.ProcessEnv {
  const source = join(ROOT, 'generated', 'python');
  cpSync(source, join(cwd, 'generated', 'python'), {
    recursive: true,
    filter: (path) => !/(^|\/)(build|[^/]*\.egg-info|__pycache__)$/.test(path.slice(source.length)),
  });
  execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', '--system-site-packages', 'venv'], { cwd });
  return { PATH: `${join(cwd, 'venv', 'bin')}:${world.env.PATH}`, PIP_NO_INDEX: '1' };
}

/** The venv in `cwd` imports the package from itself, and it validates a record. */
function checkPythonInstalled(cwd: string): void {
  const script = [
    'import sys, pynenc_monitoring_contract as p',
    "print(p.__file__.startswith(sys.prefix), list(p.iter_errors('EventRecord', {'event_id': 1})) != [])",
  ].join('\n');
  const ran = execFileSync(join(cwd, 'venv', 'bin', 'python3'), ['-c', script], { encoding: 'utf8' });
  expect(ran).toBe('True True\n');
}

// ── monitoring: tail runs until SIGINT ────────────────────────────────────────────────────────────────────────────

const TAIL = `pynenc-contract tail --redis "$REDIS_URL" --app ${APP_ID} --only run`;

/** Runs `command` (a `tail`) beside pynenc writing to the Redis store, until it printed a run; then SIGINT. */
async function tailWhilePynencWrites(command: string, cwd: string, env: NodeJS.ProcessEnv, world: World) {
  const child = spawn('bash', ['-c', `exec ${command}`], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (data: string) => (output += data));
  child.stderr.setEncoding('utf8').on('data', (data: string) => (output += data));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    // tail starts from now, whenever its process is up: pynenc writes (and tail polls, every second) until it shows
    const shown = () => output.includes('"kind": "run"');
    const deadline = Date.now() + 60_000;
    for (let seed = 2; !shown() && Date.now() < deadline; seed++) {
      writeWithPynenc(world, seed);
      const polled = Date.now() + 3000;
      while (!shown() && Date.now() < polled) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    child.kill('SIGINT');
  }
  const status = await exited;
  return { command, output: output.split('\n').filter((line) => line !== ''), status: status ?? -1 };
}

/**
 * pynenc's RedisTrigger writing: emit_event and trigger-loop iterations (follow_writer.py), app my_app. Synchronous: a
 * `tail` running meanwhile is a process of its own, its output waiting in the pipe.
 */
function writeWithPynenc(world: World, seed: number): void {
  const request = { backend: 'redis', redis_url: world.redis.url, app_id: APP_ID, seed };
  runOracle('follow_writer.py', { op: 'write', ...request, rounds: 4, per_round: 4, loop_every: 2, pause_ms: 0 });
}

/** The records a monitoring command printed (one JSON object a line), and its other lines (stderr's). */
const jsonLines = (result: StepResult) =>
  result.output.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
const otherLines = (result: StepResult) => result.output.filter((line) => !line.startsWith('{'));

// ── the recipes ───────────────────────────────────────────────────────────────────────────────────────────────────

const RECIPES: Recipe[] = [
  {
    pages: ['README.md', 'CONTRIBUTING.md'],
    commands: ['npm ci && npm run build', 'npm test'],
    quotesCi: true,
  },
  installRecipe('README.md', README_PROJECT, [
    `npm install ${PACKAGE}`,
    'npm install better-sqlite3   # optional: the SQLite store and monitoring reader (./sqlite)',
    'npm install ioredis          # optional: the Redis store and monitoring reader (./redis)',
  ]),
  {
    pages: ['README.md'],
    folder: README_PROJECT, // after the install above
    commands: [
      'npx pynenc-contract validate --jsonl EventRecord records.jsonl     # file:line path: message; exit 1 if invalid',
      'npx pynenc-contract compat                                         # the contract against its frozen baseline',
    ],
    setup(cwd, world) {
      requireInstalled(cwd);
      writeFileSync(join(cwd, 'records.jsonl'), lines(world.events)); // what pynenc wrote
    },
    check([validated, compat], _cwd, world) {
      expect([validated!.output, compat!.output.at(-1)]).toEqual([
        [`EventRecord: ${world.events.length} documents in 1 input, 0 invalid (0 problems)`],
        '0 changes, 0 breaking backward compatibility; PASS',
      ]);
    },
  },
  {
    pages: ['docs/python.md'],
    commands: [
      'pip install --no-build-isolation ./generated/python   # from a checkout; builds offline with your setuptools',
    ],
    setup(cwd, world) {
      const env = pythonProject(cwd, world);
      // A `pip` that runs Debian's pip module with the venv's Python, as pip's own console script would (installing
      // pip into the venv takes seconds). No package index (pythonProject), to hold the comment's "offline" to its word.
      writeFileSync(join(cwd, 'venv', 'bin', 'pip'), '#!/bin/sh\nexec "$(dirname "$0")/python3" -m pip "$@"\n');
      chmodSync(join(cwd, 'venv', 'bin', 'pip'), 0o755);
      return env;
    },
    check: (_results, cwd) => checkPythonInstalled(cwd),
  },
  {
    pages: ['docs/cli.md'],
    commands: [
      'pynenc-contract validate EventRecord event.json',
      'echo $?',
      'pynenc-contract validate --jsonl TriggerRunRecord runs.jsonl',
      'zcat events.jsonl.gz | pynenc-contract validate --jsonl --format json EventRecord -',
    ],
    setup(cwd, world) {
      writeFileSync(join(cwd, 'event.json'), invalidEventJson(world));
      writeFileSync(join(cwd, 'runs.jsonl'), lines(world.runs));
      // 5,010 pynenc records, line 5,000 with a str(datetime) timestamp
      const many = Array.from({ length: 5010 }, (_, i) => world.events[i % world.events.length]!);
      many[4999] = strTimestamp(many[4999]!);
      writeFileSync(join(cwd, 'events.jsonl.gz'), gzipSync(lines(many)));
    },
  },
  {
    pages: ['docs/cli.md'],
    commands: ['pynenc-contract format --jsonl EventRecord legacy.jsonl > canonical.jsonl'],
    setup(cwd, world) {
      // pynenc's records written again by another JSON writer (no spaces, raw UTF-8), one with a key pynenc drops
      const legacy = world.events.slice(0, 20).map((text) => JSON.stringify(JSON.parse(text)));
      legacy[16] = JSON.stringify(edited(world.events[16]!, { weight: 2 }));
      writeFileSync(join(cwd, 'legacy.jsonl'), lines(legacy));
    },
    check(_results, cwd, world) {
      // written back as pynenc's to_json wrote them, byte for byte
      expect(readFileSync(join(cwd, 'canonical.jsonl'), 'utf8')).toBe(lines(world.events.slice(0, 20)));
    },
  },
  {
    pages: ['docs/cli.md'],
    commands: [
      'pynenc-contract compat --against contract/baselines/v1',
      'echo $?',
      'pynenc-contract compat --against origin/main --mode full --format json',
    ],
    setup(cwd) {
      copySchemas(join(ROOT, 'contract'), join(cwd, 'contract'));
      cpSync(join(ROOT, 'contract', 'baselines'), join(cwd, 'contract', 'baselines'), { recursive: true });
      gitBaseline(cwd, ['contract']);
      editContract(join(cwd, 'contract'), { claimedAtRequired: true });
    },
  },
  {
    pages: ['docs/cli.md'],
    commands: [
      'pynenc-contract validate EventRecord - < some-folder',
      'echo $?',
      'pynenc-contract format EventRecord event.json > /dev/full',
      'echo $?',
      'pynenc-contract validate --jsonl EventRecord big.jsonl | head -1',
    ],
    setup(cwd, world) {
      mkdirSync(join(cwd, 'some-folder'));
      writeFileSync(join(cwd, 'event.json'), world.events[0]!);
      // 16 good lines, then 2,000 bad ones: far more output than a pipe holds, so the CLI writes after head left
      const bad = Array.from({ length: 2000 }, (_, i) => strTimestamp(world.events[i % world.events.length]!));
      writeFileSync(join(cwd, 'big.jsonl'), lines([...world.events.slice(0, 16), ...bad]));
    },
  },
  {
    pages: ['docs/cli.md'],
    commands: [
      'pynenc-contract validate EventRecord event.json',
      'pynenc-contract validate --jsonl EventRecord events.jsonl',
    ],
    setup(cwd, world) {
      writeFileSync(join(cwd, 'event.json'), latin1EventJson(world));
      writeFileSync(join(cwd, 'events.jsonl'), truncatedEmojiJsonl(world));
    },
  },
  {
    pages: ['docs/consistency.md'],
    commands: [
      'pynenc-contract validate --consistency TriggerRunRecord run.json',
      'pynenc-contract validate --consistency --jsonl EventRecord events.jsonl',
    ],
    setup(cwd) {
      const played = playedTriggerLoop();
      writeFileSync(join(cwd, 'run.json'), `${JSON.stringify(JSON.parse(played.trigger_runs[0]!), null, 2)}\n`);
      writeFileSync(join(cwd, 'events.jsonl'), lines(played.events));
    },
    check(results) {
      // Records pynenc's trigger loop wrote hold its invariants: no warning.
      expect(results.flatMap((result) => result.output.filter((line) => line.includes(' warning ')))).toEqual([]);
      expect(results.map((result) => result.output.at(-1))).toEqual([
        expect.stringMatching(/^TriggerRunRecord: 1 document in 1 input, 0 invalid \(0 problems\)/),
        expect.stringMatching(/^EventRecord: \d+ documents in 1 input, 0 invalid \(0 problems\)/),
      ]);
    },
  },
  {
    pages: ['docs/consistency.md'],
    commands: ['pynenc-contract validate --consistency TriggerRunRecord run.json'],
    setup(cwd) {
      // A run pynenc's own trigger loop wrote with no event among its participants, edited to name one: valid by
      // the schema, not by pynenc's invariant.
      const original = JSON.parse(playedTriggerLoop().trigger_runs.find((text) => /"event_ids": \[\]/.test(text))!);
      const run = { ...(original as Record<string, unknown>), event_ids: ['x'] };
      writeFileSync(join(cwd, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
    },
  },
  {
    pages: ['docs/validation.md'],
    commands: ['pynenc-contract validate --max-issues 2 EventRecord events.json'],
    setup(cwd, world) {
      // A record pynenc wrote, with a thousand keys no EventRecord has appended.
      const extra = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`x${index}`, index]));
      writeFileSync(join(cwd, 'events.json'), `${JSON.stringify(edited(world.events[0]!, extra), null, 2)}\n`);
    },
  },
  {
    pages: ['docs/monitoring.md'],
    folder: 'monitoring', // where beforeAll had pynenc write pynenc.db
    commands: [
      `pynenc-contract events --sqlite pynenc.db --app ${APP_ID} --code order.created --matched --limit 20 ` +
        '--format table',
      `pynenc-contract markers --redis "$REDIS_URL" --app ${APP_ID} --start -1h --end now --state triggered`,
      `pynenc-contract runs --sqlite pynenc.db --app ${APP_ID} --event ${EVENT_WITH_RUNS}`,
      TAIL,
    ],
    async setup(_cwd, world) {
      writeWithPynenc(world, 1); // events of the last minutes, some triggered, on the Redis store
    },
    longRunning: { command: TAIL, run: tailWhilePynencWrites },
    check([events, markers, runs, tail]) {
      expect(events!.output[0]).toMatch(/^timestamp +event_id +event_code +matched/);
      expect(events!.output.length).toBeGreaterThan(1);
      // code order.created, matched by at least one condition
      expect(events!.output.slice(1).filter((row) => !/ order\.created +[1-9]\d* +\d+ /.test(row))).toEqual([]);
      expect(jsonLines(markers!).length).toBeGreaterThan(0);
      expect(otherLines(markers!)).toEqual([expect.stringMatching(/^markers: [1-9]\d* of [1-9]\d*$/)]);
      expect([otherLines(runs!), otherLines(tail!)]).toEqual([[], []]);
      expect(jsonLines(markers!).every((marker) => marker['triggered'] === true)).toBe(true);
      expect(jsonLines(runs!).length).toBeGreaterThan(0);
      expect(jsonLines(runs!).every((run) => (run['event_ids'] as string[]).includes(EVENT_WITH_RUNS))).toBe(true);
      expect(jsonLines(tail!).length).toBeGreaterThan(0);
      expect(jsonLines(tail!).every((item) => item['kind'] === 'run')).toBe(true);
    },
  },
  {
    pages: ['docs/oracle.md'],
    folder: ROOT, // the drift gate reads the checkout's contract and its .venv
    commands: ['npm run drift                       # a summary and every drift; exit code 1 when there is one'],
    check([drift]) {
      expect(drift!.output.at(-1)).toBe('The contract agrees with this pynenc.');
    },
  },
  installRecipe('docs/packaging.md', PROJECT, [
    `npm install ${PACKAGE}            # Node >= 20`,
    `npm install better-sqlite3                        # only for ${PACKAGE}/sqlite`,
    `npm install ioredis                               # only for ${PACKAGE}/redis`,
  ]),
  {
    pages: ['docs/packaging.md'],
    folder: PROJECT, // after the install above
    commands: ['npx esbuild app.js --bundle --minify --platform=browser --outfile=app.bundle.js'],
    setup(cwd, world) {
      requireInstalled(cwd);
      // the project's bundler
      execFileSync(
        'npm',
        ['install', '--no-audit', '--no-fund', '--prefer-offline', `esbuild@${devVersion('esbuild')}`],
        {
          cwd,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const text = world.events[0]!;
      writeFileSync(
        join(cwd, 'app.js'),
        `import { validate, fromJson, toJson } from '${PACKAGE}';
const text = ${JSON.stringify(text)};
const record = fromJson('EventRecord', text);
console.log(JSON.stringify([validate('EventRecord', JSON.parse(text)).ok, toJson('EventRecord', record) === text]));
`,
      );
    },
    check(_results, cwd) {
      const bundle = readFileSync(join(cwd, 'app.bundle.js'), 'utf8');
      expect(bundle).not.toMatch(/\brequire\(/);
      const ran = execFileSync(process.execPath, ['app.bundle.js'], { cwd, encoding: 'utf8' });
      expect(JSON.parse(ran)).toEqual([true, true]); // valid, and written back as pynenc wrote it
    },
  },
  {
    pages: ['docs/packaging.md'],
    folder: PROJECT, // after the install above
    commands: [
      'npx pynenc-contract compat                                 # the installed contract against its baseline',
      'npx pynenc-contract compat --contract ./my-contract        # a copy you edited, against the shipped baseline',
      'npx pynenc-contract compat --contract ./my-contract --against origin/main  # against it on your main branch',
    ],
    setup(cwd) {
      requireInstalled(cwd);
      copySchemas(join(cwd, 'node_modules', PACKAGE, 'contract'), join(cwd, 'my-contract'));
      gitBaseline(cwd, ['my-contract']);
      editContract(join(cwd, 'my-contract'), { claimedAtRequired: false });
    },
    check([installed, copy, ref]) {
      expect(installed!.output.at(-1)).toBe('0 changes, 0 breaking backward compatibility; PASS');
      for (const [result, baseline] of [
        [copy!, 'node_modules/pynenc-monitoring-contract/contract/baselines/v1'],
        [ref!, 'origin/main:my-contract/'],
      ] as const) {
        expect(result.output[0]).toMatch(new RegExp(`^compat backward: my-contract \\(v1\\) against .*${baseline}`));
        expect(result.output.slice(1)).toEqual([
          expect.stringMatching(/^info EventRecord \/properties\/note: PROPERTY_ADDED_CLOSED_OPTIONAL /),
          '1 change, 0 breaking backward compatibility; PASS',
        ]);
      }
    },
  },
  {
    pages: ['docs/packaging.md'],
    commands: ['python3 -m pip install --no-build-isolation ./generated/python'],
    setup: pythonProject,
    check: (_results, cwd) => checkPythonInstalled(cwd),
  },
];

// ── the test ──────────────────────────────────────────────────────────────────────────────────────────────────────

const commandsOf = (block: (typeof BLOCKS)[number]) => block.steps.map((step) => step.command);
const isPythonCiSnippet = (block: (typeof BLOCKS)[number]) =>
  block.page === 'docs/python.md' && block.text === readFileSync(PYTHON_CI_SNIPPET, 'utf8');

describe('shell examples of the docs', () => {
  const world = {} as World;
  beforeAll(async () => {
    world.dir = makeTempDir('shell-blocks-');
    const bin = join(world.dir, 'bin');
    mkdirSync(bin);
    const quoted = cliCommand().map((part) => `'${part.replace(/'/g, `'\\''`)}'`);
    writeFileSync(join(bin, 'pynenc-contract'), `#!/bin/sh\nexec ${quoted.join(' ')} "$@"\n`);
    chmodSync(join(bin, 'pynenc-contract'), 0o755);
    world.redis = await startRedisServer();
    mkdirSync(join(world.dir, PROJECT));
    const tarball = BLOCKS.some((block) => block.page === 'docs/packaging.md') ? packTarball(world.dir) : '';
    world.env = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      REDIS_URL: world.redis.url,
      DOC_PACKAGE_TARBALL: tarball,
      DOC_BETTER_SQLITE3_BINARY: join(
        ROOT,
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
    };
    // the real pynenc's SQLiteTrigger writes a seeded data set; its own reads give the texts the fixtures use
    const monitoring = join(world.dir, 'monitoring');
    mkdirSync(monitoring);
    const target = { backend: 'sqlite', path: join(monitoring, 'pynenc.db'), app_id: APP_ID } as const;
    runOracle('monitoring_oracle.py', { op: 'write', ...target, seed: 7, events: 300, runs: 40, emits: 6 });
    const query = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}) => ({
      id: method,
      method,
      args,
      kwargs,
    });
    const everything = ['0001-01-01T00:00:00+00:00', '9999-12-31T23:59:59.999999+00:00'];
    const answers = pythonQuery(target, APP_ID, [
      query('get_events', [], { limit: 1000 }),
      query('get_trigger_runs_in_timerange', everything),
    ]) as Record<string, { ok: string[] }>;
    // the seeded records (emit_event's also carry this host's runner id: their length is not reproducible)
    world.events = answers['get_events']!.ok.filter((text) => text.startsWith('{"event_id": "evt-')).sort();
    world.runs = answers['get_trigger_runs_in_timerange']!.ok.sort();
  }, 120_000);
  afterAll(async () => {
    await world.redis?.stop();
    removeTempDir(world.dir);
  });

  it('finds the shell blocks', () => expect(BLOCKS.length).toBeGreaterThan(8));

  it('has a recipe for every block but the Python CI snippet, and none left over', () => {
    const known = BLOCKS.filter((block) => !isPythonCiSnippet(block)).map((block) => ({
      block: block.name,
      recipes: RECIPES.filter((recipe) => sameCommands(recipe, block)).length,
    }));
    expect(known.filter((entry) => entry.recipes !== 1)).toEqual([]);
    const used = RECIPES.filter((recipe) => BLOCKS.some((block) => sameCommands(recipe, block)));
    expect(used.length).toBe(RECIPES.length);
  });

  it("docs/python.md's CI snippet is test/python/readme_ci.sh, byte for byte (test_readme.py runs that)", () => {
    expect(BLOCKS.filter(isPythonCiSnippet).map((block) => block.page)).toEqual(['docs/python.md']);
  });

  const toRun = BLOCKS.filter((block) => !isPythonCiSnippet(block));
  const title = (block: (typeof BLOCKS)[number]) =>
    `${block.name} ${RECIPES.find((recipe) => sameCommands(recipe, block))?.quotesCi ? 'is what CI runs' : 'runs as written'}`;
  it.each(toRun.map((block) => [title(block), block] as const))('%s', async (_title, block) => {
    const recipe = RECIPES.find((candidate) => sameCommands(candidate, block));
    if (recipe === undefined) throw new Error(`no recipe runs ${block.name}:\n${block.text}`);
    if (recipe.quotesCi) {
      const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8').split('\n');
      const parts = commandsOf(block).flatMap((command) => command.split(' && '));
      expect(parts.filter((part) => !ci.includes(part))).toEqual([]);
      return;
    }
    const cwd = recipe.folder?.startsWith('/') ? recipe.folder : join(world.dir, recipe.folder ?? slug(block.name));
    mkdirSync(cwd, { recursive: true });
    const env = { ...world.env, ...((await recipe.setup?.(cwd, world)) ?? {}) };
    const session = commandsOf(block).filter((command) => command !== recipe.longRunning?.command);
    const ran = await runSession(session, { cwd, env, prelude: recipe.prelude });
    // in the block's order (a long-running command is run after the others, and the recipes have it last)
    const results: StepResult[] = [];
    for (const step of block.steps) {
      const long = recipe.longRunning;
      if (step.command === long?.command) results.push(await long.run(step.command, cwd, env, world));
      else results.push(ran.shift()!);
    }
    block.steps.forEach((step, i) => {
      const { output, status } = results[i]!;
      if (block.lang === 'console') {
        if (!matchesShown(output, step.shown))
          expect({ command: step.command, output }).toEqual({ command: step.command, output: step.shown });
      } else if (status !== 0) {
        throw new Error(`\`${step.command}\` exited with ${status}:\n${output.slice(-40).join('\n')}`);
      }
    });
    recipe.check?.(results, cwd, world);
  });
});

function sameCommands(recipe: Recipe, block: (typeof BLOCKS)[number]): boolean {
  const commands = commandsOf(block);
  return (
    recipe.pages.includes(block.page) &&
    recipe.commands.length === commands.length &&
    recipe.commands.every((command, i) => command === commands[i])
  );
}

function slug(name: string): string {
  return name.replace(/[^a-z0-9]+/gi, '-');
}
