/** `pynenc-contract format` through real child processes: fromJson → toJson, on the command line. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemas } from '../../generated/schemas';
import { fromJson, toJson } from '../../src/codec';
import { runCli } from './run-cli';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'cli-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = (dto: keyof typeof schemas, i = 0): Record<string, unknown> =>
  structuredClone((schemas[dto].examples as Record<string, unknown>[])[i]!);

describe('format', () => {
  it('writes a document as Python writes it: the codec read-then-write, byte for byte', async () => {
    // a hand-made document: keys out of order, a missing list, a Z timestamp, a space separator
    const text = JSON.stringify({
      event_code: 'order.created',
      event_id: 'évt-1',
      timestamp: '2026-05-09 10:11:12.5Z',
      payload: { order_id: '42' },
      valid_condition_ids: ['vc-1'],
    }, null, 2);
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
    const r = await runCli(['format', '--jsonl', 'TriggerRunParticipant', '-'], { input: [a, b, '', c].join('\n') + '\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${toJson('TriggerRunParticipant', fromJson('TriggerRunParticipant', a))}\n${toJson('TriggerRunParticipant', fromJson('TriggerRunParticipant', c))}\n`);
    const err = r.stderr.trimEnd().split('\n');
    expect(err[0]).toBe("<stdin>:1 /weight: unknown key of TriggerRunParticipant, dropped as Python's reader drops it");
    expect(err).toContain('<stdin>:2 /event_id: must be a string when context_type is "EventContext", got null');
    expect(err[err.length - 1]).toBe('TriggerRunParticipant: 1 of 3 documents could not be read; not written');
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
