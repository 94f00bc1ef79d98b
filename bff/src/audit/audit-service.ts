// Audit service: one record per security event (who, what, when, outcome), hash-chained so tampering shows.
import { createHash, createHmac, hkdfSync } from 'node:crypto'
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
  | 'family.accept'
  | 'family.remove'
  | 'health_code.transfer'
  | 'privacy.export'
  | 'account.close'

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
  /** A closed account (PIPL Art. 47): its records keep their place in the chain under the pseudonym of its id. */
  pseudonymise(userId: string): Promise<number>
  /** Index of the first record whose chain does not hold, or -1 when the whole log is intact. */
  verify(): Promise<number>
}

/** What a closed account's records carry instead of its id. */
export const PSEUDONYM_PREFIX = 'anon:'
/** Maps a user id to its pseudonym (a pseudonym maps to itself). */
export type Pseudonymiser = (userId: string) => string

/**
 * The pseudonym of a user id: an HMAC-SHA-256 keyed from a secret that is not in the database, so nobody holding
 * an old token (its `sub`) or a copy of the database can find a closed account's records again.
 */
export function auditPseudonymiser(secret: string): Pseudonymiser {
  const key = Buffer.from(hkdfSync('sha256', secret, 'ysx-audit', 'subject-pseudonym', 32))
  return (userId) =>
    userId.startsWith(PSEUDONYM_PREFIX)
      ? userId
      : PSEUDONYM_PREFIX + createHmac('sha256', key).update(userId).digest('base64url')
}

/**
 * The hash of a record: SHA-256 over the previous hash and the record's fields in a fixed order. It covers the
 * pseudonym of the user id, not the id itself, so replacing the id by its pseudonym when the account closes keeps
 * the chain intact, while any other edit of the column still breaks it.
 */
export function auditHash(prevHash: string, e: AuditEntry, pseudonym: Pseudonymiser): string {
  const subject = e.userId === null ? null : pseudonym(e.userId)
  const fields = [e.at.getTime(), subject, e.action, e.outcome, e.reason, e.requestId, e.ip]
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex')
}

/** Index of the first record whose chain does not hold, or -1 when the whole log is intact. */
export function firstBrokenLink(rows: AuditRow[], pseudonym: Pseudonymiser): number {
  let prev = GENESIS_HASH
  for (const [i, row] of rows.entries()) {
    if (row.prevHash !== prev || row.hash !== auditHash(prev, row, pseudonym)) return i
    prev = row.hash
  }
  return -1
}

export function createAuditService(repo: AuditRepository, now: () => Date, pseudonym: Pseudonymiser): AuditService {
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
        (prev, entry) => auditHash(prev, entry, pseudonym),
      )
    },
    failuresSince: (userId, action, since) => repo.countSince(userId, action, 'failure', since),
    list: (userId) => repo.list(userId ? { userId } : {}),
    pseudonymise: (userId) => repo.replaceUserId(userId, pseudonym(userId)),
    verify: async () => firstBrokenLink(await repo.list(), pseudonym),
  }
}
