/**
 * Drift gate: the installed pynenc's monitoring DTOs (read by scripts/python/drift_gate.py from pynenc itself)
 * against the contract (generated/schemas.ts, made from contract/; required-on-read and defaults through the
 * codec's plan, which also holds the one fact the schema states in prose: EventRecord.timestamp defaults to now).
 *
 * Every disagreement is one `Drift` whose message starts with `<DTO>.<field>:` and says what to change, e.g.
 * `TriggerRunRecord.atomic_service_runner_id: in pynenc 0.4.0 but not in the contract (add it to
 * contract/trigger-run-record.schema.json)`. Run after bumping pynenc in scripts/python/requirements.txt:
 * `npm run drift` (this file as a program; `--module-file PATH` reads a copy of monitoring.py instead), or the
 * test, test/oracle/drift.test.ts.
 */
import { DTO_NAMES, commonSchema, schemas, type DtoName } from '../../generated/schemas';
import { planOf, type FieldPlan } from '../../src/codec/plan';
import { valueAtTokens } from '../../src/spec/json-pointer';
import type { JsonSchema } from '../../src/spec/json-schema';
import { documentsById, resolveRef } from '../../src/spec/refs';
import { runOracle } from '../support/pynenc-python';

/** A resolved Python annotation, as drift_gate.py writes it. */
export interface PyType {
  name: string;
  args: PyType[];
}

export interface PyDefault {
  source: 'value' | 'factory';
  python_type: string;
  factory?: string;
  /** The default value, when JSON can hold it. */
  json?: unknown;
}

export interface PyField {
  name: string;
  annotation: string;
  type: PyType;
  /** No default and no default_factory. */
  required: boolean;
  default?: PyDefault;
}

/** What pynenc's reader does with a written document lacking one key. */
export interface PyReadMissing {
  /** The error, when the key is required on read. */
  raises?: string;
  python_type?: string;
  /** The value read, as pynenc's writer writes it back. */
  json?: unknown;
  /** For a datetime: whether it is the current time. */
  near_now?: boolean;
}

export interface PyDto {
  frozen: boolean;
  fields: PyField[];
  json_method: string | null;
  json_keys: string[] | null;
  read_method: string | null;
  read_missing: Record<string, PyReadMissing> | null;
  problems: string[];
}

export interface PynencDtoReport {
  pynenc_version: string;
  module: string;
  module_file: string;
  modified_copy: boolean;
  other_dataclasses: string[];
  dtos: Record<string, PyDto | null>;
}

export type DriftCheck =
  | 'dto'
  | 'field-missing-in-contract'
  | 'field-missing-in-pynenc'
  | 'not-written'
  | 'key-order'
  | 'always-written'
  | 'required'
  | 'default'
  | 'read-required'
  | 'read-default'
  | 'nullability'
  | 'type'
  | 'unreadable';

export interface Drift {
  dto: string;
  /** The field, or undefined for a DTO-level drift. */
  field: string | undefined;
  check: DriftCheck;
  message: string;
}

/** Runs drift_gate.py with the venv's pynenc; `moduleFile` reads a copy of monitoring.py instead. */
export function readPynencDtos(moduleFile?: string): PynencDtoReport {
  return runOracle<PynencDtoReport>(
    'drift_gate.py',
    {},
    { args: moduleFile === undefined ? [] : ['--module-file', moduleFile] },
  );
}

// ---- type families ------------------------------------------------------------------------------------------

/** What a value may be on the wire: one alternative of a type. */
type Family =
  | { kind: 'string' | 'timestamp' | 'boolean' | 'integer' | 'number' | 'null' | 'any' }
  | { kind: 'array'; items: Family[] }
  | { kind: 'object'; values: Family[] }
  | { kind: 'dto'; dto: string }
  | { kind: 'unknown'; name: string };

const PY_SCALARS: Readonly<Record<string, Family['kind']>> = {
  str: 'string',
  datetime: 'timestamp', // written with isoformat(); the contract's timestamp
  bool: 'boolean',
  int: 'integer',
  float: 'number',
  None: 'null',
  Any: 'any',
};

function pythonFamily(t: PyType): Family[] {
  if (t.name === 'union') return t.args.flatMap(pythonFamily);
  if (t.name === 'list') return [{ kind: 'array', items: t.args[0] ? pythonFamily(t.args[0]) : [{ kind: 'any' }] }];
  if (t.name === 'dict') return [{ kind: 'object', values: t.args[1] ? pythonFamily(t.args[1]) : [{ kind: 'any' }] }];
  const scalar = PY_SCALARS[t.name];
  if (scalar !== undefined) return [{ kind: scalar } as Family];
  if ((DTO_NAMES as readonly string[]).includes(t.name)) return [{ kind: 'dto', dto: t.name }];
  return [{ kind: 'unknown', name: t.name }];
}

const DOCUMENTS = documentsById<JsonSchema>([commonSchema, ...DTO_NAMES.map((name) => schemas[name])]);
const DTO_BY_SCHEMA = new Map<unknown, DtoName>(DTO_NAMES.map((name) => [schemas[name], name]));
const TIMESTAMP = valueAtTokens(commonSchema, ['$defs', 'timestamp']);

function schemaFamily(schema: JsonSchema | boolean | undefined, base: string): Family[] {
  if (schema === undefined || schema === true) return [{ kind: 'any' }];
  if (schema === false) return [];
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, base, DOCUMENTS);
    const node = target?.node;
    if (target === undefined || node === null || typeof node !== 'object') {
      throw new Error(`drift gate: $ref ${schema.$ref} (from ${base}) points at nothing`);
    }
    if (node === TIMESTAMP) return [{ kind: 'timestamp' }];
    const dto = DTO_BY_SCHEMA.get(node);
    if (dto !== undefined) return [{ kind: 'dto', dto }];
    return schemaFamily(node as JsonSchema, target.document);
  }
  const alternatives = [schema.oneOf, schema.anyOf].filter(Array.isArray) as JsonSchema[][];
  if (alternatives.length > 0) return alternatives.flat().flatMap((s) => schemaFamily(s, base));
  if (schema.type === undefined) return [{ kind: 'any' }];
  return ([] as string[]).concat(schema.type as string | string[]).map((type): Family => {
    if (type === 'array') return { kind: 'array', items: schemaFamily(schema.items as JsonSchema | undefined, base) };
    if (type === 'object') {
      const values = schema.additionalProperties as JsonSchema | boolean | undefined;
      return { kind: 'object', values: schemaFamily(values === false ? undefined : values, base) };
    }
    return { kind: type as 'string' | 'boolean' | 'integer' | 'number' | 'null' };
  });
}

function familyText(families: Family[]): string {
  if (families.length === 0) return 'nothing';
  return families
    .map((f) => {
      if (f.kind === 'array') return `array of ${familyText(f.items)}`;
      if (f.kind === 'object') return `object of ${familyText(f.values)}`;
      if (f.kind === 'dto') return f.dto;
      if (f.kind === 'unknown') return `${f.name} (no JSON form known)`;
      return f.kind;
    })
    .join(' | ');
}

function sameFamily(a: Family, b: Family): boolean {
  if (a.kind === 'any' || b.kind === 'any') return true;
  if (a.kind === 'array' && b.kind === 'array') return sameFamilies(a.items, b.items);
  if (a.kind === 'object' && b.kind === 'object') return sameFamilies(a.values, b.values);
  if (a.kind === 'dto' && b.kind === 'dto') return a.dto === b.dto;
  return a.kind === b.kind && a.kind !== 'unknown';
}

/** Each side's alternatives all found on the other side (`any` on either side matches everything). */
function sameFamilies(a: Family[], b: Family[]): boolean {
  if (a.some((f) => f.kind === 'any') || b.some((f) => f.kind === 'any')) return true;
  return a.every((x) => b.some((y) => sameFamily(x, y))) && b.every((y) => a.some((x) => sameFamily(x, y)));
}

const withoutNull = (families: Family[]): Family[] => families.filter((f) => f.kind !== 'null');
const allowsNull = (families: Family[]): boolean => families.some((f) => f.kind === 'null' || f.kind === 'any');

// ---- the comparison -----------------------------------------------------------------------------------------

/** The contract file of a DTO: the last segment of its schema's $id (checked against the file name on load). */
export function contractFile(dto: DtoName): string {
  return `contract/${String(schemas[dto].$id).split('/').pop()}`;
}

const json = (value: unknown): string => JSON.stringify(value);
const list = (names: readonly string[]): string => names.join(', ');

/** Every disagreement between the pynenc the report describes and the contract; empty when they agree. */
export function compareWithContract(report: PynencDtoReport): Drift[] {
  const pynenc = report.modified_copy
    ? `pynenc ${report.pynenc_version} (monitoring.py from ${report.module_file})`
    : `pynenc ${report.pynenc_version}`;
  const drifts: Drift[] = [];
  for (const name of report.other_dataclasses) {
    drifts.push({
      dto: name,
      field: undefined,
      check: 'dto',
      message:
        `${name}: a dataclass of ${report.module} in ${pynenc} with no schema in the contract ` +
        '(add one to contract/, or confirm it is not a monitoring record)',
    });
  }
  for (const dto of DTO_NAMES) {
    const py = report.dtos[dto];
    if (py === null || py === undefined) {
      drifts.push({
        dto,
        field: undefined,
        check: 'dto',
        message:
          `${dto}: in the contract (${contractFile(dto)}) but ${report.module} in ${pynenc} ` +
          'has no dataclass of that name',
      });
      continue;
    }
    drifts.push(...compareDto(dto, py, pynenc));
  }
  return drifts;
}

function compareDto(dto: DtoName, py: PyDto, pynenc: string): Drift[] {
  const drifts: Drift[] = [];
  const add = (field: string | undefined, check: DriftCheck, text: string): void => {
    drifts.push({ dto, field, check, message: `${field === undefined ? dto : `${dto}.${field}`}: ${text}` });
  };
  const file = contractFile(dto);
  const schema = schemas[dto];
  const base = String(schema.$id);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const contractKeys = Object.keys(properties);
  const inContract = (key: string): boolean => contractKeys.includes(key);
  const required = new Set((schema.required ?? []) as string[]);
  const plan = planOf(dto);
  const fieldNames = py.fields.map((f) => f.name);
  const method = py.json_method;
  const writer = method === null ? 'its dataclass fields (pynenc gives it no JSON form)' : `${dto}.${method}`;
  // What pynenc writes, in order: unknown when its writer failed (reported as a problem).
  const written = py.json_keys ?? (method === null ? fieldNames : undefined);

  for (const problem of py.problems) {
    add(undefined, 'unreadable', `in ${pynenc}, ${problem} (the gate cannot read what it writes)`);
  }

  // Field sets.
  for (const f of fieldNames) {
    if (!inContract(f)) {
      add(f, 'field-missing-in-contract', `in ${pynenc} but not in the contract (add it to ${file})`);
    }
  }
  for (const k of contractKeys) {
    if (!fieldNames.includes(k)) {
      add(
        k,
        'field-missing-in-pynenc',
        `in the contract but not in ${pynenc} (remove it from ${file}, or pin a pynenc that has it)`,
      );
    }
  }
  if (py.json_keys !== null) {
    for (const k of py.json_keys) {
      if (!fieldNames.includes(k) && !inContract(k)) {
        add(
          k,
          'field-missing-in-contract',
          `written by ${writer} in ${pynenc} but not in the contract (add it to ${file})`,
        );
      }
    }
    for (const f of fieldNames) {
      if (inContract(f) && !py.json_keys.includes(f)) {
        add(f, 'not-written', `a field of ${pynenc} that ${writer} does not write, but in the contract (${file})`);
      }
    }
  }

  // Key order: the contract's `properties` order is the order Python writes.
  const pyOrder = (written ?? []).filter(inContract);
  const contractOrder = contractKeys.filter((k) => pyOrder.includes(k));
  const at = pyOrder.findIndex((k, i) => contractOrder[i] !== k);
  if (written !== undefined && at >= 0) {
    add(
      pyOrder[at],
      'key-order',
      `${writer} in ${pynenc} writes it at position ${at + 1}, where the contract has ${contractOrder[at]}` +
        ` (${pynenc} writes ${list(pyOrder)}; make the properties of ${file} follow that order)`,
    );
  }

  for (const field of py.fields) {
    const fieldPlan = plan.byName.get(field.name);
    if (!inContract(field.name) || fieldPlan === undefined) continue;
    const prop = properties[field.name]!;
    if (written?.includes(field.name) === true && !required.has(field.name)) {
      add(field.name, 'always-written', `${writer} in ${pynenc} always writes it; list it in "required" in ${file}`);
    }
    drifts.push(...compareDefault(dto, field, fieldPlan, pynenc, file));
    const probe = py.read_missing?.[field.name];
    if (probe !== undefined) {
      drifts.push(...compareRead(dto, field.name, probe, `${dto}.${py.read_method}`, fieldPlan, pynenc, file));
    }
    const pyFamily = pythonFamily(field.type);
    const contractFamily = schemaFamily(prop, base);
    if (allowsNull(pyFamily) !== allowsNull(contractFamily)) {
      add(
        field.name,
        'nullability',
        allowsNull(pyFamily)
          ? `${pynenc} annotates it ${field.annotation} (may be None) but the contract does not allow null (${file})`
          : `${pynenc} annotates it ${field.annotation} (never None) but the contract allows null (${file})`,
      );
    }
    if (!sameFamilies(withoutNull(pyFamily), withoutNull(contractFamily))) {
      add(
        field.name,
        'type',
        `${pynenc} annotates it ${field.annotation} (${familyText(withoutNull(pyFamily))}) but the contract says ` +
          `${familyText(withoutNull(contractFamily))} (${file})`,
      );
    }
  }
  return drifts;
}

/** Required-on-read (no default) and the default values: pynenc's dataclass against the contract's `default`. */
function compareDefault(dto: DtoName, field: PyField, plan: FieldPlan, pynenc: string, file: string): Drift[] {
  const drift = (check: DriftCheck, text: string): Drift[] => [
    { dto, field: field.name, check, message: `${dto}.${field.name}: ${text}` },
  ];
  const contractHasDefault = plan.hasDefault || plan.defaultsToNow;
  const contractDefault = plan.defaultsToNow ? 'the current UTC time' : json(plan.makeDefault());
  if (field.required) {
    if (!contractHasDefault) return [];
    return drift(
      'required',
      `required in ${pynenc} (no default) but the contract defaults it to ${contractDefault} ` +
        `(remove its "default" in ${file})`,
    );
  }
  const d = field.default!;
  const pyDefault =
    d.json !== undefined
      ? json(d.json)
      : `a ${d.python_type} from ${d.factory ?? 'its default'}${d.factory ? '()' : ''}`;
  if (!contractHasDefault) {
    return drift(
      'required',
      `${pynenc} defaults it to ${pyDefault} but the contract has no default (add "default" to it in ${file})`,
    );
  }
  if (plan.defaultsToNow) {
    // Python's one default JSON cannot state: a datetime made by a factory when the record is built.
    if (d.python_type === 'datetime' && d.source === 'factory') return [];
    return drift(
      'default',
      `${pynenc} defaults it to ${pyDefault}, the contract (codec plan) to the current UTC time (${file})`,
    );
  }
  if (d.json === undefined) {
    return drift(
      'default',
      `${pynenc} defaults it to ${pyDefault}, which the contract cannot state; ` +
        `the contract says ${contractDefault} (${file})`,
    );
  }
  // Compared as JSON text: the report's values come from another realm than the plan's (jest's sandbox), and
  // a default's key order is what Python writes.
  if (json(d.json) !== json(plan.makeDefault())) {
    return drift(
      'default',
      `${pynenc} defaults it to ${pyDefault} but the contract to ${contractDefault} (change "default" in ${file})`,
    );
  }
  return [];
}

/** Required-on-read and the defaults a reader fills in: pynenc's from_json / from_dict against the contract. */
function compareRead(
  dto: DtoName,
  field: string,
  probe: PyReadMissing,
  reader: string,
  plan: FieldPlan,
  pynenc: string,
  file: string,
): Drift[] {
  const drift = (check: DriftCheck, text: string): Drift[] => [
    { dto, field, check, message: `${dto}.${field}: ${reader} in ${pynenc} ${text}` },
  ];
  const contractDefault = plan.defaultsToNow ? 'the current UTC time' : json(plan.makeDefault());
  if (probe.raises !== undefined) {
    if (!plan.hasDefault && !plan.defaultsToNow) return [];
    return drift(
      'read-required',
      `fails on a document without it (${probe.raises}) but the contract defaults it to ${contractDefault} ` +
        `(remove its "default" in ${file})`,
    );
  }
  const read = probe.near_now === true ? 'the current time' : json(probe.json);
  if (!plan.hasDefault && !plan.defaultsToNow) {
    return drift('read-default', `reads it missing as ${read} but the contract has no default (add it to ${file})`);
  }
  const agrees = plan.defaultsToNow
    ? probe.python_type === 'datetime' && probe.near_now === true
    : json(probe.json) === json(plan.makeDefault());
  if (agrees) return [];
  return drift(
    'read-default',
    `reads it missing as ${read} but the contract defaults it to ${contractDefault} (${file})`,
  );
}

/** One line per DTO: what was read (for the developer's run). */
export function summary(report: PynencDtoReport): string {
  const lines = [`${report.module} (${report.module_file}), pynenc ${report.pynenc_version}`];
  for (const [dto, py] of Object.entries(report.dtos)) {
    if (py === null) {
      lines.push(`  ${dto}: absent`);
      continue;
    }
    const writes =
      py.json_method === null
        ? 'no JSON form'
        : `${py.json_method} writes ${py.json_keys?.length ?? 0} keys, ${py.read_method ?? 'nothing'} reads them`;
    lines.push(`  ${dto}: ${py.fields.length} fields, ${py.frozen ? 'frozen' : 'not frozen'}, ${writes}`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  const at = process.argv.indexOf('--module-file');
  const report = readPynencDtos(at >= 0 ? process.argv[at + 1] : undefined);
  const drifts = compareWithContract(report);
  console.log(summary(report));
  console.log(drifts.length === 0 ? 'The contract agrees with this pynenc.' : drifts.map((d) => d.message).join('\n'));
  process.exitCode = drifts.length === 0 ? 0 : 1;
}
