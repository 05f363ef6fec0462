// Issue 13's walk, one representative folder per kind: every folder of the GENIUS corpus analyses
// (exit 0) with an honest `exact`. The full walk of all 167 folders, one process each, is
// bench/genius-walk.ts (minutes: not for CI).
import { readdirSync, statSync } from "node:fs";
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
