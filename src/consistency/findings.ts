/**
 * What checkConsistency reports: one finding per broken invariant, as data. A finding is never an
 * error: records written by older pynenc versions, or by other writers, may break some invariants
 * and still be valid documents.
 */

/** Stable codes, one per invariant (docs/consistency.md lists what each one checks). */
export const CONSISTENCY_CODES = [
  'NOT_A_VALID_RECORD',
  'UNSET',
  'NOT_UTC',
  'RUN_VALID_CONDITION_IDS',
  'RUN_CONDITION_IDS',
  'RUN_EVENT_IDS',
  'RUN_SOURCE_INVOCATION_IDS',
  'RUN_PARTICIPANT_COUNT',
  'RUN_ID',
  'PARTICIPANT_DUPLICATE',
  'PARTICIPANT_SUMMARY',
  'PARTICIPANT_VALID_CONDITION_ID',
  'EVENT_CONDITION_LISTS',
  'EVENT_VALID_CONDITION_ID',
  'EVENT_EMITTER',
  'PAGE_TRUNCATED',
  'PAGE_ORDER',
] as const;

export type ConsistencyCode = (typeof CONSISTENCY_CODES)[number];

/** A JSON value as found in (or expected for) a record. */
export type FindingValue = string | number | boolean | null | readonly FindingValue[];

export interface ConsistencyFinding {
  /** Which invariant is broken; stable across versions. */
  readonly code: ConsistencyCode;
  /** JSON pointer to the value that breaks it ('' is the whole record). */
  readonly path: string;
  /** One line for people. */
  readonly message: string;
  /** What pynenc would have written there (a value, or a description in angle brackets). */
  readonly expected: FindingValue;
  /** What the record holds there. */
  readonly received: FindingValue;
}

/** JSON pointer of `base` followed by `tokens`, escaped as RFC 6901 says (src/spec/json-pointer.ts's joinPointer). */
export { joinPointer as pointer } from '../spec/json-pointer';
