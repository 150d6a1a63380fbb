/**
 * The CLI's --max-issues (issue 15 #2): validate and format list N problems per document and count the rest, and a
 * 64 MiB document of problems goes through in a 512 MiB heap (the lines of the listed problems come from
 * locate-lines.ts, held here to test/support/json-locator.ts's locator, pointer for pointer).
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DTO_NAMES, type DtoName } from '../../generated/schemas';
import { PROBLEM_DTO, problemDocument } from '../../bench/problem-documents';
import { validValue } from '../../fuzz/arbitraries';
import { docCase } from '../../fuzz/mutate';
import { linesOf } from '../../src/cli/locate-lines';
import { locator } from '../support/json-locator';
import { parsePythonJson } from '../../src/pyjson';
import { validate } from '../../src/validation';
import { runCli } from '../support/run-cli';
import { withDefaults } from '../support/records';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

const SEED =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);

/** Every prefix of each path, and pointers to what is absent below and beside them. */
function pointersAround(paths: string[]): string[] {
  const out = new Set<string>(['', '/nope', '/0']);
  for (const path of paths) {
    const parts = path.split('/');
    for (let k = 1; k <= parts.length; k++) out.add(parts.slice(0, k).join('/'));
    for (const tail of ['/missing', '/0', '/1', '/00', '/a~1b']) out.add(path + tail);
  }
  return [...out];
}

function agreesWithLocator(text: string, pointers: string[]): void {
  const expected = locator(text);
  const found = linesOf(text, pointers);
  for (const p of pointers)
    if (found.get(p) !== expected(p))
      throw new Error(`${JSON.stringify(p)}: linesOf ${found.get(p)}, locator ${expected(p)}\n${text.slice(0, 400)}`);
}

describe('linesOf answers what locator answers', () => {
  it.each(DTO_NAMES.map((d) => [d]))('%s: mutated documents, pretty-printed and as written', (dto) => {
    fc.assert(
      fc.property(docCase(validValue(dto as DtoName)), fc.nat(3), ({ text }, indent) => {
        let value: unknown;
        try {
          value = parsePythonJson(text);
        } catch {
          return;
        }
        const result = validate(dto as DtoName, value, { maxIssues: Infinity });
        const paths = result.ok ? [] : result.issues.map((i) => i.path);
        agreesWithLocator(text, pointersAround(paths));
        let pretty: string | undefined;
        try {
          pretty = JSON.stringify(JSON.parse(text), null, indent);
        } catch {
          return;
        }
        agreesWithLocator(pretty, pointersAround(paths));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('duplicate keys (the last wins, its children only), Python tokens, a BOM, arrays of arrays', () => {
    const text =
      '\ufeff{\n "a": {\n  "x": 1,\n  "y": [1,\n NaN]\n },\n "b": -Infinity,\n' +
      ' "a": {\n  "z": [[0,\n 1], {"k":\n 2}]\n }\n}';
    agreesWithLocator(text, pointersAround(['/a/x', '/a/y/1', '/a/z/0/1', '/a/z/1/k', '/b', '/c']));
    expect(linesOf(text, ['/a/x', '/a/z/1/k']).get('/a/x')).toBe(8); // x is in the first "a" only: the second's line
  });
});

describe('--max-issues', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('max-issues-');
  });
  afterAll(() => removeTempDir(dir));

  const page = (markers: number): string => {
    const marker = withDefaults('EventMarker', {
      event_id: 'e',
      event_code: 'c',
      timestamp: '2026-05-09T10:11:12+00:00',
      matched: true,
      triggered: false,
    });
    return JSON.stringify(
      { markers: Array.from({ length: markers }, () => ({ ...marker, a: 1, b: 2 })), total: 'x', truncated: false },
      null,
      1,
    );
  };

  it('validate lists N problems of a document and says how many more; the summary counts them all', async () => {
    const file = join(dir, 'page.json');
    writeFileSync(file, page(10));
    const run = await runCli(['validate', 'EventMarkerPage', file, '--max-issues', '4']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/:\d+ 17 more problems not listed \(--max-issues\)$/);
    expect(run.stderr).toContain('(21 problems)');
    const json = await runCli(['validate', 'EventMarkerPage', file, '--max-issues', '4', '--format', 'json']);
    const objects = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; count?: number; problems?: number });
    expect(objects.filter((o) => o.kind === 'problem')).toHaveLength(4);
    expect(objects.find((o) => o.kind === 'more')?.count).toBe(17);
    expect(objects.find((o) => o.kind === 'summary')?.problems).toBe(21);
  });

  it('format lists N unknown keys (or problems) and counts the rest', async () => {
    const file = join(dir, 'page-valid.json');
    writeFileSync(file, page(10).replace('"x"', '3'));
    const run = await runCli(['format', 'EventMarkerPage', file, '--max-issues', '3']);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(4);
    expect(run.stderr).toContain('17 more unknown keys not listed');
    const badFile = join(dir, 'page-bad.json');
    writeFileSync(badFile, page(10).replace(/"matched": true/g, '"matched": 1'));
    const bad = await runCli(['format', 'EventMarkerPage', badFile, '--max-issues', '1']);
    expect(bad.code).toBe(1);
    // 10 markers with a number for `matched`, and `total`: 11 problems (the unknown keys are dropped, as Python does).
    expect(bad.stderr).toMatch(
      /^\S+:\d+ \/markers\/0\/matched: must be a boolean, got the number 1\n\S+:1 10 more problems not listed/,
    );
  });

  it.each([['0'], ['-1'], ['1.5'], ['x'], ['']])('--max-issues %p is a usage error (exit 2)', async (n) => {
    const run = await runCli(['validate', 'EventMarkerPage', '-', '--max-issues', n]);
    expect(run.code).toBe(2);
  });

  it('a 64 MiB page of markers with unknown keys: validate and format complete in a 512 MiB heap', async () => {
    const file = join(dir, 'big.json');
    const text = problemDocument('markers-unknown-keys');
    writeFileSync(file, text);
    const markers = text.split('"x0"').length - 1;
    const run = await runCli(['validate', PROBLEM_DTO['markers-unknown-keys'], file], {
      nodeOptions: ['--max-old-space-size=512'],
    });
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1001);
    expect(lines[1000]).toContain(` ${markers * 8 - 1000} more problems not listed`);
    const formatted = await runCli(['format', PROBLEM_DTO['markers-unknown-keys'], file], {
      nodeOptions: ['--max-old-space-size=512'],
    });
    expect(formatted.code).toBe(0);
    expect(formatted.stderr).toContain(` ${markers * 8 - 1000} more unknown keys not listed`);
  }, 120_000);
});
