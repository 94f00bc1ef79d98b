// Identity tables: accounts, login sessions (refresh-token families) and face-verification challenges.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A citizen's account: created at first WeChat login, raised to real-name level by a face verification. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  openid: text('openid').notNull().unique(),
  /** WeChat session_key, sealed: it never leaves the BFF. */
  sessionKeySealed: text('session_key_sealed'),
  level: text('level', { enum: ['basic', 'real_name'] })
    .notNull()
    .default('basic'),
  idNumberSealed: text('id_number_sealed'),
  /** Keyed HMAC of the ID number: one account per citizen, looked up without decrypting. */
  idNumberHash: text('id_number_hash').unique(),
  idNumberMasked: text('id_number_masked'),
  nameSealed: text('name_sealed'),
  nameMasked: text('name_masked'),
  phoneSealed: text('phone_sealed'),
  phoneMasked: text('phone_masked'),
  realNameAt: integer('real_name_at', { mode: 'timestamp_ms' }),
  lastFaceAt: integer('last_face_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/** A login session = one refresh-token family. Revoking it ends every token in it, access tokens included. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    absoluteExpiresAt: integer('absolute_expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedReason: text('revoked_reason', { enum: ['logout', 'reuse', 'expired'] }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Refresh tokens, stored as SHA-256 hashes; each is used once and replaced by the next in its family. */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
    idleExpiresAt: integer('idle_expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
)

/** Face-verification challenges: digits to read aloud, 2 minutes, single use. */
export const faceChallenges = sqliteTable(
  'face_challenges',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    digits: text('digits').notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('face_challenges_user_idx').on(t.userId)],
)
