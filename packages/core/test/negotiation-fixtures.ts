// Small scenarios and scripted negotiators shared by the protocol tests.
import { compileScenario, type NegotiatorFactory, type Response, type Scenario } from "@parley/core";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });

/** Two issues (a: x/y/z, b: x/y) and three parties with opposed tastes. */
export const threeParties: Scenario = {
  id: "three",
  name: "Three",
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
    {
      id: "R",
      name: "R",
      role: "party",
      preferences: { utility: { kind: "linear-additive", weights: { a: 0.8, b: 0.2 }, values: { a: table({ y: 1 }), b: table({ x: 0.5, y: 0.5 }) } } },
    },
  ],
  frameworks: [],
};
export const compiled3 = compileScenario(threeParties);
export const compiled2 = compileScenario({ ...threeParties, parties: threeParties.parties.slice(0, 2) });

/** A scripted negotiator: proposes and responds from lists (then null / "reject"); records what it was offered. */
export function scripted(proposals: (number[] | null)[], responses: Response[], seen?: { offers: number[][]; from: number[] }): NegotiatorFactory {
  return () => {
    let p = 0;
    let r = 0;
    return {
      propose: () => proposals[p++] ?? null,
      respond: (_view, offer, from) => {
        seen?.offers.push([...offer]);
        seen?.from.push(from);
        return responses[r++] ?? "reject";
      },
    };
  };
}

/** Always answers `response`, always proposes `outcome`. */
export function constant(response: Response, outcome: number[] | null = [0, 0]): NegotiatorFactory {
  return () => ({ propose: () => outcome, respond: () => response });
}
