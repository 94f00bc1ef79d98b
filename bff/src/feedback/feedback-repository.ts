// Feedback repository: the async interface services use, and its drizzle implementation.
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { feedback } from './tables'

export type FeedbackRow = typeof feedback.$inferSelect
export type NewFeedbackRow = typeof feedback.$inferInsert

export interface FeedbackRepository {
  insert(row: NewFeedbackRow): Promise<FeedbackRow>
  findById(id: string): Promise<FeedbackRow | undefined>
  /** PIPL: the feedback a signed-in citizen filed, oldest first. */
  byUser(userId: string): Promise<FeedbackRow[]>
  /** PIPL Art. 47: deletes the feedback a citizen filed while signed in. */
  eraseFor(userId: string): Promise<void>
}

export function drizzleFeedbackRepository(db: Db): FeedbackRepository {
  return {
    async insert(row) {
      return db.insert(feedback).values(row).returning().get()
    },
    async findById(id) {
      return db.select().from(feedback).where(eq(feedback.id, id)).get()
    },
    async byUser(userId) {
      return db.select().from(feedback).where(eq(feedback.userId, userId)).orderBy(asc(feedback.createdAt)).all()
    },
    async eraseFor(userId) {
      db.delete(feedback).where(eq(feedback.userId, userId)).run()
    },
  }
}
