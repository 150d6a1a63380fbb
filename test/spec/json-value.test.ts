/** src/spec/json-value.ts held to JSON.parse: what it makes is a plain object, and defineOwn writes keys as it does. */
import fc from 'fast-check';
import { defineOwn, isPlainObject } from '../../src/spec/json-value';

const keys = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', '0', 'a'), fc.string());

it('defineOwn builds, key by key, the object JSON.parse reads from the same members', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(keys, fc.jsonValue())), (members) => {
      const text = `{${members.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const built: Record<string, unknown> = {};
      for (const [key, value] of members) defineOwn(built, key, JSON.parse(JSON.stringify(value)));
      expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
      expect(Object.keys(built)).toEqual(Object.keys(parsed));
      for (const key of Object.keys(parsed)) expect(built[key]).toEqual(parsed[key]);
      expect(isPlainObject(parsed)).toBe(true);
    }),
  );
});

it('isPlainObject: objects JSON.parse or a literal makes; not null, arrays, or class instances', () => {
  expect(isPlainObject({})).toBe(true);
  expect(isPlainObject(Object.create(null))).toBe(true);
  expect(isPlainObject(JSON.parse('{"__proto__": []}'))).toBe(true);
  for (const value of [null, [], new Date(0), new Map(), 'x', 1, undefined, new (class Box {})()]) {
    expect(isPlainObject(value)).toBe(false);
  }
});
