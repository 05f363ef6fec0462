// `parley timeline` (needs registerTimelineCommand wired into cli.ts).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { fixtures, parley } from "./run-cli.js";

interface Entry {
  type: "statement" | "event";
  id: string;
  date: string;
  endDate?: string;
  party?: string;
  participants?: string[];
  about?: { framework?: string; point?: string; issue?: string }[];
  framework?: string;
  source: { outlet: string; url?: string };
  confidence: string;
}

const builtin = (() => {
  const r = parseScenario(readBuiltinScenarioText());
  if (!r.ok) throw new Error("the built-in scenario must parse");
  return r.value;
})();

async function json(args: string[]): Promise<{ filter: Record<string, string>; statements: number; events: number; entries: Entry[] }> {
  const r = await parley(["timeline", "--json", ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe("parley timeline", () => {
  it("timeline lists the built-in scenario's statements and events in date order, readably", async () => {
    const r = await parley(["timeline"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toMatch(/\d+ statements, \d+ events$/);
    expect(r.stdout).toMatch(/^2025-12-03 {2}DENY\+PARTIAL +Russia · Dmitry Peskov, Kremlin spokesperson {2}\[H\]$/m);
    // each claim of a statement with several, with what it is about
    expect(r.stdout).toMatch(/^ {12}deny: us-russia-27\n {12}partial: us-russia-27$/m);
    expect(r.stdout).toMatch(/^ {12}source: UA\.News\s+https:\/\/ua\.news\//m);
    expect(r.stdout).toMatch(/^2025-12-02 {2}MEETING +United States, Russia · Putin meets Witkoff and Kushner/m);
    const dates = [...r.stdout.matchAll(/^(\d{4}-\d{2}-\d{2}) {2}/gm)].map((m) => m[1]!);
    expect(dates.length).toBe(builtin.statements!.length + builtin.events!.length);
    expect(dates).toEqual([...dates].sort());
    for (const line of r.stdout.split("\n")) if (!/https?:\/\//.test(line)) expect(line.length, line).toBeLessThanOrEqual(160);
    expect(r.stdout.includes("\u001b[")).toBe(false);
  });

  it("timeline --json lists every statement and event with all its fields", async () => {
    const j = await json([]);
    expect(j.statements).toBe(builtin.statements!.length);
    expect(j.events).toBe(builtin.events!.length);
    expect(j.entries).toHaveLength(j.statements + j.events);
    const peskov = j.entries.find((e) => e.type === "statement" && e.date === "2025-12-03" && e.party === "russia");
    const original = builtin.statements!.find((s) => s.id === peskov!.id)!;
    expect(peskov).toEqual({ type: "statement", ...JSON.parse(JSON.stringify(original)) });
    for (const e of j.entries) expect(e.source.url).toMatch(/^https?:/);
    const dates = j.entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("timeline --party keeps the party's statements and the events it took part in", async () => {
    const j = await json(["--party", "russia"]);
    expect(j.filter).toEqual({ party: "russia" });
    expect(j.statements).toBeGreaterThan(10);
    expect(j.events).toBeGreaterThan(5);
    for (const e of j.entries) {
      if (e.type === "statement") expect(e.party).toBe("russia");
      else expect(e.participants).toContain("russia");
    }
  });

  it("timeline --issue keeps statements about the issue, directly or through a point that sets it", async () => {
    const j = await json(["--issue", "donbas"]);
    expect(j.events).toBe(0);
    expect(j.statements).toBeGreaterThan(5);
    const setsDonbas = new Set(builtin.frameworks.flatMap((f) => f.points.filter((p) => "donbas" in p.sets).map((p) => `${f.id}/${p.id}`)));
    for (const e of j.entries) expect(e.about!.some((a) => a.issue === "donbas" || setsDonbas.has(`${a.framework}/${a.point}`))).toBe(true);
    expect(j.entries.map((e) => e.id)).toContain("s-zelensky-no-withdrawal");
  });

  it("timeline --point keeps statements about the point or the issues it sets, and events about its framework", async () => {
    const j = await json(["--point", "28-point/21"]);
    expect(j.entries.some((e) => e.about?.some((a) => a.framework === "28-point" && a.point === "21"))).toBe(true);
    for (const e of j.entries) if (e.type === "event") expect(e.framework).toBe("28-point");
    expect(j.events).toBeGreaterThan(0);
  });

  it("timeline --from/--to takes dates or prefixes", async () => {
    const day = await json(["--from", "2025-12-03", "--to", "2025-12-03"]);
    expect(new Set(day.entries.map((e) => e.date))).toEqual(new Set(["2025-12-03"]));
    const march = await json(["--from", "2026-03"]);
    expect(march.entries.length).toBeGreaterThan(0);
    for (const e of march.entries) expect(e.date >= "2026-03").toBe(true);
  });

  it("timeline of a scenario with no statements says so", async () => {
    const r = await parley(["timeline", "examples/ceasefire-talks.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("The scenario lists no statements or events.");
  });

  it("timeline of a small file shows what a point's statements are about", async () => {
    const r = await parley(["timeline", path.join(fixtures, "sourced-scenario.yaml"), "--point", "draft/2"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("about: troops = 0/1; draft/2; draft/1");
  });

  it("unknown parties, issues and points, and bad dates, exit 2 with what is known", async () => {
    const party = await parley(["timeline", "--party", "nato"]);
    expect(party.code).toBe(2);
    expect(party.stderr).toContain("parties: us, russia, ukraine, europe");
    const point = await parley(["timeline", "--point", "28-point/99"]);
    expect(point.code).toBe(2);
    expect(point.stderr).toContain('framework "28-point" has no point "99"');
    const issue = await parley(["timeline", "--issue", "crimea"]);
    expect(issue.code).toBe(2);
    const date = await parley(["timeline", "--from", "3 Dec"]);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain("--from takes a calendar date");
    for (const bad of ["2025-13", "2025-02-29", "2025-04-31", "2025-00-10"]) {
      const r = await parley(["timeline", "--to", bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain(`--to takes a calendar date: YYYY-MM-DD, YYYY-MM or YYYY (not "${bad}")`);
    }
    expect((await parley(["timeline", "--to", "2024-02-29", "--json"])).code).toBe(0);
    for (const r of [party, point, issue, date]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("timeline --help works", async () => {
    const r = await parley(["timeline", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage:");
    expect(r.stdout).toContain("--point <framework/point>");
  });
});

describe("--as-of", () => {
  it("analyses the scenario as known on a date, says what it set aside, and adds asOf to the JSON", async () => {
    const { parley: run } = await import("./run-cli.js");
    const r = await run(["analyze", "--json", "--as-of", "2025-11-25"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^parley: as of 2025-11-25: set aside what was not known yet — \d+ statements/);
    const j = JSON.parse(r.stdout) as { asOf: { date: string; frameworks: string[] }; frameworks: { framework: { id: string } }[] };
    expect(j.asOf.date).toBe("2025-11-25");
    expect(j.asOf.frameworks).toContain("20-point");
    expect(j.frameworks.map((f) => f.framework.id)).not.toContain("20-point");
    const all = JSON.parse((await run(["analyze", "--json"])).stdout) as { asOf?: unknown; frameworks: unknown[] };
    expect(all.asOf).toBeUndefined();
    expect(all.frameworks.length).toBeGreaterThan(j.frameworks.length);
    for (const args of [["framework"], ["timeline"], ["compare", "28-point", "european-counter"], ["exclude", "ukraine"], ["simulate", "--steps", "5"]]) {
      const x = await run([...args, "--as-of", "2025-12-02"]);
      expect(x.code, args.join(" ")).toBe(0);
      expect(x.stderr).toContain("as of 2025-12-02");
    }
    expect((await run(["analyze", "--as-of", "2025-13-01"])).code).toBe(2);
  });
});

describe("parley history", () => {
  it("ends where the full analysis is, dates in order, and names what changed", async () => {
    const { parley: run } = await import("./run-cli.js");
    const h = await run(["history", "--json"]);
    expect(h.code).toBe(0);
    const { steps } = JSON.parse(h.stdout) as { steps: { date: string; dealPossible: boolean; verdicts: Record<string, Record<string, string>>; changes: string[] }[] };
    expect(steps.map((s) => s.date)).toEqual([...steps.map((s) => s.date)].sort());
    const full = JSON.parse((await run(["analyze", "--json"])).stdout) as { rational: { count: number }; frameworks: { framework: { id: string }; parties: { party: string; verdict: string }[] }[] };
    const last = steps.at(-1)!;
    expect(last.dealPossible).toBe(full.rational.count > 0);
    for (const f of full.frameworks) expect(last.verdicts[f.framework.id]).toEqual(Object.fromEntries(f.parties.map((p) => [p.party, p.verdict])));
    // Each step's changes are exactly the differences from the step before.
    steps.slice(1).forEach((s, i) => {
      const before = steps[i]!;
      const verdictChanges = Object.entries(s.verdicts).flatMap(([f, byParty]) =>
        before.verdicts[f] ? Object.entries(byParty).filter(([p, v]) => before.verdicts[f]![p] !== v).map(([p]) => `${f}:${p}`) : [],
      );
      expect(s.changes.flatMap((c) => /^(.+?): (\S+) \S+ → \S+$/.exec(c)?.slice(1, 3).join(":") ?? [])).toEqual(verdictChanges);
    });
    const text = await run(["history"]);
    expect(text.stdout).toMatch(/dates without a change are not shown/);
  });
});
