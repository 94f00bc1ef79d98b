// Sessions repository: refresh-token families. Rotation is one transaction, so of two refreshes racing with the
// same token exactly one wins; using a spent token revokes its whole family (RFC 9700 §4.14).
import { and, eq, isNull, sql } from 'drizzle-orm'
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
    async setStepUp(id, at) {
      db.update(sessions).set({ stepUpAt: at }).where(eq(sessions.id, id)).run()
    },
  }
}
