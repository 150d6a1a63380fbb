/**
 * Stage 3 — generate the schemas module: the contract as data the runtime
 * imports (no file system access at run time, bundler friendly).
 */
import type { Contract } from './contract';

export function generateSchemasModule(contract: Contract): string {
  const names = contract.dtos.map((d) => d.title);
  const lines = [
    `import type { JsonSchema } from '../src/spec/json-schema';`,
    '',
    `/** Major version of the contract, carried by every schema's $id. */`,
    `export const CONTRACT_VERSION = ${contract.version} as const;`,
    '',
    `/** The DTOs the contract defines. */`,
    `export const DTO_NAMES = ${JSON.stringify(names)} as const;`,
    '',
    `export type DtoName = (typeof DTO_NAMES)[number];`,
    '',
    `/** Shared definitions referenced by the DTO schemas (${contract.common.file}). */`,
    `export const commonSchema: JsonSchema = ${JSON.stringify(contract.common.schema, null, 2)};`,
    '',
    `/** DTO name → its JSON Schema, exactly as in contract/. */`,
    `export const schemas: Readonly<Record<DtoName, JsonSchema>> = {`,
    ...contract.dtos.map((d) => `  ${d.title}: ${indent(JSON.stringify(d.schema, null, 2))},`),
    `};`,
    '',
  ];
  return lines.join('\n');
}

function indent(text: string): string {
  return text.replace(/\n/g, '\n  ');
}
