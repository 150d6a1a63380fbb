/**
 * JSON Pointer (RFC 6901): the one home of escaping, unescaping, joining and walking pointers. Imports nothing, so
 * src/, scripts/ and test/ can use it without loading anything else.
 */

const NEEDS_ESCAPE = /[~/]/;
const NEEDS_UNESCAPE = /~[01]/;

/** One reference token as a pointer writes it (RFC 6901 §3): `~` → `~0`, then `/` → `~1`. */
export function escapePointerToken(token: string | number): string {
  const text = String(token);
  return NEEDS_ESCAPE.test(text) ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/** The reference token a pointer segment stands for (RFC 6901 §4): `~1` → `/`, then `~0` → `~`. */
export function unescapePointerToken(segment: string): string {
  return NEEDS_UNESCAPE.test(segment) ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** `base` followed by `tokens`, each escaped: `joinPointer('/a', 'b/c', 0)` is `/a/b~1c/0`. */
export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  let pointer = base;
  for (const token of tokens) pointer += `/${escapePointerToken(token)}`;
  return pointer;
}

/**
 * The reference tokens of a pointer (`''` is the whole document: no tokens), or undefined when `pointer` is not one
 * (it does not start with `/`).
 */
export function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** A reference token that can name an array element (RFC 6901 §4): `0`, `12`; not `01`, `-` or `length`. */
export function isArrayIndexToken(token: string): boolean {
  return ARRAY_INDEX.test(token);
}

/**
 * The value `tokens` lead to under `root`, or undefined when one of them names nothing. Only what the JSON holds is
 * followed: own properties of objects, indexes (`0`, `12`, not `01` or `length`) of arrays; never an inherited
 * property such as `constructor` or `__proto__`'s accessor.
 */
export function valueAtTokens(root: unknown, tokens: readonly (string | number)[]): unknown {
  let node = root;
  for (const raw of tokens) {
    const token = String(raw);
    if (Array.isArray(node)) {
      if (!isArrayIndexToken(token) || Number(token) >= node.length) return undefined;
      node = node[Number(token)];
    } else if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return node;
}

/** The value at `pointer` under `root` (see valueAtTokens), or undefined when it names nothing or is not a pointer. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  const tokens = pointerTokens(pointer);
  return tokens === undefined ? undefined : valueAtTokens(root, tokens);
}

/** A JSON pointer shortened for a message (the full pointer stays on the error's `path`). */
export function shortPath(path: string | undefined, max = 120): string {
  if (!path) return '/';
  if (path.length <= max) return path;
  const half = Math.floor((max - 1) / 2);
  return `${path.slice(0, half)}…${path.slice(path.length - half)}`;
}
