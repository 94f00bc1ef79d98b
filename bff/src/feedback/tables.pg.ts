// Feedback table on PostgreSQL: 意见反馈 with the contact sealed at rest, the same table as tables.ts.
import { sql } from 'drizzle-orm'
import { check, index, pgTable, text } from 'drizzle-orm/pg-core'
import { at, id } from '../platform/columns.pg'
// A foreign key is a fact of the schema, not a use of identity's data: the one import tables may make.
import { users } from '../identity/tables.pg'

export const feedback = pgTable(
  'feedback',
  {
    id: id(),
    category: text('category', { enum: ['suggestion', 'bug', 'complaint', 'praise'] }).notNull(),
    content: text('content').notNull(),
    /** Contact phone, AES-256-GCM sealed (lib/field-cipher); null when not given. */
    contactSealed: text('contact_sealed'),
    /** Masked form (138****5678) kept so a receipt needs no decryption. */
    contactMasked: text('contact_masked'),
    status: text('status', { enum: ['received', 'in_progress', 'closed'] })
      .notNull()
      .default('received'),
    createdAt: at('created_at'),
    /** The signed-in citizen who filed it (null: filed without signing in); it goes when their account goes */
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('feedback_created_at_idx').on(t.createdAt),
    index('feedback_user_idx').on(t.userId),
    check('feedback_content_length', sql`char_length(${t.content}) between 1 and 2000`),
  ],
)
