// Random rooms and random (legal or not) human answers for the rooms' property tests. Every choice is
// a function of (seed, seq): a room resumed from a prefix of its events makes the same choices.
import fc from "fast-check";
import {
  compileScenario,
  createRng,
  deriveSeed,
  engineMoves,
  isParleyError,
  type CompiledScenario,
  type Preferences,
  type RoomActor,
  type RoomCommand,
  type RoomSeatSpec,
  type RoomSpec,
  type RoomState,
} from "@parley/core";
import { threeParties } from "./negotiation-fixtures.js";
import { roomSpec, RoomDriver } from "./room-fixtures.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });
const additive = (weights: Record<string, number>, values: Record<string, Record<string, number>>) => ({
  utility: { kind: "linear-additive" as const, weights, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, table(v)])) },
});

/**
 * Three parties who each care most about a different issue (room for logrolling, so agreements
 * often leave a post-settlement improvement), Q with a red line, and a framework (an opening).
 */
export const compiled3f = compileScenario({
  ...threeParties,
  issues: [
    { kind: "categorical", id: "a", options: ["x", "y", "z"] },
    { kind: "categorical", id: "b", options: ["x", "y", "z"] },
    { kind: "categorical", id: "c", options: ["x", "y"] },
  ],
  parties: [
    { id: "P", name: "P", role: "party", preferences: additive({ a: 0.7, b: 0.1, c: 0.2 }, { a: { x: 1, y: 0.4 }, b: { y: 1, z: 0.5 }, c: { x: 1 } }) },
    {
      id: "Q",
      name: "Q",
      role: "party",
      preferences: { ...additive({ a: 0.1, b: 0.7, c: 0.2 }, { a: { z: 1, y: 0.5 }, b: { x: 1, y: 0.3 }, c: { y: 1 } }), reservation: 0.1, redLines: [{ kind: "forbid", issue: "b", values: ["z"] }] },
    },
    { id: "R", name: "R", role: "party", preferences: additive({ a: 0.2, b: 0.2, c: 0.6 }, { a: { y: 1 }, b: { z: 1, x: 0.5 }, c: { x: 0.2, y: 1 } }) },
  ],
  frameworks: [{ id: "f", name: "F", points: [{ id: "1", number: 1, text: "a is x", sets: { a: "x" } }] }],
});

/** A human seat's submitted preferences: the modelled ones with a reservation value no one else has (a marker). */
export const secretReservation = (party: string) => 0.031415926 + 1e-7 * party.charCodeAt(0);
export function secretPreferences(compiled: CompiledScenario, party: string): Preferences {
  const modelled = compiled.parties.find((p) => p.party.id === party)!.party.preferences!;
  return { ...modelled, reservation: secretReservation(party) };
}
/** Markers in private texts: rating comments (`rate`, private to the seat) and messages (`msg`, between a seat and the mediator). */
export const secretText = (kind: "rate" | "msg", party: string, seq: number) => `secret-${kind}-${party}-${seq}.`;

const agents = ["boulware", "conceder", "linear", "hardliner", "random(p=0.5)", "nice", "micro", "tit-for-tat"];

export const arbitraryRoomSpec: fc.Arbitrary<RoomSpec> = fc
  .record({
    protocol: fc.constantFrom("sao", "stacked", "single-text", "shuttle") as fc.Arbitrary<RoomSpec["protocol"]>,
    kinds: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    agentIdx: fc.array(fc.nat(agents.length - 1), { minLength: 3, maxLength: 3 }),
    excluded: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    mediator: fc.constantFrom("human", "engine", "none") as fc.Arbitrary<RoomSpec["mediator"]>,
    disclosure: fc.constantFrom("aggregates", "none") as fc.Arbitrary<RoomSpec["disclosure"]>,
    opening: fc.boolean(),
    rounds: fc.integer({ min: 1, max: 8 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((r) => {
    const parties = r.protocol === "sao" ? ["P", "Q"] : ["P", "Q", "R"];
    const shuttle = r.protocol === "shuttle";
    const seats: RoomSeatSpec[] = parties.map((party, k) => {
      const excluded = shuttle && k > 0 && r.excluded[k]!;
      return r.kinds[k] ? { party, kind: "agent", agent: agents[r.agentIdx[k]!]!, ...(excluded ? { excluded } : {}) } : { party, kind: "human", ...(excluded ? { excluded } : {}) };
    });
    const mediator: RoomSpec["mediator"] =
      r.protocol === "single-text" ? (r.mediator === "none" ? "engine" : r.mediator) : shuttle ? r.mediator : "none";
    return roomSpec(seats, {
      protocol: r.protocol,
      mediator,
      disclosure: r.disclosure,
      deadline: { rounds: r.rounds },
      seed: r.seed,
      ...(r.opening && (r.protocol === "single-text" || shuttle) ? { opening: "f" } : {}),
    });
  });

/** A random human (or mediator, or convener) command for the room as it stands; sometimes one the rules refuse. */
export function randomHumanMove(state: RoomState, seed: number): { actor: RoomActor; command: RoomCommand } | null {
  const rng = createRng(deriveSeed(seed, state.seq));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const { compiled, spec } = state;
  const randomPackage = () => Object.fromEntries(compiled.issues.map((issue, i) => [issue.id, pick(compiled.values[i]!)]));
  const humans = state.seats.filter((s) => s.kind === "human");
  const seq = state.seq;
  const as = (party: string) => ({ role: "seat", party }) as const;
  // Now and then, a stray command (a refused one must leave the room as it was).
  if (rng() < 0.08 && humans.length > 0) {
    const party = pick(humans).party;
    return pick([
      { actor: as(party), command: { type: "offer", party, package: randomPackage() } },
      { actor: as(party), command: { type: "respond", party, response: "accept" } },
      { actor: { role: "mediator" }, command: { type: "publish-draft", package: randomPackage() } },
      { actor: as(party), command: { type: "rate", party, points: {}, overall: "accept" } },
      { actor: as(party), command: { type: "improvement-vote", party, vote: "accept" } },
    ] satisfies { actor: RoomActor; command: RoomCommand }[]);
  }
  if (spec.protocol === "shuttle" && spec.mediator === "human" && state.status === "running" && rng() < 0.15) {
    const party = pick(state.seats).party;
    return rng() < 0.5 || state.seats.find((s) => s.party === party)!.kind === "agent"
      ? { actor: { role: "mediator" }, command: { type: "message", to: party, text: secretText("msg", `mediator>${party}`, seq) } }
      : { actor: as(party), command: { type: "message", to: "mediator", text: secretText("msg", party, seq), package: randomPackage() } };
  }
  switch (state.status) {
    case "open": {
      const s = humans.find((h) => !h.joined || !h.judge);
      if (!s) return null;
      return s.joined
        ? { actor: as(s.party), command: { type: "submit-preferences", party: s.party, preferences: secretPreferences(compiled, s.party) } }
        : { actor: as(s.party), command: { type: "join", party: s.party } };
    }
    case "running": {
      if (spec.protocol === "single-text") {
        if (state.draft) {
          const s = humans.find((h) => !state.ratings[h.party]);
          if (!s) return null;
          const points = Object.fromEntries(
            compiled.issues.map((issue) => [issue.id, { rating: pick(["acceptable", "needs-change", "unacceptable"] as const), comment: secretText("rate", s.party, seq) }]),
          );
          return { actor: as(s.party), command: { type: "rate", party: s.party, draft: state.draft.number, points, overall: rng() < 0.7 ? "accept" : "reject", comment: secretText("rate", s.party, seq) } };
        }
        if (spec.mediator !== "human") return null;
        return state.text && rng() < 0.25
          ? { actor: { role: "mediator" }, command: { type: "call-ratification" } }
          : { actor: { role: "mediator" }, command: { type: "publish-draft", package: randomPackage() } };
      }
      const ask = state.machine!.next();
      if (!ask || ask.seat < 0 || state.seats[ask.seat]!.kind !== "human") return null;
      const party = state.seats[ask.seat]!.party;
      const r = rng();
      if (ask.kind === "propose") return { actor: as(party), command: r < 0.05 ? { type: "respond", party, response: "end" } : { type: "offer", party, package: randomPackage() } };
      return {
        actor: as(party),
        command: r < 0.45 ? { type: "respond", party, response: "accept" } : r < 0.6 ? { type: "respond", party, response: "reject" } : r < 0.97 ? { type: "offer", party, package: randomPackage() } : { type: "respond", party, response: "end" },
      };
    }
    case "ratifying": {
      const r = state.ratification!;
      const voters = spec.protocol === "shuttle" ? humans.filter((h) => h.excluded) : humans;
      const s = voters.find((h) => !r.votes[h.party]);
      return s ? { actor: as(s.party), command: { type: "ratify", party: s.party, vote: rng() < 0.8 ? "accept" : "reject" } } : null;
    }
    case "improving": {
      const s = humans.find((h) => !state.improvement!.votes[h.party]);
      return s ? { actor: as(s.party), command: { type: "improvement-vote", party: s.party, vote: rng() < 0.7 ? "accept" : "keep" } } : null;
    }
    default:
      return null;
  }
}

/**
 * Drive a room to its end (or `maxSteps`): the engine's moves first, else a random human move. A
 * refused command must throw a RoomRuleError and change nothing. `after` sees every state.
 */
export function driveRandomly(room: RoomDriver, seed: number, maxSteps = 400, after: (room: RoomDriver) => void = () => {}): void {
  for (let step = 0; step < maxSteps; step++) {
    const moves = engineMoves(room.state);
    if (moves.length > 0) {
      for (const m of moves) room.act(m.actor, m.command);
      after(room);
      continue;
    }
    const move = randomHumanMove(room.state, seed);
    if (!move) return;
    const before = room.events.length;
    try {
      room.act(move.actor, move.command);
    } catch (error) {
      if (!isParleyError(error) || !error.code.startsWith("PARLEY_ROOM_")) throw error;
      if (room.events.length !== before) throw new Error("a refused command appended events");
      // A refused move: nudge the choice stream so the room does not loop on it.
      const nudge = randomHumanMove({ ...room.state, seq: room.state.seq + 1_000_000 } as RoomState, seed);
      if (!nudge) return;
      try {
        room.act(nudge.actor, nudge.command);
      } catch (e2) {
        if (!isParleyError(e2)) throw e2;
        return;
      }
    }
    after(room);
  }
}
