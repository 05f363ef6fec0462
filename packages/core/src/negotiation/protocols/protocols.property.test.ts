import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, createProtocol, protocolNames, runNegotiation, timeBasedNegotiator, type CompiledScenario, type RunResult } from "@parley/core";
import { arbitraryScenario } from "../../../test/arbitraries.js";

/** Every outcome in the trace and the agreement is an outcome of the space, and its utilities are the scenario's. */
function checkRun(c: CompiledScenario, r: RunResult): void {
  const indices = (o: Readonly<Record<string, unknown>>) =>
    c.issues.map((issue, i) => {
      const k = c.values[i]!.indexOf(o[issue.id] as never);
      expect(k).toBeGreaterThanOrEqual(0);
      return k;
    });
  const seated = r.seats.map((id) => c.parties.find((p) => p.party.id === id)!);
  for (const e of r.trace)
    if (e.outcome) {
      expect(Object.keys(e.outcome)).toEqual(c.issues.map((i) => i.id));
      expect(e.utilities).toEqual(seated.map((p) => p.utility.evaluate(indices(e.outcome!))));
    }
  if (r.agreement) {
    expect(r.status).toBe("agreement");
    expect(r.utilities).toEqual(seated.map((p) => p.utility.evaluate(indices(r.agreement!))));
  } else {
    expect(r.status).not.toBe("agreement");
    expect(r.utilities).toEqual(seated.map((p) => p.reservation));
  }
  expect(r.rounds).toBeGreaterThanOrEqual(0);
}

describe("every protocol with time-based agents (property)", () => {
  for (const name of protocolNames)
    it(`${name}: agreements are outcomes of the space, utilities match the scenario, the same seed gives the same run`, () => {
      fc.assert(
        fc.property(
          arbitraryScenario({ minParties: 2, maxParties: name === "sao" ? 2 : 4, reservations: true, redLines: true }),
          fc.integer({ min: 0, max: 2 ** 31 }),
          fc.array(fc.constantFrom(0, 0.2, 0.5, 1, 2, 5), { minLength: 4, maxLength: 4 }),
          fc.integer({ min: 1, max: 40 }),
          fc.constantFrom<"random-flip" | "hill-climb">("random-flip", "hill-climb"),
          (sc, seed, exponents, rounds, mediator) => {
            const c = compileScenario(sc);
            const n = c.parties.length;
            const agents = exponents.slice(0, n).map((e) => timeBasedNegotiator(e));
            const settings = { rounds, seed, mediator, radices: c.radices, ...(name === "shuttle" && n > 2 ? { exclude: [n - 1] } : {}) };
            const a = runNegotiation(c, agents, { protocol: createProtocol(name, settings), seed });
            const b = runNegotiation(compileScenario(sc), agents, { protocol: createProtocol(name, settings), seed });
            expect(JSON.stringify(b)).toBe(JSON.stringify(a));
            expect(a.protocol).toBe(name);
            expect(a.status).not.toBe("error");
            checkRun(c, a);
          },
        ),
        { seed: 11, numRuns: 80 },
      );
    });
});
