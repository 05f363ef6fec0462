export { auditErrorCodes, AuditError, isAuditError, type AuditErrorCode } from "./errors.js";
export { canonicalJson, MAX_JSON_DEPTH, type JsonValue } from "./canonical-json.js";
export { emptyRoot, leafHash, nodeHash, MerkleTree, HASH_BYTES, MAX_TREE_SIZE } from "./merkle.js";
export { rootFromInclusionProof, verifyInclusion, verifyConsistency } from "./proofs.js";
export {
  generateSigningKey,
  signTreeHead,
  verifyTreeHead,
  treeHeadMessage,
  TREE_HEAD_TYPE,
  type TreeHead,
  type SignedTreeHead,
  type SigningKey,
} from "./tree-head.js";
export { commit, verifyCommitment, openingProblem, newSalt, COMMITMENT_DOMAIN, SALT_BYTES, type SubmissionOpening } from "./commitment.js";
export { AuditLog, type AppendedEntry } from "./audit-log.js";
export { parseAuditExport, AUDIT_EXPORT_FORMAT, AUDIT_EXPORT_VERSION, type AuditExport, type ExportedEntry, type ExportedTreeHead } from "./export-format.js";
export { verifyExport, type AuditProblem, type AuditVerification, type VerifyOptions } from "./verify-export.js";
export { toHex, fromHex } from "./bytes.js";
