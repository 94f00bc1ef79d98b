// 服务大厅 repository on PostgreSQL: the same contract as hall-repository.ts. One citizen's rows are written one
// writer at a time (a transaction-scoped advisory lock), so the bounds hold across replicas.
import { and, count, desc, eq, notInArray, sql } from 'drizzle-orm'
import type { PgConn } from '../platform/db.pg'
import type { HallRepository } from './hall-repository'
import { hallFavourites, hallRecent } from './tables.pg'

export function pgHallRepository(conn: () => PgConn): HallRepository {
  return {
    async recordOpened(userId, code, at, keep) {
      await conn().transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`hall-recent:${userId}`}))`)
        await tx
          .insert(hallRecent)
          .values({ userId, serviceCode: code, openedAt: at })
          .onConflictDoUpdate({ target: [hallRecent.userId, hallRecent.serviceCode], set: { openedAt: at } })
        const kept = (
          await tx
            .select({ code: hallRecent.serviceCode })
            .from(hallRecent)
            .where(eq(hallRecent.userId, userId))
            .orderBy(desc(hallRecent.openedAt), desc(hallRecent.serviceCode))
            .limit(keep)
        ).map((r) => r.code)
        await tx.delete(hallRecent).where(and(eq(hallRecent.userId, userId), notInArray(hallRecent.serviceCode, kept)))
      })
    },
    async recentOf(userId) {
      const rows = await conn()
        .select({ code: hallRecent.serviceCode })
        .from(hallRecent)
        .where(eq(hallRecent.userId, userId))
        .orderBy(desc(hallRecent.openedAt), desc(hallRecent.serviceCode))
      return rows.map((r) => r.code)
    },
    async addFavouriteWithin(userId, code, at, limit) {
      return conn().transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`hall-favourites:${userId}`}))`)
        const mine = and(eq(hallFavourites.userId, userId), eq(hallFavourites.serviceCode, code))
        const [exists] = await tx.select({ code: hallFavourites.serviceCode }).from(hallFavourites).where(mine)
        if (exists) return 'exists' as const
        const [taken] = await tx.select({ n: count() }).from(hallFavourites).where(eq(hallFavourites.userId, userId))
        if ((taken?.n ?? 0) >= limit) return 'full' as const
        await tx.insert(hallFavourites).values({ userId, serviceCode: code, createdAt: at })
        return 'added' as const
      })
    },
    async removeFavourite(userId, code) {
      await conn()
        .delete(hallFavourites)
        .where(and(eq(hallFavourites.userId, userId), eq(hallFavourites.serviceCode, code)))
    },
    async favouritesOf(userId) {
      const rows = await conn()
        .select({ code: hallFavourites.serviceCode })
        .from(hallFavourites)
        .where(eq(hallFavourites.userId, userId))
        .orderBy(desc(hallFavourites.createdAt), desc(hallFavourites.serviceCode))
      return rows.map((r) => r.code)
    },
    async exportFor(userId) {
      const favourites = await conn()
        .select({ code: hallFavourites.serviceCode, at: hallFavourites.createdAt })
        .from(hallFavourites)
        .where(eq(hallFavourites.userId, userId))
        .orderBy(desc(hallFavourites.createdAt), desc(hallFavourites.serviceCode))
      const recent = await conn()
        .select({ code: hallRecent.serviceCode, at: hallRecent.openedAt })
        .from(hallRecent)
        .where(eq(hallRecent.userId, userId))
        .orderBy(desc(hallRecent.openedAt), desc(hallRecent.serviceCode))
      return { favourites, recent }
    },
  }
}
