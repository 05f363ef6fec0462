// Page 6: configure a tournament (competitors, scenarios and their seats, repetitions, seed), follow
// its progress, read the leaderboard, and drill into one run (replayed as a simulation with the
// run's own seed, so the trace is the run's).
import { useEffect, useMemo, useState } from "react";
import { api } from "../api/client.js";
import type { AgentInfo, LeaderboardRowJson, ScenarioSummary, TournamentJson, TournamentRequest, TournamentRunJson } from "../api/types.js";
import { ErrorNote, Loading, WithResource } from "../components/Status.js";
import { ReplayPanel } from "../components/ReplayPanel.js";
import { fmtCount, fmtPercent, fmtUtility } from "../charts/format.js";
import { routeHash } from "../lib/route.js";
import { simulationAccepted, simulationFailed, simulationStarting } from "../state/actions/simulation.js";
import { tournamentAccepted, tournamentFailed, tournamentOpened, tournamentRunSelected, tournamentStarting } from "../state/actions/tournament.js";
import { resourceKey } from "../state/actions/resources.js";
import { followSimulation, followTournament } from "../state/jobs.js";
import { dispatch, useAppState } from "../state/store.js";
import { errorMessage, useResource } from "../state/use-resource.js";

export function TournamentPage({ id }: { id?: string }) {
  const t = useAppState((s) => s.tournament);
  useEffect(() => {
    if (id !== undefined) dispatch(tournamentOpened, { id });
  }, [id]);
  const following = id !== undefined && t.id === id && (t.status === "running" || t.status === "starting");
  useEffect(() => (following ? followTournament(id) : undefined), [following, id]);

  return (
    <div className="page tournament-page">
      <header className="page-header">
        <h1>Tournaments</h1>
        <p className="lede">Automated agents meet each other on the stored scenarios, in every seat, with seeded runs; the leaderboard ranks them by mean utility.</p>
      </header>
      {id === undefined ? <TournamentForm /> : <TournamentResults id={id} />}
    </div>
  );
}

function TournamentForm() {
  const agents = useResource(resourceKey.agents, () => api.agents());
  const scenarios = useResource(resourceKey.scenarios, () => api.listScenarios());
  const t = useAppState((s) => s.tournament);
  return (
    <WithResource resource={agents} what="the agents">
      {(a) => (
        <WithResource resource={scenarios} what="the scenarios">
          {(s) => <TournamentFormBody agents={a} scenarios={s} busy={t.status === "starting"} error={t.status === "failed" && t.id === null ? t.error : null} />}
        </WithResource>
      )}
    </WithResource>
  );
}

function TournamentFormBody({ agents, scenarios, busy, error }: { agents: readonly AgentInfo[]; scenarios: readonly ScenarioSummary[]; busy: boolean; error: string | null }) {
  const [competitors, setCompetitors] = useState<string[]>(() => ["boulware", "linear", "conceder"].filter((n) => agents.some((a) => a.name === n)));
  const [custom, setCustom] = useState("");
  const [chosen, setChosen] = useState<Record<string, string>>(() => (scenarios[0] ? { [scenarios[0].id]: scenarios[0].parties.slice(0, 2).join(", ") } : {}));
  const [protocol, setProtocol] = useState<"sao" | "stacked">("sao");
  const [rounds, setRounds] = useState(100);
  const [repetitions, setRepetitions] = useState(2);
  const [seed, setSeed] = useState(7);
  const [rotate, setRotate] = useState(true);

  const toggle = (name: string) => setCompetitors((c) => (c.includes(name) ? c.filter((x) => x !== name) : [...c, name]));
  const start = async () => {
    const request: TournamentRequest = {
      competitors,
      scenarios: Object.entries(chosen).map(([id, seats]) => {
        const list = seats
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean);
        return list.length > 0 ? { id, seats: list } : { id };
      }),
      protocol,
      rounds,
      repetitions,
      seed,
      rotate,
      selfPlay: false,
    };
    dispatch(tournamentStarting, undefined);
    try {
      const { id } = await api.startTournament(request);
      dispatch(tournamentAccepted, { id });
      location.hash = routeHash({ page: "tournaments", id });
    } catch (e) {
      dispatch(tournamentFailed, { error: errorMessage(e) });
    }
  };

  return (
    <section className="panel" aria-labelledby="tconf-title">
      <h2 id="tconf-title">New tournament</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div className="two-columns">
          <fieldset>
            <legend>Competitors</legend>
            <ul className="check-list" data-testid="competitors">
              {agents.map((a) => (
                <li key={a.name}>
                  <label title={a.description}>
                    <input type="checkbox" checked={competitors.includes(a.name)} onChange={() => toggle(a.name)} /> <code>{a.name}</code>{" "}
                    <span className="muted small">{a.description}</span>
                  </label>
                </li>
              ))}
              {competitors
                .filter((c) => !agents.some((a) => a.name === c))
                .map((c) => (
                  <li key={c}>
                    <label>
                      <input type="checkbox" checked onChange={() => toggle(c)} /> <code>{c}</code>
                    </label>
                  </li>
                ))}
            </ul>
            <div className="inline-form">
              <input type="text" placeholder="e.g. conceder(e=3)" value={custom} onChange={(e) => setCustom(e.target.value)} aria-label="Another competitor spec" />
              <button
                type="button"
                className="button secondary small"
                disabled={custom.trim() === "" || competitors.includes(custom.trim())}
                onClick={() => {
                  setCompetitors((c) => [...c, custom.trim()]);
                  setCustom("");
                }}
              >
                Add
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>Scenarios and seats</legend>
            <ul className="check-list" data-testid="tournament-scenarios">
              {scenarios.map((s) => (
                <li key={s.id}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid={`tournament-scenario-${s.id}`}
                      checked={s.id in chosen}
                      onChange={() =>
                        setChosen((c) => {
                          const next = { ...c };
                          if (s.id in next) delete next[s.id];
                          else next[s.id] = s.parties.slice(0, 2).join(", ");
                          return next;
                        })
                      }
                    />{" "}
                    {s.name}
                  </label>
                  {s.id in chosen && (
                    <label className="seats-input small">
                      seats{" "}
                      <input type="text" value={chosen[s.id]} onChange={(e) => setChosen((c) => ({ ...c, [s.id]: e.target.value }))} aria-label={`Seats in ${s.name}`} />
                      <span className="muted"> of {s.parties.join(", ")}</span>
                    </label>
                  )}
                </li>
              ))}
            </ul>
            <div className="form-grid">
              <label className="field">
                <span>Protocol</span>
                <select value={protocol} onChange={(e) => setProtocol(e.target.value as "sao" | "stacked")}>
                  <option value="sao">sao (two seats)</option>
                  <option value="stacked">stacked (two or more)</option>
                </select>
              </label>
              <label className="field narrow">
                <span>Rounds</span>
                <input type="number" min={1} value={rounds} onChange={(e) => setRounds(Math.max(1, Number(e.target.value) || 1))} />
              </label>
              <label className="field narrow">
                <span>Repetitions</span>
                <input type="number" min={1} max={1000} value={repetitions} onChange={(e) => setRepetitions(Math.max(1, Number(e.target.value) || 1))} data-testid="repetitions" />
              </label>
              <label className="field narrow">
                <span>Seed</span>
                <input type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
              </label>
              <label className="field checkbox">
                <input type="checkbox" checked={rotate} onChange={(e) => setRotate(e.target.checked)} /> every competitor in every seat
              </label>
            </div>
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || competitors.length < 2 || Object.keys(chosen).length === 0} data-testid="tournament-start">
            {busy ? "Starting…" : "Start tournament"}
          </button>
          {error && <ErrorNote title="Could not start." message={error} />}
        </div>
      </form>
    </section>
  );
}

function leaderboardOf(results: TournamentJson["results"]): readonly LeaderboardRowJson[] {
  return results?.scores.competitors ?? [];
}

function TournamentResults({ id }: { id: string }) {
  const t = useAppState((s) => s.tournament);
  if (t.id !== id) return <Loading what="the tournament" />;
  const { done, total } = t.progress;
  const board = leaderboardOf(t.results);
  return (
    <div className="tournament-results" data-testid="tournament-results">
      <p>
        <a href={routeHash({ page: "tournaments" })}>← New tournament</a>
      </p>
      <section className="panel">
        <div className="panel-head">
          <h2>
            Tournament <code className="small">{id.slice(0, 8)}</code>
          </h2>
          <span className={`job-status job-${t.status}`} data-testid="tournament-status">
            {t.status}
          </span>
        </div>
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} data-testid="tournament-progress">
          <span style={{ width: `${total > 0 ? (100 * done) / total : t.status === "done" ? 100 : 0}%` }} />
        </div>
        <p className="small muted">
          {fmtCount(done)} of {fmtCount(total)} runs
          {t.config && ` · ${t.config.protocol}, ${t.config.rounds} rounds, ${t.config.repetitions} repetition${t.config.repetitions === 1 ? "" : "s"}, seed ${t.config.seed}`}
        </p>
        {t.status === "failed" && <ErrorNote title="The tournament failed." message={t.error ?? ""} />}
      </section>
      {board.length > 0 && (
        <section className="panel">
          <h2>Leaderboard</h2>
          <table className="data-table" data-testid="leaderboard">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Competitor</th>
                <th scope="col" className="num">
                  Mean utility
                </th>
                <th scope="col" className="num">
                  Agreements
                </th>
                <th scope="col" className="num">
                  To Pareto
                </th>
                <th scope="col" className="num">
                  To Nash
                </th>
                <th scope="col" className="num">
                  Fairness
                </th>
                <th scope="col" className="num">
                  Errors
                </th>
              </tr>
            </thead>
            <tbody>
              {board.map((r, k) => (
                <tr key={r.competitor}>
                  <td className="num">{r.rank ?? k + 1}</td>
                  <td>
                    <code>{r.competitor}</code>
                  </td>
                  <td className="num">
                    <span className="bar-inline" style={{ width: `${Math.round(r.meanUtility * 60)}px` }} aria-hidden="true" /> {fmtUtility(r.meanUtility)}
                  </td>
                  <td className="num">{fmtPercent(r.agreementRate)}</td>
                  <td className="num">{fmtUtility(r.meanParetoDistance ?? null)}</td>
                  <td className="num">{fmtUtility(r.meanNashDistance ?? null)}</td>
                  <td className="num">{fmtUtility(r.fairness ?? null)}</td>
                  <td className="num">{r.errors ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {t.results && t.results.runs.length > 0 && <Runs id={id} runs={t.results.runs} selected={t.selectedRun} />}
    </div>
  );
}

const PAGE = 50;

function Runs({ id, runs, selected }: { id: string; runs: readonly TournamentRunJson[]; selected: number | null }) {
  const [page, setPage] = useState(0);
  const t = useAppState((s) => s.tournament);
  const sim = useAppState((s) => s.simulation);
  const pages = Math.ceil(runs.length / PAGE);
  const shown = runs.slice(page * PAGE, page * PAGE + PAGE);
  const run = selected !== null ? runs.find((r) => r.index === selected) : undefined;
  const origin = run ? `tournament:${id}:${run.index}` : null;
  const mine = origin !== null && sim.origin === origin;
  const following = mine && sim.status === "running" && sim.id !== null;
  useEffect(() => (following ? followSimulation(sim.id!) : undefined), [following, sim.id]);

  const scenarioId = run?.scenario ?? null;
  const detail = useResource(scenarioId ? resourceKey.scenario(scenarioId) : null, () => api.getScenario(scenarioId!));

  const replay = async (r: TournamentRunJson) => {
    dispatch(tournamentRunSelected, { run: r.index, length: 0 });
    dispatch(simulationStarting, { scenarioId: r.scenario, origin: `tournament:${id}:${r.index}` });
    try {
      const { id: simId } = await api.startSimulation({
        scenarioId: r.scenario,
        ...(r.version !== undefined ? { version: r.version } : {}),
        protocol: t.config?.protocol ?? "sao",
        seats: r.seats,
        agents: r.competitors,
        rounds: t.config?.rounds ?? 100,
        seed: r.seed,
      });
      dispatch(simulationAccepted, { id: simId });
    } catch (e) {
      dispatch(simulationFailed, { error: errorMessage(e) });
    }
  };

  const scenarioVersion = useMemo(() => (detail?.status === "ready" ? detail.data : null), [detail]);

  return (
    <>
      <section className="panel">
        <div className="panel-head">
          <h2>Runs</h2>
          {pages > 1 && (
            <div className="pager">
              <button type="button" className="button small secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
                ←
              </button>
              <span className="small">
                page {page + 1} of {pages}
              </span>
              <button type="button" className="button small secondary" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
                →
              </button>
            </div>
          )}
        </div>
        <table className="data-table runs-table" data-testid="runs">
          <thead>
            <tr>
              <th scope="col" className="num">
                Run
              </th>
              <th scope="col">Scenario</th>
              <th scope="col">Seats: competitors</th>
              <th scope="col">Result</th>
              <th scope="col" className="num">
                Utilities
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.index} className={r.index === selected ? "selected" : undefined}>
                <td className="num">{r.index + 1}</td>
                <td className="small">{r.scenario}</td>
                <td className="small">{r.seats.map((s, k) => `${s}: ${r.competitors[k]}`).join(" · ")}</td>
                <td>
                  <span className={`run-status status-${r.status}`}>{r.status}</span>
                </td>
                <td className="num small">{r.utilities.map(fmtUtility).join(" / ")}</td>
                <td>
                  <button type="button" className="button small secondary" onClick={() => void replay(r)} data-testid={`replay-run-${r.index}`}>
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {run && (
        <section className="run-drill" data-testid="run-drill">
          <h2>
            Run {run.index + 1}: {run.seats.map((s, k) => `${s} (${run.competitors[k]})`).join(" vs ")}
          </h2>
          {mine && (sim.status === "starting" || sim.status === "running") && <Loading what="the run's trace" />}
          {mine && sim.status === "failed" && <ErrorNote title="Could not replay the run." message={sim.error ?? ""} />}
          {mine && sim.status === "done" && sim.result && scenarioVersion && (
            <ReplayPanel scenarioId={scenarioVersion.id} version={scenarioVersion.version} scenario={scenarioVersion.scenario} result={sim.result} metrics={sim.metrics} />
          )}
        </section>
      )}
    </>
  );
}
