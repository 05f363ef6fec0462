// `npm run build` (after tsc): bundle the compiled CLI into dist/bundle/, which bin/parley.js runs.
// Node's ESM loader pays per module (resolve, read, compile): loading the ~250 modules of the core,
// the formats, zod and yaml one by one cost 300–400 ms of every command on a 2-core machine, more
// than most analyses. Two builds:
// - dist/bundle/main.js (ES module): the program, commander and what cli.ts needs before a command
//   runs, so `parley --version` loads little.
// - dist/bundle/commands/NAME.cjs (CommonJS, one self-contained file per command module): loaded by
//   dist/compile-cache.js through V8's code cache, which saves most of the compile time of a command
//   from its second run on (Node 20 has no code cache for ES modules). src/command-modules.ts lists
//   the commands; its bundled replacement maps each name to its file. Each file holds its own copy of
//   the core: errors crossing from a command to cli.ts are recognised by a brand, not `instanceof`
//   (isParleyError, isUserError).
//
// Kept out of the bundle: @parley/server (an optional peer, imported by `parley serve` only) and
// piscina (it starts worker threads from its own files), and highs (it loads its WebAssembly file from
// beside its own module). A bundled module that reads its own
// location (import.meta.url) gets its original file's URL, relative to the bundle, so the built-in
// scenario (read from @parley/formats' scenarios/) and the tournament's worker file (dist/tournament/)
// are found as before — in the repository and in an installed package alike (the @parley packages
// are siblings in both). A third-party module doing so is a build error rather than a silent break.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(cli, "dist/bundle");

const commandsDir = path.join(outdir, "commands");
const external = ["@parley/server", "piscina", "highs", "bufferutil", "utf-8-validate"];

/**
 * Rewrite import.meta.url in bundled @parley modules to the URL of the file they came from, relative
 * to the output file: `base` is the output's own URL (import.meta.url in the ES module build, a
 * banner variable in the CommonJS one).
 */
const ownLocation = (from, base) => ({
  name: "own-location",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      if (!/[\\/]packages[\\/](core|audit|formats|client|cli)[\\/]dist[\\/]/.test(args.path))
        return { errors: [{ text: `${args.path} reads import.meta.url: keep it out of the bundle (external) or teach bundle.mjs where it lives` }] };
      const relative = path.relative(from, args.path).split(path.sep).join("/");
      return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(relative)}, ${base}).href`), loader: "js" };
    });
  },
});

// The commands, read from src/command-modules.ts as tsc wrote it: `name: () => import("./commands/FILE.js")`.
const commandModulesFile = path.join(cli, "dist/command-modules.js");
const listed = [...(await readFile(commandModulesFile, "utf8")).matchAll(/^\s+(\w+): \(\) => import\("\.\/commands\/([\w-]+)\.js"\),?$/gm)];
if (listed.length === 0) throw new Error(`${commandModulesFile}: no command listed (expected name: () => import("./commands/NAME.js"))`);
const files = [...new Set(listed.map((m) => m[2]))];

/** In the main build, command-modules.js becomes: each name loads its CommonJS file through the code cache. */
const commandsThroughCache = {
  name: "commands-through-cache",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]command-modules\.js$/ }, (args) => {
      if (path.resolve(args.path) !== commandModulesFile) return undefined;
      const entries = listed.map(([, name, file]) => `  ${name}: async () => requireCached(fileURLToPath(new URL(${JSON.stringify(`./commands/${file}.cjs`)}, import.meta.url))).exports,`);
      return {
        contents: `import { fileURLToPath } from "node:url";\nimport { requireCached } from "./compile-cache.js";\nexport const commandModules = {\n${entries.join("\n")}\n};\n`,
        resolveDir: path.dirname(args.path),
        loader: "js",
      };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  external,
  // Source maps point into the packages' dist/ files (which carry their own maps and sources).
  sourcemap: true,
  sourcesContent: false,
  minify: process.env.PARLEY_BUNDLE_MINIFY !== "0", // 0: readable names, for profiles (node --cpu-prof)
  keepNames: true,
  logLevel: "warning",
  metafile: true,
  logOverride: { "unsupported-dynamic-import": "silent" },
};
const main = await build({
  ...common,
  entryPoints: { main: path.join(cli, "dist/main.js") },
  outdir,
  splitting: true,
  format: "esm",
  plugins: [commandsThroughCache, ownLocation(outdir, "import.meta.url")],
  // Some CommonJS dependencies call require(): give the ESM bundle one.
  banner: { js: 'import { createRequire as __parleyRequire } from "node:module"; const require = __parleyRequire(import.meta.url);' },
});
/**
 * Dynamic imports that stay out of the command files (loaded, when a command needs them, from
 * dist/bundle/lazy/NAME.cjs, through the code cache too): the native format's readers (zod and yaml,
 * half of every command's code, not needed for a GENIUS folder), the MILP solver and the progress bar
 * (drawn only on a terminal).
 */
const lazy = { "./load-native.js": "load-native", "@parley/solve": "solve", "./progress-bar.js": "progress-bar" };
/**
 * Static imports loaded on first call instead, synchronously (dist/bundle/lazy/NAME.cjs through the
 * code cache): fast-xml-parser and its dependencies (40% of a GENIUS command's code), which reads
 * only the XML files the fast path of xml-tree.ts leaves to it (malformed or unusual ones). The
 * module is replaced by one that forwards each named function to the lazy file.
 */
const lazySync = { "genius/xml-tree.js": { "./xml-library.js": { name: "xml-library", functions: ["libraryXmlElements"] } } };
const lazySyncImports = {
  name: "lazy-sync-imports",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const importer = Object.keys(lazySync).find((f) => args.importer.endsWith(f));
      const target = importer && lazySync[importer][args.path];
      return target ? { path: target.name, namespace: "parley-lazy-sync", pluginData: target } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: "parley-lazy-sync" }, (args) => ({
      contents: args.pluginData.functions
        .map((f) => `export function ${f}(...args) { return __parleyLazySync(${JSON.stringify(args.pluginData.name)}).${f}(...args); }`)
        .join("\n"),
      loader: "js",
    }));
  },
};
const lazyDir = path.join(outdir, "lazy");
const lazyImports = {
  name: "lazy-imports",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== "dynamic-import" || !(args.path in lazy)) return undefined;
      return { path: `__parley_lazy__/${lazy[args.path]}`, external: true };
    });
  },
};
// A lazy file is loaded once, through the code cache when the command file came through it:
// __parleyLazySync(NAME) returns its exports, and a command file's lazy import becomes
// __parleyLazy(NAME), padded to the same length (the source maps stay exact).
const lazyBanner =
  'var __parleyBundleUrl = require("node:url").pathToFileURL(__filename).href;\n' +
  "var __parleyLazyLoaded = {};\n" +
  "var __parleyLazySync = (name) => __parleyLazyLoaded[name] ??= (() => {" +
  ' const file = require("node:path").join(__dirname, "../lazy", name + ".cjs");' +
  ' return typeof __parleyRequireCached === "function" ? __parleyRequireCached(file).exports : require(file); })();\n' +
  "var __parleyLazy = (name) => Promise.resolve().then(() => __parleyLazySync(name));";
const cjs = (entries, dir, plugins) =>
  build({
    ...common,
    entryPoints: entries,
    outdir: dir,
    outExtension: { ".js": ".cjs" },
    format: "cjs",
    plugins: [...plugins, ownLocation(dir, "__parleyBundleUrl")],
    banner: { js: lazyBanner },
  });
const commands = await cjs(Object.fromEntries(files.map((file) => [file, path.join(cli, `dist/commands/${file}.js`)])), commandsDir, [lazyImports, lazySyncImports]);
const lazyFiles = await cjs(
  {
    "load-native": path.join(cli, "dist/load-native.js"),
    solve: path.resolve(cli, "../solve/dist/index.js"),
    "progress-bar": path.join(cli, "dist/progress-bar.js"),
    "xml-library": path.resolve(cli, "../formats/dist/genius/xml-library.js"),
  },
  lazyDir,
  [lazyImports],
);
for (const out of Object.keys(commands.metafile.outputs).filter((f) => f.endsWith(".cjs"))) {
  const file = path.resolve(out);
  const text = await readFile(file, "utf8");
  const replaced = text.replace(/import\("__parley_lazy__\/([\w-]+)"\)/g, (whole, name) => `__parleyLazy(${JSON.stringify(name)})`.padEnd(whole.length, " "));
  if (replaced !== text) await writeFile(file, replaced);
}
// Every file loaded at run time is ASCII: esbuild escapes non-ASCII text except inside regular
// expression literals, and one such character makes V8 hold the whole file as two-byte text (twice
// the memory, slower to read and hash). Write such a character as an escape (\u2212) in the source.
// (Checked on the shipped, minified build: unminified, esbuild keeps template literals as written.)
if (process.env.PARLEY_BUNDLE_MINIFY !== "0") for (const out of [...Object.keys(main.metafile.outputs), ...Object.keys(commands.metafile.outputs), ...Object.keys(lazyFiles.metafile.outputs)]) {
  if (out.endsWith(".map")) continue;
  const text = await readFile(path.resolve(out), "utf8");
  const at = text.search(/[\u0080-\uffff]/);
  if (at >= 0) {
    const line = text.slice(0, at).split("\n").length;
    throw new Error(`${out}:${line}: non-ASCII character ${JSON.stringify(text[at])} in "${text.slice(Math.max(0, at - 40), at + 20)}"; write it as an escape in the source`);
  }
}
// What each file holds and imports (not shipped): bin.test.ts checks from it that reading a GENIUS
// folder loads neither zod nor yaml.
const outputs = { ...main.metafile.outputs, ...commands.metafile.outputs, ...lazyFiles.metafile.outputs };
const inputs = { ...main.metafile.inputs, ...commands.metafile.inputs, ...lazyFiles.metafile.inputs };
await writeFile(path.join(cli, "dist/bundle-meta.json"), JSON.stringify({ inputs, outputs }));
