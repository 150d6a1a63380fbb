import { DTO_NAMES, type DtoName } from '../../generated/schemas';
import type { DtoTypes } from '../../generated/types';
import { InvalidOptionError, resolveMaxIssues } from '../limits';
import { checkers, diagnosis } from './compiled';
import { ContractValidationError, UnknownDtoError, type ValidationIssue } from './errors';
import { schemaView } from './schema-view';
import { IssueSink } from './sink';

export { ContractValidationError, UnknownDtoError, type ValidationIssue } from './errors';

/**
 * A verdict. An invalid one lists at most `maxIssues` issues (ValidateOptions; default DEFAULT_MAX_ISSUES), the
 * first ones in the order an uncapped run lists them, and counts the rest in `moreIssues`.
 */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[]; moreIssues: number };

export interface ValidateOptions {
  /**
   * How many issues to list (an integer >= 1, or Infinity); the others are only counted (`moreIssues`). Default
   * DEFAULT_MAX_ISSUES (1,000). The verdict never depends on it, and memory stays bounded whatever the document
   * holds (see docs/validation.md).
   */
  maxIssues?: number;
}

/** True when `name` is a DTO of the contract. */
export function isDtoName(name: unknown): name is DtoName {
  return typeof name === 'string' && (DTO_NAMES as readonly string[]).includes(name);
}

/** Throws UnknownDtoError unless `name` is a DTO of the contract. */
export function requireDtoName(name: unknown): DtoName {
  if (!isDtoName(name)) throw new UnknownDtoError(name, DTO_NAMES);
  return name;
}

/** Checks `value` against the DTO's schema; never throws for bad data, only for an unknown DTO name or a bad option. */
export function validate<D extends DtoName>(
  dto: D,
  value: unknown,
  options?: ValidateOptions,
): ValidationResult<DtoTypes[D]> {
  const max = resolveMaxIssues(optionsObject(options).maxIssues);
  // The checkers that read by name: `validate` sees values of any shape. The in-order set is
  // fromJson's alone, so what it learns at run time is the shape of the documents it reads.
  if (checkers[requireDtoName(dto)](value)) return { ok: true, value: value as DtoTypes[D] };
  // Python-dialect numbers (PyFloat, bigint) are judged as the numbers they are (see schema-view.ts).
  const seen = schemaView(value);
  if (seen !== value && checkers[dto](seen)) return { ok: true, value: value as DtoTypes[D] };
  const sink = new IssueSink(max);
  diagnosis().diagnoseInto(dto, seen, sink, seen === value ? undefined : value);
  // Ajv is the reference the checkers are generated to match (scripts/checkers.ts); should they
  // ever differ, its verdict stands rather than an invalid result without issues.
  if (sink.total === 0) return { ok: true, value: value as DtoTypes[D] };
  return { ok: false, issues: sink.listed, moreIssues: sink.more };
}

/** Returns `value` typed as the DTO, or throws ContractValidationError listing its issues (see ValidateOptions). */
export function assertValid<D extends DtoName>(dto: D, value: unknown, options?: ValidateOptions): DtoTypes[D] {
  const result = validate(dto, value, options);
  if (!result.ok) throw new ContractValidationError(dto, result.issues, result.moreIssues);
  return result.value;
}

function optionsObject(options: ValidateOptions | undefined): ValidateOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') throw new InvalidOptionError('options', 'an object', options);
  return options;
}

export const isEventRecord = (value: unknown): value is DtoTypes['EventRecord'] => checkers.EventRecord(value);
export const isEventMarker = (value: unknown): value is DtoTypes['EventMarker'] => checkers.EventMarker(value);
export const isEventMarkerPage = (value: unknown): value is DtoTypes['EventMarkerPage'] =>
  checkers.EventMarkerPage(value);
export const isTriggerRunParticipant = (value: unknown): value is DtoTypes['TriggerRunParticipant'] =>
  checkers.TriggerRunParticipant(value);
export const isTriggerRunRecord = (value: unknown): value is DtoTypes['TriggerRunRecord'] =>
  checkers.TriggerRunRecord(value);
