// `npm run build` (after tsc): bundle the compiled CLI into dist/bundle/, which bin/parley.js runs.
// Node's ESM loader pays per module (resolve, read, compile): loading the ~250 modules of the core,
// the formats, zod and yaml one by one cost 300–400 ms of every command on a 2-core machine, more
// than most analyses. One bundle split at the commands' lazy imports (each command is a chunk, so
// `parley --version` still loads only commander) loads in a few tens of milliseconds.
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

/** Rewrite import.meta.url in bundled @parley modules to the URL of the file they came from. */
const ownLocation = {
  name: "own-location",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      if (!/[\\/]packages[\\/](core|audit|formats|client|cli)[\\/]dist[\\/]/.test(args.path))
        return { errors: [{ text: `${args.path} reads import.meta.url: keep it out of the bundle (external) or teach bundle.mjs where it lives` }] };
      const relative = path.relative(outdir, args.path).split(path.sep).join("/");
      return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: "js" };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: path.join(cli, "dist/main.js") },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["@parley/server", "piscina", "highs", "bufferutil", "utf-8-validate"],
  plugins: [ownLocation],
  // Source maps point into the packages' dist/ files (which carry their own maps and sources).
  sourcemap: true,
  sourcesContent: false,
  minify: process.env.PARLEY_BUNDLE_MINIFY !== "0", // 0: readable names, for profiles (node --cpu-prof)
  keepNames: true,
  // Some CommonJS dependencies call require(): give the ESM bundle one.
  banner: { js: 'import { createRequire as __parleyRequire } from "node:module"; const require = __parleyRequire(import.meta.url);' },
  logLevel: "warning",
  metafile: true,
  logOverride: { "unsupported-dynamic-import": "silent" },
});
// What each chunk holds and imports (not shipped): bin.test.ts checks from it that reading a GENIUS
// folder loads neither zod nor yaml.
await writeFile(path.join(cli, "dist/bundle-meta.json"), JSON.stringify(result.metafile));
