// Utility over time, drawn with Observable Plot (loaded on first use, in its own chunk).
import { useEffect, useRef, useState } from "react";
import { useWidth } from "../../lib/use-width.js";
import type { UtilityTimeModel } from "./model.js";

type PlotModule = typeof import("@observablehq/plot");
let plotModule: Promise<PlotModule> | null = null;
const loadPlot = () => (plotModule ??= import("@observablehq/plot"));

export function UtilityOverTime({ model, height = 240 }: { model: UtilityTimeModel; height?: number }) {
  const [wrapRef, width] = useWidth<HTMLDivElement>(560);
  const target = useRef<HTMLDivElement>(null);
  const [Plot, setPlot] = useState<PlotModule | null>(null);

  useEffect(() => {
    let live = true;
    void loadPlot().then((m) => live && setPlot(m));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const el = target.current;
    if (!el || !Plot) return;
    const colors = model.seats.map((s) => s.color);
    const names = model.seats.map((s) => s.party);
    const own = model.points.filter((p) => p.own);
    const received = model.points.filter((p) => !p.own);
    const chart = Plot.plot({
      width,
      height,
      marginLeft: 44,
      marginBottom: 36,
      style: { fontSize: "12px", fontFamily: "system-ui, sans-serif", background: "transparent" },
      x: { domain: [0, 1], label: "time (fraction of the deadline) →", grid: true },
      y: { domain: [0, 1], label: "↑ utility", grid: true },
      color: { domain: names, range: colors },
      marks: [
        // What each party is offered by the others (dashed), and its own offers (its concessions).
        Plot.line(received, { x: "time", y: "utility", stroke: "party", z: "series", strokeOpacity: 0.7, strokeWidth: 1, strokeDasharray: "3,3" }),
        Plot.line(own, { x: "time", y: "utility", stroke: "party", z: "party", strokeWidth: 2 }),
        Plot.dot(own, {
          x: "time",
          y: "utility",
          fill: "party",
          r: 2.5,
          tip: true,
          title: (p: { party: string; round: number; utility: number }) => `${p.party} offers: ${p.utility.toFixed(3)} to itself (round ${p.round + 1})`,
        }),
        ...(model.current !== null ? [Plot.ruleX([model.current], { stroke: "#1f2933", strokeDasharray: "3,3" })] : []),
        ...(model.agreement
          ? [Plot.dot(model.agreement.utilities.map((u, seat) => ({ time: model.agreement!.time, utility: u, party: names[seat] })), { x: "time", y: "utility", stroke: "party", r: 6, strokeWidth: 2, symbol: "star" })]
          : []),
      ],
    });
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [Plot, model, width, height]);

  return (
    <div ref={wrapRef} className="chart utility-time" data-testid="utility-over-time">
      <div ref={target} />
      <ul className="legend">
        {model.seats.map((s) => (
          <li key={s.seat}>
            <span className="swatch line" style={{ background: s.color }} /> {s.party}: own offers
          </li>
        ))}
        <li>
          <span className="swatch dashed" /> offers received
        </li>
        {model.agreement && <li>☆ agreement</li>}
      </ul>
    </div>
  );
}
