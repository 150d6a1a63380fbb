/**
 * Golden suite for src/codec: every expected text is what the installed pynenc writes after reading the case
 * (scripts/python/codec_golden.py runs pynenc.trigger.monitoring's own from_json/to_json on the venv's Python;
 * EventMarker/EventMarkerPage, which have no JSON form in pynenc, by a model named as such there).
 * Each case also states Python's verdict class, and Python confirms it:
 *   ok       Python reads it; we must write exactly Python's bytes;
 *   diverge  Python reads it but silently corrupts it (README: "Where we differ"); we must reject;
 *   reject   Python raises; we must reject too;
 *   payload  an EventRecord whose payload text pynenc's client data store (its serializer, jsonpickle) rewrites
 *            or refuses: the codec keeps every payload text as it is (resolving it is src/datastore's job), and
 *            writes everything else exactly as Python does.
 */
import type { DtoName } from '../../generated/schemas';
import {
  ContractValidationError,
  fromJson,
  fromJsonWithReport,
  isAsPythonWrites,
  toJson,
  type EventRecord,
} from '../../src';
import { PythonJsonSyntaxError, parsePythonJson, stringifyPython, type PyJsonValue } from '../../src/entries/pyjson';
import { parseIsoTimestamp } from '../../src/timestamps';
import { thrownBy } from '../support/thrown';
import { runOracle } from '../support/pynenc-python';

const NOW_ISO = '2026-01-02T03:04:05.123456+00:00';
const now = () => parseIsoTimestamp(NOW_ISO);

type Kind = 'ok' | 'diverge' | 'reject' | 'payload';
interface Case {
  name: string;
  dto: DtoName;
  text: string;
  kind: Kind;
}
type Golden = { ok: string } | { error: string; msg: string };

/** A document's text with `"@raw:<name>"` placeholders replaced by raw JSON text (NaN, odd spacing…). */
function doc(
  value: unknown,
  raw: Record<string, string> = {},
  write: (v: unknown) => string = stringifyPython,
): string {
  let text = write(value);
  for (const [name, rawText] of Object.entries(raw)) text = text.split(`"@raw:${name}"`).join(rawText);
  return text;
}
const compact = (v: unknown): string => JSON.stringify(v);
function without<T extends object>(obj: T, ...keys: string[]): Partial<T> {
  const copy = { ...obj } as Record<string, unknown>;
  for (const k of keys) delete copy[k];
  return copy as Partial<T>;
}

const EVENT = {
  event_id: 'evt-7f3a',
  event_code: 'order.created',
  timestamp: '2026-05-09T10:11:12.345678+00:00',
  payload: { order_id: '42', customer: '"ada"' },
  matched_condition_ids: ['cond-event-order'],
  valid_condition_ids: ['vc-1'],
  triggered_invocation_ids: ['inv-9'],
  emitted_by_invocation_id: 'inv-3',
  emitted_by_task_id: 'shop.tasks.checkout',
  emitted_by_runner_context_id: 'runner-ctx-1',
};

const P_EVENT = {
  context_type: 'EventContext',
  condition_id: 'cond-event-order',
  valid_condition_id: 'vc-1',
  event_id: 'evt-7f3a',
  source_invocation_id: null,
  context_timestamp: '2026-05-09T10:11:12.345678+00:00',
  context_summary: 'code:order.created',
};
const P_STATUS = {
  context_type: 'StatusContext',
  condition_id: 'cond-status-pay',
  valid_condition_id: 'vc-3',
  event_id: null,
  source_invocation_id: 'inv-5',
  context_timestamp: '2026-05-09T10:11:12.900000+00:00',
  context_summary: 'status:SUCCESS task:shop.tasks.pay',
};
const P_RESULT = {
  context_type: 'ResultContext',
  condition_id: 'cond-result-score',
  valid_condition_id: 'vc-4',
  event_id: null,
  source_invocation_id: 'inv-6',
  context_timestamp: '2026-05-09T10:11:13+00:00',
  context_summary: 'result task:shop.tasks.score',
};
const P_CRON = {
  context_type: 'CronContext',
  condition_id: 'cond-cron-hourly',
  valid_condition_id: 'vc-2',
  event_id: null,
  source_invocation_id: null,
  context_timestamp: '2026-05-09T11:00:00+00:00',
  context_summary: 'timestamp:2026-05-09T11:00:00+00:00',
};

const RUN_AND3 = {
  trigger_run_id: 'run-1',
  trigger_id: 'trg-order-pay-score',
  task_id_key: 'shop.tasks.ship',
  logic_value: 'and',
  valid_condition_ids: ['vc-1', 'vc-3', 'vc-4'],
  condition_ids: ['cond-event-order', 'cond-status-pay', 'cond-result-score'],
  event_ids: ['evt-7f3a'],
  source_invocation_ids: ['inv-5', 'inv-6'],
  triggered_invocation_id: 'inv-9',
  arguments_preview: { order_id: 42, express: true, note: null },
  claimed_at: '2026-05-09T10:11:13.000001+00:00',
  executed_at: '2026-05-09T10:11:13.500000+00:00',
  participants: [P_EVENT, P_STATUS, P_RESULT],
  atomic_service_run_id: null,
  atomic_service_runner_id: null,
};
const RUN_CRON = {
  ...RUN_AND3,
  trigger_run_id: 'run-2',
  trigger_id: 'trg-hourly',
  logic_value: 'or',
  valid_condition_ids: ['vc-2'],
  condition_ids: ['cond-cron-hourly'],
  event_ids: [],
  source_invocation_ids: [],
  arguments_preview: {},
  participants: [P_CRON],
  atomic_service_run_id: 'asr-77',
  atomic_service_runner_id: 'runner-2',
};

const MARKER = {
  event_id: 'evt-7f3a',
  event_code: 'order.created',
  timestamp: '2026-05-09T10:11:12.345678+00:00',
  matched: true,
  triggered: false,
  emitted_by_invocation_id: null,
  emitted_by_runner_context_id: null,
};

const TIMESTAMP_FORMS = [
  '2026-05-09T10:11:12.345678+00:00',
  '2026-05-09T10:11:12+05:30',
  '2026-05-09T10:11:12Z',
  '2026-05-09T10:11:12.5Z',
  '2026-05-09 10:11:12',
  '2026-05-09',
  '20260509',
  '20260509T101112',
  '20260509T101112.25+0530',
  '2026-05-09T10:11:12.3',
  '2026-05-09T10:11:12.123',
  '2026-05-09T10:11:12.1234567',
  '2026-05-09T10:11:12.123456789+01:00',
  '2026-05-09T10:11:12,5+01:00',
  '2026-05-09T10:11',
  '2026-05-09T10',
  '2026-W19-6T10:11:12',
  '2026W196',
  '2026-05-09T10:11:12+05:30:15',
  '2026-05-09T10:11:12+05:30:15.123456',
  '2026-05-09T10:11:12-03:00',
  '2026-05-09T10:11:12-00:00',
  '2026-05-09T10:11:12.000000+00:00',
  '2026-05-09T10:11:12+00:00:00',
  '2026-05-09T10:11:12+0530',
  '2026-05-09T10:11:12.345678-0300',
  '2026-05-09T10:11:12-23:59',
  '0001-01-01T00:00:00',
  '9999-12-31T23:59:59.999999+00:00',
  '2024-02-29T00:00:00Z',
  '2000-02-29T12:00:00+14:00',
];
const BAD_TIMESTAMPS = [
  '2026-05-09T24:00:00',
  'garbage',
  '2026-02-30T00:00:00',
  '2023-02-29',
  '2026-05-09T10:11:12+24:00',
  '2026-05-09T10:11:60',
  '2026-13-01',
  ' 2026-05-09',
  '2026-05-09T',
  '10:11:12',
];

const BIG100 = '9876543210'.repeat(10);
const PREVIEW_NUMBERS =
  `{"floats": [0.1, 1.0, 1e16, 1e-05, 5e-324, 1.7976931348623157e+308, -0.0, 2.5, 100.0, 1.5e+300], ` +
  `"specials": [NaN, Infinity, -Infinity], "ints": [0, 9007199254740991, 9007199254740993, 18446744073709551616, -${BIG100}], ` +
  `"nested": {"2": 1, "1": [{}], "a": [], "b": {"__proto__": 1, "constructor": {"prototype": [true, false, null]}}}, ` +
  `"text": "\\u00e9\\ud83d\\ude00\\ud800\\u007f\\n"}`;

function cases(): Case[] {
  const c: Case[] = [];
  const add = (kind: Kind, name: string, dto: DtoName, text: string) => c.push({ kind, name, dto, text });

  // ---- canonical documents (Python's own bytes) and their non-canonical spellings
  add('ok', 'EventRecord canonical', 'EventRecord', doc(EVENT));
  add('ok', 'EventRecord compact separators', 'EventRecord', doc(EVENT, {}, compact));
  add(
    'ok',
    'EventRecord keys in another order, pretty',
    'EventRecord',
    JSON.stringify(Object.fromEntries(Object.entries(EVENT).reverse()), null, 2),
  );
  add('ok', 'TriggerRunRecord AND run with three participants', 'TriggerRunRecord', doc(RUN_AND3));
  add('ok', 'TriggerRunRecord OR run with a cron participant', 'TriggerRunRecord', doc(RUN_CRON));
  add('ok', 'TriggerRunParticipant event', 'TriggerRunParticipant', doc(P_EVENT));
  add('ok', 'TriggerRunParticipant cron', 'TriggerRunParticipant', doc(P_CRON));
  add('ok', 'EventMarker', 'EventMarker', doc(MARKER));
  add(
    'ok',
    'EventMarker without its optional ids',
    'EventMarker',
    doc(without(MARKER, 'emitted_by_invocation_id', 'emitted_by_runner_context_id')),
  );
  add(
    'ok',
    'EventMarkerPage',
    'EventMarkerPage',
    doc({ markers: [MARKER, { ...MARKER, event_id: 'evt-2', matched: false }], total: 3, truncated: true }),
  );
  add('ok', 'EventMarkerPage empty', 'EventMarkerPage', doc({ markers: [], total: 0, truncated: false }));
  // JSON Schema integers (README, "Where we differ"): kept as read, as Python keeps them.
  add(
    'ok',
    'EventMarkerPage total beyond 2^53',
    'EventMarkerPage',
    doc({ markers: [], total: 2n ** 64n, truncated: false }),
  );
  add(
    'ok',
    'EventMarkerPage total as an integral float',
    'EventMarkerPage',
    doc({ markers: [], total: '@raw:t', truncated: false }, { t: '2.0' }),
  );

  // ---- timestamps in every form, in all three timestamp positions
  TIMESTAMP_FORMS.forEach((t, k) => {
    add('ok', `EventRecord timestamp ${t}`, 'EventRecord', doc({ ...EVENT, timestamp: t }));
    add(
      'ok',
      `claimed_at/context_timestamp ${t}`,
      'TriggerRunRecord',
      doc({ ...RUN_AND3, claimed_at: t, participants: [{ ...P_EVENT, context_timestamp: t }] }),
    );
    if (k % 5 === 0) add('ok', `EventMarker timestamp ${t}`, 'EventMarker', doc({ ...MARKER, timestamp: t }));
  });
  for (const t of BAD_TIMESTAMPS) {
    add('reject', `EventRecord timestamp ${t}`, 'EventRecord', doc({ ...EVENT, timestamp: t }));
    add('reject', `context_timestamp ${t}`, 'TriggerRunParticipant', doc({ ...P_EVENT, context_timestamp: t }));
  }
  add('reject', 'timestamp as a number', 'EventRecord', doc({ ...EVENT, timestamp: 1778321472 }));
  add('reject', 'claimed_at as a number', 'TriggerRunRecord', doc({ ...RUN_AND3, claimed_at: 1778321472.5 }));
  add('reject', 'EventMarker without timestamp', 'EventMarker', doc(without(MARKER, 'timestamp')));
  add('reject', 'EventMarker empty timestamp', 'EventMarker', doc({ ...MARKER, timestamp: '' }));

  // ---- missing / null / empty: Python's reader leniency
  add(
    'ok',
    'EventRecord with only its required keys (timestamp = now)',
    'EventRecord',
    doc({ event_id: 'e1', event_code: 'ping' }),
  );
  add(
    'ok',
    'EventRecord all nulls',
    'EventRecord',
    doc({
      event_id: 'e1',
      event_code: 'ping',
      timestamp: null,
      payload: null,
      matched_condition_ids: null,
      valid_condition_ids: null,
      triggered_invocation_ids: null,
      emitted_by_invocation_id: null,
      emitted_by_task_id: null,
      emitted_by_runner_context_id: null,
    }),
  );
  add('ok', 'EventRecord empty timestamp (= now)', 'EventRecord', doc({ ...EVENT, timestamp: '' }));
  add(
    'ok',
    'EventRecord empty strings in ids and code',
    'EventRecord',
    doc({ ...EVENT, event_id: '', event_code: '', matched_condition_ids: [''], emitted_by_task_id: '' }),
  );
  add(
    'ok',
    'EventRecord empty payload and lists',
    'EventRecord',
    doc({ ...EVENT, payload: {}, matched_condition_ids: [], valid_condition_ids: [], triggered_invocation_ids: [] }),
  );
  add(
    'ok',
    'TriggerRunRecord with only its required keys',
    'TriggerRunRecord',
    doc({ trigger_run_id: 'r', trigger_id: 't', task_id_key: 'k', logic_value: 'or' }),
  );
  add(
    'ok',
    'TriggerRunRecord all nulls',
    'TriggerRunRecord',
    doc({
      ...RUN_AND3,
      valid_condition_ids: null,
      condition_ids: null,
      event_ids: null,
      source_invocation_ids: null,
      triggered_invocation_id: null,
      arguments_preview: null,
      claimed_at: null,
      executed_at: null,
      participants: null,
    }),
  );
  add(
    'ok',
    'TriggerRunRecord empty timestamps (= null)',
    'TriggerRunRecord',
    doc({ ...RUN_AND3, claimed_at: '', executed_at: '' }),
  );
  add('ok', 'participant with only context_type', 'TriggerRunParticipant', doc({ context_type: 'CronContext' }));
  add(
    'ok',
    'participant nulls and empty summary',
    'TriggerRunParticipant',
    doc({ ...P_CRON, context_timestamp: null, context_summary: null }),
  );
  add(
    'ok',
    'participant empty context_timestamp and summary',
    'TriggerRunParticipant',
    doc({ ...P_CRON, context_timestamp: '', context_summary: '' }),
  );
  add(
    'ok',
    'participants inside a run with missing keys',
    'TriggerRunRecord',
    doc({
      ...RUN_CRON,
      participants: [{ context_type: 'CronContext' }, without(P_EVENT, 'context_summary', 'condition_id')],
    }),
  );

  // ---- unknown keys (ignored, as Python does) and duplicate keys (last wins)
  add(
    'ok',
    'EventRecord with unknown keys',
    'EventRecord',
    doc({ ...EVENT, future_field: { nested: [1, 2] }, matched: true }),
  );
  add(
    'ok',
    'run with unknown keys at both levels',
    'TriggerRunRecord',
    doc({ ...RUN_AND3, schema_version: 2, participants: [{ ...P_EVENT, weight: 0.5 }] }),
  );
  add(
    'ok',
    'EventRecord duplicate keys',
    'EventRecord',
    doc({ ...EVENT, event_id: '@raw:dup' }, { dup: '"first", "event_id": "second"' }),
  );
  add(
    'ok',
    'unknown key __proto__',
    'EventRecord',
    doc({ ...EVENT, extra: '@raw:p' }, { p: '1, "__proto__": {"event_id": 5}' }),
  );

  // ---- unicode
  const uni = 'é ü 中文 \u2028 😀 𝄞 \ud800 \udfff \x7f \x00 \x1f \n\t "quoted" \\ back';
  // A payload value is the serializer's text of a value: here the JSON text of the string (what jsonpickle writes).
  const uniText = stringifyPython(uni);
  add(
    'ok',
    'unicode everywhere (raw in the text)',
    'EventRecord',
    compact({
      ...EVENT,
      event_id: `evt-${uni}`,
      event_code: uni,
      payload: { [uni]: uniText },
      matched_condition_ids: [uni, '😀'],
    }),
  );
  add(
    'ok',
    'unicode everywhere (escaped)',
    'EventRecord',
    doc({ ...EVENT, event_code: uni, payload: { [`k${uni}`]: uniText } }),
  );
  add(
    'ok',
    'unicode in a run',
    'TriggerRunRecord',
    doc({
      ...RUN_AND3,
      task_id_key: uni,
      arguments_preview: { [uni]: [uni] },
      participants: [{ ...P_CRON, context_summary: uni }],
    }),
  );
  add(
    'ok',
    'payload keys JS would reorder',
    'EventRecord',
    doc({ ...EVENT, payload: '@raw:p' }, { p: '{"b": "1", "10": "2", "2": "3"}' }),
  );

  // ---- payload texts: what jsonpickle writes comes back unchanged; other texts are the serializer's business
  const asJsonpickleWrites = {
    n: '1.5',
    big: BIG100,
    f: '-0.0',
    nan: 'NaN',
    t: '{"py/tuple": [1, "a"]}',
    s: '{"py/set": [1, 2]}',
    l: '[{"a": null}, true]',
    e: '""',
  };
  add('ok', 'payload texts as jsonpickle writes them', 'EventRecord', doc({ ...EVENT, payload: asJsonpickleWrites }));
  const PAYLOAD_TEXTS: [string, string][] = [
    ['a number spelling jsonpickle writes otherwise', '1.50'],
    ['1e400', '1e400'],
    ['compact separators', '{"b":1,"a":[2,3]}'],
    ['surrounding whitespace', ' 42\n'],
    ['raw non-ASCII', '"é😀"'],
    ['text that is not JSON (jsonpickle falls back to YAML)', 'abc'],
    ['an empty text', ''],
    ['text neither JSON nor YAML reads', '"x"*'],
    ['a reference the (empty) store does not hold', `__pynenc__client_data__:${'0'.repeat(64)}`],
  ];
  for (const [name, value] of PAYLOAD_TEXTS) {
    add('payload', `payload: ${name}`, 'EventRecord', doc({ ...EVENT, payload: { ...EVENT.payload, v: value } }));
  }

  // ---- numbers in arguments_preview
  add(
    'ok',
    'floats, NaN/Infinity and big ints in arguments_preview',
    'TriggerRunRecord',
    doc({ ...RUN_AND3, arguments_preview: '@raw:n' }, { n: PREVIEW_NUMBERS }),
  );
  add(
    'ok',
    'number spellings in arguments_preview',
    'TriggerRunRecord',
    doc(
      { ...RUN_AND3, arguments_preview: '@raw:n' },
      { n: '{"a": 1E2, "b": 1.50, "c": -0, "d": 0.000001, "e": 1e400, "f": 12345678901234567890.0, "g": 1.0e-7}' },
    ),
  );
  add(
    'ok',
    'top-level keys in arguments_preview',
    'TriggerRunRecord',
    doc({ ...RUN_AND3, arguments_preview: '@raw:n' }, { n: '{"z": 1, "0": 2, "__proto__": 3}' }),
  );

  // ---- where Python silently corrupts: we reject
  add(
    'diverge',
    'a string where an id list is expected',
    'EventRecord',
    doc({ ...EVENT, matched_condition_ids: 'abc' }),
  );
  add(
    'diverge',
    'an empty string where an id list is expected',
    'EventRecord',
    doc({ ...EVENT, valid_condition_ids: '' }),
  );
  add(
    'diverge',
    'an object where an id list is expected',
    'TriggerRunRecord',
    doc({ ...RUN_AND3, event_ids: { 'evt-1': true } }),
  );
  add('diverge', 'false where an id list is expected', 'TriggerRunRecord', doc({ ...RUN_AND3, condition_ids: false }));
  add('diverge', '0 where an id list is expected', 'EventRecord', doc({ ...EVENT, triggered_invocation_ids: 0 }));
  add('diverge', 'participants as an object', 'TriggerRunRecord', doc({ ...RUN_AND3, participants: {} }));
  add(
    'diverge',
    'context_summary 5 (Python keeps it)',
    'TriggerRunParticipant',
    doc({ ...P_CRON, context_summary: 5 }),
  );
  add('diverge', 'a number in an id list', 'EventRecord', doc({ ...EVENT, triggered_invocation_ids: [1] }));
  add('diverge', 'a number where an id string is expected', 'EventRecord', doc({ ...EVENT, event_id: 5 }));
  add('diverge', 'a null required id', 'EventRecord', doc({ ...EVENT, event_id: null }));
  add('diverge', 'a number where an optional id is expected', 'EventRecord', doc({ ...EVENT, emitted_by_task_id: 12 }));
  add('diverge', 'a bool where a string is expected', 'TriggerRunRecord', doc({ ...RUN_AND3, task_id_key: true }));
  add('diverge', 'a logic_value other than and/or', 'TriggerRunRecord', doc({ ...RUN_AND3, logic_value: 'xor' }));
  add(
    'diverge',
    'arguments_preview as a list of pairs',
    'TriggerRunRecord',
    doc({ ...RUN_AND3, arguments_preview: [['a', 1]] }),
  );
  add('diverge', 'arguments_preview false', 'TriggerRunRecord', doc({ ...RUN_AND3, arguments_preview: false }));
  add('diverge', 'payload as an empty list', 'EventRecord', doc({ ...EVENT, payload: [] }));
  add('diverge', 'timestamp 0 (Python: now)', 'EventRecord', doc({ ...EVENT, timestamp: 0 }));
  add('diverge', 'timestamp false (Python: now)', 'EventRecord', doc({ ...EVENT, timestamp: false }));
  add('diverge', 'claimed_at [] (Python: null)', 'TriggerRunRecord', doc({ ...RUN_AND3, claimed_at: [] }));
  add('diverge', 'context_summary 0 (Python: "")', 'TriggerRunParticipant', doc({ ...P_CRON, context_summary: 0 }));
  add('diverge', 'an event participant without event_id', 'TriggerRunParticipant', doc({ ...P_EVENT, event_id: null }));
  add(
    'diverge',
    'a status participant with both ids',
    'TriggerRunParticipant',
    doc({ ...P_STATUS, event_id: 'evt-1' }),
  );
  add(
    'diverge',
    'a cron participant with a source invocation',
    'TriggerRunRecord',
    doc({ ...RUN_CRON, participants: [{ ...P_CRON, source_invocation_id: 'inv-1' }] }),
  );
  add('diverge', 'EventMarker matched as a string', 'EventMarker', doc({ ...MARKER, matched: 'yes' }));
  add(
    'diverge',
    'EventMarkerPage negative total',
    'EventMarkerPage',
    doc({ markers: [], total: -1, truncated: false }),
  );
  add(
    'diverge',
    'EventMarkerPage total with a fraction',
    'EventMarkerPage',
    doc({ markers: [], total: '@raw:t', truncated: false }, { t: '2.5' }),
  );

  // ---- where Python raises: we reject too
  add('reject', 'missing event_id', 'EventRecord', doc(without(EVENT, 'event_id')));
  add('reject', 'missing logic_value', 'TriggerRunRecord', doc(without(RUN_AND3, 'logic_value')));
  add(
    'reject',
    'participant without context_type',
    'TriggerRunRecord',
    doc({ ...RUN_AND3, participants: [without(P_EVENT, 'context_type')] }),
  );
  add('reject', 'participant that is a number', 'TriggerRunRecord', doc({ ...RUN_AND3, participants: [5] }));
  add('reject', 'a payload value that is not a string', 'EventRecord', doc({ ...EVENT, payload: { n: 1 } }));
  add('reject', 'a payload that is a non-empty list', 'EventRecord', doc({ ...EVENT, payload: ['x'] }));
  add('reject', 'a document that is a list', 'EventRecord', '[]');
  add('reject', 'a document that is a string', 'TriggerRunRecord', '"run"');
  add('reject', 'text json.loads rejects', 'EventRecord', '{"event_id": "e", }');
  add(
    'reject',
    'a bare nan',
    'TriggerRunRecord',
    doc({ ...RUN_AND3, arguments_preview: '@raw:n' }, { n: '{"x": nan}' }),
  );
  add(
    'reject',
    'a 4301-digit int',
    'TriggerRunRecord',
    doc({ ...RUN_AND3, arguments_preview: '@raw:n' }, { n: `{"x": ${'7'.repeat(4301)}}` }),
  );
  add('reject', 'EventMarkerPage without markers', 'EventMarkerPage', doc({ total: 0, truncated: false }));
  return c;
}

const CASES = cases();
const GOLDEN = runOracle<Golden[]>('codec_golden.py', {
  now: NOW_ISO,
  cases: CASES.map(({ dto, text }) => ({ dto, text })),
});

function ourVerdict(dto: DtoName, text: string): { ok: string } | { error: unknown } {
  try {
    return { ok: toJson(dto, fromJson(dto, text, { now })) };
  } catch (error) {
    return { error };
  }
}

describe('golden: fromJson → toJson equals Python from_json → to_json', () => {
  test.each(CASES.map((c, k) => [c.kind, c.name, k] as const))('%s: %s', (kind, _name, k) => {
    const { dto, text } = CASES[k]!;
    const golden = GOLDEN[k]!;
    const ours = ourVerdict(dto, text);
    if (kind === 'payload') {
      // The case is EVENT (Python reads it unchanged, case "EventRecord canonical") with one more payload text.
      if ('error' in ours) throw ours.error;
      type Doc = Record<string, PyJsonValue> & { payload: Record<string, string> };
      const read = (t: string) => parsePythonJson(t) as Doc;
      const input = read(text);
      const written = read(ours.ok);
      expect(Object.keys(written.payload)).toEqual(Object.keys(input.payload));
      for (const key of Object.keys(input.payload)) expect(written.payload[key]).toBe(input.payload[key]);
      if ('error' in golden) return; // pynenc's serializer refuses the text (the data store's decode does too)
      const python = read(golden.ok);
      expect(python.payload.v).not.toBe(input.payload.v); // pynenc rewrote it
      expect(ours.ok).toBe(doc({ ...JSON.parse(golden.ok), payload: '@raw:p' }, { p: stringifyPython(input.payload) }));
      return;
    }
    if (kind === 'reject') {
      expect(golden).toHaveProperty('error');
      expect('error' in ours).toBe(true);
      const err = (ours as { error: unknown }).error;
      expect(err instanceof ContractValidationError || err instanceof PythonJsonSyntaxError).toBe(true);
      expect((err as Error).message).not.toMatch(/\n/);
      return;
    }
    if (!('ok' in golden)) throw new Error(`Python rejected the case: ${golden.error}: ${golden.msg}`);
    if (kind === 'diverge') {
      expect('error' in ours && ours.error instanceof ContractValidationError).toBe(true);
      const err = (ours as { error: ContractValidationError }).error;
      expect(err.dto).toBeTruthy();
      expect(err.issues.length).toBeGreaterThan(0);
      return;
    }
    if ('error' in ours) throw ours.error;
    expect(ours.ok).toBe(golden.ok);
    // Python's output is canonical: reading and writing it again is the identity, for both.
    expect(toJson(dto, fromJson(dto, golden.ok, { now }))).toBe(golden.ok);
  });

  test('the suite holds canonical inputs (text === Python output) and normalized ones', () => {
    const ok = CASES.map((c, k) => [c, GOLDEN[k]!] as const).filter(([c]) => c.kind === 'ok');
    const canonical = ok.filter(([c, g]) => 'ok' in g && g.ok === c.text);
    expect(canonical.length).toBeGreaterThanOrEqual(10);
    expect(ok.length - canonical.length).toBeGreaterThanOrEqual(40);
  });
});

describe('isAsPythonWrites is exact: true only where Python writes the text back unchanged', () => {
  test('against Python for texts the contract pattern accepts', () => {
    const texts: string[] = [];
    const fractions = ['', '.000000', '.000001', '.500000', '.999999'];
    const offsets = [
      '+00:00',
      '-00:00',
      '+05:30',
      '-03:00',
      '+00:00:00',
      '+05:30:00',
      '+05:30:15',
      '-00:00:30',
      '+05:30:15.000000',
      '+05:30:00.000000',
      '+05:30:15.123456',
      '-00:00:00',
      '-00:00:00.000000',
      '+23:59',
      '-00:00:00.000001',
      '+00:00:00.999999',
      '+00:00:01.500000',
      '-05:30:15.123456',
      '-00:00:30',
      '+00:01',
      '-00:01:00',
    ];
    for (const f of fractions) for (const o of offsets) texts.push(`2026-05-09T10:11:12${f}${o}`);
    texts.push('0001-01-01T00:00:00+00:00', '9999-12-31T23:59:59.999999+00:00', '2024-02-29T00:00:00+00:00');
    const golden = runOracle<Golden[]>('codec_golden.py', {
      now: NOW_ISO,
      cases: texts.map((t) => ({
        dto: 'TriggerRunParticipant',
        text: stringifyPython({ context_type: 'CronContext', context_timestamp: t }),
      })),
    });
    const wrong = texts.filter((t, k) => {
      const g = golden[k]!;
      if (!('ok' in g)) return true;
      const written = (JSON.parse(g.ok) as { context_timestamp: string }).context_timestamp;
      return isAsPythonWrites(t) !== (written === t);
    });
    expect(wrong).toEqual([]);
    expect(texts.filter(isAsPythonWrites).length).toBeGreaterThan(10);
  });
});

describe('reading reports', () => {
  test('unknown keys are dropped and reported with their paths', () => {
    const text = doc({
      ...RUN_AND3,
      schema_version: 2,
      participants: [P_EVENT, { ...P_STATUS, 'a/b': 1, weight: 0.5 }],
    });
    const seen: string[] = [];
    const report = fromJsonWithReport('TriggerRunRecord', text, {
      onUnknownKey: (u) => seen.push(`${u.dto} ${u.path}`),
    });
    expect(report.unknownKeys.map((u) => u.path)).toEqual([
      '/participants/1/a~1b',
      '/participants/1/weight',
      '/schema_version',
    ]);
    expect(seen).toEqual([
      'TriggerRunParticipant /participants/1/a~1b',
      'TriggerRunParticipant /participants/1/weight',
      'TriggerRunRecord /schema_version',
    ]);
    expect(report.value).not.toHaveProperty('schema_version');
    expect(report.value.participants[1]).not.toHaveProperty('weight');
  });

  test("unknownKeys: 'reject' turns them into validation issues", () => {
    const text = doc({ ...EVENT, extra: 1 });
    const err = thrownBy(() => fromJson('EventRecord', text, { unknownKeys: 'reject' }));
    expect(err).toBeInstanceOf(ContractValidationError);
    expect((err as ContractValidationError).issues.map((i) => i.path)).toEqual(['/extra']);
  });

  test('defaulted fields are reported', () => {
    const report = fromJsonWithReport(
      'EventRecord',
      doc({ event_id: 'e', event_code: 'c', timestamp: '', payload: null, emitted_by_task_id: null }),
      { now },
    );
    expect(report.defaulted).toEqual([
      '/timestamp',
      '/payload',
      '/matched_condition_ids',
      '/valid_condition_ids',
      '/triggered_invocation_ids',
      '/emitted_by_invocation_id',
      '/emitted_by_runner_context_id',
    ]);
    expect(report.value.timestamp).toBe(NOW_ISO);
  });
});

describe('errors name the DTO, the path and the expectation', () => {
  function issuesOf(dto: DtoName, text: string): ContractValidationError {
    const err = thrownBy(() => fromJson(dto, text));
    if (err instanceof ContractValidationError) return err;
    throw err;
  }

  test('a bad timestamp deep inside', () => {
    const err = issuesOf(
      'TriggerRunRecord',
      doc({ ...RUN_AND3, participants: [P_EVENT, { ...P_STATUS, context_timestamp: '2026-05-09T24:00:00' }] }),
    );
    expect(err.dto).toBe('TriggerRunRecord');
    expect(err.issues[0]!.path).toBe('/participants/1/context_timestamp');
    expect(err.issues[0]!.message).toMatch(/hour/);
    expect(err.message).toMatch(/^TriggerRunRecord \/participants\/1\/context_timestamp: /);
  });

  test('every problem is listed, not just the first', () => {
    const err = issuesOf(
      'EventRecord',
      doc({ ...EVENT, event_id: 5, matched_condition_ids: 'abc', timestamp: 'garbage' }),
    );
    expect(err.issues.map((i) => i.path).sort()).toEqual(['/event_id', '/matched_condition_ids', '/timestamp']);
  });

  test('syntax errors carry the DTO and position', () => {
    const err = thrownBy(() => fromJson('EventRecord', '{"event_id": "e",\n "event_code": }'));
    expect(err).toBeInstanceOf(PythonJsonSyntaxError);
    expect((err as PythonJsonSyntaxError).dto).toBe('EventRecord');
    expect((err as PythonJsonSyntaxError).line).toBe(2);
  });
});

describe('toJson rejects before writing', () => {
  const record = fromJson('EventRecord', doc(EVENT)) as EventRecord;
  test.each([
    ['a missing field', without(record, 'payload'), '/payload'],
    ['an unknown field', { ...record, extra: 1 }, '/extra'],
    ['a non-canonical timestamp', { ...record, timestamp: '2026-05-09 10:11:12' }, '/timestamp'],
    ['a number id', { ...record, event_id: 5 }, '/event_id'],
  ])('%s', (_name, value, path) => {
    const err = thrownBy(() => toJson('EventRecord', value as EventRecord));
    expect(err).toBeInstanceOf(ContractValidationError);
    expect((err as ContractValidationError).issues.map((i) => i.path)).toContain(path);
  });

  test('something JSON cannot hold inside arguments_preview', () => {
    const run = fromJson('TriggerRunRecord', doc(RUN_AND3));
    const bad = { ...run, arguments_preview: { f: [1, () => 1] } };
    const err = thrownBy(() => toJson('TriggerRunRecord', bad));
    expect(err).toBeInstanceOf(ContractValidationError);
    expect((err as ContractValidationError).issues[0]!.path).toBe('/arguments_preview/f/1');
  });

  test("a valid timestamp is written as it is; reading it back applies Python's reader", () => {
    // isoformat() writes this for a datetime whose offset is 1µs; fromisoformat (3.11 to 3.13) reads it as UTC.
    const odd = '2026-05-09T10:11:12+00:00:00.000001';
    const written = toJson('EventRecord', { ...record, timestamp: odd });
    expect(written).toBe(doc({ ...EVENT, timestamp: odd }));
    const golden = runOracle<Golden[]>('codec_golden.py', {
      now: NOW_ISO,
      cases: [{ dto: 'EventRecord', text: written }],
    })[0] as {
      ok: string;
    };
    expect(toJson('EventRecord', fromJson('EventRecord', written))).toBe(golden.ok);
    expect(golden.ok).not.toBe(written);
  });
});
