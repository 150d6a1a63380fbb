/**
 * maxIssues through the reader (issue 15 #2): fromJson, fromJsonWithReport and fromDict list the first N issues of
 * the uncapped list (the reader's own first — unreadable timestamps, rejected unknown keys — then the validator's),
 * count the rest exactly, and refuse a bad maxIssues with InvalidOptionError.
 */
import { schemas, type DtoName } from '../../generated/schemas';
import { fromDict, fromJson, fromJsonWithReport } from '../../src/codec';
import { DEFAULT_MAX_ISSUES, InvalidOptionError } from '../../src/limits';
import { ContractValidationError } from '../../src/validation';

const example = (dto: DtoName): Record<string, unknown> =>
  structuredClone((schemas[dto].examples as Record<string, unknown>[])[0]!);

function thrown(call: () => unknown): ContractValidationError {
  try {
    call();
  } catch (e) {
    if (e instanceof ContractValidationError) return e;
    throw e;
  }
  throw new Error('no ContractValidationError');
}

/** A page whose markers carry unknown keys, timestamps Python cannot read (2026-02-30 …) and wrong types. */
function page(n: number): Record<string, unknown> {
  const marker = example('EventMarker');
  const markers = Array.from({ length: n }, (_, i) =>
    i % 3 === 0
      ? { ...marker, [`extra${i}`]: 1 }
      : i % 3 === 1
        ? { ...marker, timestamp: `2026-05-09T10:11:12+00:00x${i}`, matched: 1 }
        : { ...marker, timestamp: 7 },
  );
  return { markers, total: 'many', truncated: false, zz: 1 };
}

describe.each([
  ['fromJson', (o: object) => fromJson('EventMarkerPage', JSON.stringify(page(3000)), o)],
  ['fromJsonWithReport', (o: object) => fromJsonWithReport('EventMarkerPage', JSON.stringify(page(3000)), o)],
  ['fromDict', (o: object) => fromDict('EventMarkerPage', page(3000), o)],
] as const)('%s', (_name, read) => {
  for (const unknownKeys of ['ignore', 'reject'] as const) {
    it(`unknownKeys ${unknownKeys}: every cap lists the first issues of the uncapped list and counts the rest`, () => {
      const all = thrown(() => read({ unknownKeys, maxIssues: Infinity }));
      expect(all.moreIssues).toBe(0);
      expect(all.issues.length).toBeGreaterThan(DEFAULT_MAX_ISSUES);
      // Each path once: the reader's findings replace the validator's at the same path.
      expect(new Set(all.issues.map((i) => i.path)).size).toBe(all.issues.length);
      for (const maxIssues of [
        1,
        7,
        DEFAULT_MAX_ISSUES,
        all.issues.length - 1,
        all.issues.length,
        all.issues.length + 5,
      ]) {
        const capped = thrown(() => read({ unknownKeys, maxIssues }));
        expect(capped.issues).toEqual(all.issues.slice(0, maxIssues));
        expect(capped.moreIssues).toBe(Math.max(0, all.issues.length - maxIssues));
      }
      const byDefault = thrown(() => read({ unknownKeys }));
      expect(byDefault.issues).toEqual(all.issues.slice(0, DEFAULT_MAX_ISSUES));
      expect(byDefault.message).toContain(`${all.issues.length - DEFAULT_MAX_ISSUES} not listed`);
    });
  }

  it.each([[0], [-3], [2.5], ['1'], [null], [NaN]])('maxIssues %p is an InvalidOptionError', (maxIssues) => {
    expect(() => read({ maxIssues })).toThrow(InvalidOptionError);
  });
});

it("the reader's findings come first, then the validator's; a timestamp Python cannot read is reported once", () => {
  const marker = example('EventMarker');
  const text = JSON.stringify({
    markers: [{ ...marker, timestamp: '2026-05-09T10:11:12+00:00x', extra: 1 }],
    total: -1,
    truncated: false,
  });
  const error = thrown(() => fromJson('EventMarkerPage', text, { unknownKeys: 'reject', maxIssues: Infinity }));
  expect(error.issues.map((i) => i.path)).toEqual(['/markers/0/timestamp', '/markers/0/extra', '/total']);
  expect(error.issues[0]!.message).toMatch(/^must be a timestamp Python's datetime.fromisoformat reads/);
  const capped = thrown(() => fromJson('EventMarkerPage', text, { unknownKeys: 'reject', maxIssues: 2 }));
  expect(capped.issues).toEqual(error.issues.slice(0, 2));
  expect(capped.moreIssues).toBe(1);
});

it('a valid document reads under any cap; the option is checked all the same', () => {
  const text = JSON.stringify(example('EventRecord'));
  expect(fromJson('EventRecord', text, { maxIssues: 1 })).toEqual(fromJson('EventRecord', text));
  expect(() => fromJson('EventRecord', text, { maxIssues: 0 })).toThrow(InvalidOptionError);
});
