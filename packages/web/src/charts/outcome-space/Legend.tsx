// The outcome-space legend: outcome shading, frontier, solution markers, reservation and frameworks.
import type { MarkerShape } from "./model.js";
import { SOLUTION_MARKERS } from "./model.js";

function Shape({ shape }: { shape: MarkerShape }) {
  const c = 8;
  const r = 5.5;
  const path: Record<MarkerShape, string> = {
    star: Array.from({ length: 10 }, (_, k) => {
      const rad = k % 2 === 0 ? r * 1.25 : r * 0.55;
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      return `${k === 0 ? "M" : "L"}${(c + rad * Math.cos(a)).toFixed(2)},${(c + rad * Math.sin(a)).toFixed(2)}`;
    }).join("") + "Z",
    diamond: `M${c},${c - r}L${c + r},${c}L${c},${c + r}L${c - r},${c}Z`,
    triangle: `M${c},${c - r}L${c + r},${c + r * 0.8}L${c - r},${c + r * 0.8}Z`,
    square: `M${c - r * 0.75},${c - r * 0.75}h${r * 1.5}v${r * 1.5}h${-r * 1.5}Z`,
    circle: `M${c - r * 0.8},${c}a${r * 0.8},${r * 0.8} 0 1,0 ${r * 1.6},0a${r * 0.8},${r * 0.8} 0 1,0 ${-r * 1.6},0`,
  };
  return (
    <svg width="16" height="16" aria-hidden="true">
      <path d={path[shape]} fill="#111827" stroke="#fff" strokeWidth="1.2" />
    </svg>
  );
}

export function OutcomeSpaceLegend({ multiParty, trail }: { multiParty: boolean; trail?: readonly { label: string; color: string }[] }) {
  return (
    <ul className="legend" data-testid="outcome-legend">
      <li>
        <span className="swatch" style={{ background: "#2668aa" }} /> acceptable to all (rational)
      </li>
      <li>
        <span className="swatch" style={{ background: "#8c949e" }} /> rejected by someone
      </li>
      <li>
        <span className="swatch line" style={{ background: "#c2410c" }} /> Pareto frontier (these two)
      </li>
      {multiParty && (
        <li>
          <span className="swatch dot" style={{ background: "#c2410c" }} /> Pareto frontier (all parties), projected
        </li>
      )}
      {SOLUTION_MARKERS.map((s) => (
        <li key={s.key}>
          <Shape shape={s.shape} /> {s.label}
        </li>
      ))}
      <li>
        <span className="swatch dashed" /> reservation values
      </li>
      <li>
        <span className="swatch segment" /> framework: worst (○) to best (●) completion
      </li>
      {trail?.map((t) => (
        <li key={t.label}>
          <span className="swatch dot" style={{ background: t.color }} /> {t.label}
        </li>
      ))}
    </ul>
  );
}
