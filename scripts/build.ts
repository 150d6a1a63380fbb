/**
 * The package's JavaScript and declarations (`npm run compile`, after `npm run generate`), two builds of the same
 * sources, laid out as package.json "exports" names them:
 * - CommonJS (`require`): dist/src/index.js, dist/src/entries/*.js, the CLI dist/src/cli/main.js; shared code in
 *   dist/chunks/; declarations beside the entries (dist/src/**, dist/generated/**), as tsc lays them out.
 * - ES modules (`import`): dist/esm/src/index.js, dist/esm/src/entries/*.js; shared code in dist/esm/chunks/;
 *   declarations under dist/esm/ with full relative specifiers; dist/esm/package.json says `"type": "module"`.
 *
 * Cold start is mostly loading files (BENCHMARKS.md, "Cold start, bundle size"), so each build is a few large files
 * instead of ~45 modules. esbuild bundles, and this script decides where each source module goes (the same for
 * both builds), from which entries reach it through static imports:
 * - chunks/validation.js: every module `./validation` reaches;
 * - chunks/core.js: every other module the root reaches;
 * - chunks/extra.js: every other module another driver-free entry (pyjson, timestamps, datastore, consistency,
 *   monitoring) reaches;
 * - chunks/node.js: every other module two or more Node-only entries (compat, sqlite, redis, the CLI) reach;
 * - an entry's own file: what only that entry reaches, plus its exports.
 * A module therefore lives in exactly one file: one class per error, so `instanceof` holds across entries. A chunk
 * exports every export of every module in it (a name two modules export is given a `$N` alias); an import of such a
 * module from another file is replaced by a tiny module re-exporting its names from the chunk. The root loads
 * three files (entry, core, validation), `./validation` two. The chunks must not import what their entries must not
 * load: validation and core only the package's dependencies (no Node built-in, no optional peer: they run in
 * browsers), node no optional peer; the build fails otherwise.
 *
 * The on-demand `require` of the generated diagnosers (src/validation/compiled.ts) stays on demand: in the
 * CommonJS build a file of its own, chunks/diagnosers.js, required on the first invalid document; in the ES module
 * build (no synchronous import) esbuild makes the bundled module a lazy initialiser inside chunks/validation.js.
 * The CLI's dynamic imports of a Node-only entry's module (the SQLite and Redis readers) load that entry's file.
 *
 * Declarations: TypeScript emits them once per file; the ES module copy has the sources' extensionless relative
 * specifiers ('./codec') rewritten to the file they name ('./codec/index.js'), which TypeScript's nodenext
 * resolution of an ES module's .d.ts requires. The specifiers are found by TypeScript's own scanner
 * (ts.preProcessFile: static imports, re-exports, import() and import types), never by a regular expression; one
 * that resolves to no emitted file fails the build.
 *
 * Two builds load as two module instances when one process both imports and requires the package; the error
 * classes answer `instanceof` across both (src/errors.ts), and the package holds no shared mutable state.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
export const DIST_DIR = join(ROOT, 'dist');

type Format = 'esm' | 'cjs';

type PackageJson = {
  exports: Record<string, { import?: { default?: string }; require?: { default?: string } } | string>;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** A file the build writes from one source entry: a package.json export (or the CLI). */
export interface Entry {
  /** './validation', '.', or 'bin' for the CLI. */
  name: string;
  /** Absolute path of its TypeScript source. */
  source: string;
  /** Output path relative to the build's folder, per format (undefined: not in that build). */
  out: Partial<Record<Format, string>>;
}

/** Entries that run anywhere (no Node built-in, no driver). `./validation` has its own chunk. */
const DRIVER_FREE = ['.', './validation', './pyjson', './timestamps', './datastore', './consistency', './monitoring'];

function readPackage(root: string): PackageJson {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
}

/** The source of a dist/src/… target (dist/src/x.js → src/x.ts). */
const sourceOf = (root: string, target: string): string =>
  join(root, target.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'));

/** Every code entry of package.json "exports", and the CLI of "bin" (CommonJS only). */
export function packageEntries(root = ROOT): Entry[] {
  const pkg = readPackage(root);
  const entries: Entry[] = [];
  for (const [name, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string' || !target.require?.default) continue;
    const cjs = target.require.default.replace(/^\.\/dist\//, '');
    const esm = target.import?.default?.replace(/^\.\/dist\/esm\//, '');
    entries.push({ name, source: sourceOf(root, target.require.default), out: { cjs, esm } });
  }
  for (const target of new Set(Object.values(pkg.bin))) {
    entries.push({ name: 'bin', source: sourceOf(root, target), out: { cjs: target.replace(/^\.\/dist\//, '') } });
  }
  return entries;
}

/** Where a source module goes: a shared chunk, or the one entry that reaches it. */
type Home = { chunk: string } | { entry: Entry };

/** A chunk's name (its file is chunks/<name>.js) and the modules in it, in a stable order. */
interface Chunk {
  name: string;
  modules: string[];
}

/** The shared chunks in load order, each holding the modules (not in an earlier one) whose reachers match. */
const CHUNKS: { name: string; holds: (reachers: ReadonlySet<string>) => boolean }[] = [
  { name: 'validation', holds: (reachers) => reachers.has('./validation') },
  { name: 'core', holds: (reachers) => reachers.has('.') },
  { name: 'extra', holds: (reachers) => [...reachers].some((name) => DRIVER_FREE.includes(name)) },
  { name: 'node', holds: (reachers) => reachers.size > 1 },
];

/** Dynamic imports are not followed when deciding homes (they are loaded from their own entry, see above). */
const externalDynamicImports: Plugin = {
  name: 'external-dynamic-imports',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { external: true } : null));
  },
};

/** The analysis builds (reach, export names): in memory, with a metafile, static imports of the sources only. */
const ANALYSIS = {
  bundle: true,
  write: false,
  metafile: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  tsconfig: join(ROOT, 'tsconfig.build.json'),
  logLevel: 'silent',
  plugins: [externalDynamicImports],
} as const satisfies BuildOptions;

/** The metafile of one bundle per entry, following static imports only. */
async function reachOf(entry: Entry): Promise<Metafile> {
  const result = await build({ ...ANALYSIS, entryPoints: [entry.source], outdir: join(ROOT, '.reach') });
  return result.metafile;
}

interface Layout {
  entries: Entry[];
  homes: Map<string, Home>;
  chunks: Chunk[];
  /** Value export names of every source module (absolute path). */
  exportsOf: Map<string, string[]>;
}

/** Decides each module's home (see the header) and reads every module's export names. */
export async function planLayout(root = ROOT): Promise<Layout> {
  const entries = packageEntries(root);
  const reachers = new Map<string, Set<string>>();
  for (const entry of entries) {
    const metafile = await reachOf(entry);
    // the order esbuild writes them in (dependencies first): a chunk keeps it, which gzips best
    const written = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
    for (const input of [...new Set([...written, ...Object.keys(metafile.inputs)])]) {
      const path = resolve(root, input);
      if (entries.some((other) => other.source === path)) continue;
      if (!reachers.has(path)) reachers.set(path, new Set());
      reachers.get(path)!.add(entry.name);
    }
  }
  const homes = new Map<string, Home>();
  const members = new Map<string, string[]>(CHUNKS.map(({ name }) => [name, []]));
  for (const [path, names] of reachers) {
    const chunk = CHUNKS.find((candidate) => candidate.holds(names))?.name;
    if (chunk) {
      homes.set(path, { chunk });
      members.get(chunk)!.push(path);
    } else {
      const owner = entries.find((entry) => names.has(entry.name))!;
      homes.set(path, { entry: owner });
    }
  }
  const chunks = CHUNKS.map(({ name }) => ({ name, modules: members.get(name)! })).filter(
    (chunk) => chunk.modules.length > 0,
  );
  const exportsOf = await exportNames([...reachers.keys(), ...entries.map((entry) => entry.source)]);
  return { entries, homes, chunks, exportsOf };
}

/** Each module's value exports (types are erased), as esbuild's bundle of that module alone exports them. */
async function exportNames(modules: string[]): Promise<Map<string, string[]>> {
  const result = await build({ ...ANALYSIS, entryPoints: modules, outbase: ROOT, outdir: join(ROOT, '.exports') });
  const names = new Map<string, string[]>();
  for (const output of Object.values(result.metafile.outputs)) {
    if (output.entryPoint) names.set(resolve(ROOT, output.entryPoint), [...output.exports].sort());
  }
  return names;
}

/** Per chunk: module → [its export name, the name the chunk exports it under]. */
function chunkExports(layout: Layout): Map<string, Map<string, [string, string][]>> {
  const byChunk = new Map<string, Map<string, [string, string][]>>();
  for (const chunk of layout.chunks) {
    const used = new Set<string>();
    const modules = new Map<string, [string, string][]>();
    for (const path of chunk.modules) {
      modules.set(
        path,
        (layout.exportsOf.get(path) ?? []).map((name) => {
          let alias = name;
          for (let suffix = 2; used.has(alias); suffix++) alias = `${name}$${suffix}`;
          used.add(alias);
          return [name, alias];
        }),
      );
    }
    byChunk.set(chunk.name, modules);
  }
  return byChunk;
}

/** The chunk a module lives in when the diagnosers get a file of their own (CommonJS) or not (ES modules). */
function chunkOf(layout: Layout, path: string, format: Format): string | undefined {
  const home = layout.homes.get(path);
  if (!home || !('chunk' in home)) return undefined;
  if (format === 'cjs' && path === join(ROOT, 'generated', 'diagnosers.ts')) return 'diagnosers';
  return home.chunk;
}

/** A relative module specifier from the file `from` to the file `to` (both relative to the build's folder). */
function specifier(from: string, to: string): string {
  const path = relative(dirname(from), to).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

interface FileBuild {
  /** What esbuild bundles: a source file or the chunk's virtual entry. */
  entry: string;
  /** Output path, relative to the build's folder. */
  out: string;
  /** The chunk this file is, if it is one (its own modules are bundled, never replaced). */
  chunk?: string;
}

/**
 * Replaces every module that lives in another file by a re-export of its names from that file, makes the CLI's
 * dynamic import of a Node-only entry's module load that entry, and supplies each chunk's virtual entry.
 */
function layoutPlugin(
  layout: Layout,
  format: Format,
  file: FileBuild,
  exportsByChunk: ReturnType<typeof chunkExports>,
) {
  const plugin: Plugin = {
    name: 'contract-layout',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^contract-chunk:/ }, (args) => ({
        path: args.path.slice('contract-chunk:'.length),
        namespace: 'contract-chunk',
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'contract-chunk' }, (args) => {
        const modules = exportsByChunk.get(args.path)!;
        const lines = [...modules].map(([path, names]) => {
          const list = names.map(([name, alias]) => (name === alias ? name : `${name} as ${alias}`)).join(', ');
          return `export { ${list} } from ${JSON.stringify(path)};`;
        });
        return { contents: lines.join('\n'), resolveDir: ROOT, loader: 'js' };
      });
      pluginBuild.onResolve({ filter: /^contract-file:/ }, (args) => ({
        path: specifier(file.out, args.path.slice('contract-file:'.length)),
        external: true,
      }));
      pluginBuild.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind === 'entry-point' || args.kind === 'import-statement' || args.pluginData === 'resolving')
          return null;
        const target = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'resolving',
        });
        if (args.kind === 'require-call') {
          // an on-demand require of a module in a chunk of its own (the diagnosers) requires that chunk
          const chunk = chunkOf(layout, target.path, format);
          if (!chunk || chunk === file.chunk) return null;
          if ([...exportsByChunk.get(chunk)!.keys()].join() !== target.path)
            throw new Error(`${relative(ROOT, args.importer)}: require('${args.path}') of a shared chunk`);
          return { path: specifier(file.out, `chunks/${chunk}.js`), external: true };
        }
        if (args.kind !== 'dynamic-import') return null;
        const home = layout.homes.get(target.path);
        if (!home || !('entry' in home) || home.entry.source === file.entry) return null;
        const owner = home.entry;
        const entryOut = owner.out[format];
        const missing = (layout.exportsOf.get(target.path) ?? []).filter(
          (name) => !(layout.exportsOf.get(owner.source) ?? []).includes(name),
        );
        if (!entryOut || missing.length > 0)
          throw new Error(`${relative(ROOT, args.importer)}: import('${args.path}') is not all of ${owner.name}`);
        return { path: specifier(file.out, entryOut), external: true };
      });
      pluginBuild.onLoad({ filter: /\.ts$/ }, (args) => {
        const chunk = chunkOf(layout, args.path, format);
        if (!chunk || chunk === file.chunk) return null;
        const names = exportsByChunk.get(chunk)!.get(args.path)!;
        // a module of types only: nothing to import (an empty re-export would still load its chunk)
        if (names.length === 0) return { contents: '', loader: 'js' };
        const list = names.map(([name, alias]) => (name === alias ? name : `${alias} as ${name}`)).join(', ');
        const from = JSON.stringify(`contract-file:chunks/${chunk}.js`);
        return { contents: `export { ${list} } from ${from};\n`, resolveDir: dirname(args.path), loader: 'js' };
      });
    },
  };
  return plugin;
}

/** Node built-ins, with and without `node:`. */
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The bare specifiers (packages, built-ins) a built file imports. */
function externalImports(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && !imported.path.startsWith('.')) found.add(imported.path);
    }
  }
  return [...found].sort();
}

/** Fails the build when a chunk imports what its entries must not load (see the header). */
function checkImports(chunk: string, imports: string[], pkg: PackageJson): void {
  const packageName = (path: string): string =>
    path
      .split('/')
      .slice(0, path.startsWith('@') ? 2 : 1)
      .join('/');
  const forbidden = imports.filter((path) => {
    if (Object.hasOwn(pkg.peerDependencies, packageName(path))) return true;
    if (chunk === 'node') return false;
    return BUILTINS.has(path) || !Object.hasOwn(pkg.dependencies, packageName(path));
  });
  if (forbidden.length > 0) throw new Error(`chunks/${chunk}.js must not import ${forbidden.join(', ')}`);
}

/** One format's JavaScript: the chunks (in dependency order), then the entries. */
async function buildJavaScript(layout: Layout, format: Format, outDir: string): Promise<string[]> {
  const exportsByChunk = chunkExports(layout);
  const files: FileBuild[] = [];
  const chunkNames = layout.chunks.map((chunk) => chunk.name);
  if (format === 'cjs' && chunkNames.includes('validation')) {
    // the diagnosers alone, required on demand from chunks/validation.js
    const diagnosers = join(ROOT, 'generated', 'diagnosers.ts');
    const names = (layout.exportsOf.get(diagnosers) ?? []).map((name): [string, string] => [name, name]);
    exportsByChunk.get('validation')!.delete(diagnosers);
    exportsByChunk.set('diagnosers', new Map([[diagnosers, names]]));
    files.push({ entry: 'contract-chunk:diagnosers', out: 'chunks/diagnosers.js', chunk: 'diagnosers' });
  }
  for (const name of chunkNames) files.push({ entry: `contract-chunk:${name}`, out: `chunks/${name}.js`, chunk: name });
  for (const entry of layout.entries) {
    const out = entry.out[format];
    if (out) files.push({ entry: entry.source, out });
  }
  const pkg = readPackage(ROOT);
  const written: string[] = [];
  for (const file of files) {
    const result = await build({
      entryPoints: [file.entry],
      outfile: join(outDir, file.out),
      bundle: true,
      format,
      platform: format === 'esm' ? 'neutral' : 'node',
      target: 'es2022',
      // CommonJS: import() becomes a require (tsc's output did the same), so a missing driver is a plain throw
      supported: format === 'cjs' ? { 'dynamic-import': false } : {},
      packages: 'external',
      tsconfig: join(ROOT, 'tsconfig.build.json'),
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
      plugins: [layoutPlugin(layout, format, file, exportsByChunk)],
    });
    if (file.chunk) checkImports(file.chunk, externalImports(result.metafile!), pkg);
    written.push(join(outDir, file.out));
  }
  return written;
}

/** `text` with every relative module specifier replaced by the emitted file it names (`.js`, or `/index.js`). */
export function withFullSpecifiers(file: string, text: string, exists: (path: string) => boolean): string {
  const isDeclaration = file.endsWith('.d.ts');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  let out = '';
  let copiedUpTo = 0;
  for (const reference of importedFiles) {
    const spec = reference.fileName;
    if (!spec.startsWith('./') && !spec.startsWith('../')) continue;
    const base = join(dirname(file), spec);
    const probe = (stem: string): boolean => exists(isDeclaration ? `${stem}.d.ts` : `${stem}.js`);
    const full = probe(base) ? `${spec}.js` : probe(join(base, 'index')) ? `${spec}/index.js` : undefined;
    if (full === undefined) throw new Error(`${relative(ROOT, file)}: '${spec}' resolves to no emitted module`);
    // reference.pos is where the quoted specifier starts (at its quote, in TypeScript 5.9)
    const start = text.indexOf(spec, reference.pos);
    if (start < 0 || start > reference.pos + 1)
      throw new Error(`${relative(ROOT, file)}: '${spec}' not found where TS saw it`);
    out += text.slice(copiedUpTo, start) + full;
    copiedUpTo = start + spec.length;
  }
  return out + text.slice(copiedUpTo);
}

/** Type-checks the sources and writes their declarations: as emitted under outDir, rewritten under outDir/esm. */
function emitDeclarations(outDir: string): string[] {
  const configPath = join(ROOT, 'tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const options: ts.CompilerOptions = {
    ...config.options,
    outDir,
    declaration: true,
    emitDeclarationOnly: true,
    sourceMap: false,
    declarationMap: false,
  };
  const program = ts.createProgram(config.fileNames, options);
  const emitted = new Map<string, string>();
  const result = program.emit(undefined, (file, text) => emitted.set(resolve(file), text));
  const problems = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  if (problems.length) {
    const host = {
      getCanonicalFileName: (name: string) => name,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => '\n',
    };
    throw new Error(ts.formatDiagnostics(problems, host));
  }
  const exists = (path: string): boolean => emitted.has(resolve(path));
  const written: string[] = [];
  for (const [file, text] of emitted) {
    const esmFile = join(outDir, 'esm', relative(outDir, file));
    for (const [target, content] of [
      [file, text],
      [esmFile, withFullSpecifiers(file, text, exists)],
    ] as const) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      written.push(target);
    }
  }
  return written;
}

/** Both builds into outDir (dist/ for the package), replacing what was there. Returns the files written. */
export async function buildPackage(outDir = DIST_DIR): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  const layout = await planLayout();
  const written = [
    ...emitDeclarations(outDir),
    ...(await buildJavaScript(layout, 'cjs', outDir)),
    ...(await buildJavaScript(layout, 'esm', join(outDir, 'esm'))),
  ];
  writeFileSync(join(outDir, 'esm', 'package.json'), `${JSON.stringify({ type: 'module', sideEffects: false })}\n`);
  for (const required of ['src/index.js', 'esm/src/index.js']) {
    if (!existsSync(join(outDir, required))) throw new Error(`dist/${required} was not emitted`);
  }
  return written;
}

if (require.main === module) {
  buildPackage().then(
    (files) => console.log(`dist: ${files.length} files`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
