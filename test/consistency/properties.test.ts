/**
 * checkConsistency on any valid value (from the fuzz arbitraries; they rarely keep pynenc's invariants): it never
 * throws, leaves the record as it was, gives the same findings twice, and each finding points at a value the
 * record holds: `received` is that value unless it is a description in angle brackets.
 */
import fc from 'fast-check';
import { DTO_NAMES, type DtoName } from '../../generated/schemas';
import { CONSISTENCY_CODES, checkConsistency } from '../../src/consistency';
import { validValue } from '../../fuzz/arbitraries';
import { validate } from '../../src/validation';
import { unescapePointerToken } from '../../src/spec/json-pointer';

function at(record: unknown, pointer: string): { found: boolean; value?: unknown } {
  let node: unknown = record;
  for (const raw of pointer.split('/').slice(1)) {
    const token = unescapePointerToken(raw);
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) {
      return { found: false };
    }
    node = (node as Record<string, unknown>)[token];
  }
  return { found: true, value: node };
}

const described = (v: unknown): boolean => typeof v === 'string' && /^<.*>$/s.test(v);

describe.each(DTO_NAMES.map((d) => [d] as [DtoName]))('%s', (dto) => {
  it('findings point at what the record holds; no throw, no change, same answer twice', () => {
    let findings = 0;
    fc.assert(
      // the fuzz values include timestamps Python reads but the contract does not take (…Z): kept out
      fc.property(
        validValue(dto).filter((v) => validate(dto, v).ok),
        (value) => {
          const before = structuredClone(value);
          const first = checkConsistency(dto, value as never);
          expect(value).toEqual(before);
          expect(checkConsistency(dto, value as never)).toEqual(first);
          for (const f of first) {
            expect(CONSISTENCY_CODES).toContain(f.code);
            expect(f.code).not.toBe('NOT_A_VALID_RECORD');
            const target = at(value, f.path);
            expect({ path: f.path, found: target.found }).toEqual({ path: f.path, found: true });
            if (!described(f.received)) expect(f.received).toEqual(target.value);
            expect(f.message).not.toMatch(/[\r\n]/);
          }
          findings += first.length;
        },
      ),
      { numRuns: 300 },
    );
    // a DTO with invariants finds some in random values (EventMarker: only the UTC offset of its timestamp)
    expect(findings).toBeGreaterThan(0);
  });
});
