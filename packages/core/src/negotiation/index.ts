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
