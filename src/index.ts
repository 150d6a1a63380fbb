/**
 * pynenc-monitoring-contract: the pynenc trigger-monitoring records as a
 * language-neutral contract — generated types, schemas, validation, codecs.
 */
export type {
  EventRecord,
  EventMarker,
  EventMarkerPage,
  TriggerRunParticipant,
  TriggerRunRecord,
  Timestamp,
  OptionalTimestamp,
  Id,
  OptionalId,
  IdList,
  DtoTypes,
} from '../generated/types';
export { CONTRACT_VERSION, DTO_NAMES, schemas, commonSchema, type DtoName } from '../generated/schemas';
export type { JsonSchema } from './spec/json-schema';
export { ContractError } from './errors';
export {
  validate,
  assertValid,
  isDtoName,
  isEventRecord,
  isEventMarker,
  isEventMarkerPage,
  isTriggerRunParticipant,
  isTriggerRunRecord,
  ContractValidationError,
  UnknownDtoError,
  type ValidationIssue,
  type ValidationResult,
} from './validation';
