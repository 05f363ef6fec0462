// fast-check arbitraries for the framework-analysis property tests: random scenarios with a random framework.
import fc from "fast-check";
import { issueValues, type Framework, type FrameworkPoint, type Scenario, type Value } from "@parley/core";
import { arbitraryScenario, type RandomScenarioOptions } from "./arbitraries.js";

/** A framework over the scenario's issues: each issue is open or set (to a random value) by one of up to 3 points. */
export function arbitraryFramework(scenario: Scenario): fc.Arbitrary<Framework> {
  const perIssue = scenario.issues.map((issue) => {
    const values = issueValues(issue);
    return fc.option(
      fc.record({ point: fc.integer({ min: 1, max: 3 }), value: fc.constantFrom<Value>(...values) }),
      { nil: null, freq: 3 },
    );
  });
  return fc.tuple(...perIssue).map((choices): Framework => {
    const points: FrameworkPoint[] = [1, 2, 3].map((number) => ({
      id: `p${number}`,
      number,
      text: `Point ${number}`,
      sets: Object.fromEntries(
        scenario.issues.flatMap((issue, i) => {
          const c = choices[i];
          return c && c.point === number ? [[issue.id, c.value] as const] : [];
        }),
      ),
    }));
    return { id: "draft", name: "Draft", points };
  });
}

/** A random linear-additive scenario (see arbitraryScenario) carrying one random framework. */
export function arbitraryScenarioWithFramework(options: RandomScenarioOptions = {}): fc.Arbitrary<Scenario> {
  return arbitraryScenario(options).chain((s) => arbitraryFramework(s).map((f): Scenario => ({ ...s, frameworks: [f] })));
}
