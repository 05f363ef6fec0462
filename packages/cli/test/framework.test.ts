import path from "node:path";
import { describe, expect, it } from "vitest";
import { parley, repoRoot } from "./run-cli.js";

// The built-in scenario changes over time: these tests name the example file explicitly.
const example = path.join(repoRoot, "examples/ceasefire-talks.yaml");
const parties = ["government", "movement", "kessa", "envoy"];

describe("parley framework", () => {
  it("framework SCENARIO prints the stance matrix, verdicts, amendments and the deal check", async () => {
    const r = await parley(["framework", example]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Framework: Special Envoy's draft framework (envoy-draft)");
    expect(r.stdout).toContain("Stance matrix");
    for (const p of parties) expect(r.stdout).toContain(p);
    expect(r.stdout).toMatch(/1\. A ceasefire monitored/);
    expect(r.stdout).toContain("Verdicts");
    expect(r.stdout).toContain("Best amendments");
    expect(r.stdout).toContain("What would make government accept");
    expect(r.stdout).toMatch(/Deal check\n {2}a deal is possible: [\d,]+ outcomes/);
    expect(r.stdout.includes("\u001b[")).toBe(false); // no colour when stdout is not a terminal
  });

  it("framework --json prints the documented object", async () => {
    const r = await parley(["framework", example, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.dealPossible).toBe(true);
    expect(j.conflicts).toBeNull();
    expect(j.frameworks).toHaveLength(1);
    const fw = j.frameworks[0];
    expect(fw.id).toBe("envoy-draft");
    expect(fw.points.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const point of fw.points) {
      expect(Object.keys(point)).toEqual(expect.arrayContaining(["id", "number", "text", "issues", "stances"]));
      expect(Object.keys(point.stances)).toEqual(parties);
      for (const s of Object.values(point.stances) as { value: number | null; redLine: boolean; declared: unknown }[]) {
        expect(s.value === null || (s.value >= 0 && s.value <= 1)).toBe(true);
        expect(typeof s.redLine).toBe("boolean");
        expect(s.declared).toBeNull(); // the example has no statements
      }
    }
    expect(fw.points[2].stances.government.value).toBeCloseTo(1 / 3, 12); // legislative: 2nd worst of 4 options
    expect(fw.points[5].issues).toEqual([]); // the border point settles nothing
    for (const p of parties) {
      const v = fw.verdicts[p];
      expect(typeof v.utility).toBe("number");
      expect(v.utility).toBe(v.utilityRange.min);
      expect(v.accepts).toBe(v.verdict === "accept");
    }
    expect(fw.verdicts.government.verdict).toBe("depends");
    expect(fw.amendments.best.length).toBeGreaterThan(0);
    // the government accepts once the border point settles on a date near its peak (9 months)
    expect(fw.amendments.fixes.government.fixes[0].changes).toEqual([{ issue: "border", point: null, points: [], from: null, to: 8 }]);
  });

  it("framework on a text whose points are not public says so, and shows every stance of a statement with several claims", async () => {
    const r = await parley(["framework", "--framework", "us-russia-27"], repoRoot);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("the points of this text are not public: it sets no issue, so every issue is open");
    expect(r.stdout).toContain("Stance matrix: none (no public points)");
    expect(r.stdout).toMatch(/^ {2}russia +0\.0000–1\.0000 .* depends +partial \(2025-12-04, IFP News\)$/m);
    const j = JSON.parse((await parley(["framework", "--framework", "us-russia-27", "--json"], repoRoot)).stdout) as {
      frameworks: { basis: string; points: unknown[]; verdicts: Record<string, { declaredDisagrees: boolean }> }[];
    };
    expect(j.frameworks[0]).toMatchObject({ basis: "undisclosed", points: [] });
    expect(Object.values(j.frameworks[0]!.verdicts).map((v) => v.declaredDisagrees)).toEqual([false, false, false, false]);
  });

  it("framework --framework ID with an unknown id lists the known ones and exits 2", async () => {
    const r = await parley(["framework", example, "--framework", "no-such-draft"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("frameworks: envoy-draft");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("parley compare", () => {
  it("compare A B SCENARIO --json reports per issue and per party", async () => {
    const r = await parley(["compare", "envoy-draft", "envoy-draft", example, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.a.id).toBe("envoy-draft");
    expect(j.issues.map((i: { change: string }) => i.change)).toEqual(["same", "same", "same", "same", "open", "same"]);
    expect(j.parties.map((p: { party: string }) => p.party)).toEqual(parties);
    expect(j.parties.every((p: { verdictChange: unknown }) => p.verdictChange === null)).toBe(true);
    const text = await parley(["compare", "envoy-draft", "envoy-draft", example]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Δ worst");
  });

  it("compare with an unknown framework exits 2", async () => {
    const r = await parley(["compare", "envoy-draft", "nope", example]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no framework "nope"');
  });
});

describe("parley exclude", () => {
  it("exclude PARTY SCENARIO reports the others' agreement and the party's ratification", async () => {
    const r = await parley(["exclude", "government", example, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.party).toBe("government");
    expect(j.included).toEqual(["movement", "kessa", "envoy"]);
    expect(j.nash.length).toBeGreaterThan(0);
    for (const p of j.nash) {
      expect(p.utilities).toHaveLength(3);
      expect(p.excluded.ratifies).toBe(p.excluded.utility >= p.excluded.reservation && p.excluded.redLinesCrossed.length === 0);
    }
    const within = JSON.parse((await parley(["exclude", "government", example, "--framework", "envoy-draft", "--json"])).stdout);
    expect(within.framework.id).toBe("envoy-draft");
    for (const p of within.nash) expect(p.outcome.autonomy).toBe("legislative");
    const text = await parley(["exclude", "kessa", example]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Without kessa");
    expect(text.stdout).toContain("ratifies");
  });

  it("exclude with an unknown party exits 2", async () => {
    const r = await parley(["exclude", "nobody", example]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("PARLEY_ERR_UNKNOWN_PARTY");
  });
});

describe("parley robustness", () => {
  it("robustness --samples N --seed S is reproducible and reports fractions", async () => {
    const args = ["robustness", example, "--samples", "40", "--seed", "3", "--json"];
    const a = await parley(args);
    const b = await parley(args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const j = JSON.parse(a.stdout);
    expect(j.samples).toBe(40);
    expect(j.seed).toBe(3);
    for (const p of j.frameworks[0].parties) expect(p.accept + p.depends + p.reject).toBeCloseTo(1, 12);
    expect(j.nash.stable).toBeGreaterThanOrEqual(0);
    expect(j.nash.stable).toBeLessThanOrEqual(1);
    const text = await parley(["robustness", example, "--samples", "20"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("still a Nash package in");
  });

  it("robustness rejects a bad --samples", async () => {
    const r = await parley(["robustness", example, "--samples", "0"]);
    expect(r.code).toBe(2);
  });

  it("--help works for every framework command", async () => {
    for (const cmd of ["framework", "compare", "exclude", "robustness"]) {
      const r = await parley([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: parley ${cmd}`);
    }
  });
});

describe("parley exclude --simulate", () => {
  it("also runs the shuttle protocol among the included parties and asks the excluded one to ratify", async () => {
    const r = await parley(["exclude", "movement", "examples/ceasefire-talks.yaml", "--simulate", "--agents", "conceder", "--steps", "200", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.simulated).toHaveLength(1); // conceders agree within 200 rounds
    for (const p of j.simulated) {
      expect(p.utilities).toHaveLength(j.included.length);
      expect(typeof p.excluded.ratifies).toBe("boolean");
    }
    const again = await parley(["exclude", "movement", "examples/ceasefire-talks.yaml", "--simulate", "--agents", "conceder", "--steps", "200", "--json"]);
    expect(again.stdout).toBe(r.stdout);
    const bad = await parley(["exclude", "movement", "examples/ceasefire-talks.yaml", "--simulate", "--agents", "nosuchagent"]);
    expect(bad.code).toBe(2);
  });
});

describe("fixes that cost nothing yet worsen a verdict", () => {
  it("say whose verdict turns, from what to what, and why the cost is 0", async () => {
    const { parley: run } = await import("./run-cli.js");
    const r = await run(["framework"]);
    expect(r.code).toBe(0);
    const worse = r.stdout.split("\n").filter((l) => /cost 0\.0000 \(best completion \d\.\d{4}\) +worse verdict for/.test(l));
    expect(worse.length).toBeGreaterThan(0);
    for (const l of worse) expect(l).toMatch(/worse verdict for \w+ \((accept|depends) → (depends|reject): (crosses [\w-]+|best completion|worst completion|a red line now at risk)/);
    expect(r.stdout).toContain("cost 0 with a worse verdict: no one loses on the worst completion");
  });
});
