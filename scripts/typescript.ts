/**
 * Stage 3 — generate TypeScript: one json-schema-to-typescript compile per
 * declared type, concatenated in a fixed order.
 */
import { compile } from 'json-schema-to-typescript';
import type { TypeSource } from './normalize';

export async function generateTypes(sources: TypeSource[], dtoNames: string[]): Promise<string> {
  const parts: string[] = [];
  for (const source of sources) {
    const code = await compile(source.schema as never, source.name, {
      bannerComment: '',
      additionalProperties: false,
      declareExternallyReferenced: false,
      unreachableDefinitions: false,
      strictIndexSignatures: false,
      format: true,
      style: { singleQuote: true, printWidth: 110 },
    });
    parts.push(code.trim());
  }
  parts.push(dtoTypeMap(dtoNames));
  return parts.join('\n\n') + '\n';
}

/** DTO name → its interface, so runtime functions can be typed by name. */
function dtoTypeMap(dtoNames: string[]): string {
  const members = dtoNames.map((name) => `  ${name}: ${name};`);
  return [
    '/** Each DTO name of the contract with its interface. */',
    'export interface DtoTypes {',
    ...members,
    '}',
  ].join('\n');
}
