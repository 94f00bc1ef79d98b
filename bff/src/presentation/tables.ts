// Presentation tables: credentials issued for 亮证 and each online verification of them.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
// A foreign key is a fact of the schema, not a use of identity's data: the one import tables may make.
import { users } from '../identity/tables'

/** Credentials issued for presentation (亮证): which card, profile and device key; used for online revocation checks. */
export const walletCredentials = sqliteTable(
  'wallet_credentials',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: text('card_id').notNull(),
    profile: text('profile', { enum: ['traffic_police', 'hotel', 'age_check'] }).notNull(),
    deviceKeyThumbprint: text('device_key_thumbprint').notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('wallet_credentials_card_idx').on(t.userId, t.cardId)],
)

/** Every online verification of a presentation: the replay guard (one use per presentation id) and the citizen's log. */
export const presentations = sqliteTable(
  'presentations',
  {
    jti: text('jti').primaryKey(),
    credentialId: text('credential_id')
      .notNull()
      .references(() => walletCredentials.id, { onDelete: 'cascade' }),
    verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }).notNull(),
    outcome: text('outcome', { enum: ['accepted', 'replayed', 'not_valid'] }).notNull(),
  },
  (t) => [index('presentations_credential_idx').on(t.credentialId)],
)

// ——— 粤康码 ———
// A holder is `u:<userId>` (the citizen) or `f:<familyMemberId>` (someone they show codes for).
