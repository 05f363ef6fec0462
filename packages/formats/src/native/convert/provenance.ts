/**
 * Provenance: what a preference or red line rests on, statements cited by id (checked against the
 * file's statements) or a stated assumption.
 */
import { didYouMean, isLintRuleId, lintRuleIds, listOf, type Preferences, type Provenance } from "@parley/core";
import type { Path } from "../problems.js";
import type { PreferencesProvenanceFile, ProvenanceFile } from "../scenario-schema.js";
import type { Context } from "./context.js";

/** One provenance: `cites` (statement ids that must exist) and/or an `assumption`. */
export function convertProvenance(file: ProvenanceFile, path: Path, ctx: Context): Provenance | undefined {
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
  for (const rule of Object.keys(file.exceptions ?? {})) {
    if (isLintRuleId(rule)) continue;
    ok = false;
    p.error(
      "PARLEY_FMT_REFERENCE",
      [...path, "exceptions", rule],
      `Unknown lint rule "${rule}".${didYouMean(rule, lintRuleIds)} Rules are: ${listOf(lintRuleIds)}.`,
      "key",
    );
  }
  if (!ok) return undefined;
  return {
    ...(cites && { cites }),
    ...(file.assumption !== undefined && { assumption: file.assumption }),
    ...(file.exceptions !== undefined && { exceptions: { ...file.exceptions } }),
  };
}

/** The provenance of a party's weights and values (by issue id) and of its reservation value. */
export function convertPreferencesProvenance(
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
