// Negotiation: protocols as state machines, negotiators, the runner and traces.
export type { Outcome, Response, NegotiationView, Observation, RunStatus, TraceEvent, RunResult } from "./types.js";
export type { AgentContext, Negotiator, NegotiatorFactory } from "./negotiator.js";
export { createUtilityIndex, sortIndices, type UtilityIndex } from "./utility-index.js";
export { createAgentContext, partyUtilityIndex } from "./context.js";
export {
  ProtocolViolation,
  type Ask,
  type Answer,
  type ProtocolEvent,
  type ProtocolMachine,
  type Step,
} from "./protocols/protocol.js";
export { saoProtocol, type SaoOptions } from "./protocols/sao.js";
export { runNegotiation, type RunOptions, type AgentErrorCode } from "./run-negotiation.js";
export { timeBasedNegotiator } from "./agents/time-based.js";
export { stackedProtocol, type StackedOptions } from "./protocols/stacked.js";
export { singleTextProtocol, type SingleTextOptions, type SingleTextMediator } from "./protocols/single-text.js";
export { shuttleProtocol, type ShuttleOptions } from "./protocols/shuttle.js";
export {
  protocolRegistry,
  protocolNames,
  isProtocolName,
  createProtocol,
  MEDIATOR_STREAM,
  type ProtocolName,
  type ProtocolSettings,
  type ProtocolEntry,
} from "./protocols/registry.js";
export {
  negotiationReference,
  runMetrics,
  nearestDistance,
  welfare,
  type NegotiationReference,
  type RunMetrics,
} from "./metrics.js";
// Strategies: BOA parts (offering, acceptance, opponent models), named negotiators and agent specs.
export { acceptableOutcomes, type AcceptableOutcomes } from "./strategies/acceptable-outcomes.js";
export { createBoaSession, type BoaSession, type BoaSessionWriter, type ReceivedOffer, type SentOffer } from "./strategies/session.js";
export { boaNegotiator, type BoaParts } from "./strategies/boa-negotiator.js";
export type { OfferingPolicy, OfferingFactory } from "./strategies/offering/offering-policy.js";
export { selectBid, selectBidPosition, type BidWindow } from "./strategies/offering/select-bid.js";
export { timeDependentTarget, timeDependentOffering, type TimeDependentOptions } from "./strategies/offering/time-dependent.js";
export { aspirationLevel, aspirationOffering, type AspirationCurve, type AspirationOptions } from "./strategies/offering/aspiration.js";
export { randomOffering } from "./strategies/offering/random-offering.js";
export { bestOffering } from "./strategies/offering/best-offer.js";
export { titForTatOffering, type TitForTatOptions } from "./strategies/offering/tit-for-tat.js";
export { niceTitForTatOffering, type NiceTitForTatOptions } from "./strategies/offering/nice-tit-for-tat.js";
export { microOffering } from "./strategies/offering/micro.js";
export { consensusOffering, type ConsensusOptions } from "./strategies/offering/consensus.js";
export type { AcceptanceCondition, AcceptanceFactory } from "./strategies/acceptance/acceptance-condition.js";
export { acNext } from "./strategies/acceptance/ac-next.js";
export { acConst } from "./strategies/acceptance/ac-const.js";
export { acTime } from "./strategies/acceptance/ac-time.js";
export { acCombi, type AcCombiOptions } from "./strategies/acceptance/ac-combi.js";
export { acAlways } from "./strategies/acceptance/ac-always.js";
export { acProbabilistic } from "./strategies/acceptance/ac-probabilistic.js";
export type { OpponentModel, OpponentModelFactory } from "./strategies/models/opponent-model.js";
export { frequencyModel, type FrequencyModel, type FrequencyModelOptions } from "./strategies/models/frequency.js";
export { bayesianModel, type BayesianModel, type BayesianModelOptions } from "./strategies/models/bayesian.js";
export { estimateNash, type NashEstimate, type NashEstimateOptions } from "./strategies/models/nash-estimate.js";
export {
  resolveParameters,
  describeParameter,
  describeType,
  type ParameterSpec,
  type ParameterSpecs,
  type ParameterValue,
  type ParameterValues,
  type NumberParameter,
  type BooleanParameter,
  type EnumParameter,
} from "./strategies/parameters.js";
export {
  negotiatorRegistry,
  negotiatorNames,
  isNegotiatorName,
  negotiatorEntry,
  createNegotiator,
  type NegotiatorEntry,
  type NegotiatorName,
  type NegotiatorParameters,
} from "./strategies/registry.js";
export { parseAgentSpec, parseAgentSpecs, splitAgentList, formatAgentSpec, negotiatorFromSpec, type AgentSpec } from "./strategies/agent-spec.js";
export { summarizeRun, type RunSummary } from "./run-summary.js";
