import { describe, expect, it } from "vitest";
import type { Scenario } from "../../model/scenario.js";
import { createRng } from "../../random/rng.js";
import { compileScenario } from "../../space/compile-scenario.js";
import { createAgentContext } from "../context.js";
import { runNegotiation } from "../run-negotiation.js";
import { createProtocol } from "../protocols/registry.js";
import { negotiatorFromSpec, parseAgentSpec } from "./agent-spec.js";
import { acceptableOutcomes } from "./acceptable-outcomes.js";
import { pooledOutcomes, LADDER_ENUMERATION_LIMIT } from "./outcome-pool.js";

/** 14 issues of 10 values (10¹⁴ outcomes): rectangles over a few issues each, as in ANAC 2014. */
function bigScenario(): Scenario {
  const rng = createRng(5);
  const issues = Array.from({ length: 14 }, (_, i) => ({ id: `i${i}`, kind: "integer" as const, min: 0, max: 9 }));
  const rect = () => {
    const includes = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => {
      const a = Math.floor(rng() * 10);
      const b = Math.floor(rng() * 10);
      return { issue: `i${Math.floor(rng() * 14)}`, min: Math.min(a, b), max: Math.max(a, b) };
    });
    return { utility: 1 + Math.floor(rng() * 100), includes };
  };
  return {
    id: "big",
    name: "big",
    frameworks: [],
    issues,
    parties: ["a", "b"].map((id, p) => ({
      id,
      name: id,
      role: "party" as const,
      preferences: {
        reservation: 0.3,
        ...(p === 0 ? { redLines: [{ kind: "forbid" as const, issue: "i0", values: [0, 1] }] } : {}),
        utility: { kind: "hyper-rectangles" as const, rectangles: Array.from({ length: 30 }, rect) },
      },
    })),
  };
}

describe("the ladder of a space too large to enumerate", () => {
  const compiled = compileScenario(bigScenario());
  it("comes from local search: sorted, evaluated by the party's own utility, no red line crossed, seeded", () => {
    expect(compiled.size).toBeGreaterThan(LADDER_ENUMERATION_LIMIT);
    const ctx = createAgentContext(compiled, 0, 0, 2, createRng(1), 100);
    const ladder = acceptableOutcomes(ctx);
    expect(ladder.size).toBeGreaterThan(1000);
    const buffer: number[] = [];
    for (let k = 0; k < ladder.size; k++) {
      const o = ladder.decodeInto(k, buffer);
      expect(ctx.utility(o)).toBe(ladder.utilityAt(k));
      expect(ctx.crossesRedLine(o)).toBe(false);
      if (k > 0) expect(ladder.utilityAt(k)).toBeGreaterThanOrEqual(ladder.utilityAt(k - 1));
    }
    expect(ladder.lowerBound(ladder.max)).toBeLessThan(ladder.size);
    // Hill climbs reach far above what random outcomes give.
    const rng = createRng(9);
    let sampled = 0;
    for (let s = 0; s < 2000; s++) sampled = Math.max(sampled, ctx.utility(compiled.radices.map((r) => Math.floor(rng() * r))));
    expect(ladder.max).toBeGreaterThan(sampled);
    const again = pooledOutcomes(createAgentContext(compiled, 0, 0, 2, createRng(1), 100));
    expect(Array.from({ length: again.size }, (_, k) => again.outcomeAt(k))).toEqual(Array.from({ length: ladder.size }, (_, k) => ladder.outcomeAt(k)));
  });

  it("lets the usual agents negotiate there: a seeded run ends within its rounds with valid offers", () => {
    for (const [a, b] of [["aspiration", "conceder"], ["boulware", "tit-for-tat"]] as const) {
      const agents = [a, b].map((s) => negotiatorFromSpec(parseAgentSpec(s)));
      const result = runNegotiation(compiled, agents, { protocol: createProtocol("sao", { rounds: 300 }), seed: 2, trace: "full" });
      expect(result.status, JSON.stringify(result.trace.at(-1))).not.toBe("error");
      expect(result.rounds).toBeLessThanOrEqual(300);
      const offers = result.trace.filter((e) => e.type === "offer");
      expect(offers.length).toBeGreaterThan(0);
      for (const e of offers) compiled.issues.forEach((issue, i) => expect(compiled.values[i]).toContain((e.outcome as Record<string, unknown>)[issue.id]));
      if (result.agreement) result.utilities.forEach((u, i) => expect(u).toBeGreaterThanOrEqual(compiled.parties[i]!.reservation));
    }
  });
});
