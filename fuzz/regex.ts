/**
 * Regex safety: every regular expression of contract/ (the schemas' `pattern`
 * and `patternProperties`) and src/ (regex literals and RegExp(...) calls,
 * found with the TypeScript parser) run against adversarial strings of 100k
 * characters, timed. Catastrophic backtracking shows as seconds (or a hang,
 * which the runner's watchdog stops); a linear pattern takes well under a
 * millisecond per string. The growth from 10k to 100k characters on the
 * slowest string is reported too (about 10 for linear work).
 *
 * RegExp(...) calls whose pattern is not a literal must be listed in
 * DYNAMIC_SOURCES with where their patterns come from; a new one fails the run
 * until it is (so nothing escapes the enumeration).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type TypeScript from 'typescript';

export interface FoundRegex {
  source: string;
  flags: string;
  /** file:line, or the schema files and JSON paths that hold the pattern. */
  where: string[];
  origin: 'src' | 'contract';
}

export interface DynamicSite {
  where: string;
  expression: string;
  /** Where its patterns come from, when known (DYNAMIC_SOURCES). */
  covered: string | undefined;
}

/** RegExp calls with a computed pattern, and what feeds them. Keyed by file and the pattern expression. */
export const DYNAMIC_SOURCES: Record<string, string> = {
  'src/timestamps/canonical.ts CANONICAL_TIMESTAMP_PATTERN':
    "the contract's timestamp pattern (common.schema.json $defs.timestamp.pattern), checked below as a contract pattern",
  'src/compat/compare.ts pattern':
    'patternProperties keys of the schemas the compatibility gate compares (contract/ and its baselines), checked below as contract patterns',
};

function files(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full, suffix));
    else if (name.endsWith(suffix)) out.push(full);
  }
  return out.sort();
}

/** Regex literals and RegExp(...) calls in src/**\/*.ts. */
export function sourceRegexes(root: string): { found: FoundRegex[]; dynamic: DynamicSite[] } {
  // Loaded here: the timing half of this module runs in workers that do not need the compiler.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof TypeScript;
  const byKey = new Map<string, FoundRegex>();
  const dynamic: DynamicSite[] = [];
  for (const file of files(join(root, 'src'), '.ts')) {
    const rel = relative(root, file);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const add = (source: string, flags: string, node: TypeScript.Node): void => {
      const where = `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
      const k = `${flags}/${source}`;
      const entry = byKey.get(k);
      if (entry) entry.where.push(where);
      else byKey.set(k, { source, flags, where: [where], origin: 'src' });
    };
    const visit = (node: TypeScript.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const end = text.lastIndexOf('/');
        add(text.slice(1, end), text.slice(end + 1), node);
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [pattern, flags] = node.arguments ?? [];
        const flagText = flags && ts.isStringLiteralLike(flags) ? flags.text : flags ? undefined : '';
        if (pattern && ts.isStringLiteralLike(pattern) && flagText !== undefined) add(pattern.text, flagText, node);
        else {
          const expression = pattern ? pattern.getText(sf) : '';
          dynamic.push({
            where: `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`,
            expression: node.getText(sf),
            covered: DYNAMIC_SOURCES[`${rel} ${expression}`],
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found: [...byKey.values()], dynamic };
}

/** `pattern` values and `patternProperties` keys of contract/**\/*.schema.json (baselines included); Ajv compiles them with the u flag. */
export function contractPatterns(root: string): FoundRegex[] {
  const byKey = new Map<string, FoundRegex>();
  for (const file of files(join(root, 'contract'), '.schema.json')) {
    const rel = relative(root, file);
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}/${i}`));
      else if (node !== null && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          const found: string[] = [];
          if (k === 'pattern' && typeof v === 'string') found.push(v);
          if (k === 'patternProperties' && v !== null && typeof v === 'object') found.push(...Object.keys(v));
          for (const source of found) {
            const entry = byKey.get(source);
            const where = `${rel}#${path}/${k}`;
            if (entry) entry.where.push(where);
            else byKey.set(source, { source, flags: 'u', where: [where], origin: 'contract' });
          }
          walk(v, `${path}/${k}`);
        }
      }
    };
    walk(JSON.parse(readFileSync(file, 'utf8')), '');
  }
  return [...byKey.values()];
}

/** Strings of the contract's vectors and examples: samples that match, to pump. */
export function sampleStrings(root: string): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (node.length <= 200) out.add(node);
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  for (const file of [...files(join(root, 'contract'), '.json')]) walk(JSON.parse(readFileSync(file, 'utf8')));
  for (const s of [
    '"abc"',
    '123',
    '-0',
    'AAAA',
    'AAA=',
    'ECONNREFUSED',
    '__pynenc__client_data__:ab',
    '2026-05-09T10:11:12.000000+00:00',
    ': 1',
    ', NaN',
    '[Infinity',
  ]) {
    out.add(s);
  }
  return [...out];
}

const STANDARD_CHARS = [
  'a',
  'A',
  '0',
  '9',
  ' ',
  '\t',
  '\n',
  '"',
  '\\',
  '/',
  '-',
  '+',
  '.',
  ':',
  ',',
  '[',
  'T',
  'Z',
  'e',
  '~',
  '=',
  '\u0000',
  '\u007f',
  'é',
  '\ud800',
  '\udc00',
  '😀',
];

/** Characters the pattern mentions (literal characters and class bounds), plus a standard set. */
function alphabet(source: string): string[] {
  const chars = new Set<string>(STANDARD_CHARS);
  for (const c of source.replace(/\\u[0-9a-fA-F]{4}|\\./g, (e) =>
    e.length === 6 ? String.fromCharCode(parseInt(e.slice(2), 16)) : e[1]!,
  )) {
    chars.add(c);
  }
  return [...chars];
}

export interface RegexTiming {
  regex: FoundRegex;
  strings: number;
  /** Slowest single execution on a string of `length` characters. */
  worstMs: number;
  worstInput: string;
  /** Slowest execution on the same kind of string of length/10 characters. */
  worstTenthMs: number;
}

function execute(re: RegExp, s: string): void {
  re.lastIndex = 0;
  if (re.global) s.replace(re, '');
  else re.test(s);
}

function timeOnce(re: RegExp, s: string): number {
  const t0 = performance.now();
  execute(re, s);
  return performance.now() - t0;
}

/** Adversarial strings of `length` characters built by `make(length)`, described by `label`. */
function families(
  source: string,
  samples: readonly string[],
  re: RegExp,
): Array<{ label: string; make: (n: number) => string }> {
  const chars = alphabet(source);
  const out: Array<{ label: string; make: (n: number) => string }> = [];
  for (const c of chars) {
    out.push({ label: `${JSON.stringify(c)}×n`, make: (n) => c.repeat(Math.ceil(n / c.length)).slice(0, n) });
    out.push({
      label: `${JSON.stringify(c)}×n + NUL`,
      make: (n) => c.repeat(Math.ceil(n / c.length)).slice(0, n - 1) + '\u0000',
    });
  }
  const few = chars.slice(0, 14);
  for (const a of few) {
    for (const b of few) {
      if (a !== b)
        out.push({
          label: `${JSON.stringify(a + b)}×n/2 + "!"`,
          make: (n) => (a + b).repeat(Math.ceil(n / (a + b).length)).slice(0, n - 1) + '!',
        });
    }
  }
  // Pumping: a matching sample repeated, whole or cut one short, then a character that breaks the match.
  for (const sample of samples) {
    re.lastIndex = 0;
    if (sample.length === 0 || !re.test(sample)) continue;
    for (const cut of [sample, sample.slice(0, -1), sample.slice(1)]) {
      if (cut.length === 0) continue;
      out.push({
        label: `${JSON.stringify(cut)} pumped + "!"`,
        make: (n) => cut.repeat(Math.ceil(n / cut.length)).slice(0, n - 1) + '!',
      });
    }
  }
  return out;
}

/** Times `regex` on every adversarial string of `length` characters; `beat` before each (the watchdog). */
export function timeRegex(
  regex: FoundRegex,
  samples: readonly string[],
  length: number,
  beat: () => void,
): RegexTiming {
  const re = new RegExp(regex.source, regex.flags);
  const kinds = families(regex.source, samples, re);
  let worst = { ms: -1, label: '', make: (_n: number) => '' };
  for (const kind of kinds) {
    const s = kind.make(length);
    beat();
    execute(re, s.slice(0, 100)); // warm up
    const ms = Math.min(timeOnce(re, s), timeOnce(re, s));
    if (ms > worst.ms) worst = { ms, label: kind.label, make: kind.make };
  }
  beat();
  const tenth = worst.make(Math.floor(length / 10));
  const worstTenthMs = Math.min(timeOnce(re, tenth), timeOnce(re, tenth));
  return { regex, strings: kinds.length, worstMs: worst.ms, worstInput: worst.label, worstTenthMs };
}
