/**
 * Core Scenario → file shape: the inverse of convert/. It writes the shorthands a person would
 * (score maps, `increasing`, `{peak: x}`, option labels in bounds, {min, max} for runs of values)
 * whenever they convert back to exactly the same model.
 */
import { issueValues } from "@parley/core";
import type {
  Framework,
  HyperRectangle,
  Issue,
  NegotiationEvent,
  Party,
  Preferences,
  PartyReading,
  Provenance,
  Reading,
  RedLine,
  Scenario,
  SourceRef,
  Statement,
  StatementSubject,
  Utility,
  Value,
  ValueFunction,
} from "@parley/core";
import type {
  BoundFile,
  ConditionFile,
  EventFile,
  FrameworkFile,
  IssueFile,
  PartyFile,
  PartyReadingFile,
  PreferencesFile,
  PreferencesProvenanceFile,
  ProvenanceFile,
  ReadingFile,
  RedLineFile,
  ScenarioFile,
  SourceFile,
  StatementFile,
  SubjectFile,
  UtilityFile,
  ValueFunctionFile,
  ValuesFile,
} from "./scenario-schema.js";

export function scenarioToFile(scenario: Scenario): ScenarioFile {
  const issues = new Map(scenario.issues.map((i) => [i.id, i] as const));
  return {
    parley: 1,
    id: scenario.id,
    name: scenario.name,
    ...(scenario.description !== undefined && { description: scenario.description }),
    issues: scenario.issues.map(issueToFile),
    parties: scenario.parties.map((p) => partyToFile(p, issues)),
    ...(scenario.frameworks.length > 0 && { frameworks: scenario.frameworks.map(frameworkToFile) }),
    ...(scenario.statements !== undefined && {
      statements: scenario.statements.map((st) => statementToFile(st, scenario, issues)),
    }),
    ...(scenario.events !== undefined && { events: scenario.events.map(eventToFile) }),
    ...(scenario.readings !== undefined && { readings: scenario.readings.map((r) => readingToFile(r, issues)) }),
  };
}

function readingToFile(r: Reading, issues: ReadonlyMap<string, Issue>): ReadingFile {
  return {
    id: r.id,
    ...(r.label !== undefined && { label: r.label }),
    ...(r.description !== undefined && { description: r.description }),
    provenance: provenanceToFile(r.provenance),
    parties: Object.fromEntries(r.parties.map((p) => [p.party, partyReadingToFile(p, issues)])),
  };
}

function partyReadingToFile(p: PartyReading, issues: ReadonlyMap<string, Issue>): PartyReadingFile {
  const lines = (list: readonly RedLine[] | undefined) => list?.map((line) => redLineToFile(line, issues));
  const add = lines(p.addRedLines);
  const replace = lines(p.replaceRedLines);
  const redLines = {
    ...(add && { add }),
    ...(p.removeRedLines && { remove: [...p.removeRedLines] }),
    ...(replace && { replace }),
  };
  return {
    ...(p.reservation !== undefined && { reservation: p.reservation }),
    ...(p.weights !== undefined && { weights: { ...p.weights } }),
    ...(p.values !== undefined && {
      values: Object.fromEntries(Object.entries(p.values).map(([id, fn]) => [id, valueFunctionToFile(fn, issues.get(id))])),
    }),
    ...(Object.keys(redLines).length > 0 && { redLines }),
  };
}

function issueToFile(issue: Issue): IssueFile {
  const common = {
    id: issue.id,
    ...(issue.name !== undefined && { name: issue.name }),
    ...(issue.description !== undefined && { description: issue.description }),
    ...(issue.controlledBy !== undefined && { controlledBy: [...issue.controlledBy] }),
  };
  switch (issue.kind) {
    case "categorical":
      return { ...common, kind: "categorical", options: [...issue.options] };
    case "integer":
      return { ...common, kind: "integer", min: issue.min, max: issue.max };
    case "real":
      return { ...common, kind: "real", min: issue.min, max: issue.max, step: issue.step };
  }
}

function partyToFile(party: Party, issues: ReadonlyMap<string, Issue>): PartyFile {
  return {
    id: party.id,
    name: party.name,
    role: party.role,
    ...(party.description !== undefined && { description: party.description }),
    ...(party.members !== undefined && { members: [...party.members] }),
    ...(party.preferences && { preferences: preferencesToFile(party.preferences, issues) }),
  };
}

function preferencesToFile(prefs: Preferences, issues: ReadonlyMap<string, Issue>): PreferencesFile {
  const head = {
    ...(prefs.reservation !== undefined && { reservation: prefs.reservation }),
    ...(prefs.discount !== undefined && { discount: prefs.discount }),
  };
  const redLines = prefs.redLines && { redLines: prefs.redLines.map((r) => redLineToFile(r, issues)) };
  const provenance = prefs.provenance && { provenance: preferencesProvenanceToFile(prefs.provenance) };
  const u = prefs.utility;
  if (u.kind === "linear-additive") {
    const values: Record<string, ValueFunctionFile> = {};
    for (const [id, fn] of Object.entries(u.values)) values[id] = valueFunctionToFile(fn, issues.get(id));
    // Weights that do not sum to 1 are used as written by the model: say so, or reading would rescale them.
    const sum = Object.values(u.weights).reduce((a, b) => a + b, 0);
    const asWritten = Math.abs(sum - 1) > 1e-12 ? { normalizeWeights: false } : {};
    return { ...head, weights: { ...u.weights }, ...asWritten, values, ...redLines, ...provenance };
  }
  return { ...head, utility: utilityToFile(u, issues), ...redLines, ...provenance };
}

function provenanceToFile(p: Provenance): ProvenanceFile {
  return {
    ...(p.cites !== undefined && { cites: [...p.cites] }),
    ...(p.assumption !== undefined && { assumption: p.assumption }),
    ...(p.exceptions !== undefined && { exceptions: { ...p.exceptions } }),
  };
}

function preferencesProvenanceToFile(p: NonNullable<Preferences["provenance"]>): PreferencesProvenanceFile {
  const byIssue = (map: Readonly<Record<string, Provenance>>) =>
    Object.fromEntries(Object.entries(map).map(([id, prov]) => [id, provenanceToFile(prov)]));
  return {
    ...(p.weights !== undefined && { weights: byIssue(p.weights) }),
    ...(p.values !== undefined && { values: byIssue(p.values) }),
    ...(p.reservation !== undefined && { reservation: provenanceToFile(p.reservation) }),
  };
}

function valueFunctionToFile(fn: ValueFunction, issue: Issue | undefined): ValueFunctionFile {
  switch (fn.kind) {
    case "table":
      return { ...fn.scores };
    case "linear":
      if (issue && issue.kind !== "categorical") {
        const range = issue.max - issue.min;
        if (range === 0 ? fn.slope === 0 && fn.offset === 1 : fn.slope === 1 / range && fn.offset === 0) return "increasing";
        if (range !== 0 && fn.slope === -1 / range && fn.offset === 1) return "decreasing";
      }
      return { kind: "linear", slope: fn.slope, offset: fn.offset };
    case "peaked":
      if (
        issue &&
        issue.kind !== "categorical" &&
        fn.low === issue.min &&
        fn.high === issue.max &&
        fn.peak >= issue.min &&
        fn.peak <= issue.max
      )
        return { peak: fn.peak };
      return { kind: "peaked", low: fn.low, peak: fn.peak, high: fn.high };
    case "piecewise":
      return { kind: "piecewise", points: fn.points.map(([x, y]) => [x, y] as [number, number]) };
  }
}

function valuesToFile(values: readonly Value[], issue: Issue | undefined): ValuesFile {
  // A run of three or more consecutive values of a numeric issue reads better as {min, max}.
  if (issue && issue.kind !== "categorical" && values.length >= 3) {
    const all = issueValues(issue) as number[];
    const first = all.indexOf(values[0] as number);
    if (first >= 0 && values.every((v, k) => all[first + k] === v)) {
      const last = first + values.length - 1;
      const min = first === 0 ? undefined : (values[0] as number);
      const max = last === all.length - 1 ? undefined : (values[values.length - 1] as number);
      // {min, max} selects grid values within a small tolerance: use it only when it selects exactly these.
      const lo = min ?? -Infinity;
      const hi = max ?? Infinity;
      const selected = all.filter(
        (v) => v >= lo - 1e-9 * Math.max(1, Math.abs(lo)) && v <= hi + 1e-9 * Math.max(1, Math.abs(hi)),
      );
      if (selected.length === values.length)
        return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
    }
  }
  return values.length === 1 ? values[0]! : [...values];
}

function condition(issueId: string, values: readonly Value[], issues: ReadonlyMap<string, Issue>): ConditionFile {
  return { [issueId]: valuesToFile(values, issues.get(issueId)) };
}

function redLineToFile(r: RedLine, issues: ReadonlyMap<string, Issue>): RedLineFile {
  const id = r.id !== undefined ? { id: r.id } : {};
  const note = r.note !== undefined ? { note: r.note } : {};
  const provenance = r.provenance !== undefined ? { provenance: provenanceToFile(r.provenance) } : {};
  if (r.kind === "forbid") return { ...id, forbid: condition(r.issue, r.values, issues), ...note, ...provenance };
  return {
    ...id,
    if: condition(r.if.issue, r.if.values, issues),
    then: condition(r.then.issue, r.then.values, issues),
    ...note,
    ...provenance,
  };
}

function utilityToFile(u: Exclude<Utility, { kind: "linear-additive" }>, issues: ReadonlyMap<string, Issue>): UtilityFile {
  if (u.kind === "table")
    return {
      kind: "table",
      entries: u.entries.map((e) => ({ outcome: { ...e.outcome }, utility: e.utility })),
      ...(u.default !== undefined && { default: u.default }),
    };
  return {
    kind: "hyper-rectangles",
    rectangles: u.rectangles.map((r) => rectangleToFile(r, issues)),
    ...(u.normalizer !== undefined && { normalizer: u.normalizer }),
  };
}

function rectangleToFile(r: HyperRectangle, issues: ReadonlyMap<string, Issue>) {
  return {
    utility: r.utility,
    includes: boundsToFile(r.includes, issues),
    ...(r.excludes && { excludes: boundsToFile(r.excludes, issues) }),
  };
}

function boundsToFile(
  bounds: readonly { readonly issue: string; readonly min: number; readonly max: number }[],
  issues: ReadonlyMap<string, Issue>,
): Record<string, BoundFile> {
  const grouped = new Map<string, [number, number][]>();
  for (const b of bounds) {
    const list = grouped.get(b.issue) ?? [];
    list.push([b.min, b.max]);
    grouped.set(b.issue, list);
  }
  const out: Record<string, BoundFile> = {};
  for (const [id, pairs] of grouped) {
    const issue = issues.get(id);
    // Option indices that name an option are written as the option's label.
    const coordinate = (x: number): string | number =>
      issue?.kind === "categorical" && Number.isInteger(x) && x >= 0 && x < issue.options.length ? issue.options[x]! : x;
    const written = pairs.map(([lo, hi]) => [coordinate(lo), coordinate(hi)] as [string | number, string | number]);
    if (written.length > 1) out[id] = written;
    else {
      const [lo, hi] = written[0]!;
      out[id] = lo === hi ? lo : [lo, hi];
    }
  }
  return out;
}

function frameworkToFile(f: Framework): FrameworkFile {
  return {
    id: f.id,
    name: f.name,
    ...(f.version !== undefined && { version: f.version }),
    ...(f.date !== undefined && { date: f.date }),
    ...(f.author !== undefined && { author: f.author }),
    ...(f.authoredBy !== undefined && { authoredBy: [...f.authoredBy] }),
    ...(f.source !== undefined && { source: f.source }),
    ...(f.notes !== undefined && { notes: f.notes }),
    ...(f.basis !== undefined && { basis: f.basis }),
    ...(f.caveats !== undefined && { caveats: f.caveats }),
    ...(f.confidence !== undefined && { confidence: f.confidence }),
    points: f.points.map((p) => ({
      number: p.number,
      ...(p.id !== String(p.number) && { id: p.id }),
      text: p.text,
      ...(Object.keys(p.sets).length > 0 && { sets: { ...p.sets } }),
    })),
  };
}

// ---- statements and events --------------------------------------------------------------------

function sourceToFile(s: SourceRef): SourceFile {
  return {
    outlet: s.outlet,
    ...(s.title !== undefined && { title: s.title }),
    ...(s.url !== undefined && { url: s.url }),
    ...(s.date !== undefined && { date: s.date }),
  };
}

/**
 * How a shorthand subject reads back (as convert/ reads it): an issue id, else a framework id,
 * else FRAMEWORK/POINT split at a "/" whose left side names a framework and right side one of its points.
 */
function readShorthand(text: string, scenario: Scenario): StatementSubject | undefined {
  if (scenario.issues.some((i) => i.id === text)) return { issue: text };
  if (scenario.frameworks.some((f) => f.id === text)) return { framework: text };
  for (let k = text.indexOf("/"); k > 0; k = text.indexOf("/", k + 1)) {
    const f = scenario.frameworks.find((x) => x.id === text.slice(0, k));
    if (f?.points.some((p) => p.id === text.slice(k + 1))) return { framework: f.id, point: text.slice(k + 1) };
  }
  return undefined;
}

function subjectToFile(s: StatementSubject, scenario: Scenario, issues: ReadonlyMap<string, Issue>): SubjectFile {
  // The shorthand is written only when it reads back to exactly this subject.
  const keys = Object.keys(s).filter((k) => s[k as keyof StatementSubject] !== undefined);
  let shorthand: string | undefined;
  if (keys.length === 1 && s.issue !== undefined) shorthand = s.issue;
  else if (keys.length === 1 && s.framework !== undefined) shorthand = s.framework;
  else if (keys.length === 2 && s.framework !== undefined && s.point !== undefined) shorthand = `${s.framework}/${s.point}`;
  if (shorthand !== undefined && shorthand !== "") {
    const back = readShorthand(shorthand, scenario);
    if (back && back.issue === s.issue && back.framework === s.framework && back.point === s.point) return shorthand;
  }
  return {
    ...(s.framework !== undefined && { framework: s.framework }),
    ...(s.point !== undefined && { point: s.point }),
    ...(s.issue !== undefined && { issue: s.issue }),
    ...(s.values !== undefined && { values: valuesToFile(s.values, issues.get(s.issue ?? "")) }),
  };
}

function statementToFile(st: Statement, scenario: Scenario, issues: ReadonlyMap<string, Issue>): StatementFile {
  return {
    id: st.id,
    date: st.date,
    speaker: st.speaker,
    ...(st.voice !== undefined && { voice: st.voice }),
    party: st.party,
    ...(st.members !== undefined && { members: [...st.members] }),
    paraphrase: st.paraphrase,
    ...(st.claims && st.claims.length > 0
      ? { claims: st.claims.map((c) => ({ stance: c.stance, about: c.about.map((s) => subjectToFile(s, scenario, issues)) })) }
      : { ...(st.about.length > 0 && { about: st.about.map((s) => subjectToFile(s, scenario, issues)) }), stance: st.stance }),
    source: sourceToFile(st.source),
    confidence: st.confidence,
  };
}

function eventToFile(e: NegotiationEvent): EventFile {
  return {
    id: e.id,
    date: e.date,
    ...(e.endDate !== undefined && { endDate: e.endDate }),
    kind: e.kind,
    title: e.title,
    ...(e.description !== undefined && { description: e.description }),
    ...(e.participants.length > 0 && { participants: [...e.participants] }),
    ...(e.place !== undefined && { place: e.place }),
    ...(e.framework !== undefined && { framework: e.framework }),
    source: sourceToFile(e.source),
    confidence: e.confidence,
  };
}
