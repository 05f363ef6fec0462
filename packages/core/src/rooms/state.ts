// The room's state: a fold of its events (replayRoom, applyRoomEvent). The state holds the
// protocol's state machine (the simulation's own, seeded as simulations seed it), the agents of the
// agent seats, and what the views show. It is the engine's working memory, not JSON: only events are
// stored. The rules that turn commands into events are in decide.ts.
import { isParleyError } from "../errors.js";
import type { Preferences } from "../model/preferences.js";
import { createAgentContext } from "../negotiation/context.js";
import type { AgentContext, Negotiator } from "../negotiation/negotiator.js";
import { ProtocolViolation, type Answer, type Ask, type ProtocolMachine, type Step } from "../negotiation/protocols/protocol.js";
import { MEDIATOR_STREAM } from "../negotiation/protocols/registry.js";
import { saoProtocol } from "../negotiation/protocols/sao.js";
import { shuttleProtocol } from "../negotiation/protocols/shuttle.js";
import { singleTextProtocol } from "../negotiation/protocols/single-text.js";
import { stackedProtocol } from "../negotiation/protocols/stacked.js";
import { negotiatorFromSpec } from "../negotiation/strategies/agent-spec.js";
import type { Outcome } from "../negotiation/types.js";
import { createRng, deriveSeed } from "../random/rng.js";
import { compileScenario, outcomeFromIndices, outcomeIndices, type CompiledScenario } from "../space/compile-scenario.js";
import type { Scenario } from "../model/scenario.js";
import { openingText } from "../usecases/simulation.js";
import { roomError } from "./errors.js";
import { compileSeatPreferences, modelledJudge, type SeatJudge } from "./judge.js";
import type {
  RatingAggregates,
  RoomEvent,
  RoomEventPrivate,
  RoomEventType,
  RoomPackage,
  RoomSpec,
  RoomStatus,
} from "./types.js";

/** A RoomEvent narrowed by its type (a discriminated union). */
export type AnyRoomEvent = { [K in RoomEventType]: RoomEvent<K> }[RoomEventType];

export type RatingBody = RoomEventPrivate["draft-rated"];

export interface SeatState {
  readonly party: string;
  readonly kind: "human" | "agent";
  readonly excluded: boolean;
  joined: boolean;
  /** Submitted preferences (people) — the engine's and the seat's own reading only. */
  preferences: Preferences | null;
  /** The preferences the engine reads: submitted ones for people, modelled ones for agents. */
  judge: SeatJudge | null;
  /** Its own ratings, by draft number (people and agents). */
  readonly ratings: Record<number, RatingBody>;
}

/** An agent seat's negotiator, and its answer to the current ask once computed (so it is asked once). */
export interface AgentSeat {
  readonly ctx: AgentContext;
  readonly negotiator: Negotiator;
  pending: { readonly key: string; readonly answer: Answer } | null;
}

export interface RoomState {
  readonly compiled: CompiledScenario;
  readonly spec: RoomSpec;
  /** The last applied event's seq. */
  seq: number;
  status: RoomStatus;
  readonly seats: SeatState[];
  startedAt: string | null;
  deadlineAt: string | null;
  /** The protocol's machine once started, and every answer fed to it (to fork it in decideRoom). */
  machine: ProtocolMachine | null;
  readonly answers: Answer[];
  opening: Outcome | null;
  agents: (AgentSeat | null)[];
  /** Single text: the current text; sao/stacked: the standing offer; shuttle: the current draft. */
  text: Outcome | null;
  standing: { readonly party: string; readonly outcome: Outcome } | null;
  /** Single text: the draft under vote, the drafts so far, ratings of the current and the last decided draft. */
  draft: { readonly number: number; readonly outcome: Outcome; readonly by: "engine" | "mediator" } | null;
  drafts: number;
  ratings: Record<string, RatingBody>;
  lastRatings: Record<string, RatingBody>;
  /** Drafts put to the vote since the text last changed (the engine mediator does not repeat them). */
  tried: Set<string>;
  aggregates: RatingAggregates | null;
  /** Shuttle: the seat the mediator consults now. */
  consulted: string | null;
  ratification: { readonly outcome: Outcome; readonly votes: Record<string, "accept" | "reject"> } | null;
  agreement: Outcome | null;
  improvement: { readonly outcome: Outcome; readonly votes: Record<string, "accept" | "keep"> } | null;
  /** The settled package (the agreement, or the improvement adopted). */
  final: Outcome | null;
  /** Why the room failed or closed. */
  reason: string | null;
}

const compiledCache = new WeakMap<Scenario, CompiledScenario>();
/** The compiled scenario (a Scenario is compiled once per object). */
export function compiledOf(scenario: Scenario | CompiledScenario): CompiledScenario {
  if ("radices" in scenario) return scenario;
  let c = compiledCache.get(scenario);
  if (!c) compiledCache.set(scenario, (c = compileScenario(scenario)));
  return c;
}

export const toOutcome = (state: RoomState, pkg: RoomPackage): Outcome => outcomeIndices(state.compiled, pkg);
export const toPackage = (state: RoomState, o: Outcome): RoomPackage => outcomeFromIndices(state.compiled, o);
export const seatIndex = (state: RoomState, party: string): number => state.seats.findIndex((s) => s.party === party);

/** The seats that rate and ratify (single text: all; shuttle: the excluded ones ratify). */
export function ratifiers(state: RoomState): SeatState[] {
  return state.spec.protocol === "shuttle" ? state.seats.filter((s) => s.excluded) : state.seats;
}

/** A fresh machine for the room (the same every time: forks replay `answers` on it). */
export function buildMachine(state: RoomState): ProtocolMachine {
  const { spec } = state;
  const n = spec.seats.length;
  const rounds = spec.deadline.rounds;
  const start = state.opening ? { start: state.opening } : {};
  switch (spec.protocol) {
    case "sao":
      return saoProtocol(n, { rounds });
    case "stacked":
      return stackedProtocol(n, { rounds });
    case "single-text":
      return singleTextProtocol(n, {
        rounds,
        radices: state.compiled.radices,
        rng: createRng(deriveSeed(spec.seed, MEDIATOR_STREAM)),
        mediator: "external",
        ...start,
      });
    case "shuttle":
      return shuttleProtocol(n, {
        rounds,
        exclude: spec.seats.flatMap((s, k) => (s.excluded ? [k] : [])),
        ...start,
      });
  }
}

/** A copy of the room's machine in its current state (decideRoom works on forks, never on the state). */
export function forkMachine(state: RoomState): ProtocolMachine {
  const m = buildMachine(state);
  for (const a of state.answers) m.answer(a);
  return m;
}

/** The room's state right after its room-created event. */
export function initialState(compiled: CompiledScenario, spec: RoomSpec): RoomState {
  return {
    compiled,
    spec,
    seq: 1,
    status: "open",
    seats: spec.seats.map((s) => ({
      party: s.party,
      kind: s.kind,
      excluded: s.excluded === true,
      joined: s.kind === "agent",
      preferences: null,
      judge: s.kind === "agent" ? modelledJudge(compiled, s.party) : null,
      ratings: {},
    })),
    startedAt: null,
    deadlineAt: null,
    machine: null,
    answers: [],
    opening: spec.opening !== undefined && (spec.protocol === "single-text" || spec.protocol === "shuttle") ? openingText(compiled, spec.opening, spec.seed) : null,
    agents: spec.seats.map(() => null),
    text: null,
    standing: null,
    draft: null,
    drafts: 0,
    ratings: {},
    lastRatings: {},
    tried: new Set(),
    aggregates: null,
    consulted: null,
    ratification: null,
    agreement: null,
    improvement: null,
    final: null,
    reason: null,
  };
}

/** Rebuild a room from its events (seq 1..n, the first is room-created). Throws RoomRuleError PARLEY_ROOM_REPLAY_DIVERGED on a log that does not replay. */
export function replayRoom(scenario: Scenario | CompiledScenario, events: readonly RoomEvent[]): RoomState {
  const first = events[0] as AnyRoomEvent | undefined;
  if (!first || first.type !== "room-created" || first.seq !== 1) return roomError("PARLEY_ROOM_REPLAY_DIVERGED", "a room's events start with room-created at seq 1");
  const state = initialState(compiledOf(scenario), first.public.spec);
  for (let k = 1; k < events.length; k++) applyRoomEvent(state, events[k]!);
  return state;
}

/** The view an agent gets of the negotiation's time. */
function agentView(m: ProtocolMachine) {
  const round = m.round();
  return { round, time: Math.min(1, round / m.rounds), rounds: m.rounds };
}

/**
 * What an agent sees when asked to ratify, whenever the ratification is called: the last round
 * before the deadline, the latest a simulation ever asks (time (rounds − 1) / rounds, not 1: at
 * time 1 a time-dependent strategy concedes everything, even the hardliner).
 */
function finalView(m: ProtocolMachine) {
  const round = Math.max(0, m.rounds - 1);
  return { round, time: m.rounds > 0 ? round / m.rounds : 0, rounds: m.rounds };
}

/** The key of an agent's ratification vote (one per room). */
export const RATIFICATION_KEY = "r";
/** The vote as agents cast it before they voted as in the last round (in the round the ratification was called in): logs of then still replay. */
const EARLIER_RATIFICATION_KEY = "r-then";

/** Start every agent seat's negotiator (at room-started), seeded as simulations seed them. */
function startAgents(state: RoomState, m: ProtocolMachine): void {
  const { compiled, spec } = state;
  state.agents = spec.seats.map((seat, k) => {
    if (seat.kind !== "agent") return null;
    const partyIndex = compiled.parties.findIndex((p) => p.party.id === seat.party);
    const ctx = createAgentContext(compiled, partyIndex, k, spec.seats.length, createRng(deriveSeed(spec.seed, k)), m.rounds);
    const negotiator = negotiatorFromSpec(seat.agent!)(ctx);
    try {
      negotiator.start?.(ctx);
    } catch {
      // An agent that fails to start walks away at its first turn (see agentAnswer).
    }
    return { ctx, negotiator, pending: null };
  });
}

/**
 * An agent seat's answer to an ask, computed once per `key` (live: by engineMoves; on replay: when
 * its event is applied). An agent that throws or answers garbage walks away (propose null / end).
 */
export function agentAnswer(state: RoomState, seat: number, key: string, ask: { kind: "propose" } | { kind: "respond"; offer: Outcome; from: number }): Answer {
  const agent = state.agents[seat]!;
  if (agent.pending?.key === key) return agent.pending.answer;
  // The ratification is the final decision (rejecting it is no agreement, there is no later offer
  // to hold out for): agents vote as in the last round, whenever the mediator calls it.
  const view = key === RATIFICATION_KEY ? finalView(state.machine!) : agentView(state.machine!);
  let answer: Answer;
  try {
    if (ask.kind === "propose") {
      const o = agent.negotiator.propose(view);
      const radices = state.compiled.radices;
      const valid = o !== null && o.length === radices.length && Array.from(o).every((v, i) => Number.isInteger(v) && v >= 0 && v < radices[i]!);
      answer = { kind: "propose", outcome: valid ? Array.from(o) : null };
    } else {
      const r = agent.negotiator.respond(view, ask.offer, ask.from);
      answer = { kind: "respond", response: r === "accept" || r === "reject" ? r : "end" };
    }
  } catch {
    answer = ask.kind === "propose" ? { kind: "propose", outcome: null } : { kind: "respond", response: "end" };
  }
  agent.pending = { key, answer };
  return answer;
}

/** The key of a machine ask (its position in the answer log). */
export const machineKey = (state: RoomState): string => `m${state.answers.length}`;

/** Consume an agent's answer for its event: the logged answer must be the one it computes. */
function checkAgent(state: RoomState, seat: number, key: string, ask: Parameters<typeof agentAnswer>[3], logged: (a: Answer) => boolean): void {
  if (state.spec.seats[seat]!.kind !== "agent") return;
  const answer = agentAnswer(state, seat, key, ask);
  state.agents[seat]!.pending = null;
  if (!logged(answer))
    roomError("PARLEY_ROOM_REPLAY_DIVERGED", `seat ${state.spec.seats[seat]!.party}: the agent's answer differs from the logged one at seq ${state.seq}`);
}

/** Feed the machine and deliver what the agents observe. */
function feed(state: RoomState, answer: Answer): Step {
  const m = state.machine!;
  let step: Step;
  try {
    step = m.answer(answer);
  } catch (error) {
    if (error instanceof ProtocolViolation) return roomError("PARLEY_ROOM_REPLAY_DIVERGED", `the log does not fit the protocol at seq ${state.seq}: ${error.message}`);
    throw error;
  }
  state.answers.push(answer);
  for (const { seat, observation } of step.observations) {
    const agent = state.agents[seat];
    try {
      agent?.negotiator.observe?.(observation);
    } catch {
      // An agent's failure to observe changes nothing for the room.
    }
  }
  return step;
}

/**
 * Single text and ratifications: feed buffered votes in seat order while the machine asks for them,
 * within the current round (a draft's votes never spill into the ratification that may follow it).
 */
export function pump(m: ProtocolMachine, vote: (seat: number) => "accept" | "reject" | undefined, answer: (a: Answer) => void = (a) => void m.answer(a)): void {
  const round = m.round();
  for (let ask: Ask | null = m.next(); ask && ask.kind === "respond" && ask.seat >= 0 && m.round() === round; ask = m.next()) {
    const v = vote(ask.seat);
    if (v === undefined) return;
    answer({ kind: "respond", response: v });
  }
}

function pumpState(state: RoomState, vote: (seat: number) => "accept" | "reject" | undefined): void {
  pump(state.machine!, vote, (a) => void feed(state, a));
}

const over = (s: RoomStatus) => s === "settled" || s === "failed" || s === "closed";

/**
 * Advance the state by one event (in place; returns the state). The event is trusted to come from
 * decideRoom (or the log it wrote); agent seats' answers are recomputed and must match.
 */
export function applyRoomEvent(state: RoomState, event: RoomEvent): RoomState {
  const e = event as AnyRoomEvent;
  if (e.seq !== state.seq + 1) return roomError("PARLEY_ROOM_REPLAY_DIVERGED", `event seq ${e.seq} does not follow ${state.seq}`);
  state.seq = e.seq;
  const at = (party: string) => {
    const k = seatIndex(state, party);
    if (k < 0) roomError("PARLEY_ROOM_REPLAY_DIVERGED", `no seat for party "${party}" at seq ${e.seq}`);
    return k;
  };
  switch (e.type) {
    case "room-created":
      return roomError("PARLEY_ROOM_REPLAY_DIVERGED", "room-created after the start of the log");
    case "seat-joined":
      state.seats[at(e.public.party)]!.joined = true;
      break;
    case "preferences-submitted": {
      const seat = state.seats[at(e.public.party)]!;
      const prefs = e.private?.body.preferences;
      if (!prefs) return roomError("PARLEY_ROOM_REPLAY_DIVERGED", `preferences-submitted without its private part at seq ${e.seq}`);
      seat.preferences = prefs;
      try {
        seat.judge = compileSeatPreferences(state.compiled, prefs);
      } catch (error) {
        if (isParleyError(error)) roomError("PARLEY_ROOM_REPLAY_DIVERGED", `preferences at seq ${e.seq} do not compile: ${error.message}`);
        throw error;
      }
      break;
    }
    case "room-started": {
      state.status = "running";
      state.startedAt = e.at;
      state.deadlineAt = e.public.deadlineAt ?? null;
      const m = buildMachine(state);
      state.machine = m;
      startAgents(state, m);
      if (state.opening) state.text = state.opening;
      break;
    }
    case "draft-published": {
      const outcome = toOutcome(state, e.public.package);
      state.drafts = e.public.draft;
      state.draft = { number: e.public.draft, outcome, by: e.public.by };
      state.ratings = {};
      feed(state, { kind: "propose", outcome });
      break;
    }
    case "draft-rated": {
      const k = at(e.public.party);
      const body = e.private?.body;
      const draft = state.draft;
      if (!body || !draft) return roomError("PARLEY_ROOM_REPLAY_DIVERGED", `draft-rated without its draft or private part at seq ${e.seq}`);
      checkAgent(state, k, `d${draft.number}`, { kind: "respond", offer: draft.outcome, from: -1 }, (a) => a.kind === "respond" && (a.response === "accept") === (body.overall === "accept"));
      state.ratings[e.public.party] = body;
      state.seats[k]!.ratings[draft.number] = body;
      pumpState(state, (s) => state.ratings[state.seats[s]!.party]?.overall);
      break;
    }
    case "draft-decided": {
      const draft = state.draft!;
      if (e.public.adopted) {
        state.text = draft.outcome;
        state.tried = new Set();
      } else state.tried.add(draft.outcome.join(","));
      state.lastRatings = state.ratings;
      state.ratings = {};
      state.draft = null;
      break;
    }
    case "feedback":
      if (e.private) state.aggregates = e.private.body;
      break;
    case "ratification-called": {
      const m = state.machine!;
      const ask = m.next();
      // Called by the mediator (or the engine mediator): the machine still waits for a draft.
      if (ask && ask.seat === -1 && ask.kind === "propose") feed(state, { kind: "propose", outcome: null });
      state.status = "ratifying";
      state.ratification = { outcome: toOutcome(state, e.public.package), votes: {} };
      state.consulted = null;
      break;
    }
    case "ratified": {
      const k = at(e.public.party);
      const r = state.ratification!;
      const ask = { kind: "respond", offer: r.outcome, from: -1 } as const;
      const cast = (a: Answer) => a.kind === "respond" && (a.response === "accept") === (e.public.vote === "accept");
      // A room logged before agents voted as in the last round replays with the vote of the round it was called in.
      checkAgent(state, k, RATIFICATION_KEY, ask, (a) => cast(a) || cast(agentAnswer(state, k, EARLIER_RATIFICATION_KEY, ask)));
      if (state.agents[k]) state.agents[k].pending = null;
      r.votes[e.public.party] = e.public.vote;
      pumpState(state, (s) => r.votes[state.seats[s]!.party]);
      break;
    }
    case "offer": {
      const k = at(e.public.party);
      const pkg = e.public.package ?? e.private?.body.package;
      if (!pkg) return roomError("PARLEY_ROOM_REPLAY_DIVERGED", `offer without its package at seq ${e.seq}`);
      const outcome = toOutcome(state, pkg);
      if (e.actor.role === "engine") {
        // Shuttle: the mediator consults this seat on the draft.
        state.consulted = e.public.party;
        state.text = outcome;
        break;
      }
      checkAgent(state, k, machineKey(state), { kind: "propose" }, (a) => a.kind === "propose" && a.outcome !== null && a.outcome.join(",") === outcome.join(","));
      feed(state, { kind: "propose", outcome });
      state.text = outcome;
      state.standing = { party: e.public.party, outcome };
      break;
    }
    case "response": {
      const k = at(e.public.party);
      const response = e.public.response ?? e.private?.body.response;
      if (!response) return roomError("PARLEY_ROOM_REPLAY_DIVERGED", `response without its answer at seq ${e.seq}`);
      const ask = state.machine!.next();
      if (!ask || ask.seat !== k) return roomError("PARLEY_ROOM_REPLAY_DIVERGED", `response out of turn at seq ${e.seq}`);
      const askArg = ask.kind === "propose" ? { kind: "propose" as const } : { kind: "respond" as const, offer: ask.offer, from: ask.from };
      const answer: Answer = ask.kind === "propose" ? { kind: "propose", outcome: null } : { kind: "respond", response };
      checkAgent(state, k, machineKey(state), askArg, (a) => (a.kind === "propose" ? a.outcome === null : a.response === response));
      feed(state, answer);
      break;
    }
    case "shuttle-message":
      break;
    case "agreement":
      state.agreement = toOutcome(state, e.public.package);
      state.final = state.agreement;
      state.status = "settled";
      state.ratification = null;
      state.consulted = null;
      break;
    case "no-agreement":
      state.status = "failed";
      state.reason = e.public.reason;
      state.consulted = null;
      break;
    case "improvement-proposed":
      state.status = "improving";
      state.improvement = { outcome: toOutcome(state, e.public.package), votes: {} };
      break;
    case "improvement-voted": {
      const vote = e.private?.body.vote;
      if (!vote) return roomError("PARLEY_ROOM_REPLAY_DIVERGED", `improvement-voted without its vote at seq ${e.seq}`);
      state.improvement!.votes[e.public.party] = vote;
      break;
    }
    case "improvement-decided":
      state.final = toOutcome(state, e.public.package);
      state.status = "settled";
      break;
    case "room-closed":
      state.status = "closed";
      state.reason = e.public.reason;
      break;
  }
  if (over(state.status)) for (const a of state.agents) if (a) a.pending = null;
  return state;
}

export { over as isOver };
