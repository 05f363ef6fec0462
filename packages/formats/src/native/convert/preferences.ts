/**
 * A party's preferences: a linear-additive utility (weights and value functions) or a non-linear
 * one, the reservation value, the discount, red lines and their provenance.
 */
import type { Preferences, RedLine, Utility, ValueFunction } from "@parley/core";
import type { Path } from "../problems.js";
import type { ValueFunctionFile } from "../scenario-schema.js";
import { UniqueIds, type Context } from "./context.js";
import { convertPreferencesProvenance } from "./provenance.js";
import { convertRedLine } from "./red-lines.js";
import type { PreferencesIn } from "./salvage.js";
import { convertUtility } from "./utilities.js";
import { convertValueFunction } from "./value-functions.js";

/** A party's preferences (or, when `partial`, only the references in what is left of broken ones). */
export function convertPreferences(file: PreferencesIn, path: Path, ctx: Context): Preferences | undefined {
  const p = ctx.problems;
  const before = p.errorCount;
  let utility: Utility | undefined;
  if (file.partial) {
    // Only look for wrong references in the parts that passed the schema.
    if (file.utility) convertUtility(file.utility, [...path, "utility"], ctx);
    if (file.values || file.weights) convertLinearAdditive({ weights: file.weights, values: file.values ?? {}, partial: true }, path, ctx);
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
    utility = convertLinearAdditive({ weights: file.weights, values: file.values, normalize: file.normalizeWeights ?? true }, path, ctx);
  }
  const redLines = file.redLines?.map((r, i) => r && convertRedLine(r, [...path, "redLines", i], ctx));
  if (file.redLines) {
    const ids = new UniqueIds(p, { name: "redLines", noun: "red line", scope: " of this party" });
    file.redLines.forEach((r, i) => {
      if (r?.id !== undefined) ids.claim(r.id, i, [...path, "redLines", i]);
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

interface LinearAdditiveIn {
  readonly weights: Readonly<Record<string, number>> | undefined;
  readonly values: Readonly<Record<string, ValueFunctionFile>>;
  /** Divide the weights by their sum (default true; weights that sum to 1 are kept as written). */
  readonly normalize?: boolean;
  /** Checking what is left of broken preferences: references only (default false). */
  readonly partial?: boolean;
}

function convertLinearAdditive(file: LinearAdditiveIn, path: Path, ctx: Context): Utility | undefined {
  const { weights: weightsFile, values: valuesFile, normalize = true, partial = false } = file;
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
