/**
 * `pynenc-contract format <DTO> [file|-]`: reads each document as Python's
 * from_json reads it (fromJson: defaults filled in, timestamps normalized,
 * unknown keys dropped — and reported here) and writes it as Python's to_json
 * writes it (toJson). A document that cannot be read is reported, not written.
 */
import { fromJson, toJson, type UnknownKey } from '../codec';
import { LimitExceededError, resolveMaxIssues, type ReadLimits } from '../limits';
import { PythonJsonSyntaxError } from '../pyjson';
import { ContractValidationError } from '../validation';
import { openSource, readDocument, readLines, type TextRead } from './input';
import { EXIT_INVALID, EXIT_OK, LineWriter, STDIN, counted, pathText, processStreams, type CliStreams } from './io';
import { lineAt } from './locate';
import { linesOf } from './locate-lines';
import { notListed, requireDto, unreadable } from './validate';

interface FormatOptions {
  jsonl?: boolean;
  /** Read limits (default DEFAULT_READ_LIMITS), kept while reading and while parsing; not a command-line option. */
  limits?: ReadLimits;
  /** Problems listed per document (--max-issues; default DEFAULT_MAX_ISSUES); the rest are counted. */
  maxIssues?: number;
}

interface Counts {
  documents: number;
  invalid: number;
}

export async function runFormat(
  dtoName: string,
  file: string | undefined,
  options: FormatOptions,
  streams: CliStreams = processStreams(),
): Promise<number> {
  const dto = requireDto(dtoName);
  const source = await openSource(file ?? STDIN, streams.stdin);
  const label = source.label;
  const out = new LineWriter(streams.stdout);
  const err = new LineWriter(streams.stderr);
  const counts: Counts = { documents: 0, invalid: 0 };

  const one = async (read: TextRead, multiLine: boolean): Promise<void> => {
    counts.documents++;
    if (!read.ok) {
      counts.invalid++;
      const problem = unreadable(label, read, !multiLine);
      await err.line(`${label}:${problem.line} /: ${problem.message}`);
      return;
    }
    const { text, line: firstLine } = read;
    // The lines of the paths listed, from one walk of the text that keeps only what leads to them (locate-lines.ts).
    const lines = (paths: string[]): ((path: string) => number) => {
      if (!multiLine) return () => firstLine;
      const found = linesOf(text, paths);
      return (path) => firstLine + found.get(path)! - 1;
    };
    // Unknown keys are listed up to --max-issues too, and the rest counted: a document of millions of them stays
    // in bounded memory (fromJsonWithReport would keep every one).
    const max = resolveMaxIssues(options.maxIssues);
    const unknownKeys: UnknownKey[] = [];
    let moreUnknown = 0;
    const onUnknownKey = (unknownKey: UnknownKey): void => {
      if (unknownKeys.length < max) unknownKeys.push(unknownKey);
      else moreUnknown++;
    };
    try {
      const value = fromJson(dto, text, { ...options.limits, maxIssues: options.maxIssues, onUnknownKey });
      const where = lines(unknownKeys.map((u) => u.path));
      await inLineOrder(
        err,
        unknownKeys.map((u) => [
          where(u.path),
          `${pathText(u.path)}: unknown key of ${u.dto}, dropped as Python's reader drops it`,
        ]),
        label,
      );
      if (moreUnknown > 0) await err.line(`${label}:${firstLine} ${notListed(moreUnknown, 'unknown key')}`);
      await out.line(toJson(dto, value));
    } catch (error) {
      counts.invalid++;
      if (error instanceof PythonJsonSyntaxError) {
        await err.line(`${label}:${firstLine + error.line - 1} /: not JSON: ${error.message}`);
      } else if (error instanceof LimitExceededError) {
        const line = firstLine + lineAt(text, error.offset) - 1;
        await err.line(`${label}:${line} ${pathText(error.path)}: too large to read: ${error.message}`);
      } else if (error instanceof ContractValidationError) {
        const where = lines(error.issues.map((issue) => issue.path));
        await inLineOrder(
          err,
          error.issues.map((issue) => [where(issue.path), `${pathText(issue.path)}: ${issue.message}`]),
          label,
        );
        if (error.moreIssues > 0) await err.line(`${label}:${firstLine} ${notListed(error.moreIssues, 'problem')}`);
      } else {
        throw error;
      }
    }
  };

  if (options.jsonl) {
    for await (const batch of readLines(source, options.limits)) {
      for (const read of batch) if (!read.ok || read.text.trim() !== '') await one(read, false);
    }
  } else {
    await one(await readDocument(source, options.limits), true);
  }
  if (counts.invalid > 0) {
    const documents = counted(counts.documents, 'document');
    await err.line(`${dto}: ${counts.invalid} of ${documents} could not be read; not written`);
  }
  await out.flush();
  await err.flush();
  return counts.invalid > 0 ? EXIT_INVALID : EXIT_OK;
}

/**
 * `<label>:<line> <text>` for each problem, in the order of the document's lines (as validate prints them): the
 * codec reports in the schema's order. A stable sort: problems on one line keep their order.
 */
async function inLineOrder(err: LineWriter, problems: Array<[number, string]>, label: string): Promise<void> {
  problems.sort((a, b) => a[0] - b[0]);
  for (const [line, text] of problems) await err.line(`${label}:${line} ${text}`);
}
