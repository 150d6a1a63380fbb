/**
 * What only an invalid document needs: the capped diagnosis (capped.ts, with issues.ts and order.ts) and the Ajv
 * diagnosers it runs. Loaded on the first invalid document (compiled.ts), never at import: see scripts/build.ts.
 */
export * from './capped';
export { diagnosers } from '../../generated/diagnosers';
