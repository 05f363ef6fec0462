// The timeline as inline SVG: one lane for the events (a shape per kind, a bar for events over
// several days) and one lane per party for its statements (a filled dot: accept, a cross: reject or
// deny, an open dot: anything else), on a shared date axis with a tick per month.
import type { EventKind } from "../model/statement.js";
import type { TimelineEntry } from "../timeline/timeline.js";
import { esc } from "./html.js";

const WIDTH = 900;
const LEFT = 150;
const RIGHT = 20;
const LANE = 28;
const TOP = 14;

const DAY = 86_400_000;
/** Days since 1970 of an ISO date (a YYYY or YYYY-MM prefix counts as its first day); NaN when it is not one. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2] ?? "1") - 1, Number(m[3] ?? "1")) / DAY;
}

/** The glyph of an event kind, centred on (x, y). */
export function eventGlyph(kind: EventKind, x: number, y: number): string {
  const f = (v: number) => v.toFixed(1);
  switch (kind) {
    case "draft":
      return `<rect x="${f(x - 5)}" y="${f(y - 5)}" width="10" height="10" class="ev"/>`;
    case "leak":
      return `<path d="M${f(x)} ${f(y - 6)}L${f(x + 6)} ${f(y + 5)}L${f(x - 6)} ${f(y + 5)}Z" class="ev"/>`;
    case "talks":
      return `<path d="M${f(x)} ${f(y - 6)}L${f(x + 6)} ${f(y)}L${f(x)} ${f(y + 6)}L${f(x - 6)} ${f(y)}Z" class="ev"/>`;
    case "meeting":
      return `<circle cx="${f(x)}" cy="${f(y)}" r="5" class="ev"/>`;
    case "statement":
      return `<circle cx="${f(x)}" cy="${f(y)}" r="3" class="ev-s"/>`;
  }
}

/** The glyph of a statement by its stance, centred on (x, y). */
export function stanceGlyph(stance: string, x: number, y: number): string {
  const f = (v: number) => v.toFixed(1);
  if (stance === "accept") return `<circle cx="${f(x)}" cy="${f(y)}" r="4" class="st-a"/>`;
  if (stance === "reject" || stance === "deny")
    return `<path d="M${f(x - 4)} ${f(y - 4)}L${f(x + 4)} ${f(y + 4)}M${f(x + 4)} ${f(y - 4)}L${f(x - 4)} ${f(y + 4)}" class="st-r"/>`;
  return `<circle cx="${f(x)}" cy="${f(y)}" r="4" class="st-o"/>`;
}

/** The timeline as an `<svg>` element; null when no entry has a date. */
export function timelineSvg(entries: readonly TimelineEntry[], parties: readonly { readonly id: string; readonly name: string }[]): string | null {
  const dated = entries.filter((e) => Number.isFinite(dayNumber(e.date)));
  if (dated.length === 0) return null;
  const days = dated.flatMap((e) => [dayNumber(e.date), ...(e.type === "event" && e.endDate ? [dayNumber(e.endDate)] : [])]).filter(Number.isFinite);
  const first = Math.min(...days);
  const last = Math.max(...days, first + 1);
  const speakers = parties.filter((p) => dated.some((e) => e.type === "statement" && e.party === p.id));
  const lanes = ["Events", ...speakers.map((p) => p.name)];
  const height = TOP + lanes.length * LANE + 34;
  const x = (day: number) => LEFT + ((day - first) / (last - first)) * (WIDTH - LEFT - RIGHT);
  const laneY = (k: number) => TOP + k * LANE + LANE / 2;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Timeline of events and statements" class="plot timeline-plot">`,
    `<title>Timeline of events and statements</title>`,
  ];
  lanes.forEach((name, k) => {
    out.push(`<line x1="${LEFT}" y1="${laneY(k)}" x2="${WIDTH - RIGHT}" y2="${laneY(k)}" class="lane"/>`);
    out.push(`<text x="${LEFT - 8}" y="${laneY(k)}" dy="4" text-anchor="end" class="tick">${esc(name)}</text>`);
  });
  // A tick on the first of the months in range: every month, or every few for long spans (at most 12 ticks).
  const axisY = TOP + lanes.length * LANE + 6;
  const start = new Date(first * DAY);
  const months: number[] = [];
  for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1; Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY <= last; m++) months.push(m);
  const step = Math.max(1, Math.ceil(months.length / 12));
  months.forEach((m, k) => {
    if (k % step !== 0) return;
    const at = x(Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY).toFixed(1);
    out.push(`<line x1="${at}" y1="${TOP}" x2="${at}" y2="${axisY}" class="grid"/>`);
    out.push(`<text x="${at}" y="${axisY + 14}" text-anchor="middle" class="tick">${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}</text>`);
  });
  for (const e of dated) {
    const at = x(dayNumber(e.date));
    if (e.type === "event") {
      if (e.endDate && Number.isFinite(dayNumber(e.endDate)))
        out.push(`<line x1="${at.toFixed(1)}" y1="${laneY(0)}" x2="${x(dayNumber(e.endDate)).toFixed(1)}" y2="${laneY(0)}" class="span"/>`);
      out.push(`<g><title>${esc(`${e.date} ${e.kind}: ${e.title}`)}</title>${eventGlyph(e.kind, at, laneY(0))}</g>`);
    } else {
      const lane = speakers.findIndex((p) => p.id === e.party) + 1;
      if (lane > 0) out.push(`<g><title>${esc(`${e.date} ${e.speaker} (${e.stance})`)}</title>${stanceGlyph(e.stance, at, laneY(lane))}</g>`);
    }
  }
  out.push(`</svg>`);
  return out.join("");
}
