/**
 * The contract's validators, precompiled by `npm run generate` (Ajv standalone):
 * importing them compiles nothing and evaluates no generated source at run time.
 */
export { checkers, diagnosers, type DtoValidators } from '../../generated/validators';
