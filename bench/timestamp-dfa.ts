/**
 * Bench-only: an alternative timestamp check derived from the contract's own
 * pattern, to measure against the RegExp Ajv compiles. Not shipped: on V8 the
 * contract pattern as a native-compiled RegExp is faster than both forms
 * derived here (see BENCHMARKS.md), so the package keeps Ajv's RegExp.
 *
 * The pattern is compiled into a minimal DFA (refa), then used either as a
 * table-driven matcher over UTF-16 code units or turned back into a
 * lookahead-free RegExp (refa's DFA → regex).
 *
 * How a pattern becomes a DFA (what `RegExp.prototype.test` decides):
 * - every top-level alternative must start with `^` (no m flag), so a match
 *   starts at 0 and `test(s)` is "s has a prefix the body matches";
 * - a body is read right to left against its continuation K, the language the
 *   rest of the string must belong to (Σ* at the top): a character class c
 *   gives c·K, an alternation the union, a bounded quantifier its unrolling,
 *   and a lookahead `(?=X)` / `(?!X)` gives K ∩ X·Σ* / K ∖ X·Σ* (X read
 *   against Σ*, so lookaheads nested in it see the rest of the string too).
 *   `$` and `(?![\s\S])` are the lookahead case with X = one character.
 *   Without backreferences (refused) this is exactly the set of strings for
 *   which a backtracking matcher finds an accepting path;
 * - for the table matcher every transition must be on an ASCII character, so
 *   with the `u` flag a string holding any code point ≥ 0x80 is rejected by
 *   the RegExp and the matcher, reading UTF-16 code units, rejects any unit
 *   ≥ 0x80 — the same strings; on ASCII text units and code points coincide.
 * The bench checks the verdicts against the contract RegExp before timing.
 */
import { DFA, JS, NFA, type Concatenation, type Element, type NoParent } from 'refa';

/** Ajv's default (`unicodeRegExp: true`): the flags every contract pattern is compiled with. */
export const PATTERN_FLAGS = 'u';

export interface PatternDfa {
  pattern: string;
  flags: string;
  /** Character class per ASCII code (0: no transition from any state). */
  classOf: number[];
  classes: number;
  /** States 1…states-1; 0 is the dead state. `next[state * classes + class]`. */
  states: number;
  next: number[];
  initial: number;
  accepting: number[];
  minLength: number;
  /** Infinity when the language is infinite. */
  maxLength: number;
}

export type Derivation = { dfa: PatternDfa } | { unsupported: string };

const ASCII = 128;
const MAX_STATES = 4096;

class Unsupported extends Error {}

/** Languages as minimal DFAs, with the few operations the construction needs. */
class Languages {
  constructor(private readonly maxCharacter: number) {}

  all(): DFA {
    return DFA.all({ maxCharacter: this.maxCharacter });
  }

  private done(dfa: DFA): DFA {
    dfa.minimize();
    if (dfa.countNodes() > MAX_STATES) throw new Unsupported(`more than ${MAX_STATES} DFA states`);
    return dfa;
  }

  plain(piece: NoParent<Element>): DFA {
    const nfa = NFA.fromRegex(
      { type: 'Concatenation', elements: [piece] },
      { maxCharacter: this.maxCharacter },
      {
        assertions: 'throw',
        unknowns: 'throw',
      },
    );
    return this.done(DFA.fromFA(nfa));
  }

  concat(first: DFA, then: DFA): DFA {
    const nfa = NFA.fromFA(first);
    nfa.appendInto(NFA.fromFA(then));
    return this.done(DFA.fromFA(nfa));
  }

  union(languages: DFA[]): DFA {
    if (languages.length === 0) return DFA.empty({ maxCharacter: this.maxCharacter });
    const nfa = NFA.fromFA(languages[0]!);
    for (const other of languages.slice(1)) nfa.unionInto(NFA.fromFA(other));
    return this.done(DFA.fromFA(nfa));
  }

  intersect(a: DFA, b: DFA): DFA {
    return this.done(DFA.fromIntersection(a, b));
  }

  complement(a: DFA): DFA {
    const c = a.copy();
    c.complement();
    return this.done(c);
  }
}

function hasAssertion(node: NoParent<Element> | NoParent<Concatenation>): boolean {
  if (node.type === 'Assertion') return true;
  if (node.type === 'Concatenation') return node.elements.some(hasAssertion);
  if (node.type === 'Alternation' || node.type === 'Quantifier') return node.alternatives.some(hasAssertion);
  return false;
}

/** Strings that match `elements` and then continue in `k`. */
function sequence(elements: readonly NoParent<Element>[], k: DFA, L: Languages): DFA {
  let rest = k;
  for (let i = elements.length - 1; i >= 0; i--) rest = element(elements[i]!, rest, L);
  return rest;
}

function alternatives(alts: readonly NoParent<Concatenation>[], k: DFA, L: Languages): DFA {
  return L.union(alts.map((a) => sequence(a.elements, k, L)));
}

function element(node: NoParent<Element>, k: DFA, L: Languages): DFA {
  if (!hasAssertion(node)) return L.concat(L.plain(node), k);
  switch (node.type) {
    case 'Alternation':
      return alternatives(node.alternatives, k, L);
    case 'Quantifier': {
      if (!Number.isFinite(node.max)) throw new Unsupported('unbounded repetition around an assertion');
      // x{min,max}·K = x^min · (K ∪ x·(K ∪ x·(… K)))  with max − min optional rounds
      let optional = k;
      for (let i = node.min; i < node.max; i++) optional = L.union([k, alternatives(node.alternatives, optional, L)]);
      let out = optional;
      for (let i = 0; i < node.min; i++) out = alternatives(node.alternatives, out, L);
      return out;
    }
    case 'Assertion': {
      if (node.kind !== 'ahead') throw new Unsupported('a lookbehind other than a leading ^');
      const looked = alternatives(node.alternatives, L.all(), L);
      return L.intersect(k, node.negate ? L.complement(looked) : looked);
    }
    default:
      throw new Unsupported(`unexpected ${node.type}`);
  }
}

function isStartAnchor(node: NoParent<Element> | undefined): boolean {
  if (node?.type !== 'Assertion' || node.kind !== 'behind' || !node.negate || node.alternatives.length !== 1)
    return false;
  const only = node.alternatives[0]!.elements;
  return only.length === 1 && only[0]!.type === 'CharacterClass' && only[0]!.characters.isAll;
}

/**
 * The minimal DFA of the strings `new RegExp(pattern, flags).test` accepts.
 * Throws when the pattern is outside what the construction handles.
 */
export function patternLanguage(pattern: string, flags = PATTERN_FLAGS): DFA {
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source: pattern, flags }).parse({
    backreferences: 'throw',
  });
  if (!expression.alternatives.every((a) => isStartAnchor(a.elements[0]))) throw new Unsupported('not anchored with ^');
  const L = new Languages(maxCharacter);
  return L.union(expression.alternatives.map((a) => sequence(a.elements.slice(1), L.all(), L)));
}

/** The DFA as tables over ASCII character classes; why not, when it cannot be built. */
export function derivePatternDfa(pattern: string, flags = PATTERN_FLAGS): Derivation {
  let dfa: DFA;
  try {
    dfa = patternLanguage(pattern, flags);
  } catch (err) {
    return { unsupported: err instanceof Error ? err.message : String(err) };
  }
  const nodes = useful(dfa); // without the trap state: a missing transition rejects
  const id = new Map(nodes.map((n, i) => [n, i + 1]));
  for (const node of nodes) {
    for (const [range, to] of node.out) {
      if (id.has(to) && range.max >= ASCII) return { unsupported: 'a transition on a non-ASCII character' };
    }
  }
  // Characters that every state sends to the same place share a class.
  const signatures = new Map<string, number>();
  const classOf: number[] = [];
  const representative: number[] = [];
  for (let c = 0; c < ASCII; c++) {
    const targets = nodes.map((n) => id.get(n.out.get(c)!) ?? 0);
    const key = targets.join(',');
    let cls = targets.every((t) => t === 0) ? 0 : signatures.get(key);
    if (cls === undefined) {
      cls = signatures.size + 1;
      signatures.set(key, cls);
      representative[cls] = c;
    }
    classOf.push(cls);
  }
  const classes = signatures.size + 1;
  const states = nodes.length + 1;
  const next = new Array<number>(states * classes).fill(0);
  for (const node of nodes) {
    for (let cls = 1; cls < classes; cls++) {
      const target = node.out.get(representative[cls]!);
      next[id.get(node)! * classes + cls] = (target && id.get(target)) || 0;
    }
  }
  const accepting = new Array<number>(states).fill(0);
  for (const node of dfa.finals) if (id.has(node)) accepting[id.get(node)!] = 1;
  const { minLength, maxLength } = lengths(dfa, new Set(nodes));
  return {
    dfa: {
      pattern,
      flags,
      classOf,
      classes,
      states,
      next,
      initial: id.get(dfa.initial) ?? 0,
      accepting,
      minLength,
      maxLength,
    },
  };
}

/** States reachable from the start that can still reach an accepting state, start first. */
function useful(dfa: DFA): DFA.Node[] {
  const reachable = [...dfa.nodes()];
  const into = new Map<DFA.Node, DFA.Node[]>(reachable.map((n) => [n, []]));
  for (const n of reachable) for (const [, to] of n.out) into.get(to)!.push(n);
  const alive = new Set<DFA.Node>();
  const stack = reachable.filter((n) => dfa.finals.has(n));
  while (stack.length) {
    const n = stack.pop()!;
    if (alive.has(n)) continue;
    alive.add(n);
    stack.push(...into.get(n)!);
  }
  return reachable.filter((n) => alive.has(n));
}

/** Shortest and longest accepted length (Infinity when a cycle is reachable). */
function lengths(dfa: DFA, alive: ReadonlySet<DFA.Node>): { minLength: number; maxLength: number } {
  if (!alive.has(dfa.initial)) return { minLength: Infinity, maxLength: -Infinity };
  const depth = new Map<DFA.Node, number>([[dfa.initial, 0]]);
  const queue = [dfa.initial];
  let minLength = Infinity;
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    if (dfa.finals.has(n)) minLength = Math.min(minLength, depth.get(n)!);
    for (const [, to] of n.out) {
      if (alive.has(to) && !depth.has(to)) {
        depth.set(to, depth.get(n)! + 1);
        queue.push(to);
      }
    }
  }
  const longest = new Map<DFA.Node, number>();
  const onPath = new Set<DFA.Node>();
  const visit = (n: DFA.Node): number => {
    const known = longest.get(n);
    if (known !== undefined) return known;
    if (onPath.has(n)) return Infinity;
    onPath.add(n);
    let best = dfa.finals.has(n) ? 0 : -Infinity;
    for (const [, to] of n.out) if (alive.has(to)) best = Math.max(best, 1 + visit(to));
    onPath.delete(n);
    longest.set(n, best);
    return best;
  };
  return { minLength, maxLength: visit(dfa.initial) };
}

/** A matcher over the DFA tables: one class lookup and one table step per character. */
export function tableMatcher(dfa: PatternDfa): (text: string) => boolean {
  const k = dfa.classes;
  const CLASS = Uint8Array.from(dfa.classOf);
  const NEXT = Uint16Array.from(dfa.next.map((t) => t * k)); // pre-multiplied: one add per step
  const ACCEPT = new Uint8Array(dfa.states * k);
  dfa.accepting.forEach((a, s) => (ACCEPT[s * k] = a));
  const start = dfa.initial * k;
  const min = dfa.minLength;
  const max = dfa.maxLength;
  return (s: string): boolean => {
    const n = s.length;
    if (n < min || n > max) return false;
    let q = start;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) return false;
      q = NEXT[q + CLASS[c]!]!;
      if (q === 0) return false;
    }
    return ACCEPT[q] === 1;
  };
}

/** The DFA's language as a lookahead-free RegExp source, anchored. */
export function dfaRegExpSource(pattern: string, flags = PATTERN_FLAGS): string {
  const literal = JS.toLiteral(patternLanguage(pattern, flags).toRegex({ maxNodes: 100_000 }), {
    flags: { unicode: flags.includes('u') },
  });
  return `^(?:${literal.source})$`;
}
