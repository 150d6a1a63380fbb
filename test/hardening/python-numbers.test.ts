/**
 * Issue 15 item 11, "verdicts on Python-dialect values": one verdict for one text, whichever entry reads it.
 * `2.0` and `18446744073709551616` are integers to JSON Schema; python-jsonschema (the generated Python package,
 * run on the same text by /usr/bin/python3), the CLI, `validate(parsePythonJson(text))` and `fromJson` must agree.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ContractValidationError, fromJson, toJson, validate, type DtoName } from '../../src';
import { parsePythonJson } from '../../src/entries/pyjson';
import { runCli } from '../support/run-cli';

const ROOT = join(__dirname, '..', '..');
const RUNNER = join(ROOT, 'test', 'python', 'conformance_runner.py');

const MARKER =
  '{"event_id": "e", "event_code": "c", "timestamp": "2026-05-09T10:11:12+00:00", "matched": true, ' +
  '"triggered": false, "emitted_by_invocation_id": null, "emitted_by_runner_context_id": null}';
const page = (total: string, markers = '[]'): string =>
  `{"markers": ${markers}, "total": ${total}, "truncated": false}`;

const CASES: { dto: DtoName; text: string }[] = [
  { dto: 'EventMarkerPage', text: page('2.0') },
  { dto: 'EventMarkerPage', text: page('0.0') },
  { dto: 'EventMarkerPage', text: page('18446744073709551616') },
  { dto: 'EventMarkerPage', text: page('1e+300') },
  { dto: 'EventMarkerPage', text: page('-2.0') },
  { dto: 'EventMarkerPage', text: page('-18446744073709551616') },
  { dto: 'EventMarkerPage', text: page('2.5') },
  { dto: 'EventMarkerPage', text: page('NaN') },
  { dto: 'EventMarkerPage', text: page('Infinity') },
  { dto: 'EventMarkerPage', text: page('1.0', `[${MARKER}]`) },
  { dto: 'EventMarkerPage', text: page('3', `[${MARKER.replace('true', '1.0')}]`) },
  { dto: 'EventRecord', text: '{"event_id": 1.0, "event_code": "c"}' },
  {
    dto: 'TriggerRunRecord',
    text: '{"trigger_run_id": "r", "trigger_id": 18446744073709551616, "task_id_key": "t", "logic_value": "or"}',
  },
];

/** The Python package's verdict on each text, read by Python's json.loads from the text itself. */
function pythonVerdicts(): boolean[] {
  const input = CASES.map((c, id) => `{"id": ${id}, "dto": "${c.dto}", "document": ${c.text}}`).join('\n');
  const run = spawnSync('/usr/bin/python3', [RUNNER, 'stdin'], { input, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`conformance_runner.py failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { verdict: string }).verdict === 'valid');
}

describe('one verdict for Python-dialect numbers (issue 15 #11)', () => {
  const python = pythonVerdicts();

  it('the Python package sees integral floats and big integers as integers', () => {
    expect(python.slice(0, 4)).toEqual([true, true, true, true]);
    expect(python.slice(4, 9)).toEqual([false, false, false, false, false]);
  });

  it.each(CASES.map((c, i) => [i, c.dto, c.text] as const))(
    'case %i %s %s: validate(parsePythonJson) agrees',
    (i, dto, text) => {
      expect(validate(dto, parsePythonJson(text)).ok).toBe(python[i]);
    },
  );

  it.each(CASES.map((c, i) => [i, c.dto, c.text] as const))('case %i %s %s: fromJson agrees', (i, dto, text) => {
    let ok = true;
    try {
      fromJson(dto, text);
    } catch (err) {
      if (!(err instanceof ContractValidationError)) throw err;
      ok = false;
    }
    expect(ok).toBe(python[i]);
  });

  it('the CLI agrees', async () => {
    const runs = await Promise.all(CASES.map(({ dto, text }) => runCli(['validate', dto, '-'], { input: text })));
    expect(runs.map((run, i) => [i, run.code])).toEqual(python.map((ok, i) => [i, ok ? 0 : 1]));
  }, 120_000);

  it('an accepted integral float or big integer is written back as Python wrote it', () => {
    for (const [i, c] of CASES.entries()) if (python[i]) expect(toJson(c.dto, fromJson(c.dto, c.text))).toBe(c.text);
  });

  it("does not modify the caller's value", () => {
    const doc = parsePythonJson(page('2.0')) as { total: unknown };
    const total = doc.total;
    expect(validate('EventMarkerPage', doc).ok).toBe(true);
    expect(doc.total).toBe(total);
  });
});
