/**
 * src/spec/json-pointer.ts and src/spec/refs.ts: the one JSON Pointer and `$ref` helpers (used by the compat gate,
 * the codec's plan, the build's scripts and the drift gate), held to Ajv — the validator the contract ships — on
 * names holding `/`, `~`, `%` and other characters a fragment must escape or percent-encode.
 */
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import {
  escapePointerToken,
  joinPointer,
  pointerTokens,
  unescapePointerToken,
  valueAtPointer,
  valueAtTokens,
} from '../../src/spec/json-pointer';
import { documentsById, parseRef, resolveRef } from '../../src/spec/refs';

const ID = 'https://example.test/v1/doc.schema.json';

/** Ajv's verdict on `value` under a schema that is only `{ $ref: ref }` inside `document`. */
function ajvAccepts(document: Record<string, unknown>, ref: string, value: unknown): boolean {
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(document);
  return ajv.validate({ $ref: new URL(ref, ID).href }, value);
}

describe('JSON Pointer tokens', () => {
  it('escape and unescape are inverse on any text, and escaping leaves no "/" and only ~0 / ~1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapePointerToken(text);
        expect(escaped.includes('/')).toBe(false);
        expect(/~(?![01])/.test(escaped)).toBe(false);
        expect(unescapePointerToken(escaped)).toBe(text);
      }),
    );
  });

  it('joinPointer and pointerTokens are inverse', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), (tokens) => {
        expect(pointerTokens(joinPointer('', ...tokens))).toEqual(tokens);
      }),
    );
    expect(joinPointer('/a', 'b/c', 0, '~')).toBe('/a/b~1c/0/~0');
    expect(pointerTokens('no-slash')).toBeUndefined();
  });

  it('unescapes ~1 before ~0 (RFC 6901 §4: "~01" is "~1", not "/")', () => {
    expect(unescapePointerToken('~01')).toBe('~1');
    expect(valueAtPointer({ '~1': 1, '/': 2 }, '/~01')).toBe(1);
  });

  it('follows only what the JSON holds: own keys, array indexes; never inherited properties', () => {
    const doc = JSON.parse('{"a": [10, 20], "__proto__": {"x": 1}}') as unknown;
    expect(valueAtTokens(doc, ['a', '1'])).toBe(20);
    expect(valueAtTokens(doc, ['a', 1])).toBe(20);
    expect(valueAtTokens(doc, ['__proto__', 'x'])).toBe(1);
    for (const tokens of [['constructor'], ['toString'], ['a', 'length'], ['a', '01'], ['a', '2'], ['a', '-1']]) {
      expect(valueAtTokens(doc, tokens)).toBeUndefined();
    }
  });
});

describe('$ref resolution, held to Ajv', () => {
  it('a property name with /, ~ and % referenced by $ref (escaped and percent-encoded)', () => {
    const name = 'a/b~c%d';
    const document = {
      $id: ID,
      properties: { [name]: { const: 42 } },
      $defs: { [name]: { const: 'def' } },
    };
    const documents = documentsById([document]);
    for (const [ref, expected] of [
      ['#/properties/a~1b~0c%25d', 42],
      ['doc.schema.json#/properties/a~1b~0c%25d', 42],
      [`${ID}#/$defs/a~1b~0c%25d`, 'def'],
      ['#/%24defs/a~1b~0c%25d', 'def'],
    ] as const) {
      const target = resolveRef(ref, ID, documents);
      expect(target?.node).toEqual({ const: expected });
      expect(target?.node).toBe(ref.includes('properties') ? document.properties[name] : document.$defs[name]);
      expect(ajvAccepts(document, ref, expected)).toBe(true);
      expect(ajvAccepts(document, ref, 'other')).toBe(false);
    }
    // A "/" percent-encoded inside a segment stays in the name, as Ajv reads it (segment by segment).
    const slashed = { $id: ID, $defs: { 'x/y': { const: 1 } } };
    expect(resolveRef('#/$defs/x%2Fy', ID, documentsById([slashed]))?.node).toBe(slashed.$defs['x/y']);
    expect(ajvAccepts(slashed, '#/$defs/x%2Fy', 1)).toBe(true);
    expect(ajvAccepts(slashed, '#/$defs/x%2Fy', 2)).toBe(false);
    // What the codec's plan used to do (split at "/", no unescaping, no decoding) finds nothing there.
    expect(resolveRef('#/properties/a/b~c%d', ID, documents)).toBeUndefined();
  });

  it('any property name: resolveRef finds what Ajv validates against', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.boolean(), (name, encodeAll) => {
        const document = { $id: ID, $defs: { [name]: { const: name }, other: { const: 0 } } };
        const token = escapePointerToken(name);
        // Ajv's own escapeFragment (encodeURIComponent), or only what a URL fragment must encode.
        const fragment = encodeAll ? encodeURIComponent(token) : encodeURI(token).replace(/#/g, '%23');
        const ref = `#/$defs/${fragment}`;
        const target = resolveRef(ref, ID, documentsById([document]));
        expect(target?.node).toBe(document.$defs[name]);
        expect(ajvAccepts(document, ref, name)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('refs to nothing, to anchors, with bad percent-encoding or out of the documents resolve to undefined', () => {
    const document = { $id: ID, $defs: { a: { type: 'string' } } };
    const documents = documentsById([document]);
    for (const ref of ['#/$defs/b', '#anchor', '#/$defs/%zz', 'other.schema.json#/$defs/a', '#/$defs/constructor']) {
      expect(resolveRef(ref, ID, documents)).toBeUndefined();
    }
    expect(parseRef('#/$defs/%zz', ID)?.tokens).toBeUndefined();
    expect(parseRef('#anchor', ID)?.tokens).toBeUndefined();
    expect(parseRef('doc.schema.json#', ID)).toEqual({ href: `${ID}#`, document: ID, tokens: [] });
    expect(resolveRef('doc.schema.json', ID, documents)?.node).toBe(document);
  });
});
