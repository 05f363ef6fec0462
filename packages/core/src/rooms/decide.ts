// The room's rules: a command by an actor, checked against the state, becomes the events to append
// (decideRoom), or a RoomRuleError. Pure: the state is not touched (the protocol machine is forked).
import { isParleyError } from "../errors.js";
import type { Value } from "../model/issue.js";
import type { Answer, ProtocolEvent, ProtocolMachine, Step } from "../negotiation/protocols/protocol.js";
import { isProtocolName, protocolRegistry } from "../negotiation/protocols/registry.js";
import { parseAgentSpec } from "../negotiation/strategies/agent-spec.js";
import type { Outcome } from "../negotiation/types.js";
import { findFramework } from "../framework/settlement.js";
import { issueValueIndex } from "../space/issue-values.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import type { Scenario } from "../model/scenario.js";
import { roomError } from "./errors.js";
import { compileSeatPreferences, improvementOf, type SeatJudge } from "./judge.js";
import { compiledOf, forkMachine, isOver, pump, ratifiers, seatIndex, toPackage, type RoomState } from "./state.js";
import type { PointRating, RatingAggregates, RoomActor, RoomAudience, RoomCommand, RoomEventDraft, RoomPackage, RoomSpec } from "./types.js";

const ratingsValues: readonly PointRating[] = ["acceptable", "needs-change", "unacceptable"];

/**
 * Check a room spec against its scenario and return the room's first event. Throws RoomRuleError
 * PARLEY_ROOM_BAD_SPEC naming what does not fit.
 */
export function createRoom(scenario: Scenario | CompiledScenario, spec: RoomSpec): RoomEventDraft<"room-created"> {
  const compiled = compiledOf(scenario);
  const bad = (message: string) => roomError("PARLEY_ROOM_BAD_SPEC", message);
  if (!isProtocolName(spec.protocol)) bad(`unknown protocol "${String(spec.protocol)}"`);
  const entry = protocolRegistry[spec.protocol];
  const n = spec.seats.length;
  if (n < entry.minSeats || n > entry.maxSeats) bad(`the ${spec.protocol} protocol needs ${entry.minSeats === entry.maxSeats ? entry.minSeats : `at least ${entry.minSeats}`} seats, not ${n}`);
  const seen = new Set<string>();
  for (const seat of spec.seats) {
    if (seen.has(seat.party)) bad(`party "${seat.party}" has two seats`);
    seen.add(seat.party);
    if (!compiled.scenario.parties.some((p) => p.id === seat.party)) bad(`no party "${seat.party}" in scenario "${compiled.scenario.id}"`);
    if (seat.kind !== "human" && seat.kind !== "agent") bad(`seat ${seat.party}: kind is "human" or "agent"`);
    if (seat.kind === "agent") {
      if (!compiled.parties.some((p) => p.party.id === seat.party)) bad(`seat ${seat.party}: an agent seat needs the party's modelled preferences, and the scenario has none`);
      try {
        parseAgentSpec(seat.agent ?? "");
      } catch (error) {
        if (isParleyError(error)) bad(`seat ${seat.party}: ${error.message}`);
        throw error;
      }
    } else if (seat.agent !== undefined) bad(`seat ${seat.party}: a human seat has no agent spec`);
    if (seat.excluded && spec.protocol !== "shuttle") bad(`seat ${seat.party}: only the shuttle protocol excludes seats`);
  }
  if (spec.protocol === "shuttle" && spec.seats.every((s) => s.excluded)) bad("shuttle mediation needs at least one seat at the table");
  const mediated = spec.protocol === "single-text" || spec.protocol === "shuttle";
  if (spec.protocol === "single-text" && spec.mediator !== "human" && spec.mediator !== "engine") bad(`the single-text protocol's mediator is "human" or "engine", not "${spec.mediator}"`);
  if (spec.protocol === "shuttle" && !["human", "engine", "none"].includes(spec.mediator)) bad(`unknown mediator "${spec.mediator}"`);
  if (!mediated && spec.mediator !== "none") bad(`the ${spec.protocol} protocol has no mediator (mediator "none")`);
  if (spec.disclosure !== "aggregates" && spec.disclosure !== "none") bad(`disclosure is "aggregates" or "none", not "${String(spec.disclosure)}"`);
  if (!Number.isSafeInteger(spec.deadline.rounds) || spec.deadline.rounds <= 0) bad(`the deadline in rounds must be a positive whole number, not ${spec.deadline.rounds}`);
  if (spec.deadline.seconds !== undefined && !(Number.isFinite(spec.deadline.seconds) && spec.deadline.seconds > 0)) bad(`the deadline in seconds must be positive, not ${spec.deadline.seconds}`);
  if (!Number.isSafeInteger(spec.seed)) bad(`the seed must be a whole number, not ${spec.seed}`);
  if (spec.opening !== undefined) {
    if (!mediated) bad(`an opening text applies to the single-text and shuttle protocols only`);
    try {
      findFramework(compiled, spec.opening);
    } catch (error) {
      if (isParleyError(error)) bad(error.message);
      throw error;
    }
  }
  if (Number.isNaN(Date.parse(spec.createdAt))) bad(`createdAt is not an ISO-8601 time: "${spec.createdAt}"`);
  return { type: "room-created", actor: { role: "convener" }, public: { spec } };
}

/** A package of the room's scenario, as option indices. Throws PARLEY_ROOM_BAD_PACKAGE. */
export function packageOutcome(compiled: CompiledScenario, pkg: RoomPackage): Outcome {
  if (typeof pkg !== "object" || pkg === null || Array.isArray(pkg)) return roomError("PARLEY_ROOM_BAD_PACKAGE", "a package is an object: issue id → value");
  const ids = new Set(compiled.issues.map((i) => i.id));
  for (const key of Object.keys(pkg)) if (!ids.has(key)) roomError("PARLEY_ROOM_BAD_PACKAGE", `the package names "${key}", which is not an issue of the scenario`);
  return compiled.issues.map((issue) => {
    const v = (pkg as Record<string, Value>)[issue.id];
    if (v === undefined) return roomError("PARLEY_ROOM_BAD_PACKAGE", `the package leaves issue "${issue.id}" unset (a package sets every issue)`);
    const k = issueValueIndex(issue, v);
    if (k < 0) return roomError("PARLEY_ROOM_BAD_PACKAGE", `"${String(v)}" is not a value of issue "${issue.id}"`);
    return k;
  });
}

/** The preferences the engine uses for every seat (all are known once the room has started). */
export const judgesOf = (state: RoomState): SeatJudge[] => state.seats.map((s) => s.judge!);

/** The events that follow an agreement: the agreement, and a post-settlement improvement when there is one. */
function agreementEvents(state: RoomState, outcome: Outcome): RoomEventDraft[] {
  const out: RoomEventDraft[] = [{ type: "agreement", actor: { role: "engine" }, public: { package: toPackage(state, outcome) } }];
  const better = improvementOf(state.compiled, judgesOf(state), outcome);
  if (better) out.push({ type: "improvement-proposed", actor: { role: "engine" }, public: { package: toPackage(state, better) } });
  return out;
}

/** Room events for what the machine reports after an answer (agreement, time-out, ratification), and shuttle consultations. */
function machineEvents(state: RoomState, m: ProtocolMachine, events: readonly ProtocolEvent[]): RoomEventDraft[] {
  const out: RoomEventDraft[] = [];
  for (const e of events) {
    if (e.type === "agreement") out.push(...agreementEvents(state, e.outcome!));
    else if (e.type === "timeout") out.push({ type: "no-agreement", actor: { role: "engine" }, public: { reason: "timeout" } });
    else if (e.type === "ratify") out.push({ type: "ratification-called", actor: { role: "engine" }, public: { package: toPackage(state, e.outcome!) } });
  }
  const result = m.next() === null ? m.result() : null;
  if (result && (result.status === "rejected" || result.status === "ended") && !out.some((e) => e.type === "no-agreement"))
    out.push({ type: "no-agreement", actor: { role: "engine" }, public: { reason: result.status } });
  if (state.spec.protocol === "shuttle") {
    const ask = m.next();
    const excluded = ask && ask.seat >= 0 && state.seats[ask.seat]!.excluded;
    if (ask && ask.kind === "respond" && !excluded) {
      const party = state.seats[ask.seat]!.party;
      out.push({
        type: "offer",
        actor: { role: "engine" },
        public: { party },
        private: { audience: shuttleAudience(state, party), body: { package: toPackage(state, ask.offer) } },
      });
    }
  }
  return out;
}

const shuttleAudience = (state: RoomState, party: string): RoomAudience[] =>
  state.spec.mediator === "human" ? [{ party }, { mediator: true }] : [{ party }];

/** Answer the forked machine; a ProtocolViolation here is a rule the engine failed to check (a bug). */
function step(m: ProtocolMachine, answer: Answer): Step {
  return m.answer(answer);
}

/** Aggregates of the ratings of one draft (what a human mediator sees under disclosure "aggregates"). */
export function aggregatesOf(state: RoomState, draft: number, ratings: Readonly<Record<string, { readonly points: Readonly<Record<string, { readonly rating: PointRating }>>; readonly overall: "accept" | "reject" }>>): RatingAggregates {
  const points: Record<string, Record<PointRating, number>> = {};
  for (const issue of state.compiled.issues) points[issue.id] = { acceptable: 0, "needs-change": 0, unacceptable: 0 };
  const overall = { accept: 0, reject: 0 };
  const rated = Object.values(ratings);
  for (const r of rated) {
    overall[r.overall]++;
    for (const [id, p] of Object.entries(r.points)) points[id]![p.rating]++;
  }
  return { draft, points, overall, rated: rated.length, of: ratifiers(state).length };
}

const actorText = (a: RoomActor) => (a.role === "seat" ? `seat ${a.party}` : `the ${a.role}`);

/**
 * Check `command` by `actor` against the room's rules and return the events it makes (without seq,
 * at and commitment: the appender adds them), in order. `now` is the current time (ISO-8601). Pure.
 * Throws RoomRuleError: PARLEY_ROOM_OVER (the room has ended), PARLEY_ROOM_FORBIDDEN (the actor's
 * role may not do this, or not in this protocol), PARLEY_ROOM_NOT_YOUR_TURN, PARLEY_ROOM_NOT_NOW
 * (not at this stage), PARLEY_ROOM_BAD_PACKAGE, PARLEY_ROOM_BAD_PREFERENCES.
 */
export function decideRoom(state: RoomState, actor: RoomActor, command: RoomCommand, now: string): RoomEventDraft[] {
  const { spec } = state;
  const protocol = spec.protocol;
  if (isOver(state.status)) roomError("PARLEY_ROOM_OVER", `the room is ${state.status}${state.reason ? ` (${state.reason})` : ""}`);
  const forbid = (what: string) => roomError("PARLEY_ROOM_FORBIDDEN", `${actorText(actor)} may not ${what}`);
  const notNow = (why: string) => roomError("PARLEY_ROOM_NOT_NOW", why);
  /** The seat of `party` when `actor` may act for it (its own seat; an agent seat acts through the engine as its party). */
  const ownSeat = (party: string) => {
    const k = seatIndex(state, party);
    if (k < 0) roomError("PARLEY_ROOM_FORBIDDEN", `no seat for party "${party}" in this room`);
    if (actor.role !== "seat" || actor.party !== party) forbid(`act for seat ${party}`);
    return k;
  };
  const running = () => {
    if (state.status === "open") notNow("the room has not started: every seat must join and submit its preferences");
  };
  const onlyIn = (protocols: readonly string[], what: string) => {
    if (!protocols.includes(protocol)) roomError("PARLEY_ROOM_FORBIDDEN", `${what} is not part of the ${protocol} protocol`);
  };

  switch (command.type) {
    case "close": {
      // The convener, or the human mediator who runs the process (docs/rooms.md, "Who may do what").
      const mediates = actor.role === "mediator" && spec.mediator === "human";
      if (actor.role !== "convener" && actor.role !== "engine" && !mediates) forbid("close the room");
      const reason = command.reason !== undefined && command.reason.trim() !== "" ? command.reason : `closed by the ${mediates ? "mediator" : "convener"}`;
      return [{ type: "room-closed", actor, public: { reason } }];
    }
    case "join": {
      const k = ownSeat(command.party);
      if (state.seats[k]!.kind === "agent") forbid("join an agent's seat");
      if (state.seats[k]!.joined) notNow(`seat ${command.party} has already joined`);
      return [{ type: "seat-joined", actor, public: { party: command.party } }];
    }
    case "submit-preferences": {
      const k = ownSeat(command.party);
      const seat = state.seats[k]!;
      if (seat.kind === "agent") forbid("submit an agent seat's preferences (agents use the scenario's)");
      if (!seat.joined) notNow(`seat ${command.party} must join before submitting preferences`);
      if (state.status !== "open") notNow("preferences are submitted before the room starts");
      try {
        compileSeatPreferences(state.compiled, command.preferences);
      } catch (error) {
        if (isParleyError(error)) roomError("PARLEY_ROOM_BAD_PREFERENCES", error.message);
        throw error;
      }
      const prefs = command.preferences;
      if (prefs.reservation !== undefined && !(prefs.reservation >= 0 && prefs.reservation <= 1)) roomError("PARLEY_ROOM_BAD_PREFERENCES", `the reservation value must be in [0, 1], not ${prefs.reservation}`);
      return [
        {
          type: "preferences-submitted",
          actor,
          public: { party: command.party },
          private: { audience: [{ party: command.party }], body: { preferences: prefs } },
        },
      ];
    }
    case "start": {
      if (actor.role !== "engine" && actor.role !== "convener") forbid("start the room");
      if (state.status !== "open") notNow("the room has already started");
      const waiting = state.seats.filter((s) => !s.joined || !s.judge).map((s) => s.party);
      if (waiting.length) notNow(`waiting for ${waiting.join(", ")} to join and submit preferences`);
      const seconds = spec.deadline.seconds;
      const started: RoomEventDraft = {
        type: "room-started",
        actor,
        public: seconds !== undefined ? { deadlineAt: new Date(Date.parse(now) + seconds * 1000).toISOString() } : {},
      };
      // The machine as it will be once started (agents and the opening are the state's; nothing answered yet).
      const m = forkMachine(state);
      return [started, ...machineEvents(state, m, [])];
    }
    case "deadline": {
      if (actor.role !== "engine") forbid("call the deadline");
      running();
      if (state.deadlineAt === null) notNow("the room has no wall-clock deadline");
      if (Date.parse(now) < Date.parse(state.deadlineAt!)) notNow(`the deadline is ${state.deadlineAt}`);
      if (state.status === "improving")
        return [{ type: "improvement-decided", actor, public: { adopted: false, package: toPackage(state, state.agreement!) } }];
      return [{ type: "no-agreement", actor, public: { reason: "timeout" } }];
    }
    case "publish-draft":
    case "call-ratification": {
      onlyIn(["single-text"], "a draft");
      const by = spec.mediator === "engine" ? "engine" : "mediator";
      if (actor.role !== by) forbid(`${command.type === "publish-draft" ? "publish drafts" : "call the ratification"} (the ${by} mediates this room)`);
      running();
      const m = forkMachine(state);
      const ask = m.next();
      if (state.status !== "running" || !ask || ask.seat !== -1) notNow(state.draft ? `the seats are rating draft ${state.draft.number}` : "no draft is due now");
      if (command.type === "call-ratification") {
        if (!state.text) notNow("there is no text to ratify yet: publish a draft first");
        step(m, { kind: "propose", outcome: null });
        return [{ type: "ratification-called", actor, public: { package: toPackage(state, state.text!) } }];
      }
      const outcome = packageOutcome(state.compiled, command.package);
      const number = state.drafts + 1;
      return [{ type: "draft-published", actor, public: { draft: number, package: toPackage(state, outcome), by } }];
    }
    case "rate": {
      onlyIn(["single-text"], "rating a draft");
      ownSeat(command.party);
      running();
      const draft = state.draft;
      if (state.status !== "running" || !draft) notNow("no draft is open for rating");
      if (command.draft !== undefined && command.draft !== draft!.number) notNow(`draft ${command.draft} is no longer open (draft ${draft!.number} is)`);
      if (state.ratings[command.party]) notNow(`seat ${command.party} has already rated draft ${draft!.number}`);
      if (command.overall !== "accept" && command.overall !== "reject") roomError("PARLEY_ROOM_BAD_PACKAGE", `the overall rating is "accept" or "reject"`);
      const ids = new Set(state.compiled.issues.map((i) => i.id));
      const points: Record<string, { rating: PointRating; comment?: string }> = {};
      for (const [id, p] of Object.entries(command.points ?? {})) {
        if (!ids.has(id)) roomError("PARLEY_ROOM_BAD_PACKAGE", `the rating names "${id}", which is not an issue of the scenario`);
        if (!ratingsValues.includes(p.rating)) roomError("PARLEY_ROOM_BAD_PACKAGE", `point ${id}: a rating is one of ${ratingsValues.join(", ")}`);
        points[id] = p.comment !== undefined ? { rating: p.rating, comment: p.comment } : { rating: p.rating };
      }
      const body = { points, overall: command.overall, ...(command.comment !== undefined ? { comment: command.comment } : {}) };
      const out: RoomEventDraft[] = [
        { type: "draft-rated", actor, public: { draft: draft!.number, party: command.party }, private: { audience: [{ party: command.party }], body } },
      ];
      const ratings = { ...state.ratings, [command.party]: body };
      if (Object.keys(ratings).length < state.seats.length) return out;
      // Every seat has rated: the draft is decided, the mediator gets the aggregates, the machine moves on.
      const m = forkMachine(state);
      const events: ProtocolEvent[] = [];
      pump(m, (s) => ratings[state.seats[s]!.party]?.overall);
      const adopted = state.text === null || Object.values(ratings).every((r) => r.overall === "accept");
      out.push({ type: "draft-decided", actor: { role: "engine" }, public: { draft: draft!.number, adopted } });
      if (spec.mediator === "human" && spec.disclosure === "aggregates")
        out.push({ type: "feedback", actor: { role: "engine" }, public: { draft: draft!.number }, private: { audience: [{ mediator: true }], body: aggregatesOf(state, draft!.number, ratings) } });
      // The round closed: at the deadline the machine calls the ratification itself.
      const ask = m.next();
      if (ask && ask.kind === "respond") events.push({ type: "ratify", sender: -1, outcome: ask.offer });
      else if (!ask) events.push({ type: "timeout", sender: -1 });
      out.push(...machineEvents(state, m, events));
      return out;
    }
    case "ratify": {
      onlyIn(["single-text", "shuttle"], "a ratification vote");
      const k = ownSeat(command.party);
      running();
      const r = state.ratification;
      if (state.status !== "ratifying" || !r) notNow("no ratification vote is open");
      if (!ratifiers(state).includes(state.seats[k]!)) forbid("ratify (the seats at the table agreed on the draft already)");
      if (r!.votes[command.party]) notNow(`seat ${command.party} has already voted`);
      if (command.vote !== "accept" && command.vote !== "reject") roomError("PARLEY_ROOM_BAD_PACKAGE", `a vote is "accept" or "reject"`);
      const votes = { ...r!.votes, [command.party]: command.vote };
      const m = forkMachine(state);
      const events: ProtocolEvent[] = [];
      pump(m, (s) => votes[state.seats[s]!.party]);
      if (m.next() === null && m.result().status === "agreement") events.push({ type: "agreement", sender: -1, outcome: m.result().agreement! });
      return [{ type: "ratified", actor, public: { party: command.party, vote: command.vote } }, ...machineEvents(state, m, events)];
    }
    case "offer":
    case "respond": {
      onlyIn(["sao", "stacked", "shuttle"], command.type === "offer" ? "an offer" : "a response");
      const k = ownSeat(command.party);
      running();
      if (state.status !== "running") notNow(state.status === "ratifying" ? "the excluded seats are ratifying" : "no offer is due");
      const m = forkMachine(state);
      const ask = m.next();
      if (!ask || ask.seat !== k) roomError("PARLEY_ROOM_NOT_YOUR_TURN", `it is not seat ${command.party}'s turn`);
      const shuttle = protocol === "shuttle";
      const events: ProtocolEvent[] = [];
      const out: RoomEventDraft[] = [];
      const response = (r: "accept" | "reject" | "end"): RoomEventDraft =>
        shuttle
          ? { type: "response", actor, public: { party: command.party }, private: { audience: shuttleAudience(state, command.party), body: { response: r } } }
          : { type: "response", actor, public: { party: command.party, response: r } };
      if (command.type === "respond") {
        const r = command.response;
        if (r !== "accept" && r !== "reject" && r !== "end") roomError("PARLEY_ROOM_BAD_PACKAGE", `a response is "accept", "reject" or "end"`);
        if (ask!.kind === "propose" && r !== "end") notNow(`seat ${command.party} must make an offer (or end)`);
        out.push(response(r));
        events.push(...step(m, ask!.kind === "propose" ? { kind: "propose", outcome: null } : { kind: "respond", response: r }).events);
      } else {
        const outcome = packageOutcome(state.compiled, command.package);
        if (ask!.kind === "respond") {
          // A counter-offer rejects the standing offer first.
          out.push(response("reject"));
          events.push(...step(m, { kind: "respond", response: "reject" }).events);
        }
        const pkg = toPackage(state, outcome);
        out.push(
          shuttle
            ? { type: "offer", actor, public: { party: command.party }, private: { audience: shuttleAudience(state, command.party), body: { package: pkg } } }
            : { type: "offer", actor, public: { party: command.party, package: pkg } },
        );
        events.push(...step(m, { kind: "propose", outcome }).events);
      }
      return [...out, ...machineEvents(state, m, events)];
    }
    case "message": {
      onlyIn(["shuttle"], "a private message");
      if (spec.mediator !== "human") forbid("send messages (the room has no human mediator)");
      running();
      if (typeof command.text !== "string" || command.text.length === 0) roomError("PARLEY_ROOM_BAD_PACKAGE", "a message has a text");
      const pkg = command.package !== undefined ? toPackage(state, packageOutcome(state.compiled, command.package)) : undefined;
      let party: string;
      if (actor.role === "mediator") {
        if (command.to === "mediator" || seatIndex(state, command.to) < 0) roomError("PARLEY_ROOM_FORBIDDEN", `no seat "${command.to}" to write to`);
        party = command.to;
      } else if (actor.role === "seat") {
        if (command.to !== "mediator") forbid("write to another seat (seats write to the mediator)");
        party = actor.party;
      } else return forbid("send messages");
      const body = pkg ? { text: command.text, package: pkg } : { text: command.text };
      return [
        {
          type: "shuttle-message",
          actor,
          public: { from: actor.role === "mediator" ? "mediator" : party, to: actor.role === "mediator" ? party : "mediator" },
          private: { audience: [{ party }, { mediator: true }], body },
        },
      ];
    }
    case "improvement-vote": {
      ownSeat(command.party);
      const imp = state.improvement;
      if (state.status !== "improving" || !imp) notNow("no improvement is on the table");
      if (imp!.votes[command.party]) notNow(`seat ${command.party} has already voted`);
      if (command.vote !== "accept" && command.vote !== "keep") roomError("PARLEY_ROOM_BAD_PACKAGE", `a vote is "accept" or "keep"`);
      const out: RoomEventDraft[] = [
        { type: "improvement-voted", actor, public: { party: command.party }, private: { audience: [{ party: command.party }], body: { vote: command.vote } } },
      ];
      const votes = { ...imp!.votes, [command.party]: command.vote };
      if (Object.keys(votes).length === state.seats.length) {
        const adopted = Object.values(votes).every((v) => v === "accept");
        out.push({ type: "improvement-decided", actor: { role: "engine" }, public: { adopted, package: toPackage(state, adopted ? imp!.outcome : state.agreement!) } });
      }
      return out;
    }
  }
}
