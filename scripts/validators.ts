/**
 * Stage 3 — generate the diagnosing validators (generated/diagnosers.ts):
 * Ajv's standalone code for every DTO, all errors collected with data and
 * schema attached, so the runtime compiles nothing and never calls
 * `new Function` (it runs under a strict Content-Security-Policy). They explain
 * a document the fast checkers (scripts/checkers.ts) rejected, and Ajv is the
 * reference those checkers are held to: generation fails when the two
 * disagree on any schema example or conformance vector.
 */
import Ajv2020 from 'ajv/dist/2020';
import standalone from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from '../src/spec/json-schema';
import type { Contract } from './contract';

/** Ajv with the whole contract, as the diagnosers are compiled (the reference verdicts). */
export function contractAjv(contract: Contract): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    verbose: true,
    messages: true,
    allowUnionTypes: true, // `type: ["string", "null"]` is how the contract spells nullable
    // The contract uses neither unevaluated* nor $dynamicRef (strict mode would refuse them
    // unknown); without them Ajv drops the per-call bookkeeping for evaluated properties.
    unevaluated: false,
    dynamicRef: false,
    code: { source: true, esm: false, lines: true },
  });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'x-reserved',
    schemaType: 'object',
    metaSchema: { type: 'object', additionalProperties: { type: 'string' } },
  }); // removed fields (name → why): an annotation the compat gate enforces
  ajv.addSchema(contract.common.schema);
  for (const dto of contract.dtos) ajv.addSchema(dto.schema);
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
  const out = code.replace(
    concat,
    (_m, f: string) =>
      `if (vErrors === null) vErrors = ${f}.errors.slice(); else for (const e of ${f}.errors) vErrors.push(e);`,
  );
  if (/vErrors\.concat\(/.test(out))
    throw new Error(
      'Ajv standalone output appends errors in a way scripts/validators.ts does not know: update appendErrorsInPlace',
    );
  return out;
}

/** A module body: standalone CommonJS code run inside a function, so the same file works as ESM and CJS. */
function scoped(code: string): string {
  const body = code.replace(/^"use strict";\n?/, '');
  return (
    'const module = { exports: {} as Record<string, unknown> };\nconst exports = module.exports;\n' +
    `${body}\nreturn module.exports;`
  );
}

/** The documents the fast checkers and Ajv must judge alike: every schema example and conformance vector. */
export function agreementCases(contract: Contract): { dto: string; document: unknown; where: string }[] {
  const cases: { dto: string; document: unknown; where: string }[] = [];
  for (const dto of contract.dtos) {
    for (const [index, example] of ((dto.schema.examples as unknown[]) ?? []).entries()) {
      cases.push({ dto: dto.title, document: example, where: `${dto.file} examples[${index}]` });
    }
    for (const kind of ['valid', 'invalid']) {
      const dir = join(contract.dir, 'vectors', dto.title, kind);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const { document } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonSchema;
        cases.push({ dto: dto.title, document, where: `vectors/${dto.title}/${kind}/${file}` });
      }
    }
  }
  return cases;
}

/** The diagnosers module (after the banner). */
export function generateDiagnosers(contract: Contract, ajv: Ajv2020 = contractAjv(contract)): string {
  const names = contract.dtos.map((d) => d.title);
  const code = appendErrorsInPlace(standaloneCode(contract, ajv));
  const type = `Readonly<Record<${names.map((n) => `'${n}'`).join(' | ')}, ValidateFunction>>`;
  return [
    '/* eslint-disable */',
    '// @ts-nocheck — Ajv standalone output',
    `import type { ValidateFunction } from 'ajv';`,
    '',
    `export type DtoValidators = ${type};`,
    '',
    '/** All-errors validators with data and schemas in each error, one per DTO. */',
    'export const diagnosers: DtoValidators = (function () {',
    scoped(code),
    '})();',
    '',
  ].join('\n');
}
