// What the engine does on its own: start the room, draft as the engine mediator, play the agent
// seats, vote for agents on improvements. Deterministic: the same events give the same moves.
import { MEDIATOR_STREAM } from "../negotiation/protocols/registry.js";
import type { Outcome } from "../negotiation/types.js";
import { createRng, deriveSeed } from "../random/rng.js";
import { judgesOf } from "./decide.js";
import { bestPackage, nextDraft, pointRatings } from "./judge.js";
import { agentAnswer, machineKey, RATIFICATION_KEY, ratifiers, toPackage, type RoomState } from "./state.js";
import type { PointRating, RoomMove } from "./types.js";

/** The engine mediator's stream for its opening package (apart from the machine's MEDIATOR_STREAM). */
const OPENING_STREAM = MEDIATOR_STREAM + 2;

/**
 * The engine mediator's draft rule (docs/rooms.md, "Single negotiating text"): the next draft from
 * the current text and the last ratings, or its opening package when there is no text yet; null
 * when no change qualifies (the engine calls the ratification). Every seat's preferences must be
 * known (the room has started).
 */
export function engineDraft(state: RoomState): Outcome | null {
  const judges = judgesOf(state);
  const urgent = new Set<number>();
  for (const r of Object.values(state.lastRatings))
    for (const [id, p] of Object.entries(r.points)) if (p.rating === "unacceptable") urgent.add(state.compiled.issues.findIndex((i) => i.id === id));
  return state.text
    ? nextDraft(state.compiled.radices, judges, state.text, state.tried, urgent)
    : bestPackage(state.compiled, judges, createRng(deriveSeed(state.spec.seed, OPENING_STREAM)));
}

/**
 * The moves the server must make now on its own, in order (each is valid after the ones before it
 * are applied; after applying them, ask again until none is left). Agent seats act as their party
 * (actor `{ role: "seat", party }`); the engine starts the room and drafts as the engine mediator.
 */
export function engineMoves(state: RoomState): RoomMove[] {
  const { spec } = state;
  const engine = { role: "engine" } as const;
  switch (state.status) {
    case "open":
      return state.seats.every((s) => s.joined && s.judge) ? [{ actor: engine, command: { type: "start" } }] : [];
    case "running":
      break;
    case "ratifying": {
      const r = state.ratification!;
      // One vote at a time: in shuttle rooms the first rejection ends the room.
      return ratifiers(state).flatMap((seat): RoomMove[] => {
        if (seat.kind !== "agent" || r.votes[seat.party]) return [];
        const k = state.seats.indexOf(seat);
        const a = agentAnswer(state, k, RATIFICATION_KEY, { kind: "respond", offer: r.outcome, from: -1 });
        const vote = a.kind === "respond" && a.response === "accept" ? "accept" : "reject";
        return [{ actor: { role: "seat", party: seat.party }, command: { type: "ratify", party: seat.party, vote } }];
      }).slice(0, 1);
    }
    case "improving": {
      const imp = state.improvement!;
      return state.seats.flatMap((seat): RoomMove[] => {
        if (seat.kind !== "agent" || imp.votes[seat.party]) return [];
        const j = seat.judge!;
        const vote = j.crossings(imp.outcome) === 0 && j.utility(imp.outcome) > j.utility(state.agreement!) ? "accept" : "keep";
        return [{ actor: { role: "seat", party: seat.party }, command: { type: "improvement-vote", party: seat.party, vote } }];
      });
    }
    default:
      return [];
  }
  const m = state.machine!;
  if (spec.protocol === "single-text") {
    const draft = state.draft;
    if (!draft) {
      const ask = m.next();
      if (spec.mediator !== "engine" || !ask || ask.seat !== -1) return [];
      const next = engineDraft(state);
      return [{ actor: engine, command: next ? { type: "publish-draft", package: toPackage(state, next) } : { type: "call-ratification" } }];
    }
    return state.seats.flatMap((seat, k): RoomMove[] => {
      if (seat.kind !== "agent" || state.ratings[seat.party]) return [];
      const a = agentAnswer(state, k, `d${draft.number}`, { kind: "respond", offer: draft.outcome, from: -1 });
      const overall = a.kind === "respond" && a.response === "accept" ? "accept" : "reject";
      const ratings = pointRatings(seat.judge!, state.compiled.radices, draft.outcome);
      const points: Record<string, { rating: PointRating }> = {};
      state.compiled.issues.forEach((issue, i) => (points[issue.id] = { rating: ratings[i]! }));
      return [{ actor: { role: "seat", party: seat.party }, command: { type: "rate", party: seat.party, draft: draft.number, points, overall } }];
    });
  }
  // Sao, stacked, shuttle: the seat the machine asks, when it is an agent.
  const ask = m.next();
  if (!ask || ask.seat < 0 || state.seats[ask.seat]!.kind !== "agent") return [];
  const party = state.seats[ask.seat]!.party;
  const actor = { role: "seat", party } as const;
  const a = agentAnswer(state, ask.seat, machineKey(state), ask.kind === "propose" ? { kind: "propose" } : { kind: "respond", offer: ask.offer, from: ask.from });
  if (a.kind === "propose")
    return [{ actor, command: a.outcome ? { type: "offer", party, package: toPackage(state, a.outcome) } : { type: "respond", party, response: "end" } }];
  return [{ actor, command: { type: "respond", party, response: a.response } }];
}
