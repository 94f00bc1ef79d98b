// Presentations repository on PostgreSQL: the same contract as presentations-repository.ts; the one-use guard is
// the primary key (INSERT … ON CONFLICT DO NOTHING), so a replay at another replica is refused too.
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm'
import { changed, type PgConn } from '../platform/db.pg'
import type { PresentationsRepository } from './presentations-repository'
import { presentations, walletCredentials } from './tables.pg'

export function pgPresentationsRepository(conn: () => PgConn): PresentationsRepository {
  return {
    async addCredential(row) {
      await conn().insert(walletCredentials).values(row)
    },
    async findCredential(id) {
      const [row] = await conn().select().from(walletCredentials).where(eq(walletCredentials.id, id))
      return row
    },
    async firstUse(row) {
      const made = await conn()
        .insert(presentations)
        .values(row)
        .onConflictDoNothing()
        .returning({ jti: presentations.jti })
      return made.length === 1
    },
    async settle(jti, outcome) {
      await conn().update(presentations).set({ outcome }).where(eq(presentations.jti, jti))
    },
    async release(jti) {
      await conn().delete(presentations).where(eq(presentations.jti, jti))
    },
    async log(userId, cardId) {
      return conn()
        .select({
          jti: presentations.jti,
          credentialId: presentations.credentialId,
          verifiedAt: presentations.verifiedAt,
          outcome: presentations.outcome,
        })
        .from(presentations)
        .innerJoin(walletCredentials, eq(presentations.credentialId, walletCredentials.id))
        .where(and(eq(walletCredentials.userId, userId), eq(walletCredentials.cardId, cardId)))
        .orderBy(desc(presentations.verifiedAt))
        .limit(100)
    },
    async recordsOf(userId) {
      const credentials = await conn()
        .select()
        .from(walletCredentials)
        .where(eq(walletCredentials.userId, userId))
        .orderBy(asc(walletCredentials.issuedAt))
      const ids = credentials.map((c) => c.id)
      const used = ids.length
        ? await conn()
            .select()
            .from(presentations)
            .where(inArray(presentations.credentialId, ids))
            .orderBy(asc(presentations.verifiedAt))
        : []
      return { credentials, presentations: used }
    },
    async eraseFor(userId) {
      await conn().transaction(async (tx) => {
        const mine = tx
          .select({ id: walletCredentials.id })
          .from(walletCredentials)
          .where(eq(walletCredentials.userId, userId))
        await tx.delete(presentations).where(inArray(presentations.credentialId, mine))
        await tx.delete(walletCredentials).where(eq(walletCredentials.userId, userId))
      })
    },
    async purgeOneUseBefore(before) {
      return changed(await conn().delete(presentations).where(lt(presentations.verifiedAt, before)))
    },
    async purgeCredentialsExpiredBefore(before) {
      // Their verifications go with them (ON DELETE CASCADE).
      return changed(await conn().delete(walletCredentials).where(lt(walletCredentials.expiresAt, before)))
    },
  }
}
