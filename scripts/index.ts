/**
 * `npm run generate` / `npm run check:generated`.
 * load (contract.ts) → normalize (normalize.ts, inline-refs.ts) → generate
 * (typescript.ts, schemas-module.ts, checkers.ts, validators.ts,
 * python-package.ts) → emit (emit.ts).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContract } from './contract';
import { typeSources } from './normalize';
import { generateTypes } from './typescript';
import { generateSchemasModule } from './schemas-module';
import { assertAgreesWithAjv, generateCheckers } from './checkers';
import { contractAjv, generateDiagnosers } from './validators';
import { generatePythonPackage } from './python-package';
import { banner, emit, type GeneratedFile } from './emit';

const ROOT = resolve(__dirname, '..');

async function buildGeneratedFiles(root = ROOT): Promise<GeneratedFile[]> {
  const contract = loadContract(join(root, 'contract'));
  const sources = ['contract/' + contract.common.file, ...contract.dtos.map((d) => 'contract/' + d.file)];
  const ajv = contractAjv(contract);
  const diagnosers = generateDiagnosers(contract, ajv);
  const checkers = generateCheckers(contract);
  assertAgreesWithAjv(contract, checkers.load(), ajv);
  const types = await generateTypes(
    typeSources(contract),
    contract.dtos.map((d) => d.title),
  );
  return [
    { path: join(root, 'generated/types.ts'), content: `${banner('//', sources)}\n\n${types}` },
    {
      path: join(root, 'generated/schemas.ts'),
      content: `${banner('//', sources)}\n\n${generateSchemasModule(contract)}`,
    },
    { path: join(root, 'generated/checkers.ts'), content: `${banner('//', sources)}\n${checkers.source}` },
    { path: join(root, 'generated/diagnosers.ts'), content: `${banner('//', sources)}\n${diagnosers}` },
    ...generatePythonPackage(contract, root, sources),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, root: { type: 'string', default: ROOT } },
  });
  const check = values.check ?? false;
  const root = resolve(values.root ?? ROOT);
  const drifted = emit(await buildGeneratedFiles(root), root, check);
  if (check && drifted.length > 0) {
    console.error(
      `generated/ is stale against contract/; run \`npm run generate\`. Drifted:\n  ${drifted.join('\n  ')}`,
    );
    process.exitCode = 1;
  } else if (check) {
    console.log('generated/ matches contract/.');
  } else {
    console.log(drifted.length ? `wrote ${drifted.join(', ')}` : 'generated/ already up to date.');
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  });
}
