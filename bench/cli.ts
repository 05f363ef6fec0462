// CLI start-up: wall time of `node packages/cli/bin/parley.js --version` and `analyze --help` (the
// compiled CLI, spawned as a user runs it) beside `node -e 0`: the three are spawned in turn, N
// rounds after a warm-up round, so that a busy machine slows all three alike; medians reported.
// The goal: at most 100 ms more than `node -e 0` (commands and their libraries load lazily).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Measurement } from "./harness.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "packages/cli/bin/parley.js");

function spawnMs(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * The bin runs dist/bundle/: build dist/ when stale (a no-op when current), then the bundle (well under
 * a second). The projects are `npm run build`'s own (read from package.json, so the two cannot drift:
 * a list missing packages/client once failed on a fresh tree with "No matching export … retryTransient").
 */
export function buildBin(): void {
  const build = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { build: string } }).scripts.build;
  const projects = /tsc -b ((?:packages\/[\w-]+ ?)+)/.exec(build)?.[1]?.trim().split(" ");
  if (!projects?.length) throw new Error(`package.json's build script has no "tsc -b packages/…": ${build}`);
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-b", ...projects], { cwd: root });
  execFileSync(process.execPath, [path.join(root, "packages/cli/scripts/bundle.mjs")], { cwd: root });
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function cliStartupBenchmarks(runs: number): Measurement[] {
  buildBin();
  const commands: [string, string[]][] = [
    ["node -e 0", ["-e", "0"]],
    ["parley --version", [bin, "--version"]],
    ["parley analyze --help", [bin, "analyze", "--help"]],
  ];
  const times = commands.map(() => [] as number[]);
  for (let r = -1; r < runs; r++)
    commands.forEach(([, args], i) => {
      const ms = spawnMs(args);
      if (r >= 0) times[i]!.push(ms);
    });
  const floor = median(times[0]!);
  return commands.map(([name], i) => {
    const m = median(times[i]!);
    const detail = i === 0 ? "the floor" : `+${(m - floor).toFixed(0)} ms over node -e 0 (goal ≤ 100)`;
    return { name: `(s) start-up: ${name}`, medianMs: m, runsMs: times[i]!, detail };
  });
}
