import type { Rng } from "../random/rng.js";
import { crossesRedLine } from "../preferences/compile-red-lines.js";
import { outcomeUtilities } from "../analysis/outcome-utilities.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import type { AgentContext } from "./negotiator.js";
import type { Outcome } from "./types.js";
import { createUtilityIndex, type UtilityIndex } from "./utility-index.js";

// Indices are immutable and depend only on the scenario and the party: share them across runs.
const indexCache = new WeakMap<CompiledScenario, Map<number, UtilityIndex>>();

/** The sorted utility index of one analysed party (cached per compiled scenario). */
export function partyUtilityIndex(compiled: CompiledScenario, partyIndex: number, limit = 20_000_000): UtilityIndex {
  let byParty = indexCache.get(compiled);
  if (!byParty) indexCache.set(compiled, (byParty = new Map()));
  let index = byParty.get(partyIndex);
  if (!index) {
    const single: CompiledScenario = { ...compiled, parties: [compiled.parties[partyIndex]!] };
    const { utilities } = outcomeUtilities(single, { limit });
    index = createUtilityIndex(utilities[0]!, compiled.radices);
    byParty.set(partyIndex, index);
  }
  return index;
}

/**
 * The context a negotiator gets for seat `seat`, representing analysed party `partyIndex`. It
 * closes over that party's compiled utility only.
 */
export function createAgentContext(
  compiled: CompiledScenario,
  partyIndex: number,
  seat: number,
  seats: number,
  rng: Rng,
  rounds: number,
): AgentContext {
  const cp = compiled.parties[partyIndex]!;
  const utility = cp.utility;
  const redLines = cp.redLines;
  let index: UtilityIndex | undefined;
  return {
    seat,
    seats,
    party: { id: cp.party.id, name: cp.party.name },
    issues: compiled.issues,
    values: compiled.values,
    size: compiled.size,
    utility: (outcome: Outcome) => utility.evaluate(outcome),
    reservation: cp.reservation,
    discount: cp.discount,
    crossesRedLine: (outcome: Outcome) => redLines.some((line) => crossesRedLine(line, outcome)),
    hasRedLines: redLines.length > 0,
    index: () => (index ??= partyUtilityIndex(compiled, partyIndex)),
    rng,
    rounds,
  };
}
