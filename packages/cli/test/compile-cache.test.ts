// The code cache of the bundle's command files (src/compile-cache.ts): a file runs as CommonJS with
// or without a cache entry, an entry is written for the next run, a stale or damaged one is rejected
// by V8 and replaced, and "off" turns it off.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ParleyError, isParleyError } from "@parley/core";
import { compileCacheDir, requireCached, writePendingCompileCache } from "../src/compile-cache.js";
import { UserError, isUserError } from "../src/user-error.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-compile-cache-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * requireCached in a process of its own (V8 also keeps compiled scripts in memory, so a second load
 * in one process says nothing of the cache on disk): its report, written when that process exits.
 */
function loadInChild(file: string, cacheDir: string): { exports: unknown; cache: string } {
  const source = path.join(import.meta.dirname, "../src/compile-cache.ts");
  const code = `const { requireCached } = await import(${JSON.stringify(source)}); const r = requireCached(${JSON.stringify(file)}, { cacheDir: ${JSON.stringify(cacheDir)} }); console.log(JSON.stringify(r));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8" });
  return JSON.parse(out) as { exports: unknown; cache: string };
}

function writeModule(name: string, body: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, body);
  return file;
}

describe("requireCached", () => {
  it("runs a CommonJS file (exports, require, __filename, __dirname) and caches its compiled code for the next run", () => {
    const cacheDir = path.join(tmp, "cache-a");
    const file = writeModule(
      "a.cjs",
      `const path = require("node:path");\nfunction square(x) { return x * x; }\nexports.value = square(7);\nexports.where = path.basename(__filename) + "@" + path.basename(__dirname);\n`,
    );
    const first = loadInChild(file, cacheDir);
    expect(first.exports).toEqual({ value: 49, where: `a.cjs@${path.basename(tmp)}` });
    expect(first.cache).toBe("absent");
    // Written when that process exited.
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^a\.cjs-[0-9a-f]{8}-\d+-\d+-.+\.cache$/);
    const written = statSync(path.join(cacheDir, entries[0]!)).mtimeMs;
    expect(statSync(path.join(cacheDir, entries[0]!)).size).toBeGreaterThan(0);
    const second = loadInChild(file, cacheDir);
    expect(second.cache).toBe("used");
    expect(second.exports).toEqual(first.exports);
    // Not written again by a run that used it.
    expect(readdirSync(cacheDir)).toEqual(entries);
    expect(statSync(path.join(cacheDir, entries[0]!)).mtimeMs).toBe(written);
  });

  it("a damaged entry is rejected by V8: the file still runs, and the entry is written anew", () => {
    const cacheDir = path.join(tmp, "cache-b");
    const file = writeModule("b.cjs", "module.exports = { answer: 6 * 7 };\n");
    expect(loadInChild(file, cacheDir).cache).toBe("absent");
    const [entry] = readdirSync(cacheDir);
    const good = readFileSync(path.join(cacheDir, entry!));
    const damaged = Buffer.from(good);
    for (let i = 0; i < Math.min(64, damaged.length); i++) damaged[i] = damaged[i]! ^ 0xff;
    writeFileSync(path.join(cacheDir, entry!), damaged);
    const r = loadInChild(file, cacheDir);
    expect(r.cache).toBe("rejected");
    expect(r.exports).toEqual({ answer: 42 });
    expect(loadInChild(file, cacheDir).cache).toBe("used");
  });

  it("a changed file gets an entry of its own (the key has its size and modification time), which replaces the old one; a file of the same name elsewhere keeps its own", () => {
    const cacheDir = path.join(tmp, "cache-c");
    const file = writeModule("c.cjs", "module.exports = 1;\n");
    requireCached(file, { cacheDir });
    writePendingCompileCache();
    const [before] = readdirSync(cacheDir);
    writeFileSync(file, "module.exports = 22;\n");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const r = requireCached(file, { cacheDir });
    expect(r.cache).toBe("absent");
    expect(r.exports).toBe(22);
    writePendingCompileCache();
    const after = readdirSync(cacheDir);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    mkdirSync(path.join(tmp, "elsewhere"), { recursive: true });
    const other = writeModule("elsewhere/c.cjs", "module.exports = 333;\n");
    expect(requireCached(other, { cacheDir }).exports).toBe(333);
    writePendingCompileCache();
    expect(readdirSync(cacheDir)).toHaveLength(2);
    expect(readdirSync(cacheDir)).toContain(after[0]);
  });

  it("off: no directory, nothing written; an unwritable directory is ignored", () => {
    const file = writeModule("d.cjs", "module.exports = 'd';\n");
    expect(requireCached(file, { cacheDir: null })).toEqual({ exports: "d", cache: "off" });
    const blocker = writeModule("not-a-directory", "");
    expect(requireCached(file, { cacheDir: path.join(blocker, "cache") }).exports).toBe("d");
    expect(() => writePendingCompileCache()).not.toThrow();
  });

  it("the directory: PARLEY_COMPILE_CACHE, else XDG_CACHE_HOME, else ~/.cache", () => {
    expect(compileCacheDir({ PARLEY_COMPILE_CACHE: "off" })).toBeNull();
    expect(compileCacheDir({ PARLEY_COMPILE_CACHE: "0" })).toBeNull();
    expect(compileCacheDir({ PARLEY_COMPILE_CACHE: "/x/y" })).toBe(path.resolve("/x/y"));
    expect(compileCacheDir({ XDG_CACHE_HOME: "/c" })).toBe(path.join("/c", "parley", "compile-cache"));
    expect(compileCacheDir({})).toBe(path.join(os.homedir(), ".cache", "parley", "compile-cache"));
  });
});

describe("errors from another copy of a module (each bundled command has its own)", () => {
  it("isParleyError and isUserError recognise them by their brand; other errors are not", () => {
    const cacheDir = path.join(tmp, "cache-e");
    // A second copy of the two classes, as a command file holds them: same brand, other class.
    const file = writeModule(
      "e.cjs",
      `class ParleyError extends Error { constructor(code, m) { super(m); this.name = "ParleyError"; this.code = code; Object.defineProperty(this, Symbol.for("parley.ParleyError"), { value: true }); } }\n` +
        `class UserError extends Error { constructor(m) { super(m); this.name = "UserError"; this.exitCode = 2; this.issues = []; Object.defineProperty(this, Symbol.for("parley.UserError"), { value: true }); } }\n` +
        `module.exports = { parley: new ParleyError("PARLEY_ERR_LIMIT", "x"), user: new UserError("y"), plain: new Error("z") };\n`,
    );
    const copy = requireCached(file, { cacheDir }).exports as { parley: Error; user: Error; plain: Error };
    expect(copy.parley instanceof ParleyError).toBe(false);
    expect(isParleyError(copy.parley)).toBe(true);
    expect(isUserError(copy.user)).toBe(true);
    expect(isParleyError(copy.plain)).toBe(false);
    expect(isUserError(copy.plain)).toBe(false);
    expect(isUserError(copy.parley)).toBe(false);
    expect(isParleyError(copy.user)).toBe(false);
    expect(isParleyError(new ParleyError("PARLEY_ERR_LIMIT", "own"))).toBe(true);
    expect(isUserError(new UserError("own"))).toBe(true);
  });
});
