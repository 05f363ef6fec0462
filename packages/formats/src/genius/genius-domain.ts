// GENIUS domain files (`<negotiation_template>`): the issues of a scenario.
import { issueSize, type Issue } from "@parley/core";
import type { ParseResult } from "../format-issue.js";
import { formatLimits, limitHint, type FormatLimits } from "../limits.js";
import { collectScope, readDeclaredIssue, type DeclaredIssue } from "./declarations.js";
import { GeniusReport, neverThrow } from "./report.js";
import { childNamed, parseXmlTree, type XmlElement } from "./xml-tree.js";

/**
 * GENIUS real issues are continuous; Parley enumerates them on a grid of this many equal intervals
 * (so 11 values, bounds included) unless `realIntervals` says otherwise.
 */
export const GENIUS_DEFAULT_REAL_INTERVALS = 10;

export interface GeniusParseOptions {
  /** The file name or path, used in every FormatIssue. */
  readonly file?: string;
  /** Grid intervals for real issues (a positive integer; default GENIUS_DEFAULT_REAL_INTERVALS). */
  readonly realIntervals?: number;
  /** Size limits (values per issue, issues, nesting depth); the defaults otherwise. */
  readonly limits?: Partial<FormatLimits>;
}

/** Where a domain issue came from in GENIUS terms. */
export interface GeniusIssueSource {
  /** The `index` attribute: GENIUS's issue number, which profiles use to refer to the issue. */
  readonly index: number;
  /** The `name` attribute as written. The Parley issue id is this name, made unique if needed. */
  readonly name: string;
  readonly line?: number;
}

/** A parsed GENIUS domain: Parley issues (in file order) and, per issue, its GENIUS source. */
export interface GeniusDomain {
  readonly file?: string;
  readonly issues: readonly Issue[];
  /** Same order as `issues`. */
  readonly sources: readonly GeniusIssueSource[];
  /** The `index` attributes of the domain's objectives (weights on them carry no utility). */
  readonly objectiveIndices: readonly number[];
}

/**
 * Parse a GENIUS domain file: `<negotiation_template><utility_space><objective><issue …>`. A bare
 * `<utility_space>` root is accepted too. Issue ids are the `name` attributes; discrete values are
 * the item `value` strings; integer issues take every integer in [lowerbound, upperbound]; real
 * issues are gridded (see GENIUS_DEFAULT_REAL_INTERVALS). Never throws.
 */
export function parseGeniusDomain(text: string, options: GeniusParseOptions = {}): ParseResult<GeniusDomain> {
  const { file } = options;
  return neverThrow(file, () => {
    const parsed = parseXmlTree(text, file, { depth: formatLimits(options.limits).depth });
    if (!parsed.ok) return { ok: false, issues: parsed.issues };
    const report = new GeniusReport(file, parsed.doc);
    const domain = readDomain(parsed.doc.root, report, options);
    if (!domain || report.hasErrors) return { ok: false, issues: report.issues };
    return { ok: true, value: domain, warnings: report.issues };
  });
}

/** The `<utility_space>` that holds a domain's issues, or undefined (reported) when there is none. */
export function domainContainer(root: XmlElement, report: GeniusReport): XmlElement | undefined {
  if (root.name === "utility_space") return root;
  if (root.name === "negotiation_template") {
    const us = childNamed(root, "utility_space");
    if (!us) report.error("PARLEY_FMT_GENIUS", root, "<negotiation_template> has no <utility_space> with the issues");
    return us;
  }
  report.error(
    "PARLEY_FMT_GENIUS",
    root,
    `expected a GENIUS domain (<negotiation_template> or <utility_space>), found <${root.name}>`,
  );
  return undefined;
}

/** Read a parsed domain document (for callers that already parsed the XML). */
export function readDomain(root: XmlElement, report: GeniusReport, options: GeniusParseOptions): GeniusDomain | undefined {
  const intervals = options.realIntervals ?? GENIUS_DEFAULT_REAL_INTERVALS;
  if (!Number.isInteger(intervals) || intervals < 1) {
    report.issues.push({
      code: "PARLEY_FMT_VALUE",
      ...(report.file !== undefined ? { file: report.file } : {}),
      path: ["options", "realIntervals"],
      message: `realIntervals must be a positive integer (got ${intervals})`,
      severity: "error",
    });
    return undefined;
  }
  const container = domainContainer(root, report);
  if (!container) return undefined;
  const scope = collectScope(container);
  for (const nested of scope.nestedObjectives)
    report.warning(
      "PARLEY_FMT_GENIUS",
      nested,
      "nested objectives are flattened: their issues join the domain's issue list, and objective weights carry no utility",
    );
  if (scope.issues.length === 0) {
    report.error("PARLEY_FMT_GENIUS", container, "the domain declares no <issue> elements");
    return undefined;
  }
  const limits = formatLimits(options.limits);
  if (scope.issues.length > limits.issues) {
    report.error("PARLEY_FMT_LIMIT", container, `the domain declares ${scope.issues.length.toLocaleString("en")} issues; ${limitHint("issues", limits)}`);
    return undefined;
  }

  const declared: DeclaredIssue[] = [];
  const seenIndex = new Map<number, XmlElement>();
  for (const el of scope.issues) {
    const d = readDeclaredIssue(el, report);
    if (!d) continue;
    if (d.index !== undefined) {
      const prior = seenIndex.get(d.index);
      if (prior)
        report.error(
          "PARLEY_FMT_DUPLICATE",
          el,
          `two issues have index="${d.index}" (the other is on line ${prior.line}); profiles refer to issues by index, so it must be unique`,
          "index",
        );
      else seenIndex.set(d.index, el);
    }
    declared.push(d);
  }
  const ids = assignIssueIds(declared, report);
  const issues: Issue[] = [];
  const sources: GeniusIssueSource[] = [];
  declared.forEach((d, k) => {
    const id = ids[k]!;
    const issue = toIssue(d, id, intervals, report);
    if (!issue || d.index === undefined) return;
    const size = issueSize(issue);
    if (!(size <= limits.valuesPerIssue)) {
      report.error(
        "PARLEY_FMT_LIMIT",
        d.el,
        `issue "${id}" has ${size.toLocaleString("en")} values; Parley enumerates every value, and ${limitHint("valuesPerIssue", limits)}`,
        d.type === "integer" ? "upperbound" : undefined,
      );
      return;
    }
    issues.push(issue);
    sources.push({ index: d.index, name: d.name ?? id, line: d.el.line });
  });
  const objectiveIndices = scope.objectives.flatMap((o) => {
    const raw = o.attrs["index"];
    const n = raw === undefined ? Number.NaN : Number(raw);
    return Number.isInteger(n) ? [n] : [];
  });
  return { ...(options.file !== undefined ? { file: options.file } : {}), issues, sources, objectiveIndices };
}

/** Issue ids from the `name` attributes; unnamed issues get `issue<index>`, and repeated names get a suffix. */
function assignIssueIds(declared: readonly DeclaredIssue[], report: GeniusReport): string[] {
  const taken = new Set<string>();
  const wanted = declared.map((d) => d.name ?? `issue${d.index ?? ""}`);
  const counts = new Map<string, number>();
  for (const w of wanted) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Unique names keep their name; the rest are disambiguated after them.
  for (const w of wanted) if (counts.get(w) === 1) taken.add(w);
  return declared.map((d, k) => {
    const w = wanted[k]!;
    if (d.name === undefined)
      report.warning("PARLEY_FMT_GENIUS", d.el, `the issue has no name="…"; calling it "${w}"`);
    if (counts.get(w) === 1) return w;
    let id = `${w} #${d.index ?? k + 1}`;
    for (let n = 2; taken.has(id); n++) id = `${w} #${d.index ?? k + 1}-${n}`;
    taken.add(id);
    report.warning(
      "PARLEY_FMT_DUPLICATE",
      d.el,
      `several issues are named "${w}"; this one (index ${d.index ?? "?"}) gets the id "${id}"`,
      "name",
    );
    return id;
  });
}

function toIssue(d: DeclaredIssue, id: string, intervals: number, report: GeniusReport): Issue | undefined {
  const name = d.name !== undefined && d.name !== id ? { name: d.name } : {};
  switch (d.type) {
    case "discrete": {
      const options: string[] = [];
      const seen = new Set<string>();
      for (const item of d.items) {
        if (seen.has(item.value)) {
          report.warning(
            "PARLEY_FMT_DUPLICATE",
            item.el,
            `issue "${id}" lists the value "${item.value}" twice; the repeat is ignored`,
            "value",
          );
          continue;
        }
        seen.add(item.value);
        options.push(item.value);
      }
      if (options.length === 0) {
        report.error("PARLEY_FMT_GENIUS", d.el, `discrete issue "${id}" has no <item value="…"> elements`);
        return undefined;
      }
      return { kind: "categorical", id, ...name, options };
    }
    case "integer":
      if (d.lower === undefined || d.upper === undefined || d.lower > d.upper) return undefined;
      return { kind: "integer", id, ...name, min: d.lower, max: d.upper };
    case "real": {
      if (d.lower === undefined || d.upper === undefined || d.lower > d.upper) return undefined;
      const step = d.upper > d.lower ? (d.upper - d.lower) / intervals : 1;
      return { kind: "real", id, ...name, min: d.lower, max: d.upper, step };
    }
  }
}
