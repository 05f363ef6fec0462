import type { ParleyErrorCode } from "@parley/core";

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
  /**
   * The check the command ran found problems: `parley lint` has findings (the scenario does not follow
   * its modelling rules), or `parley audit verify` finds that the audit log does not verify.
   */
  findings: 4,
  /** A server the command needs cannot be reached (`parley room …`: is `parley serve` running there?). */
  unavailable: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The exit code of each core error: a request the analysis cannot do as asked is 3, every other
 * misuse (a name that refers to nothing, a value out of range, options that do not fit) is 2.
 * The server's status table (server/src/errors.ts) is the other translation of the same codes.
 */
export const parleyErrorExit = {
  PARLEY_ERR_UNKNOWN_ISSUE: ExitCode.usage,
  PARLEY_ERR_UNKNOWN_PARTY: ExitCode.usage,
  PARLEY_ERR_UNKNOWN_FRAMEWORK: ExitCode.usage,
  PARLEY_ERR_UNKNOWN_VALUE: ExitCode.usage,
  PARLEY_ERR_BAD_ISSUE: ExitCode.usage,
  PARLEY_ERR_BAD_OUTCOME: ExitCode.usage,
  PARLEY_ERR_NO_PREFERENCES: ExitCode.usage,
  PARLEY_ERR_SPACE_TOO_LARGE: ExitCode.analysis,
  PARLEY_ERR_FRONTIER_TOO_LARGE: ExitCode.analysis,
  PARLEY_ERR_NOT_ADDITIVE: ExitCode.analysis,
  PARLEY_ERR_BAD_ARGUMENT: ExitCode.usage,
  PARLEY_ERR_UNKNOWN_STRATEGY: ExitCode.usage,
  PARLEY_ERR_BAD_PARAMETER: ExitCode.usage,
  PARLEY_ERR_UNKNOWN_PROTOCOL: ExitCode.usage,
  PARLEY_ERR_LIMIT: ExitCode.usage,
  PARLEY_ERR_UNKNOWN_READING: ExitCode.usage,
  PARLEY_ROOM_BAD_SPEC: ExitCode.usage,
  PARLEY_ROOM_FORBIDDEN: ExitCode.usage,
  PARLEY_ROOM_NOT_YOUR_TURN: ExitCode.usage,
  PARLEY_ROOM_NOT_NOW: ExitCode.usage,
  PARLEY_ROOM_BAD_PACKAGE: ExitCode.usage,
  PARLEY_ROOM_BAD_PREFERENCES: ExitCode.usage,
  PARLEY_ROOM_OVER: ExitCode.usage,
  PARLEY_ROOM_REPLAY_DIVERGED: ExitCode.internal,
} as const satisfies Record<ParleyErrorCode, ExitCode>;
