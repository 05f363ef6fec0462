// Seeded random linear-additive scenarios (also used by the benchmarks in bench/).
import { createRng, type Issue, type Party, type Scenario } from "@parley/core";

export function randomAdditiveScenario(issues: number, options: number, parties: number, seed: number): Scenario {
  const rng = createRng(seed);
  const issueList: Issue[] = Array.from({ length: issues }, (_, i) => ({
    kind: "categorical",
    id: `i${i}`,
    options: Array.from({ length: options }, (_, k) => `v${k}`),
  }));
  const partyList: Party[] = Array.from({ length: parties }, (_, p) => {
    const w = issueList.map(() => rng());
    const total = w.reduce((a, b) => a + b, 0);
    return {
      id: `p${p}`,
      name: `Party ${p}`,
      role: "party",
      preferences: {
        utility: {
          kind: "linear-additive",
          weights: Object.fromEntries(issueList.map((issue, i) => [issue.id, w[i]! / total])),
          values: Object.fromEntries(
            issueList.map((issue) => [
              issue.id,
              { kind: "table", scores: Object.fromEntries((issue.kind === "categorical" ? issue.options : []).map((o) => [o, rng()])) },
            ]),
          ),
        },
      },
    };
  });
  return { id: `random-${issues}x${options}-${parties}p`, name: "Random", issues: issueList, parties: partyList, frameworks: [] };
}
