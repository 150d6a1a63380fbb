/**
 * What the gate reports: one Finding per classified change, made by one builder from the rule's fixed verdicts.
 */
import { RULES, type RuleId } from './rules';

/** The `dto` of findings about the contract as a whole (its versions). */
export const CONTRACT_SCOPE = '(contract)';

export interface Finding {
  rule: RuleId;
  /** DTO name (schema `title`), or `(contract)` for findings about the contract as a whole. */
  dto: string;
  /** JSON pointer into the DTO's schema, following `$ref`s ('' is the DTO itself). */
  pointer: string;
  /** Where the baseline defines what changed (`file#pointer`), when it has it. */
  baselineAt?: string;
  /** Where the current contract defines what changed (`file#pointer`), when it has it. */
  currentAt?: string;
  breaksBackward: boolean;
  breaksForward: boolean;
  /** Policy findings fail every mode, major version bump or not. */
  policy: boolean;
  message: string;
}

/** The file of a location that stands for a schema one side lacks (the empty schema `true`). */
export const ABSENT_FILE = '(absent)';

/** Where each side defines what changed, as `file#pointer`, when it has it. */
export interface Locations {
  baseline?: string;
  current?: string;
}

/** A finding of `rule`, carrying the rule's verdicts. */
export function finding(rule: RuleId, dto: string, pointer: string, message: string, at: Locations = {}): Finding {
  const info = RULES[rule];
  return {
    rule,
    dto,
    pointer,
    ...(at.baseline !== undefined ? { baselineAt: at.baseline } : {}),
    ...(at.current !== undefined ? { currentAt: at.current } : {}),
    breaksBackward: info.breaksBackward,
    breaksForward: info.breaksForward,
    policy: info.policy === true,
    message,
  };
}

/** A value for a message: JSON, one line, long ones cut (the pointer says where to read it whole). */
export function show(value: unknown, max = 80): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
