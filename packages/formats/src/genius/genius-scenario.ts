// A GENIUS scenario folder (one domain file + profile files) as one Parley Scenario.
import type { Party, Scenario } from "@parley/core";
import type { FormatIssue, ParseResult } from "../format-issue.js";
import { formatLimits, type FormatLimits } from "../limits.js";
import { readDomain } from "./genius-domain.js";
import { readProfile } from "./genius-profile.js";
import { GeniusReport, neverThrow } from "./report.js";
import { parseXmlTree, someElement, type XmlDocument, type XmlElement } from "./xml-tree.js";

/** One file of a GENIUS folder: its file name (e.g. `Laptop_buyer.xml`) and text. */
export interface GeniusFile {
  readonly name: string;
  readonly text: string;
  /** Where the file lives (e.g. a full path), used in FormatIssues instead of `name` when given. */
  readonly path?: string;
}

export interface GeniusScenarioOptions {
  readonly id: string;
  /** Defaults to `id`. */
  readonly name?: string;
  /** Grid intervals for real issues (default GENIUS_DEFAULT_REAL_INTERVALS). */
  readonly realIntervals?: number;
  /** Size limits; the defaults otherwise. */
  readonly limits?: Partial<FormatLimits>;
}

export type GeniusFileKind = "domain" | "profile" | "other";

/**
 * What a GENIUS file is, judged by its content (never its name): a domain is a
 * `<negotiation_template>`, or a `<utility_space>` with no weights, evaluations, evaluators or
 * non-linear utility; a profile is a `<utility_space>` with some of those; anything else is "other".
 */
export function classifyGeniusRoot(root: XmlElement): GeniusFileKind {
  if (root.name === "negotiation_template") return "domain";
  if (root.name !== "utility_space") return "other";
  if (root.attrs["type"]?.trim().toLowerCase() === "nonlinear") return "profile";
  const preferenceLike = someElement(
    root,
    (e) =>
      e.name === "weight" ||
      e.name === "evaluator" ||
      e.name === "utility" ||
      e.name === "hyperRectangle" ||
      (e.name === "item" && e.attrs["evaluation"] !== undefined),
  );
  return preferenceLike ? "profile" : "domain";
}

/** Classify a GENIUS file's text (see classifyGeniusRoot); text that is not well-formed XML is "other". */
export function classifyGeniusFile(text: string): GeniusFileKind {
  const parsed = parseXmlTree(text, undefined);
  return parsed.ok ? classifyGeniusRoot(parsed.doc.root) : "other";
}

/** `Laptop_buyer.xml` → `Laptop_buyer`. */
export function geniusPartyId(fileName: string): string {
  return fileName.replace(/\.xml$/i, "");
}

/**
 * Build one Scenario from the files of a GENIUS folder. Exactly one file must be a domain (by
 * content); every profile becomes a party, in file-name order (plain code-unit sort), named and
 * id'd by its file name without `.xml`, role "party". Text files that are not XML (GENIUS folders
 * sometimes hold a `pareto.xml` of plain numbers) and XML with other roots are skipped with a
 * warning. Universal: no Node APIs. Never throws.
 */
export function geniusFilesToScenario(
  files: readonly GeniusFile[],
  options: GeniusScenarioOptions,
): ParseResult<Scenario> {
  return neverThrow(undefined, () => filesToScenario(files, options));
}

function filesToScenario(files: readonly GeniusFile[], options: GeniusScenarioOptions): ParseResult<Scenario> {
  const issues: FormatIssue[] = [];
  const domains: { file: GeniusFile; doc: XmlDocument }[] = [];
  const profiles: { file: GeniusFile; doc: XmlDocument }[] = [];
  const where = (f: GeniusFile): string => f.path ?? f.name;

  for (const file of files) {
    const trimmed = file.text.replace(/^\uFEFF/, "").trimStart();
    if (!trimmed.startsWith("<")) {
      issues.push({
        code: "PARLEY_FMT_GENIUS",
        file: where(file),
        line: 1,
        path: [],
        message: "not an XML file (it does not start with '<'); skipped",
        severity: "warning",
      });
      continue;
    }
    const parsed = parseXmlTree(file.text, where(file), { depth: formatLimits(options.limits).depth });
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const kind = classifyGeniusRoot(parsed.doc.root);
    if (kind === "domain") domains.push({ file, doc: parsed.doc });
    else if (kind === "profile") profiles.push({ file, doc: parsed.doc });
    else
      issues.push({
        code: "PARLEY_FMT_GENIUS",
        file: where(file),
        line: parsed.doc.root.line,
        column: parsed.doc.root.column,
        path: [parsed.doc.root.name],
        message: `<${parsed.doc.root.name}> is neither a GENIUS domain nor a profile; skipped`,
        severity: "warning",
      });
  }

  const folderIssue = (message: string, file?: string): FormatIssue => ({
    code: "PARLEY_FMT_FOLDER",
    ...(file !== undefined ? { file } : {}),
    path: [],
    message,
    severity: "error",
  });
  if (domains.length === 0)
    issues.push(
      folderIssue(
        `no GENIUS domain file among ${files.length} file(s): expected one <negotiation_template> (or a <utility_space> without weights or evaluations)`,
      ),
    );
  if (domains.length > 1)
    issues.push(
      folderIssue(
        `${domains.length} files look like GENIUS domains (${domains.map((d) => d.file.name).join(", ")}); a folder holds exactly one`,
        where(domains[1]!.file),
      ),
    );
  if (profiles.length === 0) issues.push(folderIssue("no GENIUS profile files (a <utility_space> with weights or evaluations)"));
  // Without exactly one domain the profiles cannot be checked; otherwise report every file's problems.
  if (domains.length !== 1) return fail(issues);

  const domainFile = domains[0]!;
  const domainReport = new GeniusReport(where(domainFile.file), domainFile.doc);
  const domain = readDomain(domainFile.doc.root, domainReport, {
    file: where(domainFile.file),
    ...(options.realIntervals !== undefined ? { realIntervals: options.realIntervals } : {}),
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
  });
  issues.push(...domainReport.issues);
  if (!domain || domainReport.hasErrors) return fail(issues);

  const ordered = [...profiles].sort((a, b) => (a.file.name < b.file.name ? -1 : a.file.name > b.file.name ? 1 : 0));
  const parties: Party[] = [];
  const ids = new Map<string, string>();
  for (const { file, doc } of ordered) {
    const id = geniusPartyId(file.name);
    const clash = ids.get(id);
    if (clash !== undefined) {
      issues.push({
        code: "PARLEY_FMT_DUPLICATE",
        file: where(file),
        path: [],
        message: `profiles ${clash} and ${file.name} both give the party id "${id}"`,
        severity: "error",
      });
      continue;
    }
    ids.set(id, file.name);
    const report = new GeniusReport(where(file), doc);
    const preferences = readProfile(doc.root, domain, report);
    issues.push(...report.issues);
    if (preferences && !report.hasErrors) parties.push({ id, name: id, role: "party", preferences });
  }
  if (issues.some((i) => i.severity === "error")) return fail(issues);
  const scenario: Scenario = {
    id: options.id,
    name: options.name ?? options.id,
    issues: domain.issues,
    parties,
    frameworks: [],
  };
  return { ok: true, value: scenario, warnings: issues };
}

function fail(issues: readonly FormatIssue[]): ParseResult<never> {
  return { ok: false, issues };
}
