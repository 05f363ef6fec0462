import type { RedLine } from "../model/preferences.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { crossesRedLine, type CompiledRedLine } from "../preferences/compile-red-lines.js";
import type { OutcomeUtilities } from "./outcome-utilities.js";

/** One constraint that can block agreement: a party's reservation value or one of its red lines. */
export type Constraint =
  | { readonly kind: "reservation"; readonly party: string; readonly value: number }
  | { readonly kind: "red-line"; readonly party: string; readonly index: number; readonly redLine: RedLine };

export interface ConflictSearchOptions {
  /** The largest conflicting set looked for. Default 4. */
  readonly maxSize?: number;
  /** Stop after this many minimal sets. Default 20. */
  readonly maxResults?: number;
}

export interface ConflictSearchResult {
  /** Minimal sets of constraints that no outcome satisfies together, smallest first. */
  readonly conflicts: Constraint[][];
  /** True when the search stopped at maxSize or maxResults and larger sets may exist. */
  readonly truncated: boolean;
}

/**
 * The smallest sets of constraints (reservation values and red lines) that no outcome satisfies
 * together: every proper subset of a reported set is satisfiable. Works on an enumerated space,
 * intersecting per-constraint bitsets depth-first.
 */
export function findConflicts(
  compiled: CompiledScenario,
  enumerated: OutcomeUtilities,
  options: ConflictSearchOptions = {},
): ConflictSearchResult {
  const maxSize = options.maxSize ?? 4;
  const maxResults = options.maxResults ?? 20;
  const size = enumerated.size;
  const words = Math.ceil(size / 32);
  const constraints: Constraint[] = [];
  const sets: Uint32Array[] = [];
  const lines: { line: CompiledRedLine; bits: Uint32Array }[] = [];
  compiled.parties.forEach((cp, p) => {
    if (cp.reservation > 0) {
      const bits = new Uint32Array(words);
      const u = enumerated.utilities[p]!;
      for (let j = 0; j < size; j++) if (u[j]! >= cp.reservation) bits[j >>> 5]! |= 1 << (j & 31);
      constraints.push({ kind: "reservation", party: cp.party.id, value: cp.reservation });
      sets.push(bits);
    }
    cp.redLines.forEach((line, index) => {
      const bits = new Uint32Array(words);
      lines.push({ line, bits });
      constraints.push({ kind: "red-line", party: cp.party.id, index, redLine: line.source });
      sets.push(bits);
    });
  });
  // One pass over the outcomes with a mixed-radix counter fills every red line's bitset.
  if (lines.length > 0) {
    const n = compiled.radices.length;
    const idx = new Int32Array(n);
    for (let j = 0; j < size; j++) {
      for (const { line, bits } of lines) if (!crossesRedLine(line, idx)) bits[j >>> 5]! |= 1 << (j & 31);
      for (let i = n - 1; i >= 0; i--) {
        if (++idx[i]! < compiled.radices[i]!) break;
        idx[i] = 0;
      }
    }
  }

  const found: number[][] = [];
  let truncated = false;
  const isSuperset = (chosen: number[]): boolean => found.some((f) => f.every((c) => chosen.includes(c)));
  const full = new Uint32Array(words).fill(0xffffffff);
  if (size % 32 !== 0) full[words - 1] = (1 << size % 32) - 1;
  // Breadth by size so that reported sets are the smallest; depth-first within a size.
  for (let target = 1; target <= maxSize && found.length < maxResults; target++) {
    const chosen: number[] = [];
    const walk = (start: number, acc: Uint32Array): void => {
      if (found.length >= maxResults) return;
      for (let c = start; c < constraints.length; c++) {
        chosen.push(c);
        if (!isSuperset(chosen)) {
          const next = new Uint32Array(words);
          let any = 0;
          const s = sets[c]!;
          for (let w = 0; w < words; w++) any |= next[w] = acc[w]! & s[w]!;
          if (chosen.length === target) {
            if (any === 0) found.push([...chosen]);
          } else if (any !== 0) walk(c + 1, next);
        }
        chosen.pop();
        if (found.length >= maxResults) {
          truncated = true;
          return;
        }
      }
    };
    walk(0, full);
  }
  if (found.length === 0 && enumerated.rationalCount === 0) truncated = true;
  return { conflicts: found.map((f) => f.map((c) => constraints[c]!)), truncated };
}
