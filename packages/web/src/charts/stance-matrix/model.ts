// The stance matrix as data: framework points × parties, each cell coloured by the point's value to
// the party, red lines marked, the declared stance (with its source) beside the modelled one.
import type { DeclaredJson, FrameworkEntryJson, Statement, Verdict } from "../../api/types.js";
import { fmtDate, fmtUtility } from "../format.js";
import { textOn, valueColor } from "../colors.js";

export const STANCE_SYMBOLS: Readonly<Record<string, { symbol: string; label: string }>> = {
  accept: { symbol: "✓", label: "accepts" },
  reject: { symbol: "✗", label: "rejects" },
  partial: { symbol: "◐", label: "partly accepts" },
  conditional: { symbol: "?", label: "accepts on conditions" },
  deny: { symbol: "⊘", label: "denies" },
  process: { symbol: "…", label: "on the process" },
};

export interface DeclaredBadge {
  readonly symbol: string;
  readonly stance: string;
  /** "Declared: rejects (3 Mar 2025, via the point) — speaker — paraphrase — outlet, title". */
  readonly tip: string;
}

export interface StanceCell {
  readonly party: string;
  readonly value: number | null;
  readonly background: string;
  readonly color: string;
  readonly text: string;
  readonly redLine: boolean;
  readonly declared: DeclaredBadge | null;
  /** The declared stance contradicts the modelled one. */
  readonly mismatch: boolean;
  readonly tip: string;
}

export interface StanceRowModel {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  readonly issues: readonly string[];
  readonly cells: readonly StanceCell[];
}

export interface VerdictCell {
  readonly party: string;
  readonly verdict: Verdict;
  readonly text: string;
  readonly tip: string;
  readonly declared: DeclaredBadge | null;
  /** The declared stance on the framework contradicts the verdict (accept vs reject). */
  readonly mismatch: boolean;
}

export interface StanceMatrixModel {
  readonly id: string;
  readonly name: string;
  readonly parties: readonly { readonly id: string; readonly label: string }[];
  readonly rows: readonly StanceRowModel[];
  readonly verdicts: readonly VerdictCell[];
  readonly open: readonly string[];
}

const NEUTRAL = "#eef0f3";

export function declaredBadge(d: DeclaredJson | null | undefined, statements: readonly Statement[]): DeclaredBadge | null {
  if (!d) return null;
  const s = STANCE_SYMBOLS[d.stance] ?? { symbol: "•", label: d.stance };
  // A statement with several claims (e.g. denies one thing, partly accepts another): every stance.
  const all = (d.stances && d.stances.length > 0 ? d.stances : [d.stance]).map((x) => STANCE_SYMBOLS[x] ?? { symbol: "•", label: x });
  const st = statements.find((x) => x.id === d.statement);
  const src = [d.source.outlet, d.source.title].filter(Boolean).join(", ");
  const lines = [
    `Declared: ${all.map((x) => x.label).join(" and ")} (${fmtDate(d.date)}${d.via ? `, about the ${d.via}` : ""})`,
    ...(d.speaker ?? st?.speaker ? [String(d.speaker ?? st?.speaker)] : []),
    ...(st ? [`“${st.paraphrase}”`] : []),
    `Source: ${src}${d.confidence ? ` · confidence ${d.confidence}` : ""}`,
  ];
  return { symbol: all.length > 1 ? all.map((x) => x.symbol).join("") : s.symbol, stance: d.stance, tip: lines.join("\n") };
}

export function buildStanceMatrix(
  entry: FrameworkEntryJson,
  parties: readonly { readonly id: string; readonly label: string }[],
  statements: readonly Statement[] = [],
): StanceMatrixModel {
  const shown = parties.filter((p) => entry.points.some((pt) => pt.stances[p.id]) || entry.verdicts[p.id]);
  const rows = [...entry.points]
    .sort((a, b) => a.number - b.number)
    .map(
      (pt): StanceRowModel => ({
        id: pt.id,
        number: pt.number,
        text: pt.text,
        issues: pt.issues,
        cells: shown.map((p): StanceCell => {
          const s = pt.stances[p.id];
          const value = s?.value ?? null;
          const background = value === null ? NEUTRAL : valueColor(value);
          const redLine = s?.redLine ?? false;
          const declared = declaredBadge(s?.declared, statements);
          const redLineNotes = (s?.redLines ?? []).map((r) => r.note ?? r.id ?? "red line").filter(Boolean);
          const tipLines = [
            `${p.label} on point ${pt.number}`,
            pt.issues.length === 0
              ? "Not modelled: the point sets no issue"
              : value === null
                ? "Value: indifferent (the party values the point's options alike)"
                : `Value: ${fmtUtility(value)} (0 = its worst options, 1 = its best)`,
            ...(s?.modelled ? [`Modelled: ${s.modelled}`] : []),
            ...(redLine ? [`Crosses a red line${redLineNotes.length ? `: ${redLineNotes.join("; ")}` : ""}`] : []),
            ...(declared ? ["", declared.tip] : []),
            ...(s?.mismatch ? ["", "The declared stance contradicts the model."] : []),
          ];
          return {
            party: p.id,
            value,
            background,
            color: textOn(background),
            text: value === null ? "–" : fmtUtility(value),
            redLine,
            declared,
            mismatch: s?.mismatch ?? false,
            tip: tipLines.join("\n"),
          };
        }),
      }),
    );
  const verdicts = shown.map((p): VerdictCell => {
    const v = entry.verdicts[p.id];
    const range = v?.utilityRange;
    const utility = range && range.max !== range.min ? `${fmtUtility(range.min)}–${fmtUtility(range.max)}` : fmtUtility(v?.utility);
    const declared = declaredBadge(v?.declared, statements);
    const mismatch = v?.declaredDisagrees ?? false;
    return {
      party: p.id,
      verdict: v?.verdict ?? "depends",
      text: utility,
      declared,
      mismatch,
      tip: [
        `${p.label}: ${v?.verdict ?? "?"}`,
        `Utility ${utility}${v?.reservation !== undefined ? ` (reservation ${fmtUtility(v.reservation)})` : ""}`,
        ...((v?.redLinesCrossed?.length ?? 0) > 0 ? [`Red lines crossed: ${v!.redLinesCrossed!.map((r) => r.note ?? r.id ?? r.kind).join("; ")}`] : []),
        ...(declared ? ["", declared.tip] : []),
        ...(mismatch ? ["", "The declared stance contradicts the verdict."] : []),
      ].join("\n"),
    };
  });
  return { id: entry.id, name: entry.name ?? entry.id, parties: shown, rows, verdicts, open: entry.open ?? [] };
}
