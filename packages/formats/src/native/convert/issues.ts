/**
 * Issues (categorical options without duplicates, numeric ranges of a size Parley can enumerate)
 * and the values that refer to an issue: a list, a {min, max} range or a single value.
 */
import type { Issue, Value } from "@parley/core";
import type { Path, Problems } from "../problems.js";
import type { IssueFile, ValuesFile } from "../scenario-schema.js";
import { labelText, type Context, type KnownIssue } from "./context.js";

/** Parley enumerates every value of an issue; more than this many is refused. */
export const maxIssueValues = 1_000_000;

/** An issue: categorical options listed once, or a numeric range (min ≤ max) of at most maxIssueValues values. */
export function convertIssue(file: IssueFile, path: Path, problems: Problems): Issue | undefined {
  const common = {
    id: file.id,
    ...(file.name !== undefined && { name: file.name }),
    ...(file.description !== undefined && { description: file.description }),
    ...(file.controlledBy !== undefined && { controlledBy: [...file.controlledBy] }),
  };
  switch (file.kind) {
    case "categorical": {
      const options: string[] = [];
      const seen = new Map<string, number>();
      let ok = true;
      file.options.forEach((o, k) => {
        const label = labelText(typeof o === "object" ? o.label : o);
        const first = seen.get(label) ?? -1;
        if (first < 0) seen.set(label, k);
        else {
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

/** Values of a known issue: a list of values, a {min, max} range of a numeric issue, or one value. */
export function convertValues(file: ValuesFile, known: KnownIssue, path: Path, ctx: Context): Value[] | undefined {
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
