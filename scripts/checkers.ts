/**
 * Stage 3 — generate the fast checkers (generated/checkers.ts): one boolean
 * function per DTO, compiled from the DTO schema with its `$ref`s inlined
 * (scripts/inline-refs.ts). They give the verdict of every valid document —
 * fromJson, toJson and `validate` run them first — and Ajv's diagnosers
 * (scripts/validators.ts) explain an invalid one.
 *
 * Why not Ajv's own first-error code: for the contract's shapes, code that
 * knows them costs less than half (see BENCHMARKS.md). Each object is checked in
 * one function that reads each property once into a local, tests its key set
 * with one comparison per key when the keys come in the schema's order (a
 * `switch` on the name when they do not), and evaluates `allOf`/`if`/`then`
 * over those locals; no error objects, paths or option bags.
 *
 * Exactness: the compiler knows a small set of keywords and spells each as
 * Ajv's generated code does with the options the contract is compiled with
 * (strict, strictNumbers, unicodeRegExp): `type` (integer: finite and whole; object: not a PyFloat, which
 * validate judges as the number it holds — schema-view.ts —, where Ajv on the raw value would see an object),
 * `required` (`!== undefined`), `properties`, `additionalProperties` (over
 * `for…in`, inherited enumerable keys included), `items`, `pattern` (the same
 * RegExp source with the `u` flag), primitive `enum`/`const` (`===`),
 * `minimum`/`maximum`/`exclusive*` (finite numbers only), `allOf`, `anyOf`,
 * `oneOf`, `not`, `if`/`then`/`else`. Any other keyword stops generation, so a
 * contract change cannot slip past it. Generation then runs every schema
 * example and conformance vector through both the new checkers and Ajv and
 * fails on any disagreement; test/validation/checkers.test.ts does the same
 * over generated mutations.
 *
 * A second set, `inOrderCheckers`, also requires every closed object's keys
 * to be exactly its declared ones in the schema's order, as Python writes
 * them: fromJson returns JSON.parse's result as it is only for such a
 * document. It is fromJson's alone (`validate` keeps the first set), so what
 * V8 learns while running it is the shape of the documents fromJson reads.
 */
import type Ajv2020 from 'ajv/dist/2020';
import { admitsType, type JsonSchema } from '../src/spec/json-schema';
import type { Contract } from './contract';
import { PyFloat } from '../src/pyjson/values';
import { inlineRefs } from './inline-refs';
import { agreementCases } from './validators';

/** Keywords a verdict does not read (inline-refs.ts drops the standard annotations already). */
const IGNORED = new Set(['$schema', '$id', 'x-reserved']);
const OBJECT_KEYWORDS = ['properties', 'required', 'additionalProperties'];
const NUMBER_KEYWORDS: Readonly<Record<string, string>> = {
  minimum: '>=',
  maximum: '<=',
  exclusiveMinimum: '>',
  exclusiveMaximum: '<',
};
const SUPPORTED = new Set([
  ...IGNORED,
  ...OBJECT_KEYWORDS,
  ...Object.keys(NUMBER_KEYWORDS),
  'type',
  'items',
  'pattern',
  'enum',
  'const',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
]);

/** What the code evaluating a schema already knows about the value `v`. */
interface Known {
  /** The value's JSON type, when an earlier test established it. */
  type?: string;
  /** Locals holding the object's properties, inside the object's own function. */
  props?: ReadonlyMap<string, string>;
  /** This schema's `additionalProperties` is checked by the enclosing function's key loop. */
  keysChecked?: boolean;
}

/** Ajv's type tests with strictNumbers (a non-finite number is neither number nor integer). */
function typeTest(type: string, subject: string): string {
  switch (type) {
    case 'string':
    case 'boolean':
      return `typeof ${subject} === "${type}"`;
    case 'null':
      return `${subject} === null`;
    case 'object':
      return (
        `typeof ${subject} === "object" && ${subject} !== null && ` +
        `!Array.isArray(${subject}) && !(${subject} instanceof PyFloat)`
      );
    case 'array':
      return `Array.isArray(${subject})`;
    case 'number':
      return `typeof ${subject} === "number" && isFinite(${subject})`;
    case 'integer':
      return `typeof ${subject} === "number" && isFinite(${subject}) && !(${subject} % 1)`;
    default:
      throw new Error(`checkers: unknown type ${JSON.stringify(type)}`);
  }
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function literal(value: unknown): string {
  return JSON.stringify(value);
}

class CheckerCompiler {
  private readonly declarations: string[] = [];
  /**
   * Every name the module declares. Names come from schema locations through identifier(), which maps several
   * property names to one (`a-b`, `a_b`): unique() numbers a taken one, and declare() refuses a duplicate, so no
   * declaration can replace another (a `function` declared twice keeps the last, silently).
   */
  private readonly used = new Set<string>();
  private readonly declared = new Set<string>();
  private readonly patterns = new Map<string, string>();
  /** Functions already emitted, by what they check (a subschema may recur: a DTO inside another). */
  private readonly emitted = new Map<string, string>();
  /** Compiling the in-order set (see generateCheckers). */
  private ordered = false;

  private get prefix(): string {
    return this.ordered ? 'inOrder' : 'check';
  }

  /** The module body: declarations, then per DTO a `checkX` and an `inOrderX`. */
  compile(schemas: ReadonlyArray<{ name: string; schema: JsonSchema }>): {
    body: string;
    checkers: Map<string, string>;
    inOrder: Map<string, string>;
  } {
    const sets = [false, true].map((ordered) => {
      this.ordered = ordered;
      return new Map(
        schemas.map(({ name, schema }) => [name, this.objectFunction(schema, `${this.prefix}${name}`, name)]),
      );
    });
    return { body: this.declarations.join('\n'), checkers: sets[0]!, inOrder: sets[1]! };
  }

  /** `base`, or `base$2`, `base$3`… when a declaration already holds it (as Ajv's Scope.name() numbers names). */
  private unique(base: string): string {
    let name = base;
    for (let counter = 2; this.used.has(name); counter++) name = `${base}$${counter}`;
    this.used.add(name);
    return name;
  }

  /** Adds a declaration of `name`, which unique() gave; a second declaration of one name fails generation. */
  private declare(name: string, text: string): void {
    const declared = /^(?:function|const) ([A-Za-z0-9_$]+)/.exec(text)?.[1];
    if (declared !== name || !this.used.has(name)) {
      throw new Error(`checkers: declaration of ${name} is not the name it was given (${String(declared)})`);
    }
    if (this.declared.has(name)) throw new Error(`checkers: ${name} is declared twice`);
    this.declared.add(name);
    this.declarations.push(text);
  }

  /** A boolean expression: `v` satisfies `schema`. `where` names the schema in errors and function names. */
  private expr(schema: unknown, subject: string, known: Known, where: string): string {
    if (schema === true) return 'true';
    if (schema === false) return 'false';
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
      throw new Error(`checkers: ${where} is not a schema`);
    const node = withoutNoOps(schema as JsonSchema);
    for (const keyword of Object.keys(node)) {
      if (!SUPPORTED.has(keyword))
        throw new Error(
          `checkers: keyword ${keyword} (at ${where}) is not supported; ` +
            'teach scripts/checkers.ts the keyword as Ajv spells it',
        );
    }
    const objectKeywords = OBJECT_KEYWORDS.some((k) => k in node);
    if (objectKeywords && (known.props === undefined || ('additionalProperties' in node && !known.keysChecked))) {
      return `${this.objectFunction(node, `${this.prefix}${where}`, where)}(${subject})`;
    }
    const parts: string[] = [];
    let type = known.type;
    if (node.type !== undefined) {
      const types = typeof node.type === 'string' ? [node.type] : (node.type as string[]);
      const implied = type !== undefined && admitsType(types, type);
      if (!implied) {
        parts.push(types.map((t) => `(${typeTest(t, subject)})`).join(' || '));
        if (types.length === 1) type = types[0];
      }
    }
    const here: Known = { type, props: known.props };
    if (node.enum !== undefined) {
      const values = node.enum as unknown[];
      if (!values.every(isPrimitive)) throw new Error(`checkers: enum of non-primitive values at ${where}`);
      parts.push(values.map((x) => `${subject} === ${literal(x)}`).join(' || '));
    }
    if ('const' in node) {
      if (!isPrimitive(node.const)) throw new Error(`checkers: const of a non-primitive value at ${where}`);
      parts.push(`${subject} === ${literal(node.const)}`);
    }
    if (typeof node.pattern === 'string') {
      const test = `${this.pattern(node.pattern)}.test(${subject})`;
      parts.push(type === 'string' ? test : `typeof ${subject} !== "string" || ${test}`);
    }
    for (const [keyword, op] of Object.entries(NUMBER_KEYWORDS)) {
      if (node[keyword] === undefined) continue;
      const limit = node[keyword];
      if (typeof limit !== 'number' || !Number.isFinite(limit))
        throw new Error(`checkers: ${keyword} at ${where} is not a finite number`);
      const test = `${subject} ${op} ${literal(limit)}`;
      parts.push(
        type === 'number' || type === 'integer'
          ? test
          : `!(typeof ${subject} === "number" && isFinite(${subject})) || ${test}`,
      );
    }
    if (node.items !== undefined) {
      const call = `${this.arrayFunction(node.items, where)}(${subject})`;
      parts.push(type === 'array' ? call : `!Array.isArray(${subject}) || ${call}`);
    }
    if (objectKeywords) parts.push(this.objectKeywords(node, subject, here, where));
    if (node.allOf !== undefined) {
      for (const [index, sub] of (node.allOf as unknown[]).entries())
        parts.push(this.expr(sub, subject, here, `${where}$allOf${index}`));
    }
    if (node.anyOf !== undefined) {
      parts.push(
        (node.anyOf as unknown[])
          .map((sub, i) => `(${this.expr(sub, subject, here, `${where}$anyOf${i}`)})`)
          .join(' || '),
      );
    }
    if (node.oneOf !== undefined) {
      const count = (node.oneOf as unknown[])
        .map((sub, i) => `((${this.expr(sub, subject, here, `${where}$oneOf${i}`)}) ? 1 : 0)`)
        .join(' + ');
      parts.push(`${count} === 1`);
    }
    if (node.not !== undefined) parts.push(`!(${this.expr(node.not, subject, here, `${where}$not`)})`);
    if (node.if !== undefined && (node.then !== undefined || node.else !== undefined)) {
      const cond = this.expr(node.if, subject, here, `${where}$if`);
      const then = node.then === undefined ? 'true' : this.expr(node.then, subject, here, `${where}$then`);
      const otherwise = node.else === undefined ? 'true' : this.expr(node.else, subject, here, `${where}$else`);
      parts.push(`(${cond}) ? (${then}) : (${otherwise})`);
    }
    if (parts.length === 0) return 'true';
    return parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(' && ');
  }

  /** `required` and `properties` of an object whose property locals (or accessors) are known. */
  private objectKeywords(schema: JsonSchema, subject: string, known: Known, where: string): string {
    const props = known.props!;
    const access = (name: string): string => props.get(name) ?? `${subject}[${literal(name)}]`;
    const parts: string[] = [];
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const name of required) parts.push(`${access(name)} !== undefined`);
    for (const [name, sub] of Object.entries((schema.properties as JsonSchema | undefined) ?? {})) {
      const value = access(name);
      const test = this.expr(sub, value, {}, `${where}$${identifier(name)}`);
      if (test === 'true') continue;
      parts.push(required.has(name) ? test : `${value} === undefined || (${test})`);
    }
    // An object that is not the function's own value: `required`/`properties` apply to objects only.
    return parts.length === 0 ? 'true' : parts.map((p) => `(${p})`).join(' && ');
  }

  /**
   * `function name(d)`: the schema over one object, each property read once
   * into a local. A value that is not an object gets the schema's other
   * keywords (object keywords do not apply to it, as in Ajv).
   */
  private objectFunction(schema: JsonSchema, base: string, where: string): string {
    const checked = Object.fromEntries(Object.entries(schema).filter(([k]) => !IGNORED.has(k)));
    const signature = `${this.prefix} object ${JSON.stringify(checked)}`;
    const existing = this.emitted.get(signature);
    if (existing !== undefined) return existing;
    const name = this.unique(base);
    this.emitted.set(signature, name);
    const declared = Object.keys((schema.properties as JsonSchema | undefined) ?? {});
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const names = [...new Set([...declared, ...required])];
    const props = new Map(names.map((n, i) => [n, `p${i}`]));
    const withoutObjectKeywords = Object.fromEntries(
      Object.entries(schema).filter(([k]) => !OBJECT_KEYWORDS.includes(k)),
    );
    const notObject = schema.type === 'object' ? 'false' : this.expr(withoutObjectKeywords, 'd', {}, where);
    const lines = [
      `function ${name}(d) {`,
      `  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return ${notObject};`,
    ];
    const closed =
      schema.additionalProperties === false &&
      declared.length > 0 &&
      names.length === declared.length &&
      declared.every((n) => required.has(n));
    if (props.size > 0)
      lines.push(`  const ${[...props].map(([n, local]) => `${local} = d[${literal(n)}]`).join(', ')};`);
    if (this.ordered && closed) {
      // Exactly the declared keys, in the schema's order.
      lines.push(
        '  let i = 0;',
        `  for (const k in d) if (k !== ${this.keyList(name, declared)}[i++]) return false;`,
        `  if (i !== ${declared.length}) return false;`,
      );
    } else {
      lines.push(...this.keyLoop(schema, name, where));
    }
    lines.push(`  return ${this.expr(schema, 'd', { type: 'object', props, keysChecked: true }, where)};`, '}');
    this.declare(name, lines.join('\n'));
    return name;
  }

  /** `const name$keys = [...]`: the declared property names in the schema's order. */
  private keyList(name: string, declared: string[]): string {
    const existing = this.emitted.get(`keys of ${name}`);
    if (existing !== undefined) return existing;
    const keys = this.unique(`${name}$keys`);
    this.emitted.set(`keys of ${name}`, keys);
    this.declare(keys, `const ${keys} = ${literal(declared)};`);
    return keys;
  }

  /**
   * The `for…in` over the object's keys that `additionalProperties` needs (none
   * when it allows anything). A key in the schema's order (what Python writes)
   * costs one comparison; any other goes to a `switch` on its name.
   */
  private keyLoop(schema: JsonSchema, name: string, where: string): string[] {
    const additional = schema.additionalProperties;
    if (additional === undefined || additional === true) return [];
    const declared = Object.keys((schema.properties as JsonSchema | undefined) ?? {});
    const lines: string[] = [];
    let isDeclared = 'false';
    if (declared.length > 0) {
      const member = this.unique(`${name}$declared`);
      this.declare(
        member,
        [
          `function ${member}(k) {`,
          '  switch (k) {',
          ...declared.map((k) => `    case ${literal(k)}:`),
          '      return true;',
          '    default:',
          '      return false;',
          '  }',
          '}',
        ].join('\n'),
      );
      lines.push('  let i = 0;');
      isDeclared = `(k === ${this.keyList(name, declared)}[i++] || ${member}(k))`;
    }
    if (additional === false) {
      lines.push(`  for (const k in d) if (!${isDeclared}) return false;`);
    } else {
      const test = this.expr(additional, 'x', {}, `${where}$additionalProperties`);
      if (test === 'true') return [];
      const skip = declared.length > 0 ? [`    if (${isDeclared}) continue;`] : [];
      lines.push(`  for (const k in d) {`, ...skip, `    const x = d[k];`, `    if (!(${test})) return false;`, '  }');
    }
    return lines;
  }

  /** `function checkEach…(a)`: every item of the array at `where` satisfies `items`. */
  private arrayFunction(items: unknown, where: string): string {
    const signature = `${this.prefix} array ${JSON.stringify(items)}`;
    const existing = this.emitted.get(signature);
    if (existing !== undefined) return existing;
    const name = this.unique(`${this.prefix}Each${where}`);
    this.emitted.set(signature, name);
    const test = this.expr(items, 'x', {}, `${where}$items`);
    this.declare(
      name,
      [
        `function ${name}(a) {`,
        '  for (let i = 0; i < a.length; i++) {',
        '    const x = a[i];',
        `    if (!(${test})) return false;`,
        '  }',
        '  return true;',
        '}',
      ].join('\n'),
    );
    return name;
  }

  /** One RegExp per pattern source, with Ajv's `u` flag. */
  private pattern(source: string): string {
    let name = this.patterns.get(source);
    if (name === undefined) {
      name = this.unique(`pattern${this.patterns.size}`);
      new RegExp(source, 'u'); // a bad pattern fails here, at generation
      this.patterns.set(source, name);
      this.declare(name, `const ${name} = new RegExp(${literal(source)}, "u");`);
    }
    return name;
  }
}

/** The schema without keywords that constrain nothing (`additionalProperties: true`). */
function withoutNoOps(schema: JsonSchema): JsonSchema {
  if (schema.additionalProperties !== true) return schema;
  const { additionalProperties: _allowed, ...rest } = schema;
  return rest;
}

function identifier(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

type CheckerTable = Readonly<Record<string, (value: unknown) => boolean>>;

interface CheckerModule {
  /** The generated/checkers.ts text (after the banner). */
  source: string;
  /** The same functions, evaluated here (build time only) for the agreement check. */
  load(): { checkers: CheckerTable; inOrder: CheckerTable };
}

export function generateCheckers(contract: Contract): CheckerModule {
  const inlined = inlineRefs(contract);
  const schemas = contract.dtos.map((dto, i) => ({ name: dto.title, schema: inlined[i]! }));
  const { body, checkers, inOrder } = new CheckerCompiler().compile(schemas);
  const names = [...checkers.keys()];
  const table = (fns: Map<string, string>): string => `{\n${names.map((n) => `  ${n}: ${fns.get(n)},`).join('\n')}\n}`;
  const type = `Readonly<Record<${names.map((n) => `'${n}'`).join(' | ')}, Checker>>`;
  const source = [
    '/* eslint-disable */',
    '// @ts-nocheck — generated JavaScript; its verdicts are checked against Ajv by scripts/checkers.ts and ' +
      'test/validation/checkers.test.ts',
    '',
    '// A PyFloat (a Python float read by parsePythonJson) is the number it holds, never an object (schema-view.ts).',
    "import { PyFloat } from '../src/pyjson/values';",
    '',
    body,
    '',
    "/** A DTO's verdict: true when the value satisfies the contract's schema. */",
    'export type Checker = (value: unknown) => boolean;',
    '',
    '/** One fast verdict per DTO (the diagnosers in generated/diagnosers.ts explain a false one). */',
    `export const checkers: ${type} = Object.freeze(${table(checkers)});`,
    '',
    '/**',
    " * The verdict of `checkers`, and every closed object's keys exactly in the",
    " * schema's order (what Python writes). False says nothing about validity.",
    ' */',
    `export const inOrderCheckers: ${type} = Object.freeze(${table(inOrder)});`,
    '',
  ].join('\n');
  return {
    source,
    load: () =>
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- build time: the generated code, beside Ajv
      new Function(
        'PyFloat',
        `"use strict";\n${body}\nreturn { checkers: ${table(checkers)}, inOrder: ${table(inOrder)} };`,
      )(PyFloat) as {
        checkers: CheckerTable;
        inOrder: CheckerTable;
      },
  };
}

/**
 * Fails generation when the checkers and Ajv judge any example or vector
 * differently, or the in-order set accepts a document the checkers reject.
 */
export function assertAgreesWithAjv(
  contract: Contract,
  loaded: { checkers: CheckerTable; inOrder: CheckerTable },
  ajv: Ajv2020,
): void {
  const ids = new Map(contract.dtos.map((d) => [d.title, d.id]));
  for (const { dto, document, where } of agreementCases(contract)) {
    const fast = loaded.checkers[dto]!(document);
    const reference = ajv.getSchema(ids.get(dto)!)!(document);
    if (fast !== reference) {
      throw new Error(
        `generated checker and Ajv disagree on ${where} (checker ${fast}, Ajv ${reference}): fix scripts/checkers.ts`,
      );
    }
    if (loaded.inOrder[dto]!(document) && !reference)
      throw new Error(`the in-order checker accepts ${where}, which Ajv rejects: fix scripts/checkers.ts`);
  }
}
