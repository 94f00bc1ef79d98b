// Data-access repository: the record of department queries made for each citizen, newest first.
import { and, desc, eq, lt } from 'drizzle-orm'
import type { Db } from '../client'
import { dataAccess } from '../schema'

export type DataAccessRow = typeof dataAccess.$inferSelect

export interface DataAccessRepository {
  insert(row: DataAccessRow): Promise<void>
  /** A page of a user's records, newest first; `before` continues from an earlier page's last `at`. */
  list(userId: string, limit: number, before?: Date): Promise<DataAccessRow[]>
}

export function drizzleDataAccessRepository(db: Db): DataAccessRepository {
  return {
    async insert(row) {
      db.insert(dataAccess).values(row).run()
    },
    async list(userId, limit, before) {
      const where = before ? and(eq(dataAccess.userId, userId), lt(dataAccess.at, before)) : eq(dataAccess.userId, userId)
      return db.select().from(dataAccess).where(where).orderBy(desc(dataAccess.at), desc(dataAccess.id)).limit(limit).all()
    },
  }
}
