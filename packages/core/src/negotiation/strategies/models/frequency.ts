import type { Outcome } from "../../types.js";
import type { AgentContext } from "../../negotiator.js";
import type { OpponentModel } from "./opponent-model.js";

/** A frequency model, with its estimates open for inspection. */
export interface FrequencyModel extends OpponentModel {
  /** Estimated issue weights (they sum to 1). */
  weights(): number[];
  /** Estimated score of every option of issue i, in [0, 1]: its count over the largest count. */
  valueScores(issue: number): number[];
}

export interface FrequencyModelOptions {
  /** HardHeaded's learning coefficient: an unchanged issue gains learningRate / issues of weight. Default 0.2. */
  readonly learningRate?: number;
}

/**
 * A frequency opponent model in the style of HardHeaded (van Krimpen, Looije & Hajizadeh 2013).
 * Weights start equal (1/n). When an offer keeps an issue's value from the opponent's previous
 * offer, that issue gains ε = learningRate / n, and all weights are divided by 1 + ε·(number of
 * unchanged issues) so they still sum to 1: issues the opponent rarely changes matter to it. A
 * value's score is how often the opponent offered it, over the count of its most offered value.
 * Estimated utility: Σᵢ wᵢ · scoreᵢ(xᵢ). Update and evaluation are O(issues).
 */
export function frequencyModel(options: FrequencyModelOptions = {}): (ctx: AgentContext) => FrequencyModel {
  const rate = options.learningRate ?? 0.2;
  return (ctx): FrequencyModel => {
    const n = ctx.values.length;
    const weights = new Float64Array(n).fill(n ? 1 / n : 0);
    const counts = ctx.values.map((v) => new Float64Array(v.length));
    const maxCount = new Float64Array(n);
    let previous: Outcome | null = null;
    let observations = 0;
    return {
      get observations() {
        return observations;
      },
      update(offer) {
        if (previous) {
          let unchanged = 0;
          for (let i = 0; i < n; i++) if (offer[i] === previous[i]) unchanged++;
          if (unchanged > 0) {
            const gain = rate / n;
            const total = 1 + gain * unchanged;
            for (let i = 0; i < n; i++) weights[i] = (weights[i]! + (offer[i] === previous[i] ? gain : 0)) / total;
          }
        }
        for (let i = 0; i < n; i++) {
          const c = ++counts[i]![offer[i]!]!;
          if (c > maxCount[i]!) maxCount[i] = c;
        }
        previous = offer;
        observations++;
      },
      utility(outcome) {
        let u = 0;
        for (let i = 0; i < n; i++) {
          const m = maxCount[i]!;
          if (m > 0) u += (weights[i]! * counts[i]![outcome[i]!]!) / m;
        }
        return u;
      },
      weights: () => Array.from(weights),
      valueScores: (i) => Array.from(counts[i]!, (c) => (maxCount[i]! > 0 ? c / maxCount[i]! : 0)),
    };
  };
}
