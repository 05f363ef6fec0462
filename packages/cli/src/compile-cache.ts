// Loading a command's code through V8's code cache. A short-lived command spends much of its time
// compiling the JavaScript it runs: the top-level parse of the bundle, then every function the first
// time it is called. V8 can serialise that work (`vm.Script#createCachedData`) and take it back on the
// next run (`cachedData`), as Node 22's module.enableCompileCache does — Node 20 has no such switch for
// ES modules, so the bundle (scripts/bundle.mjs) writes each command as a CommonJS file and loads it
// here. On a 2-core machine this takes 50–70 ms off every analysis (BENCHMARKS.md, "End to end").
//
// The cache is an optimisation only: a missing, stale or rejected entry (another Node or V8 version,
// other V8 flags, a rebuilt bundle) is compiled as usual and written anew when the process exits;
// an unwritable cache directory is ignored. Entries are keyed by the bundle's name, size and
// modification time, a hash of its path and V8's version (writing an entry removes the file's
// entries for earlier builds); V8 rejects an entry made for other source or flags itself.
// Where: $PARLEY_COMPILE_CACHE (a directory, or "off"), else $XDG_CACHE_HOME/parley/compile-cache,
// else ~/.cache/parley/compile-cache: a directory of the user's own (created 0700), never a shared
// temporary one, since V8 runs what a cache entry holds.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";

/** The directory holding the cache entries, or null when the cache is off. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const set = env["PARLEY_COMPILE_CACHE"];
  if (set !== undefined && set !== "") return /^(off|0|false|no)$/i.test(set) ? null : path.resolve(set);
  const base = env["XDG_CACHE_HOME"] || path.join(os.homedir(), ".cache");
  return path.join(base, "parley", "compile-cache");
}

/** What a load did with the cache (for tests and `PARLEY_LOG`): used, rejected by V8, absent, off. */
export type CacheUse = "used" | "rejected" | "absent" | "off";

const pendingWrites: (() => void)[] = [];
let warningFiltered = false;

/**
 * Node 20 marks USE_MAIN_CONTEXT_DEFAULT_LOADER experimental and says so on stderr the first time a
 * command file imports a package dynamically (`parley serve`, the queue commands): a line that says
 * nothing to a user of parley. That one warning is dropped; every other goes through.
 */
function quietVmImportWarning(): void {
  if (warningFiltered) return;
  warningFiltered = true;
  const emit = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === "string" ? warning : warning.message;
    if (text.startsWith("vm.USE_MAIN_CONTEXT_DEFAULT_LOADER")) return;
    return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
}

let exitHookSet = false;

/** FNV-1a of the file's path, in hex: installs in other folders keep entries of their own. */
function pathKey(file: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/**
 * Run the CommonJS file `file` (as Node's require would: exports, require, module, __filename,
 * __dirname) through the code cache, and return its exports. Its dynamic import()s use the main
 * ESM loader (vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER: a function would need
 * --experimental-vm-modules in Node 20).
 */
export function requireCached(file: string, options: { readonly cacheDir?: string | null } = {}): { exports: unknown; cache: CacheUse } {
  quietVmImportWarning();
  const source = readFileSync(file, "utf8");
  const dir = options.cacheDir !== undefined ? options.cacheDir : compileCacheDir();
  let entry: string | null = null;
  let stem = "";
  let cachedData: Buffer | undefined;
  if (dir !== null) {
    const stat = statSync(file);
    stem = `${path.basename(file)}-${pathKey(path.resolve(file))}-`;
    entry = path.join(dir, `${stem}${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.versions.v8}.cache`);
    try {
      cachedData = readFileSync(entry);
    } catch {
      cachedData = undefined;
    }
  }
  // Node's CommonJS wrapper, and one more argument: the bundle's lazily loaded files (dist/bundle/lazy/) come through this cache too.
  const wrapper = `(function (exports, require, module, __filename, __dirname, __parleyRequireCached) {${source}\n})`;
  const script = new vm.Script(wrapper, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cache: CacheUse = dir === null ? "off" : !cachedData ? "absent" : script.cachedDataRejected ? "rejected" : "used";
  const module = { exports: {} as unknown };
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: { exports: unknown }, f: string, d: string, c: (f: string) => { exports: unknown }) => void;
  fn(module.exports, createRequire(file), module, file, path.dirname(file), (f) => requireCached(f, options));
  if (entry !== null && cache !== "used") scheduleWrite(script, dir!, entry, stem);
  return { exports: module.exports, cache };
}

/**
 * Write the script's cache when the process exits: by then it holds every function the command ran,
 * not only the top level. Written to a temporary file and renamed, so a concurrent run never reads half an entry.
 */
function scheduleWrite(script: vm.Script, dir: string, entry: string, stem: string): void {
  pendingWrites.push(() => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const data = script.createCachedData();
      const temp = `${entry}.${process.pid}.tmp`;
      const fd = openSync(temp, "w", 0o600);
      try {
        writeSync(fd, data);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, entry);
      // This file's entries for earlier builds (same name and path, another size, time or V8) are stale.
      for (const old of readdirSync(dir)) if (old.startsWith(stem) && old.endsWith(".cache") && old !== path.basename(entry)) rmSync(path.join(dir, old), { force: true });
    } catch {
      // The cache is an optimisation: an unwritable directory costs the next run its compile, nothing else.
    }
  });
  if (!exitHookSet) {
    exitHookSet = true;
    process.once("exit", writePendingCompileCache);
  }
}

/** Write the cache entries of the files loaded so far that had none (or a rejected one); done at exit, and by tests. */
export function writePendingCompileCache(): void {
  for (const write of pendingWrites.splice(0)) write();
}
