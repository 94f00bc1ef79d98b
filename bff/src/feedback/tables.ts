// Feedback table: 意见反馈 with the contact sealed at rest.
import { sql } from 'drizzle-orm'
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, id } from '../platform/columns'

export const feedback = sqliteTable(
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
  },
  (t) => [
    index('feedback_created_at_idx').on(t.createdAt),
    check('feedback_content_length', sql`length(${t.content}) between 1 and 2000`),
  ],
)
