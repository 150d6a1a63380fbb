/** `pynenc-contract format` through real child processes: fromJson → toJson, on the command line. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemas } from '../../generated/schemas';
import { fromJson, toJson } from '../../src/codec';
import type { ContractValidationError } from '../../src/validation';
import { runCli } from '../support/run-cli';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'cli-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = (dto: keyof typeof schemas, i = 0): Record<string, unknown> =>
  structuredClone((schemas[dto].examples as Record<string, unknown>[])[i]!);

describe('format', () => {
  it('writes a document as Python writes it: the codec read-then-write, byte for byte', async () => {
    // a hand-made document: keys out of order, a missing list, a Z timestamp, a space separator
    const text = JSON.stringify(
      {
        event_code: 'order.created',
        event_id: 'évt-1',
        timestamp: '2026-05-09 10:11:12.5Z',
        payload: { order_id: '42' },
        valid_condition_ids: ['vc-1'],
      },
      null,
      2,
    );
    const path = join(dir, 'doc.json');
    writeFileSync(path, text);
    const r = await runCli(['format', 'EventRecord', path]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${toJson('EventRecord', fromJson('EventRecord', text))}\n`);
    expect(r.stdout).toContain('"timestamp": "2026-05-09T10:11:12.500000+00:00"');
  });

  it('--jsonl from stdin: one line out per line in; unknown keys are dropped and reported; unreadable lines are reported, not written (exit 1)', async () => {
    const a = JSON.stringify({ ...example('TriggerRunParticipant', 0), weight: 3 });
    const b = JSON.stringify({ ...example('TriggerRunParticipant', 1), context_type: 'EventContext' }); // event context without event_id
    const c = JSON.stringify(example('TriggerRunParticipant', 1));
    const r = await runCli(['format', '--jsonl', 'TriggerRunParticipant', '-'], {
      input: [a, b, '', c].join('\n') + '\n',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${toJson('TriggerRunParticipant', fromJson('TriggerRunParticipant', a))}\n${toJson('TriggerRunParticipant', fromJson('TriggerRunParticipant', c))}\n`,
    );
    const err = r.stderr.trimEnd().split('\n');
    expect(err[0]).toBe("<stdin>:1 /weight: unknown key of TriggerRunParticipant, dropped as Python's reader drops it");
    expect(err).toContain('<stdin>:2 /event_id: must be a string when context_type is "EventContext", got null');
    expect(err[err.length - 1]).toBe('TriggerRunParticipant: 1 of 3 documents could not be read; not written');
  });

  it('problems and unknown keys are printed in the order of the lines, not of the schema', async () => {
    // keys in the reverse of the schema's order: the codec reports the problems in the schema's order
    const doc = {
      triggered_invocation_ids: 7,
      zzz: 1,
      payload: 3,
      timestamp: 'nope',
      event_code: 5,
      aaa: 2,
      event_id: 1,
    };
    const text = JSON.stringify(doc, null, 2);
    const lineOf = (key: string): number => text.split('\n').findIndex((l) => l.startsWith(`  "${key}"`)) + 1;
    let reported: string[] = [];
    try {
      fromJson('EventRecord', text);
    } catch (e) {
      reported = (e as ContractValidationError).issues.map((i) => i.path.slice(1));
    }
    const byLine = [...reported].sort((a, b) => lineOf(a) - lineOf(b));
    expect(reported).not.toEqual(byLine);
    const path = join(dir, 'order.json');
    writeFileSync(path, text);
    const r = await runCli(['format', 'EventRecord', path]);
    expect(r.code).toBe(1);
    const printed = r.stderr.trimEnd().split('\n').slice(0, -1);
    expect(printed.map((l) => l.replace(/^\S+:(\d+) \/(\w+):.*$/, '$2'))).toEqual(byLine);
    expect(printed.map((l) => Number(/:(\d+) /.exec(l)![1]))).toEqual(byLine.map(lineOf));

    const keys = { ...example('EventMarker'), zzz: 1, aaa: 2 };
    const u = await runCli(['format', 'EventMarker', '-'], { input: JSON.stringify(keys, null, 2) });
    const unknown = u.stderr
      .trimEnd()
      .split('\n')
      .map((l) => Number(/:(\d+) /.exec(l)![1]));
    expect(unknown).toEqual([...unknown].sort((a, b) => a - b));
    expect(unknown).toHaveLength(2);
  });

  it('text that is not JSON: exit 1, nothing written', async () => {
    const r = await runCli(['format', 'EventMarker'], { input: '{"event_id": ' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('<stdin>:1 /: not JSON: Expecting value: line 1 column 14 (char 13)');
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['format', 'Nope', '-'], { input: '{}' })).code).toBe(2);
    expect((await runCli(['format', 'EventMarker', join(dir, 'missing.json')])).code).toBe(2);
    expect((await runCli(['format', 'EventMarker', 'a.json', 'b.json'])).code).toBe(2);
  });
});
