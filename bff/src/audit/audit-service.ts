// Audit service: one record per security event (who, what, when, outcome), hash-chained so tampering shows.
import { createHash } from 'node:crypto'
import { type AuditEntry, type AuditRepository, type AuditRow, GENESIS_HASH } from './audit-repository'

export type AuditAction =
  | 'login'
  | 'logout'
  | 'refresh'
  | 'refresh.reuse'
  | 'face.start'
  | 'face.verify'
  | 'id_number.reveal'
  | 'certificate.reveal'
  | 'authz.denied'
  | 'family.add'
  | 'family.remove'
  | 'health_code.transfer'
  | 'health_code.issue'
  | 'health_code.verify'
  | 'health_code.callback'
  | 'credential.issue'
  | 'presentation.verify'

export interface AuditContext {
  requestId?: string
  ip?: string
}

export interface AuditService {
  record(
    e: { userId: string | null; action: AuditAction; outcome: 'success' | 'failure'; reason?: string },
    ctx: AuditContext,
  ): Promise<void>
  failuresSince(userId: string, action: AuditAction, since: Date): Promise<number>
  list(userId?: string): Promise<AuditRow[]>
}

/** The hash of a record: SHA-256 over the previous hash and the record's fields in a fixed order. */
export function auditHash(prevHash: string, e: AuditEntry): string {
  const fields = [e.at.getTime(), e.userId, e.action, e.outcome, e.reason, e.requestId, e.ip]
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex')
}

/** Index of the first record whose chain does not hold, or -1 when the whole log is intact. */
export function firstBrokenLink(rows: AuditRow[]): number {
  let prev = GENESIS_HASH
  for (const [i, row] of rows.entries()) {
    if (row.prevHash !== prev || row.hash !== auditHash(prev, row)) return i
    prev = row.hash
  }
  return -1
}

export function createAuditService(repo: AuditRepository, now: () => Date = () => new Date()): AuditService {
  return {
    async record(e, ctx) {
      await repo.append(
        {
          at: now(),
          userId: e.userId,
          action: e.action,
          outcome: e.outcome,
          reason: e.reason ?? null,
          requestId: ctx.requestId ?? null,
          ip: ctx.ip ?? null,
        },
        auditHash,
      )
    },
    failuresSince: (userId, action, since) => repo.countSince(userId, action, 'failure', since),
    list: (userId) => repo.list(userId ? { userId } : {}),
  }
}
