/** What every command shares: exit codes, errors, output with back-pressure, reading inputs. */
import { once } from 'node:events';
import { open, stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';

/** 0: all good · 1: invalid input / incompatible change · 2: usage or I/O error. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** A command line that cannot be run as given (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A file or stream that cannot be read or written (exit 2). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Writes lines to a stream, waiting for 'drain' when its buffer is full (constant memory on big outputs). */
export class LineWriter {
  constructor(private readonly stream: Writable) {}

  async line(text: string): Promise<void> {
    if (!this.stream.write(`${text}\n`)) await once(this.stream, 'drain');
  }
}

export const STDIN = '-';

/** How a file argument is named in messages. */
export function labelOf(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

export interface OpenedInput {
  stream: Readable;
  /** Size in bytes when known (regular files), for progress. */
  size: number | undefined;
  /** Bytes read so far. */
  bytesRead(): number;
}

/** Opens a file (or stdin for `-`) for streaming; InputError when it cannot be read. */
export async function openInput(file: string): Promise<OpenedInput> {
  if (file === STDIN) {
    let read = 0;
    process.stdin.on('data', (chunk: Buffer | string) => {
      read += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    });
    return { stream: process.stdin, size: undefined, bytesRead: () => read };
  }
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw new InputError(`${file}: cannot read: ${describeIoError(err)}`);
  }
  if (info.isDirectory()) throw new InputError(`${file}: cannot read: is a folder`);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw new InputError(`${file}: cannot read: ${describeIoError(err)}`);
  }
  const stream = handle.createReadStream({ highWaterMark: 1 << 16 });
  return { stream, size: info.isFile() ? info.size : undefined, bytesRead: () => stream.bytesRead };
}

/** Reads a whole file (or stdin) as UTF-8 text. */
export async function readText(file: string): Promise<string> {
  const input = await openInput(file);
  input.stream.setEncoding('utf8');
  let text = '';
  try {
    for await (const chunk of input.stream) text += chunk as string;
  } catch (err) {
    throw new InputError(`${labelOf(file)}: cannot read: ${describeIoError(err)}`);
  }
  return text;
}

export function describeIoError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a folder';
  return e?.message ?? String(err);
}

/** A progress line on stderr, redrawn in place at most twice a second, shown only once the input has taken a second. */
export class Progress {
  private readonly started = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private shown = false;

  constructor(
    private readonly enabled: boolean,
    private readonly render: () => string,
  ) {
    if (enabled) {
      this.timer = setInterval(() => this.tick(), 500);
      this.timer.unref();
    }
  }

  private tick(): void {
    if (Date.now() - this.started < 1000) return;
    this.shown = true;
    process.stderr.write(`\r\x1b[K${this.render()}`);
  }

  /** Erases the line (before other output); the next tick draws it again. */
  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.shown) process.stderr.write('\r\x1b[K');
  }
}

export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  return `${(n / (1024 * 1024 * 1024)).toFixed(2)} GiB`;
}
