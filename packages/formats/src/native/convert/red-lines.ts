/**
 * Red lines: `forbid` some values of an issue, or `if` one issue takes some values `then` another
 * must take some of its values.
 */
import { listOf, type RedLine, type Value } from "@parley/core";
import type { Path } from "../problems.js";
import type { ConditionFile, RedLineFile } from "../scenario-schema.js";
import type { Context } from "./context.js";
import { convertValues } from "./issues.js";
import { convertProvenance } from "./provenance.js";

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

/** A red line: `forbid` one condition, or `if` one condition `then` another; each condition names one issue. */
export function convertRedLine(file: RedLineFile, path: Path, ctx: Context): RedLine | undefined {
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
