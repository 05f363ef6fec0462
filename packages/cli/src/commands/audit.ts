// `parley audit verify FILE`: check an exported audit log offline (docs/audit-log.md). Exit 0 when
// every entry, signed tree head and consistency proof verifies; 4 naming the first bad entry or
// head when not; 2 for a file that is not an export.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fromHex, isAuditError, openingProblem, parseAuditExport, verifyExport, type AuditExport, type AuditVerification, type SubmissionOpening } from "@parley/audit";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { UserError } from "../user-error.js";

export interface AuditVerifyFlags {
  readonly json?: boolean;
  readonly key?: string;
  readonly opening?: string;
}

/** Larger exports are refused rather than read into memory (a room of 100,000 small events exports to about 25 MB). */
const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

async function readText(fileArg: string, io: CliIo, what: string): Promise<string> {
  const file = path.resolve(io.cwd, fileArg);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new UserError(`${fileArg}: no such file`, ExitCode.usage);
  }
  if (size > MAX_EXPORT_BYTES) throw new UserError(`${fileArg}: ${what} of ${size} bytes is larger than ${MAX_EXPORT_BYTES} bytes`, ExitCode.usage);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new UserError(`${fileArg}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`, ExitCode.usage);
  }
}

/** The opening file: { "entry": N, "salt": "<64 hex digits>", "payload": <what the seat submitted> }. */
function parseOpening(fileArg: string, text: string): SubmissionOpening {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${fileArg}: not JSON (${(error as Error).message})`, ExitCode.usage);
  }
  const o = raw as Record<string, unknown> | null;
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new UserError(`${fileArg}: expected an object { "entry", "salt", "payload" }`, ExitCode.usage);
  if (typeof o["entry"] !== "number" || !Number.isSafeInteger(o["entry"]) || o["entry"] < 0) throw new UserError(`${fileArg}: entry: expected a non-negative integer`, ExitCode.usage);
  if (typeof o["salt"] !== "string") throw new UserError(`${fileArg}: salt: expected 64 lower-case hex digits`, ExitCode.usage);
  if (!("payload" in o)) throw new UserError(`${fileArg}: payload: missing (what the seat submitted)`, ExitCode.usage);
  return { entry: o["entry"], salt: o["salt"], payload: o["payload"] };
}

export async function auditVerifyCommand(fileArg: string, flags: AuditVerifyFlags, io: CliIo): Promise<void> {
  if (flags.key !== undefined && fromHex(flags.key.toLowerCase(), 32) === null) throw new UserError(`--key: expected the log's Ed25519 public key as 64 hex digits`, ExitCode.usage);
  const text = await readText(fileArg, io, "the export");
  const opening = flags.opening === undefined ? undefined : parseOpening(flags.opening, await readText(flags.opening, io, "the opening"));
  let log: AuditExport;
  try {
    log = parseAuditExport(text);
  } catch (error) {
    if (isAuditError(error)) throw new UserError(`${fileArg}: ${error.message} [${error.code}]`, ExitCode.usage);
    throw error;
  }
  const result: AuditVerification = verifyExport(log, flags.key === undefined ? {} : { publicKey: flags.key.toLowerCase() });
  // The opening is checked against an export that verifies (otherwise its entry proves nothing).
  let openingResult: { entry: number; ok: boolean; problem: string | null } | undefined;
  if (opening && result.ok) {
    const entry = log.entries[opening.entry];
    const problem = entry ? openingProblem(entry.json, opening) : `the log has no entry ${opening.entry} (it has ${result.entries})`;
    openingResult = { entry: opening.entry, ok: problem === null, problem };
  }
  const ok = result.ok && (openingResult?.ok ?? true);

  if (flags.json) {
    io.stdout(`${JSON.stringify({ file: fileArg, ...result, ok, ...(openingResult ? { opening: openingResult } : {}) }, null, 2)}\n`);
    if (!ok) throw new UserError(`${fileArg}: does not verify`, ExitCode.findings);
    return;
  }
  if (result.problem) {
    const p = result.problem;
    throw new UserError(`${fileArg}: ${p.message} [${p.code}]\n  field: ${p.field}; everything before it verified`, ExitCode.findings);
  }
  const l = result.latest;
  io.stdout(
    [
      `${fileArg}: verified — log ${JSON.stringify(result.logId)}, ${plural(result.entries, "entry", "entries")}, ${plural(result.treeHeads, "signed tree head", "signed tree heads")}`,
      `  latest head: ${plural(l.treeSize, "entry", "entries")}, root ${l.rootHash}, signed ${new Date(l.timestamp).toISOString()}`,
      `  public key:  ${result.publicKey}${flags.key === undefined ? " (not checked: compare it with the key the server serves, or pass --key)" : " (as expected)"}`,
      `  ${plural(result.commitments, "private submission", "private submissions")} in the log as commitments`,
      "",
    ].join("\n"),
  );
  if (openingResult) {
    if (!openingResult.ok) throw new UserError(`${flags.opening}: ${openingResult.problem}`, ExitCode.findings);
    io.stdout(`  entry ${openingResult.entry} commits to the submission in ${flags.opening}\n`);
  }
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
