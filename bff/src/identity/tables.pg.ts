// Identity tables on PostgreSQL: the same tables as tables.ts (accounts, sessions, refresh tokens, face challenges).
import { index, pgTable, text } from 'drizzle-orm/pg-core'
import { at, id, maybeAt } from '../platform/columns.pg'

/** A citizen's account: created at first WeChat login, raised to real-name level by a face verification. */
export const users = pgTable('users', {
  id: id(),
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
  realNameAt: maybeAt('real_name_at'),
  createdAt: at('created_at'),
})

/** A column referring to a citizen's account, whose rows go when the account goes: for every capability's tables. */
export const userRef = (name: string) =>
  text(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' })

/** A login session = one refresh-token family. Revoking it ends every token in it, access tokens included. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: userRef('user_id'),
    createdAt: at('created_at'),
    absoluteExpiresAt: at('absolute_expires_at'),
    revokedAt: maybeAt('revoked_at'),
    revokedReason: text('revoked_reason', { enum: ['logout', 'reuse', 'expired'] }),
    /** The last face verification passed in THIS session: step-up is per session, never inherited by another. */
    stepUpAt: maybeAt('step_up_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Refresh tokens, stored as SHA-256 hashes; each is used once and replaced by the next in its family. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    issuedAt: at('issued_at'),
    idleExpiresAt: at('idle_expires_at'),
    usedAt: maybeAt('used_at'),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
)

/** Face-verification challenges: digits to read aloud, 2 minutes, single use. */
export const faceChallenges = pgTable(
  'face_challenges',
  {
    id: id(),
    userId: userRef('user_id'),
    digits: text('digits').notNull(),
    issuedAt: at('issued_at'),
    expiresAt: at('expires_at'),
    usedAt: maybeAt('used_at'),
  },
  (t) => [index('face_challenges_user_idx').on(t.userId)],
)
