// Audit table: the hash-chained security audit trail.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at } from '../platform/columns'

/**
 * Security audit trail, chained with HMAC-SHA-256 under BFF_AUDIT_KEY (never in the database): each record's hash
 * covers the previous one, so an edit shows at its index — even one whose writer recomputed every later hash.
 */
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

/**
 * Signed checkpoints: every BFF_AUDIT_CHECKPOINT_EVERY records, the chain head signed (Ed25519, a key derived from
 * BFF_AUDIT_KEY). A writer who deletes the newest records, or edits one, cannot make the checkpoint agree again.
 */
export const auditCheckpoints = sqliteTable('audit_checkpoints', {
  seq: integer('seq').primaryKey(),
  headHash: text('head_hash').notNull(),
  at: at('at'),
  signature: text('signature').notNull(),
})
