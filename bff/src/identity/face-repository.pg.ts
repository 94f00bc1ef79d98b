// Face challenges repository on PostgreSQL: the same contract as face-repository.ts; the claim locks its row, so of
// two claims racing exactly one finds it unused.
import { and, eq, isNull, lte } from 'drizzle-orm'
import { changed, type PgConn } from '../platform/db.pg'
import type { ClaimResult, FaceChallengesRepository } from './face-repository'
import { faceChallenges } from './tables.pg'

export function pgFaceChallengesRepository(conn: () => PgConn): FaceChallengesRepository {
  return {
    async create(row) {
      await conn().insert(faceChallenges).values(row)
    },
    async claim(id, userId, now) {
      return conn().transaction(async (tx): Promise<ClaimResult> => {
        const [row] = await tx
          .select()
          .from(faceChallenges)
          .where(and(eq(faceChallenges.id, id), eq(faceChallenges.userId, userId)))
          .for('update')
        if (!row) return { kind: 'not_found' }
        if (row.usedAt) return { kind: 'used' }
        await tx
          .update(faceChallenges)
          .set({ usedAt: now })
          .where(and(eq(faceChallenges.id, id), isNull(faceChallenges.usedAt)))
        if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'expired' }
        return { kind: 'claimed', challenge: row }
      })
    },
    async purgeExpired(now) {
      return changed(await conn().delete(faceChallenges).where(lte(faceChallenges.expiresAt, now)))
    },
  }
}
