/**
 * The native ES module build (`npm run compile`, after the CommonJS one) into dist/esm/ (a `{"type":"module"}`
 * folder):
 * - JavaScript: esbuild bundles every entry of package.json "exports" from its TypeScript source (src/index.ts,
 *   src/entries/*.ts) with code splitting: one file per entry plus chunks shared between entries, so an object the
 *   root and /validation both export is one object. Dependencies and Node built-ins stay imports. A program that
 *   imports an entry loads a handful of files instead of ~45 modules (cold start of the root: see BENCHMARKS.md,
 *   "Cold start, bundle size"); bundlers still drop what a program does not reach (plain ES modules, no top-level
 *   side effects: `sideEffects: false`). An on-demand `require` of a bundled module (the diagnosers) becomes a lazy
 *   initialiser, as in the CommonJS build.
 * - Declarations: TypeScript emits them per file; the sources' extensionless relative imports ('./codec') are
 *   rewritten to the file they name ('./codec/index.js'), which TypeScript's nodenext resolution of an ES module's
 *   .d.ts requires. The specifiers are found by TypeScript's own scanner (ts.preProcessFile: static imports,
 *   re-exports, import() and import types), never by a regular expression; one that resolves to no emitted file
 *   fails the build.
 *
 * Two builds load as two module instances when one process both imports and requires the package; the error
 * classes answer `instanceof` across both (src/errors.ts), and the package holds no shared mutable state.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
export const ESM_DIR = join(ROOT, 'dist', 'esm');

/** `text` with every relative module specifier replaced by the emitted file it names (`.js`, or `/index.js`). */
export function withFullSpecifiers(file: string, text: string, exists: (path: string) => boolean): string {
  const isDeclaration = file.endsWith('.d.ts');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  let out = '';
  let at = 0;
  for (const ref of importedFiles) {
    const spec = ref.fileName;
    if (!spec.startsWith('./') && !spec.startsWith('../')) continue;
    const base = join(dirname(file), spec);
    const probe = (stem: string): boolean => exists(isDeclaration ? `${stem}.d.ts` : `${stem}.js`);
    const full = probe(base) ? `${spec}.js` : probe(join(base, 'index')) ? `${spec}/index.js` : undefined;
    if (full === undefined) throw new Error(`${relative(ROOT, file)}: '${spec}' resolves to no emitted module`);
    // ref.pos is where the quoted specifier starts (at its quote, in TypeScript 5.9)
    const start = text.indexOf(spec, ref.pos);
    if (start < 0 || start > ref.pos + 1)
      throw new Error(`${relative(ROOT, file)}: '${spec}' not found where TS saw it`);
    out += text.slice(at, start) + full;
    at = start + spec.length;
  }
  return out + text.slice(at);
}

/** The source of each code entry of package.json "exports" (from its CommonJS target: dist/src/… → src/….ts). */
export function entrySources(root = ROOT): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  return Object.values(pkg.exports).flatMap((target) => {
    const cjs = (target as { require?: { default?: string } }).require?.default;
    return cjs ? [join(root, cjs.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'))] : [];
  });
}

function emitDeclarations(outDir: string): string[] {
  const configPath = join(ROOT, 'tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const options: ts.CompilerOptions = {
    ...config.options,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    outDir,
    declaration: true,
    emitDeclarationOnly: true,
    sourceMap: false,
  };
  const program = ts.createProgram(config.fileNames, options);
  const emitted = new Map<string, string>();
  const result = program.emit(undefined, (file, text) => emitted.set(resolve(file), text));
  const problems = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  if (problems.length) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
    throw new Error(ts.formatDiagnostics(problems, host));
  }
  const exists = (path: string): boolean => emitted.has(resolve(path));
  for (const [file, text] of emitted) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, withFullSpecifiers(file, text, exists));
  }
  return [...emitted.keys()];
}

export function buildEsm(outDir = ESM_DIR): string[] {
  rmSync(outDir, { recursive: true, force: true });
  const bundled = buildSync({
    entryPoints: entrySources(),
    outbase: ROOT,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    tsconfig: join(ROOT, 'tsconfig.build.json'),
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const declarations = emitDeclarations(outDir);
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: 'module', sideEffects: false })}\n`);
  if (!existsSync(join(outDir, 'src', 'index.js'))) throw new Error('dist/esm/src/index.js was not emitted');
  return [...Object.keys(bundled.metafile.outputs).map((f) => resolve(ROOT, f)), ...declarations];
}

if (require.main === module) {
  try {
    console.log(`dist/esm: ${buildEsm().length} files`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
