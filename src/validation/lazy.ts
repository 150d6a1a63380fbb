/**
 * What only an invalid document needs: the capped diagnosis (capped.ts, with issues.ts and order.ts) and the Ajv
 * diagnosers it runs (generated/diagnosers.ts, imported by capped.ts). Loaded on the first invalid document
 * (compiled.ts), never at import: see scripts/build.ts.
 */
export * from './capped';
