import {
  lintRuleIds,
  issueValues,
  type Framework,
  type Issue,
  type NegotiationEvent,
  type Party,
  type Preferences,
  type Provenance,
  type RedLine,
  type Scenario,
  type SourceRef,
  type Statement,
  type StatementSubject,
  type Utility,
  type Value,
  type ValueFunction,
} from "@parley/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readBuiltinScenarioText } from "../node/builtin-scenario.js";
import { parseScenario } from "./parse-scenario.js";
import { stringifyScenario } from "./stringify-scenario.js";

const builtinScenarioYaml = readBuiltinScenarioText();

const ceasefireYaml = readFileSync(fileURLToPath(new URL("../../../../examples/ceasefire-talks.yaml", import.meta.url)), "utf8");

// ---- generators of valid scenarios ------------------------------------------------------------

/** Labels that are easy to get wrong in YAML: numbers, booleans, nulls, comments, flow characters. */
const trickyLabels = ["1", "1.0", "-0", "0x1F", "1e3", ".inf", "true", "null", "~", "yes", "a b", "x: y", "#c", "[a]", "{b}", "- d", "'q'", '"q"', " pad ", "ü", "a\nb", "peak", "kind"];
const label = fc.oneof(fc.constantFrom(...trickyLabels), fc.string({ minLength: 1, maxLength: 8, unit: "grapheme" }));
const text = fc.oneof(fc.string({ maxLength: 30, unit: "grapheme" }), fc.constantFrom(...trickyLabels), fc.constant("line one\nline two\n"));
const ident = (prefix: string) => fc.oneof(fc.constantFrom(`${prefix}1`, `${prefix}-2`, `${prefix} three`, `${prefix}_4`), label);
/** A number without -0 (which prints as 0). */
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const unit = fc.oneof(num(0, 1), fc.constantFrom(0, 1, 0.5, 1 / 3));

const issueBody: fc.Arbitrary<Omit<Issue, "id">> = fc.oneof(
  fc.uniqueArray(label, { minLength: 1, maxLength: 4 }).map((options) => ({ kind: "categorical" as const, options })),
  fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 6 })).map(([min, n]) => ({ kind: "integer" as const, min, max: min + n })),
  fc
    .tuple(fc.integer({ min: -8, max: 8 }), fc.constantFrom(0.1, 0.25, 0.3, 0.5, 1), fc.integer({ min: 0, max: 5 }), fc.constantFrom(0, 0.05))
    .map(([a, step, k, extra]) => ({ kind: "real" as const, min: a / 4, max: a / 4 + k * step + extra, step })),
);

const issuesArb = fc
  .uniqueArray(ident("issue"), { minLength: 1, maxLength: 4 })
  .chain((ids) => fc.tuple(...ids.map((id) => fc.record({ name: fc.option(text, { nil: undefined }), description: fc.option(text, { nil: undefined }), body: issueBody }).map(({ name, description, body }) => ({ id, ...(name !== undefined && { name }), ...(description !== undefined && { description }), ...body }) as Issue))));

const subset = <T>(items: readonly T[]) => fc.subarray([...items], { minLength: 1 });

function valueFunction(issue: Issue): fc.Arbitrary<ValueFunction> {
  const values = issueValues(issue);
  const table = subset(values).chain((keys) =>
    fc.tuple(...keys.map(() => unit)).map((scores) => ({ kind: "table" as const, scores: Object.fromEntries(keys.map((k, i) => [String(k), scores[i]!])) })),
  );
  if (issue.kind === "categorical") return table;
  const { min, max } = issue;
  const range = max - min;
  return fc.oneof(
    table,
    fc.record({ kind: fc.constant("linear" as const), slope: num(-3, 3), offset: num(-1, 2) }),
    fc.constant({ kind: "linear" as const, slope: range === 0 ? 0 : 1 / range, offset: range === 0 ? 1 : 0 }),
    fc.constant({ kind: "linear" as const, slope: range === 0 ? 0 : -1 / range, offset: 1 }),
    num(min, max).map((peak) => ({ kind: "peaked" as const, low: min, peak, high: max })),
    fc.array(num(min - 1, max + 1), { minLength: 3, maxLength: 3 }).map((xs) => {
      const [low, peak, high] = xs.sort((a, b) => a - b) as [number, number, number];
      return { kind: "peaked" as const, low, peak, high };
    }),
    fc.array(fc.tuple(num(min - 1, max + 1), unit), { minLength: 1, maxLength: 4 }).map((pts) => ({
      kind: "piecewise" as const,
      points: pts.sort((a, b) => a[0] - b[0]),
    })),
  );
}

/** Provenance citing some of the scenario's statements, or giving an assumption, or both. */
function provenance(statementIds: readonly string[]): fc.Arbitrary<Provenance> {
  const assumption = fc.option(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom(...trickyLabels)), { nil: undefined });
  const cites = statementIds.length > 0 ? fc.option(subset(statementIds), { nil: undefined }) : fc.constant(undefined);
  const exceptions = fc.option(fc.dictionary(fc.constantFrom(...lintRuleIds), fc.string({ minLength: 1, maxLength: 20 }), { minKeys: 1, maxKeys: 2 }), { nil: undefined });
  return fc
    .record({ cites, assumption, exceptions })
    .filter(({ cites: c, assumption: a }) => c !== undefined || a !== undefined)
    .map(({ cites: c, assumption: a, exceptions: x }) => ({
      ...(c !== undefined && { cites: c }),
      ...(a !== undefined && { assumption: a }),
      ...(x !== undefined && { exceptions: x }),
    }));
}

function redLine(issues: readonly Issue[], statementIds: readonly string[] = []): fc.Arbitrary<RedLine> {
  const cond = fc.constantFrom(...issues).chain((issue) => subset(issueValues(issue)).map((values) => ({ issue: issue.id, values })));
  const common = fc
    .record({
      id: fc.option(ident("rule"), { nil: undefined }),
      note: fc.option(text, { nil: undefined }),
      provenance: fc.option(provenance(statementIds), { nil: undefined }),
    })
    .map(({ id, note, provenance: p }) => ({
      ...(id !== undefined && { id }),
      ...(note !== undefined && { note }),
      ...(p !== undefined && { provenance: p }),
    }));
  return fc.oneof(
    fc.tuple(common, cond).map(([c, f]) => ({ kind: "forbid" as const, ...c, ...f })),
    fc.tuple(common, cond, cond).map(([c, i, t]) => ({ kind: "require" as const, ...c, if: i, then: t })),
  );
}

function linearAdditive(issues: readonly Issue[]): fc.Arbitrary<Utility> {
  return subset(issues).chain((chosen) =>
    fc
      .tuple(fc.tuple(...chosen.map(valueFunction)), fc.tuple(...chosen.map(() => fc.integer({ min: 0, max: 5 }))), fc.boolean())
      .filter(([, w]) => w.some((x) => x > 0))
      .map(([fns, w, normalised]) => {
        // Normalised weights, or weights as GENIUS may give them (not summing to 1).
        const sum = normalised ? w.reduce((a, b) => a + b, 0) : 7;
        return {
          kind: "linear-additive" as const,
          weights: Object.fromEntries(chosen.map((issue, i) => [issue.id, w[i]! / sum])),
          values: Object.fromEntries(chosen.map((issue, i) => [issue.id, fns[i]!])),
        };
      }),
  );
}

function bound(issue: Issue): fc.Arbitrary<{ issue: string; min: number; max: number }> {
  const coordinate =
    issue.kind === "categorical"
      ? fc.oneof(fc.integer({ min: 0, max: issue.options.length - 1 }), num(-1, issue.options.length))
      : num(issue.min - 1, issue.max + 1);
  return fc.tuple(coordinate, coordinate).map(([a, b]) => ({ issue: issue.id, min: Math.min(a, b), max: Math.max(a, b) }));
}

function hyperRectangles(issues: readonly Issue[]): fc.Arbitrary<Utility> {
  const bounds = fc.array(fc.constantFrom(...issues).chain(bound), { maxLength: 3 });
  return fc
    .record({
      rectangles: fc.array(fc.record({ utility: num(-2, 5), includes: bounds, excludes: fc.option(bounds, { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
      normalizer: fc.option(num(0.5, 10), { nil: undefined }),
    })
    .map(({ rectangles, normalizer }) => ({
      kind: "hyper-rectangles" as const,
      rectangles: rectangles.map(({ utility, includes, excludes }) => ({ utility, includes, ...(excludes && { excludes }) })),
      ...(normalizer !== undefined && { normalizer }),
    }));
}

function tableUtility(issues: readonly Issue[]): fc.Arbitrary<Utility> {
  const outcome = fc.tuple(...issues.map((i) => fc.nat({ max: issueValues(i).length - 1 })));
  return fc
    .record({
      entries: fc.uniqueArray(outcome, { maxLength: 4, selector: (o) => o.join(",") }),
      utilities: fc.array(unit, { minLength: 4, maxLength: 4 }),
      default: fc.option(unit, { nil: undefined }),
    })
    .map(({ entries, utilities, default: d }) => ({
      kind: "table" as const,
      entries: entries.map((ks, e) => ({
        outcome: Object.fromEntries(issues.map((issue, i) => [issue.id, issueValues(issue)[ks[i]!]!])),
        utility: utilities[e]!,
      })),
      ...(d !== undefined && { default: d }),
    }));
}

function preferencesProvenance(issues: readonly Issue[], statementIds: readonly string[]): fc.Arbitrary<NonNullable<Preferences["provenance"]>> {
  const byIssue = fc
    .subarray(issues.map((i) => i.id))
    .chain((ids) => fc.tuple(...ids.map(() => provenance(statementIds))).map((ps) => Object.fromEntries(ids.map((id, k) => [id, ps[k]!]))));
  return fc
    .record({
      weights: fc.option(byIssue, { nil: undefined }),
      values: fc.option(byIssue, { nil: undefined }),
      reservation: fc.option(provenance(statementIds), { nil: undefined }),
    })
    .map(({ weights, values, reservation }) => ({
      ...(weights !== undefined && { weights }),
      ...(values !== undefined && { values }),
      ...(reservation !== undefined && { reservation }),
    }));
}

function preferences(issues: readonly Issue[], statementIds: readonly string[] = []): fc.Arbitrary<Preferences> {
  return fc
    .record({
      utility: fc.oneof({ arbitrary: linearAdditive(issues), weight: 4 }, hyperRectangles(issues), tableUtility(issues)),
      reservation: fc.option(unit, { nil: undefined }),
      discount: fc.option(fc.oneof(num(0.01, 1), fc.constant(1)), { nil: undefined }),
      redLines: fc.option(fc.array(redLine(issues, statementIds), { maxLength: 3 }), { nil: undefined }),
      provenance: fc.option(preferencesProvenance(issues, statementIds), { nil: undefined }),
    })
    .map(({ utility, reservation, discount, redLines, provenance: prov }) => {
      // Red-line ids are unique within a party.
      const seen = new Set<string>();
      const lines = redLines?.map((r) => {
        if (r.id === undefined) return r;
        if (seen.has(r.id)) {
          const { id: _id, ...rest } = r;
          return rest as RedLine;
        }
        seen.add(r.id);
        return r;
      });
      return {
        utility,
        ...(reservation !== undefined && { reservation }),
        ...(discount !== undefined && { discount }),
        ...(lines && { redLines: lines }),
        ...(prov && { provenance: prov }),
      };
    });
}

function parties(issues: readonly Issue[], statementIds: readonly string[] = []): fc.Arbitrary<Party[]> {
  return fc.uniqueArray(ident("party"), { maxLength: 3 }).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc
          .record({
            name: text,
            role: fc.constantFrom("party" as const, "mediator" as const, "observer" as const),
            description: fc.option(text, { nil: undefined }),
            members: fc.option(fc.uniqueArray(ident("member"), { minLength: 1, maxLength: 3 }), { nil: undefined }),
            preferences: fc.option(preferences(issues, statementIds), { nil: undefined }),
          })
          .map(({ name, role, description, members, preferences: p }) => ({
            id,
            name,
            role,
            ...(description !== undefined && { description }),
            ...(members !== undefined && { members }),
            ...(p && { preferences: p }),
          })),
      ),
    ),
  );
}

function frameworks(issues: readonly Issue[]): fc.Arbitrary<Framework[]> {
  const point = fc.record({
    text,
    customId: fc.option(ident("pt"), { nil: undefined }),
    sets: fc.subarray([...issues]).chain((chosen) =>
      fc.tuple(...chosen.map((i) => fc.constantFrom(...issueValues(i)))).map((vals) => chosen.map((i, k) => [i.id, vals[k]!] as [string, Value])),
    ),
  });
  const framework = fc.record({
    name: text,
    version: fc.option(fc.constantFrom("1", "1.0", "2b", "draft"), { nil: undefined }),
    date: fc.option(fc.constantFrom("2024-02-29", "1999-12-31"), { nil: undefined }),
    author: fc.option(text, { nil: undefined }),
    source: fc.option(text, { nil: undefined }),
    notes: fc.option(text, { nil: undefined }),
    basis: fc.option(fc.constantFrom("official" as const, "leaked" as const, "oral" as const, "reconstructed" as const, "undisclosed" as const), { nil: undefined }),
    caveats: fc.option(text, { nil: undefined }),
    confidence: fc.option(fc.constantFrom("H" as const, "M" as const, "L" as const), { nil: undefined }),
    numbers: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }),
    points: fc.array(point, { minLength: 4, maxLength: 4 }),
  });
  return fc.uniqueArray(ident("fw"), { maxLength: 2 }).chain((ids) =>
    fc.tuple(...ids.map(() => framework)).map((fs) =>
      fs.map((f, k): Framework => {
        const set = new Set<string>();
        const usedIds = new Set<string>();
        const points = f.numbers.map((number, i) => {
          const p = f.points[i]!;
          // Point ids are unique. Each issue is settled by one point (none by an undisclosed text's points).
          const sets = f.basis === "undisclosed" ? {} : Object.fromEntries(p.sets.filter(([id]) => !set.has(id) && (set.add(id), true)));
          let id = p.customId ?? String(number);
          if (usedIds.has(id)) id = String(number);
          usedIds.add(id);
          return { id, number, text: p.text, sets };
        });
        const ids2 = new Set(points.map((p) => p.id));
        const unique = ids2.size === points.length ? points : points.map((p) => ({ ...p, id: String(p.number) }));
        return {
          id: ids[k]!,
          name: f.name,
          ...(f.version !== undefined && { version: f.version }),
          ...(f.date !== undefined && { date: f.date }),
          ...(f.author !== undefined && { author: f.author }),
          ...(f.source !== undefined && { source: f.source }),
          ...(f.notes !== undefined && { notes: f.notes }),
          ...(f.basis !== undefined && { basis: f.basis }),
          ...(f.caveats !== undefined && { caveats: f.caveats }),
          ...(f.confidence !== undefined && { confidence: f.confidence }),
          points: unique,
        };
      }),
    ),
  );
}

const dates = ["2025-11-21", "2025-12-03", "2024-02-29", "2026-01-01"];
const confidence = fc.constantFrom("H" as const, "M" as const, "L" as const);
const nonEmpty = fc.oneof(fc.string({ minLength: 1, maxLength: 20, unit: "grapheme" }), fc.constantFrom(...trickyLabels));

const source: fc.Arbitrary<SourceRef> = fc
  .record({
    outlet: nonEmpty,
    title: fc.option(text, { nil: undefined }),
    url: fc.option(fc.constantFrom("https://example.org/a?b=c#d", "http://x.y/z", "ftp://q"), { nil: undefined }),
    date: fc.option(fc.constantFrom(...dates), { nil: undefined }),
  })
  .map(({ outlet, title, url, date }) => ({
    outlet,
    ...(title !== undefined && { title }),
    ...(url !== undefined && { url }),
    ...(date !== undefined && { date }),
  }));

function subject(issues: readonly Issue[], fws: readonly Framework[]): fc.Arbitrary<StatementSubject> {
  const issuePart = fc.option(
    fc.constantFrom(...issues).chain((issue) =>
      fc.option(subset(issueValues(issue)), { nil: undefined }).map((values) => ({ issue: issue.id, ...(values && { values }) })),
    ),
    { nil: undefined },
  );
  const frameworkPart =
    fws.length === 0
      ? fc.constant(undefined)
      : fc.option(
          fc.constantFrom(...fws).chain((f) =>
            f.points.length === 0
              ? fc.constant({ framework: f.id })
              : fc.option(fc.constantFrom(...f.points.map((p) => p.id)), { nil: undefined }).map((point) => ({ framework: f.id, ...(point !== undefined && { point }) })),
          ),
          { nil: undefined },
        );
  return fc
    .tuple(frameworkPart, issuePart)
    .filter(([f, i]) => f !== undefined || i !== undefined)
    .map(([f, i]) => ({ ...f, ...i }));
}

const stanceArb = fc.constantFrom("accept" as const, "reject" as const, "partial" as const, "conditional" as const, "deny" as const, "process" as const);

function statements(ids: readonly string[], partyIds: readonly string[], issues: readonly Issue[], fws: readonly Framework[]): fc.Arbitrary<Statement[]> {
  if (partyIds.length === 0) return fc.constant([]);
  return fc.tuple(
    ...ids.map((id) =>
      fc
        .record({
          date: fc.constantFrom(...dates),
          speaker: nonEmpty,
          voice: fc.option(fc.constantFrom("principal" as const, "spokesperson" as const, "official" as const, "unnamed" as const, "other" as const), { nil: undefined }),
          party: fc.constantFrom(...partyIds),
          paraphrase: nonEmpty,
          about: fc.array(subject(issues, fws), { maxLength: 3 }),
          stance: stanceArb,
          // Several stances, each on its own subjects (then `stance` and `about` summarise them).
          claims: fc.option(fc.array(fc.record({ stance: stanceArb, about: fc.array(subject(issues, fws), { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 3 }), {
            nil: undefined,
          }),
          source,
          confidence,
        })
        .map(({ voice, claims, ...st }) => ({
          id,
          ...st,
          ...(voice !== undefined && { voice }),
          ...(claims !== undefined && { claims, stance: claims[0]!.stance, about: claims.flatMap((c) => c.about) }),
        })),
    ),
  );
}

function events(partyIds: readonly string[], fws: readonly Framework[]): fc.Arbitrary<NegotiationEvent[]> {
  const event = fc
    .record({
      dates: fc.uniqueArray(fc.constantFrom(...dates), { minLength: 1, maxLength: 2 }).map((d) => d.sort()),
      kind: fc.constantFrom("meeting" as const, "draft" as const, "leak" as const, "talks" as const, "statement" as const),
      title: nonEmpty,
      description: fc.option(text, { nil: undefined }),
      participants: fc.subarray([...partyIds]),
      place: fc.option(text, { nil: undefined }),
      framework: fws.length > 0 ? fc.option(fc.constantFrom(...fws.map((f) => f.id)), { nil: undefined }) : fc.constant(undefined),
      source,
      confidence,
    })
    .map(({ dates: [date, endDate], description, place, framework, ...e }) => ({
      date: date!,
      ...(endDate !== undefined && { endDate }),
      ...e,
      ...(description !== undefined && { description }),
      ...(place !== undefined && { place }),
      ...(framework !== undefined && { framework }),
    }));
  return fc
    .uniqueArray(ident("ev"), { maxLength: 3 })
    .chain((ids) => fc.tuple(...ids.map((id) => event.map((e) => ({ id, ...e })))));
}

const scenarioArb: fc.Arbitrary<Scenario> = issuesArb.chain((issues) =>
  fc.uniqueArray(ident("st"), { maxLength: 3 }).chain((statementIds) =>
    fc
      .record({
        id: ident("scenario"),
        name: text,
        description: fc.option(text, { nil: undefined }),
        parties: parties(issues, statementIds),
        frameworks: frameworks(issues),
      })
      .chain((base) => {
        const partyIds = base.parties.map((p) => p.id);
        // Cited statements must exist: with statement ids (and a party to speak for them) the list is always written.
        const cited = statementIds.length > 0 && partyIds.length > 0;
        // Issues controlled by, and frameworks authored by, some of the parties.
        const someParties = partyIds.length > 0 ? fc.option(subset(partyIds), { nil: undefined }) : fc.constant(undefined);
        return fc
          .record({
            statements: cited
              ? statements(statementIds, partyIds, issues, base.frameworks)
              : fc.option(fc.constant([] as Statement[]), { nil: undefined }),
            events: fc.option(events(partyIds, base.frameworks), { nil: undefined }),
            controlledBy: fc.tuple(...issues.map(() => someParties)),
            authoredBy: fc.tuple(...base.frameworks.map(() => someParties)),
          })
          .map(({ controlledBy, authoredBy, ...extra }) => ({
            ...base,
            ...extra,
            issues: issues.map((issue, k) => (controlledBy[k] ? { ...issue, controlledBy: controlledBy[k] } : issue)),
            frameworks: base.frameworks.map((f, k) => (authoredBy[k] ? { ...f, authoredBy: authoredBy[k] } : f)),
          }));
      })
      .map(({ id, name, description, issues: is, parties: ps, frameworks: fs, statements: sts, events: evs }) => ({
        id,
        name,
        ...(description !== undefined && { description }),
        issues: is,
        parties: ps,
        frameworks: fs,
        ...(sts !== undefined && { statements: sts }),
        ...(evs !== undefined && { events: evs }),
      })),
  ),
);

// ---- the property -----------------------------------------------------------------------------

type Bounds = readonly { readonly issue: string; readonly min: number; readonly max: number }[];
const sortBounds = (b: Bounds): Bounds =>
  [...b].sort((x, y) => (x.issue < y.issue ? -1 : x.issue > y.issue ? 1 : x.min - y.min || x.max - y.max));

/** The bounds of a hyper-rectangle are an unordered set (the file groups them by issue): sort them. */
function sortAllBounds(s: Scenario): Scenario {
  return {
    ...s,
    parties: s.parties.map((p) => {
      const u = p.preferences?.utility;
      if (u?.kind !== "hyper-rectangles") return p;
      const rectangles = u.rectangles.map((r) => ({
        ...r,
        includes: sortBounds(r.includes),
        ...(r.excludes && { excludes: sortBounds(r.excludes) }),
      }));
      return { ...p, preferences: { ...p.preferences!, utility: { ...u, rectangles } } };
    }),
  };
}

/** Checks the weights agree within 1e-12, then copies the expected ones so the rest can be compared exactly. */
function alignWeights(actual: Scenario, expected: Scenario): Scenario {
  return {
    ...actual,
    parties: actual.parties.map((p, i) => {
      const u = p.preferences?.utility;
      const v = expected.parties[i]?.preferences?.utility;
      if (u?.kind !== "linear-additive" || v?.kind !== "linear-additive") return p;
      expect(Object.keys(u.weights).sort()).toEqual(Object.keys(v.weights).sort());
      for (const [k, w] of Object.entries(v.weights)) expect(Math.abs(u.weights[k]! - w)).toBeLessThanOrEqual(1e-12);
      return { ...p, preferences: { ...p.preferences!, utility: { ...u, weights: v.weights } } };
    }),
  };
}

function roundTrip(scenario: Scenario, format: "yaml" | "json"): Scenario {
  const text = stringifyScenario(scenario, { format });
  const r = parseScenario(text, { format });
  if (!r.ok) throw new Error(`${text}\n${r.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join("\n")}`);
  return r.value;
}

describe("round trip", () => {
  it("stringify then parse gives the same scenario (YAML and JSON)", () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom("yaml" as const, "json" as const), (scenario, format) => {
        expect(sortAllBounds(alignWeights(roundTrip(scenario, format), scenario))).toEqual(sortAllBounds(scenario));
      }),
      { numRuns: Number(process.env.PARLEY_FC_RUNS ?? 300) },
    );
  });

  it.each([
    ["the built-in scenario", builtinScenarioYaml],
    ["the ceasefire example", ceasefireYaml],
  ])("%s survives a round trip, and writing it again gives the same text", (_name, yaml) => {
    const r = parseScenario(yaml);
    if (!r.ok) throw new Error("the example must parse");
    for (const format of ["yaml", "json"] as const) {
      const text = stringifyScenario(r.value, { format });
      const again = parseScenario(text, { format });
      if (!again.ok) throw new Error(again.issues.map((i) => i.message).join("\n"));
      expect(alignWeights(again.value, r.value)).toEqual(r.value);
      expect(stringifyScenario(again.value, { format })).toBe(text);
    }
  });

  it("writes the shorthands and a schema reference", () => {
    const r = parseScenario(ceasefireYaml);
    if (!r.ok) throw new Error("the example must parse");
    const yaml = stringifyScenario(r.value, { schema: "https://example.org/scenario.schema.json" });
    expect(yaml.startsWith("# yaml-language-server: $schema=https://example.org/scenario.schema.json\n")).toBe(true);
    expect(yaml).toContain("troop-ceiling: increasing");
    expect(yaml).toContain("border: {peak: 9}");
    expect(yaml).toContain("if: {troop-ceiling: {min: 16}}");
    expect(yaml).toContain("forbid: {border: {min: 13}}");
    const json = JSON.parse(stringifyScenario(r.value, { format: "json", schema: "s.json" })) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 2)).toEqual(["$schema", "parley"]);
  });
});
