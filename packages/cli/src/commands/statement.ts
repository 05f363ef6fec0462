// `parley statement add FILE …`: append a dated statement to a scenario file, validated, keeping
// the file's comments and layout; the file is replaced atomically, and only when the result is valid.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { appendStatement } from "@parley/formats";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { UserError } from "../user-error.js";
import { writeFileAtomic } from "../write-atomic.js";

export interface StatementAddFlags {
  readonly id: string;
  readonly date: string;
  readonly speaker: string;
  readonly voice?: string;
  readonly party: string;
  readonly paraphrase: string;
  readonly about?: string[];
  readonly stance?: string;
  /** STANCE=SUBJECT[,SUBJECT…], repeatable: several stances instead of --stance and --about. */
  readonly claim?: string[];
  readonly outlet: string;
  readonly url: string;
  readonly title?: string;
  readonly confidence: string;
  readonly dryRun?: boolean;
}

export async function statementAddCommand(fileArg: string, flags: StatementAddFlags, io: CliIo): Promise<void> {
  const file = path.resolve(io.cwd, fileArg);
  if (!/\.(ya?ml|json)$/i.test(file)) throw new UserError(`${fileArg}: statements are added to a native .yaml/.yml/.json scenario file`, ExitCode.usage);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UserError(`${fileArg}: no such file`, ExitCode.usage);
  }
  const stanceForm = statementStance(flags);
  const result = appendStatement(
    text,
    {
      id: flags.id,
      date: flags.date,
      speaker: flags.speaker,
      ...(flags.voice !== undefined ? { voice: flags.voice } : {}),
      party: flags.party,
      paraphrase: flags.paraphrase,
      ...stanceForm,
      source: { outlet: flags.outlet, url: flags.url, ...(flags.title !== undefined ? { title: flags.title } : {}) },
      confidence: flags.confidence,
    },
    { file: fileArg },
  );
  if (!result.ok) throw new UserError(`${fileArg}: the statement was not added (the file is unchanged)`, ExitCode.usage, result.issues);
  if (flags.dryRun) {
    io.stdout(result.text);
    return;
  }
  await writeFileAtomic(file, result.text);
  io.stdout(`${fileArg}: statement ${flags.id} added\n`);
}

/** The statement's stance: --stance with --about, or --claim STANCE=SUBJECT,… (repeatable). */
function statementStance(flags: StatementAddFlags): { about: string[]; stance: string } | { claims: { stance: string; about: string[] }[] } {
  const claims = flags.claim ?? [];
  if (claims.length > 0) {
    if (flags.stance !== undefined || flags.about !== undefined)
      throw new UserError("give --stance with --about, or --claim (repeatable), not both", ExitCode.usage);
    return {
      claims: claims.map((c) => {
        const eq = c.indexOf("=");
        const about = eq < 0 ? [] : c.slice(eq + 1).split(",").map((x) => x.trim()).filter((x) => x !== "");
        if (eq <= 0 || about.length === 0)
          throw new UserError(`--claim "${c}": write STANCE=SUBJECT[,SUBJECT…], e.g. --claim deny=28-point --claim partial=28-point/21`, ExitCode.usage);
        return { stance: c.slice(0, eq).trim(), about };
      }),
    };
  }
  if (flags.stance === undefined || flags.about === undefined)
    throw new UserError("give the statement's --stance and --about SUBJECT (repeatable), or --claim STANCE=SUBJECT,… (repeatable)", ExitCode.usage);
  return { about: flags.about, stance: flags.stance };
}
