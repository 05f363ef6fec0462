// Cheap to import (types only from @parley/formats): cli.ts needs UserError before any command loads.
import type { FormatIssue } from "@parley/formats";
import { ExitCode } from "./exit-codes.js";

/** An error caused by the user's input or request: printed without a stack trace (issues: see format-issues.ts). */
export class UserError extends Error {
  override name = "UserError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.usage,
    readonly issues: readonly FormatIssue[] = [],
  ) {
    super(message);
  }
}
