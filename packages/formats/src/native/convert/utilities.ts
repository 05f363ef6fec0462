/**
 * Non-linear utilities: hyper-rectangles (bounds per issue) and tables of whole outcomes.
 */
import { describeValue, listOf, type HyperRectangle, type Utility, type Value } from "@parley/core";
import type { Path } from "../problems.js";
import type { BoundFile, LabelFile, UtilityFile } from "../scenario-schema.js";
import type { Context, KnownIssue } from "./context.js";

/** A non-linear utility: hyper-rectangles with bounds per issue, or a table giving every outcome once with every issue set. */
export function convertUtility(file: UtilityFile, path: Path, ctx: Context): Utility | undefined {
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
  return label === undefined ? undefined : ctx.indexOf(known, label);
}
