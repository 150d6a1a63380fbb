/**
 * The contract's validators, compiled once when this module loads: one Ajv
 * (draft 2020-12, strict) holding the shared definitions and every DTO schema.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DTO_NAMES, commonSchema, schemas, type DtoName } from '../../generated/schemas';

function createAjv(allErrors: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors,
    verbose: allErrors, // the diagnostics pass wants the failing data and parent schema
    allowUnionTypes: true, // `type: ["string", "null"]` is how the contract spells nullable
  });
  addFormats(ajv);
  ajv.addSchema(commonSchema as object);
  for (const name of DTO_NAMES) ajv.addSchema(schemas[name] as object);
  return ajv;
}

function compileAll(ajv: Ajv2020): Record<DtoName, ValidateFunction> {
  const out = {} as Record<DtoName, ValidateFunction>;
  for (const name of DTO_NAMES) {
    const validate = ajv.getSchema(String(schemas[name].$id));
    if (!validate) throw new Error(`schema for ${name} did not compile`);
    out[name] = validate;
  }
  return out;
}

/** Fast verdicts: stops at the first error. */
export const checkers: Readonly<Record<DtoName, ValidateFunction>> = compileAll(createAjv(false));

let diagnosers: Record<DtoName, ValidateFunction> | undefined;

/** Every error, with data and schema attached; compiled on the first invalid document only. */
export function diagnoser(dto: DtoName): ValidateFunction {
  diagnosers ??= compileAll(createAjv(true));
  return diagnosers[dto];
}
