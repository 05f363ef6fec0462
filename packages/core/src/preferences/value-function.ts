import type { Issue, Value } from "../model/issue.js";
import type { ValueFunction } from "../model/preferences.js";

/** The score of `value` under `fn` for `issue` (not clamped, except where the function itself clamps). */
export function valueScore(fn: ValueFunction, issue: Issue, value: Value): number {
  switch (fn.kind) {
    case "table": {
      const s = fn.scores[String(value)];
      return s === undefined ? 0 : s;
    }
    case "linear": {
      const x = typeof value === "number" ? value : Number.NaN;
      const lo = issue.kind === "categorical" ? 0 : issue.min;
      const v = fn.offset + fn.slope * (x - lo);
      return v < 0 ? 0 : v > 1 ? 1 : v;
    }
    case "peaked": {
      const x = typeof value === "number" ? value : Number.NaN;
      if (x === fn.peak) return 1;
      if (x <= fn.low || x >= fn.high) return 0;
      return x < fn.peak ? (x - fn.low) / (fn.peak - fn.low) : (fn.high - x) / (fn.high - fn.peak);
    }
    case "piecewise": {
      const x = typeof value === "number" ? value : Number.NaN;
      const pts = fn.points;
      if (pts.length === 0 || Number.isNaN(x)) return 0;
      if (x <= pts[0]![0]) return pts[0]![1];
      const last = pts[pts.length - 1]!;
      if (x >= last[0]) return last[1];
      for (let k = 1; k < pts.length; k++) {
        const [x1, y1] = pts[k]!;
        if (x <= x1) {
          const [x0, y0] = pts[k - 1]!;
          return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
        }
      }
      return last[1];
    }
  }
}
