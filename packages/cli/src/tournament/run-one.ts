// One tournament run, the same in a worker thread or in the main thread.
import { compileScenario, createProtocol, partyUtilityIndex, runNegotiation, type CompiledScenario, type RunSpec, type Scenario, type Value } from "@parley/core";
import { parseAgentSpec } from "../agent-spec.js";

/** What every run of a tournament shares (sent once to each worker). */
export interface RunContext {
  /** The scenarios of the plan, by index. */
  readonly scenarios: readonly Scenario[];
  readonly protocol: "sao" | "stacked";
  readonly rounds: number;
}

/** What a run returns (metrics are added by the caller, which holds the scenario references). */
export interface RunOutcome {
  readonly index: number;
  readonly status: string;
  readonly agreement: Readonly<Record<string, Value>> | null;
  readonly utilities: readonly number[];
  readonly rounds: number;
  readonly errorSeat?: number;
  readonly error?: { readonly code: string; readonly message: string };
  /** Wall time of the run in the worker, in ms (setup of the negotiators included). */
  readonly wallMs: number;
}

/** Compiled scenarios, per context (a worker serves one tournament). */
const compiledCache = new WeakMap<RunContext, CompiledScenario[]>();

export function compiledOf(context: RunContext, scenario: number): CompiledScenario {
  let all = compiledCache.get(context);
  if (!all) compiledCache.set(context, (all = []));
  return (all[scenario] ??= compileScenario(context.scenarios[scenario]!));
}

/** Compile every scenario and build every party's utility index, so that runs measure negotiating only. */
export function warm(context: RunContext): number {
  let n = 0;
  context.scenarios.forEach((_, s) => {
    const compiled = compiledOf(context, s);
    compiled.parties.forEach((_, p) => {
      partyUtilityIndex(compiled, p);
      n++;
    });
  });
  return n;
}

/** Run one planned negotiation. Agent failures are recorded in the result, never thrown. */
export function runOne(context: RunContext, run: RunSpec, now: () => number): RunOutcome {
  const t0 = now();
  const compiled = compiledOf(context, run.scenario);
  let factories;
  try {
    factories = run.competitors.map((spec) => parseAgentSpec(spec));
  } catch (error) {
    return {
      index: run.index,
      status: "error",
      agreement: null,
      utilities: run.seats.map((id) => compiled.parties.find((p) => p.party.id === id)?.reservation ?? 0),
      rounds: 0,
      error: { code: "AGENT_SPEC", message: error instanceof Error ? error.message : String(error) },
      wallMs: now() - t0,
    };
  }
  const result = runNegotiation(compiled, factories, {
    seats: run.seats,
    protocol: createProtocol(context.protocol, { rounds: context.rounds, seed: run.seed }),
    seed: run.seed,
    trace: "final",
  });
  const last = result.trace.at(-1);
  return {
    index: run.index,
    status: result.status,
    agreement: result.agreement,
    utilities: result.utilities,
    rounds: result.rounds,
    ...(result.errorSeat !== undefined ? { errorSeat: result.errorSeat } : {}),
    ...(result.status === "error" && last?.code ? { error: { code: last.code, message: last.message ?? "" } } : {}),
    wallMs: now() - t0,
  };
}
