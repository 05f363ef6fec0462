import type { Rng } from "../random/rng.js";
import { crossesRedLine } from "../preferences/compile-red-lines.js";
import { outcomeUtilities } from "../analysis/outcome-utilities.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import type { AgentContext } from "./negotiator.js";
import type { Outcome } from "./types.js";
import { createUtilityIndex, type UtilityIndex } from "./utility-index.js";
import { indexLadder, topDownLadder, topDownLadderFits, type OwnLadder } from "./top-down-ladder.js";

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

// Top-down ladders, like indices, are shared across runs (listing more of one never changes a position).
const ladderCache = new WeakMap<CompiledScenario, Map<number, OwnLadder>>();

/**
 * The ladder of one analysed party: its index when already built (a tournament builds every index
 * before its runs), else for a linear-additive utility a ladder built from the top as it is read
 * (topDownLadder: a one-off run reads only the top of it), else null (build the index). Same
 * positions either way.
 */
export function partyLadder(compiled: CompiledScenario, partyIndex: number, limit = 20_000_000): OwnLadder | null {
  const built = indexCache.get(compiled)?.get(partyIndex);
  if (built) return indexLadder(built);
  let byParty = ladderCache.get(compiled);
  let ladder = byParty?.get(partyIndex);
  if (ladder) return ladder;
  const tables = compiled.parties[partyIndex]!.utility.contributions;
  if (!tables || !topDownLadderFits(tables, limit)) return null;
  if (!byParty) ladderCache.set(compiled, (byParty = new Map()));
  ladder = topDownLadder(tables);
  byParty.set(partyIndex, ladder);
  return ladder;
}

// The ladder behind each context made here, read by acceptableOutcomes (kept off the context
// object itself, which lists exactly what a negotiator may read).
const contextLadders = new WeakMap<AgentContext, () => OwnLadder | null>();

/** The ladder a context made by createAgentContext reads its outcomes from; undefined for other contexts. */
export function contextLadder(ctx: AgentContext): OwnLadder | null | undefined {
  return contextLadders.get(ctx)?.();
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
  const ctx: AgentContext = {
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
  contextLadders.set(ctx, () => partyLadder(compiled, partyIndex));
  return ctx;
}
