import { ContractError } from '../errors';

/**
 * Text that Python's `json.loads` rejects. The message has Python's wording and
 * layout: `Expecting value: line 1 column 4 (char 3)`.
 */
export class PythonJsonSyntaxError extends ContractError {
  readonly code = 'PYJSON_SYNTAX';
  /** What went wrong, without the position (Python's JSONDecodeError.msg). */
  readonly reason: string;
  /** UTF-16 code unit offset into the text (Python counts code points: they differ after astral characters). */
  readonly offset: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;

  constructor(reason: string, text: string, offset: number, details: { dto?: string } = {}) {
    const line = countNewlines(text, offset) + 1;
    const column = offset - (offset > 0 ? text.lastIndexOf('\n', offset - 1) : -1);
    super(`${reason}: line ${line} column ${column} (char ${offset})`, { dto: details.dto, path: undefined });
    this.reason = reason;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}

/** A value `stringifyPython` cannot write as JSON (Python's json.dumps would raise too, or JSON has no form for it). */
export class PythonJsonWriteError extends ContractError {
  readonly code = 'PYJSON_UNWRITABLE';
  /** JSON pointer of the offending value ('' is the value itself). */
  override readonly path: string;
  /** Why it cannot be written. */
  readonly reason: string;

  constructor(reason: string, path: string) {
    super(`cannot write ${path || '/'} as JSON: ${reason}`, { path });
    this.reason = reason;
    this.path = path;
  }
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
