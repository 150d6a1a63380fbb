/**
 * The capped diagnosis (src/validation/capped.ts) cuts a DTO into pieces by following its properties' `$ref`s; it
 * follows them with the one resolver (src/spec/refs.ts), so a `$ref` whose fragment names keys holding `/`, `~` or
 * `%` (escaped `~1`, `~0`, percent-encoded `%25`) leads where Ajv's does. Its own follower, before, split the fragment
 * at `/` and looked the escaped text up as it was: such a `$ref` was "unknown" and the plan could not be made.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { JsonSchema } from '../../src/spec/json-schema';
import { piecePlans } from '../../src/validation/capped';

const BASE = 'https://example.test/v1/';
const common: JsonSchema = {
  $id: `${BASE}common.schema.json`,
  $defs: {
    'a/b': {
      'c~d': {
        'e%f': { type: 'array', items: { type: 'string' } },
        '~1 %25': { type: 'object', additionalProperties: { type: 'integer' } },
      },
    },
  },
};
const item: JsonSchema = { $id: `${BASE}item%20x.schema.json`, type: 'object', required: ['id'] };
const page: JsonSchema = {
  $id: `${BASE}page.schema.json`,
  type: 'object',
  additionalProperties: false,
  required: ['ids'],
  properties: {
    ids: { $ref: 'common.schema.json#/$defs/a~1b/c~0d/e%25f' },
    counts: { $ref: 'common.schema.json#/$defs/a~1b/c~0d/~01%20%2525', description: 'annotations only' },
    items: { type: 'array', items: { $ref: 'item%20x.schema.json' } },
    total: { type: 'integer' },
  },
};

describe('capped diagnosis: $refs that need unescaping and percent-decoding', () => {
  it('Ajv reads the test contract as meant (the $refs lead to the arrays, the map and the item DTO)', () => {
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema([common, item]);
    const validate = ajv.compile(page);
    expect(validate({ ids: ['x'], counts: { a: 1 }, items: [{ id: 1 }], total: 1 })).toBe(true);
    expect(validate({ ids: [1] })).toBe(false);
    expect(validate({ ids: [], counts: { a: 'x' } })).toBe(false);
    expect(validate({ ids: [], items: [{}] })).toBe(false);
  });

  it('the plan finds each collection through its $ref: items, values, an array of DTOs', () => {
    const plans = piecePlans({ Page: page, Item: item }, [common]);
    expect(plans.Page.declared).toEqual(new Set(['ids', 'counts', 'items', 'total']));
    expect(plans.Page.closed).toBe(true);
    expect(plans.Page.collections).toEqual([
      { name: 'ids', pointer: 'ids', kind: 'items', itemDto: undefined },
      { name: 'counts', pointer: 'counts', kind: 'values', itemDto: undefined },
      { name: 'items', pointer: 'items', kind: 'items', itemDto: 'Item' },
    ]);
  });

  it('a $ref that leads nowhere still fails the plan (not silently whole)', () => {
    const broken: JsonSchema = { ...page, properties: { ids: { $ref: 'common.schema.json#/$defs/a/b' } } };
    expect(() => piecePlans({ Page: broken }, [common])).toThrow('capped diagnosis: unknown $ref');
  });
});
