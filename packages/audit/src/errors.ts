/**
 * Every error and problem code of @parley/audit. The code is API; the message is not.
 * Each code has a section in docs/errors.md (a test checks both directions).
 */
export const auditErrorCodes = [
  // Thrown (AuditError): input the library cannot work with.
  "PARLEY_AUDIT_NOT_CANONICAL_JSON",
  "PARLEY_AUDIT_BAD_ARGUMENT",
  "PARLEY_AUDIT_MALFORMED_EXPORT",
  // Reported by verifyExport: the export is well-formed but does not verify.
  "PARLEY_AUDIT_ENTRY_INDEX",
  "PARLEY_AUDIT_ENTRY_NOT_CANONICAL",
  "PARLEY_AUDIT_ENTRY_HASH",
  "PARLEY_AUDIT_ENTRY_UNSIGNED",
  "PARLEY_AUDIT_HEAD_INVALID",
  "PARLEY_AUDIT_HEAD_SIGNATURE",
  "PARLEY_AUDIT_HEAD_ROOT",
  "PARLEY_AUDIT_HEAD_CONSISTENCY",
  "PARLEY_AUDIT_KEY_MISMATCH",
] as const;

export type AuditErrorCode = (typeof auditErrorCodes)[number];

/** Input the audit library cannot work with (a value with no canonical JSON, a malformed export, an argument out of range). */
export class AuditError extends Error {
  override name = "AuditError";
  constructor(
    readonly code: AuditErrorCode,
    message: string,
    /** Where in the input: a JSON path such as `treeHeads[2].signature` (empty for the whole input). */
    readonly path: string = "",
  ) {
    super(message);
  }
}

export function isAuditError(error: unknown): error is AuditError {
  return error instanceof AuditError;
}
