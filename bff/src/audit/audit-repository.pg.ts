// Audit repository on PostgreSQL: the same contract as audit-repository.ts. Appends are serialised by a transaction
// advisory lock, so two replicas appending at once never chain onto the same previous record.
import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm'
import { changed, type PgConn } from '../platform/db.pg'
import { type AuditRepository, GENESIS_HASH } from './audit-repository'
import { auditCheckpoints, auditLog } from './tables.pg'

/** The advisory lock key that serialises appends to the chain (any fixed 64-bit number). */
const CHAIN_LOCK = 0x79_73_78_61_75_64 // "ysxaud"

export function pgAuditRepository(conn: () => PgConn): AuditRepository {
  return {
    async append(entry, chain) {
      return conn().transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`)
        const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1)
        const prevHash = last?.hash ?? GENESIS_HASH
        const [row] = await tx
          .insert(auditLog)
          .values({ ...entry, prevHash, hash: chain(prevHash, entry) })
          .returning()
        return row!
      })
    },
    async countSince(userId, action, outcome, since) {
      const [row] = await conn()
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
      return row?.n ?? 0
    },
    async list(filter = {}) {
      const q = conn().select().from(auditLog)
      return (filter.userId ? q.where(eq(auditLog.userId, filter.userId)) : q).orderBy(asc(auditLog.seq))
    },
    async replaceUserId(userId, to) {
      return changed(await conn().update(auditLog).set({ userId: to }).where(eq(auditLog.userId, userId)))
    },
    async addCheckpoint(row) {
      await conn().insert(auditCheckpoints).values(row).onConflictDoNothing()
    },
    async checkpoints() {
      return conn().select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq))
    },
  }
}
