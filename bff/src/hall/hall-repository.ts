// 服务大厅 repository: a citizen's recent and favourite services, each bounded per citizen. The async interface the
// service uses, and its drizzle implementation over SQLite (hall-repository.pg.ts: the same over PostgreSQL).
import { and, count, desc, eq, notInArray } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { hallFavourites, hallRecent } from './tables'

export type FavouriteResult = 'added' | 'exists' | 'full'

export interface HallRepository {
  /** Records that `userId` opened `code`'s guide at `at`, keeping only their `keep` most recent. */
  recordOpened(userId: string, code: string, at: Date, keep: number): Promise<void>
  /** The codes `userId` opened, most recent first. */
  recentOf(userId: string): Promise<string[]>
  /** Adds a favourite unless the citizen already has `limit` of them (counted and added as one step). */
  addFavouriteWithin(userId: string, code: string, at: Date, limit: number): Promise<FavouriteResult>
  removeFavourite(userId: string, code: string): Promise<void>
  /** The codes `userId` marked, most recently marked first. */
  favouritesOf(userId: string): Promise<string[]>
  /** PIPL: both lists with their times, for the citizen's own copy (their rows go with the account: cascade). */
  exportFor(userId: string): Promise<HallCopy>
}

export interface HallCopy {
  favourites: { code: string; at: Date }[]
  recent: { code: string; at: Date }[]
}

export function drizzleHallRepository(db: Db): HallRepository {
  return {
    async recordOpened(userId, code, at, keep) {
      db.transaction((tx) => {
        tx.insert(hallRecent)
          .values({ userId, serviceCode: code, openedAt: at })
          .onConflictDoUpdate({ target: [hallRecent.userId, hallRecent.serviceCode], set: { openedAt: at } })
          .run()
        const kept = tx
          .select({ code: hallRecent.serviceCode })
          .from(hallRecent)
          .where(eq(hallRecent.userId, userId))
          .orderBy(desc(hallRecent.openedAt), desc(hallRecent.serviceCode))
          .limit(keep)
          .all()
          .map((r) => r.code)
        tx.delete(hallRecent)
          .where(and(eq(hallRecent.userId, userId), notInArray(hallRecent.serviceCode, kept)))
          .run()
      })
    },
    async recentOf(userId) {
      return db
        .select({ code: hallRecent.serviceCode })
        .from(hallRecent)
        .where(eq(hallRecent.userId, userId))
        .orderBy(desc(hallRecent.openedAt), desc(hallRecent.serviceCode))
        .all()
        .map((r) => r.code)
    },
    async addFavouriteWithin(userId, code, at, limit) {
      return db.transaction((tx) => {
        const mine = and(eq(hallFavourites.userId, userId), eq(hallFavourites.serviceCode, code))
        if (tx.select({ code: hallFavourites.serviceCode }).from(hallFavourites).where(mine).get()) return 'exists'
        const taken = tx.select({ n: count() }).from(hallFavourites).where(eq(hallFavourites.userId, userId)).get()!.n
        if (taken >= limit) return 'full'
        tx.insert(hallFavourites).values({ userId, serviceCode: code, createdAt: at }).run()
        return 'added'
      })
    },
    async removeFavourite(userId, code) {
      db.delete(hallFavourites)
        .where(and(eq(hallFavourites.userId, userId), eq(hallFavourites.serviceCode, code)))
        .run()
    },
    async favouritesOf(userId) {
      return db
        .select({ code: hallFavourites.serviceCode })
        .from(hallFavourites)
        .where(eq(hallFavourites.userId, userId))
        .orderBy(desc(hallFavourites.createdAt), desc(hallFavourites.serviceCode))
        .all()
        .map((r) => r.code)
    },
    async exportFor(userId) {
      const favourites = db
        .select({ code: hallFavourites.serviceCode, at: hallFavourites.createdAt })
        .from(hallFavourites)
        .where(eq(hallFavourites.userId, userId))
        .orderBy(desc(hallFavourites.createdAt), desc(hallFavourites.serviceCode))
        .all()
      const recent = db
        .select({ code: hallRecent.serviceCode, at: hallRecent.openedAt })
        .from(hallRecent)
        .where(eq(hallRecent.userId, userId))
        .orderBy(desc(hallRecent.openedAt), desc(hallRecent.serviceCode))
        .all()
      return { favourites, recent }
    },
  }
}
