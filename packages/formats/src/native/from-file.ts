/**
 * File shape → core Scenario, checking everything the schema cannot: references to issues and
 * options, duplicates, ranges. Every problem is reported; the Scenario is returned only when there
 * were no errors.
 *
 * When the file failed the schema, the parts that did pass (each issue, party and framework on its
 * own) are still checked, so one run reports as many problems as possible. References to an issue
 * that exists but is itself broken are not reported again.
 */
import { describeValue, didYouMean, issueValueIndex, issueValues, listOf } from "@parley/core";
import type {
  Framework,
  FrameworkPoint,
  HyperRectangle,
  Issue,
  NegotiationEvent,
  Party,
  Preferences,
  Provenance,
  RedLine,
  Scenario,
  SourceRef,
  Statement,
  StatementSubject,
  Utility,
  Value,
  ValueFunction,
} from "@parley/core";
import type { Path, Problems } from "./problems.js";
import {
  eventSchema,
  frameworkPointSchema,
  frameworkSchema,
  issueSchema,
  partySchema,
  preferencesProvenanceSchema,
  redLineSchema,
  sourceSchema,
  statementSchema,
  subjectSchema,
  utilitySchema,
  valueFunctionSchema,
  type BoundFile,
  type ConditionFile,
  type EventFile,
  type FrameworkFile,
  type FrameworkPointFile,
  type IssueFile,
  type LabelFile,
  type PartyFile,
  type PreferencesProvenanceFile,
  type ProvenanceFile,
  type RedLineFile,
  type ScenarioFile,
  type SourceFile,
  type StatementFile,
  type SubjectFile,
  type UtilityFile,
  type ValueFunctionFile,
  type ValuesFile,
} from "./scenario-schema.js";

/** Parley enumerates every value of an issue; more than this many is refused. */
export const maxIssueValues = 1_000_000;

interface KnownIssue {
  readonly issue: Issue;
  /** The discrete values (issueValues). */
  readonly values: readonly Value[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Text of a label: numbers are read as text where an option label is expected. */
const labelText = (v: LabelFile): string => (typeof v === "number" ? String(v) : v);

interface Checkable {
  safeParse(x: unknown): { success: boolean; data?: unknown };
}

/** `x` when it passes `schema` on its own, else undefined. */
function pass<T>(schema: Checkable, x: unknown): T | undefined {
  const r = schema.safeParse(x);
  return r.success ? (r.data as T) : undefined;
}

/** The entries of a map that pass `schema` on their own. */
function passingEntries<T>(schema: Checkable, x: unknown): Record<string, T> | undefined {
  if (!isObject(x)) return undefined;
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(x)) {
    const ok = pass<T>(schema, v);
    if (ok !== undefined) out[k] = ok;
  }
  return out;
}

const idOf = (x: unknown): string | undefined => (isObject(x) && typeof x.id === "string" && x.id !== "" ? x.id : undefined);

/** The preferences to check: the schema-checked ones, or (`partial`) the parts of broken ones that pass. */
interface PreferencesIn {
  readonly partial: boolean;
  readonly reservation?: number | undefined;
  readonly discount?: number | undefined;
  readonly weights?: Readonly<Record<string, number>> | undefined;
  readonly values?: Readonly<Record<string, ValueFunctionFile>> | undefined;
  readonly normalizeWeights?: boolean | undefined;
  readonly utility?: UtilityFile | undefined;
  readonly redLines?: readonly (RedLineFile | undefined)[] | undefined;
  readonly provenance?: PreferencesProvenanceFile | undefined;
}

interface PartyIn {
  readonly id: string | undefined;
  readonly file: PartyFile | undefined;
  readonly preferences: PreferencesIn | undefined;
}

interface FrameworkIn {
  readonly id: string | undefined;
  readonly file: FrameworkFile | undefined;
  readonly points: readonly (FrameworkPointFile | undefined)[];
}

function partyIn(raw: unknown): PartyIn {
  const file = pass<PartyFile>(partySchema, raw);
  if (file) return { id: file.id, file, preferences: file.preferences && { partial: false, ...file.preferences } };
  const prefs = isObject(raw) ? raw.preferences : undefined;
  if (!isObject(prefs)) return { id: idOf(raw), file: undefined, preferences: undefined };
  const weights = isObject(prefs.weights)
    ? Object.fromEntries(
        Object.entries(prefs.weights).filter((e): e is [string, number] => typeof e[1] === "number" && e[1] >= 0),
      )
    : undefined;
  const values = passingEntries<ValueFunctionFile>(valueFunctionSchema, prefs.values);
  const utility = pass<UtilityFile>(utilitySchema, prefs.utility);
  const redLines = Array.isArray(prefs.redLines) ? prefs.redLines.map((r) => pass<RedLineFile>(redLineSchema, r)) : undefined;
  const provenance = pass<PreferencesProvenanceFile>(preferencesProvenanceSchema, prefs.provenance);
  return {
    id: idOf(raw),
    file: undefined,
    preferences: {
      partial: true,
      ...(weights && { weights }),
      ...(values && { values }),
      ...(utility && { utility }),
      ...(redLines && { redLines }),
      ...(provenance && { provenance }),
    },
  };
}

function frameworkIn(raw: unknown): FrameworkIn {
  const file = pass<FrameworkFile>(frameworkSchema, raw);
  if (file) return { id: file.id, file, points: file.points };
  const points =
    isObject(raw) && Array.isArray(raw.points) ? raw.points.map((p) => pass<FrameworkPointFile>(frameworkPointSchema, p)) : [];
  return { id: idOf(raw), file: undefined, points };
}

function listAt(raw: unknown, key: string): readonly unknown[] {
  const list = isObject(raw) ? raw[key] : undefined;
  return Array.isArray(list) ? list : [];
}

/**
 * Convert a scenario file to the core model. `parsed` is the schema-checked file, or undefined
 * when the schema found problems (then `raw`, the plain parsed document, is salvaged).
 */
export function scenarioFromFile(raw: unknown, parsed: ScenarioFile | undefined, problems: Problems): Scenario | undefined {
  const before = problems.errorCount;
  const issuesIn = parsed ? parsed.issues : listAt(raw, "issues").map((x) => pass<IssueFile>(issueSchema, x));
  const partiesIn = parsed ? parsed.parties.map(partyIn) : listAt(raw, "parties").map(partyIn);
  const frameworksIn = parsed ? (parsed.frameworks ?? []).map(frameworkIn) : listAt(raw, "frameworks").map(frameworkIn);
  // Issues that exist but failed the schema: references to them are not reported.
  const broken = new Set<string>();
  if (!parsed)
    listAt(raw, "issues").forEach((x, i) => {
      const id = isObject(x) && (typeof x.id === "string" || typeof x.id === "number") ? String(x.id) : undefined;
      if (issuesIn[i] === undefined && id !== undefined) broken.add(id);
    });
  const ctx = new Context(problems, broken);
  // Statement ids are known up front: provenance (in parties) cites statements listed later in the file.
  for (const x of listAt(raw, "statements")) {
    const id = idOf(x);
    if (id !== undefined) ctx.statements.add(id);
  }

  const issues: Issue[] = [];
  const issueIds = new Map<string, number>();
  issuesIn.forEach((file, i) => {
    if (!file) return;
    const path = ["issues", i];
    const seen = issueIds.get(file.id);
    if (seen !== undefined) {
      problems.error(
        "PARLEY_FMT_DUPLICATE",
        [...path, "id"],
        `Issue id "${file.id}" is already used by issues[${seen}]; give each issue its own id.`,
      );
      return;
    }
    issueIds.set(file.id, i);
    const issue = convertIssue(file, path, problems);
    if (issue) {
      issues.push(issue);
      ctx.addIssue(issue);
    } else ctx.broken.add(file.id);
  });

  const parties: Party[] = [];
  const partyIds = new Map<string, number>();
  partiesIn.forEach((p, i) => {
    const path = ["parties", i];
    if (p.id !== undefined) {
      ctx.parties.add(p.id);
      const seen = partyIds.get(p.id);
      if (seen !== undefined)
        problems.error(
          "PARLEY_FMT_DUPLICATE",
          [...path, "id"],
          `Party id "${p.id}" is already used by parties[${seen}]; give each party its own id.`,
        );
      else partyIds.set(p.id, i);
    }
    const preferences = p.preferences && convertPreferences(p.preferences, [...path, "preferences"], ctx);
    const file = p.file;
    if (!file) return;
    const party: Party = {
      id: file.id,
      name: file.name ?? file.id,
      role: file.role ?? "party",
      ...(file.description !== undefined && { description: file.description }),
    };
    parties.push(preferences ? { ...party, preferences } : party);
  });

  const frameworks: Framework[] = [];
  const frameworkIds = new Map<string, number>();
  frameworksIn.forEach((f, i) => {
    const path = ["frameworks", i];
    if (f.id !== undefined) {
      const seen = frameworkIds.get(f.id);
      if (seen !== undefined)
        problems.error(
          "PARLEY_FMT_DUPLICATE",
          [...path, "id"],
          `Framework id "${f.id}" is already used by frameworks[${seen}]; give each framework its own id.`,
        );
      else frameworkIds.set(f.id, i);
    }
    const framework = convertFramework(f, path, ctx);
    if (framework) frameworks.push(framework);
  });

  // Statements and events are checked part by part, so that one broken field does not hide the others' problems.
  const statements: Statement[] = [];
  const statementIds = new Map<string, number>();
  listAt(raw, "statements").forEach((x, i) => {
    const path = ["statements", i];
    const id = idOf(x);
    const seen = id === undefined ? undefined : statementIds.get(id);
    if (id !== undefined && seen !== undefined)
      problems.error(
        "PARLEY_FMT_DUPLICATE",
        [...path, "id"],
        `Statement id "${id}" is already used by statements[${seen}]; give each statement its own id.`,
      );
    else if (id !== undefined) statementIds.set(id, i);
    const statement = convertStatement(x, path, ctx);
    if (statement) statements.push(statement);
  });

  const events: NegotiationEvent[] = [];
  const eventIds = new Map<string, number>();
  listAt(raw, "events").forEach((x, i) => {
    const path = ["events", i];
    const id = idOf(x);
    const seen = id === undefined ? undefined : eventIds.get(id);
    if (id !== undefined && seen !== undefined)
      problems.error("PARLEY_FMT_DUPLICATE", [...path, "id"], `Event id "${id}" is already used by events[${seen}]; give each event its own id.`);
    else if (id !== undefined) eventIds.set(id, i);
    const event = convertEvent(x, path, ctx);
    if (event) events.push(event);
  });

  if (!parsed || problems.errorCount > before) return undefined;
  return {
    id: parsed.id,
    name: parsed.name,
    ...(parsed.description !== undefined && { description: parsed.description }),
    issues,
    parties,
    frameworks,
    ...(parsed.statements !== undefined && { statements }),
    ...(parsed.events !== undefined && { events }),
  };
}

// ---- issues -----------------------------------------------------------------------------------

function convertIssue(file: IssueFile, path: Path, problems: Problems): Issue | undefined {
  const common = {
    id: file.id,
    ...(file.name !== undefined && { name: file.name }),
    ...(file.description !== undefined && { description: file.description }),
  };
  switch (file.kind) {
    case "categorical": {
      const options: string[] = [];
      let ok = true;
      file.options.forEach((o, k) => {
        const label = labelText(typeof o === "object" ? o.label : o);
        const first = options.indexOf(label);
        if (first >= 0) {
          ok = false;
          problems.error(
            "PARLEY_FMT_DUPLICATE",
            [...path, "options", k],
            `Option "${label}" is listed twice (also as option ${first + 1}); remove one.`,
          );
        }
        options.push(label);
      });
      return ok ? { ...common, kind: "categorical", options } : undefined;
    }
    case "integer":
    case "real": {
      if (file.min > file.max) {
        problems.error(
          "PARLEY_FMT_VALUE",
          [...path, "min"],
          `min (${file.min}) is greater than max (${file.max}); swap them or fix one of them.`,
        );
        return undefined;
      }
      const issue: Issue =
        file.kind === "integer"
          ? { ...common, kind: "integer", min: file.min, max: file.max }
          : { ...common, kind: "real", min: file.min, max: file.max, step: file.step };
      const count = file.kind === "integer" ? file.max - file.min + 1 : Math.ceil((file.max - file.min) / file.step - 1e-9) + 1;
      if (!(count <= maxIssueValues)) {
        problems.error(
          "PARLEY_FMT_VALUE",
          [...path, file.kind === "integer" ? "max" : "step"],
          `Issue "${file.id}" has ${count.toExponential(2)} values; Parley enumerates every value and accepts at most ${maxIssueValues.toLocaleString("en")} per issue. ${
            file.kind === "integer" ? "Narrow the range, or measure in larger units." : "Use a larger step."
          }`,
        );
        return undefined;
      }
      return issue;
    }
  }
}

// ---- the context of references ----------------------------------------------------------------

class Context {
  readonly issues = new Map<string, KnownIssue>();
  /** Party ids (including parties that are otherwise broken). */
  readonly parties = new Set<string>();
  /** Framework id → its point ids; null for a framework that is broken (references into it are not reported). */
  readonly frameworks = new Map<string, ReadonlySet<string> | null>();
  /** Statement ids listed in the file (including broken statements). */
  readonly statements = new Set<string>();

  constructor(
    readonly problems: Problems,
    /** Ids of issues that exist but are broken: references to them are not reported. */
    readonly broken: Set<string>,
  ) {}

  addIssue(issue: Issue): void {
    this.issues.set(issue.id, { issue, values: issueValues(issue) });
  }

  /** The issue with this id, reporting an unknown reference at `path` (the key). */
  issue(id: string, path: Path, at: "key" | "value" = "key"): KnownIssue | undefined {
    const known = this.issues.get(id);
    if (known) return known;
    if (this.broken.has(id)) return undefined;
    const ids = [...this.issues.keys(), ...this.broken];
    this.problems.error(
      "PARLEY_FMT_REFERENCE",
      path,
      `Unknown issue "${id}".${didYouMean(id, ids)} ${ids.length > 0 ? `Issues are: ${listOf(ids)}.` : "Define it under issues."}`,
      at,
    );
    return undefined;
  }

  /** The position of a value among the issue's discrete values, or -1. */
  indexOf(known: KnownIssue, value: Value): number {
    return issueValueIndex(known.issue, value);
  }

  /** The model value of `v` for the issue, reporting it when it is not one of the issue's values. */
  value(known: KnownIssue, v: LabelFile, path: Path, at: "key" | "value" = "value"): Value | undefined {
    const issue = known.issue;
    if (issue.kind === "categorical") {
      const label = labelText(v);
      if (issue.options.includes(label)) return label;
      this.problems.error(
        "PARLEY_FMT_REFERENCE",
        path,
        `${describeValue(label)} is not an option of issue "${issue.id}".${didYouMean(label, issue.options)} Options are: ${listOf(issue.options)}.`,
        at,
      );
      return undefined;
    }
    if (typeof v !== "number") {
      this.problems.error(
        "PARLEY_FMT_VALUE",
        path,
        `Issue "${issue.id}" is numeric: write a number from ${issue.min} to ${issue.max}, not ${describeValue(v)}.`,
        at,
      );
      return undefined;
    }
    if (this.indexOf(known, v) >= 0) return v;
    this.problems.error("PARLEY_FMT_VALUE", path, `${v} is not a value of issue "${issue.id}"; ${describeValues(issue)}.`, at);
    return undefined;
  }
}

function describeValues(issue: Issue): string {
  switch (issue.kind) {
    case "categorical":
      return `options are: ${listOf(issue.options)}`;
    case "integer":
      return `use a whole number from ${issue.min} to ${issue.max}`;
    case "real":
      return `use a value of its grid ${issue.min}, ${issue.min + issue.step}, …, ${issue.max} (min, min + step, …, max)`;
  }
}

// ---- preferences ------------------------------------------------------------------------------

function convertPreferences(file: PreferencesIn, path: Path, ctx: Context): Preferences | undefined {
  const p = ctx.problems;
  const before = p.errorCount;
  let utility: Utility | undefined;
  if (file.partial) {
    // Only look for wrong references in the parts that passed the schema.
    if (file.utility) convertUtility(file.utility, [...path, "utility"], ctx);
    if (file.values || file.weights) convertLinearAdditive(file.weights, file.values ?? {}, true, path, ctx, true);
  } else if (file.utility) {
    for (const key of ["weights", "values", "normalizeWeights"] as const)
      if (file[key] !== undefined)
        p.error(
          "PARLEY_FMT_SCHEMA",
          [...path, key],
          `Give either \`utility\` or \`weights\`/\`values\` (a linear-additive utility), not both; remove "${key}" or "utility".`,
          "key",
        );
    utility = convertUtility(file.utility, [...path, "utility"], ctx);
  } else if (file.values === undefined) {
    p.error(
      "PARLEY_FMT_SCHEMA",
      path,
      file.weights === undefined
        ? "Preferences need `values` (a value function per issue, with optional `weights`) or a non-linear `utility`."
        : "Preferences with `weights` need `values`: a value function per issue.",
    );
  } else {
    utility = convertLinearAdditive(file.weights, file.values, file.normalizeWeights ?? true, path, ctx, false);
  }
  const redLines = file.redLines?.map((r, i) => r && convertRedLine(r, [...path, "redLines", i], ctx));
  if (file.redLines) {
    const ids = new Map<string, number>();
    file.redLines.forEach((r, i) => {
      if (r?.id === undefined) return;
      const seen = ids.get(r.id);
      if (seen !== undefined)
        p.error(
          "PARLEY_FMT_DUPLICATE",
          [...path, "redLines", i, "id"],
          `Red line id "${r.id}" is already used by redLines[${seen}] of this party; give each red line its own id.`,
        );
      else ids.set(r.id, i);
    });
  }
  const provenance = file.provenance && convertPreferencesProvenance(file.provenance, [...path, "provenance"], ctx);
  if (!utility || p.errorCount > before) return undefined;
  return {
    utility,
    ...(file.reservation !== undefined && { reservation: file.reservation }),
    ...(file.discount !== undefined && { discount: file.discount }),
    ...(redLines && { redLines: redLines as RedLine[] }),
    ...(provenance && { provenance }),
  };
}

// ---- provenance -------------------------------------------------------------------------------

function convertProvenance(file: ProvenanceFile, path: Path, ctx: Context): Provenance | undefined {
  const p = ctx.problems;
  if (file.cites === undefined && file.assumption === undefined) {
    p.error(
      "PARLEY_FMT_SCHEMA",
      path,
      "Say what this rests on: give `cites` (the ids of statements) or an `assumption`, or both.",
    );
    return undefined;
  }
  const cites = file.cites === undefined ? undefined : typeof file.cites === "string" ? [file.cites] : [...file.cites];
  let ok = true;
  cites?.forEach((id, k) => {
    if (ctx.statements.has(id)) return;
    ok = false;
    const ids = [...ctx.statements];
    p.error(
      "PARLEY_FMT_REFERENCE",
      typeof file.cites === "string" ? [...path, "cites"] : [...path, "cites", k],
      `Unknown statement "${id}".${didYouMean(id, ids)} ${ids.length > 0 ? `Statements are: ${listOf(ids)}.` : "List it under statements."}`,
    );
  });
  if (!ok) return undefined;
  return { ...(cites && { cites }), ...(file.assumption !== undefined && { assumption: file.assumption }) };
}

function convertPreferencesProvenance(
  file: PreferencesProvenanceFile,
  path: Path,
  ctx: Context,
): NonNullable<Preferences["provenance"]> | undefined {
  const before = ctx.problems.errorCount;
  const byIssue = (map: Readonly<Record<string, ProvenanceFile>>, key: "weights" | "values") => {
    const out: Record<string, Provenance> = {};
    for (const [issueId, prov] of Object.entries(map)) {
      const known = ctx.issue(issueId, [...path, key, issueId]);
      const converted = convertProvenance(prov, [...path, key, issueId], ctx);
      if (known && converted) out[issueId] = converted;
    }
    return out;
  };
  const weights = file.weights && byIssue(file.weights, "weights");
  const values = file.values && byIssue(file.values, "values");
  const reservation = file.reservation && convertProvenance(file.reservation, [...path, "reservation"], ctx);
  if (ctx.problems.errorCount > before) return undefined;
  return { ...(weights && { weights }), ...(values && { values }), ...(reservation && { reservation }) };
}

function convertLinearAdditive(
  weightsFile: Readonly<Record<string, number>> | undefined,
  valuesFile: Readonly<Record<string, ValueFunctionFile>>,
  normalize: boolean,
  path: Path,
  ctx: Context,
  /** Checking what is left of broken preferences: references only. */
  partial: boolean,
): Utility | undefined {
  const p = ctx.problems;
  const values: Record<string, ValueFunction> = {};
  for (const [issueId, fn] of Object.entries(valuesFile)) {
    const known = ctx.issue(issueId, [...path, "values", issueId]);
    if (!known) continue;
    const converted = convertValueFunction(fn, known, [...path, "values", issueId], ctx);
    if (converted) values[issueId] = converted;
  }
  const raw: Record<string, number> = {};
  let unknown = Object.keys(valuesFile).some((id) => !ctx.issues.has(id));
  if (weightsFile) {
    for (const [issueId, w] of Object.entries(weightsFile)) {
      if (ctx.issue(issueId, [...path, "weights", issueId])) raw[issueId] = w;
      else unknown = true;
    }
    for (const [issueId, w] of Object.entries(raw))
      if (!partial && w > 0 && !(issueId in valuesFile))
        p.warn(
          "PARLEY_FMT_REFERENCE",
          [...path, "weights", issueId],
          `Issue "${issueId}" has a weight but no value function, so it never adds to the utility; add values.${issueId} or remove the weight.`,
          "key",
        );
    for (const issueId of Object.keys(valuesFile))
      if (!partial && !(issueId in weightsFile) && ctx.issues.has(issueId))
        p.warn(
          "PARLEY_FMT_REFERENCE",
          [...path, "values", issueId],
          `Issue "${issueId}" has a value function but no weight, so it does not count; add weights.${issueId} (or leave out weights entirely for equal weights).`,
          "key",
        );
  } else {
    for (const issueId of Object.keys(valuesFile)) if (ctx.issues.has(issueId)) raw[issueId] = 1;
  }
  const sum = Object.values(raw).reduce((a, b) => a + b, 0);
  if (!(sum > 0)) {
    // With unknown issue ids already reported, an empty sum is a consequence, not a new problem.
    if (!unknown && !partial)
      p.error(
        "PARLEY_FMT_VALUE",
        [...path, weightsFile ? "weights" : "values"],
        weightsFile
          ? "The weights are all 0 (or there are none); give at least one issue a positive weight."
          : "`values` names no issue; give at least one issue a value function.",
        "key",
      );
    return undefined;
  }
  if (!Number.isFinite(sum)) {
    p.error("PARLEY_FMT_VALUE", [...path, "weights"], "The weights are too large to add up; use smaller numbers (only their ratios matter).", "key");
    return undefined;
  }
  const weights: Record<string, number> = {};
  // Weights that already sum to 1 (up to rounding) are kept as written, so that writing and reading
  // a scenario gives back exactly the same weights.
  const scale = !normalize || Math.abs(sum - 1) <= 1e-12 ? 1 : sum;
  for (const [issueId, w] of Object.entries(raw)) weights[issueId] = scale === 1 ? w : w / scale;
  return { kind: "linear-additive", weights, values };
}

// ---- value functions --------------------------------------------------------------------------

function convertValueFunction(fn: ValueFunctionFile, known: KnownIssue, path: Path, ctx: Context): ValueFunction | undefined {
  const p = ctx.problems;
  const issue = known.issue;
  const numericOnly = (what: string) => {
    p.error(
      "PARLEY_FMT_VALUE",
      path,
      `${what} applies to numeric issues; for categorical issue "${issue.id}" give a map of scores ({option: score}) or a list of options from best to worst.`,
    );
    return undefined;
  };
  if (typeof fn === "string") {
    if (issue.kind === "categorical") return numericOnly(`"${fn}"`);
    const range = issue.max - issue.min;
    if (range === 0) return { kind: "linear", slope: 0, offset: 1 };
    return fn === "increasing" ? { kind: "linear", slope: 1 / range, offset: 0 } : { kind: "linear", slope: -1 / range, offset: 1 };
  }
  if (Array.isArray(fn)) {
    if (issue.kind !== "categorical") {
      p.error(
        "PARLEY_FMT_VALUE",
        path,
        `A list ranks the options of a categorical issue; for numeric issue "${issue.id}" use increasing, decreasing, {peak: x}, or {kind: linear|peaked|piecewise|table, …}.`,
      );
      return undefined;
    }
    const scores: Record<string, number> = {};
    const n = fn.length;
    let ok = true;
    fn.forEach((v, k) => {
      const label = ctx.value(known, v, [...path, k]);
      if (label === undefined) ok = false;
      else if (String(label) in scores) {
        ok = false;
        p.error("PARLEY_FMT_DUPLICATE", [...path, k], `Option "${String(label)}" is ranked twice; list each option once.`);
      } else scores[String(label)] = n === 1 ? 1 : (n - 1 - k) / (n - 1);
    });
    return ok ? { kind: "table", scores } : undefined;
  }
  const obj = fn as Record<string, unknown>;
  if (typeof obj.kind === "string") {
    const f = fn as Extract<ValueFunctionFile, { kind: string }>;
    switch (f.kind) {
      case "table":
        return scoreTable(f.scores, known, [...path, "scores"], ctx);
      case "linear":
        if (issue.kind === "categorical") return numericOnly("kind: linear");
        return { kind: "linear", slope: f.slope, offset: f.offset };
      case "peaked":
        if (issue.kind === "categorical") return numericOnly("kind: peaked");
        if (!(f.low <= f.peak && f.peak <= f.high)) {
          p.error(
            "PARLEY_FMT_VALUE",
            path,
            `A peaked function needs low ≤ peak ≤ high (got low ${f.low}, peak ${f.peak}, high ${f.high}); reorder them.`,
          );
          return undefined;
        }
        return { kind: "peaked", low: f.low, peak: f.peak, high: f.high };
      case "piecewise": {
        if (issue.kind === "categorical") return numericOnly("kind: piecewise");
        let ok = true;
        for (let k = 1; k < f.points.length; k++)
          if (f.points[k]![0] < f.points[k - 1]![0]) {
            ok = false;
            p.error(
              "PARLEY_FMT_VALUE",
              [...path, "points", k],
              `Point x = ${f.points[k]![0]} comes after x = ${f.points[k - 1]![0]}; list the points in increasing x.`,
            );
          }
        return ok ? { kind: "piecewise", points: f.points.map(([x, y]) => [x, y] as const) } : undefined;
      }
    }
  }
  // {peak: x} for numeric issues; otherwise a map of scores.
  if (issue.kind !== "categorical" && "peak" in obj) {
    const others = Object.keys(obj).filter((k) => k !== "peak");
    for (const k of others)
      p.error(
        "PARLEY_FMT_SCHEMA",
        [...path, k],
        `Unknown field "${k}": {peak: x} takes only peak; for other bounds write {kind: peaked, low, peak, high}.`,
        "key",
      );
    const peak = obj.peak;
    if (typeof peak !== "number") {
      p.error("PARLEY_FMT_SCHEMA", [...path, "peak"], `Expected a number, but found ${describeValue(peak)}.`);
      return undefined;
    }
    if (peak < issue.min || peak > issue.max) {
      p.error(
        "PARLEY_FMT_VALUE",
        [...path, "peak"],
        `The peak ${peak} lies outside issue "${issue.id}" (${issue.min} to ${issue.max}); use a value in that range, or {kind: peaked, low, peak, high}.`,
      );
      return undefined;
    }
    if (others.length > 0) return undefined;
    return { kind: "peaked", low: issue.min, peak, high: issue.max };
  }
  return scoreTable(obj, known, path, ctx);
}

/** A table value function from a map of scores; keys are options or numeric values. */
function scoreTable(map: Readonly<Record<string, unknown>>, known: KnownIssue, path: Path, ctx: Context): ValueFunction | undefined {
  const p = ctx.problems;
  const issue = known.issue;
  const scores: Record<string, number> = {};
  const from = new Map<string, string>();
  let ok = true;
  for (const [key, s] of Object.entries(map)) {
    if (typeof s !== "number" || !(s >= 0 && s <= 1)) {
      ok = false;
      p.error("PARLEY_FMT_VALUE", [...path, key], `A score must be a number between 0 and 1, but found ${describeValue(s)}.`);
    }
    let canonical: string | undefined;
    if (issue.kind === "categorical") {
      canonical = ctx.value(known, key, [...path, key], "key") as string | undefined;
    } else {
      const x = key.trim() === "" ? Number.NaN : Number(key);
      const k = Number.isFinite(x) ? ctx.indexOf(known, x) : -1;
      if (k < 0)
        p.error(
          "PARLEY_FMT_VALUE",
          [...path, key],
          `${describeValue(key)} is not a value of issue "${issue.id}"; ${describeValues(issue)}.`,
          "key",
        );
      else canonical = String(known.values[k]);
    }
    if (canonical === undefined) {
      ok = false;
      continue;
    }
    const twin = from.get(canonical);
    if (twin !== undefined) {
      ok = false;
      p.error("PARLEY_FMT_DUPLICATE", [...path, key], `"${key}" is the same value as "${twin}"; give it one score.`, "key");
      continue;
    }
    from.set(canonical, key);
    if (typeof s === "number") scores[canonical] = s;
  }
  return ok ? { kind: "table", scores } : undefined;
}

// ---- red lines --------------------------------------------------------------------------------

function convertCondition(
  cond: ConditionFile,
  path: Path,
  ctx: Context,
): { issue: string; values: Value[] } | undefined {
  const entries = Object.entries(cond);
  if (entries.length !== 1) {
    ctx.problems.error(
      "PARLEY_FMT_SCHEMA",
      path,
      entries.length === 0
        ? "Name one issue here, e.g. {issue-id: [values]}."
        : `Name exactly one issue here (found ${entries.length}: ${listOf(entries.map(([k]) => k))}); write one red line per issue.`,
    );
    return undefined;
  }
  const [issueId, valuesFile] = entries[0]!;
  const known = ctx.issue(issueId, [...path, issueId]);
  if (!known) return undefined;
  const values = convertValues(valuesFile, known, [...path, issueId], ctx);
  return values && { issue: issueId, values };
}

function convertValues(file: ValuesFile, known: KnownIssue, path: Path, ctx: Context): Value[] | undefined {
  const issue = known.issue;
  if (Array.isArray(file)) {
    const out: Value[] = [];
    let ok = true;
    file.forEach((v, k) => {
      const value = ctx.value(known, v, [...path, k]);
      if (value === undefined) ok = false;
      else out.push(value);
    });
    return ok ? out : undefined;
  }
  if (typeof file === "object") {
    if (issue.kind === "categorical") {
      ctx.problems.error(
        "PARLEY_FMT_VALUE",
        path,
        `{min, max} selects values of a numeric issue; for categorical issue "${issue.id}" list the options.`,
      );
      return undefined;
    }
    const lo = file.min ?? -Infinity;
    const hi = file.max ?? Infinity;
    const values = (known.values as readonly number[]).filter((v) => v >= lo - 1e-9 * Math.max(1, Math.abs(lo)) && v <= hi + 1e-9 * Math.max(1, Math.abs(hi)));
    if (values.length === 0) {
      ctx.problems.error(
        "PARLEY_FMT_VALUE",
        path,
        `No value of issue "${issue.id}" (${issue.min} to ${issue.max}) lies in this range; fix min or max.`,
      );
      return undefined;
    }
    return [...values];
  }
  const value = ctx.value(known, file, path);
  return value === undefined ? undefined : [value];
}

function convertRedLine(file: RedLineFile, path: Path, ctx: Context): RedLine | undefined {
  const provenance = file.provenance && convertProvenance(file.provenance, [...path, "provenance"], ctx);
  if (file.provenance && !provenance) return undefined;
  const common = {
    ...(file.id !== undefined && { id: file.id }),
    ...(file.note !== undefined && { note: file.note }),
    ...(provenance && { provenance }),
  };
  if ("forbid" in file) {
    const c = convertCondition(file.forbid, [...path, "forbid"], ctx);
    return c && { kind: "forbid", ...common, issue: c.issue, values: c.values };
  }
  const cIf = convertCondition(file.if, [...path, "if"], ctx);
  const cThen = convertCondition(file.then, [...path, "then"], ctx);
  return cIf && cThen ? { kind: "require", ...common, if: cIf, then: cThen } : undefined;
}

// ---- non-linear utilities ---------------------------------------------------------------------

function convertUtility(file: UtilityFile, path: Path, ctx: Context): Utility | undefined {
  const p = ctx.problems;
  const before = p.errorCount;
  if (file.kind === "hyper-rectangles") {
    const rectangles: HyperRectangle[] = file.rectangles.map((r, i) => {
      const includes = convertBounds(r.includes ?? {}, [...path, "rectangles", i, "includes"], ctx);
      const excludes = r.excludes && convertBounds(r.excludes, [...path, "rectangles", i, "excludes"], ctx);
      return { utility: r.utility, includes, ...(excludes && { excludes }) };
    });
    if (p.errorCount > before) return undefined;
    return { kind: "hyper-rectangles", rectangles, ...(file.normalizer !== undefined && { normalizer: file.normalizer }) };
  }
  const seen = new Map<string, number>();
  const entries = file.entries.map((e, i) => {
    const epath = [...path, "entries", i, "outcome"];
    const outcome: Record<string, Value> = {};
    for (const [issueId, v] of Object.entries(e.outcome)) {
      const known = ctx.issue(issueId, [...epath, issueId]);
      const value = known && ctx.value(known, v, [...epath, issueId]);
      if (value !== undefined) outcome[issueId] = value;
    }
    const missing = [...ctx.issues.keys()].filter((id) => !(id in e.outcome));
    if (missing.length > 0)
      p.error(
        "PARLEY_FMT_VALUE",
        epath,
        `This outcome leaves ${missing.length === 1 ? "issue" : "issues"} ${listOf(missing.map((m) => `"${m}"`))} unset; a table entry gives a value to every issue.`,
      );
    else {
      const key = [...ctx.issues.values()].map((k) => ctx.indexOf(k, outcome[k.issue.id]!)).join(",");
      const twin = seen.get(key);
      if (twin !== undefined)
        p.error("PARLEY_FMT_DUPLICATE", epath, `This outcome is already listed as entries[${twin}]; list each outcome once.`);
      else seen.set(key, i);
    }
    return { outcome, utility: e.utility };
  });
  if (p.errorCount > before) return undefined;
  return { kind: "table", entries, ...(file.default !== undefined && { default: file.default }) };
}

function convertBounds(
  map: Readonly<Record<string, BoundFile>>,
  path: Path,
  ctx: Context,
): { issue: string; min: number; max: number }[] {
  const out: { issue: string; min: number; max: number }[] = [];
  for (const [issueId, bound] of Object.entries(map)) {
    const bpath = [...path, issueId];
    const known = ctx.issue(issueId, bpath);
    if (!known) continue;
    const pairs: [LabelFile, LabelFile, Path][] = !Array.isArray(bound)
      ? [[bound, bound, bpath]]
      : Array.isArray(bound[0])
        ? (bound as [LabelFile, LabelFile][]).map(([a, b], k) => [a, b, [...bpath, k]])
        : [[bound[0] as LabelFile, bound[1] as LabelFile, bpath]];
    for (const [a, b, ppath] of pairs) {
      const lo = coordinate(a, known, ppath, ctx);
      const hi = coordinate(b, known, ppath, ctx);
      if (lo === undefined || hi === undefined) continue;
      if (lo > hi) {
        ctx.problems.error("PARLEY_FMT_VALUE", ppath, `The bound runs from ${describeValue(a)} down to ${describeValue(b)}; write it as [low, high].`);
        continue;
      }
      out.push({ issue: issueId, min: lo, max: hi });
    }
  }
  return out;
}

/** A bound coordinate: the number for numeric issues; the option index (given as label or index) for categorical ones. */
function coordinate(v: LabelFile, known: KnownIssue, path: Path, ctx: Context): number | undefined {
  if (typeof v === "number") return v;
  if (known.issue.kind !== "categorical") {
    ctx.problems.error("PARLEY_FMT_VALUE", path, `Issue "${known.issue.id}" is numeric: bound it by numbers, not ${describeValue(v)}.`);
    return undefined;
  }
  const label = ctx.value(known, v, path);
  return label === undefined ? undefined : known.issue.options.indexOf(label as string);
}

// ---- frameworks -------------------------------------------------------------------------------

function validDate(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function convertFramework(f: FrameworkIn, path: Path, ctx: Context): Framework | undefined {
  const p = ctx.problems;
  const file = f.file;
  if (file?.date !== undefined && !validDate(file.date))
    p.error("PARLEY_FMT_VALUE", [...path, "date"], `${describeValue(file.date)} is not a calendar date; write a real date as YYYY-MM-DD.`);
  const numbers = new Map<number, number>();
  const ids = new Map<string, number>();
  const setBy = new Map<string, { value: Value; point: number }>();
  const points: FrameworkPoint[] = [];
  f.points.forEach((pt, i) => {
    if (!pt) return;
    const ppath = [...path, "points", i];
    const number = pt.number ?? i + 1;
    const id = pt.id ?? String(number);
    const sameNumber = numbers.get(number);
    if (sameNumber !== undefined)
      p.error(
        "PARLEY_FMT_DUPLICATE",
        pt.number === undefined ? ppath : [...ppath, "number"],
        `Point number ${number} is already used by points[${sameNumber}]; number each point differently.`,
      );
    else numbers.set(number, i);
    const sameId = ids.get(id);
    if (sameId !== undefined && (pt.id !== undefined || sameNumber === undefined))
      p.error(
        "PARLEY_FMT_DUPLICATE",
        pt.id === undefined ? ppath : [...ppath, "id"],
        `Point id "${id}" is already used by points[${sameId}]; give each point its own id.`,
      );
    else if (sameId === undefined) ids.set(id, i);
    const sets: Record<string, Value> = {};
    for (const [issueId, v] of Object.entries(pt.sets ?? {})) {
      const spath = [...ppath, "sets", issueId];
      const known = ctx.issue(issueId, spath);
      const value = known && ctx.value(known, v, spath);
      if (value === undefined) continue;
      const earlier = setBy.get(issueId);
      if (earlier && ctx.indexOf(known!, earlier.value) !== ctx.indexOf(known!, value))
        p.error(
          "PARLEY_FMT_VALUE",
          spath,
          `Point ${number} sets issue "${issueId}" to ${describeValue(value)}, but point ${earlier.point} already sets it to ${describeValue(earlier.value)}; a framework settles each issue once.`,
        );
      else if (!earlier) setBy.set(issueId, { value, point: number });
      sets[issueId] = value;
    }
    points.push({ id, number, text: pt.text, sets });
  });
  if (f.id !== undefined && !ctx.frameworks.has(f.id)) ctx.frameworks.set(f.id, file ? new Set(points.map((pt) => pt.id)) : null);
  if (!file) return undefined;
  return {
    id: file.id,
    name: file.name ?? file.id,
    ...(file.version !== undefined && { version: String(file.version) }),
    ...(file.date !== undefined && { date: file.date }),
    ...(file.author !== undefined && { author: file.author }),
    ...(file.source !== undefined && { source: file.source }),
    ...(file.notes !== undefined && { notes: file.notes }),
    ...(file.basis !== undefined && { basis: file.basis }),
    ...(file.caveats !== undefined && { caveats: file.caveats }),
    ...(file.confidence !== undefined && { confidence: file.confidence }),
    points,
  };
}

// ---- statements and events --------------------------------------------------------------------

function checkDate(date: string, path: Path, ctx: Context): boolean {
  if (validDate(date)) return true;
  ctx.problems.error("PARLEY_FMT_VALUE", path, `${describeValue(date)} is not a calendar date; write a real date as YYYY-MM-DD.`);
  return false;
}

function checkParty(id: string, path: Path, ctx: Context): boolean {
  if (ctx.parties.has(id)) return true;
  const ids = [...ctx.parties];
  ctx.problems.error(
    "PARLEY_FMT_REFERENCE",
    path,
    `Unknown party "${id}".${didYouMean(id, ids)} ${ids.length > 0 ? `Parties are: ${listOf(ids)}.` : "Define it under parties."}`,
  );
  return false;
}

/** Whether the framework exists (reporting it when not); null when it exists but is broken. */
function knownFramework(id: string, path: Path, ctx: Context): ReadonlySet<string> | null | undefined {
  const points = ctx.frameworks.get(id);
  if (points !== undefined) return points;
  const ids = [...ctx.frameworks.keys()];
  ctx.problems.error(
    "PARLEY_FMT_REFERENCE",
    path,
    `Unknown framework "${id}".${didYouMean(id, ids)} ${ids.length > 0 ? `Frameworks are: ${listOf(ids)}.` : "Define it under frameworks."}`,
  );
  return undefined;
}

function checkPoint(framework: string, points: ReadonlySet<string> | null, point: string, path: Path, ctx: Context): boolean {
  if (points === null || points.has(point)) return points !== null;
  ctx.problems.error(
    "PARLEY_FMT_REFERENCE",
    path,
    `Framework "${framework}" has no point "${point}".${didYouMean(point, points)} ${points.size > 0 ? `Its points are: ${listOf([...points])}.` : "It has no points."}`,
  );
  return false;
}

/**
 * FRAMEWORK/POINT: the split of `text` at a "/" whose left side names a framework and right side one
 * of its points; failing that, the first split whose left side names a framework (framework ids may contain "/").
 */
function splitPointRef(text: string, ctx: Context): { framework: string; point: string } | undefined {
  let first: { framework: string; point: string } | undefined;
  for (let k = text.indexOf("/"); k > 0; k = text.indexOf("/", k + 1)) {
    const framework = text.slice(0, k);
    const points = ctx.frameworks.get(framework);
    if (points === undefined) continue;
    const ref = { framework, point: text.slice(k + 1) };
    if (points?.has(ref.point)) return ref;
    first ??= ref;
  }
  return first;
}

function convertSubject(file: SubjectFile, path: Path, ctx: Context): StatementSubject | undefined {
  const p = ctx.problems;
  if (typeof file === "string") {
    if (ctx.issues.has(file) || ctx.broken.has(file)) return ctx.issues.has(file) ? { issue: file } : undefined;
    if (ctx.frameworks.has(file)) return { framework: file };
    const ref = splitPointRef(file, ctx);
    if (ref) {
      const points = ctx.frameworks.get(ref.framework)!;
      return checkPoint(ref.framework, points, ref.point, path, ctx) ? ref : undefined;
    }
    const known = [...ctx.issues.keys(), ...ctx.frameworks.keys()];
    p.error(
      "PARLEY_FMT_REFERENCE",
      path,
      `${describeValue(file)} is not an issue, a framework or FRAMEWORK/POINT.${didYouMean(file, known)} Write an issue id, a framework id, or a framework id and a point id joined by "/" (e.g. ${describeValue(`${[...ctx.frameworks.keys()][0] ?? "draft"}/1`)}).`,
    );
    return undefined;
  }
  if (file.values !== undefined && file.issue === undefined) {
    p.error("PARLEY_FMT_SCHEMA", [...path, "values"], "`values` selects values of an issue: add `issue` beside it.", "key");
    return undefined;
  }
  if (file.framework === undefined && file.point === undefined && file.issue === undefined) {
    p.error("PARLEY_FMT_SCHEMA", path, "Say what the statement is about: give `issue`, `framework` (with an optional `point`), or both.");
    return undefined;
  }
  let ok = true;
  let framework = file.framework;
  let point = file.point === undefined ? undefined : labelText(file.point);
  if (framework === undefined && point !== undefined) {
    const ref = splitPointRef(point, ctx);
    if (!ref) {
      p.error(
        "PARLEY_FMT_REFERENCE",
        [...path, "point"],
        `${describeValue(point)} names no framework point: add \`framework\`, or write FRAMEWORK/POINT (e.g. ${describeValue(`${[...ctx.frameworks.keys()][0] ?? "draft"}/1`)}).`,
      );
      ok = false;
    } else ({ framework, point } = ref);
  }
  if (ok && framework !== undefined) {
    const points = knownFramework(framework, [...path, file.framework !== undefined ? "framework" : "point"], ctx);
    if (points === undefined) ok = false;
    else if (point !== undefined && !checkPoint(framework, points, point, [...path, "point"], ctx)) ok = false;
  }
  let values: Value[] | undefined;
  if (file.issue !== undefined) {
    const known = ctx.issue(file.issue, [...path, "issue"], "value");
    if (!known) ok = false;
    else if (file.values !== undefined) {
      values = convertValues(file.values, known, [...path, "values"], ctx);
      if (!values) ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    ...(framework !== undefined && { framework }),
    ...(point !== undefined && { point }),
    ...(file.issue !== undefined && { issue: file.issue }),
    ...(values && { values }),
  };
}

/** The parts of a statement or event that can be checked on their own. */
const isoDate = (x: unknown): string | undefined => (typeof x === "string" && /^\d{4}-\d{2}-\d{2}$/.test(x) ? x : undefined);
const nonEmptyText = (x: unknown): string | undefined => (typeof x === "string" && x !== "" ? x : undefined);

function convertSource(raw: unknown, path: Path, ctx: Context): SourceRef | undefined {
  const date = isObject(raw) ? isoDate(raw.date) : undefined;
  const dateOk = date === undefined || checkDate(date, [...path, "date"], ctx);
  const file = pass<SourceFile>(sourceSchema, raw);
  if (!file || !dateOk) return undefined;
  return {
    outlet: file.outlet,
    ...(file.title !== undefined && { title: file.title }),
    ...(file.url !== undefined && { url: file.url }),
    ...(file.date !== undefined && { date: file.date }),
  };
}

/** A statement (raw, as parsed): every part that has the right shape is checked, whether or not the rest does. */
function convertStatement(raw: unknown, path: Path, ctx: Context): Statement | undefined {
  const before = ctx.problems.errorCount;
  const parts = isObject(raw) ? raw : {};
  const date = isoDate(parts.date);
  if (date !== undefined) checkDate(date, [...path, "date"], ctx);
  const party = nonEmptyText(parts.party);
  if (party !== undefined) checkParty(party, [...path, "party"], ctx);
  const about = (Array.isArray(parts.about) ? parts.about : []).map((x, k) => {
    const subject = pass<SubjectFile>(subjectSchema, x);
    return subject === undefined ? undefined : convertSubject(subject, [...path, "about", k], ctx);
  });
  const source = convertSource(parts.source, [...path, "source"], ctx);
  const file = pass<StatementFile>(statementSchema, raw);
  if (!file || !source || ctx.problems.errorCount > before) return undefined;
  return {
    id: file.id,
    date: file.date,
    speaker: file.speaker,
    party: file.party,
    paraphrase: file.paraphrase,
    about: about as StatementSubject[],
    stance: file.stance,
    source,
    confidence: file.confidence,
  };
}

/** An event (raw, as parsed): every part that has the right shape is checked, whether or not the rest does. */
function convertEvent(raw: unknown, path: Path, ctx: Context): NegotiationEvent | undefined {
  const p = ctx.problems;
  const before = p.errorCount;
  const parts = isObject(raw) ? raw : {};
  const date = isoDate(parts.date);
  const endDate = isoDate(parts.endDate);
  const dateOk = date !== undefined && checkDate(date, [...path, "date"], ctx);
  if (endDate !== undefined && checkDate(endDate, [...path, "endDate"], ctx) && dateOk && endDate < date)
    p.error("PARLEY_FMT_VALUE", [...path, "endDate"], `The event ends (${endDate}) before it starts (${date}); fix date or endDate.`);
  const seen = new Map<string, number>();
  (Array.isArray(parts.participants) ? parts.participants : []).forEach((x, k) => {
    const party = nonEmptyText(x);
    if (party === undefined) return;
    const twin = seen.get(party);
    if (twin !== undefined)
      p.error("PARLEY_FMT_DUPLICATE", [...path, "participants", k], `Party "${party}" is listed twice (also as participants[${twin}]); list it once.`);
    else {
      seen.set(party, k);
      checkParty(party, [...path, "participants", k], ctx);
    }
  });
  const framework = nonEmptyText(parts.framework);
  if (framework !== undefined) knownFramework(framework, [...path, "framework"], ctx);
  const source = convertSource(parts.source, [...path, "source"], ctx);
  const file = pass<EventFile>(eventSchema, raw);
  if (!file || !source || p.errorCount > before) return undefined;
  return {
    id: file.id,
    date: file.date,
    ...(file.endDate !== undefined && { endDate: file.endDate }),
    kind: file.kind,
    title: file.title,
    ...(file.description !== undefined && { description: file.description }),
    participants: [...(file.participants ?? [])],
    ...(file.place !== undefined && { place: file.place }),
    ...(file.framework !== undefined && { framework: file.framework }),
    source,
    confidence: file.confidence,
  };
}
