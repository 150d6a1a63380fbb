/** A JSON Schema document or subschema, as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };
