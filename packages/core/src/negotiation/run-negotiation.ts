import { ParleyError } from "../errors.js";
import type { Value } from "../model/issue.js";
import { createRng, deriveSeed } from "../random/rng.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { createAgentContext } from "./context.js";
import type { Negotiator, NegotiatorFactory } from "./negotiator.js";
import { ProtocolViolation, type Answer, type Ask, type ProtocolMachine, type ProtocolEvent } from "./protocols/protocol.js";
import type { NegotiationView, Outcome, RunResult, TraceEvent } from "./types.js";

export interface RunOptions {
  /** Party ids in seat order (default: every party with preferences, in scenario order). */
  readonly seats?: readonly string[];
  /** Builds the protocol for the number of seats. */
  readonly protocol: (seats: number) => ProtocolMachine;
  /** Seeds every negotiator's random source (derived per seat). */
  readonly seed: number;
  /** Per-call time budget in milliseconds; needs `now`. A slower answer ends the run with an error. */
  readonly timeBudgetMs?: number;
  /** A clock in milliseconds, injected (e.g. performance.now). Only used for the time budget. */
  readonly now?: () => number;
  /** Record every event (default) or only the final ones (faster for tournaments). */
  readonly trace?: "full" | "final";
}

/** Error codes recorded in traces when a negotiator misbehaves. */
export type AgentErrorCode = "AGENT_THREW" | "AGENT_INVALID" | "AGENT_TIMEOUT";

class AgentFault extends Error {
  constructor(
    readonly code: AgentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Run one negotiation between automated negotiators under a protocol. Never throws because of a
 * negotiator: a negotiator that throws, answers garbage or exceeds its time budget ends the run
 * with status "error" and an `error` event in the trace. The same scenario, negotiators, options
 * and seed give the same trace.
 */
export function runNegotiation(compiled: CompiledScenario, factories: readonly NegotiatorFactory[], options: RunOptions): RunResult {
  const seatIds = options.seats ?? compiled.parties.map((p) => p.party.id);
  const partyIndex = seatIds.map((id) => {
    const k = compiled.parties.findIndex((p) => p.party.id === id);
    if (k < 0) throw new ParleyError("PARLEY_ERR_UNKNOWN_PARTY", `no party with preferences has id "${id}"`);
    return k;
  });
  if (factories.length !== seatIds.length)
    throw new ParleyError("PARLEY_ERR_BAD_OUTCOME", `${seatIds.length} seats but ${factories.length} negotiators`);
  const protocol = options.protocol(seatIds.length);
  const rounds = protocol.rounds;
  const full = (options.trace ?? "full") === "full";
  const trace: TraceEvent[] = [];
  const parties = partyIndex.map((k) => compiled.parties[k]!);
  const radices = compiled.radices;
  const now = options.now;
  const budget = options.timeBudgetMs;

  const toRecord = (o: Outcome): Record<string, Value> => {
    const out: Record<string, Value> = {};
    for (let i = 0; i < o.length; i++) out[compiled.issues[i]!.id] = compiled.values[i]![o[i]!]!;
    return out;
  };
  // Offers repeat a lot (agents re-offer the same outcome round after round): the trace shares one
  // frozen record and utility vector per distinct outcome instead of building them per event.
  const seen = new Map<number, { readonly outcome: Readonly<Record<string, Value>>; readonly utilities: readonly number[] }>();
  const exactKeys = compiled.size <= Number.MAX_SAFE_INTEGER;
  const described = (o: Outcome) => {
    if (!exactKeys) return { outcome: toRecord(o), utilities: parties.map((p) => p.utility.evaluate(o)) };
    let key = 0;
    for (let i = 0; i < o.length; i++) key = key * radices[i]! + o[i]!;
    let d = seen.get(key);
    if (!d) {
      d = { outcome: Object.freeze(toRecord(o)), utilities: Object.freeze(parties.map((p) => p.utility.evaluate(o))) };
      seen.set(key, d);
    }
    return d;
  };
  const record = (e: ProtocolEvent | { type: "error"; sender: number; code: string; message: string }) => {
    const round = protocol.round();
    const event: { -readonly [K in keyof TraceEvent]: TraceEvent[K] } = {
      seq: trace.length,
      round,
      time: Math.min(1, round / rounds),
      type: e.type,
      sender: e.sender,
      senderId: e.sender >= 0 ? seatIds[e.sender]! : "protocol",
    };
    const outcome = "outcome" in e ? e.outcome : undefined;
    if (outcome) {
      const d = described(outcome);
      event.outcome = d.outcome;
      event.utilities = d.utilities;
    }
    if ("code" in e) {
      event.code = e.code;
      event.message = e.message;
    }
    trace.push(event);
  };

  let negotiators: Negotiator[];
  let errorSeat: number | undefined;
  const fail = (seat: number, fault: AgentFault) => {
    errorSeat = seat;
    record({ type: "error", sender: seat, code: fault.code, message: fault.message });
  };
  const call = <T>(seat: number, what: string, fn: () => T): T => {
    const t0 = budget !== undefined && now ? now() : 0;
    let value: T;
    try {
      value = fn();
    } catch (error) {
      throw new AgentFault("AGENT_THREW", `${what} threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (budget !== undefined && now) {
      const spent = now() - t0;
      if (spent > budget) throw new AgentFault("AGENT_TIMEOUT", `${what} took ${spent.toFixed(1)} ms (budget ${budget} ms)`);
    }
    return value;
  };

  // Build the negotiators (start() may throw too).
  negotiators = [];
  try {
    negotiators = factories.map((factory, seat) => {
      const rng = createRng(deriveSeed(options.seed, seat));
      const ctx = createAgentContext(compiled, partyIndex[seat]!, seat, seatIds.length, rng, rounds);
      const negotiator = call(seat, "creating the negotiator", () => factory(ctx));
      if (negotiator.start) call(seat, "start()", () => negotiator.start!(ctx));
      return negotiator;
    });
  } catch (error) {
    if (!(error instanceof AgentFault)) throw error;
    fail(negotiators.length, error);
    return finish("error", null);
  }

  const validOutcome = (x: unknown): x is Outcome => {
    if (!Array.isArray(x) && !(x instanceof Int32Array) && !(x instanceof Uint32Array)) return false;
    const a = x as ArrayLike<unknown>;
    if (a.length !== radices.length) return false;
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= radices[i]!) return false;
    }
    return true;
  };

  for (let ask: Ask | null = protocol.next(); ask !== null; ask = protocol.next()) {
    const seat = ask.seat;
    const negotiator = negotiators[seat]!;
    const round = protocol.round();
    const view: NegotiationView = { round, time: Math.min(1, round / rounds), rounds };
    let answer: Answer;
    try {
      if (ask.kind === "propose") {
        const outcome = call(seat, "propose()", () => negotiator.propose(view));
        if (outcome !== null && !validOutcome(outcome))
          throw new AgentFault("AGENT_INVALID", `propose() returned ${describe(outcome)}, not an outcome of ${radices.length} option indices`);
        answer = { kind: "propose", outcome: outcome === null ? null : Array.from(outcome) };
      } else {
        const offer = ask.offer;
        const response = call(seat, "respond()", () => negotiator.respond(view, offer, ask.from));
        if (response !== "accept" && response !== "reject" && response !== "end")
          throw new AgentFault("AGENT_INVALID", `respond() returned ${describe(response)}, not "accept", "reject" or "end"`);
        answer = { kind: "respond", response };
      }
    } catch (error) {
      if (!(error instanceof AgentFault)) throw error;
      fail(seat, error);
      return finish("error", null);
    }
    let step;
    try {
      step = protocol.answer(answer);
    } catch (error) {
      if (!(error instanceof ProtocolViolation)) throw error;
      fail(seat, new AgentFault("AGENT_INVALID", error.message));
      return finish("error", null);
    }
    if (full) for (const e of step.events) record(e);
    for (const { seat: s, observation } of step.observations) {
      const target = negotiators[s]!;
      if (!target.observe) continue;
      try {
        call(s, "observe()", () => target.observe!(observation));
      } catch (error) {
        if (!(error instanceof AgentFault)) throw error;
        fail(s, error);
        return finish("error", null);
      }
    }
  }
  const result = protocol.result();
  return finish(result.status, result.agreement);

  function finish(status: RunResult["status"], agreement: Outcome | null): RunResult {
    if (!full && status !== "error") {
      if (agreement) record({ type: "agreement", sender: -1, outcome: agreement });
      else record({ type: status === "timeout" ? "timeout" : "end", sender: -1 });
    }
    return {
      protocol: protocol.name,
      status,
      agreement: agreement ? toRecord(agreement) : null,
      utilities: parties.map((p) => (agreement ? p.utility.evaluate(agreement) : p.reservation)),
      seats: seatIds,
      rounds: Math.min(rounds, protocol.round() + (status === "timeout" ? 0 : 1)),
      trace,
      ...(errorSeat !== undefined ? { errorSeat } : {}),
    };
  }
}

function describe(x: unknown): string {
  try {
    const s = JSON.stringify(x);
    return s === undefined ? String(x) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(x);
  }
}
