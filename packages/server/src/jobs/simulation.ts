// Simulation jobs: the core's simulation use case (planSimulation / runSimulation) bound to a
// stored scenario version. Domain rules live in the core; this file only adds where the scenario
// came from. Runs on a worker thread (workers/tasks.ts).
import {
  compileScenario,
  planSimulation,
  runSimulation,
  type CompiledScenario,
  type SimulationPlan,
  type SimulationReference,
  type SimulationRequest,
} from "@parley/core";
import type { ScenarioSource } from "../store/store.js";

/** A simulation request after validation (zod defaults applied). */
export interface SimulationJobRequest extends SimulationRequest {
  readonly scenarioId: string;
  readonly version?: number | undefined;
}

/**
 * Check a request against its scenario (`compiled`: the scenario compiled, when the caller has it).
 * Throws ParleyError (the error handler maps codes to statuses).
 */
export function planSimulationJob(source: ScenarioSource, request: SimulationJobRequest, maxRounds: number, compiled: CompiledScenario = compileScenario(source.scenario)): SimulationPlan {
  return planSimulation(compiled, request, { maxRounds });
}

/** Run a planned simulation: the core's summary, with the scenario version it ran on. */
export function runSimulationJob(source: ScenarioSource, plan: SimulationPlan, reference: SimulationReference) {
  return { scenario: { id: source.id, name: plan.compiled.scenario.name, version: source.version }, ...runSimulation(plan, reference) };
}

export type SimulationResult = ReturnType<typeof runSimulationJob>;
