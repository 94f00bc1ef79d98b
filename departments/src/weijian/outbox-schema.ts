// 卫健 stand-in's callback tables: its signing key, the platform's registered callback address, and the durable
// outbox of notices not yet acknowledged. Kept apart from schema.ts (the seeded tables), so a re-seed on a new day
// does not drop an undelivered notice, the key or the subscription; drizzle-kit reads both files.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { citizenRef, requiredText } from '../harness/columns'

/** 卫健's ecdsa-p256-sha256 key for signing its callbacks (a stand-in keeps it here; a real one in its HSM). */
export const callbackKeys = sqliteTable('callback_keys', {
  kid: text('kid').primaryKey(),
  privatePem: requiredText('private_pem'),
  x: requiredText('x'),
  y: requiredText('y'),
  createdAt: requiredText('created_at'),
})

/** Where the platform asked to be told of new results (one row). */
export const callbackSubscription = sqliteTable('callback_subscription', {
  id: integer('id').primaryKey(),
  url: requiredText('url'),
})

/** Each notice, written in the transaction that records the result, until the platform acknowledges it. */
export const callbackOutbox = sqliteTable('callback_outbox', {
  resultId: text('result_id').primaryKey(),
  personIndex: citizenRef(),
  /** The JSON body, exactly as signed and sent */
  body: requiredText('body'),
  createdAt: requiredText('created_at'),
  attempts: integer('attempts').notNull().default(0),
  /** ISO time of the next try; null once delivered */
  nextAttemptAt: text('next_attempt_at'),
  deliveredAt: text('delivered_at'),
  lastError: text('last_error'),
})
