/**
 * JSON pointer → line in the JSON text it came from, so a problem in a
 * pretty-printed document is reported at the line a person opens. Only used on
 * text that already parsed, and only for the lines of problems: it skips values
 * token by token and never builds them.
 */

const WS = new Set([' ', '\t', '\n', '\r']);

function skipWs(text: string, pos: number): number {
  while (pos < text.length && WS.has(text[pos]!)) pos++;
  return pos;
}

/** Index just past the string literal starting at `pos` (which is `"`). */
function skipString(text: string, pos: number): number {
  for (let i = pos + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
  }
  return text.length;
}

/** Index just past the value starting at `pos`. */
function skipValue(text: string, pos: number): number {
  const c = text[pos];
  if (c === '"') return skipString(text, pos);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let i = pos; i < text.length; i++) {
      const d = text[i];
      if (d === '"') i = skipString(text, i) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }
  let i = pos;
  while (i < text.length && !WS.has(text[i]!) && text[i] !== ',' && text[i] !== '}' && text[i] !== ']') i++;
  return i;
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
  let pos = skipWs(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  let mark = pos;
  if (pointer === '') return mark;
  for (const token of pointer.slice(1).split('/').map(unescapeToken)) {
    const c = text[pos];
    let found = -1;
    let valueAt = -1;
    if (c === '{') {
      let i = skipWs(text, pos + 1);
      while (i < text.length && text[i] === '"') {
        const keyStart = i;
        const keyEnd = skipString(text, i);
        let key: unknown;
        try {
          key = JSON.parse(text.slice(keyStart, keyEnd));
        } catch {
          return mark;
        }
        i = skipWs(text, keyEnd);
        if (text[i] !== ':') return mark;
        i = skipWs(text, i + 1);
        if (key === token) {
          found = keyStart;
          valueAt = i;
        }
        i = skipWs(text, skipValue(text, i));
        if (text[i] !== ',') break;
        i = skipWs(text, i + 1);
      }
    } else if (c === '[' && /^(0|[1-9][0-9]*)$/.test(token)) {
      const index = Number(token);
      let i = skipWs(text, pos + 1);
      for (let k = 0; i < text.length && text[i] !== ']'; k++) {
        if (k === index) {
          found = i;
          valueAt = i;
          break;
        }
        i = skipWs(text, skipValue(text, i));
        if (text[i] !== ',') break;
        i = skipWs(text, i + 1);
      }
    }
    if (found === -1) return mark;
    mark = found;
    pos = valueAt;
  }
  return mark;
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
