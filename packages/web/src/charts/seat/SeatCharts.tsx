// The seat console's two plots, plain inline SVG sized to their container (no chart library: they
// are small, drawn at once, and stay readable at 390 px): this seat's utility of each draft and
// offer over the room's life with its walk-away line, and the distribution of its own utility over
// the outcome space with the package on the table marked. Each is a figure whose caption says what
// it shows in words; the console puts a table beside each (the text alternative).
import { useWidth } from "../../lib/use-width.js";
import type { SeatPoint, SeatSpace } from "./model.js";

const INK = "#1f2933";
const GRID = "#d9e2ec";
const ACCENT = "#1d4e89";
const WALK_AWAY = "#a61b1b";
const CROSSING = "#b45309";
const pct = (u: number) => `${Math.round(u * 100)}%`;
const M = { left: 40, right: 14, top: 14, bottom: 30 };
const TICKS = [0, 0.25, 0.5, 0.75, 1];

function Marker({ p, x, y }: { p: SeatPoint; x: number; y: number }) {
  const title = <title>{`#${p.seq} ${p.label}: ${p.utility === null ? "—" : pct(p.utility)} to you`}</title>;
  if (p.kind === "agreement" || p.kind === "improvement")
    return (
      <path d={`M${x},${y - 7} L${x + 7},${y} L${x},${y + 7} L${x - 7},${y} Z`} fill={INK} data-kind={p.kind}>
        {title}
      </path>
    );
  if (p.kind === "offer")
    return (
      <rect x={x - 4.5} y={y - 4.5} width={9} height={9} fill={p.mine ? ACCENT : "#fff"} stroke={ACCENT} strokeWidth={2} data-kind="offer" data-mine={p.mine ? "1" : "0"}>
        {title}
      </rect>
    );
  return (
    <circle cx={x} cy={y} r={5} fill="#fff" stroke={ACCENT} strokeWidth={2} data-kind="draft">
      {title}
    </circle>
  );
}

/** This seat's utility of each package, in the order they came, with the walk-away line. */
export function SeatUtilityPlot({ points, walkAway, caption }: { points: readonly SeatPoint[]; walkAway: number; caption: string }) {
  const [ref, width] = useWidth<HTMLElement>(560);
  const height = 200;
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const n = points.length;
  const inset = 14;
  const xOf = (step: number) => M.left + (n <= 1 ? w / 2 : inset + ((step - 1) / (n - 1)) * (w - 2 * inset));
  const yOf = (u: number) => M.top + (1 - Math.max(0, Math.min(1, u))) * h;
  const drawn = points.filter((p) => p.utility !== null);
  const labelEvery = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(w / 36))));
  return (
    <figure ref={ref} className="seat-chart" data-testid="seat-utility-plot">
      <svg width={width} height={height} role="img" aria-labelledby="seat-utility-caption" data-points={drawn.length}>
        {TICKS.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={M.left + w} y1={yOf(t)} y2={yOf(t)} stroke={GRID} />
            <text x={M.left - 6} y={yOf(t) + 4} textAnchor="end" fontSize={11} fill={INK}>
              {pct(t)}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={M.left + w} y1={yOf(walkAway)} y2={yOf(walkAway)} stroke={WALK_AWAY} strokeWidth={1.5} strokeDasharray="5,4" data-testid="seat-walk-away-line" />
        <text x={M.left + w} y={yOf(walkAway) - 4} textAnchor="end" fontSize={11} fill={WALK_AWAY}>
          walk-away {pct(walkAway)}
        </text>
        {drawn.length > 1 ? <polyline points={drawn.map((p) => `${xOf(p.step)},${yOf(p.utility!)}`).join(" ")} fill="none" stroke={ACCENT} strokeOpacity={0.6} strokeWidth={1.5} /> : null}
        {drawn.map((p) => (
          <Marker key={p.seq} p={p} x={xOf(p.step)} y={yOf(p.utility!)} />
        ))}
        {points
          .filter((p) => (p.step - 1) % labelEvery === 0)
          .map((p) => (
            <text key={p.seq} x={xOf(p.step)} y={height - M.bottom + 16} textAnchor="middle" fontSize={11} fill={INK}>
              #{p.seq}
            </text>
          ))}
        {n > 1 ? (
          <text x={M.left + w / 2} y={height - 2} textAnchor="middle" fontSize={11} fill={INK}>
            room event (by number) →
          </text>
        ) : null}
      </svg>
      <figcaption id="seat-utility-caption" className="small">
        {caption}
      </figcaption>
      <ul className="legend" aria-hidden="true">
        <li>○ draft</li>
        <li>■ your offer</li>
        <li>□ offer to you</li>
        <li>◆ agreement or improvement</li>
        <li>
          <span className="swatch dashed" style={{ borderTopColor: WALK_AWAY }} /> your walk-away level
        </li>
      </ul>
    </figure>
  );
}

/** The distribution of this seat's utility over the outcome space: a bar per 5 % band, the red-line crossings stacked on top. */
export function SeatSpacePlot({ space, mark, caption }: { space: SeatSpace; mark: { label: string; utility: number } | null; caption: string }) {
  const [ref, width] = useWidth<HTMLElement>(560);
  const height = 200;
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const top = Math.max(1, ...space.bins.map((b) => b.count));
  const xOf = (u: number) => M.left + Math.max(0, Math.min(1, u)) * w;
  const yOf = (c: number) => M.top + (1 - c / top) * h;
  const bw = w / space.bins.length;
  return (
    <figure ref={ref} className="seat-chart" data-testid="seat-space-plot">
      <svg width={width} height={height} role="img" aria-labelledby="seat-space-caption" data-counted={space.counted}>
        <line x1={M.left} x2={M.left + w} y1={yOf(0)} y2={yOf(0)} stroke={INK} />
        <text x={M.left - 6} y={yOf(top) + 4} textAnchor="end" fontSize={11} fill={INK}>
          {top}
        </text>
        <text x={M.left + 4} y={M.top - 2} fontSize={11} fill={INK}>
          ↑ outcomes
        </text>
        <text x={M.left - 6} y={yOf(0) + 4} textAnchor="end" fontSize={11} fill={INK}>
          0
        </text>
        {space.bins.map((b, k) => {
          const inside = b.count - b.crossing;
          return (
            <g key={k} data-bin={k} data-count={b.count}>
              <title>{`${pct(b.from)}–${pct(b.to)}: ${b.count} outcomes${b.crossing > 0 ? `, ${b.crossing} of them across your red lines` : ""}`}</title>
              {inside > 0 ? <rect x={M.left + k * bw + 1} y={yOf(inside)} width={Math.max(1, bw - 2)} height={yOf(0) - yOf(inside)} fill={ACCENT} /> : null}
              {b.crossing > 0 ? <rect x={M.left + k * bw + 1} y={yOf(b.count)} width={Math.max(1, bw - 2)} height={yOf(inside) - yOf(b.count)} fill={CROSSING} /> : null}
            </g>
          );
        })}
        {TICKS.map((t) => (
          <text key={t} x={xOf(t)} y={height - M.bottom + 16} textAnchor="middle" fontSize={11} fill={INK}>
            {pct(t)}
          </text>
        ))}
        <line x1={xOf(space.walkAway)} x2={xOf(space.walkAway)} y1={M.top} y2={yOf(0)} stroke={WALK_AWAY} strokeWidth={1.5} strokeDasharray="5,4" />
        {mark ? (
          <g data-testid="seat-space-mark" data-utility={mark.utility}>
            <line x1={xOf(mark.utility)} x2={xOf(mark.utility)} y1={M.top - 4} y2={yOf(0)} stroke={INK} strokeWidth={2} />
            <text x={xOf(mark.utility) + (mark.utility > 0.6 ? -4 : 4)} y={M.top + (xOf(mark.utility) < M.left + 90 ? 20 : 6)} textAnchor={mark.utility > 0.6 ? "end" : "start"} fontSize={11} fill={INK}>
              {mark.label}
            </text>
          </g>
        ) : null}
        <text x={M.left + w / 2} y={height - 2} textAnchor="middle" fontSize={11} fill={INK}>
          worth to you →
        </text>
      </svg>
      <figcaption id="seat-space-caption" className="small">
        {caption}
      </figcaption>
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="swatch" style={{ background: ACCENT }} /> outcomes
        </li>
        <li>
          <span className="swatch" style={{ background: CROSSING }} /> across your red lines
        </li>
        <li>
          <span className="swatch dashed" style={{ borderTopColor: WALK_AWAY }} /> your walk-away level
        </li>
        {mark ? (
          <li>
            <span className="swatch line" style={{ background: INK }} /> {mark.label}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
