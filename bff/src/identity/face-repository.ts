// Face challenges repository: issue, and claim exactly once (a replayed verifyId finds it already used).
import { and, eq, isNull, lte } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { faceChallenges } from './tables'

export type FaceChallengeRow = typeof faceChallenges.$inferSelect

export type ClaimResult =
  { kind: 'claimed'; challenge: FaceChallengeRow } | { kind: 'not_found' } | { kind: 'used' } | { kind: 'expired' }

export interface FaceChallengesRepository {
  create(row: { id: string; userId: string; digits: string; issuedAt: Date; expiresAt: Date }): Promise<void>
  /** Marks the user's challenge used; another user's challenge is reported as not found. */
  claim(id: string, userId: string, now: Date): Promise<ClaimResult>
  /** Retention: deletes challenges past their expiry (used or not); the number deleted. */
  purgeExpired(now: Date): Promise<number>
}

export function drizzleFaceChallengesRepository(db: Db): FaceChallengesRepository {
  return {
    async create(row) {
      db.insert(faceChallenges).values(row).run()
    },
    async claim(id, userId, now) {
      return db.transaction((tx): ClaimResult => {
        const row = tx
          .select()
          .from(faceChallenges)
          .where(and(eq(faceChallenges.id, id), eq(faceChallenges.userId, userId)))
          .get()
        if (!row) return { kind: 'not_found' }
        if (row.usedAt) return { kind: 'used' }
        tx.update(faceChallenges)
          .set({ usedAt: now })
          .where(and(eq(faceChallenges.id, id), isNull(faceChallenges.usedAt)))
          .run()
        if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'expired' }
        return { kind: 'claimed', challenge: row }
      })
    },
    async purgeExpired(now) {
      return db.delete(faceChallenges).where(lte(faceChallenges.expiresAt, now)).run().changes
    },
  }
}
