// Page 1: the stored scenarios, and importing new ones.
import { api } from "../api/client.js";
import type { ScenarioSummary } from "../api/types.js";
import { ImportPanel } from "../components/ImportPanel.js";
import { WithResource } from "../components/Status.js";
import { routeHash } from "../lib/route.js";
import { fmtDate } from "../charts/format.js";
import { resourceKey } from "../state/actions/resources.js";
import { useResource } from "../state/use-resource.js";

export function ScenarioListPage() {
  const scenarios = useResource(resourceKey.scenarios, () => api.listScenarios());
  return (
    <div className="page scenario-list-page">
      <header className="page-header">
        <h1>Scenarios</h1>
        <p className="lede">Negotiations stored on this server. Open one to see its parties, frameworks, outcome space and timeline, or to simulate it.</p>
      </header>
      <section className="panel" aria-labelledby="list-title">
        <h2 id="list-title" className="visually-hidden">
          Stored scenarios
        </h2>
        <WithResource resource={scenarios} what="the scenarios">
          {(list) => <ScenarioTable list={list} />}
        </WithResource>
      </section>
      <ImportPanel />
    </div>
  );
}

function ScenarioTable({ list }: { list: readonly ScenarioSummary[] }) {
  if (list.length === 0) return <p className="empty">No scenarios yet: import one below.</p>;
  return (
    <table className="data-table" data-testid="scenario-list">
      <thead>
        <tr>
          <th scope="col">Scenario</th>
          <th scope="col">Parties</th>
          <th scope="col" className="num">
            Issues
          </th>
          <th scope="col" className="num">
            Frameworks
          </th>
          <th scope="col" className="num">
            Version
          </th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {list.map((s) => (
          <tr key={s.id} data-testid={`scenario-row-${s.id}`}>
            <td>
              <a href={routeHash({ page: "scenario", id: s.id, tab: "overview" })} className="strong-link" data-testid="scenario-link">
                {s.name}
              </a>
              <div className="muted small">
                <code>{s.id}</code>
                {s.builtin && <span className="tag">built-in</span>}
              </div>
            </td>
            <td>{Array.isArray(s.parties) ? s.parties.join(", ") : String(s.parties)}</td>
            <td className="num">{s.issues}</td>
            <td className="num">{s.frameworks}</td>
            <td className="num">{s.version}</td>
            <td className="muted">{fmtDate(s.updatedAt.slice(0, 10))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
