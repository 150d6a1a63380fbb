/**
 * Cross-language conformance: the generated Python helper (python-jsonschema, run by /usr/bin/python3 in one
 * child process, JSON lines out) and the TypeScript runtime (Ajv) must agree
 *   - on every shared vector: the verdict and every issue (path, keyword, expected, received, message), in order;
 *   - on documents made by mutating the valid vectors (fast-check, fixed seed; both sides read the same Python-dialect
 *     text): the verdict and the list of issues, in order (document order, src/validation/order.ts: the same first
 *     issue, so the same primary path).
 * A failing test is named after the vector.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { DTO_NAMES, validate, type DtoName } from '../../src';
import { PyFloat, parsePythonJson, stringifyPython } from '../../src/entries/pyjson';
import { loadVectors } from '../support/vectors';
import { TIMESTAMP_FORMS } from '../../scripts/vectors';

const ROOT = join(__dirname, '..', '..');
const PYTHON = '/usr/bin/python3';
const RUNNER = join(ROOT, 'test', 'python', 'conformance_runner.py');

interface Issue {
  path: string;
  keyword: string;
  expected: string;
  received?: string;
  message: string;
}
interface Verdict {
  verdict: 'valid' | 'invalid';
  issues: Issue[];
}

function runPython<T>(mode: 'vectors' | 'stdin', input?: string): T[] {
  const run = spawnSync(PYTHON, [RUNNER, mode], {
    input,
    encoding: 'utf8',
    env: { ...process.env, PYTHONUTF8: '1', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${RUNNER} ${mode} exited ${run.status}: ${run.stderr}`);
  return run.stdout
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

function ajv(dto: string, document: unknown): Verdict {
  const result = validate(dto as DtoName, document);
  return result.ok
    ? { verdict: 'valid', issues: [] }
    : { verdict: 'invalid', issues: result.issues.map((i) => ({ ...i })) };
}

const FIELDS: readonly (keyof Issue)[] = ['path', 'keyword', 'expected', 'received', 'message'];

/** The verdict and the issues' compared fields, in the order listed (both sides list each path once). */
function inOrder(verdict: Verdict): { verdict: string; issues: Partial<Issue>[] } {
  const issues = verdict.issues.map((i) => Object.fromEntries(FIELDS.map((f) => [f, i[f]])) as Partial<Issue>);
  return { verdict: verdict.verdict, issues };
}

const vectors = loadVectors();

describe('Python helper and Ajv on the shared vectors', () => {
  let python: Map<string, Verdict>;
  beforeAll(() => {
    const lines = runPython<Verdict & { file: string }>('vectors');
    python = new Map(lines.map(({ file, ...verdict }) => [file, verdict]));
  });

  it('Python ran every vector file, and no other', () => {
    expect([...python.keys()]).toEqual(vectors.map((v) => v.file));
  });

  it.each(vectors.map((v) => [v.file, v] as const))('%s: same verdict and issues, in order', (file, vector) => {
    const fromPython = python.get(file);
    if (!fromPython) throw new Error(`${file}: no verdict from Python`);
    expect(inOrder(fromPython)).toEqual(inOrder(ajv(vector.dto, vector.document)));
    // …and both what the vector says.
    expect(fromPython.issues.map((i) => i.path)).toEqual(vector.kind === 'valid' ? [] : [vector.error_path]);
  });
});

describe('Python helper and Ajv on mutated documents', () => {
  const bases = vectors.filter((v) => v.kind === 'valid' && isObject(v.document));
  const key = fc
    .oneof(
      fc.constantFrom('event_id', 'context_type', 'timestamp', 'a/b~c', 'ключ', '', 'x'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    )
    .filter((k) => k !== '__proto__');
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(...TIMESTAMP_FORMS.map((f) => f.value)),
    fc.constantFrom(
      null,
      '',
      'EventContext',
      'StatusContext',
      'ExceptionContext',
      'CronContext',
      'event',
      'and',
      'or',
      -1,
      0,
      2.5,
      3,
      true,
      [],
      {},
      ['x', 1],
    ),
    // Values whose text the two languages used to write differently (issue 15 #12): Python's float repr, integral
    // floats, big ints, NaN, line separators JSON leaves raw, astral and lone-surrogate text around the 60-point cut.
    fc.constantFrom(
      1e-7,
      5e-324,
      1e300,
      -1.5e-300,
      1e16,
      123456789.125,
      NaN,
      Infinity,
      -Infinity,
      -0,
      new PyFloat(2),
      new PyFloat(-3),
    ),
    fc.constantFrom(
      2n ** 64n,
      -(2n ** 70n),
      'a\u2028b',
      '\u0085\u2029',
      '😀'.repeat(40),
      'x'.repeat(57) + '😀😀',
      '\ud800x',
      'é'.repeat(70),
    ),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.array(fc.constantFrom('😀', 'é', '\u2028', 'x', 1.5e-9), { maxLength: 30 }),
  );
  const op = fc.record({ kind: fc.constantFrom('delete', 'set', 'add', 'nested'), pick: fc.nat(), key, value });
  const mutation = fc.record({
    base: fc.nat({ max: bases.length - 1 }),
    ops: fc.array(op, { minLength: 1, maxLength: 3 }),
  });
  const cases = fc.sample(mutation, { numRuns: 2000, seed: 20260509 }).map((m, id) => {
    const base = bases[m.base]!;
    const document = structuredClone(base.document) as Record<string, unknown>;
    for (const o of m.ops) mutate(document, o);
    return { id, base, document };
  });

  it('agree on the verdict and on every issue (path, keyword, expected, received, message), in order', () => {
    // Both sides read the same text: Python's json.loads and parsePythonJson (NaN, big ints and 2.0 kept).
    const texts = cases.map((c) => stringifyPython(c.document));
    const input = cases.map((c, i) => `{"id": ${c.id}, "dto": "${c.base.dto}", "document": ${texts[i]}}`).join('\n');
    const results = runPython<Verdict & { id: number }>('stdin', input);
    expect(results.length).toBe(cases.length);
    const disagreements: string[] = [];
    let invalid = 0;
    let severalIssues = 0;
    for (const { id, ...fromPython } of results) {
      const c = cases[id]!;
      const fromAjv = ajv(c.base.dto, parsePythonJson(texts[id]!));
      if (fromAjv.verdict === 'invalid') invalid += 1;
      if (fromAjv.issues.length > 1) severalIssues += 1;
      const [p, a] = [inOrder(fromPython), inOrder(fromAjv)];
      if (JSON.stringify(p) !== JSON.stringify(a)) {
        disagreements.push(
          `${c.base.file} mutated to ${texts[id]}:\n  python ${JSON.stringify(p)}\n  ajv    ${JSON.stringify(a)}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
    expect(invalid).toBeGreaterThan(cases.length / 2); // the mutations do break documents
    expect(severalIssues).toBeGreaterThan(cases.length / 10); // …often in several places, so the order is tested
    expect(new Set(cases.map((c) => c.base.dto))).toEqual(new Set(DTO_NAMES));
  });
});

type Op = { kind: 'delete' | 'set' | 'add' | 'nested'; pick: number; key: string; value: unknown };

function mutate(target: Record<string, unknown>, op: Op): void {
  const keys = Object.keys(target);
  const existing = keys.length ? keys[op.pick % keys.length]! : op.key;
  if (op.kind === 'delete') delete target[existing];
  else if (op.kind === 'set') target[existing] = op.value;
  else if (op.kind === 'add') target[op.key] = op.value;
  else {
    // Inside a nested object: payload, arguments_preview, a participant or a marker.
    const inner = keys
      .map((k) => target[k])
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter(isObject);
    const child = inner.length ? inner[op.pick % inner.length]! : target;
    mutate(child, { ...op, kind: op.pick % 3 === 0 ? 'delete' : op.pick % 3 === 1 ? 'set' : 'add' });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
