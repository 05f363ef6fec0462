// Under the deal check: how far the zone is from vanishing (core zoneMargin) and which readings
// decide whether a deal is possible (core readingDeciders).
import type { Scenario } from "@parley/core";
import type { FrameworksJson } from "../../api/types.js";
import { fmtUtility } from "../../charts/format.js";

export function DealDetails({ report, scenario }: { report: FrameworksJson; scenario: Scenario }) {
  const margin = report.zoneMargin;
  const deciders = report.readingDeciders;
  const label = (id: string) => scenario.readings?.find((r) => r.id === id)?.label ?? id;
  if (!margin && !deciders) return null;
  return (
    <div className="deal-details small" data-testid="deal-details">
      {margin && (
        <p data-testid="zone-margin">
          {margin.delta === null
            ? "No change of the reservation values opens a zone: the red lines alone leave no outcome."
            : margin.delta >= 0
              ? `The zone vanishes if every reservation value rises by more than ${fmtUtility(margin.delta)}`
              : `A deal appears if every reservation value falls by ${fmtUtility(-margin.delta)}`}
          {margin.delta !== null && margin.commonLevel !== null ? ` (with equal reservation values: above ${fmtUtility(margin.commonLevel)}).` : margin.delta !== null ? "." : ""}
        </p>
      )}
      {deciders && (
        <div data-testid="reading-deciders">
          {deciders.deciders.length === 0 ? (
            <p>No other reading (or combination of readings) changes whether a deal is possible.</p>
          ) : (
            <>
              <p>{deciders.nominal ? "No deal would be possible under:" : "A deal would be possible under:"}</p>
              <ul>
                {deciders.deciders.map((set) => (
                  <li key={set.join("+")} data-testid="reading-decider">
                    {set.map((id) => `“${label(id)}”`).join(" + ")}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
