// Simulation jobs: the core's simulation use case (planSimulation / runSimulation) bound to a
// stored scenario version. Domain rules live in the core; this file only adds where the scenario
// came from.
import {
  compileScenario,
  planSimulation,
  runSimulation,
  type SimulationPlan,
  type SimulationReference,
  type SimulationRequest,
} from "@parley/core";
import type { ScenarioVersion } from "../store/store.js";

/** A simulation request after validation (zod defaults applied). */
export interface SimulationJobRequest extends SimulationRequest {
  readonly scenarioId: string;
  readonly version?: number | undefined;
}

/** A request checked against its stored scenario: everything needed to run it. */
export interface SimulationJob {
  readonly source: ScenarioVersion;
  readonly plan: SimulationPlan;
}

/** Check a request against its scenario. Throws ParleyError (the error handler maps codes to statuses). */
export function planSimulationJob(source: ScenarioVersion, request: SimulationJobRequest, maxRounds: number): SimulationJob {
  return { source, plan: planSimulation(compileScenario(source.scenario), request, { maxRounds }) };
}

/** Run a planned simulation: the core's summary, with the scenario version it ran on. */
export function runSimulationJob(job: SimulationJob, reference: SimulationReference) {
  const { source, plan } = job;
  return { scenario: { id: source.id, name: plan.compiled.scenario.name, version: source.version }, ...runSimulation(plan, reference) };
}

export type SimulationResult = ReturnType<typeof runSimulationJob>;
