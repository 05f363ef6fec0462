// The seat console's own outlook, computed in the browser from the seat's own submitted preferences
// (never sent anywhere, never another seat's): the history of every draft, offer and agreement with
// its worth to the seat, as a plot over the room's life with the walk-away line and as a table; and
// the outcome space from this seat's side only — the distribution of its own utility over every
// outcome, the package on the table marked, its frameworks' worth — as a plot and a table.
import { useMemo } from "react";
import type { Preferences, Scenario, Value } from "@parley/core";
import type { RoomView } from "../../api/types.js";
import { frameworkRange, seatSide, seatSpace, seatTimeline, shareBelow, type SeatSide } from "../../charts/seat/model.js";
import { SeatSpacePlot, SeatUtilityPlot } from "../../charts/seat/SeatCharts.js";
import { pct } from "../../lib/room-view.js";
import { useAppState } from "../../state/store.js";

/** The seat's side of the scenario, recompiled only when its preferences change. */
export function useSeatSide(scenario: Scenario, party: string, prefs: Preferences | null): SeatSide | null {
  const key = prefs ? JSON.stringify(prefs) : "";
  // Keyed by the preferences' content: every refresh of the view brings a new object.
  return useMemo(() => (prefs ? seatSide(scenario, party, prefs) : null), [scenario, party, key]);
}

/** The package this seat is asked about now, or that settled the room, in words. */
export function currentPackage(view: RoomView): { label: string; pkg: Readonly<Record<string, Value>> } | null {
  if (view.final) return { label: "the agreement", pkg: view.final };
  if (view.ratification) return { label: "the text put to the vote", pkg: view.ratification.package };
  if (view.offer) return { label: "the offer on the table", pkg: view.offer.package };
  if (view.draft) return { label: `draft ${view.draft.number}`, pkg: view.draft.package };
  if (view.text) return { label: "the current text", pkg: view.text };
  return null;
}

const share = (k: number, of: number) => (of === 0 ? "0%" : `${Math.round((k / of) * 100)}%`);

/** Every draft, offer and agreement so far with its worth to this seat: a plot over time and the table. */
export function SeatHistory({ side, party, walkAway }: { side: SeatSide; party: string; walkAway: number }) {
  const events = useAppState((s) => s.room.events);
  const rows = seatTimeline(events, party, side.utility);
  if (rows.length === 0) return null;
  const rated = rows.filter((r) => r.utility !== null);
  const last = rated[rated.length - 1];
  const best = rated.reduce<(typeof rated)[number] | undefined>((b, r) => (b === undefined || r.utility! > b.utility! ? r : b), undefined);
  const caption =
    (rows.length === 1
      ? `What the one package so far was worth to you: ${rows[0]!.label}, ${pct(rows[0]!.utility)}`
      : `What each of the ${rows.length} packages so far was worth to you, in the order they came` +
        (last ? `: the latest, ${last.label}, ${pct(last.utility)}` : "") +
        (best ? `; the best, ${best.label}, ${pct(best.utility)}` : "")) + `; your walk-away level ${pct(walkAway)}. The table below lists every one.`;
  return (
    <section className="panel" aria-labelledby="seat-history-title" data-testid="seat-history">
      <h2 id="seat-history-title">History: what each package was worth to you</h2>
      <SeatUtilityPlot points={rows} walkAway={walkAway} caption={caption} />
      <table className="data-table compact" aria-label="Drafts and offers with their worth to you">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Package</th>
            <th scope="col">Time</th>
            <th scope="col" className="num">
              Worth to you
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq} data-seq={r.seq} data-kind={r.kind}>
              <td>{r.seq}</td>
              <th scope="row">{r.label}</th>
              <td>{new Date(r.at).toLocaleTimeString()}</td>
              <td className="num">
                {pct(r.utility)}
                {r.utility !== null && r.utility < walkAway ? " (below your walk-away)" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The distribution of this seat's utility over the outcome space, the current package marked, and its frameworks' worth. */
export function SeatSpacePanel({ side, view, scenario }: { side: SeatSide; view: RoomView; scenario: Scenario }) {
  const space = useMemo(() => seatSpace(side), [side]);
  const current = currentPackage(view);
  const u = current ? side.utility(current.pkg) : null;
  const mark = current && u !== null ? { label: current.label, utility: u } : null;
  const what = space.sampled ? `A seeded sample of ${space.counted.toLocaleString("en")} of the ${space.size.toLocaleString("en")} outcomes` : `All ${space.size.toLocaleString("en")} outcomes`;
  const caption =
    `${what} of the scenario by their worth to you, in bands of 5%: under your own preferences only, no other seat's. ` +
    (mark ? `${share(Math.round(shareBelow(space, mark.utility) * space.counted), space.counted)} of them are worth less to you than ${mark.label} (${pct(mark.utility)}); ` : "") +
    `${share(space.belowWalkAway, space.counted)} are below your walk-away level (${pct(space.walkAway)}); ${space.crossing.toLocaleString("en")} cross your red lines.`;
  const frameworks = scenario.frameworks.map((f) => {
    const sets: Record<string, Value> = {};
    for (const p of f.points) Object.assign(sets, p.sets);
    return { id: f.id, name: f.name, range: frameworkRange(side, sets) };
  });
  return (
    <section className="panel" aria-labelledby="seat-space-title" data-testid="seat-space">
      <h2 id="seat-space-title">The outcome space from your side</h2>
      <SeatSpacePlot space={space} mark={mark} caption={caption} />
      {frameworks.some((f) => f.range) ? (
        <p className="small" data-testid="seat-space-frameworks">
          Frameworks (the issues they leave open from worst to best for you):{" "}
          {frameworks
            .filter((f) => f.range)
            .map((f) => `${f.name} ${f.range!.min === f.range!.max ? pct(f.range!.min) : `${pct(f.range!.min)}–${pct(f.range!.max)}`}`)
            .join("; ")}
          .
        </p>
      ) : null}
      <details>
        <summary>The distribution as a table</summary>
        <table className="data-table compact" aria-label="Outcomes by their worth to you" data-testid="seat-space-table">
          <thead>
            <tr>
              <th scope="col">Worth to you</th>
              <th scope="col" className="num">
                Outcomes
              </th>
              <th scope="col" className="num">
                Across your red lines
              </th>
            </tr>
          </thead>
          <tbody>
            {space.bins.map((b, k) => (
              <tr key={k}>
                <th scope="row">
                  {pct(b.from)}–{pct(b.to)}
                </th>
                <td className="num">{b.count}</td>
                <td className="num">{b.crossing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
