/**
 * The drift gate (test/oracle/drift.ts): the installed pynenc's monitoring DTOs against the contract. It passes on
 * the pinned pynenc, and it fails, naming the DTO and field, on copies of the installed monitoring.py changed the
 * ways a pynenc release could change it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DTO_NAMES } from '../../generated/schemas';
import { REPO } from '../support/pynenc-python';
import { matchesShown } from '../support/shell-blocks';
import { compareWithContract, contractFile, readPynencDtos, type Drift, type PynencDtoReport } from './drift';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

let installed: PynencDtoReport;
let source: string;
let dir: string;

beforeAll(() => {
  installed = readPynencDtos();
  source = readFileSync(installed.module_file, 'utf8');
  dir = makeTempDir('drift-gate-');
});

afterAll(() => {
  removeTempDir(dir);
});

/**
 * `text` with `find` replaced by `replace` inside the block from `from` up to `to`; `find` must occur there
 * exactly once, so a pynenc whose source moved on fails here, not silently.
 */
function edit(text: string, from: string, to: string, find: string, replace: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  const block = start < 0 || end < 0 ? '' : text.slice(start, end);
  const count = block.split(find).length - 1;
  if (count !== 1) {
    throw new Error(
      `the installed monitoring.py moved on: ${JSON.stringify(find)} occurs ${count} times between ` +
        `${JSON.stringify(from)} and ${JSON.stringify(to)} (update this edit to the new source)`,
    );
  }
  return text.slice(0, start) + block.replace(find, () => replace) + text.slice(end);
}

const RECORD = ['class EventRecord:', 'class EventMarker:'] as const;
const MARKER = ['class EventMarker:', 'class EventMarkerPage:'] as const;
const PAGE = ['class EventMarkerPage:', 'class TriggerRunParticipant:'] as const;
const PARTICIPANT = ['class TriggerRunParticipant:', 'class TriggerRunRecord:'] as const;
const RUN = ['class TriggerRunRecord:', '# Internal helpers'] as const;

type Edit = readonly [block: readonly [string, string], find: string, replace: string];

/** The gate's drifts for a copy of the installed monitoring.py with `edits` applied. */
function driftsOf(name: string, edits: readonly Edit[]): Drift[] {
  let text = source;
  for (const [[from, to], find, replace] of edits) text = edit(text, from, to, find, replace);
  const file = join(dir, `${name}.py`);
  writeFileSync(file, text);
  const report = readPynencDtos(file);
  expect(report.modified_copy).toBe(true);
  expect(report.module_file).toBe(file);
  return compareWithContract(report);
}

const messages = (drifts: Drift[]): string[] => drifts.map((d) => d.message);

/** The edits whose messages docs/oracle.md shows (its examples are checked against them below). */
const OLDER_EVENT_RECORD: readonly Edit[] = [
  [RECORD, '    emitted_by_runner_context_id: str | None = None\n', ''],
  [RECORD, '            "emitted_by_runner_context_id": self.emitted_by_runner_context_id,\n', ''],
  [RECORD, '            emitted_by_runner_context_id=data.get("emitted_by_runner_context_id"),\n', ''],
];
const ADDED_FIELD: readonly Edit[] = [
  [
    RUN,
    '    atomic_service_runner_id: str | None = None\n',
    '    atomic_service_runner_id: str | None = None\n    atomic_service_attempt: int = 0\n',
  ],
  [
    RUN,
    '                "atomic_service_runner_id": self.atomic_service_runner_id,\n',
    '                "atomic_service_runner_id": self.atomic_service_runner_id,\n' +
      '                "atomic_service_attempt": self.atomic_service_attempt,\n',
  ],
];
const CHANGED_DEFAULT: readonly Edit[] = [
  [PARTICIPANT, '    context_summary: str = ""\n', '    context_summary: str = "-"\n'],
];
const REORDERED: readonly Edit[] = [
  [RECORD, '            "timestamp": self.timestamp.isoformat(),\n', ''],
  [
    RECORD,
    '            "payload": payload_data,\n',
    '            "payload": payload_data,\n            "timestamp": self.timestamp.isoformat(),\n',
  ],
];

describe('the installed pynenc', () => {
  test('is the pinned one, read from its own module', () => {
    const pin = /^pynenc==(\S+)$/m.exec(readFileSync(join(REPO, 'scripts/python/requirements.txt'), 'utf8'));
    expect(installed.pynenc_version).toBe(pin?.[1]);
    expect(installed.module).toBe('pynenc.trigger.monitoring');
    expect(installed.modified_copy).toBe(false);
    for (const dto of DTO_NAMES) {
      const py = installed.dtos[dto];
      expect(py).not.toBeNull();
      expect(py!.fields.length).toBeGreaterThan(0);
      expect(py!.problems).toEqual([]);
    }
  });

  test('agrees with the contract on every DTO and field', () => {
    expect(messages(compareWithContract(installed))).toEqual([]);
  });
});

describe('the gate names the DTO and field of each drift', () => {
  test('the older EventRecord without emitted_by_runner_context_id', () => {
    const drifts = driftsOf('older-event-record', OLDER_EVENT_RECORD);
    expect(messages(drifts)).toEqual([
      `EventRecord.emitted_by_runner_context_id: in the contract but not in pynenc ${installed.pynenc_version} ` +
        `(monitoring.py from ${join(dir, 'older-event-record.py')}) (remove it from ${contractFile('EventRecord')}, ` +
        'or pin a pynenc that has it)',
    ]);
  });

  test('a field added to TriggerRunRecord (dataclass and to_json)', () => {
    const drifts = driftsOf('added-field', ADDED_FIELD);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([
      ['TriggerRunRecord', 'atomic_service_attempt', 'field-missing-in-contract'],
    ]);
    expect(drifts[0]!.message).toMatch(
      new RegExp(
        '^TriggerRunRecord\\.atomic_service_attempt: in pynenc \\S+ \\(monitoring\\.py from .*\\) ' +
          'but not in the contract \\(add it to contract/trigger-run-record\\.schema\\.json\\)$',
      ),
    );
  });

  test('a field pynenc stops writing', () => {
    const drifts = driftsOf('not-written', [[RUN, '                "event_ids": list(self.event_ids),\n', '']]);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([['TriggerRunRecord', 'event_ids', 'not-written']]);
    expect(drifts[0]!.message).toMatch(
      /^TriggerRunRecord\.event_ids: a field of pynenc .* that TriggerRunRecord\.to_json does not write/,
    );
  });

  test('a changed default', () => {
    const drifts = driftsOf('changed-default', CHANGED_DEFAULT);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([
      ['TriggerRunParticipant', 'context_summary', 'default'],
    ]);
    expect(drifts[0]!.message).toMatch(
      /^TriggerRunParticipant\.context_summary: pynenc .* defaults it to "-" but the contract to ""/,
    );
  });

  test('a default added to a field the contract requires on read', () => {
    const drifts = driftsOf('new-default', [[RUN, '    logic_value: str\n', '    logic_value: str = "or"\n']]);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([['TriggerRunRecord', 'logic_value', 'required']]);
    expect(drifts[0]!.message).toMatch(
      /^TriggerRunRecord\.logic_value: pynenc .* defaults it to "or" but the contract has no default/,
    );
  });

  test('a reordered to_json key', () => {
    const drifts = driftsOf('reordered', REORDERED);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([['EventRecord', 'payload', 'key-order']]);
    expect(drifts[0]!.message).toMatch(
      new RegExp(
        '^EventRecord\\.payload: EventRecord\\.to_json in pynenc .* writes it at position 3, ' +
          'where the contract has timestamp \\(.* writes event_id, event_code, payload, timestamp, ',
      ),
    );
  });

  test("the readers' required keys and defaults (from_json / from_dict)", () => {
    const drifts = driftsOf('readers', [
      [RECORD, 'event_code=data["event_code"],', 'event_code=data.get("event_code", ""),'],
      [RECORD, 'timestamp=_parse_timestamp(data.get("timestamp")),', 'timestamp=_parse_timestamp(data["timestamp"]),'],
      [
        PARTICIPANT,
        'context_summary=data.get("context_summary") or "",',
        'context_summary=data.get("context_summary") or "?",',
      ],
      [
        RUN,
        'triggered_invocation_id=data.get("triggered_invocation_id"),',
        'triggered_invocation_id=data["triggered_invocation_id"],',
      ],
    ]);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([
      ['EventRecord', 'event_code', 'read-default'],
      ['EventRecord', 'timestamp', 'read-required'],
      ['TriggerRunParticipant', 'context_summary', 'read-default'],
      ['TriggerRunRecord', 'triggered_invocation_id', 'read-required'],
    ]);
    expect(messages(drifts)).toEqual([
      expect.stringMatching(
        /^EventRecord\.event_code: EventRecord\.from_json in pynenc .* reads it missing as "" but the contract has no/,
      ),
      expect.stringMatching(
        /^EventRecord\.timestamp: .* \(KeyError: 'timestamp'\) but the contract defaults it to the current UTC/,
      ),
      expect.stringMatching(
        /^TriggerRunParticipant\.context_summary: \S+\.from_dict .* missing as "\?" but the contract defaults it to ""/,
      ),
      expect.stringMatching(
        /^TriggerRunRecord\.triggered_invocation_id: .* \(KeyError: 'triggered_invocation_id'\) but .* to null/,
      ),
    ]);
  });

  test('reordered fields of a DTO without a JSON form (EventMarker: the dataclass order)', () => {
    const drifts = driftsOf('marker-order', [
      [MARKER, '    matched: bool\n    triggered: bool\n', '    triggered: bool\n    matched: bool\n'],
    ]);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([['EventMarker', 'triggered', 'key-order']]);
    expect(drifts[0]!.message).toContain('its dataclass fields (pynenc gives it no JSON form)');
  });

  test('nullability and type changes', () => {
    const drifts = driftsOf('types', [
      [RUN, '    triggered_invocation_id: str | None = None\n', '    triggered_invocation_id: str = ""\n'],
      [PAGE, '    total: int\n', '    total: str\n'],
      [PARTICIPANT, '    event_id: str | None = None\n', '    event_id: int | None = None\n'],
      [RECORD, '    matched_condition_ids: list[str]', '    matched_condition_ids: list[int]'],
    ]);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([
      ['EventMarkerPage', 'total', 'type'],
      ['EventRecord', 'matched_condition_ids', 'type'],
      ['TriggerRunParticipant', 'event_id', 'type'],
      ['TriggerRunRecord', 'triggered_invocation_id', 'default'],
      ['TriggerRunRecord', 'triggered_invocation_id', 'nullability'],
    ]);
    expect(messages(drifts)).toEqual([
      expect.stringMatching(
        /^EventMarkerPage\.total: pynenc .* annotates it str \(string\) but the contract says integer/,
      ),
      expect.stringMatching(
        /^EventRecord\.matched_condition_ids: .* list\[int\] \(array of integer\) but the contract says array of/,
      ),
      expect.stringMatching(
        /^TriggerRunParticipant\.event_id: .* int \| None \(integer\) but the contract says string/,
      ),
      expect.stringMatching(
        /^TriggerRunRecord\.triggered_invocation_id: pynenc .* defaults it to "" but the contract to null/,
      ),
      expect.stringMatching(
        /^TriggerRunRecord\.triggered_invocation_id: pynenc .* annotates it str \(never None\) but the contract allows/,
      ),
    ]);
  });

  test('a writer that fails on a full instance is reported, with the type it was given', () => {
    // to_dict calls isoformat() on a float: pynenc itself could not write such a participant.
    const drifts = driftsOf('unwritable', [
      [PARTICIPANT, '    context_timestamp: datetime | None = None\n', '    context_timestamp: float | None = None\n'],
    ]);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([
      ['TriggerRunParticipant', undefined, 'unreadable'],
      ['TriggerRunParticipant', 'context_timestamp', 'type'],
      ['TriggerRunRecord', undefined, 'unreadable'],
    ]);
    expect(drifts[0]!.message).toMatch(
      new RegExp(
        '^TriggerRunParticipant: in pynenc .*, to_dict on an instance with every field set raised ' +
          "AttributeError: 'float' object has no attribute 'isoformat'",
      ),
    );
    expect(drifts[1]!.message).toMatch(
      /^TriggerRunParticipant\.context_timestamp: .* \(number\) but the contract says timestamp/,
    );
  });

  test('a DTO that is gone, and a new dataclass in the module', () => {
    const drifts = driftsOf('renamed', [[PAGE, 'class EventMarkerPage:', 'class EventMarkerWindow:']]);
    expect(drifts.map((d) => [d.dto, d.field, d.check])).toEqual([
      ['EventMarkerWindow', undefined, 'dto'],
      ['EventMarkerPage', undefined, 'dto'],
    ]);
    expect(drifts[1]!.message).toMatch(
      /^EventMarkerPage: in the contract \(contract\/event-marker-page\.schema\.json\) but/,
    );
  });

  test("docs/oracle.md's example messages are what the gate says on these edits (`…` elides)", () => {
    const page = readFileSync(join(REPO, 'docs', 'oracle.md'), 'utf8');
    // the page's block of example messages: the first plain fence after the paragraph on them
    const shown = /Each message starts with[\s\S]*?\n```\n([\s\S]*?)```/.exec(page)?.[1]?.trimEnd().split('\n') ?? [];
    const said = [OLDER_EVENT_RECORD, ADDED_FIELD, CHANGED_DEFAULT, REORDERED].flatMap((edits, index) =>
      messages(driftsOf(`shown-${index}`, edits)),
    );
    expect(shown).toHaveLength(4);
    for (const line of shown)
      expect({ line, said: said.some((message) => matchesShown([message], [line])) }).toEqual({ line, said: true });
  });
});
