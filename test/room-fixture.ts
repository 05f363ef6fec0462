// A small four-party scenario for room tests, the kill harness and the room benchmark: 4 issues of
// 4 options (256 packages), each party with its own ordering, weights and reservation value, so
// agent rooms take tens of rounds rather than one.
const issues = ["aid", "border", "police", "courts"];
const options = (issue: string) => [1, 2, 3, 4].map((k) => `${issue}-${k}`);
const parties = ["north", "south", "east", "west"];

export const QUAD_SCENARIO_ID = "quad-talks";

export const quadScenarioYaml = `parley: 1
id: ${QUAD_SCENARIO_ID}
name: Four-party talks (test fixture)
issues:
${issues.map((i) => `  - id: ${i}\n    name: ${i}\n    kind: categorical\n    options: [${options(i).join(", ")}]`).join("\n")}
parties:
${parties
  .map((p, k) => {
    // Each party ranks each issue's options rotated by its own offset and weighs the issues differently.
    const values = issues.map((i, j) => {
      const o = options(i);
      const r = (k + j) % 4;
      return `${i}: [${[...o.slice(r), ...o.slice(0, r)].join(", ")}]`;
    });
    const weights = issues.map((i, j) => `${i}: ${1 + ((k + 2 * j) % 4)}`);
    return `  - id: ${p}\n    name: ${p}\n    role: party\n    preferences:\n      reservation: ${(0.25 + 0.05 * k).toFixed(2)}\n      weights: {${weights.join(", ")}}\n      values: {${values.join(", ")}}`;
  })
  .join("\n")}
`;

export const QUAD_PARTIES = parties;
