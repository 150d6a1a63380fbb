/**
 * What every command shares: exit codes, the CLI's typed errors, the streams it reads and writes, output with
 * back-pressure. Reading inputs (bytes, strict UTF-8, limits) is src/cli/input.ts.
 */
import { once } from 'node:events';
import { fstatSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { ContractError, shortPath } from '../errors';

/** 0: all good · 1: invalid input / incompatible change · 2: usage or I/O error. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** An error of the command line itself (exit 2): one line, no stack trace. */
export abstract class CliError extends ContractError {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? {} : { cause });
  }
}

/** A command line that cannot be run as given (exit 2). */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  readonly code = 'CLI_USAGE';
}

/** A file or stream that cannot be read (exit 2). */
export class InputError extends CliError {
  override readonly name = 'InputError';
  readonly code = 'CLI_INPUT';
}

/** A stream that cannot be written: a full disk, a closed pipe (exit 2). */
export class OutputError extends CliError {
  override readonly name = 'OutputError';
  readonly code = 'CLI_OUTPUT';
  /** `<stdout>`, `<stderr>`, or the name given to the LineWriter. */
  readonly stream: string;

  constructor(stream: string, cause: unknown) {
    super(`cannot write ${stream}: ${describeIoError(cause)}`, cause);
    this.stream = stream;
  }
}

/** The streams a command reads and writes: the process's, or others (tests, the fuzz target run in-process). */
export interface CliStreams {
  /** Opened on first use: a process whose stdin is a folder or closed fails here, as a file would. */
  stdin(): Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal (progress lines are shown by default then). */
  stderrIsTTY: boolean;
}

export function processStreams(): CliStreams {
  return {
    stdin: () => {
      let folder: boolean;
      try {
        folder = fstatSync(0).isDirectory();
      } catch (err) {
        throw new InputError(`${labelOf(STDIN)}: cannot read: ${describeIoError(err)}`, err);
      }
      // Node reads a folder on fd 0 as an empty stream: refuse it, as a folder named on the command line is.
      if (folder) throw new InputError(`${labelOf(STDIN)}: cannot read: is a folder`);
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/**
 * Writes lines to a stream, waiting for 'drain' when its buffer is full (constant memory on big outputs). A stream
 * that has failed (ENOSPC, EPIPE, closed) makes the next line an OutputError.
 */
export class LineWriter {
  constructor(
    private readonly stream: Writable,
    private readonly name = nameOf(stream),
  ) {
    // The failure is read from `stream.errored` at the next line; an 'error' event nobody listens to would
    // otherwise end the process with a stack trace.
    if (!stream.listeners('error').includes(seenLater)) stream.on('error', seenLater);
  }

  async line(text: string): Promise<void> {
    this.check();
    if (this.stream.write(`${text}\n`)) return;
    try {
      await once(this.stream, 'drain');
    } catch (err) {
      throw new OutputError(this.name, err);
    }
  }

  /**
   * OutputError when a line written so far could not be handed on, the last ones too: waits for a full buffer to
   * drain, then a turn of the event loop, which delivers the failure of a write the stream has done. (Nothing is
   * written to find out: an empty write to /dev/full fails too.)
   */
  async flush(): Promise<void> {
    this.check();
    if (this.stream.writableNeedDrain) {
      try {
        await once(this.stream, 'drain');
      } catch (err) {
        throw new OutputError(this.name, err);
      }
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.check();
  }

  private check(): void {
    const closed = this.stream.destroyed || this.stream.writableEnded;
    const failed = this.stream.errored ?? (closed ? 'the stream is closed' : null);
    if (failed !== null) throw new OutputError(this.name, failed);
  }
}

/** The 'error' listener of the streams LineWriters write to: the error is kept by the stream (`errored`). */
function seenLater(): void {}

function nameOf(stream: Writable): string {
  if (stream === process.stdout) return '<stdout>';
  if (stream === process.stderr) return '<stderr>';
  return 'the output';
}

/**
 * A JSON pointer as text output shows it, on one line: `/` for the whole document, a long pointer shortened
 * (`--format json` has it whole), line breaks a key may hold written as escapes (`\n`, `\u2028`).
 */
export function pathText(path: string | undefined): string {
  const short = shortPath(path);
  return LINE_BREAKS.test(short) ? short.replace(LINE_BREAKS_ALL, escapeBreak) : short;
}

const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]/;
const LINE_BREAKS_ALL = /[\n\r\v\f\u0085\u2028\u2029]/g;
const escapeBreak = (c: string): string =>
  c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export const STDIN = '-';

/** How a file argument is named in messages. */
export function labelOf(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

/** An I/O failure in a few words (the errno code kept for the rare ones). */
export function describeIoError(err: unknown): string {
  if (typeof err === 'string') return err;
  const error = err as NodeJS.ErrnoException;
  switch (error?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOSPC':
      return 'no space left on device (ENOSPC)';
    case 'EPIPE':
      return 'the reader closed the pipe (EPIPE)';
    case 'EBADF':
      return 'not open (EBADF)';
    case 'EIO':
      return 'input/output error (EIO)';
    default:
      return error?.message ?? String(err);
  }
}

/** A progress line on stderr, redrawn in place at most twice a second, shown only once the input has taken a second. */
export class Progress {
  private readonly started = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private shown = false;

  constructor(
    private readonly enabled: boolean,
    private readonly render: () => string,
    private readonly stream: Writable = process.stderr,
  ) {
    if (enabled) {
      this.timer = setInterval(() => this.tick(), 500);
      this.timer.unref();
    }
  }

  private tick(): void {
    if (Date.now() - this.started < 1000) return;
    this.shown = true;
    this.stream.write(`\r\x1b[K${this.render()}`);
  }

  /** Erases the line (before other output); the next tick draws it again. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}

/** `count` and `noun`, plural unless one: `1 problem`, `2 problems`. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GiB`;
}
