// Data-access repository: the record of department queries made for each citizen, newest first.
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { dataAccess } from './tables'

export type DataAccessRow = typeof dataAccess.$inferSelect

export interface DataAccessRepository {
  insert(row: DataAccessRow): Promise<void>
  /** A page of a user's records, newest first; `before` continues from an earlier page's last `at`. */
  list(userId: string, limit: number, before?: Date): Promise<DataAccessRow[]>
  /** PIPL: every record of the user, oldest first. */
  allOf(userId: string): Promise<DataAccessRow[]>
  /** PIPL Art. 47: deletes the user's records. */
  eraseFor(userId: string): Promise<void>
}

export function drizzleDataAccessRepository(db: Db): DataAccessRepository {
  // Prepared once: every department call for a citizen writes a row (the dashboard alone makes a dozen).
  const insert = db
    .insert(dataAccess)
    .values({
      id: sql.placeholder('id'),
      userId: sql.placeholder('userId'),
      department: sql.placeholder('department'),
      dataKind: sql.placeholder('dataKind'),
      purpose: sql.placeholder('purpose'),
      caseId: sql.placeholder('caseId'),
      askedBy: sql.placeholder('askedBy'),
      outcome: sql.placeholder('outcome'),
      at: sql.placeholder('at'),
    })
    .prepare()
  return {
    async insert(row) {
      insert.run(row)
    },
    async list(userId, limit, before) {
      const where = before
        ? and(eq(dataAccess.userId, userId), lt(dataAccess.at, before))
        : eq(dataAccess.userId, userId)
      return db
        .select()
        .from(dataAccess)
        .where(where)
        .orderBy(desc(dataAccess.at), desc(dataAccess.id))
        .limit(limit)
        .all()
    },
    async allOf(userId) {
      return db
        .select()
        .from(dataAccess)
        .where(eq(dataAccess.userId, userId))
        .orderBy(asc(dataAccess.at), asc(dataAccess.id))
        .all()
    },
    async eraseFor(userId) {
      db.delete(dataAccess).where(eq(dataAccess.userId, userId)).run()
    },
  }
}
