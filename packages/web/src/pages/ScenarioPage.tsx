// A scenario: its header and tabs, then the chosen view.
import { api } from "../api/client.js";
import type { ScenarioDetail } from "../api/types.js";
import { WithResource } from "../components/Status.js";
import { routeHash, type ScenarioTab } from "../lib/route.js";
import { resourceKey } from "../state/actions/resources.js";
import { useResource } from "../state/use-resource.js";
import { ScenarioOverview } from "./scenario/ScenarioOverview.js";
import { FrameworkView } from "./scenario/FrameworkView.js";
import { OutcomeSpaceView } from "./scenario/OutcomeSpaceView.js";
import { SimulationView } from "./scenario/SimulationView.js";
import { TimelineView } from "./scenario/TimelineView.js";

const TABS: readonly { tab: ScenarioTab; label: string }[] = [
  { tab: "overview", label: "Overview" },
  { tab: "frameworks", label: "Frameworks" },
  { tab: "outcomes", label: "Outcome space" },
  { tab: "simulate", label: "Simulation" },
  { tab: "timeline", label: "Timeline" },
];

export function ScenarioPage({ id, tab }: { id: string; tab: ScenarioTab }) {
  const detail = useResource(resourceKey.scenario(id), () => api.getScenario(id));
  return (
    <div className="page scenario-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href="#/">Scenarios</a> <span aria-hidden="true">›</span>{" "}
        <span>{detail?.status === "ready" ? detail.data.name : id}</span>
      </nav>
      <WithResource resource={detail} what="the scenario">
        {(d) => (
          <>
            <header className="page-header">
              <h1 data-testid="scenario-title">{d.name}</h1>
              <p className="muted small">
                <code>{d.id}</code> · version {d.version}
                {d.format ? ` · from ${d.format === "genius" ? "GENIUS XML" : d.format.toUpperCase()}` : ""}
              </p>
            </header>
            <nav className="tabs" aria-label="Scenario views">
              {TABS.map((t) => (
                <a
                  key={t.tab}
                  href={routeHash({ page: "scenario", id, tab: t.tab })}
                  className={t.tab === tab ? "active" : undefined}
                  aria-current={t.tab === tab ? "page" : undefined}
                  data-testid={`tab-${t.tab}`}
                >
                  {t.label}
                </a>
              ))}
            </nav>
            <TabView detail={d} tab={tab} />
          </>
        )}
      </WithResource>
    </div>
  );
}

function TabView({ detail, tab }: { detail: ScenarioDetail; tab: ScenarioTab }) {
  switch (tab) {
    case "overview":
      return <ScenarioOverview detail={detail} />;
    case "frameworks":
      return <FrameworkView detail={detail} />;
    case "outcomes":
      return <OutcomeSpaceView detail={detail} />;
    case "simulate":
      return <SimulationView detail={detail} />;
    case "timeline":
      return <TimelineView detail={detail} />;
  }
}
