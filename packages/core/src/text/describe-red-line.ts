import type { Issue, Value } from "../model/issue.js";
import type { RedLine } from "../model/preferences.js";

/** Values as a sentence names them: [13, 14, 15, 18] → "13–15, 18"; strings joined with " or ". */
export function valuesText(values: readonly Value[]): string {
  if (values.length > 0 && values.every((v) => typeof v === "number")) {
    const nums = [...(values as number[])].sort((a, b) => a - b);
    const parts: string[] = [];
    let start = nums[0]!;
    let prev = start;
    const flush = () => parts.push(start === prev ? String(start) : `${start}–${prev}`);
    for (const n of nums.slice(1)) {
      if (Number.isInteger(n) && n === prev + 1) prev = n;
      else {
        flush();
        start = prev = n;
      }
    }
    flush();
    return parts.join(", ");
  }
  return values.map(String).join(" or ");
}

const issueName = (issues: readonly Issue[], id: string) => issues.find((i) => i.id === id)?.name ?? id;

/** A red line in plain words, naming issues by their names: "Never Territory: full-withdrawal". */
export function redLineText(r: RedLine, issues: readonly Issue[]): string {
  if (r.kind === "forbid") return `Never ${issueName(issues, r.issue)}: ${valuesText(r.values)}`;
  return `If ${issueName(issues, r.if.issue)} is ${valuesText(r.if.values)}, then ${issueName(issues, r.then.issue)} must be ${valuesText(r.then.values)}`;
}
