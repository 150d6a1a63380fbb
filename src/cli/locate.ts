/**
 * JSON pointer → line in the JSON text it came from, so a problem in a
 * pretty-printed document is reported at the line a person opens. The text is
 * walked with jsonc-parser's syntax tree (offsets only; values are not built
 * again). Only used on text that already parsed, for the lines of problems.
 */
import { parseTree, type Node } from 'jsonc-parser';

/**
 * Python's dialect writes NaN and ±Infinity as bare tokens, which jsonc-parser
 * does not know: each becomes a number of the same length, so offsets hold.
 * A string runs to its closing quote, or to the end of the text when it has
 * none (and a backslash may end the text): so every match attempt that starts
 * at a quote succeeds, and the scan stays linear on any text (an unterminated
 * string no longer makes each later quote rescan to the end).
 */
const PYTHON_TOKENS = /"(?:[^"\\]|\\[\s\S]?)*(?:"|$)|(-?Infinity|NaN)/g;
function asStandardJson(text: string): string {
  return text.replace(PYTHON_TOKENS, (match, token: string | undefined) =>
    token === undefined ? match : (token.startsWith('-') ? '-' : '') + '1'.padEnd(token.length - (token.startsWith('-') ? 1 : 0), '0'),
  );
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Offset of what `pointer` names: the key of an object member (the last one,
 * as Python keeps the last of duplicate keys), the start of an array element,
 * or — when the pointer names something absent, such as a missing required
 * key — the start of the deepest value that exists.
 */
export function offsetOf(text: string, pointer: string): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let node: Node | undefined = parseTree(asStandardJson(bom ? text.slice(1) : text), [], { allowTrailingComma: false });
  if (!node) return bom;
  let mark = node.offset;
  if (pointer === '') return mark + bom;
  for (const token of pointer.slice(1).split('/').map(unescapeToken)) {
    let next: Node | undefined;
    let at = -1;
    if (node.type === 'object') {
      const member: Node | undefined = node.children?.filter((p) => p.children?.[0]?.value === token).pop();
      next = member?.children?.[1];
      at = member?.offset ?? -1;
    } else if (node.type === 'array' && /^(0|[1-9][0-9]*)$/.test(token)) {
      next = node.children?.[Number(token)];
      at = next?.offset ?? -1;
    }
    if (!next) break;
    mark = at;
    node = next;
  }
  return mark + bom;
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** 1-based line of what `pointer` names in the JSON `text`. */
export function lineOf(text: string, pointer: string): number {
  return lineAt(text, offsetOf(text, pointer));
}
