// `parley framework | compare | exclude | robustness`: the framework-analysis commands
// (definitions and JSON shapes: docs/framework-analysis.md). Options: cli.ts; loaded when they run.
import {
  scenarioAsOf,
  type Scenario,
  compareFrameworks,
  compileScenario,
  createProtocol,
  createRng,
  negotiatorFromSpec,
  runNegotiation,
  splitAgentList,
  type CompiledScenario,
  excludeParty,
  frameworkReport,
  robustness,
  STANCE_ABBREVIATIONS,
  type AmendmentJson,
  type ConstraintJson,
  type DeclaredJson,
  type ExclusionPoint,
  type FrameworkComparison,
  type FrameworkReport,
  type FrameworkReportEntry,
  type RedLine,
  type RobustnessReport,
  type ExclusionResult,
  type SettingChange,
  type Stance,
  type Value,
  type Verdict,
  type WorsenedWhy,
} from "@parley/core";
import pc from "picocolors";
import type { CliIo } from "../io.js";
import { loadFields, loadNotes, loadScenario, type ScenarioOptions } from "../load-scenario.js";
import { EXPLANATION_LEGEND, explanationLines } from "../render/explanation-text.js";
import { fmt, renderTable } from "../render/table.js";
import { wrapWords } from "../render/wrap-words.js";
import { formatIssues } from "../format-issues.js";
import { UserError } from "../user-error.js";

/** How a text report is written: with colour only on a terminal. */
export interface TextStyle {
  readonly color: boolean;
}

/** `parley framework`'s text: also wrapped at the terminal's width (default 100). */
export interface FrameworkTextStyle extends TextStyle {
  readonly width?: number;
}

export interface FrameworkFlags {
  readonly asOf?: string;
  readonly reading?: readonly string[];
  readonly framework?: string;
  readonly json?: boolean;
  readonly basis: "worst" | "midpoint";
  readonly top: number;
}

export interface RobustnessFlags {
  readonly asOf?: string;
  readonly reading?: readonly string[];
  /** ± absolute range of every reservation value. */
  readonly reservationRange: number;
  /** false with --no-vary-readings. */
  readonly varyReadings: boolean;
  readonly samples: number;
  readonly seed: number;
  readonly range: number;
  readonly json?: boolean;
}

/** How robustness and analyze vary the readings: on top of those in force, with the as-of cut applied after them. */
export function readingsSampling(nominal: Scenario, options: ScenarioOptions) {
  return {
    scenario: nominal,
    selected: options.readings ?? [],
    ...(options.asOf !== undefined ? { prepare: (s: Scenario) => scenarioAsOf(s, options.asOf!).scenario } : {}),
  };
}

/** The scenario as the flags ask (--as-of, --reading), compiled; the notes on how it was loaded go to stderr. */
async function load(scenarioArg: string | undefined, io: CliIo, flags: { readonly asOf?: string; readonly reading?: readonly string[] }) {
  const options: ScenarioOptions = { asOf: flags.asOf, readings: flags.reading };
  const loaded = await loadScenario(scenarioArg, io.cwd, options);
  if (loaded.warnings.length) io.stderr(formatIssues(loaded.warnings));
  io.stderr(loadNotes(loaded));
  return { loaded, compiled: compileScenario(loaded.scenario), options };
}

const json = (io: CliIo, value: unknown) => io.stdout(JSON.stringify(value, null, 2) + "\n");

export async function frameworkCommand(scenarioArg: string | undefined, flags: FrameworkFlags, io: CliIo): Promise<void> {
  const { loaded, compiled, options } = await load(scenarioArg, io, flags);
  const report = frameworkReport(compiled, {
    readings: readingsSampling(loaded.nominal, options),
    ...(flags.framework !== undefined ? { framework: flags.framework } : {}),
    amendments: { basis: flags.basis, limit: flags.top, fixLimit: Math.min(flags.top, 3) },
  });
  if (flags.json) json(io, { ...report, ...loadFields(loaded) });
  else io.stdout(frameworkText(report, { color: io.stdoutIsTty, ...(io.columns !== undefined ? { width: io.columns } : {}) }));
}

export async function compareCommand(a: string, b: string, scenarioArg: string | undefined, flags: { json?: boolean; asOf?: string; reading?: readonly string[] }, io: CliIo): Promise<void> {
  const { loaded, compiled } = await load(scenarioArg, io, flags);
  const cmp = compareFrameworks(compiled, a, b);
  if (flags.json) json(io, { ...cmp, ...loadFields(loaded) });
  else io.stdout(compareText(cmp, { color: io.stdoutIsTty }));
}

export interface ExcludeFlags {
  readonly asOf?: string;
  readonly reading?: readonly string[];
  readonly framework?: string;
  readonly json?: boolean;
  readonly simulate?: boolean;
  readonly agents: string;
  readonly steps: number;
  readonly seed: number;
}

export async function excludeCommand(party: string, scenarioArg: string | undefined, flags: ExcludeFlags, io: CliIo): Promise<void> {
  const { loaded, compiled } = await load(scenarioArg, io, flags);
  // The included parties negotiate under shuttle mediation; the exclusion analysis then asks PARTY to ratify.
  const agreement = flags.simulate
    ? (restricted: CompiledScenario) => {
        const seats = restricted.parties.map((p) => p.party.id);
        const specs = splitAgentList(flags.agents);
        const factories = (specs.length === 1 ? seats.map(() => specs[0]!) : specs).map((spec) => negotiatorFromSpec(spec));
        if (factories.length !== seats.length)
          throw new UserError(`--agents: give one agent for every seat (${seats.join(", ")}), or one agent for all of them`);
        const run = runNegotiation(restricted, factories, {
          seats,
          protocol: createProtocol("shuttle", { rounds: flags.steps, seed: flags.seed }),
          seed: flags.seed,
          trace: "final",
        });
        return run.agreement ? [run.agreement] : [];
      }
    : undefined;
  const result = excludeParty(compiled, party, {
    ...(flags.framework !== undefined ? { framework: flags.framework } : {}),
    ...(agreement ? { agreement } : {}),
  });
  if (flags.json) json(io, { ...result, ...loadFields(loaded) });
  else io.stdout(excludeText(result, { color: io.stdoutIsTty }));
}

export async function robustnessCommand(scenarioArg: string | undefined, flags: RobustnessFlags, io: CliIo): Promise<void> {
  const { loaded, compiled, options } = await load(scenarioArg, io, flags);
  const report = robustness(compiled, {
    samples: flags.samples,
    rng: createRng(flags.seed),
    range: flags.range,
    reservationRange: flags.reservationRange,
    ...(flags.varyReadings ? { readings: readingsSampling(loaded.nominal, options) } : {}),
  });
  if (flags.json) json(io, { seed: flags.seed, ...report, ...loadFields(loaded) });
  else io.stdout(robustnessText(report, { seed: flags.seed, color: io.stdoutIsTty }));
}

// ── text reports ────────────────────────────────────────────────────────────────────────────────

type Colors = ReturnType<typeof pc.createColors>;

const verdictText = (c: Colors, v: Verdict) => (v === "accept" ? c.green("accept") : v === "reject" ? c.red("reject") : c.yellow("depends"));

function valueColor(c: Colors, value: number | null): (s: string) => string {
  if (value === null) return c.dim;
  return value >= 0.5 ? c.green : value >= 0.25 ? c.yellow : c.red;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, width - 1) + "…";
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

function describeChange(ch: SettingChange): string {
  if (ch.point === null) return `add ${ch.issue} = ${String(ch.to)}`;
  const points = ch.points && ch.points.length > 1 ? `points ${ch.points.join(", ")}` : `point ${ch.point}`;
  return `${points}: ${ch.issue} ${String(ch.from)} → ${String(ch.to)}`;
}

function describeConstraint(c: ConstraintJson): string {
  return c.kind === "reservation" ? `${c.party} needs utility ≥ ${fmt(c.value!)}` : `${c.party}'s red line ${describeRedLine(c.redLine!)}`;
}

/** The stances a declared stance rests on: "reject", or "deny+partial" for a statement with several claims. */
const declaredStances = (d: NonNullable<DeclaredJson>): readonly Stance[] => (d.stances && d.stances.length > 0 ? d.stances : [d.stance]);

function describeDeclared(d: DeclaredJson): string {
  if (!d) return "—";
  return `${declaredStances(d).join("+")} (${d.date}, ${d.source.outlet})`;
}

const signed = (x: number) => (x >= 0 ? "+" : "−") + Math.abs(x).toFixed(3);

/** The human-readable `parley framework` report. */
export function frameworkText(report: FrameworkReport, { color, width = 100 }: FrameworkTextStyle): string {
  const c = pc.createColors(color);
  const out: string[] = [c.bold(report.scenario.name) + c.dim(` (${report.scenario.id})`)];
  if (report.frameworks.length === 0) out.push("", "  the scenario has no framework");
  for (const fw of report.frameworks) frameworkSection(out, fw, report.parties, c, width);
  if (report.frameworks.length > 0) out.push("", c.dim(wrapWords(EXPLANATION_LEGEND, "", "  ", width)));

  out.push("", c.bold("Deal check"));
  if (report.dealPossible)
    out.push(
      `  a deal is possible: ${report.deal.rationalCount !== null ? `${report.deal.rationalCount.toLocaleString("en-US")} outcomes are` : "some outcome is"} acceptable to every party` +
        c.dim("  (at or above its reservation value, no red line crossed)"),
    );
  else {
    out.push(c.red("  No outcome is acceptable to every party. Smallest conflicting sets of constraints:"));
    report.conflicts?.sets.forEach((set, i) => out.push(`   ${i + 1}. ${set.map(describeConstraint).join(c.dim("  +  "))}`));
    if (report.conflicts?.truncated) out.push(c.dim("   (search stopped early; larger conflicting sets may exist)"));
  }
  out.push(...zoneMarginText(report.zoneMargin, c), ...decidersText(report.readingDeciders, c));
  return out.join("\n") + "\n";
}

const level = (x: number) => x.toFixed(3);

/** The deal check's margin: by how much every reservation value may rise (or must fall) for a deal. */
export function zoneMarginText(m: FrameworkReport["zoneMargin"], c: Colors): string[] {
  if (m.note !== null) return [c.dim(`  how far the zone is from vanishing: ${m.note}`)];
  if (m.delta === null) return ["  no outcome respects every red line, so no reservation values open a zone"];
  const common = m.commonLevel === null ? "" : c.dim(` (with every reservation value equal: ${m.delta >= 0 ? "above" : "at or below"} ${level(m.commonLevel)})`);
  return m.delta >= 0
    ? [`  the zone vanishes when every reservation value rises by more than ${level(m.delta)}${common}`]
    : [`  a deal appears when every reservation value falls by ${level(-m.delta)} or more${common}`];
}

/** Which readings decide whether a deal is possible. */
export function decidersText(d: FrameworkReport["readingDeciders"], c: Colors): string[] {
  if (!d) return [];
  const scheme = d.scheme === "subsets" ? "each reading and every combination that can be selected together" : "each reading alone, and all together when they can be";
  const answer = (possible: boolean) => (possible ? c.green("a deal is possible") : c.red("no deal"));
  const out = ["", c.bold("Readings") + c.dim(` — the deal check under ${scheme}${d.base.length ? `, on top of ${d.base.join(", ")}` : ""}`)];
  out.push(`  as loaded: ${answer(d.nominal)}`);
  for (const e of d.evaluated) out.push(`  + ${e.readings.join(" + ")}: ${answer(e.possible)}`);
  out.push(
    d.deciders.length
      ? `  ${d.nominal ? "no deal" : "a deal"} under: ${d.deciders.map((set) => set.join(" + ")).join("; ")}` + c.dim("  (the smallest sets of readings that change the answer)")
      : `  no reading or combination changes the answer`,
  );
  return out;
}

function frameworkSection(out: string[], fw: FrameworkReportEntry, parties: readonly string[], c: Colors, width: number): void {
  out.push("", c.bold(`Framework: ${fw.name}`) + c.dim(` (${fw.id})`));
  if (fw.open.length) out.push(`  open issues: ${fw.open.join(", ")}`);
  for (const clash of fw.clashes) out.push(c.yellow(`  points ${clash.points.join(", ")} set issue "${clash.issue}" differently (the last one counts)`));

  if (fw.basis === "undisclosed") {
    out.push(c.yellow("  the points of this text are not public: it sets no issue, so every issue is open"));
    out.push("", "  Stance matrix: none (no public points)");
  } else stanceMatrixSection(out, fw, parties, c);

  out.push("", "  Verdicts" + c.dim(" — utility of the worst and best completion of the open issues"));
  out.push(
    renderTable(
      ["party", "utility", "reservation", "red lines", "verdict", "declared on the framework"],
      parties.map((party) => {
        const v = fw.verdicts[party]!;
        const u = v.utilityRange;
        return [
          party,
          u.min === u.max ? fmt(u.min) : `${fmt(u.min)}–${fmt(u.max)}`,
          fmt(v.reservation),
          v.redLinesCrossed.length ? c.red(`${v.redLinesCrossed.length} crossed`) : "none",
          verdictText(c, v.verdict) + (v.explanation.restsOnWeakSources ? c.yellow(" ‡") : ""),
          v.declaredDisagrees ? c.bold(`${describeDeclared(v.declared)} !`) : describeDeclared(v.declared),
        ];
      }),
    ),
  );
  if (parties.some((party) => fw.verdicts[party]!.declared))
    out.push(c.dim("  declared: the latest stance on the whole framework · ! contradicts the verdict (declared accept vs reject, or reject vs accept)"));
  out.push("", "  Why" + c.dim(" — the reasons, the red lines that bind (with what they cite), the deciding issues"));
  for (const party of parties) out.push(...explanationLines(fw.verdicts[party]!.explanation, c, width, describeRedLine));

  amendmentSections(out, fw, parties, c);
}

function stanceMatrixSection(out: string[], fw: FrameworkReportEntry, parties: readonly string[], c: Colors): void {
  out.push("", "  Stance matrix" + c.dim(" — each point's value to each party (0 = its worst options on the point's issues, 1 = its best)"));
  const rows = fw.points.map((point) => [
    `${point.number}. ${truncate(point.text, 46)}`,
    ...parties.map((party) => {
      const s = point.stances[party]!;
      const paint = s.redLine ? c.red : valueColor(c, s.value);
      // A point that sets no issue is not modelled (·); one whose options the party values alike is indifferent (—).
      let cell = paint(point.issues.length === 0 ? "·" : s.value === null ? "—" : s.value.toFixed(2));
      if (s.redLine) cell += c.red(c.bold(" ✖"));
      if (s.declared) cell += ` [${declaredStances(s.declared).map((x) => STANCE_ABBREVIATIONS[x]).join("+")}${s.mismatch ? "!" : ""}]`;
      return s.mismatch ? c.bold(cell) : cell;
    }),
  ]);
  out.push(renderTable(["point", ...parties], rows));
  out.push(
    c.dim(
      "  ✖ crosses a red line · — indifferent (the party values the point's options alike) · · not modelled (the point sets no issue) · [A]ccept [R]eject [P]artial [C]onditional [D]eny [p]rocess: latest declared stance · ! contradicts the model",
    ),
  );
}

function amendmentSections(out: string[], fw: FrameworkReportEntry, parties: readonly string[], c: Colors): void {
  const am = fw.amendments;
  out.push("", `  Best amendments` + c.dim(` — no party worse off (${am.basis} completion), by total gain; ${am.count} in all`));
  if (am.best.length === 0) out.push("   none: no one- or two-change amendment leaves every party at least as well off and one better");
  am.best.forEach((a, i) => out.push(`   ${i + 1}. ${a.changes.map(describeChange).join("; ")}  ${c.green(signed(a.totalGain))}` + c.dim(`  ${gains(a, parties)}`)));
  if (am.truncated) out.push(c.dim("   (too many changes to try every pair: single changes only)"));

  for (const [party, pf] of Object.entries(am.fixes)) {
    out.push("", `  What would make ${c.bold(party)} accept` + c.dim(` (now: ${pf.verdict}) — cheapest first, cost = the others' total loss (${am.basis} completion)`));
    if (pf.fixes.length === 0) out.push("   nothing within one or two changes");
    pf.fixes.forEach((f, i) =>
      out.push(
        `   ${i + 1}. ${f.changes.map(describeChange).join("; ")}  cost ${fmt(f.cost)}` +
          (fw.open.length > 0 && am.basis === "worst" ? c.dim(` (best completion ${fmt(f.costBest)})`) : "") +
          (f.worsened.length ? c.yellow(`  worse verdict for ${f.worsened.map((o) => `${o} (${worsenedText(f.worsenedWhy[o]!, am.basis)})`).join(", ")}`) : ""),
      ),
    );
    if (pf.fixes.some((f) => f.worsened.length > 0 && f.cost < 1e-9))
      out.push(
        c.dim(
          `   cost 0 with a worse verdict: no one loses on the ${am.basis} completion of the open issues, but the fix crosses another party's red line or lowers its best completion (the cause follows the arrow)`,
        ),
      );
  }
}

/** "depends → reject: crosses no-freeze-in-donbas", or the completion that falls below the reservation value. */
function worsenedText(w: WorsenedWhy, basis: string): string {
  const cause = w.redLinesCrossed.length
    ? `crosses ${w.redLinesCrossed.map((r) => r.id ?? describeRedLine(r)).join(", ")}`
    : w.to === "reject" && w.best.after < w.reservation
      ? `best completion ${fmt(w.best.before)} → ${fmt(w.best.after)} < ${fmt(w.reservation)}`
      : w.basis.after < w.reservation
        ? `${basis} completion ${fmt(w.basis.before)} → ${fmt(w.basis.after)} < ${fmt(w.reservation)}`
        : "a red line now at risk";
  return `${w.from} → ${w.to}: ${cause}`;
}

function gains(a: AmendmentJson, parties: readonly string[]): string {
  return parties
    .filter((p) => Math.abs(a.gains[p]!) > 1e-9)
    .map((p) => `${p} ${signed(a.gains[p]!)}`)
    .join(", ");
}

/** The human-readable `parley compare` report. */
export function compareText(cmp: FrameworkComparison, { color }: TextStyle): string {
  const c = pc.createColors(color);
  const out: string[] = [c.bold(`${cmp.a.name}`) + c.dim(` (${cmp.a.id})`) + "  →  " + c.bold(cmp.b.name) + c.dim(` (${cmp.b.id})`), ""];
  const show = (v: Value | null) => (v === null ? c.dim("open") : String(v));
  out.push(
    renderTable(
      ["issue", "A", "B", "change"],
      cmp.issues.map((i) => [i.issue, show(i.a), show(i.b), i.change === "same" || i.change === "open" ? c.dim(i.change) : c.yellow(i.change)]),
    ),
    "",
  );
  const range = (u: { min: number; max: number }) => (u.min === u.max ? fmt(u.min) : `${fmt(u.min)}–${fmt(u.max)}`);
  out.push(
    renderTable(
      ["party", "A utility", "B utility", "Δ worst", "Δ best", "verdict"],
      cmp.parties.map((p) => [
        p.party,
        range(p.a.utility),
        range(p.b.utility),
        signed(p.delta.min),
        signed(p.delta.max),
        p.verdictChange ? `${verdictText(c, p.verdictChange.from)} → ${verdictText(c, p.verdictChange.to)}` : verdictText(c, p.a.verdict),
      ]),
    ),
  );
  for (const p of cmp.parties) {
    if (p.redLinesAdded.length) out.push(c.red(`  ${p.party}: B crosses ${p.redLinesAdded.map(describeRedLine).join("; ")}`));
    if (p.redLinesRemoved.length) out.push(c.green(`  ${p.party}: B no longer crosses ${p.redLinesRemoved.map(describeRedLine).join("; ")}`));
  }
  return out.join("\n") + "\n";
}

/** The human-readable `parley exclude` report. */
export function excludeText(r: ExclusionResult, { color }: TextStyle): string {
  const c = pc.createColors(color);
  const out: string[] = [
    c.bold(`Without ${r.party}`) + `: what ${r.included.join(", ")} would agree on` + (r.framework ? ` within ${r.framework.name} (${r.framework.id})` : ""),
  ];
  if (!r.dealPossible) {
    out.push(c.red("  no outcome is acceptable to all of them either"));
    return out.join("\n") + "\n";
  }
  const section = (title: string, points: readonly ExclusionPoint[]) => {
    out.push("", c.bold(title));
    out.push(
      renderTable(
        [...r.included, r.party, "ratifies", "outcome"],
        points.map((p) => [
          ...p.utilities.map(fmt),
          fmt(p.excluded.utility),
          p.excluded.ratifies ? c.green("yes") : c.red("no"),
          describeOutcome(p.outcome),
        ]),
      ),
    );
    for (const p of points)
      if (!p.excluded.ratifies)
        out.push(
          c.dim(
            `  ${r.party}: ` +
              [
                p.excluded.utility < p.excluded.reservation ? `utility ${fmt(p.excluded.utility)} below its reservation value ${fmt(p.excluded.reservation)}` : "",
                p.excluded.redLinesCrossed.length ? `crosses ${p.excluded.redLinesCrossed.map(describeRedLine).join("; ")}` : "",
              ]
                .filter(Boolean)
                .join("; "),
          ),
        );
  };
  section("Nash", r.nash);
  section("Kalai–Smorodinsky", r.kalaiSmorodinsky);
  if (r.simulated !== null) {
    if (r.simulated.length > 0) section("Shuttle simulation (the included parties, mediated)", r.simulated);
    else out.push("", c.bold("Shuttle simulation") + ": no agreement among the included parties before the deadline");
  }
  for (const note of r.notes) out.push(c.dim(`note: ${note}`));
  return out.join("\n") + "\n";
}

/** The human-readable `parley robustness` report. */
export function robustnessText(r: RobustnessReport, { seed, color }: TextStyle & { readonly seed: number }): string {
  const c = pc.createColors(color);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const out: string[] = [
    c.bold("Robustness to the weights") +
      c.dim(
        ` — ${r.samples} samples, every weight ±${(100 * r.range).toFixed(0)}% then renormalised` +
          (r.reservationRange > 0 ? `, every reservation value ±${r.reservationRange}` : "") +
          (r.readings.length > 0 ? `, each reading on or off (1 in 2)` : "") +
          `, seed ${seed}`,
      ),
  ];
  for (const f of r.frameworks) {
    out.push("", c.bold(`Framework: ${f.framework.name}`) + c.dim(` (${f.framework.id})`));
    out.push(
      renderTable(
        ["party", "nominal", "accept", "depends", "reject"],
        f.parties.map((p) => [p.party, verdictText(c, p.nominal), pct(p.accept), pct(p.depends), pct(p.reject)]),
      ),
    );
  }
  out.push("", c.bold("Nash package"));
  if (!r.nash.nominal) out.push("  no outcome is rational with the nominal weights");
  else {
    out.push(`  nominal: ${describeOutcome(r.nash.nominal.outcome)}`);
    out.push(`  still a Nash package in ${pct(r.nash.stable!)} of the samples`);
    out.push(
      renderTable(
        ["share", "Nash package of the sample"],
        r.nash.outcomes.slice(0, 5).map((o) => [pct(o.fraction), o.outcome ? describeOutcome(o.outcome) : c.dim("none rational")]),
      ),
    );
  }
  out.push("", c.bold("Deal check") + c.dim(` — nominal: ${r.deal.nominal ? "a deal is possible" : "no deal"}`));
  out.push(`  a deal is possible in ${pct(r.deal.possible)} of the samples`);
  if (r.readings.length > 0) {
    const opt = (x: number | null) => (x === null ? "—" : pct(x));
    out.push("", c.bold("Readings") + c.dim(" — the samples with each reading on against those with it off, most decisive first"));
    out.push(
      renderTable(
        ["reading", "on", "deal on", "deal off", "Nash held on", "Nash held off", "verdict shift"],
        r.readings.map((x) => [x.reading, pct(x.on), opt(x.dealOn), opt(x.dealOff), opt(x.nashOn), opt(x.nashOff), opt(x.verdictShift)]),
      ),
    );
  }
  for (const note of r.notes) out.push(c.dim(`note: ${note}`));
  return out.join("\n") + "\n";
}
