// WeChat stand-in database: the one-time login codes it has issued.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const loginCodes = sqliteTable('login_codes', {
  code: text('code').primaryKey(),
  appid: text('appid').notNull(),
  openid: text('openid').notNull(),
  issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
})
