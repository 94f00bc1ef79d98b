// Key table on PostgreSQL: the ES256 key ring, the same table as tables.ts.
import { pgTable, text } from 'drizzle-orm/pg-core'
import { at, maybeAt } from '../platform/columns.pg'

/** Asymmetric signing keys (ES256) for artifacts third parties verify: the private half sealed, the public as JWK. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg', { enum: ['ES256'] }).notNull(),
  publicJwk: text('public_jwk').notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: at('created_at'),
  /** From then on a newer key signs; this one only verifies. */
  retiredAt: maybeAt('retired_at'),
  /** From then on it is out of the JWKS and verifies nothing (retiredAt + the overlap). */
  expiresAt: maybeAt('expires_at'),
  /** Revoked by an operator (`keys:revoke`): out of the JWKS and verifying nothing from then on, whatever the dates. */
  revokedAt: maybeAt('revoked_at'),
})
