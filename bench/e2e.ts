// End to end: what a user waits for. The compiled `parley` bin is spawned as a user runs it
// (`node packages/cli/bin/parley.js analyze FOLDER --json`, `… simulate …`), and each command's wall
// time minus that of `parley --version` (Node's own start and commander) in the same round is the
// figure, the median over 9 rounds (PARLEY_E2E_ROUNDS) in which the commands are spawned in turn (so
// a busy machine slows them alike). Beside each, a floor measured in this process, warm.
// Simulations: reading the folder and running the same simulation on a freshly compiled scenario
// (its ladders are read from the top, so evaluating and sorting every outcome, also shown, is no
// longer a floor for them).
// Analyses: reading the folder and analysing it (linear-additive spaces are no longer enumerated, so
// evaluate + sort, also shown, is no longer a floor for them).
//
// Run alone: `npx tsx --conditions=@parley/source bench/e2e.ts [--size smoke]`; bench/run.ts calls
// e2eBenchmarks(). The synthetic scenarios are bench/'s seeded random linear-additive ones (the same
// generator as rows (a)/(b) of npm run bench), written as GENIUS folders into a temporary folder.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyzeScenario, compileScenario, outcomeUtilities, planSimulation, runSimulation, sortIndices, splitAgentList, type Scenario } from "@parley/core";
import { readGeniusFolderSync, writeGeniusFolder } from "@parley/formats/node";
import { buildBin } from "./cli.js";
import type { Measurement } from "./harness.js";
import { randomAdditiveScenario } from "./random-scenario.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const bin = path.join(root, "packages/cli/bin/parley.js");
const geniusRoot = path.resolve(root, "../shared/data/genius");

/** The parts of negmas-baseline.json these rows read. */
export interface NegmasE2eBaseline {
  readonly a_pareto_frontier: { readonly results: readonly { scenario: string; negmas_pareto_frontier_end_to_end_s: number }[] };
  readonly c_synthetic_1e6: { readonly median_pareto_end_to_end_s: number };
  readonly b_sao_negotiation?: { readonly results: readonly { scenario: string; pair: string; steps_per_second: number }[] };
}

export interface E2eMeasurement extends Measurement {
  readonly negmasMs?: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function spawnMs(args: readonly string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`parley ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** The floor, warm, in this process: every party's utilities of every outcome, then each party's sorted once (median of `runs`). */
function floorMs(scenario: Scenario, runs: number): number {
  const once = () => {
    const all = outcomeUtilities(compileScenario(scenario));
    for (const u of all.utilities) sortIndices(u);
  };
  once();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * The analysis rows' floor since analyses of linear-additive spaces no longer enumerate (frontierByIssues):
 * in this process, warm, reading the folder and analysing it — what any run of the command does
 * besides starting Node, loading the bundle and the Nash survival samples (median of `runs`).
 */
function analysisFloorMs(dir: string, runs: number): number {
  const once = () => analyzeScenario(compileScenario(loadFolder(dir)));
  once();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * The simulation rows' floor since a linear-additive ladder is read from the top (top-down-ladder.ts)
 * rather than evaluated and sorted whole: in this process, warm, reading the folder, compiling it
 * (so the agents' ladders are built again) and running the same simulation (median of `runs`).
 */
function simulationFloorMs(dir: string, args: readonly string[], runs: number): number {
  const flag = (name: string) => args[args.indexOf(name) + 1]!;
  const once = () => {
    const plan = planSimulation(compileScenario(loadFolder(dir)), {
      protocol: flag("--protocol"),
      agents: splitAgentList(flag("--agents")),
      rounds: Number(flag("--steps")),
      seed: Number(flag("--seed")),
    });
    return runSimulation(plan);
  };
  once();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function loadFolder(dir: string): Scenario {
  const r = readGeniusFolderSync(dir);
  if (!r.ok) throw new Error(`${dir}: ${r.issues.map((i) => i.message).join("; ")}`);
  return r.value;
}

export async function e2eBenchmarks(baseline: NegmasE2eBaseline | null, smoke: boolean): Promise<E2eMeasurement[]> {
  if (!existsSync(geniusRoot)) return [];
  buildBin();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-e2e-"));
  try {
    const synthetic2 = path.join(tmp, "random-6x10-2p");
    const synthetic3 = path.join(tmp, "random-5x12-3p");
    for (const [dir, scenario] of [
      [synthetic2, randomAdditiveScenario(6, 10, 2, 12345)],
      [synthetic3, randomAdditiveScenario(5, 12, 3, 12345)],
    ] as const) {
      const written = await writeGeniusFolder(dir, scenario);
      if (!written.ok) throw new Error(`${dir}: ${written.issues.map((i) => i.message).join("; ")}`);
    }
    const energy = path.join(geniusRoot, "anac/y2011/Energy");
    const travel = path.join(geniusRoot, "anac/y2010/Travel");
    const negmas = (folder: string) => baseline?.a_pareto_frontier.results.find((r) => r.scenario === folder)?.negmas_pareto_frontier_end_to_end_s;
    const killer = negmas("anac/y2015/group9-killer_robot (first 3 profiles)");
    const sao = baseline?.b_sao_negotiation?.results.find((r) => r.scenario === "anac/y2010/Travel" && r.pair === "Aspiration_vs_Aspiration");
    const rows: { name: string; args: string[]; folder: string; negmasMs?: number; note: string }[] = [
      { name: "analyze ANAC Energy (390,625 × 2) --json", args: ["analyze", energy, "--json"], folder: energy, ...(negmas("anac/y2011/Energy") ? { negmasMs: negmas("anac/y2011/Energy")! * 1000 } : {}), note: "" },
      {
        name: "analyze synthetic 10^6 × 2 (6 × 10) --json",
        args: ["analyze", synthetic2, "--json"],
        folder: synthetic2,
        ...(baseline ? { negmasMs: baseline.c_synthetic_1e6.median_pareto_end_to_end_s * 1000 } : {}),
        note: "",
      },
      {
        name: "analyze synthetic 248,832 × 3 (5 × 12) --json",
        args: ["analyze", synthetic3, "--json"],
        folder: synthetic3,
        ...(killer ? { negmasMs: killer * 1000 } : {}),
        note: "NegMAS: its nearest 3-party figure, killer_robot 240,000 × 3",
      },
      {
        name: "simulate Travel sao aspiration×2, 1000 steps --json",
        args: ["simulate", travel, "--protocol", "sao", "--agents", "aspiration,aspiration", "--steps", "1000", "--seed", "1", "--json"],
        folder: travel,
        note: "",
      },
    ];
    const version = ["--version"];
    // Rounds: a 2-core virtual machine's timings come in bursts of slowness that a median of 3 does
    // not smooth (spread of ±10 ms on a 30 ms figure); 9 rounds by default, PARLEY_E2E_ROUNDS to change.
    const runs = smoke ? 1 : Math.max(1, Number(process.env["PARLEY_E2E_ROUNDS"] ?? 9) || 9);
    const times = [[] as number[], ...rows.map(() => [] as number[])];
    let rounds = 0;
    for (let r = -1; r < runs; r++) {
      const v = spawnMs(version).ms;
      if (r >= 0) times[0]!.push(v);
      rows.forEach((row, i) => {
        const { ms, stdout } = spawnMs(row.args);
        if (r >= 0) times[i + 1]!.push(ms);
        if (row.args[0] === "simulate") rounds = (JSON.parse(stdout) as { rounds: number }).rounds;
      });
    }
    const base = median(times[0]!);
    const out: E2eMeasurement[] = [{ name: "(e) parley --version (subtracted below)", medianMs: base, runsMs: times[0]!, detail: "Node's start + commander" }];
    rows.forEach((row, i) => {
      // Each round's difference with that round's --version (paired: a slow spell of the machine
      // that spans a round slows both), then the median of the rounds.
      const differences = times[i + 1]!.map((t, r) => t - times[0]![r]!);
      const net = median(differences);
      const floor = floorMs(loadFolder(row.folder), smoke ? 1 : 5);
      const sim = row.args[0] === "simulate";
      const rps = (rounds / net) * 1000;
      const analysisFloor = sim ? null : analysisFloorMs(row.folder, smoke ? 1 : 5);
      const simulationFloor = sim ? simulationFloorMs(row.folder, row.args, smoke ? 1 : 5) : null;
      const detail =
        `wall ${median(times[i + 1]!).toFixed(0)} ms − --version of the round (median of ${differences.length}; spread ${Math.min(...differences).toFixed(0)}…${Math.max(...differences).toFixed(0)} ms); ` +
        (simulationFloor !== null
          ? `floor (read + simulate in process, warm, ladders rebuilt: read from the top) ${simulationFloor.toFixed(1)} ms = ${(net / simulationFloor).toFixed(1)}× it; ` +
            `evaluate + sort every outcome once (the ladders' former cost) ${floor.toFixed(1)} ms`
          : `floor (read + analyse in process, warm: no enumeration) ${analysisFloor!.toFixed(1)} ms = ${(net / analysisFloor!).toFixed(1)}× it; ` +
            `the enumeration's floor (evaluate + sort once) ${floor.toFixed(1)} ms`) +
        (sim ? `; ${rounds} rounds, ${rps.toFixed(0)} rounds/s${sao ? ` = ${(rps / sao.steps_per_second).toFixed(0)}× NegMAS's ${sao.steps_per_second} rounds/s (goal ≥ 100×)` : ""}` : "") +
        (row.note ? `; ${row.note}` : "");
      out.push({ name: `(e) ${row.name}`, medianMs: net, runsMs: differences, detail, ...(row.negmasMs !== undefined ? { negmasMs: row.negmasMs } : {}) });
    });
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Standalone: print the rows.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const smoke = process.argv.includes("--size") && process.argv[process.argv.indexOf("--size") + 1] === "smoke";
  const baselinePath = path.resolve(root, "../shared/reference/negmas-baseline.json");
  const baseline = existsSync(baselinePath) ? (JSON.parse(readFileSync(baselinePath, "utf8")) as NegmasE2eBaseline) : null;
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} (1, 5, 15 min) — ${os.cpus().length} cores, node ${process.version}`);
  for (const m of await e2eBenchmarks(baseline, smoke)) {
    const ratio = m.negmasMs ? `  ${(m.negmasMs / m.medianMs).toFixed(1)}× NegMAS (${m.negmasMs.toFixed(0)} ms; goal ≥ 30×)` : "";
    console.log(`${m.name.padEnd(62)} ${m.medianMs.toFixed(0).padStart(6)} ms  ${m.detail}${ratio}`);
  }
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
}
