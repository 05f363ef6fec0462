import type { RunStatus, TraceEvent, Value } from "@parley/core";
import pc from "picocolors";
import { fmt, renderTable } from "./table.js";

/** What `parley simulate --json` prints (fields are only ever added). */
export interface SimulationReport {
  readonly scenario: { readonly id: string; readonly name: string; readonly source: string };
  readonly protocol: string;
  readonly status: RunStatus;
  /** Party id of each seat; every vector follows this order. */
  readonly seats: readonly string[];
  /** The agent spec in each seat. */
  readonly agents: readonly string[];
  readonly seed: number;
  /** The deadline in rounds. */
  readonly steps: number;
  readonly agreement: Readonly<Record<string, Value>> | null;
  /** Each seat's utility of the agreement (its reservation value without one). */
  readonly utilities: readonly number[];
  readonly reservation: readonly number[];
  readonly rounds: number;
  readonly paretoDistance: number | null;
  readonly nashDistance: number | null;
  readonly welfare: number;
  /** Parties with preferences that were not seated (e.g. a mediator): their utility of the agreement. */
  readonly others: readonly { readonly party: string; readonly role: string; readonly utility: number }[];
  readonly errorSeat?: number;
  readonly notes: readonly string[];
  readonly trace: readonly TraceEvent[];
}

const statusText: Record<RunStatus, string> = {
  agreement: "agreement",
  timeout: "no agreement: the deadline passed",
  ended: "no agreement: a party walked away",
  rejected: "no agreement: the result was rejected at ratification",
  error: "no agreement: an agent failed",
};

/** How many timeline lines to show at most (the first and the last ones). */
const TIMELINE_HEAD = 8;
const TIMELINE_TAIL = 12;

/** The human-readable `parley simulate` report. */
export function simulationText(r: SimulationReport, options: { readonly color: boolean }): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  out.push(c.bold(r.scenario.name) + c.dim(` (${r.scenario.id}) — ${r.protocol}, deadline ${r.steps} rounds, seed ${r.seed}`));
  out.push(`Seats: ${r.seats.map((s, i) => `${s} ${c.dim(`(${r.agents[i]})`)}`).join(", ")}`);

  out.push("", c.bold("Timeline"));
  const lines = r.trace.map((e) => timelineLine(e, r, c));
  if (lines.length <= TIMELINE_HEAD + TIMELINE_TAIL + 1) out.push(...lines);
  else out.push(...lines.slice(0, TIMELINE_HEAD), c.dim(`  … ${lines.length - TIMELINE_HEAD - TIMELINE_TAIL} more events (--json or --trace FILE for all) …`), ...lines.slice(-TIMELINE_TAIL));

  out.push("", c.bold("Outcome"));
  const verdict = r.status === "agreement" ? c.green(statusText.agreement) : c.yellow(statusText[r.status]);
  out.push(`  ${verdict} after ${r.rounds} round${r.rounds === 1 ? "" : "s"}`);
  if (r.agreement) for (const [issue, value] of Object.entries(r.agreement)) out.push(`  ${issue} = ${String(value)}`);
  if (r.status === "error") {
    const e = r.trace.at(-1);
    if (e?.type === "error") out.push(c.red(`  ${e.senderId}: ${e.code} ${e.message ?? ""}`));
  }
  out.push("");
  out.push(
    renderTable(
      ["seat", "agent", "utility", "reservation"],
      r.seats.map((s, i) => [s, r.agents[i]!, fmt(r.utilities[i]!), fmt(r.reservation[i]!)]),
    ),
  );
  for (const o of r.others) out.push(c.dim(`  ${o.party} (${o.role}, not seated): utility ${fmt(o.utility)}`));
  out.push("");
  const dist = (x: number | null) => (x === null ? "—" : fmt(x));
  out.push(
    `Distance to the Pareto frontier ${c.bold(dist(r.paretoDistance))} · to the Nash point ${c.bold(dist(r.nashDistance))} · welfare ${fmt(r.welfare)}`,
  );
  for (const note of r.notes) out.push(c.dim(`note: ${note}`));
  return out.join("\n") + "\n";
}

function timelineLine(e: TraceEvent, r: SimulationReport, c: ReturnType<typeof pc.createColors>): string {
  const who = e.sender >= 0 ? e.senderId : "mediator";
  const paint: Record<string, (s: string) => string> = {
    offer: c.cyan,
    "propose-text": c.cyan,
    accept: c.green,
    agreement: c.green,
    ratify: c.magenta,
    reject: c.yellow,
    veto: c.yellow,
    end: c.red,
    error: c.red,
    timeout: c.dim,
  };
  const label = (paint[e.type] ?? ((s: string) => s))(e.type.padEnd(12));
  const round = c.dim(`r${String(e.round).padEnd(4)}`);
  const outcome = e.outcome ? Object.values(e.outcome).map(String).join(" / ") : e.type === "error" ? `${e.code}: ${e.message}` : "";
  const utilities = e.utilities ? c.dim(`  u = ${e.utilities.map((u) => u.toFixed(3)).join(", ")}`) : "";
  const width = Math.max(...r.seats.map((s) => s.length), 8);
  return `  ${round} ${(e.sender >= 0 ? who : e.type === "agreement" || e.type === "timeout" ? "" : who).padEnd(width)}  ${label} ${outcome}${utilities}`;
}
