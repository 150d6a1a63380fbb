/** src/spec/json-value.ts held to JSON.parse: what it makes is a plain object, and defineOwn writes keys as it does. */
import fc from 'fast-check';
import { defineOwn, hasLoneSurrogate, isPlainObject } from '../../src/spec/json-value';

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

it('hasLoneSurrogate: exactly the strings whose UTF-8 round trip changes them (what Python refuses to encode)', () => {
  const units = [0x41, 0xe9, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffd, 0x2028];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...units), { maxLength: 8 }), (codes) => {
      const text = String.fromCharCode(...codes);
      const roundTrip = Buffer.from(text, 'utf8').toString('utf8');
      expect(hasLoneSurrogate(text)).toBe(roundTrip !== text);
    }),
  );
  expect(hasLoneSurrogate('\ud83d\ude00')).toBe(false); // a pair is one astral character
  expect(hasLoneSurrogate('\ude00\ud83d')).toBe(true); // reversed: two lone surrogates
});

it('hasLoneSurrogate without String.prototype.isWellFormed (older engines) gives the same answers', () => {
  const proto = String.prototype as { isWellFormed?: unknown };
  const native = proto.isWellFormed;
  let fallback: typeof hasLoneSurrogate | undefined;
  delete proto.isWellFormed;
  try {
    jest.isolateModules(() => {
      ({ hasLoneSurrogate: fallback } =
        jest.requireActual<typeof import('../../src/spec/json-value')>('../../src/spec/json-value'));
    });
  } finally {
    proto.isWellFormed = native;
  }
  for (const text of ['', 'a', '\ud83d\ude00', '\ud83d', '\ude00', 'a\udc00b', '\ud800\ud800', '\u2028']) {
    expect(fallback!(text)).toBe(hasLoneSurrogate(text));
  }
});
