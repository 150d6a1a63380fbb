/**
 * Hostile inputs and outputs of the real CLI (child processes), issue 15 #3–#6: stdin a folder, bytes that are
 * not UTF-8, a full disk and a closed pipe on stdout/stderr, a JSON Lines line beyond maxDocumentLength, an
 * endless document. Every failure is one line and a documented exit code; never a stack trace.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemas } from '../../generated/schemas';
import { fromJson, toJson } from '../../src/codec';
import { DEFAULT_READ_LIMITS } from '../../src/limits';
import { runCli, startCli } from '../support/run-cli';

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'cli-io-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = (dto: keyof typeof schemas, i = 0): Record<string, unknown> =>
  structuredClone((schemas[dto].examples as Record<string, unknown>[])[i]!);
const GOOD = JSON.stringify(example('EventMarker'));
const BAD = JSON.stringify({ ...example('EventMarker'), matched: 'yes' });
const BAD_PROBLEM = '/matched: must be a boolean, got the string "yes"';
const MAX = DEFAULT_READ_LIMITS.maxDocumentLength;

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A stack trace line, as Node prints one. */
const STACK = /^\s+at .+\(?.*:\d+:\d+\)?$/m;

describe('issue 15 #3: stdin that cannot be read is an I/O error (exit 2), the other inputs are still checked', () => {
  test('--jsonl with stdin a folder: exit 2, counted unreadable, the file after it is checked', async () => {
    const bad = file('bad.jsonl', `${GOOD}\n${BAD}\n`);
    const r = await runCli(['validate', '--jsonl', 'EventMarker', '-', bad], { fds: { stdin: dir } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${bad}:2 ${BAD_PROBLEM}\n`);
    expect(r.stderr).toBe(
      'pynenc-contract validate: <stdin>: cannot read: is a folder\n' +
        'EventMarker: 2 documents in 1 input, 1 invalid (1 problem), 1 unreadable\n',
    );
  });

  test('a document with stdin a folder: an I/O error, not "not JSON"', async () => {
    const r = await runCli(['validate', 'EventMarker'], { fds: { stdin: dir } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'pynenc-contract validate: <stdin>: cannot read: is a folder\n' +
        'EventMarker: 0 documents in 0 inputs, 0 invalid (0 problems), 1 unreadable\n',
    );
    const json = await runCli(['validate', '--format', 'json', 'EventMarker', '-'], { fds: { stdin: dir } });
    expect(json.code).toBe(2);
    expect(
      json.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown)[0],
    ).toEqual({
      kind: 'error',
      message: '<stdin>: cannot read: is a folder',
    });
  });

  test('format with stdin a folder: exit 2, one line', async () => {
    for (const args of [
      ['format', 'EventMarker'],
      ['format', '--jsonl', 'EventMarker', '-'],
    ]) {
      const r = await runCli(args, { fds: { stdin: dir } });
      expect([args, r.code, r.stdout, r.stderr]).toEqual([
        args,
        2,
        '',
        'pynenc-contract: <stdin>: cannot read: is a folder\n',
      ]);
    }
  });
});

describe('issue 15 #4: bytes that are not UTF-8 are a problem of their document (exit 1) at their byte offset', () => {
  // prefix of the string value: {"event_id": "  (14 bytes), as GOOD writes it
  const prefix = Buffer.from(GOOD.slice(0, GOOD.indexOf('"evt-') + 1));
  const rest = Buffer.from(GOOD.slice(GOOD.indexOf('"evt-') + 1));
  const at = prefix.length;
  const CASES: Array<[string, number[], string]> = [
    ['FF FE', [0xff, 0xfe], `byte 0xff at byte offset ${at} (line 1): invalid start byte`],
    ['an overlong "/"', [0xc0, 0xaf], `byte 0xc0 at byte offset ${at} (line 1): invalid start byte`],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], `byte 0xed at byte offset ${at} (line 1): invalid continuation byte`],
    [
      'a 4-byte sequence past U+10FFFF',
      [0xf4, 0x90, 0x80, 0x80],
      `byte 0xf4 at byte offset ${at} (line 1): invalid continuation byte`,
    ],
    ['a lone continuation byte', [0x80], `byte 0x80 at byte offset ${at} (line 1): invalid start byte`],
  ];

  test.each(CASES)('%s in a document: validate and format refuse it, nothing written', async (_name, bytes, where) => {
    const path = file(`utf8-${bytes.join('-')}.json`, Buffer.concat([prefix, Buffer.from(bytes), rest]));
    const v = await runCli(['validate', 'EventMarker', path]);
    expect([v.code, v.stdout]).toEqual([1, `${path}:1 /: not UTF-8: cannot decode ${where}\n`]);
    const f = await runCli(['format', 'EventMarker', path]);
    expect([f.code, f.stdout]).toEqual([1, '']);
    expect(f.stderr).toBe(
      `${path}:1 /: not UTF-8: cannot decode ${where}\nEventMarker: 1 of 1 document could not be read; not written\n`,
    );
  });

  test('in JSON Lines: the offset in the input, the line of the file; the lines around it are read', async () => {
    const line2 = Buffer.concat([prefix, Buffer.from([0xed, 0xa0, 0x80]), rest]);
    const input = Buffer.concat([Buffer.from(`${BAD}\r\n`), line2, Buffer.from(`\n${GOOD}\n`)]);
    const offset = Buffer.byteLength(`${BAD}\r\n`) + at;
    const path = file('utf8.jsonl', input);
    const v = await runCli(['validate', '--jsonl', 'EventMarker', path]);
    expect(v.code).toBe(1);
    expect(v.stdout).toBe(
      `${path}:1 ${BAD_PROBLEM}\n` +
        `${path}:2 /: not UTF-8: cannot decode byte 0xed at byte offset ${offset} (line 2): ` +
        'invalid continuation byte\n',
    );
    expect(v.stderr).toBe('EventMarker: 3 documents in 1 input, 2 invalid (2 problems)\n');
  });

  test('piped on stdin, truncated at the end of the input: "unexpected end of data", the bytes named', async () => {
    const input = Buffer.concat([Buffer.from(`${GOOD}\n`), prefix, Buffer.from([0xf0, 0x9f, 0x98])]);
    const feed = async (stdin: NodeJS.WritableStream): Promise<void> => {
      stdin.write(input);
    };
    const offset = Buffer.byteLength(`${GOOD}\n`) + at;
    const v = await runCli(['validate', '--jsonl', 'EventMarker', '-'], { input: feed });
    expect(v.code).toBe(1);
    expect(v.stdout).toBe(
      `<stdin>:2 /: not UTF-8: cannot decode bytes 0xf0 0x9f 0x98 at byte offset ${offset} (line 2): ` +
        'unexpected end of data\n',
    );
    const f = await runCli(['format', '--jsonl', 'EventMarker', '-'], { input: feed });
    expect(f.code).toBe(1);
    expect(f.stdout).toBe(`${toJson('EventMarker', fromJson('EventMarker', GOOD))}\n`);
    expect(f.stdout).not.toContain('\ufffd');
  });
});

describe('issue 15 #5: output that cannot be written is an I/O error: exit 2, one line, no stack trace', () => {
  const good = (): string => file('good.json', GOOD);

  test('stdout on a full disk (/dev/full): validate --format json, format', async () => {
    for (const args of [
      ['validate', '--format', 'json', 'EventMarker', good()],
      ['format', 'EventMarker', good()],
    ]) {
      const r = await runCli(args, { fds: { stdout: '/dev/full' } });
      expect([args, r.code, r.stderr]).toEqual([
        args,
        2,
        'pynenc-contract: cannot write <stdout>: no space left on device (ENOSPC)\n',
      ]);
    }
  });

  test('stdout on a full disk with nothing to write there (a valid document, text output): exit 0', async () => {
    const r = await runCli(['validate', 'EventMarker', good()], { fds: { stdout: '/dev/full' } });
    expect([r.code, r.stderr]).toEqual([0, 'EventMarker: 1 document in 1 input, 0 invalid (0 problems)\n']);
  });

  test('stderr on a full disk: exit 2 (nowhere to say more), stdout intact', async () => {
    const bad = file('bad.json', BAD);
    const r = await runCli(['validate', 'EventMarker', bad], { fds: { stderr: '/dev/full' } });
    expect([r.code, r.stdout]).toEqual([2, `${bad}:1 ${BAD_PROBLEM}\n`]);
    const valid = await runCli(['validate', 'EventMarker', good()], { fds: { stderr: '/dev/full' } });
    expect(valid.code).toBe(2); // its summary could not be written
  });

  test('EPIPE: the reader closes the pipe (| head -1): exit 2, one line on stderr, no stack trace', async () => {
    const many = file('many.jsonl', `${BAD}\n`.repeat(200_000));
    const cli = startCli(['validate', '--jsonl', 'EventMarker', many]);
    const first = await new Promise<string>((resolve) => cli.child.stdout.once('data', resolve));
    cli.child.stdout.destroy(); // as head does after its line
    const code = await cli.exited;
    expect(first.startsWith(`${many}:1 ${BAD_PROBLEM}`)).toBe(true);
    expect(code).toBe(2);
    expect(cli.stderr).toBe('pynenc-contract: cannot write <stdout>: the reader closed the pipe (EPIPE)\n');
  });
});

describe('issue 15 #6: limits kept while reading', () => {
  test('a JSON Lines line beyond maxDocumentLength between two: reported, skipped, both others checked', async () => {
    const path = join(dir, 'long-line.jsonl');
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, `${GOOD}\n"`);
      const block = Buffer.alloc(1 << 20, 0x61);
      for (let n = 0; n <= DEFAULT_READ_LIMITS.maxDocumentLength; n += block.length) writeSync(fd, block);
      writeSync(fd, `"\n${BAD}\n`);
    } finally {
      closeSync(fd);
    }
    for (const command of ['validate', 'format']) {
      const r = await runCli([command, '--jsonl', 'EventMarker', path]);
      expect(r.code).toBe(1);
      const tooLarge =
        `${path}:2 /: too large to read: longer than maxDocumentLength (${MAX} UTF-16 code units); ` +
        'the rest of the line is skipped';
      if (command === 'validate') {
        expect(r.stdout).toBe(`${tooLarge}\n${path}:3 ${BAD_PROBLEM}\n`);
        expect(r.stderr).toBe('EventMarker: 3 documents in 1 input, 2 invalid (2 problems)\n');
      } else {
        expect(r.stdout).toBe(`${toJson('EventMarker', fromJson('EventMarker', GOOD))}\n`);
        expect(r.stderr).toBe(
          `${tooLarge}\n${path}:3 ${BAD_PROBLEM}\nEventMarker: 2 of 3 documents could not be read; not written\n`,
        );
      }
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  test('/dev/zero as a document: refused once past the limit (it never ends, so reading must stop)', async () => {
    for (const args of [
      ['validate', 'EventMarker', '/dev/zero'],
      ['format', 'EventMarker', '/dev/zero'],
    ]) {
      const r = await runCli(args);
      expect([args, r.code]).toEqual([args, 1]);
      expect(r.stdout + r.stderr).toContain(
        `/dev/zero:1 /: too large to read: longer than maxDocumentLength (${MAX} UTF-16 code units); ` +
          'reading stopped there',
      );
    }
  });
});
