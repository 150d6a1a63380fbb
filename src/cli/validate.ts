/**
 * `pynenc-contract validate <DTO> [files…|-]`: checks JSON documents (one per
 * file) or JSON Lines (one per line) against a DTO schema. Text is read in
 * Python's JSON dialect (NaN and Infinity are values, as json.loads reads them).
 * JSON Lines are streamed line by line, so memory stays flat however long the input.
 * With --consistency, a valid document is also checked against the invariants pynenc's writers keep
 * (src/consistency); what it breaks is printed as warnings, which leave the exit code alone.
 */
import { DTO_NAMES, type DtoName } from '../../generated/schemas';
import { checkValidRecord, type ConsistencyFinding } from '../consistency';
import { shortText } from '../errors';
import { LimitExceededError, type ReadLimits } from '../limits';
import { PythonJsonSyntaxError, isPlainJson, parsePythonJson } from '../pyjson';
import { isDtoName, validate } from '../validation';
import { InvalidUtf8Error, openSource, readDocument, readLines, type Source, type TextRead } from './input';
import {
  EXIT_INVALID,
  EXIT_OK,
  EXIT_USAGE,
  InputError,
  LineWriter,
  Progress,
  STDIN,
  UsageError,
  counted,
  formatBytes,
  pathText,
  processStreams,
  type CliStreams,
} from './io';
import { lineAt } from './locate';
import { linesOf } from './locate-lines';

export interface ValidateOptions {
  jsonl?: boolean;
  format: 'text' | 'json';
  /** undefined: show progress when stderr is a terminal. */
  progress?: boolean;
  /** Also check each valid document's consistency (warnings, exit code unchanged). */
  consistency?: boolean;
  /** Read limits (default DEFAULT_READ_LIMITS), kept while reading and while parsing; not a command-line option. */
  limits?: ReadLimits;
  /** Problems listed per document (--max-issues; default DEFAULT_MAX_ISSUES); the rest are counted. */
  maxIssues?: number;
}

/** One reason a document is not a valid instance (or not JSON at all). */
interface Problem {
  file: string;
  line: number;
  /** JSON pointer into the document; '' is the whole document. */
  path: string;
  message: string;
  /**
   * The failing JSON Schema keyword; `json` when the text is not JSON, `utf8` when its bytes are not UTF-8,
   * `limit` when it is beyond a read limit (maxDocumentLength, maxDepth, maxStringLength).
   */
  keyword: string;
}

/** An invariant a valid document breaks (checkConsistency's finding, located). */
type Warning = { file: string; line: number } & ConsistencyFinding;

export interface Checked {
  problems: Problem[];
  warnings: Warning[];
  /** Problems beyond maxIssues: counted, not listed. */
  moreProblems?: number;
}

export function requireDto(name: string): DtoName {
  if (!isDtoName(name))
    throw new UsageError(`unknown DTO ${JSON.stringify(name)}; expected one of ${DTO_NAMES.join(', ')}`);
  return name;
}

type Parsed = { ok: true; value: unknown } | { ok: false; line: number; message: string; keyword: 'json' | 'limit' };

/** Parses like Python's json.loads; JSON.parse when the text holds nothing it would read differently. */
export function parseDocument(text: string, limits?: ReadLimits): Parsed {
  if (limits === undefined && isPlainJson(text)) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      // the exact parser gives Python's message
    }
  }
  try {
    // PyFloat and bigint values stay: validate() judges them as numbers and quotes them as Python writes them.
    return { ok: true, value: parsePythonJson(text, { ...limits, fastPath: false }) };
  } catch (err) {
    if (err instanceof PythonJsonSyntaxError)
      return { ok: false, line: err.line, message: `not JSON: ${err.message}`, keyword: 'json' };
    if (err instanceof LimitExceededError) {
      return {
        ok: false,
        line: lineAt(text, err.offset),
        message: `too large to read: ${err.message}`,
        keyword: 'limit',
      };
    }
    throw err;
  }
}

/** The problem of a text that could not be read at all: bytes that are not UTF-8, or beyond maxDocumentLength. */
export function unreadable(file: string, read: Extract<TextRead, { ok: false }>, line: boolean): Problem {
  const { error } = read;
  if (error instanceof InvalidUtf8Error) {
    return { file, line: read.line, path: '', message: `not UTF-8: ${error.message}`, keyword: 'utf8' };
  }
  const rest = line ? 'the rest of the line is skipped' : 'reading stopped there';
  const message = `too large to read: longer than maxDocumentLength (${error.max} UTF-16 code units); ${rest}`;
  return { file, line: read.line, path: '', message, keyword: 'limit' };
}

/**
 * Problems (and, with `consistency`, warnings) of one document. `firstLine` is the line the text
 * starts on; `locate` finds the line of each problem inside multi-line text.
 */
function checkText(
  dto: DtoName,
  file: string,
  text: string,
  firstLine: number,
  locate: boolean,
  consistency = false,
  limits?: ReadLimits,
  maxIssues?: number,
): Checked {
  const parsed = parseDocument(text, limits);
  if (!parsed.ok) {
    const line = firstLine + parsed.line - 1;
    return { problems: [{ file, line, path: '', message: parsed.message, keyword: parsed.keyword }], warnings: [] };
  }
  // The lines of the paths listed, from one walk of the text that keeps only what leads to them (locate-lines.ts).
  const lines = (paths: string[]): ((path: string) => number) => {
    if (!locate) return () => firstLine;
    const found = linesOf(text, paths);
    return (path) => firstLine + found.get(path)! - 1;
  };
  const result = validate(dto, parsed.value, { maxIssues });
  if (result.ok) {
    if (!consistency) return { problems: [], warnings: [] };
    const findings = checkValidRecord(dto, result.value);
    const at = lines(findings.map((f) => f.path));
    const warnings = findings.map((f) => ({ file, line: at(f.path), ...f }));
    return { problems: [], warnings: locate ? warnings.sort((a, b) => a.line - b.line) : warnings };
  }
  const at = lines(result.issues.map((i) => i.path));
  const problems = result.issues.map((issue) => ({
    file,
    line: at(issue.path),
    path: issue.path,
    message: issue.message,
    keyword: issue.keyword,
  }));
  const sorted = locate ? problems.sort((a, b) => a.line - b.line) : problems;
  return { problems: sorted, warnings: [], moreProblems: result.moreIssues };
}

/** `N more problems not listed (--max-issues)`: what a document holds beyond the cap. */
export function notListed(count: number, what: 'problem' | 'unknown key'): string {
  return `${count} more ${what}${count === 1 ? '' : 's'} not listed (--max-issues)`;
}

/** A finding's value as shown on one line. */
function shown(value: unknown): string {
  return shortText(typeof value === 'string' && /^<.*>$/s.test(value) ? value.slice(1, -1) : JSON.stringify(value));
}

interface Tally {
  files: number;
  documents: number;
  invalid: number;
  problems: number;
  ioErrors: number;
  /** Counted only with --consistency. */
  warnings?: number;
}

export async function runValidate(
  dtoName: string,
  files: string[],
  options: ValidateOptions,
  streams: CliStreams = processStreams(),
): Promise<number> {
  const dto = requireDto(dtoName);
  const inputs = files.length === 0 ? [STDIN] : files;
  if (inputs.filter((f) => f === STDIN).length > 1) throw new UsageError('stdin (-) can be read only once');
  const out = new LineWriter(streams.stdout);
  const err = new LineWriter(streams.stderr);
  const tally: Tally = { files: 0, documents: 0, invalid: 0, problems: 0, ioErrors: 0 };
  if (options.consistency) tally.warnings = 0;
  let progress: Progress | undefined;
  const report = async ({ problems, warnings, moreProblems = 0 }: Checked): Promise<void> => {
    tally.documents++;
    if (warnings.length > 0) {
      progress?.clear();
      tally.warnings = (tally.warnings ?? 0) + warnings.length;
      for (const warning of warnings) {
        if (options.format === 'json') await out.line(JSON.stringify({ kind: 'warning', ...warning }));
        else {
          const detail = `expected ${shown(warning.expected)}, received ${shown(warning.received)}`;
          const where = `${warning.file}:${warning.line} ${pathText(warning.path)}`;
          await err.line(`${where}: warning ${warning.code}: ${warning.message}; ${detail}`);
        }
      }
    }
    if (problems.length === 0) return;
    progress?.clear();
    tally.invalid++;
    tally.problems += problems.length + moreProblems;
    for (const problem of problems) {
      if (options.format === 'json') await out.line(JSON.stringify({ kind: 'problem', ...problem }));
      else await out.line(`${problem.file}:${problem.line} ${pathText(problem.path)}: ${problem.message}`);
    }
    if (moreProblems > 0) {
      const { file, line } = problems[problems.length - 1]!;
      if (options.format === 'json') await out.line(JSON.stringify({ kind: 'more', file, line, count: moreProblems }));
      else await out.line(`${file}:${line} ${notListed(moreProblems, 'problem')}`);
    }
  };
  const ioError = async (message: string): Promise<void> => {
    tally.ioErrors++;
    if (options.format === 'json') await out.line(JSON.stringify({ kind: 'error', message }));
    else await err.line(`pynenc-contract validate: ${message}`);
  };

  for (const file of inputs) {
    try {
      const source = await openSource(file, streams.stdin);
      if (options.jsonl) {
        const at = { line: 0 };
        progress = lineProgress(source, at, options.progress ?? streams.stderrIsTTY, streams);
        try {
          await validateLines(dto, source, options, report, at);
        } finally {
          progress.stop();
        }
      } else {
        const read = await readDocument(source, options.limits);
        if (read.ok)
          await report(
            checkText(dto, source.label, read.text, 1, true, options.consistency, options.limits, options.maxIssues),
          );
        else await report({ problems: [unreadable(source.label, read, false)], warnings: [] });
      }
      tally.files++;
    } catch (error) {
      if (error instanceof InputError) await ioError(error.message);
      else throw error;
    }
  }

  const summary =
    `${dto}: ${counted(tally.documents, 'document')} in ${counted(tally.files, 'input')}, ` +
    `${tally.invalid} invalid (${counted(tally.problems, 'problem')})` +
    `${tally.ioErrors ? `, ${tally.ioErrors} unreadable` : ''}${warningCount(tally.warnings)}`;
  if (options.format === 'json') await out.line(JSON.stringify({ kind: 'summary', dto, ...tally }));
  else await err.line(summary);
  await out.flush();
  await err.flush();
  return tally.ioErrors > 0 ? EXIT_USAGE : tally.invalid > 0 ? EXIT_INVALID : EXIT_OK;
}

/** The summary's tail with --consistency: ', N consistency warnings'. */
function warningCount(warnings: number | undefined): string {
  return warnings === undefined ? '' : `, ${counted(warnings, 'consistency warning')}`;
}

/** A progress line for a JSON Lines input: the line number and the bytes read (of the size, when known). */
function lineProgress(source: Source, at: { line: number }, enabled: boolean, streams: CliStreams): Progress {
  return new Progress(
    enabled,
    () => {
      const read = source.bytesRead();
      const pct = source.size ? ` (${Math.floor((100 * read) / source.size)}%)` : '';
      const of = source.size ? ` of ${formatBytes(source.size)}` : '';
      return `${source.label}: line ${at.line.toLocaleString('en-US')}, ${formatBytes(read)}${of}${pct}`;
    },
    streams.stderr,
  );
}

async function validateLines(
  dto: DtoName,
  source: Source,
  options: ValidateOptions,
  report: (checked: Checked) => Promise<void>,
  at: { line: number },
): Promise<void> {
  for await (const batch of readLines(source, options.limits)) {
    for (const read of batch) {
      at.line = read.line;
      if (!read.ok) await report({ problems: [unreadable(source.label, read, true)], warnings: [] });
      else if (read.text.trim() !== '') {
        // a blank line holds no document (a trailing newline, a separator)
        const { consistency, limits, maxIssues } = options;
        await report(checkText(dto, source.label, read.text, read.line, false, consistency, limits, maxIssues));
      }
    }
  }
}
