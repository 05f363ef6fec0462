import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileScenario,
  isParleyError,
  openingText,
  planSimulation,
  resolveSeats,
  runSimulation,
  settleFramework,
  type ParleyErrorCode,
  type Scenario,
  type SimulationRequest,
} from "@parley/core";
import { arbitraryScenarioWithFramework } from "../../test/framework-arbitraries.js";
import { threeParties } from "../../test/negotiation-fixtures.js";

const withMediator: Scenario = {
  ...threeParties,
  parties: [
    ...threeParties.parties,
    { id: "M", name: "Mediator", role: "mediator", preferences: threeParties.parties[2]!.preferences! },
    { id: "O", name: "Observer", role: "observer" },
  ],
  frameworks: [{ id: "draft", name: "Draft", points: [{ id: "p1", number: 1, text: "a is y", sets: { a: "y" } }] }],
};
const compiled = compileScenario(withMediator);

function codeOf(fn: () => unknown): ParleyErrorCode | "none" {
  try {
    fn();
    return "none";
  } catch (error) {
    if (isParleyError(error)) return error.code;
    throw error;
  }
}

describe("resolveSeats", () => {
  it("seats the parties (role party) by default, a named mediator only when asked", () => {
    expect(resolveSeats(compiled)).toEqual(["P", "Q", "R"]);
    expect(resolveSeats(compiled, ["M", "P"])).toEqual(["M", "P"]);
  });
  it("names what cannot be seated", () => {
    expect(codeOf(() => resolveSeats(compiled, ["P", "nobody"]))).toBe("PARLEY_ERR_UNKNOWN_PARTY");
    expect(codeOf(() => resolveSeats(compiled, ["P", "O"]))).toBe("PARLEY_ERR_NO_PREFERENCES");
    expect(codeOf(() => resolveSeats(compiled, ["P", "P"]))).toBe("PARLEY_ERR_BAD_ARGUMENT");
    const nobody = compileScenario({ ...withMediator, parties: [{ id: "O", name: "O", role: "observer" }], frameworks: [] });
    expect(codeOf(() => resolveSeats(nobody))).toBe("PARLEY_ERR_NO_PREFERENCES");
  });
});

describe("planSimulation", () => {
  const base: SimulationRequest = { rounds: 20, seed: 1 };
  it.each<[string, SimulationRequest, ParleyErrorCode]>([
    ["an agent count that differs from the seats", { ...base, agents: ["boulware"] }, "PARLEY_ERR_BAD_ARGUMENT"],
    ["an unknown agent", { ...base, agents: ["boulware", "nobody", "linear"] }, "PARLEY_ERR_UNKNOWN_STRATEGY"],
    ["a bad agent parameter", { ...base, agents: ["boulware(e=-1)", "linear", "linear"] }, "PARLEY_ERR_BAD_PARAMETER"],
    ["an unknown protocol", { ...base, protocol: "tennis" }, "PARLEY_ERR_UNKNOWN_PROTOCOL"],
    ["sao with three seats", { ...base, protocol: "sao" }, "PARLEY_ERR_BAD_ARGUMENT"],
    ["exclude outside shuttle", { ...base, exclude: ["P"] }, "PARLEY_ERR_BAD_ARGUMENT"],
    ["exclude of a party not seated", { ...base, protocol: "shuttle", exclude: ["M"] }, "PARLEY_ERR_BAD_ARGUMENT"],
    ["exclude of every seat", { ...base, protocol: "shuttle", exclude: ["P", "Q", "R"] }, "PARLEY_ERR_BAD_ARGUMENT"],
    ["a mediator outside single-text", { ...base, mediator: "hill-climb" }, "PARLEY_ERR_BAD_ARGUMENT"],
    ["an unknown mediator", { ...base, protocol: "single-text", mediator: "coin" }, "PARLEY_ERR_BAD_ARGUMENT"],
    ["a framework outside single-text and shuttle", { ...base, framework: "draft" }, "PARLEY_ERR_UNKNOWN_FRAMEWORK"],
    ["an unknown framework", { ...base, protocol: "single-text", framework: "nope" }, "PARLEY_ERR_UNKNOWN_FRAMEWORK"],
    ["rounds that are not a positive whole number", { ...base, rounds: 0 }, "PARLEY_ERR_BAD_ARGUMENT"],
  ])("refuses %s", (_, request, code) => {
    // A framework on a protocol that does not open from one is refused before it is looked up.
    const expected = request.framework === "draft" && request.protocol === undefined ? "PARLEY_ERR_BAD_ARGUMENT" : code;
    expect(codeOf(() => planSimulation(compiled, request))).toBe(expected);
  });
  it("refuses rounds past the caller's limit with PARLEY_ERR_LIMIT", () => {
    expect(codeOf(() => planSimulation(compiled, { ...base, rounds: 101 }, { maxRounds: 100 }))).toBe("PARLEY_ERR_LIMIT");
    expect(codeOf(() => planSimulation(compiled, { ...base, rounds: 100 }, { maxRounds: 100 }))).toBe("none");
  });
  it("suggests the protocol or mediator meant by a typo", () => {
    const message = (request: SimulationRequest) => {
      try {
        planSimulation(compiled, request);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    expect(message({ ...base, protocol: "stackd" })).toMatch(/^unknown protocol "stackd"\. Did you mean "stacked"\? Protocols: sao, /);
    expect(message({ ...base, protocol: "tennis" })).toMatch(/^unknown protocol "tennis"\. Protocols: /);
    expect(message({ ...base, protocol: "single-text", mediator: "hill-climbs" })).toMatch(/Did you mean "hill-climb"\? Mediators: /);
  });
  it("words messages with the caller's field names", () => {
    try {
      planSimulation(compiled, { ...base, exclude: ["P"] }, { fieldNames: { exclude: "--exclude" } });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^--exclude applies to the shuttle protocol only/);
    }
  });
  it("defaults: linear agents, sao for two seats and stacked for more", () => {
    expect(planSimulation(compiled, base)).toMatchObject({ protocol: "stacked", agents: ["linear", "linear", "linear"], seats: ["P", "Q", "R"] });
    expect(planSimulation(compiled, { ...base, seats: ["P", "Q"] })).toMatchObject({ protocol: "sao", agents: ["linear", "linear"] });
  });
  it("the same request and seed replay the same run", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom("stacked", "single-text", "shuttle"), (seed, protocol) => {
        const request = { rounds: 30, seed, protocol, agents: ["boulware", "conceder", "random"] };
        const a = runSimulation(planSimulation(compiled, request));
        const b = runSimulation(planSimulation(compiled, request));
        expect(a).toEqual(b);
        expect(a.seats).toEqual(["P", "Q", "R"]);
        expect(a.agents).toEqual(request.agents);
      }),
      { numRuns: 15 },
    );
  });
});

describe("openingText", () => {
  it("keeps what the framework settles and fills the open issues with valid options (seeded)", () => {
    fc.assert(
      fc.property(arbitraryScenarioWithFramework({ maxOutcomes: 500 }), fc.integer({ min: 0, max: 1000 }), (scenario, seed) => {
        const c = compileScenario(scenario);
        const settled = settleFramework(c, scenario.frameworks[0]!);
        const text = openingText(c, "draft", seed);
        expect(text).toEqual(openingText(c, "draft", seed));
        text.forEach((k, i) => {
          expect(k).toBeGreaterThanOrEqual(0);
          expect(k).toBeLessThan(c.radices[i]!);
          if (settled.fixed[i]! >= 0) expect(k).toBe(settled.fixed[i]);
        });
      }),
    );
  });
});
