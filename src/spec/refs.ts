/**
 * `$ref` following: the one home of turning a `$ref` into the document and the place in it that it names. Imports
 * only ./json-pointer (and a type), so src/, scripts/ and test/ can use it without loading anything else.
 *
 * A fragment is read as Ajv reads it (lib/compile/index.ts getJsonPointer): split at `/`, then each segment
 * percent-decoded and unescaped (`~1` → `/`, `~0` → `~`). RFC 6901 §6 would percent-decode the whole fragment first;
 * the two differ only where a segment holds `%2F`, and the validators are Ajv's, so Ajv's reading is the one kept.
 * Nested `$id`s are not followed as new bases (the contract has none; scripts/inline-refs.ts refuses what it cannot
 * inline).
 */
import { unescapePointerToken, valueAtTokens } from './json-pointer';
import type { JsonSchema } from './json-schema';

interface ParsedRef {
  /** The `$ref` made absolute against its base (document and fragment). */
  href: string;
  /** The referenced document's URI: `href` without its fragment. */
  document: string;
  /**
   * The fragment's JSON Pointer tokens (`[]` for no fragment or `#`), or undefined when the fragment is not a JSON
   * Pointer (an anchor such as `#name`) or is not valid percent-encoding.
   */
  tokens: string[] | undefined;
}

/** A resolved `$ref`: where it leads and the value there. */
interface ResolvedRef extends ParsedRef {
  tokens: string[];
  node: unknown;
}

/** A document URI as `$ref`s are compared with it: made absolute and normalized by URL, without a fragment. */
export function documentUri(uri: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri, base);
  } catch {
    return undefined;
  }
  url.hash = '';
  return url.href;
}

/** `ref` read against `base` (the URI of the document holding it), or undefined when it is not a URI reference. */
export function parseRef(ref: string, base: string): ParsedRef | undefined {
  let url: URL;
  try {
    url = new URL(ref, base);
  } catch {
    return undefined;
  }
  const href = url.href;
  const fragment = url.hash.slice(1);
  url.hash = '';
  return { href, document: url.href, tokens: fragmentTokens(fragment) };
}

function fragmentTokens(fragment: string): string[] | undefined {
  if (fragment === '') return [];
  if (!fragment.startsWith('/')) return undefined;
  try {
    return fragment
      .slice(1)
      .split('/')
      .map((segment) => unescapePointerToken(decodeURIComponent(segment)));
  } catch {
    return undefined; // URIError: a `%` not followed by two hex digits, or bytes that are not UTF-8
  }
}

/**
 * `$id` (as documentUri makes it) → document, for the documents `$ref`s may lead into. A document without a string
 * `$id`, or whose `$id` is not a URI, is left out.
 */
export function documentsById<D extends JsonSchema>(documents: Iterable<D>): Map<string, D> {
  const out = new Map<string, D>();
  for (const document of documents) {
    const id = typeof document.$id === 'string' ? documentUri(document.$id) : undefined;
    if (id !== undefined) out.set(id, document);
  }
  return out;
}

/**
 * Where `ref` (held by the document whose URI is `base`) leads among `documents` (URI → document, see
 * documentsById), or undefined when it names no document, an anchor, or nothing in the document.
 */
export function resolveRef(
  ref: string,
  base: string,
  documents: ReadonlyMap<string, unknown>,
): ResolvedRef | undefined {
  const parsed = parseRef(ref, base);
  if (parsed?.tokens === undefined) return undefined;
  const root = documents.get(parsed.document);
  if (root === undefined) return undefined;
  const node = valueAtTokens(root, parsed.tokens);
  return node === undefined ? undefined : { ...parsed, tokens: parsed.tokens, node };
}
