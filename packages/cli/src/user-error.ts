// Cheap to import (types only from @parley/formats): cli.ts needs UserError before any command loads.
import type { FormatIssue } from "@parley/formats";
import { ExitCode } from "./exit-codes.js";

/** Marks a UserError from any copy of this module (each command of the bundle has its own: see isUserError). */
const userErrorBrand = Symbol.for("parley.UserError");

/** An error caused by the user's input or request: printed without a stack trace (issues: see format-issues.ts). */
export class UserError extends Error {
  override name = "UserError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.usage,
    readonly issues: readonly FormatIssue[] = [],
  ) {
    super(message);
    Object.defineProperty(this, userErrorBrand, { value: true });
  }
}

/** Whether `error` is a UserError: `instanceof` misses one thrown by a command's own copy of this module (the bundle's commands are files of their own). */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError || (error instanceof Error && (error as unknown as Record<symbol, unknown>)[userErrorBrand] === true);
}
