// Agent specs ("boulware", "conceder(e=3)") → negotiator factories, through the core's strategies
// registry, with its errors turned into one kind the commands report as usage errors.
import { isParleyError, negotiatorFromSpec, type NegotiatorFactory } from "@parley/core";

/** An unknown name, a malformed spec or a bad parameter. */
export class AgentSpecError extends Error {
  override name = "AgentSpecError";
}

/** The negotiator factory of a spec. Throws AgentSpecError for an unknown name or a bad parameter. */
export function parseAgentSpec(spec: string): NegotiatorFactory {
  try {
    return negotiatorFromSpec(spec);
  } catch (error) {
    if (isParleyError(error) && (error.code === "PARLEY_ERR_UNKNOWN_STRATEGY" || error.code === "PARLEY_ERR_BAD_PARAMETER"))
      throw new AgentSpecError(error.message);
    throw error;
  }
}
