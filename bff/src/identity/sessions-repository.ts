// Sessions repository: refresh-token families. Rotation is one transaction, so of two refreshes racing with the
// same token exactly one wins; using a spent token revokes its whole family (RFC 9700 §4.14).
import { and, asc, eq, gt, isNotNull, isNull, lte, notExists, or, sql } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { refreshTokens, sessions } from './tables'

export type SessionRow = typeof sessions.$inferSelect

export interface NewRefreshToken {
  tokenHash: string
  issuedAt: Date
  idleExpiresAt: Date
}

export type RotateResult =
  | { kind: 'rotated'; session: SessionRow }
  | { kind: 'unknown' }
  | { kind: 'expired'; session: SessionRow }
  | { kind: 'revoked'; session: SessionRow }
  | { kind: 'reused'; session: SessionRow }

export interface SessionsRepository {
  create(
    session: { id: string; userId: string; createdAt: Date; absoluteExpiresAt: Date },
    first: NewRefreshToken,
  ): Promise<void>
  /** The session if it is neither revoked nor past its absolute lifetime. */
  findActive(id: string, now: Date): Promise<SessionRow | undefined>
  rotate(tokenHash: string, now: Date, next: NewRefreshToken): Promise<RotateResult>
  revoke(id: string, reason: 'logout' | 'reuse', now: Date): Promise<void>
  /** Every session of a user, oldest first (PIPL export: metadata only, never a token). */
  listByUser(userId: string): Promise<SessionRow[]>
  /** Retention: deletes sessions that can no longer be used — revoked, past their absolute lifetime, or with no
   * refresh token still inside its idle lifetime — and their refresh tokens; the number of sessions deleted. */
  purgeEnded(now: Date): Promise<number>
  /** Records a face verification passed in this session (its step-up); no other session of the user gains it. */
  setStepUp(id: string, at: Date): Promise<void>
}

export function drizzleSessionsRepository(db: Db): SessionsRepository {
  const revokeIn = (tx: Pick<Db, 'update'>, id: string, reason: 'logout' | 'reuse', now: Date) =>
    tx
      .update(sessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
      .run()
  // Every authenticated request reads its session: prepared once.
  const byId = db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare()

  return {
    async create(session, first) {
      db.transaction((tx) => {
        tx.insert(sessions).values(session).run()
        tx.insert(refreshTokens)
          .values({ ...first, sessionId: session.id })
          .run()
      })
    },
    async findActive(id, now) {
      const row = byId.get({ id })
      if (!row || row.revokedAt || row.absoluteExpiresAt.getTime() <= now.getTime()) return undefined
      return row
    },
    async rotate(tokenHash, now, next) {
      return db.transaction((tx): RotateResult => {
        const token = tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).get()
        if (!token) return { kind: 'unknown' }
        const session = tx.select().from(sessions).where(eq(sessions.id, token.sessionId)).get()
        if (!session) return { kind: 'unknown' }
        if (session.revokedAt) return { kind: 'revoked', session }
        if (token.usedAt) {
          revokeIn(tx, session.id, 'reuse', now)
          return { kind: 'reused', session }
        }
        if (token.idleExpiresAt.getTime() <= now.getTime() || session.absoluteExpiresAt.getTime() <= now.getTime()) {
          return { kind: 'expired', session }
        }
        tx.update(refreshTokens)
          .set({ usedAt: now })
          .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt)))
          .run()
        tx.insert(refreshTokens)
          .values({ ...next, sessionId: session.id })
          .run()
        return { kind: 'rotated', session }
      })
    },
    async revoke(id, reason, now) {
      revokeIn(db, id, reason, now)
    },
    async listByUser(userId) {
      return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.createdAt)).all()
    },
    async purgeEnded(now) {
      const live = db
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
      return db.delete(sessions).where(ended).run().changes
    },
    async setStepUp(id, at) {
      db.update(sessions).set({ stepUpAt: at }).where(eq(sessions.id, id)).run()
    },
  }
}
