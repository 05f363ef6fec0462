// The stance matrix table (see model.ts): points down, parties across, verdicts at the foot.
import { Tip } from "../../components/Tip.js";
import type { StanceMatrixModel } from "./model.js";
import { STANCE_SYMBOLS } from "./model.js";
import { VALUE_STOPS } from "../colors.js";

const VERDICT_LABEL = { accept: "accepts", reject: "rejects", depends: "depends" } as const;

export function StanceMatrix({ model, compact = false }: { model: StanceMatrixModel; compact?: boolean }) {
  return (
    <div className={`stance-matrix${compact ? " compact" : ""}`} data-testid="stance-matrix" data-framework={model.id}>
      <table>
        <thead>
          <tr>
            <th scope="col" className="point-col">
              Point
            </th>
            {model.parties.map((p) => (
              <th scope="col" key={p.id} className="party-col">
                {p.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.id} data-testid={`stance-row-${row.number}`}>
              <th scope="row" className="point-col">
                <span className="point-number">{row.number}</span>
                <span className="point-text">{row.text}</span>
                {row.issues.length > 0 && <span className="point-issues">{row.issues.join(", ")}</span>}
              </th>
              {row.cells.map((c) => (
                <td
                  key={c.party}
                  className={`stance-cell${c.redLine ? " red-line" : ""}${c.mismatch ? " mismatch" : ""}`}
                  style={{ background: c.background, color: c.color }}
                  data-testid={`stance-cell-${row.number}-${c.party}`}
                >
                  <Tip text={c.tip}>
                    <span className="cell-value">{c.text}</span>
                    {c.redLine && (
                      <span className="red-line-mark" aria-label="crosses a red line">
                        ✕
                      </span>
                    )}
                    {c.declared && (
                      <span className={`declared declared-${c.declared.stance}`} data-testid="declared-stance">
                        {c.declared.symbol}
                      </span>
                    )}
                  </Tip>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="point-col">
              Package verdict
              {model.open.length > 0 && <span className="point-issues">open: {model.open.join(", ")}</span>}
            </th>
            {model.verdicts.map((v) => (
              <td key={v.party} className={`verdict verdict-${v.verdict}${v.mismatch ? " mismatch" : ""}`} data-testid={`verdict-${v.party}`}>
                <Tip text={v.tip}>
                  <span className="verdict-label">{VERDICT_LABEL[v.verdict]}</span>
                  <span className="verdict-utility">{v.text}</span>
                  {v.declared && <span className={`declared declared-${v.declared.stance}`}>{v.declared.symbol}</span>}
                </Tip>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function StanceLegend() {
  return (
    <div className="stance-legend" data-testid="stance-legend">
      <div className="scale">
        <span>worst for the party</span>
        <span className="ramp" style={{ background: `linear-gradient(to right, ${VALUE_STOPS.join(", ")})` }} aria-hidden="true" />
        <span>best</span>
      </div>
      <ul className="legend">
        <li>
          <span className="swatch" style={{ background: "#eef0f3" }} /> indifferent, or not modelled (the point sets no issue; hover for which)
        </li>
        <li>
          <span className="legend-red-line">✕</span> crosses a red line
        </li>
        {Object.entries(STANCE_SYMBOLS).map(([k, s]) => (
          <li key={k}>
            <span className={`declared declared-${k}`}>{s.symbol}</span> declared: {s.label}
          </li>
        ))}
        <li>
          <span className="swatch mismatch-swatch" /> declared ≠ modelled (on a point, or on the whole framework against its verdict)
        </li>
      </ul>
    </div>
  );
}
