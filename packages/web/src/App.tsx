// The app shell: header and navigation, then the page for the current route.
import { routeHash, scenarioView, type Route } from "./lib/route.js";
import { useAppState } from "./state/store.js";
import { ScenarioListPage } from "./pages/ScenarioListPage.js";
import { ScenarioPage } from "./pages/ScenarioPage.js";
import { TournamentPage } from "./pages/TournamentPage.js";
import { RoomPage } from "./pages/RoomPage.js";

export function App() {
  const route = useAppState((s) => s.route);
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          Parley <span className="brand-sub">workbench</span>
        </a>
        <nav className="main-nav" aria-label="Main">
          <NavLink route={{ page: "scenarios" }} active={route.page === "scenarios" || route.page === "scenario"} testId="nav-scenarios">
            Scenarios
          </NavLink>
          <NavLink route={{ page: "tournaments" }} active={route.page === "tournaments"} testId="nav-tournaments">
            Tournaments
          </NavLink>
        </nav>
      </header>
      <main className="app-main">
        <RoutePage route={route} />
      </main>
    </div>
  );
}

function NavLink({ route, active, testId, children }: { route: Route; active: boolean; testId: string; children: string }) {
  return (
    <a href={routeHash(route)} className={active ? "active" : undefined} aria-current={active ? "page" : undefined} data-testid={testId}>
      {children}
    </a>
  );
}

function RoutePage({ route }: { route: Route }) {
  switch (route.page) {
    case "scenarios":
      return <ScenarioListPage />;
    case "scenario":
      return <ScenarioPage id={route.id} tab={route.tab} view={scenarioView(route)} />;
    case "tournaments":
      return <TournamentPage {...(route.id !== undefined ? { id: route.id } : {})} />;
    case "room":
      return <RoomPage id={route.id} {...(route.invite !== undefined ? { invite: route.invite } : {})} />;
    case "not-found":
      return (
        <section className="panel">
          <h1>Not found</h1>
          <p>
            Nothing at <code>{route.path}</code>. <a href="#/">Back to the scenarios</a>.
          </p>
        </section>
      );
  }
}
