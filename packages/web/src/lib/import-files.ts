// Turning chosen files into an upload, and the server's problems back into annotated file text.
import type { ApiIssue, ScenarioUpload } from "../api/types.js";

export interface TextFile {
  readonly name: string;
  readonly text: string;
}

const NATIVE = /\.(ya?ml|json)$/i;
const XML = /\.xml$/i;

/** The upload for a set of files: one native file, or the .xml files of a GENIUS folder. */
export function uploadFor(files: readonly TextFile[]): { upload: ScenarioUpload } | { error: string } {
  if (files.length === 0) return { error: "No file chosen." };
  const xml = files.filter((f) => XML.test(f.name));
  const native = files.filter((f) => NATIVE.test(f.name));
  if (xml.length > 0 && native.length === 0) {
    const sorted = [...xml].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { upload: { format: "genius", files: sorted.map((f) => ({ name: f.name, text: f.text })) } };
  }
  if (native.length === 1 && xml.length === 0) {
    const f = native[0]!;
    return { upload: { format: /\.json$/i.test(f.name) ? "json" : "yaml", text: f.text } };
  }
  if (native.length > 1) return { error: `Choose one scenario file at a time (got ${native.map((f) => f.name).join(", ")}).` };
  if (xml.length > 0 && native.length > 0) return { error: "Choose either one native file (.yaml, .yml, .json) or the .xml files of a GENIUS folder, not both." };
  return { error: `Parley reads .yaml, .yml and .json scenario files and GENIUS .xml folders; got ${files.map((f) => f.name).join(", ")}.` };
}

/** The files an upload is about, keeping only scenario files (e.g. a dropped folder's README is ignored). */
export function scenarioFiles(files: readonly TextFile[]): TextFile[] {
  return files.filter((f) => NATIVE.test(f.name) || XML.test(f.name));
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, "");

/**
 * The problems of each uploaded file (in upload order), and those tied to no file. A problem
 * without a file name belongs to the only file when there is one.
 */
export function issuesByFile(
  files: readonly TextFile[],
  issues: readonly ApiIssue[],
): { readonly files: { readonly file: TextFile; readonly issues: ApiIssue[] }[]; readonly general: ApiIssue[] } {
  const out = files.map((file) => ({ file, issues: [] as ApiIssue[] }));
  const general: ApiIssue[] = [];
  for (const issue of issues) {
    const name = issue.file;
    const target =
      name !== undefined
        ? out.find((o) => o.file.name === name || baseName(o.file.name) === baseName(name))
        : out.length === 1
          ? out[0]
          : undefined;
    if (target) target.issues.push(issue);
    else general.push(issue);
  }
  return { files: out.filter((o) => o.issues.length > 0), general };
}

export interface AnnotatedLine {
  /** 1-based line number, or null for an elision marker ("…"). */
  readonly number: number | null;
  readonly text: string;
  readonly issues: readonly ApiIssue[];
}

/**
 * The file's lines with each problem beside its line. Long files are cut to the lines around the
 * problems (`context` lines either side); a problem past the end sits on the last line.
 */
export function annotateLines(text: string, issues: readonly ApiIssue[], context = 3, fullUpTo = 120): AnnotatedLine[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const at = new Map<number, ApiIssue[]>();
  for (const issue of issues) {
    if (issue.line === undefined) continue;
    const n = Math.max(1, Math.min(lines.length, issue.line));
    at.set(n, [...(at.get(n) ?? []), issue]);
  }
  const keep = new Uint8Array(lines.length + 2);
  if (lines.length <= fullUpTo) keep.fill(1);
  else for (const n of at.keys()) for (let k = Math.max(1, n - context); k <= Math.min(lines.length, n + context); k++) keep[k] = 1;
  const out: AnnotatedLine[] = [];
  let gap = false;
  for (let n = 1; n <= lines.length; n++) {
    if (!keep[n]) {
      gap = true;
      continue;
    }
    if (gap && out.length > 0) out.push({ number: null, text: "…", issues: [] });
    if (gap && out.length === 0 && n > 1) out.push({ number: null, text: "…", issues: [] });
    gap = false;
    out.push({ number: n, text: lines[n - 1]!, issues: at.get(n) ?? [] });
  }
  if (gap) out.push({ number: null, text: "…", issues: [] });
  return out;
}

/** "parties[2].preferences.reservation" */
export function issuePath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}
