/**
 * `npm run bench [filter]`: runs every bench/*.bench.ts (or those whose name
 * contains the filter) in this process and prints one report.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { Report, type BenchFile } from './harness';

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort();
  const report = new Report();
  console.log(`node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()}`);
  for (const file of files) {
    console.log(`running ${file}…`);
    const mod = (await import(join(__dirname, file))) as { default: BenchFile };
    await mod.default(report);
  }
  report.print();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
