/**
 * The CLI fuzz target: `validate` and `format` (document and --jsonl modes, text and json output, --consistency)
 * run in-process on their own streams (src/cli/io.ts CliStreams), fed random bytes, documents of random shapes
 * with many problems, hostile byte sequences, random line ends, random chunking, small read limits, and now and
 * then an output that fails (ENOSPC) or goes away (EPIPE), or an input named before stdin that cannot be read (a
 * missing file, a folder: validate reports it, checks stdin and exits 2; format refuses with an InputError).
 *
 * Every case: the command returns exit 0 or 1 — or, when an output failed, throws an OutputError naming that
 * stream; never another error, never an untyped one. Text output is one line per problem, each `<stdin>:N ` at a
 * line the input has, no raw line break inside; json output is one JSON object per line ending in the summary;
 * exit 1 exactly when a problem was reported; format writes nothing for a document it reports and no U+FFFD the
 * input did not hold. Budgets per case: time (the runner's --budget), heap growth (HEAP_BUDGET) and output size.
 */
import fc from 'fast-check';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { getHeapStatistics } from 'node:v8';
import { DTO_NAMES, type DtoName } from '../generated/schemas';
import { runFormat } from '../src/cli/format';
import { InputError, OutputError, type CliStreams } from '../src/cli/io';
import { runValidate } from '../src/cli/validate';
import type { ReadLimits } from '../src/limits';
import { pythonStringRepr } from '../src/pyjson';
import { HOSTILE_BYTES, validValue } from './arbitraries';
import { FuzzFailure, checkError, checkPrototypes, checkTime } from './checks';
import { applyValueMutations, docCase, valueMutation, writeDoc } from './mutate';
import type { FuzzTarget, Hooks } from './targets';

/** Heap a case may leave behind (measured without a forced GC: generous, it catches output or state that grows). */
const HEAP_BUDGET = 256 * 1024 * 1024;
/** Output a case may write: far above what its input (at most a few hundred KB) can explain. */
const OUTPUT_BUDGET = 16 * 1024 * 1024;

/** A document with many problems: an EventMarkerPage of mutated markers, or a record with many unknown keys. */
const manyProblems: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(fc.record({ marker: validValue('EventMarker'), mutations: fc.array(valueMutation, { maxLength: 3 }) }), {
      maxLength: 150,
    })
    .map((markers) => {
      const written = markers.map(({ marker, mutations }) => writeDoc(applyValueMutations(marker, mutations)));
      return `{"markers": [\n${written.join(',\n')}\n], "total": ${markers.length}, "truncated": false}`;
    }),
  fc
    .tuple(
      fc.constantFrom(...DTO_NAMES).chain((dto) => validValue(dto)),
      fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }),
    )
    .map(([doc, keys]) => {
      const members = [...Object.entries(doc), ...keys.map((k, i) => [`${k}\n${i}`, i] as const)];
      return `{\n${members.map(([k, v]) => `${pythonStringRepr(k)}: ${writeDoc(v)}`).join(',\n')}\n}`;
    }),
);

/** Text or bytes: one document of the case's DTO (mutated or not), of another shape, or random bytes. */
function documentBytes(dto: DtoName): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 4, arbitrary: docCase(validValue(dto)).map((d) => Buffer.from(d.text, 'utf8')) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...DTO_NAMES)
        .chain((other) => docCase(validValue(other)))
        .map((d) => Buffer.from(d.text, 'utf8')),
    },
    { weight: 1, arbitrary: manyProblems.map((t) => Buffer.from(t, 'utf8')) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
  );
}

/** Documents joined by random line ends, with hostile bytes put in at random places; or valid ones, one a line. */
function input(dto: DtoName): fc.Arbitrary<Buffer> {
  const hostile = fc
    .record({
      docs: fc.array(documentBytes(dto), { minLength: 1, maxLength: 6 }),
      ends: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n', ''), { maxLength: 6 }),
      inserts: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_BYTES)), { maxLength: 3 }),
      bom: fc.boolean(),
    })
    .map(({ docs, ends, inserts, bom }) => {
      let bytes = Buffer.concat(docs.flatMap((d, i) => [d, Buffer.from(ends[i] ?? '\n')]));
      for (const [at, bad] of inserts) {
        const k = at % (bytes.length + 1);
        bytes = Buffer.concat([bytes.subarray(0, k), bad, bytes.subarray(k)]);
      }
      return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
    });
  const valid = fc
    .array(validValue(dto), { minLength: 1, maxLength: 4 })
    .map((docs) => Buffer.from(docs.map((d) => `${writeDoc(d)}\n`).join(''), 'utf8'));
  return fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: valid });
}

/** The output streams' fate: fine, full disk on the first write or later, closed pipe. */
type Fate = { kind: 'ok' } | { kind: 'ENOSPC' | 'EPIPE'; stream: 'stdout' | 'stderr'; after: number };

const fate: fc.Arbitrary<Fate> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Fate>({ kind: 'ok' }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('ENOSPC' as const, 'EPIPE' as const),
      stream: fc.constantFrom('stdout' as const, 'stderr' as const),
      after: fc.nat(5),
    }),
  },
);

const limits: fc.Arbitrary<ReadLimits | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.record({
      maxDocumentLength: fc.constantFrom(0, 1, 10, 100, 1000, 100_000),
      maxDepth: fc.constantFrom(2, 5, 1500),
    }),
  },
);

const cliCase = fc.constantFrom<DtoName>(...DTO_NAMES).chain((dto) =>
  fc.record({
    command: fc.constantFrom('validate' as const, 'format' as const),
    dto: fc.constant(dto),
    jsonl: fc.boolean(),
    json: fc.boolean(),
    consistency: fc.boolean(),
    bytes: input(dto),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
    limits,
    fate,
    unreadable: fc.constantFrom(
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'missing' as const,
      'folder' as const,
    ),
  }),
);

type CliCase = typeof cliCase extends fc.Arbitrary<infer T> ? T : never;

/** An in-memory output that fails as told: after `after` writes, with `code`. */
class Sink extends Writable {
  text = '';
  /** A write was refused (as told). */
  failed = false;
  /** More than OUTPUT_BUDGET was written (the rest dropped). */
  overflow = false;
  private writes = 0;

  constructor(private readonly failure: { code: string; after: number } | undefined) {
    super({ decodeStrings: false });
  }

  override _write(chunk: string | Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    if (this.failure !== undefined && this.writes >= this.failure.after) {
      this.failed = true;
      done(Object.assign(new Error(`${this.failure.code}: write failed`), { code: this.failure.code }));
      return;
    }
    this.writes++;
    if (this.text.length > OUTPUT_BUDGET) this.overflow = true;
    else this.text += chunk.toString();
    done();
  }
}

function chunks(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) out.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  return out;
}

/** Lines of the input as the CLI counts them (LF, CRLF, lone CR), for the line numbers it may report. */
function lineCount(bytes: Buffer): number {
  let n = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) n++;
    else if (bytes[i] === 0x0d) {
      n++;
      if (bytes[i + 1] === 0x0a) i++;
    }
  }
  return n;
}

const LINE = /^<stdin>:(\d+) (\/[^\n\r\u2028\u2029\u0085\v\f]*): /;

async function runCase(c: CliCase): Promise<string> {
  const failing = c.fate.kind === 'ok' ? undefined : c.fate;
  const stdout = new Sink(failing?.stream === 'stdout' ? { code: failing.kind, after: failing.after } : undefined);
  const stderr = new Sink(failing?.stream === 'stderr' ? { code: failing.kind, after: failing.after } : undefined);
  let stdinTaken = 0;
  const streams: CliStreams = {
    stdin: () => {
      stdinTaken++;
      return Readable.from(chunks(c.bytes, c.cuts));
    },
    stdout,
    stderr,
    stderrIsTTY: false,
  };
  // An input named before stdin that cannot be read: validate reports it and goes on (exit 2); format stops.
  const unreadable = c.unreadable === 'missing' ? join(tmpdir(), 'pynenc-fuzz-no-such-file') : c.unreadable && tmpdir();
  let code: number;
  try {
    code =
      c.command === 'validate'
        ? await runValidate(
            c.dto,
            unreadable === undefined ? [] : [unreadable, '-'],
            {
              jsonl: c.jsonl,
              format: c.json ? 'json' : 'text',
              consistency: c.consistency,
              progress: false,
              limits: c.limits,
            },
            streams,
          )
        : await runFormat(c.dto, unreadable, { jsonl: c.jsonl, limits: c.limits }, streams);
  } catch (err) {
    if (err instanceof FuzzFailure) throw err;
    const typed = checkError(err);
    if (typed instanceof InputError && c.command === 'format' && unreadable !== undefined) return 'input refused';
    if (!(typed instanceof OutputError)) throw new FuzzFailure(`the CLI threw ${typed.code}: ${typed.message}`);
    if (failing === undefined) throw new FuzzFailure(`an OutputError with every output working: ${typed.message}`);
    if (typed.stream !== 'the output') throw new FuzzFailure(`OutputError names ${typed.stream}`);
    return `output failed (${failing.kind})`;
  }
  if (stdout.failed || stderr.failed) throw new FuzzFailure('a write failed and the command returned as if not');
  if (stdout.overflow || stderr.overflow) throw new FuzzFailure(`output over ${OUTPUT_BUDGET} chars`);
  if (stdinTaken !== 1) throw new FuzzFailure(`stdin opened ${stdinTaken} times`);
  if (unreadable !== undefined) {
    if (code !== 2) throw new FuzzFailure(`exit ${code} with an input that cannot be read`);
    code = stdout.text.includes('"kind":"problem"') || /^<stdin>:/m.test(stdout.text) ? 1 : 0; // the rest as usual
  } else if (code !== 0 && code !== 1) throw new FuzzFailure(`exit ${code} for input that was read`);
  checkOutput(c, code, stdout.text, stderr.text);
  return code === 0 ? 'ok' : `exit ${code}`;
}

function checkOutput(c: CliCase, code: number, out: string, err: string): void {
  const lines = lineCount(c.bytes);
  const checkLine = (line: string, where: string): void => {
    const m = LINE.exec(line);
    if (!m)
      throw new FuzzFailure(
        `${where}: a line not of the form <stdin>:N /path: message: ${JSON.stringify(line.slice(0, 200))}`,
      );
    const n = Number(m[1]);
    if (n < 1 || n > lines) throw new FuzzFailure(`${where}: line ${n} of an input of ${lines} lines`);
  };
  if (c.command === 'validate') {
    const outLines = out === '' ? [] : out.slice(0, -1).split('\n');
    if (c.json) {
      const objects = outLines.map((l) => JSON.parse(l) as { kind: string; line?: number; invalid?: number });
      const summary = objects.pop();
      if (summary?.kind !== 'summary') throw new FuzzFailure('json output does not end in a summary');
      const errors = objects.filter((o) => o.kind === 'error').length;
      if (errors !== (c.unreadable === undefined ? 0 : 1))
        throw new FuzzFailure(`${errors} unreadable inputs reported`);
      const problems = objects.filter((o) => o.kind === 'problem');
      if (problems.length > 0 !== (code === 1) || summary.invalid! > 0 !== (code === 1)) {
        throw new FuzzFailure(`exit ${code} with ${problems.length} problems, ${summary.invalid} invalid`);
      }
      for (const o of objects)
        if (o.kind !== 'error' && (o.line! < 1 || o.line! > lines))
          throw new FuzzFailure(`json output: line ${o.line} of ${lines}`);
    } else {
      for (const l of outLines) checkLine(l, 'stdout');
      if (outLines.length > 0 !== (code === 1))
        throw new FuzzFailure(`exit ${code} with ${outLines.length} problem lines`);
      const errLines = err.slice(0, -1).split('\n');
      if (!/^[A-Za-z]+: \d+ documents? in 1 input, \d+ invalid/.test(errLines.pop() ?? ''))
        throw new FuzzFailure('no summary on stderr');
      if (c.unreadable !== undefined && !/^pynenc-contract validate: .*: cannot read: /.test(errLines.shift() ?? '')) {
        throw new FuzzFailure('the unreadable input is not reported first');
      }
      for (const l of errLines) checkLine(l, 'stderr');
    }
    return;
  }
  // format
  const errLines = err === '' ? [] : err.slice(0, -1).split('\n');
  if (code === 1) {
    if (!/could not be read; not written$/.test(errLines.pop() ?? ''))
      throw new FuzzFailure('format exit 1 without its last line');
  }
  for (const l of errLines) checkLine(l, 'stderr');
  if (out.includes('\ufffd') && !c.bytes.includes(Buffer.from([0xef, 0xbf, 0xbd]))) {
    throw new FuzzFailure('format wrote U+FFFD the input did not hold');
  }
  if (!c.jsonl && code === 1 && out !== '') throw new FuzzFailure('format wrote a document it could not read');
}

export const cliTarget: FuzzTarget = {
  name: 'cli',
  weight: 6,
  property: (budgetMs: number, hooks: Hooks) =>
    fc.asyncProperty(cliCase, async (c) => {
      try {
        hooks.beat();
        const started = performance.now();
        const heapBefore = getHeapStatistics().used_heap_size;
        const outcome = await runCase(c);
        const grown = getHeapStatistics().used_heap_size - heapBefore;
        if (grown > HEAP_BUDGET)
          throw new FuzzFailure(`the case left ${(grown / 2 ** 20).toFixed(0)} MiB more heap in use`);
        checkPrototypes();
        hooks.stats.cases++;
        hooks.stats.outcomes.set(outcome, (hooks.stats.outcomes.get(outcome) ?? 0) + 1);
        const took = performance.now() - started;
        if (took > hooks.stats.slowestMs) hooks.stats.slowestMs = took;
        checkTime(started, budgetMs);
      } catch (err) {
        hooks.failed?.();
        throw err;
      }
    }) as unknown as fc.IRawProperty<[unknown]>,
};
