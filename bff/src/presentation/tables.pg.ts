// Presentation tables on PostgreSQL: 亮证 credentials and their online verifications, the same tables as tables.ts.
import { index, pgTable, text } from 'drizzle-orm/pg-core'
import { at, id } from '../platform/columns.pg'
// A foreign key is a fact of the schema, not a use of identity's data: the one import tables may make.
import { userRef } from '../identity/tables.pg'

/** Credentials issued for presentation (亮证): which card, profile and device key; used for online revocation checks. */
export const walletCredentials = pgTable(
  'wallet_credentials',
  {
    id: id(),
    userId: userRef('user_id'),
    cardId: text('card_id').notNull(),
    profile: text('profile', { enum: ['traffic_police', 'hotel', 'age_check'] }).notNull(),
    deviceKeyThumbprint: text('device_key_thumbprint').notNull(),
    issuedAt: at('issued_at'),
    expiresAt: at('expires_at'),
  },
  (t) => [index('wallet_credentials_card_idx').on(t.userId, t.cardId)],
)

/** Every online verification of a presentation: the replay guard (one use per presentation id) and the citizen's log. */
export const presentations = pgTable(
  'presentations',
  {
    jti: text('jti').primaryKey(),
    credentialId: text('credential_id')
      .notNull()
      .references(() => walletCredentials.id, { onDelete: 'cascade' }),
    verifiedAt: at('verified_at'),
    outcome: text('outcome', { enum: ['accepted', 'replayed', 'not_valid'] }).notNull(),
  },
  (t) => [index('presentations_credential_idx').on(t.credentialId)],
)
