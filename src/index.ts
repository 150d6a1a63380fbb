/**
 * pynenc-monitoring-contract: the pynenc trigger-monitoring records as a language-neutral contract. The root is the
 * contract core — types, schemas, validation and guards, the byte-identical codec (fromJson/toJson), and the errors
 * these throw — and runs anywhere JavaScript does (Node, browsers, edge runtimes). The rest has entries of its own
 * (package.json "exports", docs/packaging.md): /validation, /pyjson, /timestamps, /datastore, /consistency,
 * /monitoring, /compat (Node), /sqlite (better-sqlite3), /redis (ioredis).
 */
export type * from '../generated/types';
export { CONTRACT_VERSION, DTO_NAMES, schemas, commonSchema, type DtoName } from '../generated/schemas';
export type { JsonSchema } from './spec/json-schema';
export { ContractError, InvalidArgumentError } from './errors';
export {
  LimitExceededError,
  InvalidOptionError,
  DEFAULT_READ_LIMITS,
  LIMIT_CODES,
  DEFAULT_MAX_ISSUES,
  type ReadLimits,
  type LimitCode,
} from './limits';
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
  type ValidateOptions,
} from './validation';
export * from './codec';
