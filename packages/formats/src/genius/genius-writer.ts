// Writing a Parley Scenario as GENIUS XML: one domain file and one profile file per party.
import {
  issueValueIndex,
  issueValues,
  valueScore,
  type HyperRectangleUtility,
  type Issue,
  type LinearAdditiveUtility,
  type Party,
  type Scenario,
  type TableUtility,
  type Value,
  type ValueFunction,
} from "@parley/core";
import type { FormatIssue, ParseResult } from "../format-issue.js";
import { GENIUS_DEFAULT_REAL_INTERVALS } from "./genius-domain.js";
import type { GeniusFile } from "./genius-scenario.js";
import { neverThrow } from "./report.js";

/** The files of a GENIUS folder: the domain, and one profile per party with preferences. */
export interface GeniusFiles {
  readonly domain: GeniusFile;
  readonly profiles: readonly GeniusFile[];
}

/** At most this many values when a numeric issue has to be written as a discrete one. */
const MAX_DISCRETE_VALUES = 100_000;
/** At most this many EXCLUDES bounds per rectangle (each doubles the GENIUS rectangles written). */
const MAX_EXCLUDES = 12;

/** How an issue is written: as itself, or (numeric issues) as discrete items labelled by their values. */
type IssuePlan =
  | {
      readonly issue: Issue;
      readonly index: number;
      readonly as: "discrete";
      readonly values: readonly Value[];
      readonly labels: readonly string[];
    }
  | { readonly issue: Issue; readonly index: number; readonly as: "integer" | "real" };

/**
 * Write a scenario as GENIUS files. Utilities are preserved exactly (up to floating-point rounding)
 * for what GENIUS can express; what it cannot is an error, and what it drops (red lines,
 * frameworks, parties without preferences) is a warning. Conversions:
 *
 * - table scores whose largest value m is not 1: GENIUS divides evaluations by their largest, so
 *   the weight becomes w·m and the evaluations s/m;
 * - a numeric issue with a table, piecewise or (degenerate) peaked value function for some party:
 *   the issue is written as a discrete issue whose items are its values (labels like "3" or "0.25"),
 *   for every party, so reading the files back gives a categorical issue with the same utilities;
 * - a `table` utility (all issues integer): one point hyper-rectangle per entry;
 * - a hyper-rectangle with EXCLUDES bounds in Parley's sense (outside every bound): GENIUS
 *   inclusive rectangles by inclusion–exclusion (a single EXCLUDES bound alone is written as is).
 *
 * Never throws.
 */
export function scenarioToGenius(scenario: Scenario): ParseResult<GeniusFiles> {
  return neverThrow(undefined, () => writeScenario(scenario));
}

function writeScenario(scenario: Scenario): ParseResult<GeniusFiles> {
  const issues: FormatIssue[] = [];
  const err = (path: (string | number)[], message: string, code: FormatIssue["code"] = "PARLEY_FMT_GENIUS"): void => {
    issues.push({ code, path, message, severity: "error" });
  };
  const warn = (path: (string | number)[], message: string): void => {
    issues.push({ code: "PARLEY_FMT_GENIUS", path, message, severity: "warning" });
  };

  // Issues: unique ids, writable names, and whether numeric ones must become discrete.
  if (scenario.issues.length === 0) err(["issues"], "a GENIUS domain needs at least one issue");
  const seen = new Set<string>();
  scenario.issues.forEach((issue, i) => {
    if (seen.has(issue.id)) err(["issues", i, "id"], `two issues have the id "${issue.id}"`, "PARLEY_FMT_DUPLICATE");
    seen.add(issue.id);
    checkXmlText(issue.id, ["issues", i, "id"], err);
    if (issue.kind === "categorical")
      issue.options.forEach((o, k) => checkXmlText(o, ["issues", i, "options", k], err));
  });
  const withPrefs = scenario.parties.filter((p) => p.preferences);
  const needsDiscrete = new Set<string>();
  const needsInteger = new Set<string>();
  for (const party of withPrefs) {
    const u = party.preferences!.utility;
    if (u.kind === "linear-additive") {
      for (const issue of scenario.issues) {
        const fn = u.values[issue.id];
        if (fn && (u.weights[issue.id] ?? 0) !== 0 && !numericFunctionFits(issue, fn)) needsDiscrete.add(issue.id);
      }
    } else if (u.kind === "hyper-rectangles") {
      for (const r of u.rectangles) for (const b of [...r.includes, ...(r.excludes ?? [])]) needsInteger.add(b.issue);
    } else {
      for (const issue of scenario.issues) needsInteger.add(issue.id);
    }
  }
  const plans: IssuePlan[] = scenario.issues.map((issue, i) => {
    const index = i + 1;
    if (issue.kind === "categorical") return { issue, index, as: "discrete", values: issue.options, labels: issue.options };
    if (!needsDiscrete.has(issue.id)) return { issue, index, as: issue.kind };
    const values = issueValues(issue);
    return { issue, index, as: "discrete", values, labels: values.map((v) => String(v)) };
  });
  for (const plan of plans) {
    const i = plan.index - 1;
    if (plan.as === "discrete" && plan.issue.kind !== "categorical") {
      if (plan.values.length > MAX_DISCRETE_VALUES)
        err(
          ["issues", i],
          `issue "${plan.issue.id}" would need ${plan.values.length} discrete items (a party scores it ` +
            `with a non-linear function); the limit is ${MAX_DISCRETE_VALUES}`,
        );
      else
        warn(
          ["issues", i],
          `${plan.issue.kind} issue "${plan.issue.id}" is written as a discrete issue (its values as items), ` +
            "because a party scores it with a function GENIUS has no evaluator for",
        );
    }
    if (plan.as === "real" && plan.issue.kind === "real") {
      const { min, max, step } = plan.issue;
      const grid = max > min ? (max - min) / GENIUS_DEFAULT_REAL_INTERVALS : step;
      if (Math.abs(step - grid) > 1e-12 * Math.max(1, Math.abs(grid)))
        warn(
          ["issues", i, "step"],
          `GENIUS real issues have no step: reading "${plan.issue.id}" back gives a grid of ` +
            `${GENIUS_DEFAULT_REAL_INTERVALS} intervals (step ${grid}) unless realIntervals says otherwise`,
        );
    }
    if (needsInteger.has(plan.issue.id) && plan.as !== "integer")
      err(
        ["issues", i],
        `issue "${plan.issue.id}" is used by hyper-rectangles or a utility table, which GENIUS only supports over integer issues`,
      );
  }

  // File names: the party ids, made safe; the domain after the scenario id.
  const taken = new Set<string>();
  const fileName = (wanted: string): string => {
    const base = wanted.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_") || "_";
    let name = `${base}.xml`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.xml`;
    taken.add(name.toLowerCase());
    return name;
  };
  const profiles: GeniusFile[] = [];
  scenario.parties.forEach((party, p) => {
    if (!party.preferences) {
      warn(["parties", p], `party "${party.id}" has no preferences and gets no GENIUS profile`);
      return;
    }
    const name = fileName(party.id);
    if (name !== `${party.id}.xml`)
      warn(["parties", p, "id"], `party "${party.id}" is written to ${name}; reading the folder back gives the party id "${name.slice(0, -4)}"`);
    const text = writeProfile(party, p, plans, err, warn);
    if (text !== undefined) profiles.push({ name, text });
  });
  const domainName = fileName(`${scenario.id}-domain`);
  scenario.frameworks.forEach((f, k) =>
    warn(["frameworks", k], `framework "${f.id}" has no GENIUS form and is not written`),
  );
  if (issues.some((i) => i.severity === "error")) return { ok: false, issues };
  return { ok: true, value: { domain: { name: domainName, text: writeDomain(plans) }, profiles }, warnings: issues };
}

/** Whether a numeric issue's value function has a GENIUS evaluator (linear; triangular on real issues). */
function numericFunctionFits(issue: Issue, fn: ValueFunction): boolean {
  if (issue.kind === "categorical") return true;
  if (fn.kind === "linear") return true;
  if (fn.kind === "peaked") return issue.kind === "real" && fn.low < fn.peak && fn.peak < fn.high;
  return false;
}

function writeDomain(plans: readonly IssuePlan[]): string {
  const lines = [
    "<negotiation_template>",
    `<utility_space number_of_issues="${plans.length}">`,
    '<objective index="0" description="" name="root" type="objective" etype="objective">',
  ];
  for (const plan of plans) lines.push(...issueDeclaration(plan, undefined));
  lines.push("</objective>", "</utility_space>", "</negotiation_template>", "");
  return lines.join("\n");
}

/** An `<issue>` element; with `body`, the profile's evaluations (items) or evaluator lines go inside. */
function issueDeclaration(plan: IssuePlan, body: ((k: number) => string) | string[] | undefined): string[] {
  const id = attr(plan.issue.id);
  if (plan.as === "discrete") {
    const items = plan.labels.map((label, k) => {
      const evaluation = typeof body === "function" ? ` evaluation="${body(k)}"` : "";
      return `  <item index="${k + 1}" value="${attr(label)}"${evaluation} />`;
    });
    return [`<issue index="${plan.index}" name="${id}" vtype="discrete" type="discrete" etype="discrete">`, ...items, "</issue>"];
  }
  const issue = plan.issue as Extract<Issue, { kind: "integer" | "real" }>;
  const bounds = `lowerbound="${num(issue.min)}" upperbound="${num(issue.max)}"`;
  const head = `<issue index="${plan.index}" name="${id}" vtype="${plan.as}" type="${plan.as}" etype="${plan.as}" ${bounds}`;
  const inner = Array.isArray(body) ? body : [];
  // GENIUS reads real-issue bounds from a <range> child in profiles.
  if (plan.as === "real") inner.unshift(`  <range ${bounds} />`);
  return inner.length === 0 ? [`${head} />`] : [`${head}>`, ...inner, "</issue>"];
}

type Report = (path: (string | number)[], message: string, code?: FormatIssue["code"]) => void;

function writeProfile(
  party: Party,
  p: number,
  plans: readonly IssuePlan[],
  err: Report,
  warn: (path: (string | number)[], message: string) => void,
): string | undefined {
  const prefs = party.preferences!;
  const at = (...rest: (string | number)[]): (string | number)[] => ["parties", p, "preferences", ...rest];
  if (prefs.redLines && prefs.redLines.length > 0)
    warn(at("redLines"), `party "${party.id}": red lines have no GENIUS form and are not written`);
  const tail: string[] = [];
  if (prefs.reservation !== undefined) {
    if (Number.isFinite(prefs.reservation)) tail.push(`<reservation value="${num(prefs.reservation)}" />`);
    else err(at("reservation"), `party "${party.id}": the reservation value must be a finite number`, "PARLEY_FMT_VALUE");
  }
  if (prefs.discount !== undefined && prefs.discount !== 1) {
    if (prefs.discount > 0 && prefs.discount < 1) tail.push(`<discount_factor value="${num(prefs.discount)}" />`);
    else warn(at("discount"), `party "${party.id}": discount ${prefs.discount} is outside (0, 1], which GENIUS reads as no discounting`);
  }
  const u = prefs.utility;
  const errAt: Report = (rest, message, code) => err(at("utility", ...rest), message, code);
  const body =
    u.kind === "linear-additive"
      ? linearProfile(u, party, plans, errAt)
      : hyperRectangleProfile(
          u.kind === "table" ? tableAsRectangles(u, party, plans, errAt, warn, at("utility")) : u,
          party,
          plans,
          errAt,
          warn,
          at("utility"),
        );
  if (body === undefined) return undefined;
  return [...body.head, ...tail, body.close, ""].join("\n");
}

function linearProfile(
  u: LinearAdditiveUtility,
  party: Party,
  plans: readonly IssuePlan[],
  err: Report,
): { head: string[]; close: string } | undefined {
  const known = new Set(plans.map((pl) => pl.issue.id));
  let ok = true;
  for (const [field, record] of [["weights", u.weights], ["values", u.values]] as const)
    for (const id of Object.keys(record))
      if (!known.has(id)) {
        err([field, id], `party "${party.id}" refers to unknown issue "${id}"`, "PARLEY_FMT_REFERENCE");
        ok = false;
      }
  const lines = ["<utility_space>", '<objective index="0" description="" name="root" type="objective" etype="objective">'];
  const weights: string[] = [];
  for (const plan of plans) {
    const id = plan.issue.id;
    const w = u.weights[id] ?? 0;
    const fn = u.values[id];
    if (!Number.isFinite(w)) {
      err(["weights", id], `party "${party.id}": the weight of "${id}" must be a finite number`, "PARLEY_FMT_VALUE");
      ok = false;
      continue;
    }
    if (plan.as === "discrete") {
      const scores = plan.values.map((v) => (fn ? valueScore(fn, plan.issue, v) : 0));
      const bad = scores.findIndex((s) => !Number.isFinite(s) || (s < 0 && w !== 0));
      if (bad >= 0) {
        err(
          ["values", id],
          `party "${party.id}" scores "${plan.labels[bad]}" of issue "${id}" ${scores[bad]}; GENIUS evaluations are finite numbers ≥ 0`,
          "PARLEY_FMT_VALUE",
        );
        ok = false;
        continue;
      }
      // GENIUS divides by the largest evaluation, so fold that largest score into the weight.
      const max = Math.max(0, ...scores);
      const evals = scores.map((s) => (max > 0 ? Math.max(0, s) / max : 0));
      lines.push(...issueDeclaration(plan, (k) => num(evals[k]!)));
      weights.push(`<weight index="${plan.index}" value="${num(max > 0 ? w * max : w)}" />`);
      continue;
    }
    const issue = plan.issue as Extract<Issue, { kind: "integer" | "real" }>;
    let evaluator: string;
    if (!fn || w === 0) evaluator = `<evaluator ftype="linear" slope="0" offset="0" />`;
    else if (fn.kind === "linear") {
      if (!Number.isFinite(fn.slope) || !Number.isFinite(fn.offset)) {
        err(["values", id], `party "${party.id}": the linear function of "${id}" needs a finite slope and offset`, "PARLEY_FMT_VALUE");
        ok = false;
        continue;
      }
      // slope/offset for GENIUS 5+ integer issues and Parley; parameter1·x + parameter0 for GENIUS real issues.
      evaluator =
        plan.as === "real"
          ? `<evaluator ftype="linear" slope="${num(fn.slope)}" offset="${num(fn.offset)}" ` +
            `parameter0="${num(fn.offset - fn.slope * issue.min)}" parameter1="${num(fn.slope)}" />`
          : `<evaluator ftype="linear" slope="${num(fn.slope)}" offset="${num(fn.offset)}" />`;
    } else if (fn.kind === "peaked") {
      evaluator = `<evaluator ftype="triangular" parameter0="${num(fn.low)}" parameter1="${num(fn.high)}" parameter2="${num(fn.peak)}" />`;
    } else {
      // Unreachable: such issues are planned as discrete.
      err(["values", id], `party "${party.id}": a ${fn.kind} function on "${id}" has no GENIUS form`);
      ok = false;
      continue;
    }
    lines.push(...issueDeclaration(plan, [`  ${evaluator}`]));
    weights.push(`<weight index="${plan.index}" value="${num(w)}" />`);
  }
  if (!ok) return undefined;
  lines.push(...weights, "</objective>");
  return { head: lines, close: "</utility_space>" };
}

/** A table utility over integer issues as point rectangles: default everywhere, plus (entry − default) at each entry. */
function tableAsRectangles(
  u: TableUtility,
  party: Party,
  plans: readonly IssuePlan[],
  err: Report,
  warn: (path: (string | number)[], message: string) => void,
  at: (string | number)[],
): HyperRectangleUtility | undefined {
  const fallback = u.default ?? 0;
  const byOutcome = new Map<string, { outcome: Record<string, number>; utility: number }>();
  let ok = true;
  u.entries.forEach((entry, e) => {
    const outcome: Record<string, number> = {};
    for (const plan of plans) {
      const v = entry.outcome[plan.issue.id];
      if (v === undefined || issueValueIndex(plan.issue, v) < 0) {
        err(["entries", e], `party "${party.id}": table entry ${e} has no valid value for issue "${plan.issue.id}"`, "PARLEY_FMT_REFERENCE");
        ok = false;
        return;
      }
      outcome[plan.issue.id] = v as number;
    }
    // Later entries win, as in the core.
    byOutcome.set(JSON.stringify(plans.map((pl) => outcome[pl.issue.id])), { outcome, utility: entry.utility });
  });
  if (!ok) return undefined;
  const values = [fallback, ...[...byOutcome.values()].map((x) => x.utility)];
  if (values.some((x) => !(x >= 0 && x <= 1)))
    warn(at, `party "${party.id}": table utilities outside [0, 1] are clamped when written as GENIUS hyper-rectangles`);
  warn(at, `party "${party.id}": the utility table is written as GENIUS point hyper-rectangles`);
  const rectangles = [
    ...(fallback !== 0 ? [{ utility: fallback, includes: [] }] : []),
    ...[...byOutcome.values()].flatMap(({ outcome, utility }) =>
      utility === fallback
        ? []
        : [
            {
              utility: utility - fallback,
              includes: plans.map((pl) => ({ issue: pl.issue.id, min: outcome[pl.issue.id]!, max: outcome[pl.issue.id]! })),
            },
          ],
    ),
  ];
  return { kind: "hyper-rectangles", rectangles, normalizer: 1 };
}

interface GeniusBound {
  readonly index: number;
  readonly min: number;
  readonly max: number;
}

function hyperRectangleProfile(
  u: HyperRectangleUtility | undefined,
  party: Party,
  plans: readonly IssuePlan[],
  err: Report,
  warn: (path: (string | number)[], message: string) => void,
  at: (string | number)[],
): { head: string[]; close: string } | undefined {
  if (!u) return undefined;
  const planOf = new Map(plans.map((pl) => [pl.issue.id, pl] as const));
  let ok = true;
  /** A Parley bound as GENIUS integer bounds, clipped to the issue; null when it admits no value. */
  const toGenius = (b: { issue: string; min: number; max: number }, r: number): GeniusBound | null | undefined => {
    const plan = planOf.get(b.issue);
    if (!plan) {
      err(["rectangles", r], `party "${party.id}": a rectangle bounds unknown issue "${b.issue}"`, "PARLEY_FMT_REFERENCE");
      ok = false;
      return undefined;
    }
    if (plan.as !== "integer" || plan.issue.kind !== "integer") return undefined; // reported with the plans
    const min = Math.max(Math.ceil(b.min), plan.issue.min);
    const max = Math.min(Math.floor(b.max), plan.issue.max);
    return min <= max ? { index: plan.index, min, max } : null;
  };
  const normalizer = u.normalizer ?? u.rectangles.reduce((s, r) => s + (r.utility > 0 ? r.utility : 0), 0);
  const rects: { utility: number; includes: GeniusBound[]; excludes: GeniusBound[] }[] = [];
  // A lower bound on the total: every negative rectangle, plus the rectangles that always count.
  const lowest = u.rectangles.reduce(
    (s, r) => s + (r.utility < 0 ? r.utility : r.includes.length === 0 && !r.excludes?.length ? r.utility : 0),
    0,
  );
  if (lowest < 0)
    warn(at, `party "${party.id}": negative rectangle utilities can make a GENIUS total negative, where Parley clamps it at 0`);
  u.rectangles.forEach((r, k) => {
    if (!Number.isFinite(r.utility)) {
      err(["rectangles", k, "utility"], `party "${party.id}": rectangle utilities must be finite`, "PARLEY_FMT_VALUE");
      ok = false;
      return;
    }
    const base = new Map<number, GeniusBound>();
    let empty = false;
    for (const b of r.includes) {
      const g = toGenius(b, k);
      if (g === undefined) continue;
      if (g === null || !narrow(base, g)) empty = true;
    }
    const excludes: GeniusBound[] = [];
    for (const b of r.excludes ?? []) {
      const g = toGenius(b, k);
      if (g) excludes.push(g); // null: the bound holds no value, so it never excludes
    }
    if (empty || r.utility === 0) return;
    if (base.size === 0 && excludes.length === 1) {
      rects.push({ utility: r.utility, includes: [], excludes });
      return;
    }
    if (excludes.length > MAX_EXCLUDES) {
      err(
        ["rectangles", k, "excludes"],
        `party "${party.id}": a rectangle with more than ${MAX_EXCLUDES} EXCLUDES bounds is too large to write for GENIUS`,
      );
      ok = false;
      return;
    }
    // Parley: inside `includes` and outside every exclude bound = Σ_S (−1)^|S| [inside includes ∩ bounds in S].
    for (let mask = 0; mask < 1 << excludes.length; mask++) {
      const box = new Map(base);
      let sign = 1;
      let nonEmpty = true;
      excludes.forEach((g, j) => {
        if (mask & (1 << j)) {
          sign = -sign;
          if (!narrow(box, g)) nonEmpty = false;
        }
      });
      if (nonEmpty) rects.push({ utility: sign * r.utility, includes: [...box.values()].sort((a, b) => a.index - b.index), excludes: [] });
    }
  });
  if (!ok) return undefined;
  let maxutility = normalizer;
  if (!(normalizer > 0)) {
    warn(at, `party "${party.id}": the normaliser is not positive, so the utility is 0 everywhere; written as an empty GENIUS utility`);
    rects.length = 0;
    maxutility = 1;
  }
  const lines = [
    '<utility_space type="nonlinear">',
    '<objective index="0" description="" name="root" type="objective" etype="objective">',
  ];
  for (const plan of plans) lines.push(...issueDeclaration(plan, undefined));
  lines.push(`<utility maxutility="${num(maxutility)}">`, '<ufun type="PlainUfun" weight="1" aggregation="sum">');
  for (const r of rects) {
    lines.push(`  <hyperRectangle utility="${num(r.utility)}">`);
    for (const b of r.includes) lines.push(`    <INCLUDES index="${b.index}" min="${b.min}" max="${b.max}" />`);
    for (const b of r.excludes) lines.push(`    <EXCLUDES index="${b.index}" min="${b.min}" max="${b.max}" />`);
    lines.push("  </hyperRectangle>");
  }
  lines.push("</ufun>", "</utility>", "</objective>");
  return { head: lines, close: "</utility_space>" };
}

/** Intersect the box with a bound; false when the box becomes empty. */
function narrow(box: Map<number, GeniusBound>, g: GeniusBound): boolean {
  const prior = box.get(g.index);
  const min = prior ? Math.max(prior.min, g.min) : g.min;
  const max = prior ? Math.min(prior.max, g.max) : g.max;
  box.set(g.index, { index: g.index, min, max });
  return min <= max;
}

/** Shortest text that reads back as the same double (and that Java's Double.valueOf accepts). */
function num(x: number): string {
  return Object.is(x, -0) ? "0" : String(x);
}

// Characters XML 1.0 cannot carry at all, even as references.
// eslint-disable-next-line no-control-regex
const illegalXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkXmlText(s: string, path: (string | number)[], err: Report): void {
  if (illegalXmlChars.test(s))
    err(path, `${JSON.stringify(s)} contains a control character that XML cannot carry`, "PARLEY_FMT_VALUE");
}

/** Escape an attribute value; tabs and line breaks become references so they survive XML's whitespace rules. */
function attr(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
