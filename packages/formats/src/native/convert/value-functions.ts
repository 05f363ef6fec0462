/**
 * Value functions of one issue: increasing/decreasing, {peak: x}, linear, peaked and piecewise for
 * numeric issues; score maps and best-to-worst lists for categorical ones.
 */
import { describeValue, type ValueFunction } from "@parley/core";
import type { Path } from "../problems.js";
import type { ValueFunctionFile } from "../scenario-schema.js";
import { describeValues, type Context, type KnownIssue } from "./context.js";

/** The value function of one known issue, in any of the forms the format accepts. */
export function convertValueFunction(fn: ValueFunctionFile, known: KnownIssue, path: Path, ctx: Context): ValueFunction | undefined {
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
