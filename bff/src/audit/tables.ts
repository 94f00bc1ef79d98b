// Audit table: the hash-chained security audit trail.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at } from '../platform/columns'

/** Security audit trail, hash-chained: each record's hash covers the previous one, so an edit shows at its index. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: at('at'),
    userId: text('user_id'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    reason: text('reason'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_user_action_at_idx').on(t.userId, t.action, t.at)],
)
