// Following server jobs (simulations, tournaments): the event stream nudges an immediate refresh,
// and a poll keeps going in case the stream is unavailable. Ends when the job is finished.
import { api } from "../api/client.js";
import type { JobEvent, SimulationJson, TournamentJson } from "../api/types.js";
import { simulationFailed, simulationUpdated } from "./actions/simulation.js";
import { tournamentFailed, tournamentProgressed, tournamentUpdated } from "./actions/tournament.js";
import { store } from "./store.js";
import { errorMessage } from "./use-resource.js";

const finished = (status: string) => status !== "queued" && status !== "running";

function follow<T extends { status: string }>(
  kind: "simulations" | "tournaments",
  id: string,
  get: (id: string) => Promise<T>,
  onUpdate: (job: T) => void,
  onEvent: (event: JobEvent) => void,
  onError: (message: string) => void,
  pollMs = 700,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let again = false;
  let failures = 0;
  const refresh = async () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      const job = await get(id);
      failures = 0;
      if (stopped) return;
      onUpdate(job);
      if (finished(job.status)) stop();
    } catch (error) {
      if (++failures >= 5) {
        onError(errorMessage(error));
        stop();
      }
    } finally {
      inFlight = false;
    }
    if (again && !stopped) {
      again = false;
      void refresh();
    }
  };
  const loop = () => {
    if (stopped) return;
    void refresh().finally(() => {
      if (!stopped) timer = setTimeout(loop, pollMs);
    });
  };
  const close = api.follow(kind, id, (event) => {
    onEvent(event);
    if (event.type === "done" || event.type === "status" || event.type === "result" || event.type === "message") void refresh();
  });
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    close();
  };
  loop();
  return stop;
}

export function followSimulation(id: string): () => void {
  return follow<SimulationJson>(
    "simulations",
    id,
    (i) => api.simulation(i),
    (job) => store.dispatch(simulationUpdated, { id, job }),
    () => {},
    (error) => store.dispatch(simulationFailed, { error }),
    400,
  );
}

export function followTournament(id: string): () => void {
  return follow<TournamentJson>(
    "tournaments",
    id,
    (i) => api.tournament(i),
    (job) => store.dispatch(tournamentUpdated, { id, job }),
    (event) => {
      const d = event.data as { done?: unknown; total?: unknown; progress?: { done?: unknown; total?: unknown } } | null;
      const p = d && typeof d === "object" ? (d.progress ?? d) : null;
      if (p && typeof p.done === "number" && typeof p.total === "number") store.dispatch(tournamentProgressed, { id, done: p.done, total: p.total });
    },
    (error) => store.dispatch(tournamentFailed, { error }),
  );
}
