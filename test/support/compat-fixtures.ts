/**
 * The fixture series of the compatibility gate: one schema change per rule,
 * each made by a small edit of the real contract (contract/*.schema.json), with
 * the findings it must produce and the exit code it must give in each mode.
 *
 * The expected exit codes are written out per case (not derived from
 * src/compat/rules.ts), so they state Confluent's rules independently of the
 * implementation: backward = a reader on the new schema reads every document
 * the old one accepted; forward = the reverse.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContract, type Contract } from '../../scripts/contract';
import { snapshotFromTexts, type CompatMode, type ContractSnapshot, type RuleId } from '../../src/compat';
import { withTempDir } from './temp-dir';

export const CONTRACT_DIR = join(__dirname, '..', '..', 'contract');

export type Files = Record<string, any>; // file name → schema (mutable JSON)

export const ER = 'event-record.schema.json';
const EM = 'event-marker.schema.json';
export const EMP = 'event-marker-page.schema.json';
export const TRP = 'trigger-run-participant.schema.json';
const TRR = 'trigger-run-record.schema.json';
export const COMMON = 'common.schema.json';

export function contractFiles(): Files {
  const files: Files = {};
  for (const name of readdirSync(CONTRACT_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    files[name] = JSON.parse(readFileSync(join(CONTRACT_DIR, name), 'utf8'));
  }
  return files;
}

/** A snapshot of schema files (file name → schema) as the gate reads it. */
export function snapshot(source: string, files: Files): ContractSnapshot {
  return snapshotFromTexts(
    source,
    new Map(Object.entries(files).map(([name, schema]) => [name, JSON.stringify(schema)])),
  );
}

/** The contract after `edit`, loaded as the build loads contract/ (through a temporary folder). */
export function editedContract(edit: (f: Files) => void): Contract {
  const files = contractFiles();
  edit(files);
  return withTempDir('contract-edit-', (dir) => {
    for (const [name, schema] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(schema));
    return loadContract(dir);
  });
}

export type Expected = [rule: RuleId, dto: string, pointer: string];

export interface Case {
  /** The rule this case is the fixture of. */
  rule: RuleId;
  name: string;
  /** Edit of the baseline (default: the contract as is). */
  base?: (f: Files) => void;
  /** Edit that makes the current contract from the baseline. */
  edit: (f: Files) => void;
  /** Every finding the change must produce (no more, unless `partial`). */
  findings: Expected[];
  /** Only require `findings` to be among the findings. */
  partial?: boolean;
  /** Exit code (0 pass / 1 fail) in each mode. */
  exit: Record<CompatMode, 0 | 1>;
}

const NARROW = { backward: 1, forward: 0, full: 1 } as const;
const WIDEN = { backward: 0, forward: 1, full: 1 } as const;
const BOTH = { backward: 1, forward: 1, full: 1 } as const;
const NONE = { backward: 0, forward: 0, full: 0 } as const;

const req = (schema: any, name: string): void => {
  if (!schema.required.includes(name)) schema.required.push(name);
};
const unreq = (schema: any, name: string): void => {
  schema.required = schema.required.filter((n: string) => n !== name);
};
const remove = (schema: any, name: string, reserve = true): void => {
  delete schema.properties[name];
  if (schema.required) unreq(schema, name);
  if (reserve) schema['x-reserved'] = { ...(schema['x-reserved'] ?? {}), [name]: 'removed in a test' };
};
const args = (f: Files): any => f[TRR].properties.arguments_preview;
const payload = (f: Files): any => f[ER].properties.payload;
const total = (f: Files): any => f[EMP].properties.total;
const eventCode = (f: Files): any => f[ER].properties.event_code;
const logic = (f: Files): any => f[TRR].properties.logic_value;

/** Findings of a change to TriggerRunParticipant: there, and where TriggerRunRecord embeds it (participants items). */
const participantFindings = (rule: RuleId, pointer: string): Expected[] => [
  [rule, 'TriggerRunParticipant', pointer],
  [rule, 'TriggerRunRecord', `/properties/participants/items${pointer}`],
];
/** Findings of a change to EventMarker: there, and where EventMarkerPage embeds it (markers items). */
const markerFindings = (rule: RuleId, pointer: string): Expected[] => [
  [rule, 'EventMarker', pointer],
  [rule, 'EventMarkerPage', `/properties/markers/items${pointer}`],
];

/** Bound keyword pairs (lower, upper) and where each pair is tried; the rule id and side follow from the keyword. */
const BOUNDS: Array<{ kws: [lower: string, upper: string]; dto: string; pointer: string; at: (f: Files) => any }> = [
  { kws: ['minLength', 'maxLength'], dto: 'EventRecord', pointer: '/properties/event_code', at: eventCode },
  { kws: ['minimum', 'maximum'], dto: 'EventMarkerPage', pointer: '/properties/total', at: total },
  { kws: ['exclusiveMinimum', 'exclusiveMaximum'], dto: 'EventMarkerPage', pointer: '/properties/total', at: total },
  {
    kws: ['minItems', 'maxItems'],
    dto: 'EventRecord',
    pointer: '/properties/matched_condition_ids',
    at: (f) => f[ER].properties.matched_condition_ids,
  },
  { kws: ['minProperties', 'maxProperties'], dto: 'EventRecord', pointer: '/properties/payload', at: payload },
];

function boundCases(): Case[] {
  const cases: Case[] = [];
  for (const { kws, ...where } of BOUNDS) {
    for (const [index, kw] of kws.entries()) {
      cases.push(...boundKeywordCases({ ...where, kw, side: index === 0 ? 'lower' : 'upper' }));
    }
  }
  return cases;
}

/** The four changes of one bound keyword: added, removed, tightened, loosened. */
function boundKeywordCases(b: {
  kw: string;
  side: 'lower' | 'upper';
  dto: string;
  pointer: string;
  at: (f: Files) => any;
}): Case[] {
  const cases: Case[] = [];
  const id = b.kw.replace(/[A-Z]/g, (upper) => `_${upper}`).toUpperCase();
  const set = (v: number | undefined) => (f: Files) => {
    const s = b.at(f);
    if (v === undefined) delete s[b.kw];
    else s[b.kw] = v;
  };
  const p = `${b.pointer}/${b.kw}`;
  const tighter = b.side === 'lower' ? 'INCREASED' : 'DECREASED';
  const looser = b.side === 'lower' ? 'DECREASED' : 'INCREASED';
  const steps: Array<[string, number | undefined, number | undefined, typeof NARROW | typeof WIDEN]> = [
    ['ADDED', undefined, 5, NARROW],
    ['REMOVED', 5, undefined, WIDEN],
    [tighter, b.side === 'lower' ? 5 : 10, b.side === 'lower' ? 10 : 5, NARROW],
    [looser, b.side === 'lower' ? 10 : 5, b.side === 'lower' ? 5 : 10, WIDEN],
  ];
  for (const [change, from, to, exit] of steps) {
    const rule = `${id}_${change}` as RuleId;
    cases.push({
      rule,
      name: `${b.kw} ${String(from)} → ${String(to)}`,
      base: set(from),
      edit: set(to),
      findings: [[rule, b.dto, p]],
      exit,
    });
  }
  return cases;
}

const bumpAll =
  (v: number) =>
  (f: Files): void => {
    for (const s of Object.values(f)) s.$id = s.$id.replace(/\/v\d+\//, `/v${v}/`);
  };

export const CASES: Case[] = [
  // ── content model ──
  {
    rule: 'CONTENT_MODEL_OPENED',
    name: 'EventRecord additionalProperties false → true',
    edit: (f) => (f[ER].additionalProperties = true),
    findings: [['CONTENT_MODEL_OPENED', 'EventRecord', '/additionalProperties']],
    exit: WIDEN,
  },
  {
    rule: 'CONTENT_MODEL_CLOSED',
    name: 'arguments_preview additionalProperties true → false',
    edit: (f) => (args(f).additionalProperties = false),
    findings: [['CONTENT_MODEL_CLOSED', 'TriggerRunRecord', '/properties/arguments_preview/additionalProperties']],
    exit: NARROW,
  },
  {
    rule: 'CONTENT_MODEL_NARROWED',
    name: 'arguments_preview additionalProperties true → {type: string}',
    edit: (f) => (args(f).additionalProperties = { type: 'string' }),
    findings: [['CONTENT_MODEL_NARROWED', 'TriggerRunRecord', '/properties/arguments_preview/additionalProperties']],
    exit: NARROW,
  },
  {
    rule: 'CONTENT_MODEL_WIDENED',
    name: 'payload additionalProperties {type: string} → true',
    edit: (f) => (payload(f).additionalProperties = true),
    findings: [['CONTENT_MODEL_WIDENED', 'EventRecord', '/properties/payload/additionalProperties']],
    exit: WIDEN,
  },

  // ── property added ──
  {
    rule: 'PROPERTY_ADDED_CLOSED_OPTIONAL',
    name: 'optional note added to EventRecord',
    edit: (f) => (f[ER].properties.note = { type: 'string' }),
    findings: [['PROPERTY_ADDED_CLOSED_OPTIONAL', 'EventRecord', '/properties/note']],
    exit: WIDEN,
  },
  {
    rule: 'PROPERTY_ADDED_CLOSED_REQUIRED_WITH_DEFAULT',
    name: 'required note with default added to EventRecord',
    edit: (f) => {
      f[ER].properties.note = { type: 'string', default: '' };
      req(f[ER], 'note');
    },
    findings: [['PROPERTY_ADDED_CLOSED_REQUIRED_WITH_DEFAULT', 'EventRecord', '/properties/note']],
    exit: WIDEN,
  },
  {
    rule: 'PROPERTY_ADDED_CLOSED_REQUIRED',
    name: 'required note without default added to EventRecord',
    edit: (f) => {
      f[ER].properties.note = { type: 'string' };
      req(f[ER], 'note');
    },
    findings: [['PROPERTY_ADDED_CLOSED_REQUIRED', 'EventRecord', '/properties/note']],
    exit: BOTH,
  },
  {
    rule: 'PROPERTY_ADDED_OPEN',
    name: 'order_id: integer declared in open arguments_preview',
    edit: (f) => (args(f).properties = { order_id: { type: 'integer' } }),
    findings: [['PROPERTY_ADDED_OPEN', 'TriggerRunRecord', '/properties/arguments_preview/properties/order_id']],
    exit: NARROW,
  },
  {
    rule: 'PROPERTY_ADDED_OPEN_EMPTY_SCHEMA',
    name: 'order_id: {} declared in open arguments_preview',
    edit: (f) => (args(f).properties = { order_id: {} }),
    findings: [
      ['PROPERTY_ADDED_OPEN_EMPTY_SCHEMA', 'TriggerRunRecord', '/properties/arguments_preview/properties/order_id'],
    ],
    exit: NONE,
  },
  {
    rule: 'PROPERTY_ADDED_PARTIAL_OPTIONAL',
    name: 'order_id: string declared in partially open payload (string values)',
    edit: (f) => (payload(f).properties = { order_id: { type: 'string' } }),
    findings: [['PROPERTY_ADDED_PARTIAL_OPTIONAL', 'EventRecord', '/properties/payload/properties/order_id']],
    exit: NONE,
  },
  {
    rule: 'PROPERTY_ADDED_PARTIAL_OPTIONAL',
    name: 'order_id: string, maxLength 10 declared in payload (narrower than additionalProperties)',
    edit: (f) => (payload(f).properties = { order_id: { type: 'string', maxLength: 10 } }),
    findings: [
      ['MAX_LENGTH_ADDED', 'EventRecord', '/properties/payload/properties/order_id/maxLength'],
      ['PROPERTY_ADDED_PARTIAL_OPTIONAL', 'EventRecord', '/properties/payload/properties/order_id'],
    ],
    exit: NARROW,
  },
  {
    rule: 'PROPERTY_ADDED_PARTIAL_REQUIRED_WITH_DEFAULT',
    name: 'required order_id with default in payload',
    edit: (f) => {
      payload(f).properties = { order_id: { type: 'string', default: '' } };
      payload(f).required = ['order_id'];
    },
    findings: [
      ['PROPERTY_ADDED_PARTIAL_REQUIRED_WITH_DEFAULT', 'EventRecord', '/properties/payload/properties/order_id'],
    ],
    exit: NONE,
  },
  {
    rule: 'PROPERTY_ADDED_PARTIAL_REQUIRED',
    name: 'required order_id without default in payload',
    edit: (f) => {
      payload(f).properties = { order_id: { type: 'string' } };
      payload(f).required = ['order_id'];
    },
    findings: [['PROPERTY_ADDED_PARTIAL_REQUIRED', 'EventRecord', '/properties/payload/properties/order_id']],
    exit: NARROW,
  },

  // ── property removed (reserved, so only the compatibility rule speaks) ──
  {
    rule: 'PROPERTY_REMOVED_CLOSED_OPTIONAL',
    name: 'optional emitted_by_task_id removed from EventRecord',
    base: (f) => unreq(f[ER], 'emitted_by_task_id'),
    edit: (f) => remove(f[ER], 'emitted_by_task_id'),
    findings: [['PROPERTY_REMOVED_CLOSED_OPTIONAL', 'EventRecord', '/properties/emitted_by_task_id']],
    exit: NARROW,
  },
  {
    rule: 'PROPERTY_REMOVED_CLOSED_REQUIRED_WITH_DEFAULT',
    name: 'required emitted_by_task_id (default null) removed',
    edit: (f) => remove(f[ER], 'emitted_by_task_id'),
    findings: [['PROPERTY_REMOVED_CLOSED_REQUIRED_WITH_DEFAULT', 'EventRecord', '/properties/emitted_by_task_id']],
    exit: NARROW,
  },
  {
    rule: 'PROPERTY_REMOVED_CLOSED_REQUIRED',
    name: 'required event_code (no default) removed',
    edit: (f) => remove(f[ER], 'event_code'),
    findings: [['PROPERTY_REMOVED_CLOSED_REQUIRED', 'EventRecord', '/properties/event_code']],
    exit: BOTH,
  },
  {
    rule: 'PROPERTY_REMOVED_OPEN',
    name: 'order_id: integer removed from open arguments_preview',
    base: (f) => (args(f).properties = { order_id: { type: 'integer' } }),
    edit: (f) => remove(args(f), 'order_id'),
    findings: [['PROPERTY_REMOVED_OPEN', 'TriggerRunRecord', '/properties/arguments_preview/properties/order_id']],
    exit: WIDEN,
  },
  {
    rule: 'PROPERTY_REMOVED_OPEN_EMPTY_SCHEMA',
    name: 'order_id: {} removed from open arguments_preview',
    base: (f) => (args(f).properties = { order_id: {} }),
    edit: (f) => remove(args(f), 'order_id'),
    findings: [
      ['PROPERTY_REMOVED_OPEN_EMPTY_SCHEMA', 'TriggerRunRecord', '/properties/arguments_preview/properties/order_id'],
    ],
    exit: NONE,
  },
  {
    rule: 'PROPERTY_REMOVED_PARTIAL_OPTIONAL',
    name: 'optional order_id removed from payload',
    base: (f) => (payload(f).properties = { order_id: { type: 'string' } }),
    edit: (f) => remove(payload(f), 'order_id'),
    findings: [['PROPERTY_REMOVED_PARTIAL_OPTIONAL', 'EventRecord', '/properties/payload/properties/order_id']],
    exit: NONE,
  },
  {
    rule: 'PROPERTY_REMOVED_PARTIAL_REQUIRED_WITH_DEFAULT',
    name: 'required order_id with default removed from payload',
    base: (f) => {
      payload(f).properties = { order_id: { type: 'string', default: '' } };
      payload(f).required = ['order_id'];
    },
    edit: (f) => remove(payload(f), 'order_id'),
    findings: [
      ['PROPERTY_REMOVED_PARTIAL_REQUIRED_WITH_DEFAULT', 'EventRecord', '/properties/payload/properties/order_id'],
    ],
    exit: NONE,
  },
  {
    rule: 'PROPERTY_REMOVED_PARTIAL_REQUIRED',
    name: 'required order_id without default removed from payload',
    base: (f) => {
      payload(f).properties = { order_id: { type: 'string' } };
      payload(f).required = ['order_id'];
    },
    edit: (f) => remove(payload(f), 'order_id'),
    findings: [['PROPERTY_REMOVED_PARTIAL_REQUIRED', 'EventRecord', '/properties/payload/properties/order_id']],
    exit: WIDEN,
  },

  // ── required ──
  {
    rule: 'REQUIRED_ADDED',
    name: 'event_code (no default) made required',
    base: (f) => unreq(f[ER], 'event_code'),
    edit: (f) => req(f[ER], 'event_code'),
    findings: [['REQUIRED_ADDED', 'EventRecord', '/required/9']],
    exit: NARROW,
  },
  {
    rule: 'REQUIRED_ADDED_WITH_DEFAULT',
    name: 'emitted_by_task_id (default null) made required',
    base: (f) => unreq(f[ER], 'emitted_by_task_id'),
    edit: (f) => req(f[ER], 'emitted_by_task_id'),
    findings: [['REQUIRED_ADDED_WITH_DEFAULT', 'EventRecord', '/required/9']],
    exit: NONE,
  },
  {
    rule: 'REQUIRED_REMOVED',
    name: 'event_code no longer required',
    edit: (f) => unreq(f[ER], 'event_code'),
    findings: [['REQUIRED_REMOVED', 'EventRecord', '/required/1']],
    exit: WIDEN,
  },
  {
    rule: 'REQUIRED_REMOVED_WITH_DEFAULT',
    name: 'emitted_by_task_id no longer required',
    edit: (f) => unreq(f[ER], 'emitted_by_task_id'),
    findings: [['REQUIRED_REMOVED_WITH_DEFAULT', 'EventRecord', '/required/8']],
    exit: NONE,
  },

  // ── types ──
  {
    rule: 'TYPE_WIDENED',
    name: 'total integer → number',
    edit: (f) => (total(f).type = 'number'),
    findings: [['TYPE_WIDENED', 'EventMarkerPage', '/properties/total/type']],
    exit: WIDEN,
  },
  {
    rule: 'TYPE_WIDENED',
    name: 'event_code string → [string, integer]',
    edit: (f) => (eventCode(f).type = ['string', 'integer']),
    findings: [['TYPE_WIDENED', 'EventRecord', '/properties/event_code/type']],
    exit: WIDEN,
  },
  {
    rule: 'TYPE_NARROWED',
    name: 'total number → integer',
    base: (f) => (total(f).type = 'number'),
    edit: (f) => (total(f).type = 'integer'),
    findings: [['TYPE_NARROWED', 'EventMarkerPage', '/properties/total/type']],
    exit: NARROW,
  },
  {
    rule: 'TYPE_CHANGED',
    name: 'event_code string → integer',
    edit: (f) => (eventCode(f).type = 'integer'),
    findings: [['TYPE_CHANGED', 'EventRecord', '/properties/event_code/type']],
    exit: BOTH,
  },
  {
    rule: 'NULLABLE_ADDED',
    name: 'event_code string → [string, null]',
    edit: (f) => (eventCode(f).type = ['string', 'null']),
    findings: [['NULLABLE_ADDED', 'EventRecord', '/properties/event_code/type']],
    exit: WIDEN,
  },
  {
    rule: 'NULLABLE_ADDED',
    name: 'event_id $ref id → $ref optionalId (nullable through the shared definitions)',
    edit: (f) => (f[ER].properties.event_id.$ref = 'common.schema.json#/$defs/optionalId'),
    findings: [
      ['REF_TARGET_CHANGED', 'EventRecord', '/properties/event_id'],
      ['NULLABLE_ADDED', 'EventRecord', '/properties/event_id/type'],
    ],
    exit: WIDEN,
  },
  {
    rule: 'NULLABLE_REMOVED',
    name: 'claimed_at $ref optionalTimestamp → $ref timestamp',
    edit: (f) => (f[TRR].properties.claimed_at.$ref = 'common.schema.json#/$defs/timestamp'),
    findings: [
      ['REF_TARGET_CHANGED', 'TriggerRunRecord', '/properties/claimed_at'],
      ['NULLABLE_REMOVED', 'TriggerRunRecord', '/properties/claimed_at/type'],
    ],
    exit: NARROW,
  },

  // ── enum ──
  {
    rule: 'ENUM_WIDENED',
    name: 'logic_value gains "xor"',
    edit: (f) => logic(f).enum.push('xor'),
    findings: [['ENUM_WIDENED', 'TriggerRunRecord', '/properties/logic_value/enum']],
    exit: WIDEN,
  },
  {
    rule: 'ENUM_NARROWED',
    name: 'logic_value loses "or"',
    edit: (f) => (logic(f).enum = ['and']),
    findings: [['ENUM_NARROWED', 'TriggerRunRecord', '/properties/logic_value/enum']],
    exit: NARROW,
  },
  {
    rule: 'ENUM_CHANGED',
    name: 'logic_value and/or → and/xor',
    edit: (f) => (logic(f).enum = ['and', 'xor']),
    findings: [['ENUM_CHANGED', 'TriggerRunRecord', '/properties/logic_value/enum']],
    exit: BOTH,
  },
  {
    rule: 'ENUM_ADDED',
    name: 'context_type restricted to the five known kinds',
    edit: (f) =>
      (f[TRP].properties.context_type.enum = [
        'EventContext',
        'StatusContext',
        'ResultContext',
        'ExceptionContext',
        'CronContext',
      ]),
    findings: [...participantFindings('ENUM_ADDED', '/properties/context_type/enum')],
    exit: NARROW,
  },
  {
    rule: 'ENUM_REMOVED',
    name: 'logic_value enum removed',
    edit: (f) => delete logic(f).enum,
    findings: [['ENUM_REMOVED', 'TriggerRunRecord', '/properties/logic_value/enum']],
    exit: WIDEN,
  },

  // ── strings ──
  {
    rule: 'PATTERN_ADDED',
    name: 'event_code pattern added',
    edit: (f) => (eventCode(f).pattern = '^[a-z.]+$'),
    findings: [['PATTERN_ADDED', 'EventRecord', '/properties/event_code/pattern']],
    exit: NARROW,
  },
  {
    rule: 'PATTERN_REMOVED',
    name: 'event_code pattern removed',
    base: (f) => (eventCode(f).pattern = '^[a-z.]+$'),
    edit: (f) => delete eventCode(f).pattern,
    findings: [['PATTERN_REMOVED', 'EventRecord', '/properties/event_code/pattern']],
    exit: WIDEN,
  },
  {
    rule: 'PATTERN_CHANGED',
    name: 'event_code pattern changed',
    base: (f) => (eventCode(f).pattern = '^[a-z.]+$'),
    edit: (f) => (eventCode(f).pattern = '^[a-z._]+$'),
    findings: [['PATTERN_CHANGED', 'EventRecord', '/properties/event_code/pattern']],
    exit: BOTH,
  },
  {
    rule: 'PATTERN_CHANGED',
    name: 'timestamp pattern changed in common.schema.json (reported under every DTO that uses it)',
    edit: (f) => (f[COMMON].$defs.timestamp.pattern = '^[0-9T:.+-]+$'),
    findings: [
      ...markerFindings('PATTERN_CHANGED', '/properties/timestamp/pattern'),
      ['PATTERN_CHANGED', 'EventRecord', '/properties/timestamp/pattern'],
      ['PATTERN_CHANGED', 'TriggerRunParticipant', '/properties/context_timestamp/oneOf/0/pattern'],
      ['PATTERN_CHANGED', 'TriggerRunRecord', '/properties/claimed_at/oneOf/0/pattern'],
      ['PATTERN_CHANGED', 'TriggerRunRecord', '/properties/executed_at/oneOf/0/pattern'],
      [
        'PATTERN_CHANGED',
        'TriggerRunRecord',
        '/properties/participants/items/properties/context_timestamp/oneOf/0/pattern',
      ],
    ],
    exit: BOTH,
  },
  {
    rule: 'FORMAT_ADDED',
    name: 'event_code format hostname added',
    edit: (f) => (eventCode(f).format = 'hostname'),
    findings: [['FORMAT_ADDED', 'EventRecord', '/properties/event_code/format']],
    exit: NARROW,
  },
  {
    rule: 'FORMAT_REMOVED',
    name: 'event_code format removed',
    base: (f) => (eventCode(f).format = 'hostname'),
    edit: (f) => delete eventCode(f).format,
    findings: [['FORMAT_REMOVED', 'EventRecord', '/properties/event_code/format']],
    exit: WIDEN,
  },
  {
    rule: 'FORMAT_CHANGED',
    name: 'event_code format hostname → uri',
    base: (f) => (eventCode(f).format = 'hostname'),
    edit: (f) => (eventCode(f).format = 'uri'),
    findings: [['FORMAT_CHANGED', 'EventRecord', '/properties/event_code/format']],
    exit: BOTH,
  },

  // ── ranges and sizes ──
  ...boundCases(),
  {
    rule: 'MULTIPLE_OF_ADDED',
    name: 'total multipleOf 10 added',
    edit: (f) => (total(f).multipleOf = 10),
    findings: [['MULTIPLE_OF_ADDED', 'EventMarkerPage', '/properties/total/multipleOf']],
    exit: NARROW,
  },
  {
    rule: 'MULTIPLE_OF_REMOVED',
    name: 'total multipleOf removed',
    base: (f) => (total(f).multipleOf = 10),
    edit: (f) => delete total(f).multipleOf,
    findings: [['MULTIPLE_OF_REMOVED', 'EventMarkerPage', '/properties/total/multipleOf']],
    exit: WIDEN,
  },
  {
    rule: 'MULTIPLE_OF_CHANGED',
    name: 'total multipleOf 10 → 4',
    base: (f) => (total(f).multipleOf = 10),
    edit: (f) => (total(f).multipleOf = 4),
    findings: [['MULTIPLE_OF_CHANGED', 'EventMarkerPage', '/properties/total/multipleOf']],
    exit: BOTH,
  },
  {
    rule: 'UNIQUE_ITEMS_ADDED',
    name: 'markers uniqueItems added',
    edit: (f) => (f[EMP].properties.markers.uniqueItems = true),
    findings: [['UNIQUE_ITEMS_ADDED', 'EventMarkerPage', '/properties/markers/uniqueItems']],
    exit: NARROW,
  },
  {
    rule: 'UNIQUE_ITEMS_REMOVED',
    name: 'markers uniqueItems removed',
    base: (f) => (f[EMP].properties.markers.uniqueItems = true),
    edit: (f) => delete f[EMP].properties.markers.uniqueItems,
    findings: [['UNIQUE_ITEMS_REMOVED', 'EventMarkerPage', '/properties/markers/uniqueItems']],
    exit: WIDEN,
  },

  // ── composition ──
  {
    rule: 'REF_TARGET_CHANGED',
    name: 'event_id $ref to an identical new definition',
    edit: (f) => {
      f[COMMON].$defs.eventId = { title: 'EventId', type: 'string' };
      f[ER].properties.event_id.$ref = 'common.schema.json#/$defs/eventId';
    },
    findings: [['REF_TARGET_CHANGED', 'EventRecord', '/properties/event_id']],
    exit: NONE,
  },
  {
    rule: 'ALL_OF_BRANCH_ADDED',
    name: 'a fourth if/then rule in TriggerRunParticipant',
    edit: (f) =>
      f[TRP].allOf.push({
        if: { required: ['context_type'], properties: { context_type: { const: 'manual' } } },
        then: { properties: { event_id: { type: 'null' } } },
      }),
    findings: [...participantFindings('ALL_OF_BRANCH_ADDED', '/allOf/3')],
    exit: NARROW,
  },
  {
    rule: 'ALL_OF_BRANCH_REMOVED',
    name: 'the cron rule of TriggerRunParticipant removed',
    edit: (f) => f[TRP].allOf.pop(),
    findings: [...participantFindings('ALL_OF_BRANCH_REMOVED', '/allOf/2')],
    exit: WIDEN,
  },
  {
    rule: 'CONDITION_CHANGED',
    name: 'the cron rule applies to "schedule" instead',
    edit: (f) => (f[TRP].allOf[2].if.properties.context_type.const = 'schedule'),
    findings: [...participantFindings('CONDITION_CHANGED', '/allOf/2/if')],
    exit: BOTH,
  },
  {
    rule: 'TYPE_WIDENED',
    name: 'the cron rule lets event_id be a string (a change inside then)',
    edit: (f) => (f[TRP].allOf[2].then.properties.event_id = { type: ['string', 'null'] }),
    findings: [...participantFindings('TYPE_WIDENED', '/allOf/2/then/properties/event_id/type')],
    exit: WIDEN,
  },
  {
    rule: 'COMBINATOR_CHANGED',
    name: 'EventMarker gains a not',
    edit: (f) => (f[EM].not = { required: ['payload'] }),
    findings: [...markerFindings('COMBINATOR_CHANGED', '/not')],
    exit: BOTH,
  },
  {
    rule: 'KEYWORD_CHANGED',
    name: 'payload gains propertyNames (not modelled: assumed breaking)',
    edit: (f) => (payload(f).propertyNames = { maxLength: 40 }),
    findings: [['KEYWORD_CHANGED', 'EventRecord', '/properties/payload/propertyNames']],
    exit: BOTH,
  },

  // ── informational ──
  {
    rule: 'DEFAULT_CHANGED',
    name: 'emitted_by_task_id default null → ""',
    edit: (f) => (f[ER].properties.emitted_by_task_id.default = ''),
    findings: [['DEFAULT_CHANGED', 'EventRecord', '/properties/emitted_by_task_id/default']],
    exit: NONE,
  },
  {
    rule: 'PROPERTY_ORDER_CHANGED',
    name: 'EventRecord event_code written before event_id',
    edit: (f) => {
      const { event_id, event_code, ...rest } = f[ER].properties;
      f[ER].properties = { event_code, event_id, ...rest };
    },
    findings: [['PROPERTY_ORDER_CHANGED', 'EventRecord', '/properties']],
    exit: NONE,
  },
  {
    rule: 'DTO_ADDED',
    name: 'a new DTO schema',
    edit: (f) =>
      (f['audit-note.schema.json'] = {
        $schema: f[ER].$schema,
        $id: f[ER].$id.replace('event-record', 'audit-note'),
        title: 'AuditNote',
        type: 'object',
        additionalProperties: false,
        properties: { text: { type: 'string' } },
        required: ['text'],
      }),
    findings: [['DTO_ADDED', 'AuditNote', '']],
    exit: NONE,
  },
  {
    rule: 'DTO_REMOVED',
    name: 'TriggerRunRecord schema removed',
    edit: (f) => delete f[TRR],
    findings: [['DTO_REMOVED', 'TriggerRunRecord', '']],
    exit: NARROW,
  },

  // ── policy ──
  {
    rule: 'PROPERTY_REMOVED_NOT_RESERVED',
    name: 'emitted_by_task_id removed without reserving it',
    edit: (f) => remove(f[ER], 'emitted_by_task_id', false),
    findings: [
      ['PROPERTY_REMOVED_CLOSED_REQUIRED_WITH_DEFAULT', 'EventRecord', '/properties/emitted_by_task_id'],
      ['PROPERTY_REMOVED_NOT_RESERVED', 'EventRecord', '/properties/emitted_by_task_id'],
    ],
    exit: BOTH,
  },
  {
    rule: 'RESERVED_FIELD_READDED',
    name: 'a reserved field comes back as an integer',
    base: (f) => remove(f[ER], 'emitted_by_task_id'),
    edit: (f) => (f[ER].properties.emitted_by_task_id = { type: 'integer' }),
    findings: [
      ['PROPERTY_ADDED_CLOSED_OPTIONAL', 'EventRecord', '/properties/emitted_by_task_id'],
      ['RESERVED_FIELD_READDED', 'EventRecord', '/properties/emitted_by_task_id'],
    ],
    exit: BOTH,
  },
  {
    rule: 'RESERVED_FIELD_UNRESERVED',
    name: 'a reserved name dropped from x-reserved, then re-added',
    base: (f) => remove(f[ER], 'emitted_by_task_id'),
    edit: (f) => {
      delete f[ER]['x-reserved'];
      f[ER].properties.emitted_by_task_id = { type: 'integer' };
    },
    findings: [
      ['PROPERTY_ADDED_CLOSED_OPTIONAL', 'EventRecord', '/properties/emitted_by_task_id'],
      ['RESERVED_FIELD_READDED', 'EventRecord', '/properties/emitted_by_task_id'],
      ['RESERVED_FIELD_UNRESERVED', 'EventRecord', '/x-reserved'],
    ],
    exit: BOTH,
  },
  {
    rule: 'RESERVED_INVALID',
    name: 'x-reserved reason is not a string',
    edit: (f) => (f[ER]['x-reserved'] = { old_field: 2 }),
    findings: [['RESERVED_INVALID', 'EventRecord', '/x-reserved']],
    exit: BOTH,
  },
  {
    rule: 'REF_UNRESOLVED',
    name: 'event_id $ref to a definition that does not exist',
    edit: (f) => (f[ER].properties.event_id.$ref = 'common.schema.json#/$defs/nope'),
    findings: [['REF_UNRESOLVED', 'EventRecord', '/properties/event_id']],
    partial: true,
    exit: BOTH,
  },
  {
    rule: 'VERSION_INCONSISTENT',
    name: 'one $id says v2',
    edit: (f) => (f[ER].$id = f[ER].$id.replace('/v1/', '/v2/')),
    findings: [['VERSION_INCONSISTENT', '(contract)', '']],
    exit: BOTH,
  },
  {
    rule: 'VERSION_DECREASED',
    name: 'baseline v2, current v1',
    base: bumpAll(2),
    edit: bumpAll(1),
    findings: [['VERSION_DECREASED', '(contract)', '']],
    exit: BOTH,
  },

  // ── the major version bump excuses breaking changes, not policy ──
  {
    rule: 'PROPERTY_REMOVED_CLOSED_REQUIRED',
    name: 'v2: event_code removed (reserved) with every $id bumped',
    edit: (f) => {
      bumpAll(2)(f);
      remove(f[ER], 'event_code');
    },
    findings: [['PROPERTY_REMOVED_CLOSED_REQUIRED', 'EventRecord', '/properties/event_code']],
    exit: NONE,
  },
  {
    rule: 'PROPERTY_REMOVED_NOT_RESERVED',
    name: 'v2: event_code removed without reserving it',
    edit: (f) => {
      bumpAll(2)(f);
      remove(f[ER], 'event_code', false);
    },
    findings: [
      ['PROPERTY_REMOVED_CLOSED_REQUIRED', 'EventRecord', '/properties/event_code'],
      ['PROPERTY_REMOVED_NOT_RESERVED', 'EventRecord', '/properties/event_code'],
    ],
    exit: BOTH,
  },
];

export function applyCase(c: Case): { base: Files; current: Files } {
  const base = contractFiles();
  c.base?.(base);
  const current = structuredClone(base);
  c.edit(current);
  return { base, current };
}
