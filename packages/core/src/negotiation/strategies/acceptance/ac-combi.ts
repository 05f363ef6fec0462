import { acNext } from "./ac-next.js";
import { UTILITY_EPSILON, type AcceptanceFactory } from "./acceptance-condition.js";

export interface AcCombiOptions {
  /** The time after which the fallback applies. */
  readonly T: number;
  /**
   * `recent` (MAX^W): the best offer received in the last window of length W = 1 − t, i.e. since
   * time t − (1 − t); `all` (MAX^T): the best offer received so far. Default `recent`.
   */
  readonly window?: "recent" | "all";
  /** AC_next's α and β (default 1, 0). */
  readonly alpha?: number;
  readonly beta?: number;
}

/**
 * AC_combi(T, MAX^W) (Baarslag et al. 2011, 2014): accept when AC_next accepts, or when t ≥ T and
 * the offer is worth at least the best offer received in the window (the offer itself included, so
 * it accepts when the offer is the best of the window). The window maximum is a monotone deque over
 * the received-offer log: O(1) amortised per call.
 */
export function acCombi(options: AcCombiOptions): AcceptanceFactory {
  const { T } = options;
  const recent = (options.window ?? "recent") === "recent";
  return (session, offering) => {
    const next = acNext(options.alpha ?? 1, options.beta ?? 0)(session, offering);
    const deque: number[] = [];
    let head = 0;
    let pushed = 0;
    let bestAll = -Infinity;
    const windowMax = (t: number): number => {
      const received = session.received;
      for (; pushed < received.length; pushed++) {
        const u = received[pushed]!.utility;
        if (u > bestAll) bestAll = u;
        while (deque.length > head && received[deque[deque.length - 1]!]!.utility <= u) deque.pop();
        deque.push(pushed);
      }
      if (!recent) return bestAll;
      const start = t - (1 - t);
      while (head < deque.length && received[deque[head]!]!.time < start) head++;
      return head < deque.length ? received[deque[head]!]!.utility : -Infinity;
    };
    return {
      accept(view, offer, utility, from) {
        if (next.accept(view, offer, utility, from)) return true;
        return view.time >= T && utility >= windowMax(view.time) - UTILITY_EPSILON;
      },
    };
  };
}
