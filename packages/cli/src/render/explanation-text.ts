// The "Why" block of `parley framework`: each party's verdict explained (core explainVerdict;
// definitions in docs/framework-analysis.md, "Explanations").
import type { Grounds, IssueExplanation, RedLine, Support, VerdictExplanation, VerdictReason } from "@parley/core";
import pc from "picocolors";
import { fmt } from "./table.js";
import { wrapWords } from "./wrap-words.js";

type Colors = ReturnType<typeof pc.createColors>;

/** How many top issues a party's line names (ties beyond are counted). */
const SHOWN_ISSUES = 3;

const TAG: Record<Support, string> = { H: "[H]", M: "[M]", L: "[L]", assumption: "[A]", none: "[–]" };

/** The legend printed under the explanations. */
export const EXPLANATION_LEGEND =
  "Why: ✖ red line crossed · ? a completion of the open issues could cross it · [H] [M] [L] confidence of the cited statement; after an issue, of the best statement behind the party's ordering of its options ([A] an assumption only, [–] none recorded) · ‡ every reason for the verdict rests on M/L sources or assumptions only";

/** One party's explanation as text lines (wrapped at `width`, indented under the verdict table). */
export function explanationLines(e: VerdictExplanation, c: Colors, width: number, describeRedLine: (r: RedLine) => string): string[] {
  const out: string[] = [];
  const head = `${e.party} ${e.verdict}${e.restsOnWeakSources ? " ‡" : ""}: ${e.reasons.map((r) => reasonText(r, e)).join("; ")}`;
  out.push(wrapWords(head, "  ", "      ", width));
  for (const r of e.redLines) {
    const glyph = r.status === "crossed" ? c.red("✖") : c.yellow("?");
    const text = wrapWords(`${describeRedLine(r.redLine)} — ${citesText(r.grounds)}`, "      ", "        ", width);
    out.push(text.replace(/^ {6}/, `    ${glyph} `));
  }
  const top = e.topIssues.map((id) => e.issues.find((x) => x.issue === id)!);
  if (top.length > 0) {
    const { completion, by } = e.ranking;
    const label = by === "contribution" ? "carried by" : "loses most on";
    const where = e.issues.some((x) => x.open) ? ` (${completion} completion${e.method === "marginal" ? ", one issue at a time" : ""})` : e.method === "marginal" ? " (one issue at a time)" : "";
    const shown = top.slice(0, SHOWN_ISSUES).map((x) => issueText(x, e));
    const more = top.length > SHOWN_ISSUES ? `, +${top.length - SHOWN_ISSUES}\u00a0tied` : "";
    out.push(c.dim(wrapWords(`${label}${where}: ${shown.join(", ")}${more}`, "    ", "      ", width)));
  }
  return out;
}

function reasonText(reason: VerdictReason, e: VerdictExplanation): string {
  const crossed = e.redLines.filter((r) => r.status === "crossed").length;
  const atRisk = e.redLines.filter((r) => r.status === "at-risk").length;
  const lines = (n: number) => (n === 1 ? "1 red line" : `${n} red lines`);
  switch (reason) {
    case "red-line-crossed":
      return `crosses ${lines(crossed)}`;
    case "best-below-reservation":
      return e.utility.min === e.utility.max
        ? `utility ${fmt(e.utility.max)} below its reservation\u00a0${fmt(e.reservation)}`
        : `even the best completion, ${fmt(e.utility.max)}, is below its reservation\u00a0${fmt(e.reservation)}`;
    case "worst-below-reservation":
      return `the worst completion, ${fmt(e.utility.min)}, is below its reservation\u00a0${fmt(e.reservation)}`;
    case "red-line-at-risk":
      return `a completion of the open issues could cross ${lines(atRisk)}`;
    case "every-completion-acceptable":
      return e.utility.min === e.utility.max
        ? `utility ${fmt(e.utility.min)} ≥ its reservation\u00a0${fmt(e.reservation)}, no red line crossed`
        : `every completion ≥ its reservation\u00a0${fmt(e.reservation)} (worst ${fmt(e.utility.min)}), no red line at risk`;
  }
}

function issueText(x: IssueExplanation, e: VerdictExplanation): string {
  const term = x[e.ranking.completion];
  const amount = e.ranking.by === "contribution" ? `+${term.contribution.toFixed(3)}` : `−${term.loss.toFixed(3)}`;
  return `${x.issue}=${String(term.value)}\u00a0${amount}\u00a0${TAG[x.orderingGrounds.support]}`;
}

function citesText(g: Grounds): string {
  const cites = g.cites.map((s) => `${s.id}\u00a0[${s.confidence}]`);
  if (cites.length === 0) return g.support === "none" ? "no source recorded" : "an assumption only";
  return cites.join(", ");
}
