/**
 * The contract's canonical timestamp form: the `$defs.timestamp.pattern` of common.schema.json, taken
 * from the generated `commonSchema`, never restated here.
 */

import { commonSchema } from '../../generated/schemas';

function contractPattern(): string {
  const defs = commonSchema['$defs'] as Record<string, Record<string, unknown> | undefined> | undefined;
  const pattern = defs?.['timestamp']?.['pattern'];
  if (typeof pattern !== 'string') {
    throw new Error('generated commonSchema has no $defs.timestamp.pattern string; regenerate (npm run generate)');
  }
  return pattern;
}

/** The contract's canonical-timestamp pattern source, as written in the schema. */
export const CANONICAL_TIMESTAMP_PATTERN: string = contractPattern();

// Flag 'u', as Ajv compiles schema patterns, so this verdict equals the validator's.
const canonical = new RegExp(CANONICAL_TIMESTAMP_PATTERN, 'u');

/**
 * True exactly when `text` is a string matching the contract's canonical timestamp pattern
 * (the shape of what Python's `isoformat()` writes for an aware datetime).
 */
export function isCanonicalTimestamp(text: unknown): boolean {
  return typeof text === 'string' && canonical.test(text);
}
