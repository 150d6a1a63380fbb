/**
 * The fast path: "did JSON.parse read exactly what Python's json.loads reads?", answered once. JSON.parse rejects
 * NaN/Infinity (and everything else Python rejects); what it accepts but reads differently from Python always shows
 * in its result as an integral number (`1.0`, `1e2`, `-0`, ints beyond 2^53, which may also have been plain ints),
 * an infinite one (an int too long for a double) or a key JavaScript enumerates out of order (an array index).
 * Non-integral floats are rounded identically by both. So one walk over JSON.parse's result, and a look at the text
 * where that walk saw an integral number, decide whether the result can be kept; otherwise the caller runs the exact
 * parser (./parse.ts). The read limits hold for the text, not only for the result (a value a duplicate key replaced
 * was read too): they are checked here by counts, and scanned only when the counts cannot tell.
 *
 * Two walks share one loop: over any value (parsePythonJson, and the parts of a DTO the contract leaves open), and
 * over a DTO document whose keys the in-order checker found in the schema's order (fromJson), which also tells
 * whether Python's from_dict would change anything (timestamps it writes differently). Nothing here keeps state
 * between calls: every answer is a returned FastPathResult. Imports nothing but the value model, the limits and the
 * char codes.
 */
import type { Limits } from '../limits';
import * as charCodes from './char-codes';
import { PYTHON_INT_MAX_STR_DIGITS } from './numbers';
import { isArrayIndexKey, type PyJsonValue } from './values';

// The char codes bound to constants of this module (why: ./char-codes.ts). Compiled, CPU, one process, builds
// interleaved, against this module's own constants before: fromJson of the 10,000 typical pynenc texts 0.99–1.01×
// either way; the exact parser (which calls stringEnd) with named imports 1.01–1.04×, bound 0.92–1.02×.
// prettier-ignore
const { TAB, LF, CR, SPACE, QUOTE, PLUS, COMMA, MINUS, DOT, D0, D2, D7, D9, COLON, I_UPPER, N_UPPER, LBRACKET,
  BACKSLASH, RBRACKET, UNDERSCORE, A_LOWER, E_LOWER, F_LOWER, Z_LOWER, LBRACE, RBRACE } = charCodes;

/** What the fast path says of a text. */
export type FastPathResult =
  /** JSON.parse's value is what Python reads, and for the DTO walked, what from_dict makes of it: done. */
  | { readonly verdict: 'as-is'; readonly value: PyJsonValue }
  /** JSON.parse's value is what Python's json.loads reads (from_dict's rules still to apply, for a DTO). */
  | { readonly verdict: 'faithful'; readonly value: PyJsonValue }
  /**
   * JSON.parse's value (a root object) is what Python reads but for the values of the root members `reread`, which
   * hold a number JSON.parse may have read differently: the caller re-reads those values exactly from the text
   * (src/pyjson/parse.ts, readFastExact) and then has an 'as-is' (`asIs`) or 'faithful' value. The text keeps within
   * the limits.
   */
  | {
      readonly verdict: 'reread';
      readonly value: Record<string, PyJsonValue>;
      readonly reread: readonly string[];
      readonly asIs: boolean;
    }
  /** JSON.parse refused the text or may have read it differently, or the text breaks a limit: parse it exactly. */
  | { readonly verdict: 'exact' };

const EXACT: FastPathResult = Object.freeze({ verdict: 'exact' });

/**
 * How a field's value is classified, for the fast path's walk and for the codec's reader and writer alike (the one
 * table: src/codec/field-class.ts maps a field plan to one of these).
 */
/** A string, boolean or null: nothing to look at once the in-order checker passed. */
const FIELD_SCALAR = 0;
/** isoformat() text or null. */
const FIELD_TIMESTAMP = 1;
/** A nested DTO object. */
const FIELD_DTO = 2;
/** An array of nested DTO objects. */
const FIELD_DTO_ARRAY = 3;
/** An array of scalars. */
const FIELD_LIST = 4;
/** An object of scalars under keys of any name. */
const FIELD_MAP = 5;
/** Any JSON value (numbers, nesting). */
const FIELD_ANY = 6;
// Exported apart from their declarations: tsc's CommonJS output reads an `export const` of this module through
// `exports.` wherever it is used, so dtoAsIs's switch read a property per case instead of comparing with a constant
// (with the payload's first key only, see dtoAsIs: 84–89 → 69–73 ns per EventRecord).
export { FIELD_ANY, FIELD_DTO, FIELD_DTO_ARRAY, FIELD_LIST, FIELD_MAP, FIELD_SCALAR, FIELD_TIMESTAMP };

/** A DTO as the walk reads it (built by src/codec/read.ts from the DTO's plan). */
export interface DtoWalk {
  /** The DTO's in-order checker: valid, and every DTO object's keys exactly the schema's, in its order. */
  readonly inOrder: (data: unknown) => boolean;
  /** Per property, in the schema's order: its FIELD_* class. */
  readonly classes: Uint8Array;
  /** How many properties are FIELD_LIST (one container each, nothing inside to look at). */
  readonly lists: number;
  /** 1 + the position of the last property neither FIELD_SCALAR nor FIELD_LIST (0: none). */
  readonly lookedEnd: number;
  /**
   * For a flat DTO (its properties FIELD_SCALAR, FIELD_TIMESTAMP, FIELD_LIST or FIELD_MAP: EventRecord,
   * TriggerRunParticipant, EventMarker): its containers, itself and its lists and maps; 0 for any other.
   */
  readonly flatContainers: number;
  /** For FIELD_DTO / FIELD_DTO_ARRAY: the nested DTO's walk. */
  readonly nested: readonly (DtoWalk | null)[];
  /** The one field to look at when it is a timestamp and nothing else is (EventMarker, TriggerRunParticipant). */
  readonly onlyTimestamp: string | null;
  /** Whether Python may write a timestamp text the contract accepts differently (src/codec/timestamps.ts). */
  readonly rewritten: (timestamp: string) => boolean;
}

/**
 * The fast path on `text` under `limits`. With `dto` (a DTO read by fromJson), a document its in-order checker
 * accepts is walked as that DTO and may come back 'as-is'; any other document (or without `dto`) is walked as any
 * value. `scanNumbers`: an integral or infinite number in the result is accepted when no number token of the text
 * could have been read differently (numberTokensUnambiguous); without, it sends the text to the exact parser
 * (parsePythonJson's promise, and isPlainJson's: no integral number).
 */
export function readFast(text: string, limits: Limits, dto: DtoWalk | null, scanNumbers: boolean): FastPathResult {
  let root: PyJsonValue;
  try {
    root = JSON.parse(text) as PyJsonValue;
  } catch {
    // NaN, Infinity, -Infinity (Python's json writes them bare) as a number JSON.parse reads as infinite: see there
    const json = scanNumbers ? constantsAsNumbers(text) : null;
    if (json === null || json === text) return EXACT; // the exact parser reports the error the way Python does
    try {
      root = JSON.parse(json) as PyJsonValue;
    } catch {
      return EXACT;
    }
  }
  if (dto !== null && dto.inOrder(root)) {
    const verdict = dtoVerdict(dto, root as Record<string, PyJsonValue>, text, limits);
    if (verdict === AS_IS) return { verdict: 'as-is', value: root };
    if (verdict === NOT_AS_READ) return EXACT;
    if (typeof verdict !== 'number')
      return { verdict: 'reread', value: root as Record<string, PyJsonValue>, reread: verdict, asIs: true };
  }
  // Python's leniency has work to do (or the document is invalid): JSON.parse's result is still kept when it is
  // what Python reads.
  return faithfulVerdict(root, text, limits, scanNumbers);
}

/**
 * `text` with each bare NaN, Infinity (and the Infinity of -Infinity) token written `1e999`, which JSON.parse reads
 * as Infinity: `text` itself when it holds none, null when one is not where a whole value token stands (`-NaN`,
 * `1NaN`, `NaN5`: the exact parser reports what Python says). A value JSON.parse then reads as infinite is ambiguous
 * to the walks as any infinite number is (an int token too long for a double reads so too), and the token is read
 * from `text` itself: numberTokensUnambiguous counts NaN and Infinity tokens as ambiguous, the patch (./parse.ts)
 * reads them. So a record holding one NaN in arguments_preview is read as one with a `1.0` there (JSON.parse, then
 * the member patched) instead of JSON.parse failing (its error costs more than a whole parse) and the exact parser
 * reading all of it. Compiled, fromJson, CPU, one process, two builds interleaved, medians of 25 rounds: the 2,361
 * hard bench texts that hold one 53.7 → 27.1 ms, all 10,000 hard texts 133.1 → 101.9 ms. Tokens are told from text
 * inside strings by crossing the strings before each occurrence (indexOf from quote to quote). Called only after
 * JSON.parse of the text failed (readFast): looking first, two indexOf per text, cost every valid text ~0.1 µs (the
 * goal cases of bench/cases.ts, fromJson ÷ JSON.parse, compiled, one process, 25 rounds: (b) 1.21–1.22 → 1.25–1.26,
 * (c) 1.19–1.21 → 1.23); the failed JSON.parse first costs the hard texts that hold one ~15 ms per 10,000 texts
 * (its error costs more than a whole parse: hard fromJson 77 → 99 ms), well inside their goal.
 */
function constantsAsNumbers(text: string): string | null {
  let nan = text.indexOf('NaN');
  let infinity = text.indexOf('Infinity');
  if (nan < 0 && infinity < 0) return text;
  let json = '';
  let copied = 0;
  /** The opening quote of the first string not known to end before the occurrence looked at (-1: none). */
  let open = text.indexOf('"');
  while (nan >= 0 || infinity >= 0) {
    const isNan = nan >= 0 && (infinity < 0 || nan < infinity);
    const at = isNan ? nan : infinity;
    const after = at + (isNan ? 3 : 8);
    let inString = false;
    while (open >= 0 && open < at) {
      const end = stringEnd(text, open);
      if (end === 0) return null; // an unterminated string: the exact parser reports it
      if (end > at) {
        inString = true;
        break;
      }
      open = text.indexOf('"', end);
    }
    if (!inString) {
      let before = text.charCodeAt(at - 1);
      if (before === MINUS && !isNan) before = text.charCodeAt(at - 2);
      const next = after < text.length ? text.charCodeAt(after) : COMMA;
      const opens = before === COLON || before === COMMA || before === LBRACKET || isSpace(before);
      const closes = next === COMMA || next === RBRACKET || next === RBRACE || isSpace(next);
      if (!opens || !closes) return null;
      json += text.slice(copied, at) + '1e999';
      copied = after;
    }
    if (isNan) nan = text.indexOf('NaN', after);
    else infinity = text.indexOf('Infinity', after);
  }
  return copied === 0 ? text : json + text.slice(copied);
}

function isSpace(char: number): boolean {
  return char === SPACE || char === LF || char === CR || char === TAB;
}

/** A number/NaN/Infinity token after Python's separators (a heuristic: only decides which parser runs first). */
const PYTHON_NUMBER_TOKEN = /(?:: |, |\[)(?:-?\d|NaN|Infinity)/;

/** parsePythonJson's 'sniff' mode: whether the text likely holds a number token (then the exact parser runs first). */
export function likelyHoldsNumbers(text: string): boolean {
  return PYTHON_NUMBER_TOKEN.test(text);
}

/** The DTO walk's verdicts. */
const AS_IS = 0;
/** JSON.parse's result is valid, but may not be what the exact parser reads (numbers) or the text breaks a limit. */
const NOT_AS_READ = 1;
/**
 * Valid, but reading changes it (key order, a timestamp to normalize, an array-index key): the general walk
 * decides.
 */
const LENIENT = 2;

/** What a DTO walk counts and notes on its way (one per walk, made by dtoVerdict). */
interface Scan {
  /** Deepest nesting; the record is level 1. */
  depth: number;
  /** Arrays and objects. */
  containers: number;
  /**
   * Root properties whose value holds an integral or infinite number (JSON.parse may have read `1.0`, `-0`, `1e2`…),
   * anywhere inside it.
   */
  suspects: string[] | null;
  /** Such a number seen since the walk of the current root property began. */
  numbers: boolean;
  /** The text JSON.parse read. */
  readonly text: string;
}

/**
 * For a document the DTO's in-order checker accepted (so it is valid, and every DTO object holds exactly its
 * schema's keys in the schema's order): whether it may be returned as JSON.parse read it. It may when reading would
 * change nothing (plan.readsAsIs, no timestamp Python writes differently, no array-index key whose order JavaScript
 * would lose), the exact parser would read the same numbers, and the text keeps within the read limits.
 */
function dtoVerdict(
  walk: DtoWalk,
  root: Record<string, PyJsonValue>,
  text: string,
  limits: Limits,
): number | readonly string[] {
  const flat = walk.flatContainers;
  if (flat !== 0) {
    // No number can be in it and it nests two deep at most: no Scan to fill (dtoAsIs would find the same). Compiled,
    // fromJson of bench/cases.ts case (a), one process, two builds interleaved, both orders: 0.978–0.987 of the Scan.
    if (!flatAsIs(walk, root)) return LENIENT;
    return jsonWithinLimits(text, limits, flat > 1 ? 2 : 1, flat) ? AS_IS : NOT_AS_READ;
  }
  const scan: Scan = { depth: 1, containers: 1, suspects: null, numbers: false, text };
  if (!dtoAsIs(walk, root, 1, scan)) return LENIENT;
  if (!jsonWithinLimits(text, limits, scan.depth, scan.containers)) return NOT_AS_READ;
  const suspects = scan.suspects;
  if (suspects === null) return AS_IS;
  // Typically one integer at the end of a long document (EventMarkerPage.total): its token is read backwards
  // from the end of the text rather than scanning all of it.
  if (suspects.every((name) => typeof root[name] === 'number')) {
    const tokens = trailingMembers(text);
    const plain = suspects.every((name) => {
      const token = tokens.get(name);
      return token !== undefined && isPlainIntToken(token);
    });
    if (plain) return AS_IS;
  }
  return suspects;
}

/** dtoAsIs of a flat DTO (walk.flatContainers), without the counting: only its timestamps and maps are looked at. */
function flatAsIs(walk: DtoWalk, obj: Record<string, unknown>): boolean {
  const end = walk.lookedEnd;
  if (end === 0) return true;
  const classes = walk.classes;
  let position = 0;
  for (const key in obj) {
    const check = classes[position++];
    if (check === FIELD_TIMESTAMP) {
      const value = obj[key];
      if (typeof value === 'string' && walk.rewritten(value)) return false;
    } else if (check === FIELD_MAP && !mapKeysInOrder(obj[key] as object)) {
      return false;
    }
    if (position === end) break;
  }
  return true;
}

/**
 * Whether JavaScript enumerates the keys of `map` (a JSON.parse'd object) in the text's order: none is an array
 * index. Only the first key is looked at: JavaScript enumerates array-index keys before all others
 * (OrdinaryOwnPropertyKeys), so if any key is one, the first is.
 */
function mapKeysInOrder(map: object): boolean {
  for (const name in map) {
    const first = name.charCodeAt(0);
    return !(first >= D0 && first <= D9 && isArrayIndexKey(name));
  }
  return true;
}

/**
 * One valid DTO object at `depth` (counted by the caller), its keys known to be in order. Its lists (arrays of
 * scalars) are counted without a look, and its keys are enumerated only up to the last property that needs one
 * (walk.lookedEnd). Compiled, dtoVerdict on the 10,000 JSON.parse'd EventRecords of bench/cases.ts case (a) (3
 * lists; payload, the last to look at, is the 4th of 10 keys), one process, builds interleaved: 69–73 → 55–58 ns per
 * record (84–89 before the FIELD_* constants and the first-key test); fromJson of the case, two builds interleaved:
 * 0.974–0.979 of before in one order, 1.002–1.010 in the other (see also src/codec/read.ts, parse). Those figures
 * were taken before flat DTOs (EventRecord among them) went to flatAsIs, which stops at walk.lookedEnd too; the
 * DTOs walked here are now TriggerRunRecord (4 lists; 13 of its 15 keys enumerated) and EventMarkerPage.
 */
function dtoAsIs(walk: DtoWalk, obj: Record<string, unknown>, depth: number, scan: Scan): boolean {
  const lists = walk.lists;
  if (lists !== 0) {
    scan.containers += lists;
    if (depth + 1 > scan.depth) scan.depth = depth + 1;
  }
  const end = walk.lookedEnd;
  if (end === 0) return true;
  const classes = walk.classes;
  let position = 0;
  // The keys are the plan's, in its order (the in-order checker said so): the k-th key is field k.
  for (const key in obj) {
    const check = classes[position++];
    if (check === FIELD_SCALAR || check === FIELD_LIST) continue; // a string, boolean or null; an array of those
    const value = obj[key];
    if (depth === 1) scan.numbers = false;
    switch (check) {
      case FIELD_TIMESTAMP:
        if (typeof value === 'string' && walk.rewritten(value)) return false;
        break;
      case FIELD_DTO:
        scan.containers++;
        if (depth + 1 > scan.depth) scan.depth = depth + 1;
        if (!dtoAsIs(walk.nested[position - 1]!, value as Record<string, unknown>, depth + 1, scan)) return false;
        break;
      case FIELD_DTO_ARRAY: {
        const list = value as Record<string, unknown>[];
        const nested = walk.nested[position - 1]!;
        scan.containers += 1 + list.length;
        const level = depth + (list.length > 0 ? 2 : 1);
        if (level > scan.depth) scan.depth = level;
        const name = nested.onlyTimestamp;
        if (name !== null) {
          // The items hold no container: only their timestamp needs a look (10k markers of a page).
          for (let index = 0; index < list.length; index++) {
            const stamp = list[index]![name];
            if (typeof stamp === 'string' && nested.rewritten(stamp)) return false;
          }
        } else {
          for (let index = 0; index < list.length; index++)
            if (!dtoAsIs(nested, list[index]!, depth + 2, scan)) return false;
        }
        break;
      }
      case FIELD_MAP: // an object of those: only its keys matter
        scan.containers++;
        if (depth + 1 > scan.depth) scan.depth = depth + 1;
        if (!mapKeysInOrder(value as object)) return false;
        break;
      default:
        if (typeof value === 'object') {
          if (value === null) break;
          // A big root member (arguments_preview, payload) is judged from its text: see memberTextAsIs.
          const read = depth === 1 && scan.text.length >= SCAN_FROM ? memberTextAsIs(key, scan) : null;
          if (read === false || (read === null && !valueAsIs(value, depth + 1, scan))) return false;
        } else if (typeof value === 'number' && ambiguous(value)) {
          scan.numbers = true;
        }
    }
    if (depth === 1 && scan.numbers) (scan.suspects ??= []).push(key);
    if (position === end) break;
  }
  return true;
}

/**
 * A JSON value of any shape (arguments_preview, payload, id lists): no array-index key
 * (JavaScript would lose Python's key order), numbers noted. Containers inside it are
 * walked without recursion.
 */
function valueAsIs(root: object, depth: number, scan: Scan): boolean {
  let stack: (object | number)[] | null = null;
  let node = root;
  let level = depth;
  for (;;) {
    scan.containers++;
    if (level > scan.depth) scan.depth = level;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const value: unknown = node[index];
        if (typeof value === 'object') {
          if (value !== null) (stack ??= []).push(value, level + 1);
        } else if (typeof value === 'number' && ambiguous(value)) scan.numbers = true;
      }
    } else {
      const obj = node as Record<string, unknown>;
      for (const key in obj) {
        const first = key.charCodeAt(0);
        if (first >= D0 && first <= D9 && isArrayIndexKey(key)) return false;
        const value = obj[key];
        if (typeof value === 'object') {
          if (value !== null) (stack ??= []).push(value, level + 1);
        } else if (typeof value === 'number' && ambiguous(value)) scan.numbers = true;
      }
    }
    if (stack === null || stack.length === 0) return true;
    level = stack.pop() as number;
    node = stack.pop() as object;
  }
}

/**
 * For a root member `name` whose value JSON.parse read as an array or object: what valueAsIs would find, read from
 * the member's text instead of walking the value (true: nothing to change, no number token JSON.parse may read
 * differently, its containers and depth added to `scan`; false: an array-index key). null when the text cannot tell
 * (the member not found by its key's text, or written twice; a number token JSON.parse may read differently): then the
 * value is walked. Enumerating a big object's keys costs more than reading its text: V8 keeps an object of many keys
 * as a dictionary and sorts its keys on each enumeration (a 1 M-key object: `for…in` 35 % of fromJson's time; see
 * BENCHMARKS.md, "Big values"). The key's text is the one keyColon finds, as for the re-read (src/pyjson/parse.ts).
 */
function memberTextAsIs(name: string, scan: Scan): boolean | null {
  const text = scan.text;
  const colon = keyColon(text, name);
  if (colon < 0) return null;
  let index = skipSpace(text, colon + 1);
  let char = text.charCodeAt(index);
  if (char !== LBRACE && char !== LBRACKET) return null;
  const length = text.length;
  let depth = 0;
  let deepest = 0;
  let containers = 0;
  while (index < length) {
    char = text.charCodeAt(index);
    if (char === QUOTE) {
      const end = stringEnd(text, index);
      if (end === 0) return null;
      // a key JavaScript enumerates first (digits; or escaped, which may spell digits)
      const first = text.charCodeAt(index + 1);
      if (((first >= D0 && first <= D9) || first === BACKSLASH) && text.charCodeAt(skipSpace(text, end)) === COLON) {
        if (isArrayIndexKey(stringValue(text, index, end))) return false;
      }
      index = end;
    } else if (char === LBRACE || char === LBRACKET) {
      containers++;
      if (++depth > deepest) deepest = depth;
      index++;
    } else if (char === RBRACE || char === RBRACKET) {
      index++;
      if (--depth === 0) break;
    } else if (char === N_UPPER || char === I_UPPER) {
      return null; // NaN, Infinity: JSON.parse read constantsAsNumbers's `1e999`
    } else if ((char >= D0 && char <= D9) || char === MINUS) {
      // a number, and while `, ` and another number follow, that one too (a list of numbers: one loop; against one
      // token per turn of the outer loop, compiled, parsePythonJson of 8 M ints in a root object member, CPU, same
      // run: 2–8 % less time)
      for (;;) {
        const negative = char === MINUS;
        index = plainNumberEnd(text, negative ? index + 1 : index, negative);
        if (index < 0) return null;
        if (text.charCodeAt(index) !== COMMA) break;
        let next = index + 1;
        char = text.charCodeAt(next);
        while (char === SPACE || char === LF || char === CR || char === TAB) char = text.charCodeAt(++next);
        if (!((char >= D0 && char <= D9) || char === MINUS)) break;
        index = next;
      }
    } else {
      index++;
    }
  }
  // written again after its value (duplicate keys: the last one counts): the walk decides
  if (depth !== 0 || mayRepeat(text, index, name)) return null;
  scan.containers += containers;
  // the member's value is at level 2 (the record is level 1)
  if (deepest + 1 > scan.depth) scan.depth = deepest + 1;
  return true;
}

/**
 * Whether `root`, JSON.parse's reading of `text`, is what the exact parser reads (see the module comment) and `text`
 * keeps within the limits: 'faithful', or 'reread' naming the root object's members whose values hold an integral or
 * infinite number when some number token of the text may have been read differently (numberTokensUnambiguous), or
 * 'exact'. Without `scanNumbers`, any integral or infinite number is refused (isPlainJson promises none).
 */
function faithfulVerdict(root: PyJsonValue, text: string, limits: Limits, scanNumbers: boolean): FastPathResult {
  if (typeof root !== 'object' || root === null) {
    if (typeof root === 'string') return root.length <= limits.maxStringLength ? faithful(root) : EXACT;
    return typeof root === 'number' && ambiguous(root) ? EXACT : faithful(root);
  }
  if (!textWithinLimitsCheap(text, limits)) return EXACT;
  if (Array.isArray(root)) {
    const numbers = holdsNumbers(root);
    if (numbers === null) return EXACT;
    return !numbers || (scanNumbers && numberTokensUnambiguous(text)) ? faithful(root) : EXACT;
  }
  let suspects: string[] | null = null;
  const obj = root as Record<string, PyJsonValue>;
  // A member judged from its text, as by the DTO walk (the limits were checked above: its counts are not needed).
  // parsePythonJson of a record holding a 1 M-key object, CPU, one process: 1.88× → 1.12× JSON.parse (25 M ints:
  // 1.60× → 1.48×).
  const scan: Scan | null =
    scanNumbers && text.length >= SCAN_FROM ? { depth: 1, containers: 1, suspects: null, numbers: false, text } : null;
  let judged = 0;
  for (const key in obj) {
    const first = key.charCodeAt(0);
    if (first >= D0 && first <= D9 && isArrayIndexKey(key)) return EXACT;
    const value = obj[key];
    let numbers: boolean | null = false;
    if (typeof value === 'object') {
      // (objects only: an array is walked fast, and the key search and repeat test cost more for a small one)
      // (the first JUDGED_MEMBERS only: see there)
      const read =
        value !== null && scan !== null && !Array.isArray(value) && judged++ < JUDGED_MEMBERS
          ? memberTextAsIs(key, scan)
          : null;
      if (read === false) return EXACT; // an array-index key
      if (read === null && value !== null) numbers = holdsNumbers(value);
    } else if (typeof value === 'number') numbers = ambiguous(value);
    if (numbers === null) return EXACT;
    if (numbers) {
      if (!scanNumbers) return EXACT;
      (suspects ??= []).push(key);
    }
  }
  if (suspects === null) return faithful(root);
  return { verdict: 'reread', value: obj, reread: suspects, asIs: false };
}

/**
 * How many of a root object's members faithfulVerdict judges from their text (the rest are walked). Finding a member
 * by its key and testing for a repeat read the text before and after it: a root of many members would be read once
 * per member. Compiled, CPU, same run, parsePythonJson of 3,000 members `{"a": 1}` and a 70 kB string: every member
 * judged 52 ms, the first 8 2.8 ms (JSON.parse 1.0); a record holding a 1 M-key object unchanged (822 against 948
 * ms, noise). A record holds a few.
 */
const JUDGED_MEMBERS = 8;

function faithful(value: PyJsonValue): FastPathResult {
  return { verdict: 'faithful', value };
}

/**
 * Whether a container of JSON.parse's result holds an integral or infinite number (at any depth); null when it holds
 * an array-index key (JavaScript would lose Python's key order).
 */
function holdsNumbers(root: object): boolean | null {
  let numbers = false;
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const value: unknown = node[index];
        if (typeof value === 'object') {
          if (value !== null) stack.push(value);
        } else if (typeof value === 'number' && !numbers && ambiguous(value)) numbers = true;
      }
    } else {
      const obj = node as Record<string, unknown>;
      for (const key in obj) {
        const first = key.charCodeAt(0);
        if (first >= D0 && first <= D9 && isArrayIndexKey(key)) return null;
        const value = obj[key];
        if (typeof value === 'object') {
          if (value !== null) stack.push(value);
        } else if (typeof value === 'number' && !numbers && ambiguous(value)) numbers = true;
      }
    }
  }
  return numbers;
}

/**
 * The limits hold for the text, not only for JSON.parse's result: a value a
 * duplicate key replaces is gone from the result but was read (Python reads
 * it too). A text of n code units nests at most n/2 deep, and no deeper than
 * its number of brackets; it holds no string longer than n-2. Only a text
 * that could break a limit by these counts is scanned. Python refuses an int
 * of more than 4300 digits; in the result it would show as an infinite
 * number, unless a duplicate key dropped it: such a digit run is looked for
 * in the text (a few samples).
 */
function textWithinLimitsCheap(text: string, limits: Limits): boolean {
  const length = text.length;
  if (length >= 2 * limits.maxDepth + 2 && !fewBrackets(text, limits.maxDepth)) {
    if (!textWithinLimits(text, limits)) return false;
  } else if (length >= limits.maxStringLength + 2 && !stringsWithin(text, limits.maxStringLength)) {
    return false;
  }
  return !(length > PYTHON_INT_MAX_STR_DIGITS && hasLongDigitRun(text));
}

/**
 * For a text JSON.parse read into a value of `depth` levels holding
 * `containers` arrays and objects: whether the text itself keeps within the
 * limits (the check textWithinLimitsCheap makes, with a bound that needs no
 * scan of a long text). Any container of the text that is not in the value
 * was dropped with a duplicate key; each has an opening bracket of its own,
 * so there are at most (brackets in the text − containers) of them, and the
 * text nests at most depth + that many levels. Brackets inside strings only
 * make the bound looser. When the bound fails, the text is scanned exactly.
 */
function jsonWithinLimits(text: string, limits: Limits, depth: number, containers: number): boolean {
  const length = text.length;
  if (depth > limits.maxDepth) return false;
  if (length >= limits.maxStringLength + 2 && !stringsWithin(text, limits.maxStringLength)) return false;
  if (length >= 2 * limits.maxDepth + 2) {
    const hidden = countChar(text, '{') + countChar(text, '[') - containers;
    if (depth + hidden > limits.maxDepth && !textWithinLimits(text, limits)) return false;
  }
  return !(length > PYTHON_INT_MAX_STR_DIGITS && hasLongDigitRun(text));
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let index = text.indexOf(char); index !== -1; index = text.indexOf(char, index + 1)) count++;
  return count;
}

/**
 * A number token JSON.parse may read differently from Python (so from the
 * exact parser), after the separator that precedes every number token but a
 * top-level one (`:`, `,` or `[`, then whitespace):
 * - the int `-0` (Python: 0);
 * - 16 or more digits before any fraction (an int beyond 2^53 is a bigint);
 * - an exponent, or a fraction of zeros (a float with an integral value is a
 *   PyFloat);
 * - a fraction starting with 0 or 9 in a token of 16 or more digits (it may
 *   round to an integral double);
 * - NaN, Infinity, -Infinity (JSON.parse read constantsAsNumbers's `1e999`): an `N` or `I` is enough, no other
 *   token starts with one (as `[NI]`, not `NaN|-?Infinity` at the end: the regex's time on the 10,000 hard bench
 *   texts 8.1 → 8.4 ms instead of 11.1).
 * Any other float is never integral as a double: with at most 15 digits and
 * a non-zero fraction digit it is at least 10^-15 from an integer, more than
 * its rounding; with at most 15 digits before a fraction starting with 1 to 8
 * it is at least 0.1 from one and rounds by at most 1/16. An int of at most
 * 15 digits is the same number either way. Inside strings the same characters
 * may match too: that only sends the text to the exact parser. Linear: each
 * attempt reads one run of whitespace and number characters after its
 * separator.
 */
const AMBIGUOUS_NUMBER_TOKEN =
  /[:,[][ \t\n\r]*(?:[NI]|-(?:I|0(?![\d.eE]))|-?\d(?:\d{15}|[\d.]*[eE]|\d*\.0+(?!\d)|(?=[\d.]{16})\d*\.[09]))/;

/**
 * True when every number token of `text` (a text JSON.parse accepted, whose
 * root is an array or object) is read by JSON.parse exactly as the exact
 * parser reads it, so JSON.parse's integral numbers are Python's ints.
 * False may also mean "could not tell".
 */
export function numberTokensUnambiguous(text: string): boolean {
  return text.length < SCAN_FROM ? !AMBIGUOUS_NUMBER_TOKEN.test(text) : !ambiguousTokenFound(text);
}

/**
 * From this length on, numberTokensUnambiguous scans char codes (ambiguousTokenFound) instead of running the regex:
 * on 75 MB of ints the scan took 200-290 ms of CPU against the regex's 460-490; on the 10,000 strict bench records
 * (1.5 kB, most with an early match) the regex took 8 ms against the scan's 16.
 */
const SCAN_FROM = 64 * 1024;
export { SCAN_FROM }; // (apart: see FIELD_ANY's export)

/**
 * AMBIGUOUS_NUMBER_TOKEN's question answered by a loop over char codes: after `:`, `,` or `[` and whitespace, a
 * number token that is `-0`, has 16 or more digits before any fraction, an exponent, a fraction of zeros, or 16 or
 * more digits in all with a fraction starting with 0 or 9; or NaN, Infinity, -Infinity. Only separators,
 * whitespace, `-`, digits and `.` are consumed while a token is looked at, so no separator of the text is skipped.
 * (Inside strings it may answer true where no number is: that only sends the text to the exact parser.)
 */
function ambiguousTokenFound(text: string): boolean {
  const length = text.length;
  let index = 0;
  while (index < length) {
    let char = text.charCodeAt(index++);
    if (char !== COLON && char !== COMMA && char !== LBRACKET) continue;
    char = text.charCodeAt(index);
    while (char === SPACE || char === LF || char === CR || char === TAB) char = text.charCodeAt(++index);
    const negative = char === MINUS;
    if (negative) char = text.charCodeAt(++index);
    if (!(char >= D0 && char <= D9)) {
      if (char === N_UPPER || char === I_UPPER) return true; // NaN, Infinity
      continue;
    }
    index = plainNumberEnd(text, index, negative);
    if (index < 0) return true;
  }
  return false;
}

/**
 * For the number token whose digits start at `digitsStart` (after its `-` when `negative`): the index after it when
 * JSON.parse reads it as the exact parser does (see AMBIGUOUS_NUMBER_TOKEN), -1 when it may not.
 */
function plainNumberEnd(text: string, digitsStart: number, negative: boolean): number {
  let index = digitsStart;
  let char: number;
  do char = text.charCodeAt(++index);
  while (char >= D0 && char <= D9);
  const digits = index - digitsStart;
  if (digits >= 16) return -1;
  if (char === DOT) {
    const fractionStart = index + 1;
    char = text.charCodeAt(++index);
    let zeros = true;
    while (char >= D0 && char <= D9) {
      if (char !== D0) zeros = false;
      char = text.charCodeAt(++index);
    }
    const fraction = index - fractionStart;
    if (fraction > 0 && zeros) return -1;
    if (digits + fraction >= 16) {
      const first = text.charCodeAt(fractionStart);
      if (first === D0 || first === D9) return -1;
    }
  } else if (negative && digits === 1 && text.charCodeAt(digitsStart) === D0 && (char | 0x20) !== E_LOWER) {
    return -1; // the int -0
  }
  if ((char | 0x20) === E_LOWER) return -1;
  return index;
}

/** Keys whose every spelling in JSON is either the plain one or holds an escape `\u00XX` of a printable character. */
const PLAIN_KEY = /^[\w .-]+$/;

/**
 * In a text JSON.parse accepted whose root is an object: the index of the colon after the root member `name`, found
 * as the first string token `"name"` followed by a colon (a key; inside a string its quotes would be escaped) with no
 * `{` before it but the root's (so no object but the root holds it). -1 when it cannot be found so.
 */
export function keyColon(text: string, name: string): number {
  if (!PLAIN_KEY.test(name)) return -1;
  for (let at = quotedIndex(text, name, 0); at >= 0; at = quotedIndex(text, name, at + 1)) {
    const colon = skipSpace(text, at + name.length + 2);
    if (text.charCodeAt(colon) !== COLON) continue;
    const open = skipSpace(text, 0);
    if (text.charCodeAt(open) !== LBRACE) return -1;
    const brace = text.indexOf('{', open + 1);
    return brace >= 0 && brace < at ? -1 : colon;
  }
  return -1;
}

/**
 * Whether the root member `name` (a PLAIN_KEY) may be written again after `end` (duplicate keys: the last wins): its
 * plain spelling, or any escape of a printable ASCII character `\u00[2-6][0-9a-fA-F]` or `\u007[0-9a-eA-E]` (a
 * spelling of the key with an escape; json.dumps never writes one, it escapes DEL, \u007f). The escapes are found by
 * indexOf and two char reads rather than a regex over `text.slice(end)`: compiled, fromJson of the 10,000 hard bench
 * texts, CPU, one process, two builds interleaved by chunks of 500 texts, median of 30 rounds' ratios 0.974–0.979
 * (IQR 0.969–0.986; the same build against itself 0.992–1.019); the test alone 9.0 → 6.1 ms per 10,000 texts.
 */
export function mayRepeat(text: string, end: number, name: string): boolean {
  if (quotedIndex(text, name, end) >= 0) return true;
  for (let at = text.indexOf('\\u00', end); at >= 0; at = text.indexOf('\\u00', at + 4)) {
    const high = text.charCodeAt(at + 4);
    if (high < D2 || high > D7) continue;
    const low = text.charCodeAt(at + 5);
    const letter = low | 0x20;
    if ((low >= D0 && low <= D9) || (letter >= A_LOWER && letter <= (high === D7 ? E_LOWER : F_LOWER))) return true;
  }
  return false;
}

/**
 * `text.indexOf(`"${name}"`, from)`, looked for by the quoted key's tail from its last character that is not a hex
 * digit or `_` (`w"` of `"arguments_preview"`), each find checked for the whole: V8 looks for a pattern by its first
 * character, and in pynenc's texts quotes and hex digits (ids) are everywhere, so the whole key's search stopped at
 * every quote (and, for a pattern of 7 or more characters, set up its skip tables on each call). The two searches a
 * re-read makes (keyColon, mayRepeat), compiled, on the 10,000 hard bench texts: 3.1-4.1 ms → 0.8 ms each. fromJson,
 * CPU, one process, two builds interleaved by chunks of 500 texts, median of 30 rounds' ratios: hard bench texts
 * 0.944, 0.949 of the whole key's indexOf; typical records with a few plain ints in arguments_preview 0.938.
 */
function quotedIndex(text: string, name: string, from: number): number {
  // (`name` itself is read, not `"${name}"`: that is a V8 cons string, flattened by the first read of a character;
  // fromJson of the hard bench texts, as above: 0.971-0.984 of reading the quoted key, the same build against itself
  // 1.004)
  let anchor = name.length - 1;
  for (; anchor >= 0; anchor--) {
    const char = name.charCodeAt(anchor) | 0x20;
    if (!((char >= D0 && char <= D9) || (char >= A_LOWER && char <= F_LOWER) || char === (UNDERSCORE | 0x20))) break;
  }
  if (anchor < 0) return text.indexOf(`"${name}"`, from);
  const tail = `${name.slice(anchor)}"`;
  // the key's opening quote is `anchor + 1` before the tail
  for (let at = text.indexOf(tail, from + anchor + 1); at >= 0; at = text.indexOf(tail, at + 1)) {
    const open = at - anchor - 1;
    if (text.charCodeAt(open) === QUOTE && text.startsWith(name, open + 1)) return open;
  }
  return -1;
}

function skipSpace(text: string, index: number): number {
  for (;;) {
    const char = text.charCodeAt(index);
    if (char !== SPACE && char !== LF && char !== CR && char !== TAB) return index;
    index++;
  }
}

/** An int token both parsers read as the same number: at most 15 digits, not `-0`. */
const PLAIN_INT_TOKEN = /^(?:0|-?[1-9]\d{0,14})$/;

/** Whether `token` (a number token's text) is an int both parsers read as the same safe number. */
export function isPlainIntToken(token: string): boolean {
  return PLAIN_INT_TOKEN.test(token);
}

/**
 * The root object's last members whose values are not containers, read
 * backwards from the end of `text` (a text JSON.parse accepted): key → the
 * value token's text, the last member of a key only (the one whose value
 * JSON.parse and Python keep). Stops, keeping what it found, at the first
 * container value, at a key with an escape, after `max` members, or at
 * anything else it does not expect. Strings are crossed backwards: the
 * opening quote is the nearest quote preceded by an even number of
 * backslashes (every quote inside a string is escaped).
 */
function trailingMembers(text: string, max = 8): Map<string, string> {
  const found = new Map<string, string>();
  let index = wsBack(text, text.length - 1);
  if (index < 0 || text.charCodeAt(index) !== RBRACE) return found;
  index = wsBack(text, index - 1);
  for (let members = 0; members < max && index >= 0; members++) {
    // the value, ending at i
    const last = text.charCodeAt(index);
    let start: number;
    if (last === QUOTE) {
      start = openingQuote(text, index);
    } else if (last === RBRACKET || last === RBRACE) {
      return found; // a container
    } else {
      start = index;
      while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
      if (!isTokenChar(last)) return found;
    }
    if (start < 0) return found;
    const token = text.slice(start, index + 1);
    index = wsBack(text, start - 1);
    if (index < 0 || text.charCodeAt(index) !== COLON) return found;
    index = wsBack(text, index - 1);
    if (index < 0 || text.charCodeAt(index) !== QUOTE) return found;
    const open = openingQuote(text, index);
    if (open < 0) return found;
    const key = text.slice(open + 1, index);
    if (key.indexOf('\\') !== -1) return found;
    if (!found.has(key)) found.set(key, token);
    index = wsBack(text, open - 1);
    if (index < 0 || text.charCodeAt(index) !== COMMA) return found;
    index = wsBack(text, index - 1);
  }
  return found;
}

function wsBack(text: string, index: number): number {
  while (index >= 0) {
    const char = text.charCodeAt(index);
    if (char !== SPACE && char !== LF && char !== CR && char !== TAB) break;
    index--;
  }
  return index;
}

/**
 * The index after the closing quote (the next one not escaped: preceded by an even number of backslashes) of the
 * string that opens at `open`; 0 if none. The exact parser's scans call it too.
 */
export function stringEnd(text: string, open: number): number {
  let close = open;
  for (;;) {
    close = text.indexOf('"', close + 1);
    if (close < 0) return 0;
    let before = close - 1;
    while (text.charCodeAt(before) === BACKSLASH) before--;
    if ((close - 1 - before) % 2 === 0) return close + 1;
  }
}

/**
 * The value of the string token from `open` (its opening quote) to `end` (stringEnd's) in a text JSON.parse accepted:
 * its characters, decoded by JSON.parse when it holds an escape.
 */
export function stringValue(text: string, open: number, end: number): string {
  const raw = text.slice(open + 1, end - 1);
  return raw.indexOf('\\') === -1 ? raw : (JSON.parse(text.slice(open, end)) as string);
}

/** Index of the quote that opens the string whose closing quote is at `close`; -1 if none. */
function openingQuote(text: string, close: number): number {
  let quote = close;
  for (;;) {
    quote = text.lastIndexOf('"', quote - 1);
    if (quote < 0) return -1;
    let before = quote - 1;
    while (before >= 0 && text.charCodeAt(before) === BACKSLASH) before--;
    if ((quote - 1 - before) % 2 === 0) return quote;
  }
}

/** Characters of number tokens and of true/false/null/NaN/Infinity. */
function isTokenChar(char: number): boolean {
  return (
    (char >= D0 && char <= D9) ||
    char === MINUS ||
    char === PLUS ||
    char === DOT ||
    ((char | 0x20) >= A_LOWER && (char | 0x20) <= Z_LOWER)
  );
}

/**
 * Whether the text holds more than PYTHON_INT_MAX_STR_DIGITS digits in a row
 * (in a number or a string: either way the exact parser decides). Any such run
 * covers one of the positions sampled every PYTHON_INT_MAX_STR_DIGITS + 1
 * code units; only digits found there are followed. Linear at worst, a few
 * dozen reads for a typical text.
 */
function hasLongDigitRun(text: string): boolean {
  const run = PYTHON_INT_MAX_STR_DIGITS + 1;
  const length = text.length;
  for (let sample = run - 1; sample < length; sample += run) {
    if (!isDigit(text.charCodeAt(sample))) continue;
    let from = sample;
    let to = sample;
    while (from > 0 && isDigit(text.charCodeAt(from - 1))) from--;
    while (to + 1 < length && isDigit(text.charCodeAt(to + 1))) to++;
    if (to - from + 1 >= run) return true;
    sample = to;
  }
  return false;
}

/** At most `max` brackets that open a container (`[`, `{`, counted in strings too): then no deeper than `max`. */
function fewBrackets(text: string, max: number): boolean {
  let count = 0;
  for (let index = text.indexOf('['); index !== -1; index = text.indexOf('[', index + 1))
    if (++count > max) return false;
  for (let index = text.indexOf('{'); index !== -1; index = text.indexOf('{', index + 1))
    if (++count > max) return false;
  return true;
}

/**
 * For a text JSON.parse accepted: no string (value or key) whose text between its quotes is longer than `max`.
 * Only quotes are looked at (indexOf), not every character: on 75 MB of ints, the limit checks fell from 20 % of
 * fromJson's CPU time to under 0.5 % (the char-by-char textWithinLimits ran for any text longer than maxStringLength).
 */
function stringsWithin(text: string, max: number): boolean {
  // Outside strings a text holds no quote: the next quote after a string's closing one opens the next string.
  for (let open = text.indexOf('"'); open !== -1;) {
    const end = stringEnd(text, open);
    if (end === 0) return false; // cannot happen after JSON.parse; the exact parser decides
    if (end - open - 2 > max) return false;
    open = text.indexOf('"', end);
  }
  return true;
}

/**
 * For a text JSON.parse accepted: no container deeper than maxDepth, and no
 * string (value or key) whose text between its quotes is longer than
 * maxStringLength (an unescaped string is never longer than that text). A
 * text it refuses goes to the exact parser, which decides exactly and
 * reports the limit with its JSON path and offset.
 */
function textWithinLimits(text: string, limits: Limits): boolean {
  const maxDepth = limits.maxDepth;
  const maxString = limits.maxStringLength;
  const length = text.length;
  let depth = 0;
  for (let index = 0; index < length; index++) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      const end = stringEnd(text, index);
      if (end === 0) return false; // cannot happen after JSON.parse; the exact parser decides
      if (end - index - 2 > maxString) return false;
      index = end - 1; // the closing quote
    } else if (char === LBRACKET || char === LBRACE) {
      if (++depth > maxDepth) return false;
    } else if (char === RBRACKET || char === RBRACE) {
      depth--;
    }
  }
  return true;
}

/**
 * A number JSON.parse may have read differently from Python: integral (an int
 * or an integral float, -0, beyond 2^53) or infinite (an int token too long
 * for a double, which Python reads as an exact int).
 */
function ambiguous(value: number): boolean {
  return Number.isInteger(value) || !Number.isFinite(value);
}

function isDigit(char: number): boolean {
  return char >= D0 && char <= D9;
}
