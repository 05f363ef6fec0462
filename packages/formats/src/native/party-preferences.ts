// A seat's own preferences, submitted to a live room as the native format's party-preferences
// object (docs/rooms.md): checked with the same schema, conversion and messages as a scenario
// file, against the scenario the room runs (its issues, options and ids).
import type { Preferences } from "@parley/core";
import { parse } from "yaml";
import type { FormatIssue, ParseResult } from "../format-issue.js";
import { parseScenario } from "./parse-scenario.js";

/**
 * Check `preferences` (a party-preferences object, as under `parties[i].preferences` in a scenario
 * file) for party `party` of the scenario whose native text is `scenarioText`. Returns the core
 * Preferences, or every problem with its path inside the object (no line: the object is not a file).
 */
export function parsePartyPreferences(scenarioText: string, party: string, preferences: unknown): ParseResult<Preferences> {
  const fail = (message: string, path: readonly (string | number)[] = []): ParseResult<Preferences> => ({
    ok: false,
    issues: [{ code: "PARLEY_FMT_SCHEMA", path, message, severity: "error" }],
  });
  const file = parse(scenarioText, { maxAliasCount: 1000 }) as { parties?: { id?: unknown; preferences?: unknown }[]; readings?: unknown };
  const index = file.parties?.findIndex((p) => p.id === party) ?? -1;
  if (index < 0) return fail(`The scenario has no party "${party}".`);
  if (typeof preferences !== "object" || preferences === null || Array.isArray(preferences)) return fail("Preferences are an object (weights and values, or a utility).");
  file.parties![index] = { ...file.parties![index], preferences };
  // Readings rewrite the modelled preferences (their red-line ids); a seat's own preferences stand alone.
  delete file.readings;
  const result = parseScenario(JSON.stringify(file), { format: "json" });
  const prefix: readonly (string | number)[] = ["parties", index, "preferences"];
  const inside = (i: FormatIssue) => prefix.every((p, k) => i.path[k] === p);
  const relative = (i: FormatIssue): FormatIssue => ({ code: i.code, path: i.path.slice(prefix.length), message: i.message, severity: i.severity });
  if (!result.ok) {
    const issues = result.issues.filter((i) => inside(i) || i.severity === "error").map((i) => (inside(i) ? relative(i) : { ...relative(i), path: [] }));
    return { ok: false, issues };
  }
  const own = result.value.parties.find((p) => p.id === party)?.preferences;
  if (!own) return fail("The preferences do not load.");
  return { ok: true, value: own, warnings: result.warnings.filter(inside).map(relative) };
}
