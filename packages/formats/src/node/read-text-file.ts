// Reading a text file within the size limit: shared by the native reader and the GENIUS folder
// reader (which imports this module, not read-scenario-file.ts, so reading a GENIUS folder does not
// load the native format's parser, zod and yaml).
import { readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { decodeText } from "../decode-text.js";
import type { FormatIssue } from "../format-issue.js";
import { limitHint, type FormatLimits } from "../limits.js";

export function ioMessage(error: unknown, action: string, path: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return `Cannot ${action} ${path}: no such file. Check the path.`;
    case "EISDIR":
      return `Cannot ${action} ${path}: it is a folder, not a file.`;
    case "EACCES":
    case "EPERM":
      return `Cannot ${action} ${path}: permission denied.`;
    default:
      return `Cannot ${action} ${path}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

export function tooLargeIssue(path: string, size: number, limits: FormatLimits): FormatIssue {
  return { code: "PARLEY_FMT_LIMIT", file: path, path: [], message: `the file has ${size.toLocaleString("en")} bytes; ${limitHint("fileBytes", limits)}`, severity: "error" };
}

type TextRead = { ok: true; text: string } | { ok: false; issue: FormatIssue };

/** Why a file cannot be read as text before reading it (a folder, too large), or null. */
function screen(path: string, info: { isDirectory(): boolean; size: number }, limits: FormatLimits): TextRead | null {
  if (info.isDirectory()) return ioFailure(path, { code: "EISDIR" });
  if (info.size > limits.fileBytes) return { ok: false, issue: tooLargeIssue(path, info.size, limits) };
  return null;
}

function ioFailure(path: string, error: unknown): { ok: false; issue: FormatIssue } {
  return { ok: false, issue: { code: "PARLEY_FMT_IO", file: path, path: [], message: ioMessage(error, "read", path), severity: "error" } };
}

/**
 * A text file's content, checked before it is read whole: at most `limits.fileBytes` bytes, UTF-8
 * (a byte-order mark dropped). Never rejects: problems come back as one FormatIssue.
 */
export async function readTextFile(path: string, limits: FormatLimits): Promise<TextRead> {
  try {
    // decodeText drops a UTF-8 byte-order mark.
    return screen(path, await stat(path), limits) ?? decodeText(await readFile(path), path);
  } catch (error) {
    return ioFailure(path, error);
  }
}

/** readTextFile, synchronously: the same checks and the same issues (a one-off command waits either way). */
export function readTextFileSync(path: string, limits: FormatLimits): TextRead {
  try {
    return screen(path, statSync(path), limits) ?? decodeText(readFileSync(path), path);
  } catch (error) {
    return ioFailure(path, error);
  }
}
