/**
 * Lines of the JSON text a document came from, so a problem in a pretty-printed document is reported at the line a
 * person opens: the line of an offset, and Python's dialect made readable by jsonc-parser (locate-lines.ts finds the
 * lines of pointers with it). Only used on text that already parsed, for the lines of problems.
 */

/**
 * Python's dialect writes NaN and ±Infinity as bare tokens, which jsonc-parser
 * does not know: each becomes a number of the same length, so offsets hold.
 * A string runs to its closing quote, or to the end of the text when it has
 * none (and a backslash may end the text): so every match attempt that starts
 * at a quote succeeds, and the scan stays linear on any text (an unterminated
 * string no longer makes each later quote rescan to the end).
 */
const PYTHON_TOKENS = /"(?:[^"\\]|\\[\s\S]?)*(?:"|$)|(-?Infinity|NaN)/g;
export function asStandardJson(text: string): string {
  // Pieces are kept only around the tokens replaced: `text.replace` with a function holds one piece per match, and
  // a 64 MiB document has millions of strings (hundreds of MB of pieces).
  const pieces: string[] = [];
  let from = 0;
  for (const match of text.matchAll(PYTHON_TOKENS)) {
    const token = match[1];
    if (token === undefined) continue;
    const sign = token.startsWith('-') ? '-' : '';
    pieces.push(text.slice(from, match.index), sign + '1'.padEnd(token.length - sign.length, '0'));
    from = match.index! + token.length;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(from));
  return pieces.join('');
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
