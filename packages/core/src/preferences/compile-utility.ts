import { ParleyError } from "../errors.js";
import type { Issue, Value } from "../model/issue.js";
import type { Utility } from "../model/preferences.js";
import { issueValueIndex } from "../space/issue-values.js";
import { valueScore } from "./value-function.js";

/**
 * A utility function compiled against an outcome space: it reads outcomes as option indices
 * (one per issue, in issue order) and never looks values up by name.
 */
export interface CompiledUtility {
  /**
   * For linear-additive utilities: per issue, weight · score of each option index, so that
   * u = min(1, Σᵢ contributions[i][kᵢ]). `null` for non-additive utilities.
   */
  readonly contributions: readonly Float64Array[] | null;
  /** Utility of the outcome given by option indices. */
  evaluate(indices: ArrayLike<number>): number;
}

/** Compile `utility` for the given issues (whose discrete values are `values`). */
export function compileUtility(utility: Utility, issues: readonly Issue[], values: readonly (readonly Value[])[]): CompiledUtility {
  const position = new Map(issues.map((issue, i) => [issue.id, i] as const));
  const at = (id: string): number => {
    const i = position.get(id);
    if (i === undefined) throw new ParleyError("PARLEY_ERR_UNKNOWN_ISSUE", `utility refers to unknown issue "${id}"`);
    return i;
  };
  switch (utility.kind) {
    case "linear-additive": {
      for (const id of Object.keys(utility.weights)) at(id);
      for (const id of Object.keys(utility.values)) at(id);
      const contributions = issues.map((issue, i) => {
        const w = utility.weights[issue.id] ?? 0;
        const fn = utility.values[issue.id];
        const vals = values[i]!;
        const out = new Float64Array(vals.length);
        if (fn && w !== 0) for (let k = 0; k < vals.length; k++) out[k] = w * valueScore(fn, issue, vals[k]!);
        return out;
      });
      const n = contributions.length;
      return {
        contributions,
        evaluate(indices) {
          let s = 0;
          for (let i = 0; i < n; i++) s += contributions[i]![indices[i]!]!;
          return s > 1 ? 1 : s;
        },
      };
    }
    case "hyper-rectangles": {
      // Coordinates: the numeric value for numeric issues, the option index for categorical ones.
      const coords = issues.map((issue, i) =>
        Float64Array.from(values[i]!, (v, k) => (issue.kind === "categorical" ? k : (v as number))),
      );
      const rects = utility.rectangles.map((r) => ({
        utility: r.utility,
        inc: r.includes.map((b) => ({ i: at(b.issue), min: b.min, max: b.max })),
        exc: (r.excludes ?? []).map((b) => ({ i: at(b.issue), min: b.min, max: b.max })),
      }));
      const normalizer =
        utility.normalizer ?? rects.reduce((s, r) => s + (r.utility > 0 ? r.utility : 0), 0);
      const clamp = (s: number) => {
        const u = normalizer > 0 ? s / normalizer : 0;
        return u < 0 ? 0 : u > 1 ? 1 : u;
      };
      const masks = rectangleMasks(rects, coords);
      if (masks) {
        // Per issue and option, a bit set of the rectangles that option keeps possible: an outcome
        // lies in the rectangles of the AND of its options' sets. Rectangles are summed in order,
        // as below, so the two evaluations agree to the last bit.
        const { words, bits } = masks;
        const n = bits.length;
        const utilities = Float64Array.from(rects, (r) => r.utility);
        return {
          contributions: null,
          evaluate(indices) {
            let s = 0;
            for (let w = 0; w < words; w++) {
              let m = 0xffffffff;
              for (let i = 0; i < n && m !== 0; i++) m &= bits[i]![indices[i]! * words + w]!;
              while (m !== 0) {
                const low = m & -m;
                s += utilities[w * 32 + 31 - Math.clz32(low)]!;
                m ^= low;
              }
            }
            return clamp(s);
          },
        };
      }
      return {
        contributions: null,
        evaluate(indices) {
          let s = 0;
          outer: for (const r of rects) {
            for (const b of r.inc) {
              const x = coords[b.i]![indices[b.i]!]!;
              if (x < b.min || x > b.max) continue outer;
            }
            for (const b of r.exc) {
              const x = coords[b.i]![indices[b.i]!]!;
              if (x >= b.min && x <= b.max) continue outer;
            }
            s += r.utility;
          }
          return clamp(s);
        },
      };
    }
    case "table": {
      const radices = values.map((v) => v.length);
      const table = new Map<number, number>();
      for (const entry of utility.entries) {
        let index = 0;
        for (let i = 0; i < issues.length; i++) {
          const issue = issues[i]!;
          const v = entry.outcome[issue.id];
          if (v === undefined)
            throw new ParleyError("PARLEY_ERR_BAD_OUTCOME", `a utility table entry leaves issue "${issue.id}" unset`);
          const k = issueValueIndex(issue, v);
          if (k < 0) throw new ParleyError("PARLEY_ERR_UNKNOWN_VALUE", `"${String(v)}" is not a value of issue "${issue.id}"`);
          index = index * radices[i]! + k;
        }
        table.set(index, entry.utility);
      }
      const fallback = utility.default ?? 0;
      return {
        contributions: null,
        evaluate(indices) {
          let index = 0;
          for (let i = 0; i < radices.length; i++) index = index * radices[i]! + indices[i]!;
          return table.get(index) ?? fallback;
        },
      };
    }
  }
}


interface RectangleBounds {
  readonly inc: readonly { readonly i: number; readonly min: number; readonly max: number }[];
  readonly exc: readonly { readonly i: number; readonly min: number; readonly max: number }[];
}

/** Above this many mask words in all, hyper-rectangles are evaluated rectangle by rectangle. */
const MAX_MASK_WORDS = 8 * 1024 * 1024;

/**
 * For each issue i and option k, the rectangles whose bounds on issue i option k satisfies (every
 * `includes` bound on i contains it, no `excludes` bound on i does), as bit sets of `words` 32-bit
 * words at `bits[i][k * words …]`. Null when the masks would be too large.
 */
function rectangleMasks(rects: readonly RectangleBounds[], coords: readonly Float64Array[]): { words: number; bits: Uint32Array[] } | null {
  const words = Math.max(1, Math.ceil(rects.length / 32));
  if (coords.reduce((n, c) => n + c.length * words, 0) > MAX_MASK_WORDS) return null;
  const bits = coords.map((c) => {
    const m = new Uint32Array(c.length * words);
    for (let k = 0; k < c.length; k++)
      for (let w = 0; w < words; w++) {
        const left = rects.length - w * 32;
        m[k * words + w] = left >= 32 ? 0xffffffff : left > 0 ? (2 ** left - 1) >>> 0 : 0;
      }
    return m;
  });
  rects.forEach((r, j) => {
    const w = j >>> 5;
    const clear = ~(1 << (j & 31)) >>> 0;
    const drop = (i: number, k: number) => (bits[i]![k * words + w]! &= clear);
    for (const b of r.inc) coords[b.i]!.forEach((x, k) => (x < b.min || x > b.max) && drop(b.i, k));
    for (const b of r.exc) coords[b.i]!.forEach((x, k) => x >= b.min && x <= b.max && drop(b.i, k));
  });
  return { words, bits };
}
