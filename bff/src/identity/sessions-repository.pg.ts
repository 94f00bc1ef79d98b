// Sessions repository on PostgreSQL: the same contract as sessions-repository.ts. Rotation locks the token's row
// (SELECT … FOR UPDATE), so of two refreshes racing with the same token exactly one wins on any replica.
import { and, asc, eq, gt, isNotNull, isNull, lte, notExists, or, sql } from 'drizzle-orm'
import { changed, type PgConn } from '../platform/db.pg'
import type { RotateResult, SessionsRepository } from './sessions-repository'
import { refreshTokens, sessions } from './tables.pg'

export function pgSessionsRepository(conn: () => PgConn): SessionsRepository {
  const revokeIn = (tx: PgConn, id: string, reason: 'logout' | 'reuse', now: Date) =>
    tx
      .update(sessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))

  return {
    async create(session, first) {
      await conn().transaction(async (tx) => {
        await tx.insert(sessions).values(session)
        await tx.insert(refreshTokens).values({ ...first, sessionId: session.id })
      })
    },
    async findActive(id, now) {
      const [row] = await conn().select().from(sessions).where(eq(sessions.id, id))
      if (!row || row.revokedAt || row.absoluteExpiresAt.getTime() <= now.getTime()) return undefined
      return row
    },
    async rotate(tokenHash, now, next) {
      return conn().transaction(async (tx): Promise<RotateResult> => {
        const [token] = await tx
          .select()
          .from(refreshTokens)
          .where(eq(refreshTokens.tokenHash, tokenHash))
          .for('update')
        if (!token) return { kind: 'unknown' }
        const [session] = await tx.select().from(sessions).where(eq(sessions.id, token.sessionId))
        if (!session) return { kind: 'unknown' }
        if (session.revokedAt) return { kind: 'revoked', session }
        if (token.usedAt) {
          await revokeIn(tx, session.id, 'reuse', now)
          return { kind: 'reused', session }
        }
        if (token.idleExpiresAt.getTime() <= now.getTime() || session.absoluteExpiresAt.getTime() <= now.getTime()) {
          return { kind: 'expired', session }
        }
        await tx
          .update(refreshTokens)
          .set({ usedAt: now })
          .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt)))
        await tx.insert(refreshTokens).values({ ...next, sessionId: session.id })
        return { kind: 'rotated', session }
      })
    },
    async revoke(id, reason, now) {
      await revokeIn(conn(), id, reason, now)
    },
    async listByUser(userId) {
      return conn().select().from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.createdAt))
    },
    async purgeEnded(now) {
      const live = conn()
        .select({ one: sql`1` })
        .from(refreshTokens)
        .where(
          and(
            eq(refreshTokens.sessionId, sessions.id),
            isNull(refreshTokens.usedAt),
            gt(refreshTokens.idleExpiresAt, now),
          ),
        )
      const ended = or(isNotNull(sessions.revokedAt), lte(sessions.absoluteExpiresAt, now), notExists(live))
      // The refresh tokens go with their session (ON DELETE CASCADE).
      return changed(await conn().delete(sessions).where(ended))
    },
    async setStepUp(id, at) {
      await conn().update(sessions).set({ stepUpAt: at }).where(eq(sessions.id, id))
    },
  }
}
