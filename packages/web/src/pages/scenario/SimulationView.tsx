// Page 5: set up a simulated negotiation (protocol, seats and their agents, rounds, seed), run it on
// the server, then replay the trace.
import { useEffect, useMemo, useState } from "react";
import { api } from "../../api/client.js";
import type { AgentInfo, ProtocolInfo, ProtocolName, ScenarioDetail, SimulationRequest } from "../../api/types.js";
import { ErrorNote, Loading } from "../../components/Status.js";
import { ReplayPanel } from "../../components/ReplayPanel.js";
import { analysedParties } from "../../lib/parties.js";
import { simulationAccepted, simulationFailed, simulationStarting } from "../../state/actions/simulation.js";
import { resourceKey } from "../../state/actions/resources.js";
import { followSimulation } from "../../state/jobs.js";
import { dispatch, useAppState } from "../../state/store.js";
import { errorMessage, useResource } from "../../state/use-resource.js";
import { RoomStartForm } from "./RoomStartForm.js";

/** Used when the server's registry cannot be read. */
const FALLBACK_PROTOCOLS: ProtocolInfo[] = [
  { name: "sao", description: "alternating offers between two parties", minSeats: 2, maxSeats: 2, mediated: false, options: [] },
  { name: "stacked", description: "stacked alternating offers among two or more parties", minSeats: 2, maxSeats: null, mediated: false, options: [] },
  { name: "single-text", description: "a mediator proposes a single text; the parties accept or veto", minSeats: 2, maxSeats: null, mediated: true, options: ["mediator", "framework"] },
  { name: "shuttle", description: "a mediator shuttles a draft between the parties", minSeats: 2, maxSeats: null, mediated: true, options: ["exclude", "framework"] },
];
const FALLBACK_AGENTS: AgentInfo[] = ["boulware", "linear", "conceder", "hardliner"].map((name) => ({ name, description: "", source: "", rational: true, parameters: [] }));

export function SimulationView({ detail }: { detail: ScenarioDetail }) {
  const sim = useAppState((s) => s.simulation);
  const metrics = useAppState((s) => s.simulation.metrics);
  const protocols = useResource(resourceKey.protocols, () => api.protocols());
  const agents = useResource(resourceKey.agents, () => api.agents());

  // Keep following a job that is still running when the page is (re)opened.
  const running = sim.status === "running" && sim.id !== null && sim.scenarioId === detail.id;
  useEffect(() => (running ? followSimulation(sim.id!) : undefined), [running, sim.id]);

  const mine = sim.scenarioId === detail.id;
  return (
    <div className="simulation-view" data-testid="simulation-view">
      <SimulationForm
        detail={detail}
        protocols={protocols?.status === "ready" ? protocols.data : FALLBACK_PROTOCOLS}
        agents={agents?.status === "ready" ? agents.data : agents?.status === "error" ? FALLBACK_AGENTS : []}
        busy={mine && (sim.status === "starting" || sim.status === "running")}
      />
      {mine && (sim.status === "starting" || sim.status === "running") && <Loading what="the simulation" />}
      {mine && sim.status === "failed" && <ErrorNote title="The simulation failed." message={sim.error ?? ""} />}
      {mine && sim.status === "done" && sim.result && (
        <ReplayPanel scenarioId={detail.id} version={detail.version} scenario={detail.scenario} result={sim.result} metrics={metrics} />
      )}
      <RoomStartForm detail={detail} agents={agents?.status === "ready" ? agents.data : agents?.status === "error" ? FALLBACK_AGENTS : []} />
    </div>
  );
}

function SimulationForm({ detail, protocols, agents, busy }: { detail: ScenarioDetail; protocols: readonly ProtocolInfo[]; agents: readonly AgentInfo[]; busy: boolean }) {
  const parties = useMemo(() => analysedParties(detail.scenario), [detail.scenario]);
  const defaultSeats = useMemo(() => {
    const seated = parties.filter((p) => p.role === "party").map((p) => p.id);
    return seated.length > 0 ? seated : parties.map((p) => p.id);
  }, [parties]);
  const [seats, setSeats] = useState<string[]>(defaultSeats);
  const [protocol, setProtocol] = useState<ProtocolName>(defaultSeats.length === 2 ? "sao" : "stacked");
  const [specs, setSpecs] = useState<Record<string, string>>({});
  const [rounds, setRounds] = useState(100);
  const [seed, setSeed] = useState(1);
  const [exclude, setExclude] = useState<string[]>([]);
  const [mediator, setMediator] = useState<"random-flip" | "hill-climb">("hill-climb");
  const [framework, setFramework] = useState("");

  const info = protocols.find((p) => p.name === protocol);
  const min = info?.minSeats ?? 2;
  const max = info?.maxSeats ?? Infinity;
  const seatProblem = seats.length < min ? `${protocol} needs at least ${min} seats` : seats.length > (max ?? Infinity) ? `${protocol} takes at most ${max} seats` : null;
  const agentNames = agents.map((a) => a.name);
  const specOf = (id: string, k: number) => specs[id] ?? (agentNames.includes("boulware") ? (k % 2 === 0 ? "boulware" : "conceder") : (agentNames[0] ?? "linear"));

  const toggleSeat = (id: string) =>
    setSeats((s) => (s.includes(id) ? s.filter((x) => x !== id) : parties.map((p) => p.id).filter((x) => x === id || s.includes(x))));

  const run = async () => {
    const request: SimulationRequest = {
      scenarioId: detail.id,
      version: detail.version,
      protocol,
      seats,
      agents: seats.map((id, k) => specOf(id, k).trim()),
      rounds,
      seed,
      ...(protocol === "shuttle" && exclude.length > 0 ? { exclude: exclude.filter((e) => seats.includes(e)) } : {}),
      ...(protocol === "single-text" ? { mediator } : {}),
      ...((protocol === "single-text" || protocol === "shuttle") && framework ? { framework } : {}),
    };
    dispatch(simulationStarting, { scenarioId: detail.id });
    try {
      const { id } = await api.startSimulation(request);
      dispatch(simulationAccepted, { id });
    } catch (error) {
      dispatch(simulationFailed, { error: errorMessage(error) });
    }
  };

  return (
    <section className="panel sim-form" aria-labelledby="sim-title">
      <h2 id="sim-title">Simulate a negotiation</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="form-grid">
          <label className="field">
            <span>Protocol</span>
            <select value={protocol} onChange={(e) => setProtocol(e.target.value as ProtocolName)} data-testid="sim-protocol">
              {protocols.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
            {info?.description && <small className="muted">{info.description}</small>}
          </label>
          <label className="field narrow">
            <span>Rounds</span>
            <input type="number" min={1} max={100000} value={rounds} onChange={(e) => setRounds(Math.max(1, Number(e.target.value) || 1))} data-testid="sim-rounds" />
          </label>
          <label className="field narrow">
            <span>Seed</span>
            <input type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} data-testid="sim-seed" />
          </label>
          {protocol === "single-text" && (
            <label className="field">
              <span>Mediator</span>
              <select value={mediator} onChange={(e) => setMediator(e.target.value as "random-flip" | "hill-climb")}>
                <option value="hill-climb">hill-climb</option>
                <option value="random-flip">random-flip</option>
              </select>
            </label>
          )}
          {(protocol === "single-text" || protocol === "shuttle") && detail.scenario.frameworks.length > 0 && (
            <label className="field">
              <span>Opening text</span>
              <select value={framework} onChange={(e) => setFramework(e.target.value)}>
                <option value="">random</option>
                {detail.scenario.frameworks.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <fieldset className="seats">
          <legend>Seats and agents</legend>
          <datalist id="agent-names">
            {agents.map((a) => (
              <option key={a.name} value={a.name}>
                {a.description}
              </option>
            ))}
          </datalist>
          <table className="data-table seat-table">
            <thead>
              <tr>
                <th scope="col">Seat</th>
                <th scope="col">Party</th>
                <th scope="col">Agent (name or name(param=value))</th>
                {protocol === "shuttle" && <th scope="col">Ratify only</th>}
              </tr>
            </thead>
            <tbody>
              {parties.map((p) => {
                const k = seats.indexOf(p.id);
                return (
                  <tr key={p.id} className={k < 0 ? "unseated" : undefined}>
                    <td>
                      <input type="checkbox" checked={k >= 0} onChange={() => toggleSeat(p.id)} aria-label={`Seat ${p.label}`} data-testid={`seat-${p.id}`} />
                    </td>
                    <td>
                      <span className="party-dot" style={{ background: k >= 0 ? p.color : "#cbd2d9" }} aria-hidden="true" /> {p.label}{" "}
                      <span className="muted small">({p.role})</span>
                    </td>
                    <td>
                      <input
                        type="text"
                        list="agent-names"
                        value={k >= 0 ? specOf(p.id, k) : (specs[p.id] ?? "")}
                        disabled={k < 0}
                        onChange={(e) => setSpecs((s) => ({ ...s, [p.id]: e.target.value }))}
                        data-testid={`agent-${p.id}`}
                        aria-label={`Agent for ${p.label}`}
                      />
                    </td>
                    {protocol === "shuttle" && (
                      <td>
                        <input
                          type="checkbox"
                          disabled={k < 0}
                          checked={exclude.includes(p.id)}
                          onChange={() => setExclude((x) => (x.includes(p.id) ? x.filter((e) => e !== p.id) : [...x, p.id]))}
                          aria-label={`${p.label} only ratifies`}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {agents.length > 0 && (
            <details className="agent-help">
              <summary className="small">Agents available ({agents.length})</summary>
              <dl className="small">
                {agents.map((a) => (
                  <div key={a.name}>
                    <dt>
                      <code>{a.name}</code>
                    </dt>
                    <dd>
                      {a.description}
                      {a.parameters && a.parameters.length > 0 && <span className="muted"> — {a.parameters.map((p) => p.summary ?? p.name).join("; ")}</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || seatProblem !== null} data-testid="sim-run">
            {busy ? "Running…" : "Run simulation"}
          </button>
          {seatProblem && <span className="status warning small">{seatProblem}</span>}
        </div>
      </form>
    </section>
  );
}
