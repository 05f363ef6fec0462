// GENIUS profile files (`<utility_space>` with evaluations and weights, or ANAC 2014 hyper-rectangles).
import { issueValues, listOf, type HyperRectangle, type Issue, type Preferences, type Utility, type ValueFunction } from "@parley/core";
import type { ParseResult } from "../format-issue.js";
import { collectScope, readDeclaredIssue, type DeclaredIssue, type Scope } from "./declarations.js";
import type { GeniusDomain } from "./genius-domain.js";
import { GeniusReport, neverThrow } from "./report.js";
import { childNamed, childrenNamed, parseXmlTree, type XmlElement } from "./xml-tree.js";

/** GENIUS scores a discrete issue 0 everywhere when its largest evaluation is below this. */
const GENIUS_MIN_EVAL_MAX = 1e-5;

/** Elements a profile may hold. Anything else is reported (as a warning) and ignored. */
const knownProfileElements = new Set([
  "utility_space",
  "objective",
  "issue",
  "item",
  "weight",
  "reservation",
  "discount_factor",
  "evaluator",
  "range",
  "utility",
  "ufun",
  "hyperRectangle",
  "INCLUDES",
  "EXCLUDES",
  // Hints for GENIUS's Bayesian opponent models; they take no part in the utility.
  "similarity_function",
  "criteria_function",
]);

/**
 * Parse a GENIUS profile against its domain. Linear-additive profiles (the common kind) become a
 * `linear-additive` utility with GENIUS's semantics, u = min(1, Σᵢ wᵢ·eᵢ): discrete issues score
 * evaluation / (largest evaluation of the issue), or 0 when that largest is below 1e-5; integer and
 * real issues use their `<evaluator>`. Weights are used as written. ANAC 2014 non-linear profiles
 * (`<utility maxutility><ufun><hyperRectangle>`) become a `hyper-rectangles` utility. Never throws.
 */
export function parseGeniusProfile(
  text: string,
  domain: GeniusDomain,
  options: { readonly file?: string } = {},
): ParseResult<Preferences> {
  const { file } = options;
  return neverThrow(file, () => {
    const parsed = parseXmlTree(text, file);
    if (!parsed.ok) return { ok: false, issues: parsed.issues };
    const report = new GeniusReport(file, parsed.doc);
    const prefs = readProfile(parsed.doc.root, domain, report);
    if (!prefs || report.hasErrors) return { ok: false, issues: report.issues };
    return { ok: true, value: prefs, warnings: report.issues };
  });
}

/** A domain issue with its GENIUS number, for matching profile elements. */
interface DomainEntry {
  readonly issue: Issue;
  readonly index: number;
  readonly name: string;
}

/** Read a parsed profile document (for callers that already parsed the XML). */
export function readProfile(root: XmlElement, domain: GeniusDomain, report: GeniusReport): Preferences | undefined {
  if (root.name === "negotiation_template") {
    report.error("PARLEY_FMT_GENIUS", root, "this is a GENIUS domain file (<negotiation_template>), not a profile");
    return undefined;
  }
  if (root.name !== "utility_space") {
    report.error("PARLEY_FMT_GENIUS", root, `expected a GENIUS profile (<utility_space>), found <${root.name}>`);
    return undefined;
  }
  warnUnknownElements(root, report);
  const scope = collectScope(root);
  const byIndex = new Map<number, DomainEntry>();
  domain.issues.forEach((issue, i) => {
    const src = domain.sources[i]!;
    byIndex.set(src.index, { issue, index: src.index, name: src.name });
  });
  const { declared, rejected } = matchDeclaredIssues(scope, byIndex, domain, report);

  const containers = [root, ...scope.objectives];
  const reservationEl = firstOf(containers, "reservation", report);
  const discountEl = firstOf(containers, "discount_factor", report);
  const reservation = reservationEl ? report.number(reservationEl, "value", "the reservation value") : undefined;
  if (reservation !== undefined && reservationEl && (reservation < 0 || reservation > 1))
    report.warning("PARLEY_FMT_VALUE", reservationEl, `reservation value ${reservation} is outside [0, 1]`, "value");
  let discount = discountEl ? report.number(discountEl, "value", "the discount factor") : undefined;
  if (discount !== undefined && discountEl && (discount <= 0 || discount > 1)) {
    // GENIUS (UtilitySpace.validateDiscount) treats d ≤ 0 or d > 1 as "no discounting".
    if (discount < 0 || discount > 1)
      report.warning(
        "PARLEY_FMT_VALUE",
        discountEl,
        `discount factor ${discount} is outside [0, 1]; GENIUS discards it, and so does Parley (no discounting)`,
        "value",
      );
    discount = undefined;
  }

  const nonlinear =
    root.attrs["type"]?.trim().toLowerCase() === "nonlinear" || containers.some((c) => childNamed(c, "utility"));
  const utility = nonlinear
    ? readHyperRectangles(containers, scope, byIndex, report)
    : readLinearAdditive(scope, byIndex, declared, rejected, domain, report);
  if (!utility) return undefined;
  return {
    utility,
    ...(reservation !== undefined ? { reservation } : {}),
    ...(discount !== undefined && discount !== 1 ? { discount } : {}),
  };
}

function firstOf(containers: readonly XmlElement[], name: string, report: GeniusReport): XmlElement | undefined {
  const all = containers.flatMap((c) => childrenNamed(c, name));
  for (const extra of all.slice(1))
    report.warning("PARLEY_FMT_DUPLICATE", extra, `a second <${name}> is ignored; the first (line ${all[0]!.line}) counts`);
  return all[0];
}

function warnUnknownElements(el: XmlElement, report: GeniusReport): void {
  for (const child of el.children) {
    if (!knownProfileElements.has(child.name)) {
      report.warning("PARLEY_FMT_GENIUS", child, `<${child.name}> is not a GENIUS profile element Parley knows; it is ignored`);
      continue;
    }
    if (child.name === "similarity_function" || child.name === "criteria_function") continue;
    warnUnknownElements(child, report);
  }
}

/** Check the profile's `<issue>` declarations against the domain: same numbers, names, types and bounds. */
function matchDeclaredIssues(
  scope: Scope,
  byIndex: ReadonlyMap<number, DomainEntry>,
  domain: GeniusDomain,
  report: GeniusReport,
): { declared: Map<number, DeclaredIssue>; rejected: Set<number> } {
  const out = new Map<number, DeclaredIssue>();
  const rejected = new Set<number>();
  const domainFile = domain.file !== undefined ? ` (${domain.file})` : "";
  for (const el of scope.issues) {
    const d = readDeclaredIssue(el, report, { optionalBounds: true });
    if (!d || d.index === undefined) continue;
    rejected.add(d.index); // until it passes every check below
    const entry = byIndex.get(d.index);
    if (!entry) {
      report.error(
        "PARLEY_FMT_REFERENCE",
        el,
        `issue index="${d.index}"${d.name !== undefined ? ` ("${d.name}")` : ""} is not an issue of the domain${domainFile}`,
        "index",
      );
      continue;
    }
    if (out.has(d.index)) {
      report.error("PARLEY_FMT_DUPLICATE", el, `issue index="${d.index}" is defined twice in this profile`, "index");
      out.delete(d.index);
      continue;
    }
    if (d.name !== undefined && d.name !== entry.name) {
      report.error(
        "PARLEY_FMT_REFERENCE",
        el,
        `issue index="${d.index}" is named "${d.name}" here but "${entry.name}" in the domain${domainFile}`,
        "name",
      );
      continue;
    }
    const kind = entry.issue.kind === "categorical" ? "discrete" : entry.issue.kind;
    if (d.type !== kind) {
      report.error(
        "PARLEY_FMT_GENIUS",
        el,
        `issue "${entry.name}" is ${d.type} here but ${kind} in the domain${domainFile}`,
      );
      continue;
    }
    const issue = entry.issue;
    if (issue.kind !== "categorical") {
      if ((d.lower !== undefined && d.lower !== issue.min) || (d.upper !== undefined && d.upper !== issue.max)) {
        report.error(
          "PARLEY_FMT_VALUE",
          el,
          `issue "${entry.name}" has bounds [${d.lower ?? issue.min}, ${d.upper ?? issue.max}] here but [${issue.min}, ${issue.max}] in the domain${domainFile}`,
        );
        continue;
      }
    }
    out.set(d.index, d);
    rejected.delete(d.index);
  }
  return { declared: out, rejected };
}

function readLinearAdditive(
  scope: Scope,
  byIndex: ReadonlyMap<number, DomainEntry>,
  declared: ReadonlyMap<number, DeclaredIssue>,
  rejected: ReadonlySet<number>,
  domain: GeniusDomain,
  report: GeniusReport,
): Utility | undefined {
  const objectiveIndices = new Set<number>(domain.objectiveIndices);
  for (const o of scope.objectives) {
    const n = Number(o.attrs["index"]);
    if (Number.isInteger(n)) objectiveIndices.add(n);
  }
  const weightEls = new Map<number, XmlElement>();
  const weights: Record<string, number> = {};
  for (const w of scope.weights) {
    const index = report.number(w, "index", "the number of the weighted issue", { integer: true });
    const value = report.number(w, "value", "the weight");
    if (index === undefined || value === undefined) continue;
    const entry = byIndex.get(index);
    if (!entry) {
      // GENIUS weighs objectives too (hierarchical weights), but they do not enter the utility.
      if (!objectiveIndices.has(index))
        report.error("PARLEY_FMT_REFERENCE", w, `weight index="${index}" is not the number of any issue of the domain`, "index");
      continue;
    }
    const prior = weightEls.get(index);
    if (prior)
      report.warning(
        "PARLEY_FMT_DUPLICATE",
        w,
        `issue "${entry.name}" has a second weight; it replaces the one on line ${prior.line}, as in GENIUS`,
      );
    weightEls.set(index, w);
    weights[entry.issue.id] = value;
  }

  const anchor = scope.objectives[0];
  const values: Record<string, ValueFunction> = {};
  for (const entry of byIndex.values()) {
    const d = declared.get(entry.index);
    const hasWeight = weightEls.has(entry.index);
    if (!d) {
      if (rejected.has(entry.index)) continue; // its declaration was already reported
      report.error(
        "PARLEY_FMT_GENIUS",
        anchor,
        `the profile does not define issue "${entry.name}" (index ${entry.index}); every domain issue needs an <issue> with its evaluations`,
      );
      continue;
    }
    if (!hasWeight)
      report.error(
        "PARLEY_FMT_GENIUS",
        d.el,
        `issue "${entry.name}" has no <weight index="${entry.index}" value="…">; GENIUS needs a weight for every issue`,
      );
    const fn = entry.issue.kind === "categorical" ? discreteScores(entry, d, report) : evaluatorFunction(entry, d, report);
    if (fn) values[entry.issue.id] = fn;
  }
  return { kind: "linear-additive", weights, values };
}

/** Discrete issue: eval / max eval, or all 0 when the max is below 1e-5 (GENIUS EvaluatorDiscrete). */
function discreteScores(entry: DomainEntry, d: DeclaredIssue, report: GeniusReport): ValueFunction | undefined {
  if (entry.issue.kind !== "categorical") return undefined;
  const evals = new Map<string, number>();
  const where = new Map<string, XmlElement>();
  let ok = true;
  const mentioned = new Set(d.items.map((item) => item.value));
  const options = new Set(entry.issue.options);
  for (const item of d.items) {
    const ev = report.number(item.el, "evaluation", `the evaluation of "${item.value}"`);
    if (ev === undefined) {
      ok = false;
      continue;
    }
    if (!options.has(item.value)) {
      report.error(
        "PARLEY_FMT_REFERENCE",
        item.el,
        `"${item.value}" is not a value of issue "${entry.name}" in the domain`,
        "value",
      );
      ok = false;
      continue;
    }
    if (ev < 0) {
      report.error("PARLEY_FMT_VALUE", item.el, `evaluation ${ev} is negative; GENIUS evaluations are ≥ 0`, "evaluation");
      ok = false;
      continue;
    }
    const prior = where.get(item.value);
    if (prior)
      report.warning(
        "PARLEY_FMT_DUPLICATE",
        item.el,
        `"${item.value}" is evaluated twice in issue "${entry.name}"; this one replaces line ${prior.line}, as in GENIUS`,
      );
    evals.set(item.value, ev);
    where.set(item.value, item.el);
  }
  const missing = entry.issue.options.filter((o) => !mentioned.has(o));
  if (missing.length > 0) {
    report.error(
      "PARLEY_FMT_REFERENCE",
      d.el,
      `issue "${entry.name}" gives no evaluation for ${listOf(missing.map((m) => `"${m}"`))}`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  let max = 0;
  for (const v of evals.values()) if (v > max) max = v;
  const scores: Record<string, number> = {};
  for (const option of entry.issue.options) scores[option] = max < GENIUS_MIN_EVAL_MAX ? 0 : evals.get(option)! / max;
  return { kind: "table", scores };
}

/**
 * Integer and real issues: the `<evaluator>`. `slope`/`offset` (GENIUS 5+) score
 * clamp(offset + slope·(x − lowerbound), 0, 1); the older `parameter1`/`parameter0` score
 * clamp(parameter1·x + parameter0, 0, 1). Real issues also allow `constant` and `triangular`.
 */
function evaluatorFunction(entry: DomainEntry, d: DeclaredIssue, report: GeniusReport): ValueFunction | undefined {
  const issue = entry.issue;
  if (issue.kind === "categorical") return undefined;
  const ev = childNamed(d.el, "evaluator");
  if (!ev) {
    report.warning(
      "PARLEY_FMT_GENIUS",
      d.el,
      `${issue.kind} issue "${entry.name}" has no <evaluator>; it scores 0 everywhere, as in GENIUS`,
    );
    return { kind: "linear", slope: 0, offset: 0 };
  }
  const ftype = (ev.attrs["ftype"] ?? "linear").trim().toLowerCase();
  const what = `the evaluator of "${entry.name}"`;
  if (ftype === "linear") {
    if (ev.attrs["slope"] !== undefined || ev.attrs["offset"] !== undefined) {
      const slope = report.number(ev, "slope", what);
      const offset = report.number(ev, "offset", what);
      if (slope === undefined || offset === undefined) return undefined;
      return { kind: "linear", slope, offset };
    }
    if (ev.attrs["parameter1"] !== undefined || ev.attrs["parameter0"] !== undefined) {
      const p1 = report.number(ev, "parameter1", `${what}: the slope`);
      const p0 = report.number(ev, "parameter0", `${what}: the value at 0`);
      if (p0 === undefined || p1 === undefined) return undefined;
      // parameter1·x + parameter0 = offset + slope·(x − min) with offset = parameter0 + parameter1·min.
      return { kind: "linear", slope: p1, offset: p0 + p1 * issue.min };
    }
    report.error("PARLEY_FMT_GENIUS", ev, `a linear <evaluator> needs slope="…" and offset="…" (${what})`);
    return undefined;
  }
  if (ftype === "constant") {
    const c = report.number(ev, "parameter0", `${what}: the constant`);
    if (c === undefined) return undefined;
    if (c < 0 || c > 1)
      report.warning("PARLEY_FMT_VALUE", ev, `constant evaluation ${c} is outside [0, 1]; Parley clamps it`, "parameter0");
    return { kind: "linear", slope: 0, offset: c };
  }
  if (ftype === "triangular" && issue.kind === "real") {
    const low = report.number(ev, "parameter0", `${what}: the lower end`);
    const high = report.number(ev, "parameter1", `${what}: the upper end`);
    const top = report.number(ev, "parameter2", `${what}: the top`);
    if (low === undefined || high === undefined || top === undefined) return undefined;
    if (low < top && top < high) return { kind: "peaked", low, peak: top, high };
    // Degenerate triangles: tabulate GENIUS's own formula on Parley's grid.
    const scores: Record<string, number> = {};
    for (const x of issueValues(issue) as number[]) scores[String(x)] = geniusTriangular(x, low, high, top);
    return { kind: "table", scores };
  }
  report.error(
    "PARLEY_FMT_GENIUS",
    ev,
    `evaluator ftype="${ev.attrs["ftype"] ?? ""}" is not supported for ${issue.kind} issues (supported: linear, constant${issue.kind === "real" ? ", triangular" : ""})`,
    "ftype",
  );
  return undefined;
}

/** GENIUS EVALFUNCTYPE.evalTriangular. */
function geniusTriangular(x: number, low: number, high: number, top: number): number {
  if (x < low) return 0;
  if (x < top) return (x - low) / (top - low);
  if (x < high) return 1 - (x - top) / (high - top);
  return 0;
}

/**
 * ANAC 2014 non-linear profiles. GENIUS (NonlinearUtilitySpace.getUtility) computes
 * u = min(1, ufun(ω) / maxutility), where ufun sums `utility × weight` over its hyper-rectangles
 * (rectangle `weight` defaults to 1). An INCLUDES rectangle counts when every bound holds. An
 * EXCLUDES rectangle counts when *some* bound fails, i.e. when ω lies outside the box the bounds
 * make; a rectangle with both kinds uses only its EXCLUDES (GENIUS replaces the inclusive one), and
 * one with neither counts always. Bounds refer to issues by index and are inclusive.
 *
 * Parley maps a one-bound EXCLUDES rectangle to `excludes` directly. With several bounds, "outside
 * the box" is written exactly as two rectangles: +utility always, −utility inside the box.
 */
function readHyperRectangles(
  containers: readonly XmlElement[],
  scope: Scope,
  byIndex: ReadonlyMap<number, DomainEntry>,
  report: GeniusReport,
): Utility | undefined {
  for (const w of scope.weights)
    report.warning("PARLEY_FMT_GENIUS", w, "a <weight> in a non-linear profile has no effect; it is ignored");
  const utilityEls = containers.flatMap((c) => childrenNamed(c, "utility"));
  const utilityEl = utilityEls[0];
  if (!utilityEl) {
    report.error("PARLEY_FMT_GENIUS", containers[0], `a non-linear profile needs <utility maxutility="…"><ufun>…`);
    return undefined;
  }
  for (const extra of utilityEls.slice(1))
    report.warning("PARLEY_FMT_GENIUS", extra, "only the first <utility> counts in GENIUS; this one is ignored");
  const maxutility = report.number(utilityEl, "maxutility", "the normaliser of the non-linear utility");
  if (maxutility !== undefined && !(maxutility > 0))
    report.error("PARLEY_FMT_VALUE", utilityEl, `maxutility must be positive (got ${maxutility})`, "maxutility");
  const ufuns = childrenNamed(utilityEl, "ufun");
  const ufun = ufuns[0];
  if (!ufun) {
    report.error("PARLEY_FMT_GENIUS", utilityEl, "<utility> has no <ufun>");
    return undefined;
  }
  for (const extra of ufuns.slice(1))
    report.warning("PARLEY_FMT_GENIUS", extra, "only the first <ufun> counts in GENIUS; this one is ignored");
  const aggregation = (ufun.attrs["aggregation"] ?? "sum").trim().toLowerCase();
  if (aggregation !== "sum")
    report.error(
      "PARLEY_FMT_GENIUS",
      ufun,
      `ufun aggregation="${ufun.attrs["aggregation"]}" is not supported; only "sum" (the ANAC 2014 kind)`,
      "aggregation",
    );
  const ufunWeight = report.number(ufun, "weight", "the ufun weight", { optional: true });
  if (ufunWeight !== undefined && ufunWeight !== 1)
    report.error("PARLEY_FMT_GENIUS", ufun, `a ufun weight other than 1 is not supported (got ${ufunWeight})`, "weight");
  for (const inner of childrenNamed(ufun, "ufun"))
    report.error("PARLEY_FMT_GENIUS", inner, "nested <ufun> elements are not supported");

  const rectangles: HyperRectangle[] = [];
  let negative = false;
  for (const rect of childrenNamed(ufun, "hyperRectangle")) {
    const u = report.number(rect, "utility", "the rectangle's utility");
    const w = report.number(rect, "weight", "the rectangle's weight", { optional: true }) ?? 1;
    if (u === undefined) continue;
    const utility = u * w;
    if (utility < 0) negative = true;
    const includes = readBounds(rect, "INCLUDES", byIndex, report);
    const excludes = readBounds(rect, "EXCLUDES", byIndex, report);
    if (!includes || !excludes) continue;
    if (excludes.length > 0 && includes.length > 0)
      report.warning(
        "PARLEY_FMT_GENIUS",
        rect,
        "a hyperRectangle with both INCLUDES and EXCLUDES: GENIUS uses only the EXCLUDES, and so does Parley",
      );
    if (excludes.length === 0) rectangles.push({ utility, includes });
    else if (excludes.length === 1) rectangles.push({ utility, includes: [], excludes });
    else rectangles.push({ utility, includes: [] }, { utility: -utility, includes: excludes });
  }
  if (negative)
    report.warning(
      "PARLEY_FMT_GENIUS",
      ufun,
      "some rectangles have negative utilities: GENIUS lets a total go below 0, Parley clamps it at 0",
    );
  if (maxutility === undefined || !(maxutility > 0)) return undefined;
  return { kind: "hyper-rectangles", rectangles, normalizer: maxutility };
}

function readBounds(
  rect: XmlElement,
  tag: "INCLUDES" | "EXCLUDES",
  byIndex: ReadonlyMap<number, DomainEntry>,
  report: GeniusReport,
): { issue: string; min: number; max: number }[] | undefined {
  const out: { issue: string; min: number; max: number }[] = [];
  let ok = true;
  for (const b of childrenNamed(rect, tag)) {
    const index = report.number(b, "index", "the bounded issue's number", { integer: true });
    const min = report.number(b, "min", "the lower bound");
    const max = report.number(b, "max", "the upper bound");
    if (index === undefined || min === undefined || max === undefined) {
      ok = false;
      continue;
    }
    const entry = byIndex.get(index);
    if (!entry) {
      report.error("PARLEY_FMT_REFERENCE", b, `${tag} index="${index}" is not the number of any issue of the domain`, "index");
      ok = false;
      continue;
    }
    if (entry.issue.kind === "categorical") {
      report.error(
        "PARLEY_FMT_GENIUS",
        b,
        `${tag} bounds discrete issue "${entry.name}"; GENIUS hyper-rectangles only bound integer issues`,
        "index",
      );
      ok = false;
      continue;
    }
    out.push({ issue: entry.issue.id, min, max });
  }
  return ok ? out : undefined;
}
