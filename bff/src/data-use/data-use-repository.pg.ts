// Data-access repository on PostgreSQL: the same contract as data-use-repository.ts.
import { and, asc, desc, eq, lt } from 'drizzle-orm'
import type { PgConn } from '../platform/db.pg'
import type { DataAccessRepository } from './data-use-repository'
import { dataAccess } from './tables.pg'

export function pgDataAccessRepository(conn: () => PgConn): DataAccessRepository {
  return {
    async insert(row) {
      await conn().insert(dataAccess).values(row)
    },
    async list(userId, limit, before) {
      const where = before
        ? and(eq(dataAccess.userId, userId), lt(dataAccess.at, before))
        : eq(dataAccess.userId, userId)
      return conn()
        .select()
        .from(dataAccess)
        .where(where)
        .orderBy(desc(dataAccess.at), desc(dataAccess.id))
        .limit(limit)
    },
    async allOf(userId) {
      return conn()
        .select()
        .from(dataAccess)
        .where(eq(dataAccess.userId, userId))
        .orderBy(asc(dataAccess.at), asc(dataAccess.id))
    },
    async eraseFor(userId) {
      await conn().delete(dataAccess).where(eq(dataAccess.userId, userId))
    },
  }
}
