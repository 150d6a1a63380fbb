/**
 * src/spec/json-schema.ts: the JSON type of a value and whether a `type` list admits it, held to Ajv (the validator
 * the contract ships) on any JSON value and any list of type names.
 */
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { admitsType, jsonTypeOf, type JsonType } from '../../src/spec/json-schema';

const TYPES: JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];
const ajv = new Ajv2020({ strict: false });

describe('JSON Schema types', () => {
  it('jsonTypeOf names the narrowest type Ajv accepts the value as', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const type = jsonTypeOf(value);
        expect(ajv.validate({ type }, value)).toBe(true);
        const accepted = TYPES.filter((name) => ajv.validate({ type: name }, value));
        expect(accepted).toEqual(type === 'integer' ? ['number', 'integer'] : [type]);
      }),
    );
  });

  it("admitsType(types, jsonTypeOf(value)) is Ajv's verdict on { type: types }, for arrays and sets", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1 }), (value, types) => {
        const verdict = ajv.validate({ type: types }, value);
        expect(admitsType(types, jsonTypeOf(value))).toBe(verdict);
        expect(admitsType(new Set(types), jsonTypeOf(value))).toBe(verdict);
      }),
    );
  });
});
