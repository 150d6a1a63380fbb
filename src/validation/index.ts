import { DTO_NAMES, type DtoName } from '../../generated/schemas';
import type { DtoTypes } from '../../generated/types';
import { checkers, diagnosers } from './compiled';
import { ContractValidationError, UnknownDtoError, type ValidationIssue } from './errors';
import { toIssues } from './issues';
import { schemaView } from './schema-view';

export { ContractValidationError, UnknownDtoError, type ValidationIssue } from './errors';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** True when `name` is a DTO of the contract. */
export function isDtoName(name: unknown): name is DtoName {
  return typeof name === 'string' && (DTO_NAMES as readonly string[]).includes(name);
}

/** Throws UnknownDtoError unless `name` is a DTO of the contract. */
export function requireDtoName(name: unknown): DtoName {
  if (!isDtoName(name)) throw new UnknownDtoError(name, DTO_NAMES);
  return name;
}

/** Checks `value` against the DTO's schema; never throws for bad data, only for an unknown DTO name. */
export function validate<D extends DtoName>(dto: D, value: unknown): ValidationResult<DtoTypes[D]> {
  // The checkers that read by name: `validate` sees values of any shape. The in-order set is
  // fromJson's alone, so what it learns at run time is the shape of the documents it reads.
  if (checkers[requireDtoName(dto)](value)) return { ok: true, value: value as DtoTypes[D] };
  // Python-dialect numbers (PyFloat, bigint) are judged as the numbers they are (see schema-view.ts).
  const seen = schemaView(value);
  if (seen !== value && checkers[dto](seen)) return { ok: true, value: value as DtoTypes[D] };
  const diagnose = diagnosers()[dto];
  // Ajv is the reference the checkers are generated to match (scripts/checkers.ts); should they
  // ever differ, its verdict stands rather than an invalid result without issues.
  if (diagnose(seen)) return { ok: true, value: value as DtoTypes[D] };
  return { ok: false, issues: toIssues(diagnose.errors ?? [], seen === value ? undefined : value) };
}

/** Returns `value` typed as the DTO, or throws ContractValidationError listing every issue. */
export function assertValid<D extends DtoName>(dto: D, value: unknown): DtoTypes[D] {
  const result = validate(dto, value);
  if (!result.ok) throw new ContractValidationError(dto, result.issues);
  return result.value;
}

export const isEventRecord = (value: unknown): value is DtoTypes['EventRecord'] => checkers.EventRecord(value);
export const isEventMarker = (value: unknown): value is DtoTypes['EventMarker'] => checkers.EventMarker(value);
export const isEventMarkerPage = (value: unknown): value is DtoTypes['EventMarkerPage'] =>
  checkers.EventMarkerPage(value);
export const isTriggerRunParticipant = (value: unknown): value is DtoTypes['TriggerRunParticipant'] =>
  checkers.TriggerRunParticipant(value);
export const isTriggerRunRecord = (value: unknown): value is DtoTypes['TriggerRunRecord'] =>
  checkers.TriggerRunRecord(value);
