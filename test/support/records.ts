/**
 * Test documents built from the contract: the caller gives the fields that
 * matter to the test, every other property takes its schema `default`, and
 * keys come in the schema's order (the order Python writes). A property with
 * no default that the caller leaves out is an error, so a test never relies
 * on a hand-written copy of a DTO's field list.
 */
import { schemas, type DtoName, type DtoTypes, type JsonSchema } from '../../src';

export function withDefaults<D extends DtoName, T extends Partial<Record<keyof DtoTypes[D], unknown>>>(
  dto: D,
  fields: T,
): Omit<DtoTypes[D], keyof T> & T {
  const properties = schemas[dto].properties as Record<string, JsonSchema>;
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(properties)) {
    if (name in fields) out[name] = (fields as Record<string, unknown>)[name];
    else if ('default' in schema) out[name] = structuredClone(schema.default);
    else throw new Error(`withDefaults(${dto}): ${name} has no default; give it`);
  }
  for (const name of Object.keys(fields)) {
    if (!(name in properties)) throw new Error(`withDefaults(${dto}): ${name} is not a property`);
  }
  return out as Omit<DtoTypes[D], keyof T> & T;
}
