/**
 * The one order issues are listed in, by every entry and by the generated Python package (issue 13): **document
 * order** — the order in which the document holds the values they are about. An issue about an object itself comes
 * before those inside it; inside an object, issues follow its keys' order (Python's order for a value read by
 * parsePythonJson, which keeps it; otherwise the object's own key order), a missing key after every present one;
 * inside an array, the items' order. Issues about one place, or about several missing keys, keep the order the
 * validator found them in (Ajv's, which python-jsonschema's evaluation order follows).
 *
 * The first issue is therefore the first problem a reader of the document meets, and `ContractValidationError.path`
 * is the same path in both languages (scripts/python-runtime/_validation.py `_document_order` computes the same
 * key; test/conformance/python-ajv.test.ts compares the lists, order included).
 */
import { pointerTokens } from '../spec/json-pointer';
import { pythonKeyOrder } from '../pyjson/values';
import type { ValidationIssue } from './errors';

/** The keys of `obj` in document order: Python's order when parsePythonJson kept it, else the object's own. */
function documentKeys(obj: object): readonly string[] {
  return pythonKeyOrder(obj) ?? Object.keys(obj);
}

/**
 * Calls `visit` with each own key of `obj` in document order, without building a list of them (an object of
 * millions of unknown keys is walked in the memory it already takes).
 */
export function forEachDocumentKey(obj: object, visit: (key: string) => void): void {
  const order = pythonKeyOrder(obj);
  if (order !== undefined) {
    for (const key of order) if (Object.prototype.hasOwnProperty.call(obj, key)) visit(key);
    return;
  }
  for (const key in obj) if (Object.prototype.hasOwnProperty.call(obj, key)) visit(key);
}

/** The first own key of `obj` in document order. */
export function firstDocumentKey(obj: object): string | undefined {
  const order = pythonKeyOrder(obj);
  if (order !== undefined) return order.find((key) => Object.prototype.hasOwnProperty.call(obj, key));
  for (const key in obj) if (Object.prototype.hasOwnProperty.call(obj, key)) return key;
  return undefined;
}

/**
 * `issues`, all at or below `base` (a JSON pointer into the caller's document) whose value there is `node`, sorted
 * into document order (stable). Work: one position map per object on the issues' paths.
 */
export function inDocumentOrder(issues: readonly ValidationIssue[], node: unknown, base = ''): ValidationIssue[] {
  if (issues.length < 2) return [...issues];
  const positions = new Map<object, Map<string, number>>();
  const keyed = issues.map((issue, index) => ({ issue, index, key: sortKey(node, issue.path, base, positions) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index);
  return keyed.map((k) => k.issue);
}

/** Where the value at `path` sits, step by step (as the Python package's `_document_order`). */
function sortKey(root: unknown, path: string, base: string, positions: Map<object, Map<string, number>>): number[] {
  const key: number[] = [];
  if (path.length <= base.length) return key;
  let node = root;
  for (const part of pointerTokens(path.slice(base.length)) ?? []) {
    if (Array.isArray(node)) {
      const index = /^[0-9]+$/.test(part) ? Number(part) : NaN;
      if (index < node.length) {
        key.push(index);
        node = node[index];
        continue;
      }
    } else if (node !== null && typeof node === 'object') {
      const own = Object.prototype.hasOwnProperty.call(node, part);
      key.push(position(node, part, own, positions));
      node = own ? (node as Record<string, unknown>)[part] : undefined;
      continue;
    }
    key.push(0);
    node = undefined;
  }
  return key;
}

/** Objects of at most this many keys are scanned for a key's position; larger ones get a position map, once. */
const SCAN_UP_TO = 32;

/** The position of `part` among `node`'s keys in document order; for a key it lacks, the number of its keys. */
function position(node: object, part: string, own: boolean, positions: Map<object, Map<string, number>>): number {
  let map = positions.get(node);
  if (map === undefined) {
    // A small object (every record the contract defines) is searched: one key list, no map.
    const keys = documentKeys(node);
    if (keys.length <= SCAN_UP_TO) {
      const at = own ? keys.indexOf(part) : -1;
      return at < 0 ? keys.length : at;
    }
    map = new Map(keys.map((k, i) => [k, i]));
    positions.set(node, map);
  }
  return own ? (map.get(part) ?? map.size) : map.size;
}

/** Tuple order: element by element, a prefix first. */
function compareKeys(left: readonly number[], right: readonly number[]): number {
  const shared = Math.min(left.length, right.length);
  for (let index = 0; index < shared; index++) if (left[index] !== right[index]) return left[index]! - right[index]!;
  return left.length - right.length;
}
