// The installed entry point, as users run it: `node packages/cli/bin/parley.js …` in a child process,
// on the compiled dist/ and its bundle dist/bundle/ (built here first: `tsc -b` does nothing when
// dist/ is current; the bundle takes well under a second).
import { execFile, execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { protocolNames, singleTextMediators } from "@parley/core";
import { writeGeniusFolder } from "@parley/formats/node";
import { randomAdditiveScenario } from "../../core/test/random-additive.js";
import { mediatorChoices, protocolChoices } from "../src/cli.js";
import { repoRoot } from "./run-cli.js";

const bin = path.join(repoRoot, "packages/cli/bin/parley.js");
const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-bin-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(binFile: string, args: readonly string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [binFile, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

beforeAll(() => {
  const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-b", "packages/core", "packages/formats", "packages/cli"], { cwd: repoRoot, stdio: "pipe" });
  execFileSync(process.execPath, [path.join(repoRoot, "packages/cli/scripts/bundle.mjs")], { cwd: repoRoot, stdio: "pipe" });
}, 300_000);

describe("bin/parley.js (the compiled CLI in a child process)", () => {
  it("--version prints the package's version", async () => {
    const r = await run(bin, ["--version"]);
    const version = (JSON.parse(readFileSync(path.join(repoRoot, "packages/cli/package.json"), "utf8")) as { version: string }).version;
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("analyze --json on the built-in scenario prints the report object", async () => {
    const r = await run(bin, ["analyze", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { parties: string[]; issues: string[]; pareto: { count: number } };
    expect(j.parties).toEqual(expect.arrayContaining(["russia", "ukraine"]));
    expect(j.issues).toContain("donbas");
    expect(j.pareto.count).toBeGreaterThan(0);
  });

  it("a bad scenario file exits 2 with the file, line and field, and no stack trace", async () => {
    const r = await run(bin, ["validate", "packages/formats/test/fixtures/broken-scenario.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken-scenario\.yaml:\d+:\d+/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("a missing file and an unknown option exit 2", async () => {
    expect((await run(bin, ["analyze", "no-such-file.yaml"])).code).toBe(2);
    expect((await run(bin, ["analyze", "--no-such-option"])).code).toBe(2);
  });

  it("a command's errors keep their exit codes across the bundle's files (a ParleyError: 3 with its code; a UserError: 2)", async () => {
    const tooLarge = await run(bin, ["analyze", "--method", "enumerate", "--limit", "10", "examples/genius/water-sharing"]);
    expect(tooLarge.code).toBe(3);
    expect(tooLarge.stderr).toContain("[PARLEY_ERR_SPACE_TOO_LARGE]");
    expect(tooLarge.stderr).not.toContain("internal error");
    const missing = await run(bin, ["simulate", "no-such-folder"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toContain("internal error");
    // A command file importing a package at run time (@parley/server/queue here): no warning of Node's on the way.
    const queue = await run(bin, ["tournament", "status", "--queue", "postgres://nobody@127.0.0.1:1/none"]);
    expect(queue.code).toBe(2);
    expect(queue.stderr).toContain("cannot open the queue");
    expect(queue.stderr).not.toContain("Warning");
  });

  it("the commands' code cache: written by the first run, used by the next, same output; PARLEY_COMPILE_CACHE=off runs without one", async () => {
    const cacheDir = path.join(tmp, "compile-cache");
    const args = ["analyze", "--json", "--survival-samples", "5", "examples/genius/water-sharing"];
    const withCache = (value: string) => promisify(execFile)(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...process.env, PARLEY_COMPILE_CACHE: value } });
    const first = await withCache(cacheDir);
    const entries = readdirSync(cacheDir);
    expect(entries.some((f) => /^analyze\.cjs-.*\.cache$/.test(f))).toBe(true);
    const second = await withCache(cacheDir);
    expect(readdirSync(cacheDir)).toEqual(entries);
    const off = await withCache("off");
    expect(second.stdout).toBe(first.stdout);
    expect(off.stdout).toBe(first.stdout);
  });

  it("a tournament runs its worker threads from dist/", async () => {
    const config = path.join(tmp, "tournament.yaml");
    const scenario = path.join(repoRoot, "examples/ceasefire-talks.yaml");
    writeFileSync(
      config,
      `competitors: [boulware, conceder]\nscenarios:\n  - { path: ${JSON.stringify(scenario)}, seats: [government, movement] }\nprotocol: sao\nrounds: 50\nrepetitions: 1\nseed: 1\n`,
    );
    const out = path.join(tmp, "tournament");
    const r = await run(bin, ["tournament", config, "--out", out, "--threads", "1", "--no-progress"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const runs = readFileSync(path.join(out, "runs.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { error?: unknown });
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.filter((x) => x.error)).toEqual([]);
  });

  it("analyze --json on a GENIUS folder (the bundle's GENIUS path)", async () => {
    const r = await run(bin, ["analyze", "--json", "--survival-samples", "5", "examples/genius/water-sharing"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { outcomes: number; pareto: { count: number } };
    expect(j.outcomes).toBeGreaterThan(0);
    expect(j.pareto.count).toBeGreaterThan(0);
  });

  it("a GENIUS file the fast path leaves to fast-xml-parser (loaded on demand from the bundle's lazy files): read when it is well formed, its line and column when not", async () => {
    const dir = path.join(tmp, "genius-library");
    mkdirSync(dir, { recursive: true });
    const source = path.join(repoRoot, "examples/genius/water-sharing");
    for (const f of readdirSync(source)) copyFileSync(path.join(source, f), path.join(dir, f));
    const original = await run(bin, ["analyze", "--json", "--survival-samples", "5", source]);
    // A comment with "--" inside: XML forbids it, the library takes it; the fast path leaves it to the library.
    const profile = path.join(dir, "upstream.xml");
    const text = readFileSync(profile, "utf8");
    writeFileSync(profile, text.replace("<utility_space", "<!-- a -- b -->\n<utility_space"));
    const viaLibrary = await run(bin, ["analyze", "--json", "--survival-samples", "5", dir]);
    expect(viaLibrary.stderr).toBe("");
    expect(viaLibrary.code).toBe(0);
    const { scenario: _a, ...fromLibrary } = JSON.parse(viaLibrary.stdout) as { scenario: unknown };
    const { scenario: _b, ...fromFastPath } = JSON.parse(original.stdout) as { scenario: unknown };
    expect(fromLibrary).toEqual(fromFastPath);
    // A tag left open: the library's validator says where.
    writeFileSync(profile, text.replace("</utility_space>", ""));
    const broken = await run(bin, ["analyze", "--json", dir]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/upstream\.xml:\d+:\d+/);
    expect(broken.stderr).toMatch(/invalid XML/);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
  });

  it("the bundle: a GENIUS folder's analysis and a simulation load neither zod nor yaml; a native file's does", () => {
    interface Meta {
      outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown>; entryPoint?: string }>;
    }
    const meta = JSON.parse(readFileSync(path.join(repoRoot, "packages/cli/dist/bundle-meta.json"), "utf8")) as Meta;
    // The chunks a chunk loads before it runs (static imports, transitively), and the packages in them.
    // The commands are CommonJS files (a static import of a built-in is a require there).
    const upFront = (kind: string) => kind === "import-statement" || kind === "require-call";
    const packagesLoaded = (entry: string): Set<string> => {
      const seen = new Set<string>();
      const stack = [Object.keys(meta.outputs).find((k) => meta.outputs[k]!.entryPoint?.endsWith(entry))!];
      expect(stack[0], entry).toBeDefined();
      while (stack.length) {
        const chunk = stack.pop()!;
        if (seen.has(chunk)) continue;
        seen.add(chunk);
        for (const i of meta.outputs[chunk]!.imports) if (i.kind === "import-statement" && !i.external) stack.push(i.path);
      }
      const names = new Set<string>();
      for (const chunk of seen) for (const input of Object.keys(meta.outputs[chunk]!.inputs)) names.add(/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? "(parley)");
      // Node's built-ins loaded up front (external imports): each costs its own load.
      for (const chunk of seen) for (const i of meta.outputs[chunk]!.imports) if (upFront(i.kind) && i.external && i.path.startsWith("node:")) names.add(i.path);
      return names;
    };
    for (const command of ["dist/commands/analyze.js", "dist/commands/simulate.js"]) {
      const loaded = packagesLoaded(command);
      // fast-xml-parser reads only the XML files the fast path leaves to it: its file (lazy/xml-library.cjs) is loaded then.
      expect(loaded, command).not.toContain("fast-xml-parser");
      expect(loaded, command).not.toContain("zod");
      expect(loaded, command).not.toContain("yaml");
      // The progress bar is drawn on a terminal only: its file (lazy/progress-bar.cjs) is loaded then.
      expect(loaded, command).not.toContain("cli-progress");
      // node:crypto (10–30 ms to load) only where a file is written, imported there.
      expect([...loaded].some((name) => name.startsWith("node:fs")), command).toBe(true);
      expect(loaded, command).not.toContain("node:crypto");
    }
    expect([...packagesLoaded("dist/load-native.js")]).toEqual(expect.arrayContaining(["zod", "yaml"]));
    // A command loads the core code it uses, not all of it (not the live rooms' rules engine, which the server runs).
    const coreFiles = (entry: string) => {
      const files = new Set<string>();
      const stack = [Object.keys(meta.outputs).find((k) => meta.outputs[k]!.entryPoint?.endsWith(entry))!];
      const seen = new Set<string>();
      while (stack.length) {
        const chunk = stack.pop()!;
        if (seen.has(chunk)) continue;
        seen.add(chunk);
        for (const input of Object.keys(meta.outputs[chunk]!.inputs)) files.add(input.replace(/^.*packages\//, ""));
        for (const i of meta.outputs[chunk]!.imports) if (i.kind === "import-statement" && !i.external) stack.push(i.path);
      }
      return files;
    };
    expect(coreFiles("dist/commands/analyze.js")).toContain("core/dist/analysis/frontier-by-issues.js");
    expect(coreFiles("dist/commands/analyze.js")).not.toContain("core/dist/rooms/decide.js");
  });

  it("on a terminal, a long analysis draws a progress bar (loaded from the bundle's lazy files); --no-progress draws none", async () => {
    // `script` (util-linux, in every Debian) runs the command on a pseudo-terminal and copies what it writes.
    // A GENIUS folder of 10⁶ outcomes (the bar is drawn past 200,000), written here.
    const folder = path.join(tmp, "million");
    const written = await writeGeniusFolder(folder, randomAdditiveScenario(6, 10, 2, 12345));
    expect(written.ok).toBe(true);
    const onTerminal = (flags: string) =>
      execFileSync("script", ["-qfec", `"${process.execPath}" "${bin}" analyze "${folder}" --method merge --json ${flags} > /dev/null`, "/dev/null"], {
        cwd: repoRoot,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
    const drawn = onTerminal("");
    expect(drawn).toContain("merge");
    expect(drawn).toMatch(/\u2591/); // the bar's empty cells
    expect(onTerminal("--no-progress")).not.toMatch(/\u2591/);
  });

  it("stops quietly when the reader of its output goes away (| head): no EPIPE stack trace", async () => {
    // The built-in scenario's simulation as JSON is ~400 KB, more than a pipe holds.
    const child = spawn(process.execPath, [bin, "simulate", "--json"], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|^\s+at /m);
    expect(code).toBe(0);
  });

  it("says how to build when dist/ is missing", async () => {
    const copy = path.join(tmp, "unbuilt/bin/parley.js");
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(bin, copy);
    const r = await run(copy, ["--version"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Parley is not built");
    expect(r.stderr).toContain("npm install");
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("the command definitions", () => {
  it("offer exactly the core's protocols and mediators (written out in cli.ts so that start-up does not load the core)", () => {
    expect([...protocolChoices]).toEqual([...protocolNames]);
    expect([...mediatorChoices]).toEqual([...singleTextMediators]);
  });
});
