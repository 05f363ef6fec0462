import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileScenario,
  createNegotiator,
  createRng,
  crossesRedLine,
  negotiatorNames,
  negotiatorRegistry,
  outcomeIndices,
  runNegotiation,
  saoProtocol,
  shuttleProtocol,
  singleTextProtocol,
  stackedProtocol,
  timeBasedNegotiator,
  type CompiledScenario,
  type NegotiatorName,
  type RunResult,
  type Scenario,
} from "@parley/core";
import { arbitraryScenario } from "../../../test/arbitraries.js";
import { randomAdditiveScenario } from "../../../test/random-additive.js";
import { splitScenario } from "../../../test/strategy-fixtures.js";

const sao = (rounds: number) => (n: number) => saoProtocol(n, { rounds });
const stacked = (rounds: number) => (n: number) => stackedProtocol(n, { rounds });

/** Every seat that runs a rational negotiator gets at least its reservation and no crossed red line. */
function expectRational(c: CompiledScenario, names: readonly NegotiatorName[], res: RunResult): void {
  expect(res.status, JSON.stringify(res.trace.at(-1))).not.toBe("error");
  if (!res.agreement) return;
  const outcome = outcomeIndices(c, res.agreement);
  names.forEach((name, seat) => {
    if (!negotiatorRegistry[name].rational) return;
    const party = c.parties.find((p) => p.party.id === res.seats[seat])!;
    expect(res.utilities[seat]).toBeGreaterThanOrEqual(party.reservation);
    expect(party.redLines.some((line) => crossesRedLine(line, outcome))).toBe(false);
  });
}

describe("every registered negotiator against every other (SAO)", () => {
  it("completes without error; rational ones never agree below their reservation or across a red line", () => {
    fc.assert(
      fc.property(arbitraryScenario({ minParties: 2, maxParties: 2, maxOutcomes: 400, reservations: true, redLines: true }), fc.integer({ min: 0, max: 2 ** 31 }), (sc, seed) => {
        const c = compileScenario(sc);
        for (const a of negotiatorNames)
          for (const b of negotiatorNames) {
            const res = runNegotiation(c, [createNegotiator(a), createNegotiator(b)], { protocol: sao(40), seed });
            expectRational(c, [a, b], res);
          }
      }),
      { seed: 11, numRuns: 25 },
    );
  });

  it("the same seed replays the same run (identical JSON), on a freshly compiled scenario too", () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ minParties: 2, maxParties: 2, maxOutcomes: 400, reservations: true }),
        fc.constantFrom(...negotiatorNames),
        fc.constantFrom(...negotiatorNames),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (sc, a, b, seed) => {
          const agents = [createNegotiator(a), createNegotiator(b)];
          const first = runNegotiation(compileScenario(sc), agents, { protocol: sao(60), seed });
          const again = runNegotiation(compileScenario(sc), agents, { protocol: sao(60), seed });
          expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        },
      ),
      { seed: 12, numRuns: 150 },
    );
  });

  it("time-based pairs agree on a split with a zone of agreement, each at or above its reservation", () => {
    const c = compileScenario(splitScenario(100, [0.3, 0.3]));
    for (const [a, b] of [["boulware", "conceder"], ["linear", "linear"], ["aspiration", "micro"], ["tit-for-tat", "conceder"], ["nice-tit-for-tat", "linear"], ["boa", "boa"]] as const) {
      const res = runNegotiation(c, [createNegotiator(a), createNegotiator(b)], { protocol: sao(200), seed: 3 });
      expect(res.status, `${a} vs ${b}`).toBe("agreement");
      expect(res.utilities[0]).toBeGreaterThanOrEqual(0.3);
      expect(res.utilities[1]).toBeGreaterThanOrEqual(0.3);
    }
  });

  it("a rational negotiator with nothing acceptable ends the negotiation at once", () => {
    const c = compileScenario(splitScenario(10, [1.1, 0]));
    const res = runNegotiation(c, [createNegotiator("boulware"), createNegotiator("nice")], { protocol: sao(10), seed: 1 });
    expect(res.status).toBe("ended");
  });

  it("timeBasedNegotiator is the registry's time-dependent agent", () => {
    const c = compileScenario(splitScenario(50, [0.2, 0.1]));
    const a = runNegotiation(c, [timeBasedNegotiator(0.2), timeBasedNegotiator(2)], { protocol: sao(100), seed: 5 });
    const b = runNegotiation(c, [createNegotiator("boulware"), createNegotiator("conceder")], { protocol: sao(100), seed: 5 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe("multilateral: stacked alternating offers with 3 and 4 seats", () => {
  it("every negotiator completes against any others; rational ones stay rational", () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ minParties: 3, maxParties: 4, maxOutcomes: 400, reservations: true, redLines: true }),
        fc.array(fc.constantFrom(...negotiatorNames), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (sc, picks, seed) => {
          const c = compileScenario(sc);
          const names = picks.slice(0, c.parties.length);
          const res = runNegotiation(c, names.map((n) => createNegotiator(n)), { protocol: stacked(40), seed });
          expectRational(c, names, res);
        },
      ),
      { seed: 13, numRuns: 200 },
    );
  });

  it("consensus seekers agree in three-party scenarios with a zone of agreement", () => {
    for (let s = 0; s < 20; s++) {
      const base = randomAdditiveScenario(4, 5, 3, s);
      const sc: Scenario = { ...base, parties: base.parties.map((p) => ({ ...p, preferences: { ...p.preferences!, reservation: 0.4 } })) };
      const c = compileScenario(sc);
      const names = ["consensus", "consensus", "consensus"] as const;
      const res = runNegotiation(c, names.map((n) => createNegotiator(n)), { protocol: stacked(100), seed: s });
      expect(res.status).toBe("agreement");
      expectRational(c, names, res);
    }
  });
});

describe("single-text voting (respond with from = −1)", () => {
  it("every negotiator answers the mediator's texts; rational ones never ratify below their reservation", () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ minParties: 2, maxParties: 3, maxOutcomes: 400, reservations: true, redLines: true }),
        fc.constantFrom(...negotiatorNames),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (sc, name, seed) => {
          const c = compileScenario(sc);
          const names = c.parties.map(() => name);
          const protocol = (n: number) => singleTextProtocol(n, { rounds: 30, radices: c.radices, rng: createRng(seed) });
          const res = runNegotiation(c, names.map((n) => createNegotiator(n)), { protocol, seed });
          expectRational(c, names, res);
        },
      ),
      { seed: 15, numRuns: 150 },
    );
  });

  it("a text is accepted when it reaches the negotiator's current target", () => {
    const c = compileScenario(splitScenario(10));
    // Seat 0 is Hardliner (target 1): it vetoes every change away from x = 10 and ratifies only x = 10.
    const protocol = (n: number) => singleTextProtocol(n, { rounds: 20, radices: c.radices, rng: createRng(2), start: [10] });
    const res = runNegotiation(c, [createNegotiator("hardliner"), createNegotiator("nice")], { protocol, seed: 1 });
    expect(res.status).toBe("agreement");
    expect(res.agreement).toEqual({ x: 10 });
  });
});

describe("shuttle mediation (drafts carried by the mediator, from = −1)", () => {
  it("every negotiator answers drafts and makes counter-drafts; rational ones stay rational", () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ minParties: 2, maxParties: 3, maxOutcomes: 400, reservations: true, redLines: true }),
        fc.array(fc.constantFrom(...negotiatorNames), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (sc, picks, seed) => {
          const c = compileScenario(sc);
          const names = picks.slice(0, c.parties.length);
          const res = runNegotiation(c, names.map((n) => createNegotiator(n)), { protocol: (n) => shuttleProtocol(n, { rounds: 30 }), seed });
          expectRational(c, names, res);
        },
      ),
      { seed: 16, numRuns: 150 },
    );
  });
});
