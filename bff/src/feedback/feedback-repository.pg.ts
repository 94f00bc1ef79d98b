// Feedback repository on PostgreSQL: the same contract as feedback-repository.ts.
import { asc, eq } from 'drizzle-orm'
import type { PgConn } from '../platform/db.pg'
import type { FeedbackRepository } from './feedback-repository'
import { feedback } from './tables.pg'

export function pgFeedbackRepository(conn: () => PgConn): FeedbackRepository {
  return {
    async insert(row) {
      const [made] = await conn().insert(feedback).values(row).returning()
      return made!
    },
    async findById(id) {
      const [row] = await conn().select().from(feedback).where(eq(feedback.id, id))
      return row
    },
    async byUser(userId) {
      return conn().select().from(feedback).where(eq(feedback.userId, userId)).orderBy(asc(feedback.createdAt))
    },
    async eraseFor(userId) {
      await conn().delete(feedback).where(eq(feedback.userId, userId))
    },
  }
}
