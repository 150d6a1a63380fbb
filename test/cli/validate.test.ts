/** `pynenc-contract validate` through real child processes. */
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemas } from '../../generated/schemas';
import type { EventRecord } from '../../generated/types';
import { checkConsistency } from '../../src/consistency';
import { validate } from '../../src/validation';
import { runCli } from '../support/run-cli';

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'cli-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = (dto: keyof typeof schemas, i = 0): Record<string, unknown> =>
  structuredClone((schemas[dto].examples as Record<string, unknown>[])[i]!);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** 1-based line of the first line of `text` containing `needle`. */
function lineContaining(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i === -1) throw new Error(`${needle} not in text`);
  return i + 1;
}

describe('documents', () => {
  it('valid documents: exit 0, nothing on stdout, a summary on stderr', async () => {
    const a = file('a.json', JSON.stringify(example('EventRecord', 0), null, 2));
    const b = file('b.json', JSON.stringify(example('EventRecord', 1)));
    const r = await runCli(['validate', 'EventRecord', a, b]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain('EventRecord: 2 documents in 2 inputs, 0 invalid');
  });

  it('an invalid document: exit 1, one line per problem at the line of the offending key', async () => {
    const doc = {
      ...example('EventRecord'),
      event_code: 5,
      timestamp: '2026-02-30T10:11:12+00:00',
      extra: true,
    } as Record<string, unknown>;
    delete doc.emitted_by_task_id;
    const text = JSON.stringify(doc, null, 2);
    const path = file('bad.json', text);
    const r = await runCli(['validate', 'EventRecord', path]);
    expect(r.code).toBe(1);
    const expected = (['event_code', 'timestamp', 'extra'] as const).map((key) => {
      const issue = (
        validate('EventRecord', doc) as { ok: false; issues: { path: string; message: string }[] }
      ).issues.find((i) => i.path === `/${key}`)!;
      return `${path}:${lineContaining(text, `"${key}":`)} /${key}: ${issue.message}`;
    });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual(expect.arrayContaining(expected));
    // the missing key is reported at the object that lacks it (line 1)
    expect(lines).toContain(`${path}:1 /emitted_by_task_id: is required but missing`);
    expect(lines).toHaveLength(4);
  });

  it('reads stdin for - and when no file is given, named <stdin>', async () => {
    const text = JSON.stringify({ ...example('EventMarker'), matched: 'yes' });
    for (const args of [
      ['validate', 'EventMarker', '-'],
      ['validate', 'EventMarker'],
    ]) {
      const r = await runCli(args, { input: text });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('<stdin>:1 /matched: must be a boolean, got the string "yes"\n');
    }
  });

  it('text that is not JSON is a problem (exit 1) at the line Python reports', async () => {
    const path = file('notjson.json', '{\n  "event_id": "e",\n  oops\n}');
    const r = await runCli(['validate', 'EventRecord', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3 /: not JSON: Expecting property name enclosed in double quotes: line 3 column 3`,
      ),
    );
  });

  it("reads Python's dialect: NaN and Infinity where the contract allows any number", async () => {
    const run = example('TriggerRunRecord');
    const text = JSON.stringify(run).replace(
      '"arguments_preview":{',
      '"arguments_preview":{"ratio":NaN,"cap":Infinity,',
    );
    const r = await runCli(['validate', 'TriggerRunRecord', file('nan.json', text)]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });

  it('--format json: one object per problem, then a summary', async () => {
    const path = file('bad2.json', JSON.stringify({ ...example('EventMarkerPage'), total: -1 }));
    const r = await runCli(['validate', '--format', 'json', 'EventMarkerPage', path]);
    expect(r.code).toBe(1);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toEqual([
      {
        kind: 'problem',
        file: path,
        line: 1,
        path: '/total',
        message: expect.stringContaining('>= 0'),
        keyword: 'minimum',
      },
      { kind: 'summary', dto: 'EventMarkerPage', files: 1, documents: 1, invalid: 1, problems: 1, ioErrors: 0 },
    ]);
  });
});

describe('usage and I/O errors exit 2', () => {
  it('an unknown DTO names the known ones', async () => {
    const r = await runCli(['validate', 'Event', '-'], { input: '{}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'unknown DTO "Event"; expected one of EventMarker, EventMarkerPage, EventRecord, TriggerRunParticipant, TriggerRunRecord',
    );
  });

  it('a missing file: exit 2 even when the other inputs are valid, and the others are still checked', async () => {
    const good = file('good.json', JSON.stringify(example('EventMarker')));
    const bad = file('bad3.json', JSON.stringify({ ...example('EventMarker'), triggered: null }));
    const r = await runCli(['validate', 'EventMarker', join(dir, 'nope.json'), good, bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'nope.json')}: cannot read: no such file`);
    expect(r.stdout).toBe(`${bad}:1 /triggered: must be a boolean, got null\n`);
  });

  it('a folder, an unknown option, a missing argument, an unknown command', async () => {
    for (const args of [
      ['validate', 'EventMarker', dir],
      ['validate', '--nope', 'EventMarker'],
      ['validate'],
      ['frobnicate'],
      ['validate', '--format', 'xml', 'EventMarker'],
    ]) {
      const r = await runCli(args, { input: '' });
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr).not.toBe('');
    }
  });
});

describe('JSON Lines', () => {
  it('reports each bad line with its line number; blank lines are skipped', async () => {
    const good = JSON.stringify(example('EventMarker'));
    const text = [good, '', JSON.stringify({ ...example('EventMarker'), event_id: 7 }), 'not json', good, ''].join(
      '\n',
    );
    const path = file('m.jsonl', text);
    const r = await runCli(['validate', '--jsonl', 'EventMarker', path]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${path}:3 /event_id: must be a string, got the number 7`,
      `${path}:4 /: not JSON: Expecting value: line 1 column 1 (char 0)`,
    ]);
    expect(r.stderr).toContain('EventMarker: 4 documents in 1 input, 2 invalid');
  });

  it('CRLF line ends and a BOM are read as a Python text file would be', async () => {
    const good = JSON.stringify(example('EventMarker'));
    const r = await runCli(['validate', '--jsonl', 'EventMarker', file('crlf.jsonl', `\ufeff${good}\r\n${good}\r\n`)]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain('2 documents');
  });

  it('a progress line on stderr when asked (--progress) for a slow input; none when stderr is not a terminal', async () => {
    const line = `${JSON.stringify(example('EventMarker'))}\n`;
    const feed = async (stdin: NodeJS.WritableStream): Promise<void> => {
      for (let i = 0; i < 4; i++) {
        stdin.write(line.repeat(1000));
        await new Promise((r) => setTimeout(r, 600));
      }
    };
    const shown = await runCli(['validate', '--jsonl', '--progress', 'EventMarker', '-'], { input: feed });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/\r\x1b\[K<stdin>: line [0-9,]+, [0-9.]+ (KiB|MiB)/);
    const auto = await runCli(['validate', '--jsonl', 'EventMarker', '-'], { input: feed });
    expect(auto.code).toBe(0);
    expect(auto.stderr).not.toContain('\r');
    expect(auto.stderr).toContain('EventMarker: 4000 documents');
  });

  it('500,000 lines in: finds the one bad line, streaming in constant memory', async () => {
    const path = join(dir, 'big.jsonl');
    const good = `${JSON.stringify(example('EventRecord'))}\n`;
    const bad = `${JSON.stringify({ ...example('EventRecord'), timestamp: '2026-13-01T00:00:00+00:00' })}\n`;
    const BAD_LINE = 500_000;
    const TOTAL = 501_000;
    const out = createWriteStream(path);
    for (let n = 1; n <= TOTAL; n += 1000) {
      const chunk: string[] = [];
      for (let k = n; k < n + 1000 && k <= TOTAL; k++) chunk.push(k === BAD_LINE ? bad : good);
      if (!out.write(chunk.join(''))) await once(out, 'drain');
    }
    out.end();
    await once(out, 'close');

    // A 32 MiB heap cannot hold the file (well over 100 MiB): passing proves the lines are streamed.
    const r = await runCli(['validate', '--jsonl', 'EventRecord', path], {
      env: { NODE_OPTIONS: '--max-old-space-size=32' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${path}:${BAD_LINE} /timestamp: must be a timestamp as Python's datetime.isoformat() writes it (YYYY-MM-DDTHH:MM:SS[.ffffff]±HH:MM, a real calendar date), got "2026-13-01T00:00:00+00:00"\n`,
    );
    expect(r.stderr).toContain(`EventRecord: ${TOTAL} documents in 1 input, 1 invalid (1 problem)`);
    // eslint-disable-next-line no-console
    console.log(`validate --jsonl: ${TOTAL} EventRecord lines in ${r.ms} ms (child process, including start-up)`);
  });
});

describe('--consistency', () => {
  // The contract's examples are valid documents that pynenc could not have written: example 0 of
  // EventRecord names "vc-1" where pynenc writes valid_condition_<condition>_context_event_<code>_<event>.
  const inconsistent = (): Record<string, unknown> => example('EventRecord', 0);
  const findingsOf = (doc: unknown) => checkConsistency('EventRecord', doc as EventRecord);
  const consistent = (): Record<string, unknown> => {
    const doc = inconsistent();
    const [finding] = findingsOf(doc);
    (doc.valid_condition_ids as string[])[0] = finding!.expected as string;
    expect(findingsOf(doc)).toEqual([]);
    return doc;
  };

  it('a valid document that breaks an invariant: a warning on stderr at its line, exit 0', async () => {
    const doc = inconsistent();
    const [finding, ...more] = findingsOf(doc);
    expect(more).toEqual([]);
    const text = JSON.stringify(doc, null, 2);
    const path = file('inconsistent.json', text);
    const r = await runCli(['validate', '--consistency', 'EventRecord', path]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    const [warning, summary, ...rest] = r.stderr.trimEnd().split('\n');
    expect(warning).toBe(
      `${path}:${lineContaining(text, '"vc-1"')} /valid_condition_ids/0: warning EVENT_VALID_CONDITION_ID: ` +
        `${finding!.message}; expected ${JSON.stringify(finding!.expected)}, received "vc-1"`,
    );
    expect(summary).toBe('EventRecord: 1 document in 1 input, 0 invalid (0 problems), 1 consistency warning');
    expect(rest).toEqual([]);
  });

  it('nothing to warn about, and no check without the option', async () => {
    const good = file('consistent.json', JSON.stringify(consistent()));
    const checked = await runCli(['validate', '--consistency', 'EventRecord', good]);
    expect(checked).toMatchObject({ code: 0, stdout: '' });
    expect(checked.stderr).toBe('EventRecord: 1 document in 1 input, 0 invalid (0 problems), 0 consistency warnings\n');
    const plain = await runCli(['validate', 'EventRecord', file('inconsistent2.json', JSON.stringify(inconsistent()))]);
    expect(plain).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'EventRecord: 1 document in 1 input, 0 invalid (0 problems)\n',
    });
  });

  it('--jsonl: warnings at their line; an invalid line gets problems only and sets the exit code', async () => {
    const odd = example('EventRecord', 1); // +05:30 timestamp and no runner context: two findings
    const lines = [consistent(), odd, { ...consistent(), event_code: 5 }].map((d) => JSON.stringify(d));
    const path = file('mixed.jsonl', `${lines.join('\n')}\n`);
    const r = await runCli(['validate', '--jsonl', '--consistency', 'EventRecord', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${path}:3 /event_code: must be a string, got the number 5\n`);
    const warnings = findingsOf(odd).map((f) => `${path}:2 ${f.path}: warning ${f.code}: ${f.message}`);
    expect(warnings).toHaveLength(2);
    const stderr = r.stderr.trimEnd().split('\n');
    expect(stderr.map((l) => l.replace(/; expected .*$/, ''))).toEqual([
      ...warnings,
      'EventRecord: 3 documents in 1 input, 1 invalid (1 problem), 2 consistency warnings',
    ]);
  });

  it('--format json: one {"kind":"warning"} object per finding on stdout, counted in the summary', async () => {
    const doc = inconsistent();
    const text = JSON.stringify(doc, null, 2);
    const path = file('inconsistent3.json', text);
    const r = await runCli(['validate', '--consistency', '--format', 'json', 'EventRecord', path]);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      ...findingsOf(doc).map((f) => ({ kind: 'warning', file: path, line: lineContaining(text, '"vc-1"'), ...f })),
      {
        kind: 'summary',
        dto: 'EventRecord',
        files: 1,
        documents: 1,
        invalid: 0,
        problems: 0,
        ioErrors: 0,
        warnings: 1,
      },
    ]);
  });
});
