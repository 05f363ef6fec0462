import { ParleyError } from "../errors.js";
import type { Issue, Value } from "../model/issue.js";

/** The discrete values of an issue, in order: options, every integer, or the real grid min, min+step, …, max. */
export function issueValues(issue: Issue): Value[] {
  switch (issue.kind) {
    case "categorical":
      return [...issue.options];
    case "integer": {
      const out: number[] = [];
      for (let v = issue.min; v <= issue.max; v++) out.push(v);
      return out;
    }
    case "real": {
      const n = realGridCount(issue.min, issue.max, issue.step);
      const out: number[] = [];
      for (let k = 0; k < n - 1; k++) out.push(gridValue(issue.min, issue.step, k));
      out.push(issue.max);
      return n === 1 ? [issue.min] : out;
    }
  }
}

/** How many values `issueValues` gives, without building them. */
export function issueSize(issue: Issue): number {
  switch (issue.kind) {
    case "categorical":
      return issue.options.length;
    case "integer":
      return issue.max - issue.min + 1;
    case "real":
      return realGridCount(issue.min, issue.max, issue.step);
  }
}

/** min + k·step, rounded to 15 significant digits so that 3 × 0.3 reads 0.9. */
function gridValue(min: number, step: number, k: number): number {
  return Number((min + k * step).toPrecision(15));
}

function realGridCount(min: number, max: number, step: number): number {
  if (!(step > 0)) throw new ParleyError("PARLEY_ERR_BAD_ISSUE", `a real issue needs a positive step (got ${step})`);
  if (max === min) return 1;
  // Grid points strictly below max, then max itself; tolerate rounding (0.1 steps).
  const inner = Math.ceil((max - min) / step - 1e-9);
  return inner + 1;
}

/** The position of `value` among the issue's discrete values, or -1 when it is not one of them. */
export function issueValueIndex(issue: Issue, value: Value): number {
  switch (issue.kind) {
    case "categorical":
      return typeof value === "string" ? issue.options.indexOf(value) : -1;
    case "integer":
      return typeof value === "number" && Number.isInteger(value) && value >= issue.min && value <= issue.max
        ? value - issue.min
        : -1;
    case "real": {
      if (typeof value !== "number") return -1;
      // Grid values are min + k·step (k < n − 1) and max itself: check the nearest few, no list needed.
      const n = realGridCount(issue.min, issue.max, issue.step);
      const at = (k: number) => (k === n - 1 ? issue.max : gridValue(issue.min, issue.step, k));
      const guess = Math.round((value - issue.min) / issue.step);
      for (const k of [guess - 1, guess, guess + 1, n - 1])
        if (k >= 0 && k < n && Math.abs(at(k) - value) <= 1e-9 * Math.max(1, Math.abs(value))) return k;
      return -1;
    }
  }
}

/** Whether `value` is a legal value of the issue (for real issues: any number in range). */
export function issueContains(issue: Issue, value: Value): boolean {
  switch (issue.kind) {
    case "categorical":
      return typeof value === "string" && issue.options.includes(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value) && value >= issue.min && value <= issue.max;
    case "real":
      return typeof value === "number" && value >= issue.min && value <= issue.max;
  }
}
