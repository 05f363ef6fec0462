// Under a framework's stance matrix: each party's verdict explained (an expandable row per party):
// the reasons, the deciding issues, the binding red lines, the statements behind them with their
// confidence, the M/L mark when the verdict rests on M/L sources, and the flag when the party's
// declared stance contradicts the verdict.
import type { Scenario } from "@parley/core";
import type { FrameworkEntryJson } from "../../api/types.js";
import { fmtDate } from "../../charts/format.js";
import { explanationModel, utilityLine } from "../../lib/explanation.js";
import { partyLabel } from "../../lib/parties.js";
import { VERDICT_WORD } from "../../lib/history.js";

export function VerdictExplanations({ entry, scenario }: { entry: FrameworkEntryJson; scenario: Scenario }) {
  const parties = Object.entries(entry.verdicts).filter(([, v]) => v.explanation);
  if (parties.length === 0) return null;
  return (
    <div className="explanations" data-testid="explanations">
      <h3>Why these verdicts</h3>
      {parties.map(([party, v]) => {
        const m = explanationModel(v.explanation!, scenario);
        return (
          <details key={party} className="explanation" data-testid={`explanation-${party}`}>
            <summary>
              <strong>{partyLabel(scenario, party)}</strong> <span className={`verdict-text verdict-${v.verdict}`}>{VERDICT_WORD[v.verdict]}</span>
              <span className="muted small"> · {utilityLine(v.explanation!)}</span>
              {m.weak && (
                <span className="weak-mark" title="The verdict rests only on medium- or low-confidence sources or on assumptions" data-testid="weak-mark">
                  M/L
                </span>
              )}
              {v.declaredDisagrees && v.declared && (
                <span className="disagree-mark" data-testid="declared-disagrees">
                  declared {v.declared.stance}: contradicts the verdict
                </span>
              )}
            </summary>
            <div className="explanation-body">
              <p className="small">Because {m.reasons.join("; ")}.</p>
              {m.weak && <p className="small weak-note">Rests on M/L sources or assumptions: {m.weakGrounds.join(", ")}.</p>}
              <table className="data-table explanation-issues small">
                <caption className="muted small">Issues, {m.ranking}; the deciding ones in bold</caption>
                <thead>
                  <tr>
                    <th scope="col">Issue</th>
                    <th scope="col">Option</th>
                    <th scope="col" className="num">
                      Contribution
                    </th>
                    <th scope="col" className="num">
                      Given up
                    </th>
                    <th scope="col" className="num">
                      Weight
                    </th>
                    <th scope="col">Ordering rests on</th>
                  </tr>
                </thead>
                <tbody>
                  {m.issues.map((i) => (
                    <tr key={i.issue} className={i.top ? "top-issue" : undefined}>
                      <th scope="row">{i.label}</th>
                      <td>{i.option}</td>
                      <td className="num">{i.contribution}</td>
                      <td className="num">{i.loss}</td>
                      <td className="num">{i.weightShare}</td>
                      <td>{i.support}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {m.redLines.length > 0 && (
                <>
                  <h4>Binding red lines</h4>
                  <ul className="small">
                    {m.redLines.map((r) => (
                      <li key={r.id}>
                        <strong>{r.status === "crossed" ? "crossed" : "at risk"}</strong>: {r.text} <span className="muted">(rests on: {r.support})</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {m.statements.length > 0 && (
                <>
                  <h4>Statements behind it</h4>
                  <ul className="small" data-testid="explanation-statements">
                    {m.statements.map((s) => (
                      <li key={s.id}>
                        {fmtDate(s.date)} · {s.speaker} —{" "}
                        {s.url ? (
                          <a href={s.url} target="_blank" rel="noreferrer noopener">
                            {s.outlet}
                          </a>
                        ) : (
                          s.outlet
                        )}{" "}
                        <span className={`confidence confidence-${s.confidence}`}>{s.confidence}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          </details>
        );
      })}
    </div>
  );
}
