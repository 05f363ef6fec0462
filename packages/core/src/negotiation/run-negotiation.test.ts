import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  compileScenario,
  runNegotiation,
  saoProtocol,
  timeBasedNegotiator,
  type AgentContext,
  type NegotiatorFactory,
  type Scenario,
} from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });
const scenario: Scenario = {
  id: "split",
  name: "Split",
  issues: [
    { kind: "categorical", id: "a", options: ["x", "y", "z"] },
    { kind: "categorical", id: "b", options: ["x", "y"] },
  ],
  parties: [
    {
      id: "P",
      name: "P",
      role: "party",
      preferences: { utility: { kind: "linear-additive", weights: { a: 0.5, b: 0.5 }, values: { a: table({ x: 1, y: 0.5 }), b: table({ x: 1 }) } } },
    },
    {
      id: "Q",
      name: "Q",
      role: "party",
      preferences: { utility: { kind: "linear-additive", weights: { a: 0.5, b: 0.5 }, values: { a: table({ z: 1, y: 0.5 }), b: table({ y: 1 }) } } },
    },
  ],
  frameworks: [],
};
const compiled = compileScenario(scenario);
const sao = (rounds: number) => (n: number) => saoProtocol(n, { rounds });

/** A scripted negotiator: proposes and responds from lists (for protocol-rule tests). */
const scripted = (proposals: (number[] | null)[], responses: ("accept" | "reject" | "end")[]): NegotiatorFactory => () => {
  let p = 0;
  let r = 0;
  return { propose: () => proposals[p++] ?? null, respond: () => responses[r++] ?? "reject" };
};

describe("SAO protocol rules", () => {
  it("seat 0 opens, seat 1 answers; acceptance forms an agreement on the standing offer", () => {
    const res = runNegotiation(compiled, [scripted([[0, 0]], []), scripted([], ["accept"])], { protocol: sao(10), seed: 1 });
    expect(res.status).toBe("agreement");
    expect(res.agreement).toEqual({ a: "x", b: "x" });
    expect(res.utilities).toEqual([1, 0]);
    expect(res.trace.map((e) => [e.type, e.senderId])).toEqual([
      ["offer", "P"],
      ["accept", "Q"],
      ["agreement", "protocol"],
    ]);
    expect(res.rounds).toBe(1);
  });

  it("a rejection comes with a counter-offer from the same seat, then the other seat answers", () => {
    const res = runNegotiation(compiled, [scripted([[0, 0]], ["accept"]), scripted([[1, 1]], ["reject"])], { protocol: sao(10), seed: 1 });
    expect(res.trace.map((e) => [e.type, e.sender])).toEqual([
      ["offer", 0],
      ["reject", 1],
      ["offer", 1],
      ["accept", 0],
      ["agreement", -1],
    ]);
    expect(res.agreement).toEqual({ a: "y", b: "y" });
    expect(res.rounds).toBe(2);
  });

  it("the deadline ends the run with a timeout after the given rounds", () => {
    const never = (): NegotiatorFactory => () => ({ propose: () => [0, 0], respond: () => "reject" });
    const res = runNegotiation(compiled, [never(), never()], { protocol: sao(3), seed: 1 });
    expect(res.status).toBe("timeout");
    expect(res.agreement).toBeNull();
    expect(res.trace.filter((e) => e.type === "offer")).toHaveLength(6); // each seat offers once per round
    expect(res.rounds).toBe(3);
  });

  it("end (or a null proposal) ends the negotiation without agreement", () => {
    const a = runNegotiation(compiled, [scripted([[0, 0]], []), scripted([], ["end"])], { protocol: sao(10), seed: 1 });
    expect(a.status).toBe("ended");
    const b = runNegotiation(compiled, [scripted([null], []), scripted([], [])], { protocol: sao(10), seed: 1 });
    expect(b.status).toBe("ended");
    expect(b.utilities).toEqual([0, 0]);
  });

  it("SAO refuses more than two seats", () => {
    expect(() => saoProtocol(3, { rounds: 5 })).toThrow(/2 seats/);
  });
});

describe("runNegotiation: misbehaving negotiators are recorded, never thrown", () => {
  const good = timeBasedNegotiator(1);
  it.each([
    ["throws", (() => ({ propose: () => { throw new Error("boom"); }, respond: () => "reject" as const })) as NegotiatorFactory, "AGENT_THREW"],
    ["returns garbage", (() => ({ propose: () => [7, 9], respond: () => "reject" as const })) as NegotiatorFactory, "AGENT_INVALID"],
    ["returns a bad response", (() => ({ propose: () => [0, 0], respond: () => "maybe" as never })) as NegotiatorFactory, "AGENT_INVALID"],
    ["throws in its factory", (() => { throw new Error("no"); }) as NegotiatorFactory, "AGENT_THREW"],
  ])("a negotiator that %s ends the run with an error event", (_, bad, code) => {
    const res = runNegotiation(compiled, [bad, good], { protocol: sao(10), seed: 1 });
    expect(res.status).toBe("error");
    expect(res.errorSeat).toBe(0);
    const last = res.trace[res.trace.length - 1]!;
    expect(last.type).toBe("error");
    expect(last.code).toBe(code);
  });

  it("a negotiator over its time budget ends the run with AGENT_TIMEOUT (clock injected)", () => {
    let clock = 0;
    const slow: NegotiatorFactory = () => ({ propose: () => ((clock += 50), [0, 0]), respond: () => "reject" });
    const res = runNegotiation(compiled, [slow, good], { protocol: sao(10), seed: 1, timeBudgetMs: 10, now: () => clock });
    expect(res.status).toBe("error");
    expect(res.trace.at(-1)!.code).toBe("AGENT_TIMEOUT");
  });
});

describe("runNegotiation: privacy and determinism", () => {
  it("a negotiator's context holds only its own preferences", () => {
    expectTypeOf<AgentContext>().not.toHaveProperty("scenario");
    expectTypeOf<AgentContext>().not.toHaveProperty("parties");
    let seen: AgentContext | undefined;
    const spy: NegotiatorFactory = (ctx) => ((seen = ctx), { propose: () => [0, 0], respond: () => "accept" });
    runNegotiation(compiled, [spy, timeBasedNegotiator(1)], { protocol: sao(5), seed: 1 });
    const json = JSON.stringify(seen);
    expect(Object.keys(seen!).sort()).toEqual(
      ["crossesRedLine", "discount", "hasRedLines", "index", "issues", "party", "reservation", "rng", "rounds", "seat", "seats", "size", "utility", "values"].sort(),
    );
    expect(json).not.toContain('"Q"');
    expect(seen!.party.id).toBe("P");
  });

  it("the same seed gives the same trace; every agreement is an outcome and every utility matches the scenario", () => {
    fc.assert(
      fc.property(arbitraryScenario({ minParties: 2, maxParties: 2 }), fc.integer({ min: 0, max: 2 ** 31 }), (sc, seed) => {
        const c = compileScenario(sc);
        const agents = [timeBasedNegotiator(0.5), timeBasedNegotiator(2)];
        const a = runNegotiation(c, agents, { protocol: sao(50), seed });
        const b = runNegotiation(compileScenario(sc), agents, { protocol: sao(50), seed });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        for (const e of a.trace)
          if (e.outcome) {
            const idx = c.issues.map((issue, i) => c.values[i]!.indexOf(e.outcome![issue.id]!));
            idx.forEach((k) => expect(k).toBeGreaterThanOrEqual(0));
            expect(e.utilities).toEqual(c.parties.map((p) => p.utility.evaluate(idx)));
          }
      }),
      { seed: 3, numRuns: 100 },
    );
  });
});
