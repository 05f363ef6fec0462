// Negotiation benchmarks: SAOP between time-based agents on ANAC scenarios (1000 rounds), side by side
// with NegMAS's `b_sao_negotiation`, and a 1,000-run tournament on 2 worker threads.
// Run alone: `tsx --conditions=@parley/source bench/negotiation.ts [--size smoke]`; bench/run.ts calls
// negotiationBenchmarks().
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  compileScenario,
  negotiationReference,
  partyUtilityIndex,
  planTournament,
  runNegotiation,
  saoProtocol,
  negotiatorFromSpec,
  type NegotiatorFactory,
  type Scenario,
} from "@parley/core";
import { readGeniusFolderSync } from "@parley/formats/node";
import { runTournament } from "../packages/cli/src/tournament/run-tournament.js";
import type { Measurement } from "./harness.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const geniusRoot = path.resolve(here, "../../shared/data/genius");

/** The part of negmas-baseline.json these benchmarks read. */
export interface NegmasSaoBaseline {
  readonly b_sao_negotiation?: {
    readonly results: readonly {
      readonly scenario: string;
      readonly pair: string;
      readonly median_wall_s_per_negotiation: number;
      readonly median_steps_executed: number;
      readonly steps_per_second: number;
    }[];
  };
}

export interface NegotiationMeasurement extends Measurement {
  /** NegMAS's median wall time per negotiation (ms), when the baseline has this pair. */
  readonly negmasMs?: number;
}

const SCENARIOS = [
  { folder: "anac/y2010/Travel", outcomes: 188_160 },
  { folder: "anac/y2011/Energy", outcomes: 390_625 },
  { folder: "anac/y2011/Amsterdam", outcomes: 3_024 },
];

/** The strategies registry's negotiator for a spec. */
const agent = (spec: string): NegotiatorFactory => negotiatorFromSpec(spec);

function load(folder: string): Scenario {
  const result = readGeniusFolderSync(path.join(geniusRoot, folder));
  if (!result.ok) throw new Error(`${folder}: ${result.issues.map((i) => i.message).join("; ")}`);
  return result.value;
}

/** Each party's reservation set to min + 0.95·(max − min) of its utilities: no zone of agreement. */
function rv95(scenario: Scenario): Scenario {
  const compiled = compileScenario(scenario);
  let k = 0;
  return {
    ...scenario,
    parties: scenario.parties.map((p) => {
      if (!p.preferences) return p;
      const index = partyUtilityIndex(compiled, k++);
      return { ...p, preferences: { ...p.preferences, reservation: index.min + 0.95 * (index.max - index.min) } };
    }),
  };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * One pair on one scenario, 1000 rounds, full trace. `first`: the very first negotiation on the
 * scenario in this process (compiling, the negotiators' sorted utility indices, JIT). Then, after a
 * JIT warm-up: `warm`, the same compiled scenario each time (indices cached); `cold`, a freshly
 * compiled scenario each time, so the negotiators build their sorted indices again (NegMAS's run()
 * includes its negotiators' sorting of outcomes). Times are per negotiation, setup included.
 */
function measurePair(scenario: Scenario, agents: readonly NegotiatorFactory[], requestedRuns: number) {
  // Negotiations of a few milliseconds need more samples for a stable median on a shared VM.
  const runs = compileScenario(scenario).size < 10_000 ? Math.max(requestedRuns, 21) : requestedRuns;
  const once = (compiled: ReturnType<typeof compileScenario>) =>
    runNegotiation(compiled, agents, { protocol: (n) => saoProtocol(n, { rounds: 1000 }), seed: 1 });
  let t0 = performance.now();
  const firstResult = once(compileScenario(scenario));
  const firstMs = performance.now() - t0;
  const compiled = compileScenario(scenario);
  for (let r = 0; r < Math.max(2, runs); r++) once(compiled); // JIT warm-up
  const warm: number[] = [];
  let rounds = 0;
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    rounds = once(compiled).rounds;
    warm.push(performance.now() - t0);
  }
  const cold: number[] = [];
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    once(compileScenario(scenario));
    cold.push(performance.now() - t0);
  }
  return { firstMs, coldMs: median(cold), warmMs: median(warm), coldRuns: cold, rounds, result: firstResult };
}

/** SAOP on the ANAC scenarios and a tournament; prints nothing, returns the measurements. */
export async function negotiationBenchmarks(baseline: NegmasSaoBaseline | null, runs: number, smoke: boolean): Promise<NegotiationMeasurement[]> {
  const out: NegotiationMeasurement[] = [];
  if (existsSync(geniusRoot)) {
    const pairs: { name: string; agents: () => NegotiatorFactory[]; variant?: "rv95" }[] = [
      { name: "Boulware_vs_Conceder", agents: () => [agent("boulware"), agent("conceder")] },
      { name: "Aspiration_vs_Aspiration", agents: () => [agent("aspiration"), agent("aspiration")] },
      { name: "Boulware_vs_Conceder_no_agreement_rv95", agents: () => [agent("boulware"), agent("conceder")], variant: "rv95" },
    ];
    for (const s of smoke ? SCENARIOS.slice(0, 1) : SCENARIOS) {
      if (!existsSync(path.join(geniusRoot, s.folder))) continue;
      const base = load(s.folder);
      for (const pair of smoke ? pairs.filter((p) => p.variant === "rv95") : pairs) {
        const scenario = pair.variant === "rv95" ? rv95(base) : base;
        const m = measurePair(scenario, pair.agents(), runs);
        const ref = baseline?.b_sao_negotiation?.results.find((r) => r.scenario === s.folder && r.pair === pair.name);
        const rps = (m.rounds / m.coldMs) * 1000;
        const rpsWarm = (m.rounds / m.warmMs) * 1000;
        const u = m.result.agreement ? `agreement u=${m.result.utilities.map((x) => x.toFixed(3)).join("/")}` : m.result.status;
        out.push({
          name: `SAOP ${s.folder.split("/").pop()} (${s.outcomes.toLocaleString("en-US")}) ${pair.name}`,
          medianMs: m.coldMs,
          runsMs: m.coldRuns,
          detail:
            `${m.rounds} rounds, ${u}; cold ${m.coldMs.toFixed(2)} ms (${fmtRate(rps)} rounds/s), warm ${m.warmMs.toFixed(2)} ms (${fmtRate(rpsWarm)} rounds/s), first ${m.firstMs.toFixed(1)} ms` +
            (ref ? `; NegMAS ${ref.median_steps_executed} rounds at ${ref.steps_per_second} rounds/s → ${(rps / ref.steps_per_second).toFixed(0)}× rounds/s` : ""),
          ...(ref ? { negmasMs: ref.median_wall_s_per_negotiation * 1000 } : {}),
        });
      }
    }
  }
  out.push(await tournamentBenchmark(smoke));
  return out;
}

const fmtRate = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(0)}k` : x.toFixed(0));

/**
 * A tournament of 5 competitors (every ordered pair, 20 seatings) on small scenarios with
 * repetitions, 1000 rounds each, on 2 worker threads: 1,000 runs (100 in smoke). Includes starting
 * and warming the workers.
 */
async function tournamentBenchmark(smoke: boolean): Promise<NegotiationMeasurement> {
  const folders = ["anac/y2011/Amsterdam", "anac/y2011/Laptop", "anac/y2011/Grocery", "anac/y2011/Camera", "anac/y2011/Car"].filter((f) =>
    existsSync(path.join(geniusRoot, f)),
  );
  let scenarios: { id: string; scenario: Scenario; seats: string[] }[];
  if (folders.length > 0)
    scenarios = folders.map((f) => {
      const scenario = load(f);
      return { id: f, scenario, seats: scenario.parties.filter((p) => p.preferences).map((p) => p.id) };
    });
  else {
    // Without the GENIUS data: the example scenario, two seats at a time.
    const { parseScenario } = await import("@parley/formats");
    const parsed = parseScenario(readFileSync(path.join(here, "../examples/ceasefire-talks.yaml"), "utf8"));
    if (!parsed.ok) throw new Error("examples/ceasefire-talks.yaml does not parse");
    scenarios = [
      ["government", "movement"],
      ["movement", "kessa"],
      ["government", "kessa"],
    ].map((seats) => ({ id: seats.join("-"), scenario: parsed.value, seats }));
  }
  const competitors = ["boulware", "linear", "conceder", "conceder(e=5)", "hardliner"];
  const total = smoke ? 100 : 1000;
  const perRepetition = 20 * scenarios.length;
  const repetitions = Math.ceil(total / perRepetition);
  const plan = planTournament({ competitors, scenarios: scenarios.map((s) => ({ id: s.id, seats: s.seats })), repetitions, seed: 1, settings: { protocol: "sao", rounds: 1000 } });
  const runs = plan.runs.slice(0, total);
  const trimmed = { ...plan, runs };
  const references = scenarios.map((s) => negotiationReference(compileScenario(s.scenario), s.seats));
  {
    const t0 = performance.now();
    const result = await runTournament({
      plan: trimmed,
      context: { scenarios: scenarios.map((s) => s.scenario), protocol: "sao", rounds: 1000 },
      references,
      compiled: scenarios.map((s) => compileScenario(s.scenario)),
      threads: 2,
      timeLimitMs: 60_000,
    });
    const ms = performance.now() - t0;
    const agreements = result.records.filter((r) => r.agreement).length;
    const rounds = result.records.reduce((s, r) => s + r.rounds, 0);
    return {
      name: `Tournament: ${runs.length} runs (5 competitors × ${scenarios.length} scenarios), 2 threads`,
      medianMs: ms,
      runsMs: [ms],
      detail: `${((runs.length / ms) * 1000).toFixed(0)} runs/s, ${fmtRate((rounds / ms) * 1000)} rounds/s overall, ${agreements} agreements, ${result.records.filter((r) => r.status === "error").length} errors`,
    };
  }
}

// Standalone: print the measurements.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const smoke = process.argv.includes("--size") && process.argv[process.argv.indexOf("--size") + 1] === "smoke";
  const baselinePath = path.resolve(here, "../../shared/reference/negmas-baseline.json");
  const baseline = existsSync(baselinePath) ? (JSON.parse(readFileSync(baselinePath, "utf8")) as NegmasSaoBaseline) : null;
  const t0 = performance.now();
  for (const m of await negotiationBenchmarks(baseline, smoke ? 1 : 5, smoke)) {
    const ratio = m.negmasMs ? `  ${(m.negmasMs / m.medianMs).toFixed(0)}× NegMAS wall (${m.negmasMs.toFixed(0)} ms)` : "";
    console.log(`${m.name.padEnd(72)} ${m.medianMs.toFixed(2).padStart(9)} ms  ${m.detail}${ratio}`);
  }
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
