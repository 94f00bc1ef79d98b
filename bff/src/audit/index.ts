// Audit: the HMAC-chained, checkpoint-signed security audit trail (who, what, when, outcome). Public entry: the service other
// capabilities record security events with, and the request → context helper their routes use.
export { auditContext } from './audit-context'
export {
  type AuditAction,
  type AuditContext,
  auditHash,
  auditPseudonymiser,
  auditKeys,
  type AuditKeys,
  type AuditService,
  type AuditSettings,
  type AuditVerification,
  createAuditService,
  firstBrokenLink,
  PSEUDONYM_PREFIX,
  type Pseudonymiser,
  verifyAuditTrail,
} from './audit-service'
