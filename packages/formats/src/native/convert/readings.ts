/**
 * Readings: named alternative readings of the sources, each a set of changes to some parties'
 * preferences. References are checked against the converted parties: the party must exist and have
 * preferences, a red line removed or replaced must be one of its ids, a red line added must not be.
 */
import { didYouMean, listOf, type Party, type PartyReading, type Reading, type RedLine, type ValueFunction } from "@parley/core";
import type { Path } from "../problems.js";
import type { PartyReadingFile, ReadingFile } from "../scenario-schema.js";
import type { Context } from "./context.js";
import { convertProvenance } from "./provenance.js";
import { convertRedLine } from "./red-lines.js";
import { convertValueFunction } from "./value-functions.js";

/** One reading; `parties` are the converted parties (a party that is listed but broken maps to undefined). */
export function convertReading(file: ReadingFile, path: Path, ctx: Context, parties: ReadonlyMap<string, Party | undefined>): Reading | undefined {
  const before = ctx.problems.errorCount;
  const provenance = convertProvenance(file.provenance, [...path, "provenance"], ctx);
  const changes: PartyReading[] = [];
  const entries = Object.entries(file.parties);
  if (entries.length === 0)
    ctx.problems.error("PARLEY_FMT_SCHEMA", [...path, "parties"], "A reading changes something: name at least one party and what changes in its preferences.");
  for (const [partyId, change] of entries) {
    const at = [...path, "parties", partyId];
    if (!parties.has(partyId)) {
      const ids = [...parties.keys()];
      ctx.problems.error("PARLEY_FMT_REFERENCE", at, `Unknown party "${partyId}".${didYouMean(partyId, ids)} Parties are: ${listOf(ids)}.`, "key");
      continue;
    }
    const party = parties.get(partyId);
    if (party === undefined) continue; // broken: its own problems are reported
    const converted = convertPartyReading(party, change, at, ctx);
    if (converted) changes.push(converted);
  }
  if (!provenance || ctx.problems.errorCount > before) return undefined;
  return {
    id: file.id,
    ...(file.label !== undefined && { label: file.label }),
    ...(file.description !== undefined && { description: file.description }),
    provenance,
    parties: changes,
  };
}

function convertPartyReading(party: Party, file: PartyReadingFile, path: Path, ctx: Context): PartyReading | undefined {
  const p = ctx.problems;
  const before = p.errorCount;
  const prefs = party.preferences;
  if (!prefs) {
    p.error("PARLEY_FMT_REFERENCE", path, `Party "${party.id}" has no preferences, so a reading has nothing to change; give it preferences or remove it here.`, "key");
    return undefined;
  }
  const additive = prefs.utility.kind === "linear-additive";
  for (const key of ["weights", "values"] as const)
    if (file[key] !== undefined && !additive)
      p.error("PARLEY_FMT_SCHEMA", [...path, key], `Party "${party.id}" has a non-linear utility: a reading can change only the weights and values of linear-additive preferences.`, "key");
  let weights: Record<string, number> | undefined;
  if (file.weights !== undefined && additive) {
    const raw = Object.entries(file.weights).filter(([issueId]) => ctx.issue(issueId, [...path, "weights", issueId]) !== undefined);
    const sum = raw.reduce((a, [, w]) => a + w, 0);
    if (!(sum > 0) || !Number.isFinite(sum)) p.error("PARLEY_FMT_VALUE", [...path, "weights"], "Give at least one issue a positive weight (only the ratios matter).", "key");
    const scale = Math.abs(sum - 1) <= 1e-12 ? 1 : sum;
    weights = Object.fromEntries(raw.map(([issueId, w]) => [issueId, scale === 1 ? w : w / scale]));
  }
  let values: Record<string, ValueFunction> | undefined;
  if (file.values !== undefined && additive) {
    values = {};
    for (const [issueId, fn] of Object.entries(file.values)) {
      const known = ctx.issue(issueId, [...path, "values", issueId]);
      const converted = known && convertValueFunction(fn, known, [...path, "values", issueId], ctx);
      if (converted) values[issueId] = converted;
    }
  }
  const ids = (prefs.redLines ?? []).flatMap((r) => (r.id === undefined ? [] : [r.id]));
  const lines = (key: "add" | "replace") =>
    file.redLines?.[key]?.flatMap((r, i): RedLine[] => {
      const at = [...path, "redLines", key, i];
      const line = convertRedLine(r, at, ctx);
      if (key === "replace" && r.id === undefined) p.error("PARLEY_FMT_SCHEMA", at, "A red line that replaces another needs the `id` of the red line it replaces.");
      else if (key === "replace" && !ids.includes(r.id!)) unknownRedLine(r.id!, ids, party, [...at, "id"], ctx);
      else if (key === "add" && r.id !== undefined && ids.includes(r.id))
        p.error("PARLEY_FMT_DUPLICATE", [...at, "id"], `Party "${party.id}" already has red line "${r.id}"; list it under \`replace\` to change it, or give the new one its own id.`);
      return line ? [line] : [];
    });
  const addRedLines = lines("add");
  const replaceRedLines = lines("replace") as (RedLine & { id: string })[] | undefined;
  const removeRedLines = file.redLines?.remove;
  removeRedLines?.forEach((id, i) => {
    if (!ids.includes(id)) unknownRedLine(id, ids, party, [...path, "redLines", "remove", i], ctx);
  });
  // One reading changes each red line once: removing and replacing it, or naming it twice, cannot both apply.
  const touched = new Map<string, string>();
  for (const key of ["add", "replace", "remove"] as const)
    file.redLines?.[key]?.forEach((r, i) => {
      const id = typeof r === "string" ? r : r.id;
      if (id === undefined) return;
      const first = touched.get(id);
      if (first !== undefined)
        p.error("PARLEY_FMT_DUPLICATE", [...path, "redLines", key, i], `This reading already changes red line "${id}" of "${party.id}" (under \`${first}\`); change each red line once.`);
      else touched.set(id, key);
    });
  if (p.errorCount > before) return undefined;
  return {
    party: party.id,
    ...(file.reservation !== undefined && { reservation: file.reservation }),
    ...(weights && { weights }),
    ...(values && { values }),
    ...(addRedLines && { addRedLines }),
    ...(removeRedLines && { removeRedLines: [...removeRedLines] }),
    ...(replaceRedLines && { replaceRedLines }),
  };
}

function unknownRedLine(id: string, ids: readonly string[], party: Party, path: Path, ctx: Context): void {
  ctx.problems.error(
    "PARLEY_FMT_REFERENCE",
    path,
    `Party "${party.id}" has no red line "${id}".${didYouMean(id, ids)} ${ids.length > 0 ? `Its red lines are: ${listOf(ids)}.` : "It has no red lines with ids."}`,
  );
}
