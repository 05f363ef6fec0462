import type { AnalysisReport, Constraint, RedLine, SolutionPoint, Value } from "@parley/core";
import pc from "picocolors";
import { fmt, renderTable } from "./table.js";

export interface TextOptions {
  readonly color: boolean;
  /** Show at most this many frontier points. */
  readonly top: number;
  /** Wrap long lines at this many columns (the terminal's width; default 100). */
  readonly width?: number;
}

/** How the report names each method: what was done, and whether the result is exact. */
const METHOD_TEXT = { enumerate: "every outcome enumerated", merge: "exact frontier (merge)", sample: "sampled", solve: "frontier by mixed-integer programming" } as const;

/** The human-readable `parley analyze` report. */
export function reportText(report: AnalysisReport, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  const h = (s: string) => out.push("", c.bold(s));
  out.push(c.bold(`${report.scenario.name}`) + c.dim(` (${report.scenario.id})`));
  out.push(
    `${plural(report.parties.length, "party", "parties")} with preferences, ${plural(report.issues.length, "issue", "issues")}, ${formatCount(report.outcomes)} outcomes` +
      c.dim(` — ${METHOD_TEXT[report.method]}${report.exact ? ", exact" : ", approximate"}`),
  );

  h("Zone of agreement");
  if (report.rational.count !== null)
    out.push(
      `  ${formatCount(report.rational.count)} rational outcomes (${percent(report.rational.fraction!)} of the space)` +
        c.dim("  — every party at or above its reservation value, no red line crossed"),
    );
  else if (report.rational.fraction !== null) out.push(`  about ${percent(report.rational.fraction)} of sampled outcomes are rational`);
  else out.push(report.pareto.count > 0 ? `  rational outcomes exist (not counted on the ${report.method} path)` : "  no rational outcome");
  if (report.conflicts) {
    out.push(c.red("  No agreement is possible. Smallest conflicting sets of constraints:"));
    report.conflicts.sets.forEach((set, i) => out.push(`   ${i + 1}. ${set.map(describeConstraint).join(c.dim("  +  "))}`));
    if (report.conflicts.truncated) out.push(c.dim("   (search stopped early; larger conflicting sets may exist)"));
  }

  h("Parties");
  out.push(
    renderTable(
      ["party", "reservation", "best rational"],
      report.parties.map((p, i) => [p, fmt(report.reservation[i]!), report.ideal.length ? fmt(report.ideal[i]!) : "—"]),
    ),
  );
  out.push(c.dim("  reservation: the walk-away utility · best rational: the most this party gets in any rational outcome (its ideal point)"));

  h(`Pareto frontier: ${report.pareto.count} point${report.pareto.count === 1 ? "" : "s"}`);
  const wide = report.issues.length > 5; // outcomes go below the table, one numbered block each
  const outcomeCell = (o: Readonly<Record<string, Value>>, label: string) => (wide ? label : describeOutcome(o));
  const width = Math.max(60, options.width ?? 100);
  const outcomeBlock = (items: readonly [string, Readonly<Record<string, Value>>][], layout: { readonly labelLine: boolean }) => {
    if (!wide) return;
    const labelWidth = Math.max(0, ...items.map(([label]) => label.length));
    for (const [label, o] of items)
      out.push(
        layout.labelLine
          ? `  ${c.dim(label)}\n${wrap(describeOutcome(o), "      ", "      ", width)}`
          : wrap(`${label.padEnd(labelWidth)}  ${describeOutcome(o)}`, "  ", " ".repeat(labelWidth + 4), width),
      );
  };
  if (report.pareto.count > 0) {
    const shown = report.pareto.points.slice(0, options.top);
    out.push(
      renderTable(
        ["#", ...report.parties, ...(wide ? [] : ["outcome"])],
        shown.map((p, k) => [`${k + 1}`, ...p.utilities.map(fmt), outcomeCell(p.outcomes[0]!, `see #${k + 1} below`)]).map((r) =>
          wide ? r.slice(0, -1) : r,
        ),
      ),
    );
    outcomeBlock(shown.map((p, k) => [`#${k + 1}`, p.outcomes[0]!]), { labelLine: false });
    if (report.pareto.count > shown.length) out.push(c.dim(`  … ${report.pareto.count - shown.length} more (use --top N or --json)`));
  }

  h("Solutions");
  const rows: string[][] = [];
  const blocks: [string, Readonly<Record<string, Value>>][] = [];
  const add = (name: string, points: readonly SolutionPoint[]) => {
    if (points.length === 0) rows.push([name, ...report.parties.map(() => "—"), "none"]);
    points.forEach((p, i) => {
      const label = points.length > 1 ? `${name} ${i + 1}` : name;
      rows.push([label, ...p.utilities.map(fmt), ...(wide ? [] : [describeOutcome(p.outcome)])]);
      blocks.push([label, p.outcome]);
    });
  };
  add("Nash", report.nash);
  add("Kalai–Smorodinsky", report.kalaiSmorodinsky);
  add("Egalitarian", report.egalitarian);
  add("Max welfare", report.maxWelfare);
  out.push(renderTable(["concept", ...report.parties, ...(wide ? [] : ["outcome"])], rows));
  outcomeBlock(blocks, { labelLine: true });
  if (report.opposition !== null) out.push(`  opposition level ${fmt(report.opposition)}` + c.dim("  (0 = no conflict of interest, 1 = no gain over walking away)"));

  for (const fw of report.frameworks) {
    h(`Framework: ${fw.framework.name}` + c.dim(` (${fw.framework.id})`));
    if (fw.open.length) out.push(`  open issues: ${fw.open.join(", ")}`);
    for (const clash of fw.clashes) out.push(c.yellow(`  points ${clash.points.join(", ")} set issue "${clash.issue}" differently (the last one counts)`));
    out.push(
      renderTable(
        ["party", "utility", "reservation", "red lines crossed", "verdict"],
        fw.parties.map((p) => [
          p.party,
          p.utility.min === p.utility.max ? fmt(p.utility.min) : `${fmt(p.utility.min)}–${fmt(p.utility.max)}`,
          fmt(p.reservation),
          p.redLinesCrossed.length ? c.red(`${p.redLinesCrossed.length} (below)`) : "none",
          p.verdict === "accept" ? c.green("accept") : p.verdict === "reject" ? c.red("reject") : c.yellow("depends"),
        ]),
      ),
    );
    for (const p of fw.parties)
      for (const line of p.redLinesCrossed) out.push(`  ${p.party} ${c.red("crosses")} ${describeRedLine(line)}`);
  }
  for (const note of report.notes) out.push(c.dim(wrap(`note: ${note}`, "", "      ", width)));
  return out.join("\n") + "\n";
}

/** Wrap text at `width` columns on ", " boundaries, with a first-line and a continuation indent. */
function wrap(text: string, first: string, rest: string, width: number): string {
  const parts = text.split(", ");
  const lines: string[] = [];
  let line = first;
  for (const [k, part] of parts.entries()) {
    const piece = k < parts.length - 1 ? `${part},` : part;
    if (line.trim().length > 0 && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = rest + piece;
    } else line += (line.trim().length > 0 ? " " : "") + piece;
  }
  lines.push(line);
  return lines.join("\n");
}

function describeOutcome(outcome: Readonly<Record<string, Value>>): string {
  return Object.entries(outcome)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
}

function describeRedLine(r: RedLine): string {
  const label = r.id ? `${r.id}: ` : "";
  return r.kind === "forbid"
    ? `${label}${r.issue} ≠ ${r.values.join("/")}`
    : `${label}if ${r.if.issue} ∈ {${r.if.values.join(", ")}} then ${r.then.issue} ∈ {${r.then.values.join(", ")}}`;
}

function describeConstraint(c: Constraint): string {
  return c.kind === "reservation" ? `${c.party} needs utility ≥ ${fmt(c.value)}` : `${c.party}'s red line ${describeRedLine(c.redLine)}`;
}

function formatCount(n: number): string {
  return n >= 1e15 ? n.toExponential(3) : n.toLocaleString("en-US");
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function percent(x: number): string {
  return `${(100 * x).toFixed(x < 0.01 && x > 0 ? 3 : 1)}%`;
}
