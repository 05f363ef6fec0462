import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  briefingData,
  briefingHtml,
  compileScenario,
  dealCheck,
  evaluateFramework,
  frontier2d,
  mostOpposedPair,
  outcomePlot,
  outcomeUtilities,
  redLineText,
  renderBriefing,
  safeHref,
  escapeHtml,
  type Scenario,
} from "@parley/core";
import { randomAdditiveScenario } from "../../test/random-additive.js";
import { linkify } from "./html.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });
const generated = { version: "9.9.9", date: "2026-01-02" };

const scenario: Scenario = {
  id: "brief",
  name: "Brief",
  issues: [
    { kind: "categorical", id: "a", name: "Issue A", options: ["a0", "a1", "a2"] },
    { kind: "categorical", id: "b", options: ["b0", "b1"] },
  ],
  parties: [
    {
      id: "P",
      name: "Party P",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { a: 0.5, b: 0.5 }, values: { a: table({ a1: 1, a2: 0.5 }), b: table({ b1: 1 }) } },
        reservation: 0.4,
        redLines: [{ kind: "forbid", id: "no-b0", issue: "b", values: ["b0"] }],
      },
    },
    {
      id: "Q",
      name: "Party Q",
      role: "party",
      preferences: { utility: { kind: "linear-additive", weights: { a: 1 }, values: { a: table({ a0: 1, a2: 0.6 }) } }, reservation: 0.5 },
    },
    { id: "M", name: "Mediator", role: "mediator" },
  ],
  frameworks: [
    { id: "D1", name: "Draft 1", date: "2025-04-01", points: [{ id: "d1", number: 1, text: "a1", sets: { a: "a1" } }] },
    { id: "D2", name: "Draft 2", date: "2025-06-01", points: [{ id: "d1", number: 1, text: "a0 and b0", sets: { a: "a0", b: "b0" } }] },
  ],
  statements: [
    {
      id: "st1",
      date: "2025-05-01",
      speaker: "Q's minister",
      party: "Q",
      paraphrase: "Q rejects draft 1.",
      about: [{ framework: "D1" }],
      stance: "reject",
      source: { outlet: "Wire", url: "https://example.org/1" },
      confidence: "M",
    },
    {
      id: "st2",
      date: "2025-07-01",
      speaker: "P's envoy",
      party: "P",
      paraphrase: "P accepts issue A at a1.",
      about: [{ issue: "a", values: ["a1"] }],
      stance: "accept",
      source: { outlet: "Daily", url: "https://example.org/2" },
      confidence: "H",
    },
  ],
  readings: [
    { id: "high", label: "P holds out", provenance: { assumption: "a higher walk-away value" }, parties: [{ party: "P", reservation: 0.95 }] },
    { id: "soft", provenance: { assumption: "Q softens" }, parties: [{ party: "Q", reservation: 0.1 }] },
  ],
  events: [
    { id: "e1", date: "2025-04-01", kind: "draft", title: "Draft 1 tabled", participants: ["P", "Q"], framework: "D1", source: { outlet: "Wire" }, confidence: "H" },
  ],
};

/** The text of every element with the attribute, in document order (the renderer's own markup is regular). */
const sections = (html: string) => [...html.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1]);

describe("renderBriefing", () => {
  it("renderBriefing gives the same bytes for the same inputs, and names the version and date it is given", () => {
    const a = renderBriefing(scenario, { generated });
    expect(renderBriefing(scenario, { generated })).toBe(a);
    expect(a).toContain("Parley 9.9.9, 2026-01-02");
    const b = renderBriefing(scenario, { generated: { ...generated, date: "2027-03-04" } });
    expect(b.replaceAll("2027-03-04", "2026-01-02")).toBe(a);
  });

  it("renderBriefing has every section, each framework once, and no script, stylesheet link or fetched resource", () => {
    const html = renderBriefing(scenario, { generated });
    expect(sections(html)).toEqual(["summary", "framework", "framework", "deal", "outcome-space", "timeline", "sources"]);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // The only attributes that could fetch: none, and the links are to the sources or within the page.
    expect([...html.matchAll(/\bsrc=/g)]).toHaveLength(0);
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(https:\/\/example\.org\/|#)/);
  });

  it("renderBriefing shows every framework's verdict for every party, as evaluateFramework finds them", () => {
    const html = renderBriefing(scenario, { generated });
    const compiled = compileScenario(scenario);
    const summary = html.slice(html.indexOf('data-section="summary"'), html.indexOf('data-section="framework"'));
    const rows = [...summary.matchAll(/<tr><td>\d+\. ([^<]*)<\/td>(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(["Draft 1", "Draft 2"]);
    scenario.frameworks.forEach((fw, k) => {
      const expected = evaluateFramework(compiled, fw).parties.map((p) => p.verdict);
      expect([...rows[k]![2]!.matchAll(/class="verdict-(\w+)"/g)].map((m) => m[1])).toEqual(expected);
    });
  });

  it("renderBriefing's deal check says what dealCheck says, and names the conflicting constraints when there is no deal", () => {
    const possible = renderBriefing(scenario, { generated });
    expect(dealCheck(compileScenario(scenario)).possible).toBe(true);
    expect(possible).toContain('data-field="deal">Yes: ');
    // At 0.9, Q needs a0, where P gets at most 0.5: below a reservation of 0.6.
    const reservation: Record<string, number> = { P: 0.6, Q: 0.9 };
    const strict: Scenario = {
      ...scenario,
      parties: scenario.parties.map((p) => (p.preferences ? { ...p, preferences: { ...p.preferences, reservation: reservation[p.id]! } } : p)),
    };
    const check = dealCheck(compileScenario(strict));
    expect(check.possible).toBe(false);
    const html = renderBriefing(strict, { generated });
    expect(html).toContain('data-field="deal">No: ');
    expect(html).toContain("Party Q needs a utility of at least 0.90");
    expect(check.conflicts!.sets.length).toBeGreaterThan(0);
    const deal = html.slice(html.indexOf('data-section="deal"'), html.indexOf('data-section="outcome-space"'));
    expect([...deal.matchAll(/<li>/g)]).toHaveLength(check.conflicts!.sets.length);
  });

  it("renderBriefing with a framework briefs on that one; with an as-of date it leaves out what was not known yet", () => {
    const one = renderBriefing(scenario, { generated, framework: "D2" });
    expect(sections(one).filter((s) => s === "framework")).toHaveLength(1);
    expect(one).toContain('data-framework="D2"');
    expect(one).not.toContain('data-framework="D1"');
    const early = renderBriefing(scenario, { generated, asOf: "2025-05" });
    expect(early).toContain("2025-05 — set aside as not yet known: 1 statement, 0 events, frameworks D2");
    expect(early).not.toContain("P accepts issue A");
    expect(early).toContain("Q rejects draft 1.");
  });

  it("renderBriefing cites the declared stances' statements as sources, with their confidence", () => {
    const html = renderBriefing(scenario, { generated });
    const sources = html.slice(html.indexOf('data-section="sources"'));
    expect(sources).toContain('id="src-st1"');
    expect(sources).toContain('<span class="conf">M</span> 2025-05-01');
    expect(html).toContain('href="#src-st1"');
  });

  it("renderBriefing escapes every piece of scenario text and links only to http(s) sources", () => {
    const evil = `</style><script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
    const hostile: Scenario = {
      ...scenario,
      id: evil,
      name: evil,
      description: evil,
      issues: scenario.issues.map((i) => ({ ...i, name: evil })),
      parties: scenario.parties.map((p) => ({ ...p, name: `${evil}${p.id}` })),
      frameworks: scenario.frameworks.map((f) => ({
        ...f,
        name: evil,
        author: evil,
        caveats: evil,
        source: "javascript:alert(3)",
        points: f.points.map((p) => ({ ...p, text: evil })),
      })),
      statements: scenario.statements!.map((s) => ({
        ...s,
        id: `${s.id}${evil}`,
        speaker: evil,
        paraphrase: evil,
        source: { outlet: evil, title: evil, url: `javascript:alert(4)` },
      })),
      events: scenario.events!.map((e) => ({ ...e, title: evil, description: evil, source: { outlet: evil, url: `https://ok.example/" onmouseover="x` } })),
    };
    const html = renderBriefing(hostile, { generated });
    // Scenario text is escaped, so every tag left is the renderer's own: a known element, no event handler, safe links.
    const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)];
    const allowed = new Set("html head meta title style body main header footer section div br h1 h2 h3 p span strong em code a table thead tbody tr th td ul ol li figure figcaption svg rect line text path circle polyline g".split(" "));
    for (const [, name, attrs] of tags) {
      expect(allowed.has(name!.toLowerCase()), name).toBe(true);
      expect(attrs!.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+=/i);
      for (const href of attrs!.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^(https:\/\/|#)/);
    }
    expect(html).not.toContain('href="javascript');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain("&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<title>Briefing: &lt;/style&gt;");
  });
});

describe("renderBriefing: explanations, readings and the zone margin", () => {
  const section = (html: string, name: string, from = 0) => {
    const start = html.indexOf(`data-section="${name}"`, from);
    return html.slice(start, html.indexOf("</section>", start));
  };

  it("renderBriefing explains each verdict as explainVerdict does: the crossed red lines in words, the deciding issues, and the M/L mark", () => {
    const b = briefingData(scenario, { generated });
    const html = briefingHtml(b);
    for (const fw of b.report.frameworks) {
      const part = html.slice(html.indexOf(`data-framework="${fw.id}"`), html.indexOf("</section>", html.indexOf(`data-framework="${fw.id}"`)));
      for (const party of b.report.parties) {
        const e = fw.verdicts[party]!.explanation;
        const item = part.slice(part.indexOf(`<li data-party="${party}">`), part.indexOf("</li>", part.indexOf(`<li data-party="${party}">`)));
        expect(item).toContain(`<span class="verdict-${e.verdict}">`);
        for (const r of e.redLines) expect(item).toContain(escapeHtml(redLineText(r.redLine, scenario.issues)));
        for (const id of e.topIssues) expect(item).toContain(escapeHtml(scenario.issues.find((i) => i.id === id)!.name ?? id));
        expect(item.includes('class="weak"')).toBe(e.restsOnWeakSources);
      }
    }
    // P rejects draft 2 on its red line, which has no recorded source.
    expect(html).toContain("The framework crosses its red line: Never b: b0 <span class=\"grounds\">(no source recorded)</span>");
  });

  it("renderBriefing flags, in the summary and the verdicts, the parties whose declared stance on a framework contradicts its verdict", () => {
    const b = briefingData(scenario, { generated });
    const html = briefingHtml(b);
    const summary = section(html, "summary");
    const rows = [...summary.matchAll(/<tr><td>\d+\. [^<]*<\/td>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!));
    let flagged = 0;
    b.report.frameworks.forEach((fw, k) =>
      b.report.parties.forEach((party, p) => {
        const disagrees = fw.verdicts[party]!.declaredDisagrees;
        flagged += disagrees ? 1 : 0;
        expect(rows[k]![p]!.includes('class="mismatch"'), `${fw.id} ${party}`).toBe(disagrees);
      }),
    );
    // Q declared it rejects draft 1, which it rejects: no flag; declaring acceptance instead contradicts the verdict.
    expect(flagged).toBe(0);
    const accepting: Scenario = { ...scenario, statements: scenario.statements!.map((st) => (st.id === "st1" ? { ...st, stance: "accept" as const } : st)) };
    const flaggedHtml = renderBriefing(accepting, { generated });
    expect(briefingData(accepting, { generated }).report.frameworks[0]!.verdicts["Q"]!.declaredDisagrees).toBe(true);
    expect(section(flaggedHtml, "summary")).toContain('<span class="verdict-reject">reject</span> <span class="mismatch"');
    expect(section(flaggedHtml, "framework")).toContain("the declared stance contradicts the verdict");
  });

  it("renderBriefing's summary names the readings that decide the deal check and the margin before the zone vanishes", () => {
    const b = briefingData(scenario, { generated });
    const d = b.report.readingDeciders!;
    expect(d.nominal).toBe(true);
    expect(d.deciders).toEqual([["high"]]);
    const summary = section(briefingHtml(b), "summary");
    expect(summary).toContain("no deal under P holds out (the smallest sets of readings that change the answer)");
    expect(summary).toContain(`rises by more than ${b.report.zoneMargin.delta!.toFixed(3)}`);
    // In force, the reading is named in the header and the other one is what is tried.
    const held = briefingData(scenario, { generated, readings: ["high"] });
    expect(held.report.dealPossible).toBe(false);
    const html = briefingHtml(held);
    expect(html).toContain('data-field="readings"><strong>P holds out</strong> (<code>high</code>)');
    expect(held.report.readingDeciders!.base).toEqual(["high"]);
  });
});

describe("safeHref, linkify and escapeHtml", () => {
  it("safeHref keeps absolute http(s) URLs only; linkify links them in text; escapeHtml escapes the five HTML characters", () => {
    expect(safeHref("https://example.org/a?b=1&c=2")).toBe("https://example.org/a?b=1&c=2");
    expect(safeHref(" http://x.org ")).toBe("http://x.org");
    expect(linkify("see https://a.org/x, and (https://b.org/y). <b>")).toBe(
      'see <a href="https://a.org/x">https://a.org/x</a>, and (<a href="https://b.org/y">https://b.org/y</a>). &lt;b&gt;',
    );
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "//x.org", "/local", "https://x.org/\"onclick", undefined]) expect(safeHref(bad)).toBeNull();
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("outcomePlot", () => {
  it("outcomePlot bins every outcome once, marks the rational ones, and draws frontier2d of the pair", () => {
    const s = randomAdditiveScenario(4, 4, 3, 7);
    const withRes: Scenario = { ...s, parties: s.parties.map((p) => ({ ...p, preferences: { ...p.preferences!, reservation: 0.3 } })) };
    const compiled = compileScenario(withRes);
    const plot = outcomePlot(compiled, [], { pair: ["p2", "p0"], grid: 10 })!;
    const all = outcomeUtilities(compiled);
    expect(plot).toMatchObject({ x: { id: "p2", reservation: 0.3 }, y: { id: "p0" }, pairChoice: "given", size: 256, drawn: 256, sampled: false });
    expect(plot.cells.reduce((a, c) => a + c.count, 0)).toBe(256);
    expect(plot.cells.reduce((a, c) => a + c.rational, 0)).toBe(all.rationalCount);
    expect(plot.frontier).toEqual(frontier2d({ xs: all.utilities[2]!, ys: all.utilities[0]!, rational: all.rational }));
    // Past the limit, a seeded sample of the asked size.
    const sampled = outcomePlot(compiled, [], { limit: 100, sampleSize: 50 })!;
    expect(sampled).toMatchObject({ sampled: true, drawn: 50, size: 256 });
    expect(outcomePlot(compiled, [], { limit: 100, sampleSize: 50 })).toEqual(sampled);
    expect(() => outcomePlot(compiled, [], { pair: ["p0", "nobody"] })).toThrow(/no analysed party "nobody"/);
  });

  it("mostOpposedPair picks the least correlated pair, as a brute force over every pair finds it", () => {
    const pearson = (a: number[], b: number[]) => {
      const ma = a.reduce((s, x) => s + x, 0) / a.length;
      const mb = b.reduce((s, x) => s + x, 0) / b.length;
      const cov = a.reduce((s, x, k) => s + (x - ma) * (b[k]! - mb), 0);
      const den = Math.sqrt(a.reduce((s, x) => s + (x - ma) ** 2, 0) * b.reduce((s, x) => s + (x - mb) ** 2, 0));
      return den > 0 ? cov / den : 0;
    };
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 3, max: 30 }), fc.integer(), (parties, n, seed) => {
        let state = seed >>> 0;
        const next = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
        const columns = Array.from({ length: parties }, () => Array.from({ length: n }, next));
        const [a, b] = mostOpposedPair(columns);
        const r = pearson(columns[a]!, columns[b]!);
        for (let i = 0; i < parties; i++) for (let j = i + 1; j < parties; j++) expect(r).toBeLessThanOrEqual(pearson(columns[i]!, columns[j]!) + 1e-9);
      }),
    );
  });
});

describe("briefingData", () => {
  it("briefingData is plain data listing the parties, with the analysed ones marked, and the frameworks' plot ranges", () => {
    const b = briefingData(scenario, { generated });
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
    expect(b.parties.map((p) => [p.id, p.analysed])).toEqual([["P", true], ["Q", true], ["M", false]]);
    expect(b.plot!.frameworks.map((f) => f.id)).toEqual(["D1", "D2"]);
    expect(briefingHtml(b)).toBe(renderBriefing(scenario, { generated }));
  });
});
