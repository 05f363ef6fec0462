import { ParleyError } from "../errors.js";
import type { Issue, Value } from "../model/issue.js";
import type { RedLine } from "../model/preferences.js";
import { issueValueIndex } from "../space/issue-values.js";

/** A red line compiled to option-index masks. `mask[k] === 1` marks option k. */
export type CompiledRedLine =
  | { readonly kind: "forbid"; readonly source: RedLine; readonly issue: number; readonly mask: Uint8Array }
  | {
      readonly kind: "require";
      readonly source: RedLine;
      readonly ifIssue: number;
      readonly ifMask: Uint8Array;
      readonly thenIssue: number;
      readonly thenMask: Uint8Array;
    };

export function compileRedLines(
  redLines: readonly RedLine[],
  issues: readonly Issue[],
  values: readonly (readonly Value[])[],
): CompiledRedLine[] {
  const position = new Map(issues.map((issue, i) => [issue.id, i] as const));
  const maskOf = (issueId: string, vals: readonly Value[]): [number, Uint8Array] => {
    const i = position.get(issueId);
    if (i === undefined) throw new ParleyError("PARLEY_ERR_UNKNOWN_ISSUE", `red line refers to unknown issue "${issueId}"`);
    const mask = new Uint8Array(values[i]!.length);
    for (const v of vals) {
      const k = issueValueIndex(issues[i]!, v);
      if (k < 0)
        throw new ParleyError("PARLEY_ERR_UNKNOWN_VALUE", `red line names "${String(v)}", which is not a value of issue "${issueId}"`);
      mask[k] = 1;
    }
    return [i, mask];
  };
  return redLines.map((r) => {
    if (r.kind === "forbid") {
      const [issue, mask] = maskOf(r.issue, r.values);
      return { kind: "forbid", source: r, issue, mask };
    }
    const [ifIssue, ifMask] = maskOf(r.if.issue, r.if.values);
    const [thenIssue, thenMask] = maskOf(r.then.issue, r.then.values);
    return { kind: "require", source: r, ifIssue, ifMask, thenIssue, thenMask };
  });
}

/** Whether the outcome (option indices) crosses the red line. */
export function crossesRedLine(line: CompiledRedLine, indices: ArrayLike<number>): boolean {
  if (line.kind === "forbid") return line.mask[indices[line.issue]!] === 1;
  return line.ifMask[indices[line.ifIssue]!] === 1 && line.thenMask[indices[line.thenIssue]!] !== 1;
}
