/**
 * Stage 3 — generate precompiled validators: Ajv's standalone code for every
 * DTO, so the runtime compiles nothing and never calls `new Function` (it runs
 * under a strict Content-Security-Policy). Two sets from the same schemas:
 * `checkers` stop at the first error (the fast verdict); `diagnosers` collect
 * every error with data and schema attached, built only when first needed.
 * The checkers are compiled from the DTO schemas with their `$ref`s inlined
 * (scripts/inline-refs.ts) and without error messages: a verdict needs
 * neither, and both cost time on every call. Both sets must agree on every
 * schema example and conformance vector, or generation fails.
 */
import Ajv2020 from 'ajv/dist/2020';
import standalone from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract, JsonSchema } from './contract';
import { inlineRefs } from './inline-refs';

function compile(contract: Contract, diagnose: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: diagnose,
    verbose: diagnose,
    messages: diagnose,
    allowUnionTypes: true, // `type: ["string", "null"]` is how the contract spells nullable
    // The contract uses neither unevaluated* nor $dynamicRef (strict mode would refuse them
    // unknown); without them Ajv drops the per-call bookkeeping for evaluated properties.
    unevaluated: false,
    dynamicRef: false,
    code: { source: true, esm: false, lines: true },
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-reserved', schemaType: 'object', metaSchema: { type: 'object', additionalProperties: { type: 'string' } } }); // removed fields (name → why): an annotation the compat gate enforces
  if (diagnose) {
    ajv.addSchema(contract.common.schema);
    for (const dto of contract.dtos) ajv.addSchema(dto.schema);
  } else {
    for (const schema of inlineRefs(contract)) ajv.addSchema(schema);
  }
  return ajv;
}

function standaloneCode(contract: Contract, ajv: Ajv2020): string {
  const code = standalone(ajv, Object.fromEntries(contract.dtos.map((d) => [d.title, d.id])));
  // A runtime helper (formats, ucs2length, deep equal) would arrive as require():
  // CommonJS only, and a different module in ESM. Refuse rather than ship it.
  const required = code.match(/require\([^)]*\)/g);
  if (required) {
    throw new Error(
      `standalone validators need runtime modules ${[...new Set(required)].join(', ')}; ` +
        'scripts/validators.ts must import them for both ESM and CommonJS before the contract can use that keyword',
    );
  }
  return code;
}

/**
 * Ajv's standalone code appends the errors of a called validator with
 * `vErrors = vErrors === null ? f.errors : vErrors.concat(f.errors)`, which
 * copies every error collected so far once per failing array item: quadratic
 * in the number of failing items (16,000 bad participants, a 1.2 MB document,
 * took 4.4 s in the diagnoser alone). Appending in place is linear.
 */
function appendErrorsInPlace(code: string): string {
  const concat = /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g;
  const out = code.replace(concat, (_m, f: string) => `if (vErrors === null) vErrors = ${f}.errors.slice(); else for (const e of ${f}.errors) vErrors.push(e);`);
  if (/vErrors\.concat\(/.test(out)) throw new Error('Ajv standalone output appends errors in a way scripts/validators.ts does not know: update appendErrorsInPlace');
  return out;
}

/** A module body: standalone CommonJS code run inside a function, so the same file works as ESM and CJS. */
function scoped(code: string): string {
  const body = code.replace(/^"use strict";\n?/, '');
  return `const module = { exports: {} as Record<string, unknown> };\nconst exports = module.exports;\n${body}\nreturn module.exports;`;
}

/** The documents both validator sets must judge alike: every schema example and conformance vector. */
function agreementCases(contract: Contract): { dto: string; document: unknown; where: string }[] {
  const cases: { dto: string; document: unknown; where: string }[] = [];
  for (const dto of contract.dtos) {
    for (const [i, example] of ((dto.schema.examples as unknown[]) ?? []).entries()) {
      cases.push({ dto: dto.title, document: example, where: `${dto.file} examples[${i}]` });
    }
    for (const kind of ['valid', 'invalid']) {
      const dir = join(contract.dir, 'vectors', dto.title, kind);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
        const { document } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonSchema;
        cases.push({ dto: dto.title, document, where: `vectors/${dto.title}/${kind}/${file}` });
      }
    }
  }
  return cases;
}

function checkAgreement(contract: Contract, checkers: Ajv2020, diagnosers: Ajv2020): void {
  for (const { dto, document, where } of agreementCases(contract)) {
    const id = contract.dtos.find((d) => d.title === dto)!.id;
    const fast = checkers.getSchema(id)!(document);
    const full = diagnosers.getSchema(id)!(document);
    if (fast !== full) {
      throw new Error(`inlined checker and diagnoser disagree on ${where} (${fast} vs ${full}): see scripts/inline-refs.ts`);
    }
  }
}

/**
 * Two modules: the checkers, loaded with the package, and the diagnosers in a
 * file of their own that the runtime loads on the first invalid document, so
 * importing the package parses only the code a valid document needs.
 */
export function generateValidatorModules(contract: Contract): { checkers: string; diagnosers: string } {
  const names = contract.dtos.map((d) => d.title);
  const checkers = compile(contract, false);
  const diagnosers = compile(contract, true);
  const checkersCode = standaloneCode(contract, checkers);
  const diagnosersCode = appendErrorsInPlace(standaloneCode(contract, diagnosers));
  checkAgreement(contract, checkers, diagnosers);
  const header = ['/* eslint-disable */', '// @ts-nocheck — Ajv standalone output', `import type { ValidateFunction } from 'ajv';`, ''];
  const type = `Readonly<Record<${names.map((n) => `'${n}'`).join(' | ')}, ValidateFunction>>`;
  return {
    checkers: [
      ...header,
      `export type DtoValidators = ${type};`,
      '',
      '/** First-error verdicts, one per DTO. */',
      'export const checkers: DtoValidators = (function () {',
      scoped(checkersCode),
      '})();',
      '',
    ].join('\n'),
    diagnosers: [
      ...header,
      '/** All-errors validators with data and schemas in each error, one per DTO. */',
      `export const diagnosers: ${type} = (function () {`,
      scoped(diagnosersCode),
      '})();',
      '',
    ].join('\n'),
  };
}
