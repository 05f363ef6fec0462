// Page 2: parties and roles, issues and options, each party's preferences (weights and value
// functions as small bars), reservation values and red lines, with their sources on hover.
import { issueSize, type Issue, type Preferences, type Provenance, type Scenario, type Statement } from "@parley/core";
import type { ScenarioDetail } from "../../api/types.js";
import { Tip } from "../../components/Tip.js";
import { MiniBars, ShareBar } from "../../charts/value-bars/ValueBars.js";
import { provenanceLines, valueFunctionBars, weightBars } from "../../charts/value-bars/model.js";
import { fmtCount, fmtPercent, fmtUtility } from "../../charts/format.js";
import { issueRangeText, redLineText } from "../../lib/describe.js";
import { partyViews, type PartyView } from "../../lib/parties.js";

const ROLE_LABEL = { party: "party", mediator: "mediator", observer: "observer" } as const;

export function ScenarioOverview({ detail }: { detail: ScenarioDetail }) {
  const s = detail.scenario;
  const parties = partyViews(s);
  const size = s.issues.reduce((n, i) => n * issueSize(i), 1);
  const statements = s.statements ?? [];
  return (
    <div className="overview" data-testid="scenario-overview">
      {s.description && <p className="lede">{s.description}</p>}
      <div className="facts">
        <span>
          <strong>{s.parties.length}</strong> parties
        </span>
        <span>
          <strong>{s.issues.length}</strong> issues
        </span>
        <span>
          <strong>{fmtCount(size)}</strong> possible outcomes
        </span>
        <span>
          <strong>{s.frameworks.length}</strong> framework{s.frameworks.length === 1 ? "" : "s"}
        </span>
        <span>
          <strong>{statements.length}</strong> statements · <strong>{s.events?.length ?? 0}</strong> events
        </span>
      </div>

      <section className="panel" aria-labelledby="parties-title">
        <h2 id="parties-title">Parties</h2>
        <ul className="party-cards" data-testid="party-list">
          {parties.map((p) => (
            <li key={p.id} className="party-card" data-testid={`party-${p.id}`} style={{ borderTopColor: p.color }}>
              <div className="party-head">
                <span className="party-dot" style={{ background: p.color }} aria-hidden="true" />
                <strong>{p.label}</strong>
                <span className={`role role-${p.role}`}>{ROLE_LABEL[p.role]}</span>
              </div>
              <div className="muted small">
                <code>{p.id}</code>
                {p.party.preferences ? ` · reservation ${fmtUtility(p.party.preferences.reservation ?? 0)}` : " · preferences not modelled"}
              </div>
              {p.party.description && <p className="small">{p.party.description}</p>}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="issues-title">
        <h2 id="issues-title">Issues</h2>
        <table className="data-table" data-testid="issue-list">
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Kind</th>
              <th scope="col">Options</th>
            </tr>
          </thead>
          <tbody>
            {s.issues.map((i) => (
              <tr key={i.id}>
                <td>
                  <strong>{i.name ?? i.id}</strong>
                  <div className="muted small">
                    <code>{i.id}</code>
                  </div>
                  {i.description && <div className="small">{i.description}</div>}
                </td>
                <td>{i.kind}</td>
                <td className="options">{issueRangeText(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="prefs-title">
        <h2 id="prefs-title">Preferences</h2>
        <p className="muted small">
          Weights are each issue's share of the party's utility; the small bars show how the party scores each option (left to right in the issue's
          order, 0 to 1). Hover a <span className="sources-chip">sources</span> chip for the statements a choice rests on.
        </p>
        <div className="pref-grid">
          {parties
            .filter((p) => p.party.preferences)
            .map((p) => (
              <PreferencesCard key={p.id} party={p} prefs={p.party.preferences!} scenario={s} statements={statements} />
            ))}
        </div>
      </section>
    </div>
  );
}

function Sources({ provenance, statements }: { provenance: Provenance | undefined; statements: readonly Statement[] }) {
  const lines = provenanceLines(provenance, statements);
  if (lines.length === 0) return null;
  const n = provenance?.cites?.length ?? 0;
  return (
    <Tip text={lines.join("\n\n")} className="sources">
      <span className="sources-chip" data-testid="sources">
        {n > 0 ? `${n} source${n === 1 ? "" : "s"}` : "assumption"}
      </span>
    </Tip>
  );
}

function PreferencesCard({ party, prefs, scenario, statements }: { party: PartyView; prefs: Preferences; scenario: Scenario; statements: readonly Statement[] }) {
  const u = prefs.utility;
  const issues: readonly Issue[] = scenario.issues;
  return (
    <article className="pref-card" data-testid={`preferences-${party.id}`}>
      <h3>
        <span className="party-dot" style={{ background: party.color }} aria-hidden="true" /> {party.label}
      </h3>
      <p className="small">
        Reservation value <strong>{fmtUtility(prefs.reservation ?? 0)}</strong> <Sources provenance={prefs.provenance?.reservation} statements={statements} />
        {prefs.discount !== undefined && prefs.discount !== 1 && <> · discount {prefs.discount}</>}
      </p>
      {u.kind === "linear-additive" ? (
        <table className="pref-table">
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Weight</th>
              <th scope="col">Scores</th>
            </tr>
          </thead>
          <tbody>
            {weightBars(issues, u.weights).map((w, k) => {
              const issue = issues[k]!;
              const fn = u.values[issue.id];
              const bars = fn ? valueFunctionBars(issue, fn) : [];
              return (
                <tr key={issue.id}>
                  <th scope="row">{w.label}</th>
                  <td className="weight-cell">
                    <ShareBar value={w.value} color={party.color} />
                    <span className="num">{fmtPercent(w.value)}</span>
                    <Sources provenance={prefs.provenance?.weights?.[issue.id]} statements={statements} />
                  </td>
                  <td>
                    {bars.length > 0 ? (
                      <span className="bars-cell" title={`${bars[0]!.label} … ${bars[bars.length - 1]!.label}`}>
                        <MiniBars bars={bars} color={party.color} label={`${party.label}: scores of ${w.label} (${bars.map((x) => `${x.label} ${Math.round(x.value * 100) / 100}`).join(", ")})`} width={112} height={26} />
                        <Sources provenance={prefs.provenance?.values?.[issue.id]} statements={statements} />
                      </span>
                    ) : (
                      <span className="muted small">not valued</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="small muted">
          {u.kind === "hyper-rectangles" ? `Non-linear utility: ${u.rectangles.length} hyper-rectangles.` : `Utility table: ${u.entries.length} entries.`}
        </p>
      )}
      <h4>Red lines</h4>
      {(prefs.redLines ?? []).length === 0 ? (
        <p className="small muted">None.</p>
      ) : (
        <ul className="red-lines" data-testid={`red-lines-${party.id}`}>
          {prefs.redLines!.map((r, k) => (
            <li key={r.id ?? k}>
              <span className="red-line-mark small-mark" aria-hidden="true">
                ✕
              </span>
              <span>
                {redLineText(r, issues)}
                {r.note && <span className="muted"> — {r.note}</span>} <Sources provenance={r.provenance} statements={statements} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
