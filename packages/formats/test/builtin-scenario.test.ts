// The built-in scenario (packages/formats/scenarios/peace-talks-2025.yaml): sourcing rules and headline facts.
import {
  compileScenario,
  evaluateFramework,
  frameworkReport,
  outcomeUtilities,
  type Party,
  type RedLine,
  type Scenario,
} from "@parley/core";
import { readFileSync } from "node:fs";
import { builtinScenarioFileName, lintScenarioText, parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { describe, expect, it } from "vitest";

const parsed = parseScenario(readBuiltinScenarioText(), { file: builtinScenarioFileName });
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join("\n"));
const scenario: Scenario = parsed.value;
const statements = scenario.statements ?? [];
const events = scenario.events ?? [];
const withPreferences = scenario.parties.filter((p): p is Party & { preferences: NonNullable<Party["preferences"]> } => !!p.preferences);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The scenario with one party's red lines changed. */
function editRedLines(party: string, edit: (lines: readonly RedLine[]) => RedLine[]): Scenario {
  return {
    ...scenario,
    parties: scenario.parties.map((p) =>
      p.id === party && p.preferences ? { ...p, preferences: { ...p.preferences, redLines: edit(p.preferences.redLines ?? []) } } : p,
    ),
  };
}
const rational = (s: Scenario) => outcomeUtilities(compileScenario(s)).rationalCount;

describe("the built-in scenario", () => {
  it("parses without warnings", () => {
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });

  it("is the peace-talks scenario, with the four parties (the US as mediator), all with preferences", () => {
    expect(builtinScenarioFileName).toBe("peace-talks-2025.yaml");
    expect(scenario.id).toBe("peace-talks-2025");
    expect(scenario.parties.map((p) => [p.id, p.role])).toEqual([
      ["us", "mediator"],
      ["russia", "party"],
      ["ukraine", "party"],
      ["europe", "party"],
    ]);
    expect(withPreferences).toHaveLength(4);
  });

  it("has at least 12 issues, with an outcome space small enough to enumerate", () => {
    expect(scenario.issues.length).toBeGreaterThanOrEqual(12);
    expect(compileScenario(scenario).size).toBeLessThanOrEqual(10_000_000);
  });

  it("has the three public frameworks and the US–Russia text, each with its basis, confidence and caveats", () => {
    expect(scenario.frameworks.map((f) => [f.id, f.basis, f.points.length])).toEqual([
      ["28-point", "leaked", 28],
      ["european-counter", "leaked", 8],
      ["20-point", "oral", 20],
      ["us-russia-27", "undisclosed", 0],
    ]);
    for (const f of scenario.frameworks) {
      expect(f.date).toMatch(isoDate);
      expect(f.confidence).toBeDefined();
      expect(f.caveats?.length).toBeGreaterThan(20);
      expect(f.points.map((p) => p.number)).toEqual(f.points.map((_, k) => k + 1));
    }
  });

  it("cites public sources only: URLs in every framework's source, no file a reader of the repository cannot open", () => {
    for (const f of scenario.frameworks) expect(f.source ?? "", f.id).toMatch(/https:\/\/\S+/);
    const doc = readFileSync(new URL("../../../docs/peace-talks-scenario.md", import.meta.url), "utf8");
    for (const [name, text] of [["the scenario file", readBuiltinScenarioText()], ["docs/peace-talks-scenario.md", doc]] as const) {
      expect(text, name).not.toMatch(/\.\.\/shared\/|fact sheet|peace-talks-facts/i);
    }
  });

  it("has at least 40 statements and 30 events, each dated and sourced (outlet and URL), with a confidence tag", () => {
    expect(statements.length).toBeGreaterThanOrEqual(40);
    expect(events.length).toBeGreaterThanOrEqual(30);
    for (const x of [...statements, ...events]) {
      expect(x.date, x.id).toMatch(isoDate);
      expect(x.source.outlet.length, x.id).toBeGreaterThan(0);
      expect(x.source.url, x.id).toMatch(/^https?:\/\/\S+$/);
      expect(["H", "M", "L"]).toContain(x.confidence);
    }
    for (const s of statements) {
      expect(s.speaker.length).toBeGreaterThan(0);
      // Paraphrases in our own words: short quotes only.
      const quoted = [...s.paraphrase.matchAll(/"([^"]*)"/g)].map((m) => m[1]!.split(/\s+/).length);
      for (const words of quoted) expect(words, s.id).toBeLessThanOrEqual(4);
    }
  });

  it("includes Peskov's statement of 3 December 2025 denying that Russia rejected the proposals", () => {
    const peskov = statements.filter((s) => s.date === "2025-12-03" && s.party === "russia" && s.speaker.includes("Peskov"));
    expect(peskov).toHaveLength(1);
    expect(peskov[0]).toMatchObject({ stance: "deny", confidence: "H" }); // its first claim; the second is partial
    expect(peskov[0]!.paraphrase).toMatch(/wrong to say Putin had rejected/);
  });

  it("codes the 3 and 4 December 2025 statements as the fact sheet does (DENY / PART; REJ on the points named)", () => {
    const peskov = statements.find((s) => s.id === "s-peskov-not-rejected")!;
    expect(peskov.claims).toEqual([
      { stance: "deny", about: [{ framework: "us-russia-27" }] },
      { stance: "partial", about: [{ framework: "us-russia-27" }] },
    ]);
    expect(peskov.voice).toBe("spokesperson");
    const putin = statements.find((s) => s.id === "s-putin-donbas")!;
    expect(putin.claims).toEqual([
      { stance: "partial", about: [{ framework: "us-russia-27" }] },
      { stance: "reject", about: [{ issue: "donbas", values: ["freeze"] }] },
    ]);
    expect(putin.voice).toBe("principal");
    // Statements of 2–4 December are about the US–Russia text, not the leaked 28-point draft.
    for (const id of ["s-ushakov-readout", "s-peskov-not-rejected", "s-trump-reasonably-good", "s-putin-donbas"]) {
      const about = statements.find((s) => s.id === id)!.about;
      expect(about.some((a) => a.framework === "us-russia-27"), id).toBe(true);
      expect(about.some((a) => a.framework === "28-point"), id).toBe(false);
    }
    // On the US–Russia text as a whole, Russia's latest declared stance is Putin's partial one.
    const report = frameworkReport(scenario, { framework: "us-russia-27" });
    const fw = report.frameworks[0]!;
    expect(fw).toMatchObject({ basis: "undisclosed", points: [], open: scenario.issues.map((i) => i.id) });
    expect(fw.verdicts["russia"]!.declared).toMatchObject({ statement: "s-putin-donbas", stance: "partial", stances: ["partial"] });
  });

  it("the US–Russia text is modelled as a text whose points are not public", () => {
    const text = scenario.frameworks.find((f) => f.id === "us-russia-27")!;
    expect(text).toMatchObject({ basis: "undisclosed", points: [], date: "2025-12-02" });
    const c = compileScenario(scenario);
    expect(evaluateFramework(c, text).parties.map((p) => [p.party, p.verdict, p.redLinesCrossed.length])).toEqual(
      scenario.parties.filter((p) => p.preferences).map((p) => [p.id, "depends", 0]),
    );
  });

  it("every statement says who speaks: its voice", () => {
    for (const s of statements) expect(s.voice, s.id).toMatch(/^(principal|spokesperson|official|unnamed|other)$/);
  });

  it("lists statements and events in date order", () => {
    for (const list of [statements, events]) {
      const dates = list.map((x) => x.date);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it("every red line cites at least one statement", () => {
    const ids = new Set(statements.map((s) => s.id));
    const lines = withPreferences.flatMap((p) => (p.preferences.redLines ?? []).map((r) => [p.id, r] as const));
    expect(lines.length).toBeGreaterThan(0);
    for (const [party, line] of lines) {
      expect(line.id, party).toBeDefined();
      expect(line.provenance?.cites?.length, `${party}: ${line.id}`).toBeGreaterThan(0);
      for (const id of line.provenance!.cites!) expect(ids.has(id)).toBe(true);
    }
  });

  it("every weight is a labelled assumption, every option ordering cites statements, every reservation is an assumption", () => {
    const reservations = new Set<number | undefined>();
    for (const p of withPreferences) {
      const u = p.preferences.utility;
      if (u.kind !== "linear-additive") throw new Error(`${p.id}: expected a linear-additive utility`);
      // Every party weighs every issue (0 where it states no position), and says why.
      expect(Object.keys(u.weights).sort(), p.id).toEqual(scenario.issues.map((i) => i.id).sort());
      for (const issue of Object.keys(u.weights)) expect(p.preferences.provenance?.weights?.[issue]?.assumption, `${p.id}.${issue}`).toBeTruthy();
      for (const issue of Object.keys(u.values)) expect(p.preferences.provenance?.values?.[issue]?.cites?.length, `${p.id}.${issue}`).toBeGreaterThan(0);
      expect(p.preferences.provenance?.reservation?.assumption, p.id).toBeTruthy();
      reservations.add(p.preferences.reservation);
    }
    // The same reservation value for every party (an assumption that favours none).
    expect(reservations.size).toBe(1);
  });

  it("follows its own modelling rules: parley lint finds nothing", () => {
    const linted = lintScenarioText(readBuiltinScenarioText(), { file: builtinScenarioFileName });
    expect(linted.ok && linted.value.map((f) => `${f.line}:${f.column} ${f.rule}: ${f.message}`)).toEqual([]);
  });

  it("keeps a red line only where a principal or a spokesperson of the party speaks; the rest stays in the orderings", () => {
    // Russia's rejection of US control of the plant rests on unnamed officials and the head of Rosatom.
    const russia = withPreferences.find((p) => p.id === "russia")!;
    expect(russia.preferences.redLines!.map((l) => l.id)).not.toContain("no-us-control-of-znpp");
    const u = russia.preferences.utility as { weights: Record<string, number> };
    // Weight tier 2 (a position), not 3 (a condition): two thirds of the weight of Donbas, where Russia states one.
    expect(u.weights["znpp"]! / u.weights["donbas"]!).toBeCloseTo(2 / 3, 12);
    // Issues Europe controls.
    expect(scenario.issues.filter((i) => i.controlledBy?.includes("europe")).map((i) => i.id)).toEqual(["frozen-assets", "eu"]);
  });

  it("has a narrow zone of agreement", () => {
    const c = compileScenario(scenario);
    const count = outcomeUtilities(c).rationalCount;
    expect(count).toBeGreaterThan(0);
    expect(count / c.size).toBeLessThan(0.001);
  });

  it("whether any agreement exists hinges on a few red lines", () => {
    // Russia's line on truces also covering a ceasefire on signing (as a 60-day ceasefire for a referendum might be):
    const truces = editRedLines("russia", (lines) =>
      lines.map((l) => (l.id === "no-truce-before-settlement" && l.kind === "forbid" ? { ...l, values: ["truce-first", "on-signing"] } : l)),
    );
    expect(rational(truces)).toBe(0);
    // Russia's Donbas condition read as excluding a zone under Ukrainian jurisdiction:
    const donbas = editRedLines("russia", (lines) =>
      lines.map((l) => (l.id === "no-freeze-in-donbas" && l.kind === "forbid" ? { ...l, values: ["freeze", "dmz-fez"] } : l)),
    );
    expect(rational(donbas)).toBe(0);
    // Ukraine's referendum condition dropped (a parliamentary vote instead): the zone widens.
    const vote = editRedLines("ukraine", (lines) => lines.filter((l) => l.id !== "zone-needs-referendum-under-ceasefire"));
    expect(rational(vote)).toBeGreaterThan(rational(scenario));
  });

  it("no public framework is acceptable to every party: each crosses some party's red lines", () => {
    const c = compileScenario(scenario);
    const rejected = Object.fromEntries(
      scenario.frameworks.filter((f) => f.basis !== "undisclosed").map((f) => [
        f.id,
        evaluateFramework(c, f)
          .parties.filter((p) => p.redLinesCrossed.length > 0)
          .map((p) => p.party),
      ]),
    );
    expect(rejected).toEqual({ "28-point": ["ukraine", "europe"], "european-counter": ["russia"], "20-point": ["europe"] });
  });
});
