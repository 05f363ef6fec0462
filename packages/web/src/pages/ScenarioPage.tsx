// A scenario: its header and tabs, then the chosen view.
import { api } from "../api/client.js";
import type { ScenarioDetail } from "../api/types.js";
import { WithResource } from "../components/Status.js";
import { routeHash, type ScenarioTab, type ScenarioView } from "../lib/route.js";
import { resourceKey } from "../state/actions/resources.js";
import { useResource } from "../state/use-resource.js";
import { AsOfControl } from "./scenario/AsOfControl.js";
import { BriefingDownload } from "./scenario/BriefingDownload.js";
import { ReadingsControl } from "./scenario/ReadingsControl.js";
import { HistoryView } from "./scenario/HistoryView.js";
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
  { tab: "history", label: "History" },
];

/** The tabs whose analyses follow the as-of date and the readings (their controls are shown there). */
const DATED_TABS: readonly ScenarioTab[] = ["frameworks", "history"];

export function ScenarioPage({ id, tab, view = {} }: { id: string; tab: ScenarioTab; view?: ScenarioView }) {
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
              <BriefingDownload scenario={d.scenario} view={view} />
            </header>
            <nav className="tabs" aria-label="Scenario views">
              {TABS.map((t) => (
                <a
                  key={t.tab}
                  href={routeHash({ page: "scenario", id, tab: t.tab, ...view })}
                  className={t.tab === tab ? "active" : undefined}
                  aria-current={t.tab === tab ? "page" : undefined}
                  data-testid={`tab-${t.tab}`}
                >
                  {t.label}
                </a>
              ))}
            </nav>
            {DATED_TABS.includes(tab) && (
              <>
                <AsOfControl id={id} scenario={d.scenario} tab={tab} view={view} />
                <ReadingsControl id={id} scenario={d.scenario} tab={tab} view={view} />
              </>
            )}
            <TabView detail={d} tab={tab} view={view} />
          </>
        )}
      </WithResource>
    </div>
  );
}

function TabView({ detail, tab, view }: { detail: ScenarioDetail; tab: ScenarioTab; view: ScenarioView }) {
  switch (tab) {
    case "overview":
      return <ScenarioOverview detail={detail} />;
    case "frameworks":
      return <FrameworkView detail={detail} view={view} />;
    case "outcomes":
      return <OutcomeSpaceView detail={detail} />;
    case "simulate":
      return <SimulationView detail={detail} />;
    case "timeline":
      return <TimelineView detail={detail} />;
    case "history":
      return <HistoryView detail={detail} view={view} />;
  }
}
