/**
 * The contract's validators, precompiled by `npm run generate` (Ajv standalone):
 * importing them compiles nothing and evaluates no generated source at run time.
 * The all-errors set is a module of its own, loaded on the first invalid
 * document, so importing the package parses only what valid documents need.
 */
import type { DtoValidators } from '../../generated/validators';

export { checkers, type DtoValidators } from '../../generated/validators';

let diagnoseSet: DtoValidators | undefined;

/** All-errors validators with data and schemas in each error. */
export function diagnosers(): DtoValidators {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
  return (diagnoseSet ??= (require('../../generated/diagnosers') as typeof import('../../generated/diagnosers')).diagnosers);
}
