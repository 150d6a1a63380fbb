/**
 * Stage 3 — generate precompiled validators: Ajv's standalone code for every
 * DTO, so the runtime compiles nothing and never calls `new Function` (it runs
 * under a strict Content-Security-Policy). Two sets from the same schemas:
 * `checkers` stop at the first error (the fast verdict); `diagnosers` collect
 * every error with data and schema attached, built only when first needed.
 */
import Ajv2020 from 'ajv/dist/2020';
import standalone from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import type { Contract } from './contract';

function standaloneCode(contract: Contract, diagnose: boolean): string {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: diagnose,
    verbose: diagnose,
    allowUnionTypes: true, // `type: ["string", "null"]` is how the contract spells nullable
    code: { source: true, esm: false, lines: true },
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-reserved', schemaType: 'object', metaSchema: { type: 'object', additionalProperties: { type: 'string' } } }); // removed fields (name → why): an annotation the compat gate enforces
  ajv.addSchema(contract.common.schema);
  for (const dto of contract.dtos) ajv.addSchema(dto.schema);
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

/** A module body: standalone CommonJS code run inside a function, so the same file works as ESM and CJS. */
function scoped(code: string): string {
  const body = code.replace(/^"use strict";\n?/, '');
  return `const module = { exports: {} as Record<string, unknown> };\nconst exports = module.exports;\n${body}\nreturn module.exports;`;
}

export function generateValidatorsModule(contract: Contract): string {
  const names = contract.dtos.map((d) => d.title);
  return [
    '/* eslint-disable */',
    '// @ts-nocheck — Ajv standalone output',
    `import type { ValidateFunction } from 'ajv';`,
    '',
    `export type DtoValidators = Readonly<Record<${names.map((n) => `'${n}'`).join(' | ')}, ValidateFunction>>;`,
    '',
    '/** First-error verdicts, one per DTO. */',
    'export const checkers: DtoValidators = (function () {',
    scoped(standaloneCode(contract, false)),
    '})();',
    '',
    'let diagnoseSet: DtoValidators | undefined;',
    '',
    '/** All-errors validators with data and schemas in each error; built on first use. */',
    'export function diagnosers(): DtoValidators {',
    '  return (diagnoseSet ??= (function () {',
    scoped(standaloneCode(contract, true)),
    '  })());',
    '}',
    '',
  ].join('\n');
}
