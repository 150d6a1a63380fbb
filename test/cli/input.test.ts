/**
 * The CLI's input layer (src/cli/input.ts) in-process, against Python's own UTF-8 decoder: for random byte
 * strings (valid text with hostile sequences put in: invalid and overlong bytes, encoded surrogates, sequences
 * cut by a line break or by the end), fed in random chunks down to one byte, the text read or the error
 * (byte offset, reason, the bytes named, line) is what `bytes.decode('utf-8')` gives; lines are what
 * `bytes.splitlines()` gives; maxDocumentLength counts UTF-16 code units of the decoded text whatever the chunks.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { HOSTILE_BYTES } from '../../fuzz/arbitraries';
import { InvalidUtf8Error, readDocument, readLines, sourceOf, type TextRead } from '../../src/cli/input';
import { LimitExceededError } from '../../src/limits';
import { runOracle } from '../support/pynenc-python';

jest.setTimeout(120_000);

/** Python's reading of each case: per document (or per line), the decoded text's UTF-16 length, or the error. */
const ORACLE = `
import json, sys
def one(b, start, line, drop_bom):
    try:
        s = b.decode('utf-8')
    except UnicodeDecodeError as e:
        bom = 1 if drop_bom and b.startswith(b'\\xef\\xbb\\xbf') else 0
        units = len(b[:e.start].decode('utf-8').encode('utf-16-le')) // 2 - bom
        return {'error': [start + e.start, e.reason, list(b[e.start:e.end]), line + b[:e.start].count(b'\\n'), units]}
    if drop_bom and s.startswith('\\ufeff'):
        s = s[1:]
    return {'text': s, 'units': len(s.encode('utf-16-le', 'surrogatepass')) // 2}
out = []
for case in json.load(sys.stdin):
    b = bytes.fromhex(case)
    lines, start = [], 0
    for n, piece in enumerate(b.splitlines(keepends=True)):
        if piece.endswith(b'\\r\\n'): body = piece[:-2]
        elif piece.endswith((b'\\r', b'\\n')): body = piece[:-1]
        else: body = piece
        lines.append(one(body, start, n + 1, n == 0))
        start += len(piece)
    out.append({'document': one(b, 0, 1, True), 'lines': lines})
json.dump(out, sys.stdout)
`;

interface PyRead {
  text?: string;
  units?: number;
  /** [byte offset in the input, reason, bytes named, line, UTF-16 units decoded before the error] */
  error?: [number, string, number[], number, number];
}

function python(cases: Buffer[]): Array<{ document: PyRead; lines: PyRead[] }> {
  return runOracle<Array<{ document: PyRead; lines: PyRead[] }>>(
    { code: ORACLE },
    cases.map((c) => c.toString('hex')),
  );
}

/** What the input layer must give for Python's reading, under a limit of `max` UTF-16 code units. */
function expected(py: PyRead, max: number): string {
  if (py.error) {
    const [offset, reason, bytes, line, unitsBefore] = py.error;
    if (unitsBefore > max) return 'LIMIT_DOCUMENT_SIZE';
    return `INVALID_UTF8 ${offset} ${reason} [${bytes.join(',')}] line ${line}`;
  }
  return py.units! > max ? 'LIMIT_DOCUMENT_SIZE' : `text ${JSON.stringify(py.text)}`;
}

function actual(read: TextRead): string {
  if (read.ok) return `text ${JSON.stringify(read.text)}`;
  const e = read.error;
  if (e instanceof LimitExceededError) return e.code;
  if (e instanceof InvalidUtf8Error) {
    expect(read.line).toBe(e.line);
    return `INVALID_UTF8 ${e.byteOffset} ${e.reason} [${e.bytes.join(',')}] line ${e.line}`;
  }
  throw new Error(`not a typed error: ${String(e)}`);
}

function source(bytes: Buffer, cuts: number[]): ReturnType<typeof sourceOf> {
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    if (cut > from) chunks.push(bytes.subarray(from, cut));
    from = Math.max(from, cut);
  }
  if (from < bytes.length) chunks.push(bytes.subarray(from));
  return sourceOf('case', Readable.from(chunks));
}

const piece: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => Buffer.from(s, 'utf8')) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_BYTES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{"a": 1}', '"x"', '\ufeff', 'é', '😀').map((s) => Buffer.from(s, 'utf8')),
  },
);

const caseArb = fc.record({
  bytes: fc.array(piece, { maxLength: 12 }).map((parts) => Buffer.concat(parts)),
  cuts: fc.array(fc.nat(200), { maxLength: 8 }),
  oneByte: fc.boolean(),
  max: fc.constantFrom(0, 1, 3, 8, 30, 1_000_000),
});

describe('issue 15 #4: strict UTF-8, as Python decodes it, whatever the chunks', () => {
  const cases = fc.sample(caseArb, { numRuns: 1500, seed: 15_4 });
  const py = python(cases.map((c) => c.bytes));

  test('a document: the text, or the first bytes not UTF-8 at their offset and line (or the limit first)', async () => {
    for (const [k, c] of cases.entries()) {
      const cuts = c.oneByte ? [...Array(c.bytes.length).keys()] : c.cuts;
      const read = await readDocument(source(c.bytes, cuts), { maxDocumentLength: c.max });
      expect([k, c.bytes.toString('hex'), actual(read)]).toEqual([
        k,
        c.bytes.toString('hex'),
        expected(py[k]!.document, c.max),
      ]);
    }
  });

  test('JSON Lines: each line as bytes.splitlines() cuts it, read or refused on its own', async () => {
    for (const [k, c] of cases.entries()) {
      const cuts = c.oneByte ? [...Array(c.bytes.length).keys()] : c.cuts;
      const reads: string[] = [];
      for await (const batch of readLines(source(c.bytes, cuts), { maxDocumentLength: c.max })) {
        for (const read of batch) reads.push(`${read.line}: ${actual(read)}`);
      }
      const want = py[k]!.lines.map((l, i) => `${i + 1}: ${expected(l, c.max)}`);
      expect([k, c.bytes.toString('hex'), reads]).toEqual([k, c.bytes.toString('hex'), want]);
    }
  });
});

describe('issue 15 #6: limits kept while reading', () => {
  test('a line beyond maxDocumentLength is skipped to its end and the next line is read', async () => {
    const text = Buffer.from(`"ok"\n${'x'.repeat(100_000)}\r\n"next"\n`);
    const reads: TextRead[] = [];
    for await (const batch of readLines(source(text, [3, 5, 70_000, 100_006]), { maxDocumentLength: 10 }))
      reads.push(...batch);
    expect(reads.map(actual)).toEqual(['text "\\"ok\\""', 'LIMIT_DOCUMENT_SIZE', 'text "\\"next\\""']);
    expect(reads.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  test('a document stops being read beyond the limit: the rest of an endless input is never asked for', async () => {
    let served = 0;
    const endless = new Readable({
      read() {
        served += 65_536;
        this.push(Buffer.alloc(65_536, 0x20));
      },
    });
    const read = await readDocument(sourceOf('endless', endless), { maxDocumentLength: 1_000_000 });
    expect(read.ok ? 'read' : read.error.code).toBe('LIMIT_DOCUMENT_SIZE');
    expect(served).toBeLessThan(1_000_000 + 4 * 65_536);
    expect(endless.destroyed).toBe(true);
  });

  test('maxDocumentLength counts UTF-16 code units, not bytes: 3-byte characters up to it are read', async () => {
    const text = '€'.repeat(10);
    const at = (max: number): Promise<TextRead> =>
      readDocument(source(Buffer.from(text), [1, 2, 4, 7, 11]), { maxDocumentLength: max });
    expect(actual(await at(10))).toBe(`text ${JSON.stringify(text)}`);
    expect(actual(await at(9))).toBe('LIMIT_DOCUMENT_SIZE');
  });
});
