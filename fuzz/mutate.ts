/**
 * Mutations of valid documents, as data (so fast-check can shrink them):
 * value-level (drop, null, retype, duplicate or add keys, splice raw tokens:
 * huge numbers, invalid escapes, deep nesting) on the parsed tree, then
 * text-level (truncate, insert, delete, replace, BOM, NUL, random bytes).
 */
import fc from 'fast-check';
import { PyFloat, pythonStringRepr, stringifyPython } from '../src/pyjson';
import { define, hostileKey, key, pyValue } from './arbitraries';

/** Text spliced into the document as it is (a token JSON.stringify could not produce). */
export class Raw {
  constructor(readonly text: string) {}
}

/** Extra members written after an object's own (duplicate keys): `[key, value][]`. */
export const EXTRA: unique symbol = Symbol('extra members');

type Tree = unknown;

/** Writes the tree as Python's json.dumps would, with Raw splices and duplicate members. */
export function writeDoc(v: Tree): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(writeDoc).join(', ')}]`;
  if (v !== null && typeof v === 'object' && !(v instanceof PyFloat)) {
    const obj = v as Record<string, unknown> & { [EXTRA]?: Array<[string, unknown]> };
    const members = Object.keys(obj).map((k) => `${pythonStringRepr(k)}: ${writeDoc(obj[k])}`);
    for (const [k, value] of obj[EXTRA] ?? []) members.push(`${pythonStringRepr(k)}: ${writeDoc(value)}`);
    return `{${members.join(', ')}}`;
  }
  return stringifyPython(v);
}

function clone(v: Tree): Tree {
  if (Array.isArray(v)) return v.map(clone);
  if (v !== null && typeof v === 'object' && !(v instanceof PyFloat) && !(v instanceof Raw)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) define(out, k, clone((v as Record<string, unknown>)[k]));
    return out;
  }
  return v;
}

// ── raw tokens ──

const DEEP_DEPTHS = [2, 3, 10, 995, 996, 997, 998, 999, 1000, 1001, 2000, 100_000] as const;

function nest(depth: number, kind: number, closed: boolean): string {
  const open = kind === 0 ? '[' : kind === 1 ? '{"a": ' : kind === 2 ? '[{"k": ' : '{"__proto__": ';
  const close = kind === 0 ? ']' : kind === 1 ? '}' : kind === 2 ? '}]' : '}';
  const levels = kind === 2 ? Math.ceil(depth / 2) : depth;
  return `${open.repeat(levels)}${closed ? '1.5' : ''}${closed ? close.repeat(levels) : ''}`;
}

export const rawToken: fc.Arbitrary<Raw> = fc
  .oneof(
    // numbers Python reads (some beyond double range, some beyond its int digit limit)
    fc.constantFrom(
      '1e400',
      '-1e400',
      '1e-400',
      '-0',
      '-0.0',
      '0.0',
      '1.0',
      '1E+2',
      '9007199254740993',
      '-9007199254740993',
      `1${'0'.repeat(4299)}`,
      `1${'0'.repeat(4300)}`,
      `-${'9'.repeat(4301)}`,
      `0.${'1'.repeat(5000)}`,
      '1e999999999999',
      '123456789012345678901234567890.5',
      'NaN',
      'Infinity',
      '-Infinity',
      `${'9'.repeat(400)}.0`,
    ),
    // tokens Python refuses
    fc.constantFrom(
      'nan',
      'inf',
      '+1',
      '01',
      '1.',
      '.5',
      '1e',
      '-',
      '0x10',
      'True',
      'None',
      "'a'",
      '1_000',
      '--1',
      '\u00a0',
      'Infinityx',
      'nul',
      '',
    ),
    // strings: escapes good and bad, raw control characters, lone surrogates
    fc.constantFrom(
      '"\\x"',
      '"\\u12"',
      '"\\uZZZZ"',
      '"\\ud800"',
      '"\\udc00\\ud800"',
      '"\\ud83d\\ude00"',
      '"\\u0000"',
      '"\u0000"',
      '"\t"',
      '"\\/"',
      '"abc',
      '"\\"',
      '"\ud800"',
      '"\\U0041"',
      '"\\u00e9"',
      '"\u2028"',
      '"\\',
      '"__pynenc__client_data__:00"',
    ),
    fc.nat(300).map((n) => new Raw(`"${'a'.repeat(n)}"`).text),
    fc.nat(100).map((n) => new Raw(`"${'\\u00e9'.repeat(n)}"`).text),
    // deep nesting, closed or cut off
    fc
      .tuple(fc.constantFrom(...DEEP_DEPTHS), fc.nat(3), fc.boolean())
      .map(([d, kind, closed]) => nest(d, kind, closed)),
    // whitespace and separators
    fc.constantFrom(' ', '\t\n\r 1', '[1,]', '{"a":1,}', '[,]', '{,}', '{"a" 1}', '{1: 2}', '[1 2]', '{"a":}'),
  )
  .map((t) => new Raw(t));

// ── value mutations ──

export type ValueMutation =
  | { kind: 'drop' | 'null' | 'wrap-array' | 'wrap-object'; at: number }
  | { kind: 'retype'; at: number; value: unknown }
  | { kind: 'raw'; at: number; raw: Raw }
  | { kind: 'dup' | 'add'; at: number; key: string; value: unknown };

export const valueMutation: fc.Arbitrary<ValueMutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('drop', 'null', 'wrap-array', 'wrap-object'),
    at: fc.nat(),
  }) as fc.Arbitrary<ValueMutation>,
  fc.record({ kind: fc.constant('retype'), at: fc.nat(), value: pyValue }) as fc.Arbitrary<ValueMutation>,
  fc.record({ kind: fc.constant('raw'), at: fc.nat(), raw: rawToken }) as fc.Arbitrary<ValueMutation>,
  fc.record({
    kind: fc.constantFrom('dup', 'add'),
    at: fc.nat(),
    key: fc.oneof(key, hostileKey),
    value: fc.oneof(pyValue, rawToken),
  }) as fc.Arbitrary<ValueMutation>,
);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

function slots(root: Tree): Slot[] {
  const out: Slot[] = [];
  const stack: Tree[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ parent: node, key: i });
        stack.push(child);
      });
    } else if (node !== null && typeof node === 'object' && !(node instanceof PyFloat) && !(node instanceof Raw)) {
      for (const k of Object.keys(node)) {
        out.push({ parent: node as Record<string, unknown>, key: k });
        stack.push((node as Record<string, unknown>)[k]);
      }
    }
  }
  return out;
}

/** Applies the mutations to a copy of `doc`; returns the mutated tree. */
export function applyValueMutations(doc: Tree, mutations: readonly ValueMutation[]): Tree {
  let root = clone(doc);
  for (const m of mutations) {
    const all = slots(root);
    if (all.length === 0) {
      // nothing inside: the mutation applies to the root
      if (m.kind === 'retype') root = m.value;
      else if (m.kind === 'raw') root = m.raw;
      else if (m.kind === 'wrap-array') root = [root];
      continue;
    }
    const slot = all[m.at % all.length]!;
    const { parent, key: k } = slot;
    const current = (parent as Record<string | number, unknown>)[k];
    const set = (v: unknown): void => {
      if (Array.isArray(parent)) parent[k as number] = v;
      else define(parent, k as string, v);
    };
    switch (m.kind) {
      case 'drop':
        if (Array.isArray(parent)) parent.splice(k as number, 1);
        else delete parent[k as string];
        break;
      case 'null':
        set(null);
        break;
      case 'wrap-array':
        set([current]);
        break;
      case 'wrap-object':
        set(
          Object.defineProperty({}, 'value', { value: current, enumerable: true, writable: true, configurable: true }),
        );
        break;
      case 'retype':
        set(m.value);
        break;
      case 'raw':
        set(m.raw);
        break;
      case 'dup':
      case 'add': {
        const target = Array.isArray(parent) ? undefined : parent;
        if (target === undefined) {
          (parent as unknown[]).push(m.value);
          break;
        }
        if (m.kind === 'dup') {
          const extra = ((target as { [EXTRA]?: Array<[string, unknown]> })[EXTRA] ??= []);
          extra.push([k as string, m.value]);
        } else {
          define(target, m.key, m.value);
        }
        break;
      }
    }
  }
  return root;
}

// ── text mutations ──

const SPECIAL_CHUNKS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  '\\',
  ',',
  ':',
  ' ',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\udc00',
  'é',
  '😀',
  'NaN',
  '-',
  '1e9999',
  '\\u',
  '\\ud800',
  '"__proto__": 1, ',
  '"constructor": {"prototype": {"polluted": 1}}, ',
  '\r\n',
  '\u2028',
  'null',
  '0',
];

export type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; chunk: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; chunk: string }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'bom' }
  | { kind: 'random'; bytes: Uint8Array; encoding: 'utf8' | 'latin1' | 'utf16le' };

const chunk = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHUNKS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }) as fc.Arbitrary<TextMutation>,
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), chunk }) as fc.Arbitrary<TextMutation>,
  fc.record({
    kind: fc.constant('delete'),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }) as fc.Arbitrary<TextMutation>,
  fc.record({ kind: fc.constant('replace'), at: fc.nat(), chunk }) as fc.Arbitrary<TextMutation>,
  fc.record({
    kind: fc.constant('repeat'),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
    times: fc.integer({ min: 2, max: 50 }),
  }) as fc.Arbitrary<TextMutation>,
  fc.constant({ kind: 'bom' } as TextMutation),
  fc.record({
    kind: fc.constant('random'),
    bytes: fc.uint8Array({ maxLength: 64 }),
    encoding: fc.constantFrom('utf8', 'latin1', 'utf16le'),
  }) as fc.Arbitrary<TextMutation>,
);

export function applyTextMutations(text: string, mutations: readonly TextMutation[]): string {
  let t = text;
  for (const m of mutations) {
    const pos = 'at' in m ? m.at % (t.length + 1) : 0;
    switch (m.kind) {
      case 'truncate':
        t = t.slice(0, pos);
        break;
      case 'insert':
        t = t.slice(0, pos) + m.chunk + t.slice(pos);
        break;
      case 'delete':
        t = t.slice(0, pos) + t.slice(pos + m.length);
        break;
      case 'replace':
        t = t.slice(0, pos) + m.chunk + t.slice(pos + m.chunk.length);
        break;
      case 'repeat':
        t = t.slice(0, pos) + t.slice(pos, pos + m.length).repeat(m.times) + t.slice(pos);
        break;
      case 'bom':
        t = `\ufeff${t}`;
        break;
      case 'random':
        t = Buffer.from(m.bytes).toString(m.encoding);
        break;
    }
  }
  return t;
}

/** A document case: a valid tree, mutated, written, mutated as text (each stage may be empty). */
export interface DocCase {
  text: string;
  /** Short description for a failure report. */
  label: string;
}

export function docCase(base: fc.Arbitrary<unknown>): fc.Arbitrary<DocCase> {
  return fc
    .record({
      base,
      values: fc.array(valueMutation, { maxLength: 3 }),
      texts: fc.oneof(
        { weight: 3, arbitrary: fc.constant([] as TextMutation[]) },
        { weight: 2, arbitrary: fc.array(textMutation, { maxLength: 2 }) },
      ),
    })
    .map(({ base: doc, values, texts }) => ({
      text: applyTextMutations(writeDoc(applyValueMutations(doc, values)), texts),
      label: `${values.map((v) => v.kind).join('+') || 'valid'}${texts.length ? ` / text ${texts.map((m) => m.kind).join('+')}` : ''}`,
    }));
}
