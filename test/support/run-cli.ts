/**
 * Runs the pynenc-contract CLI as a real child process: the built
 * dist/src/cli/main.js when it is newer than every source file (CI builds
 * first), else the TypeScript entry through tsx.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, statSync, type ReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export const ROOT = join(__dirname, '..', '..');
const DIST_MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const SRC_MAIN = join(ROOT, 'src', 'cli', 'main.ts');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function distIsFresh(): boolean {
  if (!existsSync(DIST_MAIN)) return false;
  const built = statSync(DIST_MAIN).mtimeMs;
  return newestMtime(join(ROOT, 'src')) <= built && newestMtime(join(ROOT, 'generated')) <= built;
}

/** The command line that starts the CLI: `[node, …flags, dist main]` or `[node, …flags, tsx cli, src main]`. */
export function cliCommand(main?: string, nodeOptions: readonly string[] = []): string[] {
  const node = [process.execPath, ...nodeOptions];
  if (main) return [...node, require.resolve('tsx/cli'), main];
  return distIsFresh() ? [...node, DIST_MAIN] : [...node, require.resolve('tsx/cli'), SRC_MAIN];
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  /** Text for stdin, a stream piped into it, or a function that writes it (then ends it). */
  input?: string | ReadStream | ((stdin: NodeJS.WritableStream) => Promise<void>);
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run this entry (a copied src/cli/main.ts) through tsx instead of the package's own. */
  main?: string;
  /** Node flags before the entry (e.g. `--max-old-space-size=512`). */
  nodeOptions?: readonly string[];
  /** Files opened as the child's stdin (read) or stdout/stderr (write) instead of pipes: a folder, /dev/full… */
  fds?: { stdin?: string; stdout?: string; stderr?: string };
}

export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const [cmd, ...pre] = cliCommand(options.main, options.nodeOptions);
  const opened: number[] = [];
  const stdio = (['stdin', 'stdout', 'stderr'] as const).map((name) => {
    const path = options.fds?.[name];
    if (path === undefined) return 'pipe';
    const fd = openSync(path, name === 'stdin' ? 'r' : 'w');
    opened.push(fd);
    return fd;
  });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, [...pre, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio,
    });
    for (const fd of opened) closeSync(fd);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
    const stdin = child.stdin;
    if (stdin === null) return; // a file of options.fds
    stdin.on('error', () => undefined); // the CLI may exit before reading all of it
    const input = options.input;
    if (input === undefined) stdin.end();
    else if (typeof input === 'string') stdin.end(input);
    else if (typeof input === 'function') input(stdin).then(() => stdin.end(), reject);
    else input.pipe(stdin);
  });
}

/** A CLI process left running (e.g. `tail`): what it has printed so far, and its exit code once it closes. */
export interface RunningCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

/** Starts the CLI with no stdin and collects its output as it comes; the caller ends it (e.g. `child.kill`). */
export function startCli(args: string[]): RunningCli {
  const [cmd, ...pre] = cliCommand();
  const child = spawn(cmd!, [...pre, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const running: RunningCli = { child, stdout: '', stderr: '', exited };
  child.stdout.setEncoding('utf8').on('data', (data: string) => (running.stdout += data));
  child.stderr.setEncoding('utf8').on('data', (data: string) => (running.stderr += data));
  return running;
}
