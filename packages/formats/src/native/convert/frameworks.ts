/**
 * Frameworks (draft agreements): their points, numbered and with ids, and the issue values each
 * point settles (an issue is settled once per framework).
 */
import { describeValue, type Framework, type FrameworkPoint, type Value } from "@parley/core";
import type { Path } from "../problems.js";
import { checkDate, checkIdList, type Context } from "./context.js";
import type { FrameworkIn } from "./salvage.js";

/** A framework: duplicate point numbers and ids, values of issues, each issue settled once. Records its point ids in `ctx`. */
export function convertFramework(f: FrameworkIn, path: Path, ctx: Context): Framework | undefined {
  const p = ctx.problems;
  const file = f.file;
  if (file?.date !== undefined) checkDate(file.date, [...path, "date"], ctx);
  const authoredBy = file?.authoredBy && checkIdList(file.authoredBy, [...path, "authoredBy"], ctx, (id, at) => ctx.party(id, at));
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
    if (file?.basis === "undisclosed" && pt.sets !== undefined && Object.keys(pt.sets).length > 0) {
      p.error(
        "PARLEY_FMT_VALUE",
        [...ppath, "sets"],
        "The framework's basis is `undisclosed`: its points are not public, so no point can set an issue. Remove `sets`, or give the basis the text rests on.",
        "key",
      );
      return;
    }
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
  if (!file || (file.authoredBy && !authoredBy)) return undefined;
  return {
    id: file.id,
    name: file.name ?? file.id,
    ...(file.version !== undefined && { version: String(file.version) }),
    ...(file.date !== undefined && { date: file.date }),
    ...(file.author !== undefined && { author: file.author }),
    ...(authoredBy && { authoredBy }),
    ...(file.source !== undefined && { source: file.source }),
    ...(file.notes !== undefined && { notes: file.notes }),
    ...(file.basis !== undefined && { basis: file.basis }),
    ...(file.caveats !== undefined && { caveats: file.caveats }),
    ...(file.confidence !== undefined && { confidence: file.confidence }),
    points,
  };
}
