// Issue 13's walk, one representative folder per kind: every folder of the GENIUS corpus analyses
// (exit 0) with an honest `exact`. The full walk of all 167 folders, one process each, is
// bench/genius-walk.ts (minutes: not for CI).
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { geniusFolders, honesty } from "../../../bench/genius-walk.js";
import { geniusRoot, parley } from "./run-cli.js";
import { hasGeniusCorpus } from "../../../test/corpus.js";

const bytes = (folder: string) =>
  readdirSync(path.join(geniusRoot, folder))
    .filter((f) => f.endsWith(".xml"))
    .reduce((s, f) => s + statSync(path.join(geniusRoot, folder, f)).size, 0);

/** Per group (anac/y2010 … anac/y2016, other): its smallest folder; and the kinds that go elsewhere. */
function representatives(): string[] {
  const groups = new Map<string, string[]>();
  for (const f of geniusFolders(geniusRoot)) {
    const g = path.dirname(f);
    groups.set(g, [...(groups.get(g) ?? []), f]);
  }
  const smallest = [...groups.values()].map((fs) => fs.reduce((a, b) => (bytes(b) < bytes(a) ? b : a)));
  const kinds = [
    "anac/y2014/10issues", // hyper-rectangles, 10^10 outcomes: the solver
    "other/S-1NAGUNL-114", // hyper-rectangles with GENIUS's pareto.xml beside them
    "anac/y2015/group1-university", // nine parties
    "other/ItexvsCypressDomain", // twenty parties
    "other/laptopdomainNoBayes", // one party
  ];
  return [...new Set([...smallest, ...kinds])];
}

describe.skipIf(!hasGeniusCorpus)("every kind of GENIUS folder analyses", () => {
  it("the corpus has the 167 folders the walk expects", () => {
    expect(geniusFolders(geniusRoot)).toHaveLength(167);
  });

  it.each(hasGeniusCorpus ? representatives() : [])("parley analyze %s --json exits 0 with an honest exact", async (folder) => {
    const r = await parley(["analyze", "--json", path.join(geniusRoot, folder)]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(honesty(j)).toBeNull();
    expect(j.exact).toBe(true);
    // A frontier, or (twenty parties' reservation values leave no outcome) the conflicts that say why.
    expect(j.pareto.count > 0 || j.conflicts.sets.length > 0).toBe(true);
  });

  it("honesty refuses an exact report with a gap and an inexact one without", () => {
    expect(honesty({ exact: true, method: "solve", solver: { gap: 0 } })).toBeNull();
    expect(honesty({ exact: false, method: "solve", solver: { gap: 0.01 } })).toBeNull();
    expect(honesty({ exact: false, method: "sample" })).toBeNull();
    expect(honesty({ exact: true, method: "solve", solver: { gap: 0.01 } })).toMatch(/gap/);
    expect(honesty({ exact: false, method: "solve", solver: { gap: 0 } })).toMatch(/zero gap/);
    expect(honesty({ exact: true, method: "sample" })).toMatch(/sampled/);
    expect(honesty({ exact: false, method: "enumerate" })).toMatch(/enumerate/);
  });
});

/** A GENIUS folder of three ANAC 2014 profiles on one domain (the four 10- or 30-issue folders share theirs). */
function threeParties(issues: 10 | 30): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `parley-three-${issues}-`));
  const from = (folder: string) => path.join(geniusRoot, "anac/y2014", folder);
  copyFileSync(path.join(from(`${issues}issues`), `${issues}issues-domain.xml`), path.join(dir, "domain.xml"));
  copyFileSync(path.join(from(`${issues}issues`), "profile-1.xml"), path.join(dir, "profile-1.xml"));
  copyFileSync(path.join(from(`${issues}issues`), "profile-2.xml"), path.join(dir, "profile-2.xml"));
  copyFileSync(path.join(from(`${issues}issuesDiscounted`), "profile-1.xml"), path.join(dir, "profile-3.xml"));
  return dir;
}

describe.skipIf(!hasGeniusCorpus)("three parties on a space too large to enumerate", () => {
  it("10^10 outcomes × 3 non-linear parties: the exact frontier (search regions), no PARLEY_ERR_SPACE_TOO_LARGE", async () => {
    const dir = threeParties(10);
    try {
      const r = await parley(["analyze", "--json", "--no-survival", dir]);
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.parties).toHaveLength(3);
      expect(j.outcomes).toBe(1e10);
      expect([j.method, j.exact, j.solver.gap]).toEqual(["solve", true, 0]);
      const points: number[][] = j.pareto.points;
      expect(points.length).toBeGreaterThan(3);
      for (const p of points) expect(points.some((q) => q !== p && q.every((x, i) => x >= p[i]!))).toBe(false);
      expect(points).toContainEqual(j.nash[0].utilities);
      expect(points).toContainEqual(j.maxWelfare[0].utilities);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("10^30 outcomes × 3 under --time-limit: proven points, exact false and a gap", async () => {
    const dir = threeParties(30);
    try {
      const r = await parley(["analyze", "--json", "--no-survival", "--time-limit", "1", dir]);
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(honesty(j)).toBeNull();
      expect(j.exact).toBe(false);
      expect(j.solver.gap === null || (j.solver.gap > 0 && j.solver.gap <= 1)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
