/**
 * The reference for src/cli/locate-lines.ts's linesOf: JSON pointer → line through jsonc-parser's whole syntax tree
 * (simple, but millions of nodes for a 64 MiB document, which is why the CLI uses linesOf). Tests hold linesOf to
 * it, pointer for pointer.
 */
import { parseTree, type Node } from 'jsonc-parser';
import { asStandardJson } from '../../src/cli/locate';
import { isArrayIndexToken, pointerTokens } from '../../src/spec/json-pointer';

/**
 * A function from JSON pointer to the 1-based line of what it names in `text`: the key of an object member (the
 * last one, as Python keeps the last of duplicate keys), the start of an array element, or — when the pointer names
 * something absent, such as a missing required key — the start of the deepest value that exists.
 *
 * The text is parsed once, each object's members are indexed on first use and lines are found by binary search,
 * so locating every problem of a document costs its size plus the problems.
 */
export function locator(text: string): (pointer: string) => number {
  return locate(text).lineOf;
}

/** Offset (UTF-16 units into `text`) of what `pointer` names; see locator(). */
export function offsetOf(text: string, pointer: string): number {
  return locate(text).offsetOf(pointer);
}

function locate(text: string): { offsetOf: (pointer: string) => number; lineOf: (pointer: string) => number } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseTree(asStandardJson(bom ? text.slice(1) : text), [], { allowTrailingComma: false });
  const members = new Map<Node, Map<string, Node>>();
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);

  const memberOf = (node: Node, key: string): Node | undefined => {
    let index = members.get(node);
    if (index === undefined) {
      index = new Map();
      for (const member of node.children ?? []) {
        const name = member.children?.[0]?.value;
        if (typeof name === 'string') index.set(name, member); // the last duplicate wins
      }
      members.set(node, index);
    }
    return index.get(key);
  };

  const offsetAt = (pointer: string): number => {
    let node: Node | undefined = root;
    if (!node) return bom;
    let mark = node.offset;
    for (const token of pointerTokens(pointer) ?? []) {
      let next: Node | undefined;
      let at = -1;
      if (node.type === 'object') {
        const member = memberOf(node, token);
        next = member?.children?.[1];
        at = member?.offset ?? -1;
      } else if (node.type === 'array' && isArrayIndexToken(token)) {
        next = node.children?.[Number(token)];
        at = next?.offset ?? -1;
      }
      if (!next) break;
      mark = at;
      node = next;
    }
    return mark + bom;
  };

  return { offsetOf: offsetAt, lineOf: (pointer) => lineOfOffset(lineStarts, offsetAt(pointer)) };
}

/** 1-based line of `offset`, given the offsets where lines start (ascending, the first 0). */
function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** 1-based line of what `pointer` names in the JSON `text` (one lookup; use locator() for several). */
export function lineOf(text: string, pointer: string): number {
  return locator(text)(pointer);
}
