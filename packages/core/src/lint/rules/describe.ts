import type { RedLine } from "../../model/preferences.js";

/** `"no-freeze" of russia`, or `2 of russia (forbid donbas)` for a red line without an id. */
export function redLineLabel(party: string, line: RedLine, index: number): string {
  if (line.id !== undefined) return `"${line.id}" of ${party}`;
  const what = line.kind === "forbid" ? `forbid ${line.issue}` : `if ${line.if.issue} then ${line.then.issue}`;
  return `${index + 1} of ${party} (${what})`;
}
