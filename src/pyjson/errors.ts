import { ContractError, describeReceived } from '../errors';
import { PYTHON_INT_MAX_STR_DIGITS } from './numbers';

/**
 * Text that Python's `json.loads` rejects. The message has Python's wording and
 * layout: `Expecting value: line 1 column 4 (char 3)`.
 */
export class PythonJsonSyntaxError extends ContractError {
  override readonly name = 'PythonJsonSyntaxError';
  readonly code = 'PYJSON_SYNTAX';
  /** What went wrong, without the position (Python's JSONDecodeError.msg). */
  readonly reason: string;
  /** UTF-16 code unit offset into the text (Python counts code points: they differ after astral characters). */
  readonly offset: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
  /** What the reader expected at `offset`. */
  declare readonly expected: string;
  /** The text found at `offset` (JSON-quoted, truncated), or `end of text`. */
  declare readonly received: string;

  /**
   * `path` is the JSON pointer of the value being read when the text went
   * wrong (an array element's index, an object member's key), '' at the top.
   */
  constructor(reason: string, text: string, offset: number, details: { dto?: string; path?: string } = {}) {
    const line = countNewlines(text, offset) + 1;
    const column = offset - (offset > 0 ? text.lastIndexOf('\n', offset - 1) : -1);
    const expected = expectedFor(reason);
    const received = offset >= text.length ? 'end of text' : describeReceived(text.slice(offset, offset + 40), 40);
    super(`${reason}: line ${line} column ${column} (char ${offset})`, {
      dto: details.dto,
      path: details.path,
      expected,
      received,
    });
    this.reason = reason;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}

/** What Python's reader wanted where it gave each of its messages. */
function expectedFor(reason: string): string {
  if (reason === 'Expecting value') return 'a JSON value';
  if (reason === "Expecting ',' delimiter") return "',' or the end of the array or object";
  if (reason === "Expecting ':' delimiter") return "':' after the key";
  if (reason === 'Expecting property name enclosed in double quotes') return 'a key in double quotes';
  if (reason === 'Unterminated string starting at') return "a closing '\"' for the string starting here";
  if (reason === 'Invalid control character at') return 'no raw control character (U+0000 to U+001F) inside a string';
  if (reason === 'Invalid \\uXXXX escape') return 'four hex digits after \\u';
  if (reason === 'Invalid \\escape') return 'an escape Python knows: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX';
  if (reason === 'Extra data') return 'the end of the text';
  if (reason.startsWith('Unexpected UTF-8 BOM')) return 'text without a byte order mark';
  if (reason.startsWith('Exceeds the limit')) return `an integer of at most ${PYTHON_INT_MAX_STR_DIGITS} digits`;
  return 'JSON as Python reads it';
}

/** A value `stringifyPython` cannot write as JSON (Python's json.dumps would raise too, or JSON has no form for it). */
export class PythonJsonWriteError extends ContractError {
  override readonly name = 'PythonJsonWriteError';
  readonly code = 'PYJSON_UNWRITABLE';
  /** JSON pointer of the offending value ('' is the value itself). */
  declare readonly path: string;
  /** Why it cannot be written. */
  readonly reason: string;

  constructor(reason: string, path: string) {
    super(`cannot write ${path || '/'} as JSON: ${reason}`, {
      path,
      expected: 'a value json.dumps can write',
      received: reason,
    });
    this.reason = reason;
  }
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
