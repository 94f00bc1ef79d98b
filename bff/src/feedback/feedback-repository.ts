// Feedback repository: the async interface services use, and its drizzle implementation.
import { eq } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { feedback } from './tables'

export type FeedbackRow = typeof feedback.$inferSelect
export type NewFeedbackRow = typeof feedback.$inferInsert

export interface FeedbackRepository {
  insert(row: NewFeedbackRow): Promise<FeedbackRow>
  findById(id: string): Promise<FeedbackRow | undefined>
}

export function drizzleFeedbackRepository(db: Db): FeedbackRepository {
  return {
    async insert(row) {
      return db.insert(feedback).values(row).returning().get()
    },
    async findById(id) {
      return db.select().from(feedback).where(eq(feedback.id, id)).get()
    },
  }
}
