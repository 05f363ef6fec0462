// The seat console's preferences form, as plain data (pure): each issue's options in order (best
// first) or direction (numeric), its weight, the options never accepted (red lines) and the
// walk-away level. It starts from the scenario's modelled preferences (when the party has them) and
// becomes the native format's party-preferences object that PUT /api/rooms/:id/preferences takes.
import { valueScore, type Issue, type Preferences, type RedLine, type Value } from "@parley/core";

export interface IssueChoice {
  readonly issue: string;
  readonly name: string;
  readonly kind: "categorical" | "numeric";
  /** Categorical: the options, best first. */
  readonly order: readonly string[];
  /** Numeric: higher is better (increasing) or lower is better (decreasing). */
  readonly direction: "increasing" | "decreasing";
  /** Relative importance (≥ 0; the server divides by the sum). */
  readonly weight: number;
  /** Categorical: options this seat will never accept. */
  readonly forbidden: readonly string[];
}

export interface PreferencesDraft {
  readonly issues: readonly IssueChoice[];
  /** Walk-away utility in [0, 1]: below it the seat prefers no agreement. */
  readonly reservation: number;
  /** Red lines the form does not edit (numeric ranges, if-then rules), kept when `keep` is true. */
  readonly other: readonly { readonly line: RedLine; readonly keep: boolean }[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The form for `issues`, started from `modelled` (the scenario's model of the party) when given. */
export function draftFromPreferences(issues: readonly Issue[], modelled?: Preferences): PreferencesDraft {
  const u = modelled?.utility.kind === "linear-additive" ? modelled.utility : null;
  const lines = modelled?.redLines ?? [];
  const choices = issues.map((issue): IssueChoice => {
    const fn = u?.values[issue.id];
    const weight = u ? round(u.weights[issue.id] ?? 0) : 1;
    const name = issue.name ?? issue.id;
    if (issue.kind === "categorical") {
      const scored = issue.options.map((o, i) => ({ o, i, s: fn ? valueScore(fn, issue, o) : -i }));
      scored.sort((a, b) => b.s - a.s || a.i - b.i);
      const forbidden = lines.flatMap((l) => (l.kind === "forbid" && l.issue === issue.id ? l.values.map(String) : []));
      return { issue: issue.id, name, kind: "categorical", order: scored.map((x) => x.o), direction: "increasing", weight, forbidden: issue.options.filter((o) => forbidden.includes(o)) };
    }
    const up = fn ? valueScore(fn, issue, issue.max) >= valueScore(fn, issue, issue.min) : true;
    return { issue: issue.id, name, kind: "numeric", order: [], direction: up ? "increasing" : "decreasing", weight, forbidden: [] };
  });
  const categorical = new Set(issues.filter((i) => i.kind === "categorical").map((i) => i.id));
  const other = lines.filter((l) => !(l.kind === "forbid" && categorical.has(l.issue))).map((line) => ({ line, keep: true }));
  return { issues: choices, reservation: round(modelled?.reservation ?? 0), other };
}

const replaceIssue = (draft: PreferencesDraft, issue: string, change: (c: IssueChoice) => IssueChoice): PreferencesDraft => ({
  ...draft,
  issues: draft.issues.map((c) => (c.issue === issue ? change(c) : c)),
});

/** Moves an option one place up (delta −1, better) or down (+1); unchanged at the ends. */
export function moveOption(draft: PreferencesDraft, issue: string, option: string, delta: -1 | 1): PreferencesDraft {
  return replaceIssue(draft, issue, (c) => {
    const i = c.order.indexOf(option);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= c.order.length) return c;
    const order = [...c.order];
    [order[i], order[j]] = [order[j]!, order[i]!];
    return { ...c, order };
  });
}

/** Moves an option to position `index` (0 = best) of its issue's order, the others keeping their order (a drag and drop); clamped to the list. */
export function moveOptionTo(draft: PreferencesDraft, issue: string, option: string, index: number): PreferencesDraft {
  return replaceIssue(draft, issue, (c) => {
    const i = c.order.indexOf(option);
    const j = Math.max(0, Math.min(c.order.length - 1, Math.trunc(index)));
    if (i < 0 || i === j) return c;
    const order = c.order.filter((o) => o !== option);
    order.splice(j, 0, option);
    return { ...c, order };
  });
}

/** Where a dragged item lands: the number of the other items whose middle lies above the pointer (their middles top to bottom). */
export function dropIndex(otherMiddles: readonly number[], y: number): number {
  return otherMiddles.filter((m) => m < y).length;
}

export function setWeight(draft: PreferencesDraft, issue: string, weight: number): PreferencesDraft {
  return replaceIssue(draft, issue, (c) => ({ ...c, weight }));
}

export function setDirection(draft: PreferencesDraft, issue: string, direction: IssueChoice["direction"]): PreferencesDraft {
  return replaceIssue(draft, issue, (c) => ({ ...c, direction }));
}

export function setForbidden(draft: PreferencesDraft, issue: string, option: string, forbidden: boolean): PreferencesDraft {
  return replaceIssue(draft, issue, (c) => {
    const rest = c.forbidden.filter((o) => o !== option);
    return { ...c, forbidden: forbidden ? c.order.filter((o) => o === option || rest.includes(o)) : rest };
  });
}

export function keepOther(draft: PreferencesDraft, index: number, keep: boolean): PreferencesDraft {
  return { ...draft, other: draft.other.map((o, i) => (i === index ? { ...o, keep } : o)) };
}

const condition = (issue: string, values: readonly Value[]): Record<string, Value[]> => ({ [issue]: [...values] });

/** A core red line in the native format (`{forbid: {issue: [values]}}` or `{if, then}`). */
function nativeRedLine(line: RedLine): Record<string, unknown> {
  const common = { ...(line.id !== undefined ? { id: line.id } : {}), ...(line.note !== undefined ? { note: line.note } : {}) };
  return line.kind === "forbid"
    ? { ...common, forbid: condition(line.issue, line.values) }
    : { ...common, if: condition(line.if.issue, line.if.values), then: condition(line.then.issue, line.then.values) };
}

/** The native format's party-preferences object the server validates (PUT …/preferences). */
export function toNativePreferences(draft: PreferencesDraft): Record<string, unknown> {
  const weights: Record<string, number> = {};
  const values: Record<string, string | string[]> = {};
  const redLines: Record<string, unknown>[] = [];
  for (const c of draft.issues) {
    weights[c.issue] = c.weight;
    values[c.issue] = c.kind === "categorical" ? [...c.order] : c.direction;
    if (c.forbidden.length > 0) redLines.push({ forbid: { [c.issue]: [...c.forbidden] } });
  }
  for (const o of draft.other) if (o.keep) redLines.push(nativeRedLine(o.line));
  return { reservation: draft.reservation, weights, values, ...(redLines.length > 0 ? { redLines } : {}) };
}

/** A red line in words ("never: area = by-population"; "if a ∈ x then b ∈ y, z"). */
export function describeRedLine(line: RedLine): string {
  const vals = (v: readonly Value[]) => v.map(String).join(", ");
  return line.kind === "forbid" ? `never ${line.issue} ∈ {${vals(line.values)}}` : `if ${line.if.issue} ∈ {${vals(line.if.values)}} then ${line.then.issue} ∈ {${vals(line.then.values)}}`;
}

/** This seat's score (0 … 1) of each point of a package under its own preferences (linear-additive only). */
export function pointScores(issues: readonly Issue[], prefs: Preferences | null | undefined, pkg: Readonly<Record<string, Value>>): Record<string, number> {
  const out: Record<string, number> = {};
  if (!prefs || prefs.utility.kind !== "linear-additive") return out;
  for (const issue of issues) {
    const fn = prefs.utility.values[issue.id];
    const v = pkg[issue.id];
    if (fn && v !== undefined) out[issue.id] = valueScore(fn, issue, v);
  }
  return out;
}

/** What a (partial) package is worth under the form as it stands: worst and best completion, red lines crossed. */
export interface PackagePreview {
  readonly min: number;
  readonly max: number;
  /** The red lines the package's set values cross, in words. */
  readonly crossed: readonly string[];
}

/**
 * The preview of `pkg` (issue → value; issues it leaves open range over all their values) under the
 * form: the native format's reading of it (options listed best first score 1 … 0 evenly spaced;
 * numeric issues linear from min to max; weights divided by their sum).
 */
export function previewPackage(draft: PreferencesDraft, issues: readonly Issue[], pkg: Readonly<Record<string, Value>>): PackagePreview {
  const total = draft.issues.reduce((s, c) => s + c.weight, 0);
  let min = 0;
  let max = 0;
  const crossed: string[] = [];
  for (const c of draft.issues) {
    const issue = issues.find((i) => i.id === c.issue);
    if (!issue) continue;
    const score = (v: Value): number => {
      if (c.kind === "categorical") {
        const i = c.order.indexOf(String(v));
        return i < 0 ? 0 : c.order.length === 1 ? 1 : 1 - i / (c.order.length - 1);
      }
      if (issue.kind === "categorical" || issue.max === issue.min) return 1;
      const up = (Number(v) - issue.min) / (issue.max - issue.min);
      return c.direction === "increasing" ? up : 1 - up;
    };
    const w = total > 0 ? c.weight / total : 0;
    const v = pkg[c.issue];
    if (v !== undefined) {
      min += w * score(v);
      max += w * score(v);
      if (c.forbidden.includes(String(v))) crossed.push(`never ${c.issue} = ${String(v)}`);
    } else {
      const ends = issue.kind === "categorical" ? issue.options.map(score) : [score(issue.min), score(issue.max)];
      min += w * Math.min(...ends);
      max += w * Math.max(...ends);
    }
  }
  const has = (cond: { readonly issue: string; readonly values: readonly Value[] }) => pkg[cond.issue] !== undefined && cond.values.some((x) => String(x) === String(pkg[cond.issue]));
  for (const o of draft.other) {
    if (!o.keep) continue;
    const l = o.line;
    const hit = l.kind === "forbid" ? has(l) : pkg[l.if.issue] !== undefined && pkg[l.then.issue] !== undefined && has(l.if) && !has(l.then);
    if (hit) crossed.push(describeRedLine(l));
  }
  return { min: round(min), max: round(max), crossed };
}

/** This seat's utility of a complete package under its own (linear-additive) preferences, as the engine computes it; null for other kinds. */
export function packageUtility(issues: readonly Issue[], prefs: Preferences | null | undefined, pkg: Readonly<Record<string, Value>>): number | null {
  if (!prefs || prefs.utility.kind !== "linear-additive") return null;
  const scores = pointScores(issues, prefs, pkg);
  let u = 0;
  for (const [issue, s] of Object.entries(scores)) u += (prefs.utility.weights[issue] ?? 0) * s;
  return Math.min(1, u);
}
