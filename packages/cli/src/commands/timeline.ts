// `parley timeline`: a scenario's statements and events in date order, filtered by party, issue,
// framework point and dates. Its options are defined in cli.ts; this module loads when it runs.
import { statementClaims, statementStances, timeline, verdictHistory, type Scenario, type StatementSubject, type TimelineEntry, type TimelineFilter } from "@parley/core";
import pc from "picocolors";
import type { CliIo } from "../io.js";
import { loadFields, loadNotes, loadScenario } from "../load-scenario.js";
import { formatIssues } from "../format-issues.js";

export interface TimelineFlags {
  readonly asOf?: string;
  readonly reading?: readonly string[];
  readonly party?: string;
  readonly issue?: string;
  readonly point?: string;
  readonly from?: string;
  readonly to?: string;
  readonly json?: boolean;
}

export async function timelineCommand(scenarioArg: string | undefined, flags: TimelineFlags, io: CliIo): Promise<void> {
  const loaded = await loadScenario(scenarioArg, io.cwd, { asOf: flags.asOf, readings: flags.reading });
  io.stderr(loadNotes(loaded));
  if (loaded.warnings.length) io.stderr(formatIssues(loaded.warnings));
  const s = loaded.scenario;
  const filter: TimelineFilter = {
    ...(flags.party !== undefined && { party: flags.party }),
    ...(flags.issue !== undefined && { issue: flags.issue }),
    ...(flags.point !== undefined && { point: flags.point }),
    ...(flags.from !== undefined && { from: flags.from }),
    ...(flags.to !== undefined && { to: flags.to }),
  };
  const entries = timeline(s, filter);
  if (flags.json) {
    const count = (type: TimelineEntry["type"]) => entries.filter((e) => e.type === type).length;
    io.stdout(
      JSON.stringify(
        { scenario: { id: s.id, name: s.name }, filter, statements: count("statement"), events: count("event"), entries, ...loadFields(loaded) },
        null,
        2,
      ) + "\n",
    );
    return;
  }
  io.stdout(timelineText(s, filter, entries, { color: io.stdoutIsTty }));
}

const WIDTH = 100;
const INDENT = " ".repeat(12);

/** The readable timeline: one block per entry (date, kind or stance, who, confidence; the text; what it is about; the source). */
export function timelineText(s: Scenario, filter: TimelineFilter, entries: readonly TimelineEntry[], { color }: { readonly color: boolean }): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  const statements = entries.filter((e) => e.type === "statement").length;
  const filters = Object.entries(filter).map(([k, v]) => `${k} ${String(v)}`);
  out.push(
    c.bold(s.name) +
      c.dim(` (${s.id})`) +
      `: ${plural(statements, "statement")}, ${plural(entries.length - statements, "event")}` +
      (filters.length ? c.dim(` — ${filters.join(", ")}`) : ""),
  );
  if (entries.length === 0) {
    const none = (s.statements?.length ?? 0) + (s.events?.length ?? 0) === 0;
    out.push(none ? "  The scenario lists no statements or events." : "  Nothing matches.");
    return out.join("\n") + "\n";
  }
  const partyName = new Map(s.parties.map((p) => [p.id, p.name]));
  const name = (id: string) => partyName.get(id) ?? id;
  const stanceColour: Record<string, (t: string) => string> = {
    accept: c.green,
    reject: c.red,
    deny: c.magenta,
    partial: c.yellow,
    conditional: c.yellow,
    process: c.dim,
  };
  for (const e of entries) {
    out.push("");
    const tag = `[${e.confidence}]`;
    if (e.type === "statement") {
      // A statement with several claims shows each stance (DENY+PARTIAL) and what each is about.
      const stances = statementStances(e);
      const label = stances.map((x) => (stanceColour[x] ?? ((t: string) => t))(x.toUpperCase())).join("+") + " ".repeat(Math.max(0, 11 - stances.join("+").length));
      out.push(`${e.date}  ${label} ${c.bold(name(e.party))} · ${e.speaker}  ${tag}`);
      out.push(...wrap(e.paraphrase));
      if (e.claims && e.claims.length > 0)
        for (const claim of statementClaims(e)) out.push(...wrap(`${claim.stance}: ${claim.about.map(describeSubject).join("; ")}`, c.dim));
      else if (e.about.length) out.push(...wrap(`about: ${e.about.map(describeSubject).join("; ")}`, c.dim));
    } else {
      const who = e.participants.length ? `${e.participants.map(name).join(", ")} · ` : "";
      const when = e.endDate !== undefined ? c.dim(` (to ${e.endDate})`) : "";
      const where = e.place !== undefined ? c.dim(` — ${e.place}`) : "";
      out.push(`${e.date}  ${c.cyan(e.kind.toUpperCase().padEnd(11))} ${who}${c.bold(e.title)}${where}${when}  ${tag}`);
      if (e.description !== undefined) out.push(...wrap(e.description));
      if (e.framework !== undefined) out.push(...wrap(`framework: ${e.framework}`, c.dim));
    }
    const src = e.source;
    const title = src.title !== undefined ? `, "${src.title}"` : "";
    const reported = src.date !== undefined ? ` (${src.date})` : "";
    out.push(...wrap(`source: ${src.outlet}${title}${reported}${src.url !== undefined ? ` ${src.url}` : ""}`, c.dim));
  }
  return out.join("\n") + "\n";
}

function describeSubject(s: StatementSubject): string {
  const parts: string[] = [];
  if (s.framework !== undefined) parts.push(s.point !== undefined ? `${s.framework}/${s.point}` : s.framework);
  if (s.issue !== undefined) parts.push(s.values !== undefined ? `${s.issue} = ${s.values.map(String).join("/")}` : s.issue);
  return parts.join(", ");
}

/** Word-wrap `text` under the date column, styling each line; words longer than a line (URLs) are kept whole. */
function wrap(text: string, style: (line: string) => string = (line) => line): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && INDENT.length + line.length + 1 + word.length > WIDTH) {
      lines.push(INDENT + style(line));
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(INDENT + style(line));
  return lines;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export interface HistoryFlags {
  readonly all?: boolean;
  readonly json?: boolean;
  readonly reading?: readonly string[];
}

/** `parley history`: how the verdicts and "is a deal possible" changed from one dated event to the next. */
export async function historyCommand(scenarioArg: string | undefined, flags: HistoryFlags, io: CliIo): Promise<void> {
  const loaded = await loadScenario(scenarioArg, io.cwd, { readings: flags.reading });
  if (loaded.warnings.length) io.stderr(formatIssues(loaded.warnings));
  io.stderr(loadNotes(loaded));
  const steps = verdictHistory(loaded.scenario);
  if (flags.json) {
    io.stdout(JSON.stringify({ scenario: { id: loaded.scenario.id, name: loaded.scenario.name }, steps, ...loadFields(loaded) }, null, 2) + "\n");
    return;
  }
  const c = pc.createColors(io.stdoutIsTty);
  const out = [c.bold(loaded.scenario.name) + c.dim(` (${loaded.scenario.id}) — verdicts and the deal check as of each dated event`)];
  const shown = flags.all ? steps : steps.filter((s, i) => i === 0 || s.changes.length > 0);
  for (const s of shown) {
    out.push("", `${c.bold(s.date)}  ${s.dealPossible ? c.green("a deal is possible") : c.red("no deal is possible")}`);
    for (const e of s.events) out.push(c.dim(`  · ${e}`));
    for (const ch of s.changes) out.push(`  ${ch}`);
    if (s.changes.length === 0 && steps.indexOf(s) > 0) out.push(c.dim("  no change"));
  }
  if (!flags.all && shown.length < steps.length) out.push("", c.dim(`${steps.length - shown.length} dates without a change are not shown (--all shows them)`));
  io.stdout(out.join("\n") + "\n");
}
