// SVG parallel coordinates for three or more parties (see model.ts).
import { useMemo } from "react";
import { useWidth } from "../../lib/use-width.js";
import { buildParallelModel, type ParallelInput } from "./model.js";

export function ParallelCoordinates(props: Omit<ParallelInput, "width" | "height"> & { readonly height?: number }) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const { parties, points, reservation, highlights, maxLines } = props;
  const height = props.height ?? 300;
  const m = useMemo(
    () => buildParallelModel({ width, height, parties, points, reservation, highlights, ...(maxLines !== undefined ? { maxLines } : {}) }),
    [width, height, parties, points, reservation, highlights, maxLines],
  );
  return (
    <div ref={ref} className="chart parallel" data-testid="parallel-coordinates">
      <svg width={m.width} height={m.height} role="img" aria-label={`Pareto frontier across ${parties.length} parties`}>
        {m.axes.map((a) => (
          <g key={a.id}>
            <line x1={a.x} x2={a.x} y1={m.top} y2={m.bottom} stroke="#9aa5b1" />
            <text x={a.anchor === "start" ? a.x - 8 : a.anchor === "end" ? a.x + 8 : a.x} y={m.bottom + 18} textAnchor={a.anchor} className="axis-label">
              {a.label}
            </text>
            <line x1={a.x - 7} x2={a.x + 7} y1={a.reservationY} y2={a.reservationY} stroke="#52606d" strokeWidth="2" strokeDasharray="3 2">
              <title>{`${a.label}: reservation value`}</title>
            </line>
          </g>
        ))}
        {m.ticks.map((t) => (
          <text key={t.value} x={(m.axes[0]?.x ?? 0) - 14} y={t.y} textAnchor="end" dominantBaseline="middle" className="tick">
            {t.value}
          </text>
        ))}
        <g fill="none" stroke="#c2410c" strokeOpacity={Math.max(0.08, Math.min(0.5, 12 / Math.max(1, m.drawn)))} strokeWidth="1">
          {m.lines.map((d, i) => (
            <path key={i} d={d} />
          ))}
        </g>
        <g fill="none" strokeWidth="2.5">
          {m.highlights.map((h) => (
            <path key={h.label} d={h.d} stroke={h.color}>
              <title>{h.label}</title>
            </path>
          ))}
        </g>
      </svg>
      <ul className="legend">
        <li>
          <span className="swatch line" style={{ background: "#c2410c" }} /> frontier points ({m.drawn === m.total ? m.total : `${m.drawn} of ${m.total}`})
        </li>
        {m.highlights.map((h) => (
          <li key={h.label}>
            <span className="swatch line" style={{ background: h.color }} /> {h.label}
          </li>
        ))}
        <li>
          <span className="swatch dashed" /> reservation value
        </li>
      </ul>
    </div>
  );
}
