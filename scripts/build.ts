/**
 * The package's JavaScript and declarations (`npm run compile`, after `npm run generate`), two builds of the same
 * sources, laid out as package.json "exports" names them:
 * - CommonJS (`require`): dist/src/index.js, dist/src/entries/*.js, the CLI dist/src/cli/main.js; shared code in
 *   dist/chunks/; declarations beside the entries (dist/src/**, dist/generated/**), as tsc lays them out.
 * - ES modules (`import`): dist/esm/src/index.js, dist/esm/src/entries/*.js; shared code in dist/esm/chunks/;
 *   declarations under dist/esm/ with full relative specifiers; dist/esm/package.json says `"type": "module"`. One
 *   tree for Node, bundlers and browsers.
 *
 * Cold start is mostly loading files (BENCHMARKS.md, "Cold start, bundle size"), so each build is a few large files
 * instead of ~45 modules. esbuild bundles, and this script decides where each source module goes (the same for
 * both builds), from which entries reach it through static imports:
 * - chunks/validation.js: every module `./validation` loads at import;
 * - chunks/diagnosers.js (CommonJS only): what `./validation` reaches only through an on-demand `require`
 *   (LAZY_CHUNK; the ES module build has none, see below);
 * - chunks/core.js: every other module the root reaches;
 * - chunks/extra.js: every other module another driver-free entry (pyjson, timestamps, datastore, consistency,
 *   monitoring) reaches;
 * - chunks/node.js: every other module two or more Node-only entries (compat, sqlite, redis, the CLI) reach;
 * - an entry's own file: what only that entry reaches, plus its exports.
 * A module therefore lives in exactly one file: one class per error, so `instanceof` holds across entries. A chunk
 * exports every export of every module in it (a name two modules export is given a `$N` alias); an import of such a
 * module from another file is replaced by a tiny module re-exporting its names from the chunk. The root loads
 * three files (entry, core, validation), `./validation` two. In CommonJS a chunk or an entry assigns one plain object
 * to `module.exports` (chunkModule). The chunks must not import what their entries must not load: validation, the
 * lazy chunk and core only the package's dependencies (no Node built-in, no optional peer: they run in browsers),
 * node no optional peer; the build fails otherwise.
 *
 * The on-demand `require` of what only invalid documents need (src/validation/compiled.ts: lazy.ts, the capped
 * diagnosis and the Ajv diagnosers) stays on demand (LAZY_CHUNK): in CommonJS, chunks/diagnosers.js is required on
 * the first invalid document; dist/esm (ES modules have no synchronous import) holds them in its chunks/validation.js
 * as esbuild's initialisers for a required module, run on the first invalid document (their imports of the chunk's
 * other modules are imports of the chunk itself, so that those stay plain modules): parsed at import, run on demand.
 * (An ES module build for Node requiring the CommonJS lazy chunk instead was measured and dropped: docs/packaging.md.)
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

/**
 * What `./validation` reaches only through its one on-demand `require` (the lazy root, src/validation/lazy.ts: the
 * capped diagnosis and the Ajv diagnosers) and no other entry loads at import: chunks/diagnosers.js, whose modules
 * import only one another and chunks/validation.js's. CommonJS: a chunk required on the first invalid document
 * (lazyLoader), which requires chunks/validation.js as any other chunk does. dist/esm: initialisers in its
 * chunks/validation.js (chunkOf's inlineLazy). Measured (BENCHMARKS.md, cold start): parsing them at import cost
 * ~1.5 ms of `/validation`'s 5.
 */
const LAZY_CHUNK = 'diagnosers';

/**
 * Dynamic imports are not followed when deciding homes (they are loaded from their own entry, see above); on-demand
 * `require`s are (what an entry loads at all; loadedAtImport tells what it loads at import).
 */
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

/** The metafile of one bundle per entry, following static imports and on-demand requires. */
async function reachOf(entry: Entry): Promise<Metafile> {
  const result = await build({ ...ANALYSIS, entryPoints: [entry.source], outdir: join(ROOT, '.reach') });
  return result.metafile;
}

/** The source modules an entry's bundle (its metafile) loads at import: reached without an on-demand `require`. */
function loadedAtImport(metafile: Metafile, entry: Entry, root: string): Set<string> {
  const start = Object.keys(metafile.inputs).find((input) => resolve(root, input) === entry.source)!;
  const seen = new Set<string>([start]);
  for (const input of seen) {
    for (const imported of metafile.inputs[input]!.imports)
      if (!imported.external && imported.kind !== 'require-call') seen.add(imported.path);
  }
  return new Set([...seen].map((input) => resolve(root, input)));
}

/** The source modules of a bundle's metafile, in the order esbuild writes them (dependencies first). */
function modulesOf(metafile: Metafile, root: string): string[] {
  const written = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
  return [...new Set([...written, ...Object.keys(metafile.inputs)])].map((input) => resolve(root, input));
}

interface Layout {
  entries: Entry[];
  /** The lazy module the modules `./validation` loads at import `require` (src/validation/lazy.ts). */
  lazyRoot: string | undefined;
  homes: Map<string, Home>;
  chunks: Chunk[];
  /** Value export names of every source module (absolute path). */
  exportsOf: Map<string, string[]>;
}

/** Decides each module's home (see the header) and reads every module's export names. */
export async function planLayout(root = ROOT): Promise<Layout> {
  const entries = packageEntries(root);
  const reachers = new Map<string, Set<string>>();
  /** Modules `./validation` loads at import; those another entry loads at import (a lazy module is neither). */
  const validationAtImport = new Set<string>();
  const atImport = new Set<string>();
  const required = new Set<string>();
  for (const entry of entries) {
    const metafile = await reachOf(entry);
    if (entry.name === './validation') {
      for (const input of Object.values(metafile.inputs)) {
        for (const imported of input.imports)
          if (imported.kind === 'require-call') required.add(resolve(root, imported.path));
      }
    }
    // the order esbuild writes them in (dependencies first): a chunk keeps it, which gzips best
    for (const path of modulesOf(metafile, root)) {
      if (entries.some((other) => other.source === path)) continue;
      if (!reachers.has(path)) reachers.set(path, new Set());
      reachers.get(path)!.add(entry.name);
    }
    for (const path of loadedAtImport(metafile, entry, root)) {
      (entry.name === './validation' ? validationAtImport : atImport).add(path);
    }
  }
  const homes = new Map<string, Home>();
  const chunkNames = [CHUNKS[0]!.name, LAZY_CHUNK, ...CHUNKS.slice(1).map(({ name }) => name)];
  const members = new Map<string, string[]>(chunkNames.map((name) => [name, []]));
  for (const [path, names] of reachers) {
    const lazy = names.has('./validation') && !validationAtImport.has(path) && !atImport.has(path);
    const chunk = lazy ? LAZY_CHUNK : CHUNKS.find((candidate) => candidate.holds(names))?.name;
    if (chunk) {
      homes.set(path, { chunk });
      members.get(chunk)!.push(path);
    } else {
      const owner = entries.find((entry) => names.has(entry.name))!;
      homes.set(path, { entry: owner });
    }
  }
  const chunks = chunkNames
    .map((name) => ({ name, modules: members.get(name)! }))
    .filter((chunk) => chunk.modules.length > 0);
  const exportsOf = await exportNames([...reachers.keys(), ...entries.map((entry) => entry.source)]);
  const lazyRoots = [...required].filter((path) => members.get(LAZY_CHUNK)!.includes(path));
  if (lazyRoots.length > 1) throw new Error(`more than one module required on demand: ${lazyRoots.join(', ')}`);
  return { entries, lazyRoot: lazyRoots[0], homes, chunks, exportsOf };
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

/**
 * The shared chunk a module lives in (undefined: an entry's own module). dist/esm has no lazy chunk of its own: its
 * chunks/validation.js holds the lazy modules (LAZY_CHUNK).
 */
function chunkOf(layout: Layout, path: string, inlineLazy = false): string | undefined {
  const home = layout.homes.get(path);
  if (!home || !('chunk' in home)) return undefined;
  return inlineLazy && home.chunk === LAZY_CHUNK ? 'validation' : home.chunk;
}

/**
 * The virtual module a chunk is built from: module → [export name, name in the chunk]. ES modules: re-exports.
 * CommonJS: one plain object assigned to `module.exports` once every module has run, instead of esbuild's getter per
 * name (`__export`, then `__toCommonJS` copying them): measured, the getters of the ~60 names of chunks/validation.js
 * cost 0.3–0.4 ms at load (BENCHMARKS.md, cold start). No binding of the package is reassigned after its module
 * runs (no exported `let`), and the chunks require one another only one way (validation ← core ← extra ← node, and
 * the lazy chunk after the others have loaded), so the values are final when copied.
 */
function chunkModule(modules: ReadonlyMap<string, readonly [string, string][]>, format: Format): string {
  const statement = format === 'cjs' ? 'import' : 'export';
  const lines = [...modules].map(([path, names]) => {
    const list = names.map(([name, alias]) => (name === alias ? name : `${name} as ${alias}`)).join(', ');
    return `${statement} { ${list} } from ${JSON.stringify(path)};`;
  });
  if (format === 'cjs') {
    const all = [...modules.values()].flatMap((names) => names.map(([, alias]) => alias));
    lines.push(`module.exports = { ${all.join(', ')} };`);
  }
  return `${lines.join('\n')}\n`;
}

/** The CommonJS lazy chunk's virtual entry: the lazy root's exports. */
function lazyChunkModule(layout: Layout): string {
  const root = layout.lazyRoot!;
  const names = (layout.exportsOf.get(root) ?? []).map((name): [string, string] => [name, name]);
  return chunkModule(new Map([[root, names]]), 'cjs');
}

/**
 * What the on-demand `require` of the lazy root becomes in CommonJS's chunks/validation.js (a module esbuild runs on
 * that `require`): the lazy chunk. (dist/esm bundles the lazy modules in its chunks/validation.js instead, as
 * initialisers: see inlineLazy.)
 */
function lazyLoader(): string {
  return `module.exports = require(${JSON.stringify(`contract-file:chunks/${LAZY_CHUNK}.js`)});\n`;
}

/** A relative module specifier from the file `from` to the file `to` (both relative to the build's folder). */
function specifier(from: string, to: string): string {
  const path = relative(dirname(from), to).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

interface FileBuild {
  /** What esbuild bundles: a source file, or the virtual entry of a chunk or of a CommonJS entry file. */
  entry: string;
  /** The package entry's source, for an entry file. */
  source?: string;
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
  /** dist/esm: the lazy modules are bundled into chunks/validation.js (chunkOf). */
  const inlineLazy = format === 'esm';
  const plugin: Plugin = {
    name: 'contract-layout',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^contract-chunk:/ }, (args) => ({
        path: args.path.slice('contract-chunk:'.length),
        namespace: 'contract-chunk',
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'contract-chunk' }, (args) => ({
        contents:
          args.path === LAZY_CHUNK ? lazyChunkModule(layout) : chunkModule(exportsByChunk.get(args.path)!, format),
        resolveDir: ROOT,
        loader: 'js',
      }));
      // virtual modules are named by their path relative to the repository (it shows in the built file's comments)
      pluginBuild.onResolve({ filter: /^contract-entry:/ }, (args) => ({
        path: relative(ROOT, args.path.slice('contract-entry:'.length)),
        namespace: 'contract-entry',
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'contract-entry' }, (args) => {
        const source = join(ROOT, args.path);
        const names = layout.exportsOf.get(source) ?? [];
        const exported = new Map([[source, names.map((name): [string, string] => [name, name])]]);
        const esModule = 'Object.defineProperty(module.exports, "__esModule", { value: true });\n';
        return { contents: chunkModule(exported, format) + esModule, resolveDir: ROOT, loader: 'js' };
      });
      pluginBuild.onResolve({ filter: /^contract-file:/ }, (args) => ({
        path: specifier(file.out, args.path.slice('contract-file:'.length)),
        external: true,
      }));
      pluginBuild.onResolve({ filter: /^contract-lazy$/ }, (args) => ({ path: args.path, namespace: 'contract-lazy' }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'contract-lazy' }, () => ({
        contents: lazyLoader(),
        resolveDir: ROOT,
        loader: 'js',
      }));
      pluginBuild.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData === 'resolving') return null;
        const lazyImporter = inlineLazy && chunkOf(layout, args.importer) === LAZY_CHUNK;
        if (args.kind === 'import-statement' && !lazyImporter) return null;
        const target = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'resolving',
        });
        if (args.kind === 'import-statement') {
          // dist/esm: a lazy module imports the modules loaded at import from the chunk itself (a self-import), so
          // that esbuild makes only the lazy modules initialisers, not the modules they import
          return chunkOf(layout, target.path) === 'validation'
            ? { path: relative(ROOT, target.path), namespace: 'contract-self' }
            : null;
        }
        if (args.kind === 'require-call') {
          // the on-demand require of the lazy modules (compiled.ts) loads them through the lazy loader, or, in
          // dist/esm, runs them (bundled here)
          const chunk = chunkOf(layout, target.path, inlineLazy);
          if (!chunk || chunk === file.chunk) return null;
          if (chunk !== LAZY_CHUNK || target.path !== layout.lazyRoot || file.chunk !== 'validation')
            throw new Error(`${relative(ROOT, args.importer)}: require('${args.path}') of a shared chunk`);
          return { path: 'contract-lazy', namespace: 'contract-lazy' };
        }
        if (args.kind !== 'dynamic-import') return null;
        const home = layout.homes.get(target.path);
        if (!home || !('entry' in home) || home.entry.source === file.source) return null;
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
        const self = args.namespace === 'contract-self';
        const path = self ? join(ROOT, args.path) : args.path;
        const chunk = chunkOf(layout, path, inlineLazy);
        if (!chunk || (chunk === file.chunk && !self)) return null;
        const names = exportsByChunk.get(chunk)!.get(path)!;
        // a module of types only: nothing to import (an empty re-export would still load its chunk)
        if (names.length === 0) return { contents: '', loader: 'js' };
        const list = names.map(([name, alias]) => (name === alias ? name : `${alias} as ${name}`)).join(', ');
        // the lazy modules import only lazy modules and chunks/validation.js's
        if (file.chunk === LAZY_CHUNK && chunk !== 'validation') {
          throw new Error(`${relative(ROOT, path)}: a lazy module imports it`);
        }
        const from = JSON.stringify(`contract-file:chunks/${chunk}.js`);
        return { contents: `export { ${list} } from ${from};\n`, resolveDir: ROOT, loader: 'js' };
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
  // ES modules: no lazy chunk of their own (dist/esm bundles the lazy modules into chunks/validation.js, inlineLazy)
  const chunkNames = layout.chunks.map((chunk) => chunk.name).filter((name) => format === 'cjs' || name !== LAZY_CHUNK);
  for (const name of chunkNames) files.push({ entry: `contract-chunk:${name}`, out: `chunks/${name}.js`, chunk: name });
  for (const entry of layout.entries) {
    const out = entry.out[format];
    if (!out) continue;
    // CommonJS: an entry with exports gets the same plain exports object as a chunk (see chunkModule)
    // (not the CLI: its file keeps its own, with the source's hashbang)
    const virtual = format === 'cjs' && entry.name !== 'bin' && (layout.exportsOf.get(entry.source) ?? []).length > 0;
    files.push({ entry: virtual ? `contract-entry:${entry.source}` : entry.source, source: entry.source, out });
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
      logOverride: { 'commonjs-variable-in-esm': 'silent' },
      metafile: true,
      plugins: [layoutPlugin(layout, format, file, exportsByChunk)],
    });
    const imports = externalImports(result.metafile!);
    if (file.chunk) checkImports(file.chunk, imports, pkg);
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
