// Audit repository: append-only, HMAC-chained records and their signed checkpoints; counts for abuse limits.
import { and, asc, count, desc, eq, gt } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { auditCheckpoints, auditLog } from './tables'

export type AuditRow = typeof auditLog.$inferSelect
export type AuditEntry = Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>
export type AuditCheckpointRow = typeof auditCheckpoints.$inferSelect

export interface AuditRepository {
  /** Appends an entry; `chain(prevHash)` computes its hash from the previous record's, inside one transaction. */
  append(entry: AuditEntry, chain: (prevHash: string, entry: AuditEntry) => string): Promise<AuditRow>
  countSince(userId: string, action: string, outcome: 'success' | 'failure', since: Date): Promise<number>
  list(filter?: { userId?: string }): Promise<AuditRow[]>
  /** Puts `to` where a record names `userId` (a closed account's pseudonym); the number of records changed. */
  replaceUserId(userId: string, to: string): Promise<number>
  addCheckpoint(row: AuditCheckpointRow): Promise<void>
  checkpoints(): Promise<AuditCheckpointRow[]>
}

export const GENESIS_HASH = '0'.repeat(64)

export function drizzleAuditRepository(db: Db): AuditRepository {
  return {
    async append(entry, chain) {
      return db.transaction((tx) => {
        const last = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get()
        const prevHash = last?.hash ?? GENESIS_HASH
        return tx
          .insert(auditLog)
          .values({ ...entry, prevHash, hash: chain(prevHash, entry) })
          .returning()
          .get()
      })
    },
    async countSince(userId, action, outcome, since) {
      const row = db
        .select({ n: count() })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.userId, userId),
            eq(auditLog.action, action),
            eq(auditLog.outcome, outcome),
            gt(auditLog.at, since),
          ),
        )
        .get()
      return row?.n ?? 0
    },
    async list(filter = {}) {
      const q = db.select().from(auditLog)
      return (filter.userId ? q.where(eq(auditLog.userId, filter.userId)) : q).orderBy(asc(auditLog.seq)).all()
    },
    async replaceUserId(userId, to) {
      return db.update(auditLog).set({ userId: to }).where(eq(auditLog.userId, userId)).run().changes
    },
    async addCheckpoint(row) {
      db.insert(auditCheckpoints).values(row).onConflictDoNothing().run()
    },
    async checkpoints() {
      return db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq)).all()
    },
  }
}
