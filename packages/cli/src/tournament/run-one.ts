// One tournament run in a worker thread (or the main thread): the core's playTournamentRun on the
// worker's compiled scenarios, timed.
import { compileScenario, partyUtilityIndex, playTournamentRun, type CompiledScenario, type RunSpec, type Scenario, type TournamentProtocol, type TournamentRunOutcome } from "@parley/core";

/** What every run of a tournament shares (sent once to each worker). */
export interface RunContext {
  /** The scenarios of the plan, by index. */
  readonly scenarios: readonly Scenario[];
  readonly protocol: TournamentProtocol;
  readonly rounds: number;
}

/** What a run returns (metrics are added by the caller, which holds the scenario references). */
export interface RunOutcome extends TournamentRunOutcome {
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
  const outcome = playTournamentRun(compiledOf(context, run.scenario), run, { protocol: context.protocol, rounds: context.rounds });
  return { ...outcome, wallMs: now() - t0 };
}
