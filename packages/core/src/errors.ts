/**
 * Every error code the core throws. The code is API; the message is not.
 * Each code has a section in docs/errors.md (a test checks both directions). Never reuse a retired code.
 */
export const parleyErrorCodes = [
  "PARLEY_ERR_UNKNOWN_ISSUE",
  "PARLEY_ERR_UNKNOWN_PARTY",
  "PARLEY_ERR_UNKNOWN_FRAMEWORK",
  "PARLEY_ERR_UNKNOWN_VALUE",
  "PARLEY_ERR_BAD_ISSUE",
  "PARLEY_ERR_BAD_OUTCOME",
  "PARLEY_ERR_NO_PREFERENCES",
  "PARLEY_ERR_SPACE_TOO_LARGE",
  "PARLEY_ERR_FRONTIER_TOO_LARGE",
  "PARLEY_ERR_NOT_ADDITIVE",
  "PARLEY_ERR_BAD_ARGUMENT",
  "PARLEY_ERR_UNKNOWN_STRATEGY",
  "PARLEY_ERR_BAD_PARAMETER",
  "PARLEY_ERR_UNKNOWN_PROTOCOL",
  "PARLEY_ERR_LIMIT",
  "PARLEY_ERR_UNKNOWN_READING",
  "PARLEY_ROOM_BAD_SPEC",
  "PARLEY_ROOM_FORBIDDEN",
  "PARLEY_ROOM_NOT_YOUR_TURN",
  "PARLEY_ROOM_NOT_NOW",
  "PARLEY_ROOM_BAD_PACKAGE",
  "PARLEY_ROOM_BAD_PREFERENCES",
  "PARLEY_ROOM_OVER",
  "PARLEY_ROOM_REPLAY_DIVERGED",
] as const;

export type ParleyErrorCode = (typeof parleyErrorCodes)[number];

/**
 * Marks a ParleyError from any copy of this module: a program may hold two (the CLI's bundle loads
 * each command as a file of its own, with its own copy of the core), and `instanceof` sees only one.
 */
const parleyErrorBrand = Symbol.for("parley.ParleyError");

/** Misuse of the API or an analysis that cannot be done as asked. */
export class ParleyError extends Error {
  override name = "ParleyError";
  readonly code: ParleyErrorCode;
  constructor(code: ParleyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, parleyErrorBrand, { value: true });
  }
}

/** Whether `error` is a ParleyError, made by this copy of the core or another one. */
export function isParleyError(error: unknown): error is ParleyError {
  return error instanceof ParleyError || (error instanceof Error && (error as unknown as Record<symbol, unknown>)[parleyErrorBrand] === true);
}
