import { isParleyError } from "../errors.js";
import type { PartyRole } from "../model/party.js";
import { outcomeIndices, type CompiledScenario } from "../space/compile-scenario.js";
import { runMetrics, type NegotiationReference } from "./metrics.js";
import type { RunResult } from "./types.js";

/** What the CLI's `simulate --json` and the server's simulation results share about one run. */
export interface RunSummary {
  readonly status: RunResult["status"];
  readonly seats: readonly string[];
  readonly agreement: RunResult["agreement"];
  readonly utilities: readonly number[];
  /** The seated parties' reservation values, in seat order. */
  readonly reservation: readonly number[];
  readonly rounds: number;
  readonly paretoDistance: number | null;
  readonly nashDistance: number | null;
  readonly welfare: number;
  /** Parties with preferences that are not seated (e.g. a mediator): their utility of the agreement. */
  readonly others: readonly { readonly party: string; readonly role: PartyRole; readonly utility: number }[];
  readonly errorSeat?: number;
  readonly notes: readonly string[];
  readonly trace: RunResult["trace"];
}

/**
 * Summarise a run against the seats' frontier and Nash points (`reference`; null when they could
 * not be computed, with the reason among `notes`).
 */
export function summarizeRun(
  compiled: CompiledScenario,
  result: RunResult,
  reference: NegotiationReference | null,
  notes: readonly string[] = [],
): RunSummary {
  const allNotes = [...notes];
  let metrics: ReturnType<typeof runMetrics> | null = null;
  if (reference)
    try {
      metrics = runMetrics(result, reference);
    } catch (error) {
      if (!isParleyError(error)) throw error;
      allNotes.push(`no Pareto or Nash distance: ${error.message}`);
    }
  const agreed = result.agreement ? outcomeIndices(compiled, result.agreement) : null;
  const others = compiled.parties
    .filter((p) => !result.seats.includes(p.party.id))
    .map((p) => ({ party: p.party.id, role: p.party.role, utility: agreed ? p.utility.evaluate(agreed) : p.reservation }));
  return {
    status: result.status,
    seats: result.seats,
    agreement: result.agreement,
    utilities: result.utilities,
    reservation: result.seats.map((id) => compiled.parties.find((p) => p.party.id === id)!.reservation),
    rounds: result.rounds,
    paretoDistance: metrics?.paretoDistance ?? null,
    nashDistance: metrics?.nashDistance ?? null,
    welfare: result.utilities.reduce((a, b) => a + b, 0),
    others,
    ...(result.errorSeat !== undefined ? { errorSeat: result.errorSeat } : {}),
    notes: allNotes,
    trace: result.trace,
  };
}
