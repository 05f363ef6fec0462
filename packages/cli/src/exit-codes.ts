/** Exit codes of the parley command (documented in README and docs/errors.md). */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** An unexpected internal error (a bug: please report it). */
  internal: 1,
  /** Bad input: a file that does not parse or validate, an unknown option or argument. */
  usage: 2,
  /** The input is valid but the analysis cannot be done as asked (e.g. the space is too large). */
  analysis: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
