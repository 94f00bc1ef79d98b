// Audit tables on PostgreSQL: the same hash-chained trail and signed checkpoints as tables.ts.
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core'
import { at } from '../platform/columns.pg'

/** Security audit trail, chained with HMAC-SHA-256 under BFF_AUDIT_KEY (tables.ts says more). */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
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

/** Signed checkpoints of the chain head (tables.ts says more). */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  headHash: text('head_hash').notNull(),
  at: at('at'),
  signature: text('signature').notNull(),
})
