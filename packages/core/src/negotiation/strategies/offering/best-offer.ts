import type { OfferingFactory } from "./offering-policy.js";

/** Always offers its best acceptable outcome (the Hardliner's and the Nice agent's offers). */
export function bestOffering(): OfferingFactory {
  return (session) => {
    const { outcomes } = session;
    return {
      target: () => session.top,
      propose: () => (outcomes.size ? outcomes.outcomeAt(outcomes.size - 1) : null),
    };
  };
}
