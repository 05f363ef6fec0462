// A simulation job: started → running → done (with its run result), or failed.
import type { RunResultJson, SimulationJson } from "../../api/types.js";
import { initialReplay } from "../app-state.js";
import type { Action } from "../action.js";

export const simulationStarting: Action<{ scenarioId: string; origin?: string }> = (state, { scenarioId, origin }) => ({
  ...state,
  simulation: { status: "starting", id: null, scenarioId, origin: origin ?? "form", result: null, metrics: null, error: null },
  replay: initialReplay,
});

export const simulationAccepted: Action<{ id: string }> = (state, { id }) => ({
  ...state,
  simulation: { ...state.simulation, status: "running", id },
});

/** A fresh GET /api/simulations/:id: done jobs load their trace into the replay. */
export const simulationUpdated: Action<{ id: string; job: SimulationJson }> = (state, { id, job }) => {
  if (state.simulation.id !== id) return state;
  if (job.status === "done" && job.result) {
    if (state.simulation.status === "done") return state;
    const length = job.result.trace.length;
    return {
      ...state,
      simulation: { ...state.simulation, status: "done", result: job.result, metrics: metricsOf(job.result), error: null },
      replay: { ...initialReplay, speed: state.replay.speed, length, step: length },
    };
  }
  if (job.status === "failed" || job.status === "cancelled" || job.status === "interrupted") {
    const error = job.error?.message ?? `the simulation ${job.status}`;
    return { ...state, simulation: { ...state.simulation, status: "failed", error } };
  }
  return state;
};

export const simulationFailed: Action<{ error: string }> = (state, { error }) => ({
  ...state,
  simulation: { ...state.simulation, status: "failed", error },
});

/** The distances to the frontier and to Nash, as the result carries them. */
function metricsOf(result: RunResultJson): { paretoDistance: number | null; nashDistance: number | null } {
  return { paretoDistance: result.paretoDistance, nashDistance: result.nashDistance };
}
