// Engine suggestions for a human mediator (docs/rooms.md, "Engine suggestions"): packages the engine
// computes from every seat's private preferences — the engine mediator's next single text, the Nash
// and Kalai–Smorodinsky packages, a post-settlement improvement — handed out as packages only. The
// one figure about the seats is a count, and only under disclosure "aggregates": how many seats a
// package leaves at or above their walk-away, how many it takes across a red line. Never which seat,
// never a utility.
import { analyzeScenario } from "../analysis/analyze-scenario.js";
import { isParleyError } from "../errors.js";
import type { Outcome } from "../negotiation/types.js";
import type { CompiledParty, CompiledScenario } from "../space/compile-scenario.js";
import { judgesOf } from "./decide.js";
import { engineDraft } from "./engine-moves.js";
import { roomError } from "./errors.js";
import { improvementOf, seatParty, type SeatJudge } from "./judge.js";
import { toOutcome, toPackage, type RoomState } from "./state.js";
import type { RoomPackage } from "./types.js";

/** What the mediator may learn of the seats about one suggested package (disclosure "aggregates"). */
export interface SuggestionCounts {
  /** Seats whose utility of the package is at or above their reservation value (walk-away). */
  readonly atOrAboveWalkAway: number;
  /** Seats one of whose red lines the package crosses. */
  readonly crossingRedLines: number;
  /** The number of seats. */
  readonly of: number;
}

export interface RoomSuggestion {
  readonly package: RoomPackage;
  /** Only under disclosure "aggregates". */
  readonly seats?: SuggestionCounts;
}

export interface RoomSuggestions {
  /** The room's last seq when computed (suggestions change only with the room). */
  readonly seq: number;
  /**
   * Single text while running: the engine mediator's next draft from the current text (its opening
   * package when there is no text yet); null when no change qualifies (the engine would call the
   * ratification). Absent otherwise.
   */
  readonly nextText?: RoomSuggestion | null;
  /** Nash bargaining over the seats' rational Pareto frontier (null: no package is rational for every seat). */
  readonly nash: RoomSuggestion | null;
  /** Kalai–Smorodinsky over the same frontier. */
  readonly kalaiSmorodinsky: RoomSuggestion | null;
  /** After an agreement: a package every seat strictly prefers to the settled one (null: none). Absent before. */
  readonly improvement?: RoomSuggestion | null;
  /** Why a suggestion is missing (a space too large to analyse exactly). */
  readonly notes: readonly string[];
}

export interface RoomSuggestionOptions {
  /** Analyse the Nash and Kalai–Smorodinsky packages by enumeration up to this many outcomes (the analysis' default otherwise). */
  readonly enumerationLimit?: number;
}

/** Every seat's preferences as the analysed parties of the room's scenario, in seat order (submitted for people, modelled for agents). */
function seatParties(state: RoomState): CompiledParty[] {
  const { compiled } = state;
  return state.seats.map((seat) => {
    const party = compiled.scenario.parties.find((p) => p.id === seat.party)!;
    return seat.kind === "agent" ? compiled.parties.find((p) => p.party.id === seat.party)! : seatParty(compiled, party, seat.preferences!);
  });
}

function countsOf(judges: readonly SeatJudge[], o: Outcome): SuggestionCounts {
  let above = 0;
  let crossing = 0;
  for (const j of judges) {
    if (j.utility(o) >= j.reservation) above++;
    if (j.crossings(o) > 0) crossing++;
  }
  return { atOrAboveWalkAway: above, crossingRedLines: crossing, of: judges.length };
}

/**
 * The engine's suggestions for the room's human mediator. Needs every seat's preferences: throws
 * RoomRuleError PARLEY_ROOM_NOT_NOW before the room has started. Pure and deterministic (the same
 * events give the same suggestions).
 */
export function roomSuggestions(state: RoomState, options: RoomSuggestionOptions = {}): RoomSuggestions {
  if (state.startedAt === null) roomError("PARLEY_ROOM_NOT_NOW", "suggestions need every seat's preferences: the room has not started");
  const judges = judgesOf(state);
  const disclose = state.spec.disclosure === "aggregates";
  const suggestion = (o: Outcome): RoomSuggestion => ({ package: toPackage(state, o), ...(disclose ? { seats: countsOf(judges, o) } : {}) });
  const notes: string[] = [];

  const restricted: CompiledScenario = { ...state.compiled, scenario: { ...state.compiled.scenario, frameworks: [] }, parties: seatParties(state) };
  let nash: RoomSuggestion | null = null;
  let ks: RoomSuggestion | null = null;
  try {
    const report = analyzeScenario(restricted, { outcomesPerPoint: 1, ...(options.enumerationLimit !== undefined ? { enumerationLimit: options.enumerationLimit } : {}) });
    const first = (points: readonly { outcome: RoomPackage }[]) => (points[0] ? suggestion(toOutcome(state, points[0].outcome)) : null);
    nash = first(report.nash);
    ks = first(report.kalaiSmorodinsky);
  } catch (error) {
    if (!isParleyError(error) || error.code !== "PARLEY_ERR_SPACE_TOO_LARGE") throw error;
    notes.push(`no Nash or Kalai–Smorodinsky package: ${error.message}`);
  }

  const single = state.spec.protocol === "single-text" && state.status === "running";
  const next = single ? engineDraft(state) : undefined;
  const settled = state.final ?? state.agreement;
  const better = settled ? improvementOf(state.compiled, judges, settled) : undefined;
  return {
    seq: state.seq,
    ...(next !== undefined ? { nextText: next ? suggestion(next) : null } : {}),
    nash,
    kalaiSmorodinsky: ks,
    ...(better !== undefined ? { improvement: better ? suggestion(better) : null } : {}),
    notes,
  };
}
