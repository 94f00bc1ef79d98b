// Audit: the hash-chained security audit trail (who, what, when, outcome). Public entry: the service other
// capabilities record security events with, and the request → context helper their routes use.
export { auditContext } from './audit-context'
export {
  type AuditAction,
  type AuditContext,
  auditHash,
  auditPseudonymiser,
  type AuditService,
  createAuditService,
  firstBrokenLink,
  PSEUDONYM_PREFIX,
  type Pseudonymiser,
} from './audit-service'
