// Signing-keys repository: the key ring, rotation as one transaction (retire the current key, add the next), and
// an operator's revocation.
import { eq, isNull } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { signingKeys } from './tables'

export type SigningKeyRow = typeof signingKeys.$inferSelect

export interface SigningKeysRepository {
  all(): Promise<SigningKeyRow[]>
  /** Retires every current key (at `at`, expiring at `expiresAt`) and adds `next`, atomically. */
  rotate(next: SigningKeyRow, at: Date, expiresAt: Date): Promise<void>
  /** Revokes a key at `at` (it also stops signing); false when no such key. */
  revoke(kid: string, at: Date): Promise<boolean>
}

export function drizzleSigningKeysRepository(db: Db): SigningKeysRepository {
  return {
    async all() {
      return db.select().from(signingKeys).all()
    },
    async rotate(next, at, expiresAt) {
      db.transaction((tx) => {
        tx.update(signingKeys).set({ retiredAt: at, expiresAt }).where(isNull(signingKeys.retiredAt)).run()
        tx.insert(signingKeys).values(next).run()
      })
    },
    async revoke(kid, at) {
      const row = db.select().from(signingKeys).where(eq(signingKeys.kid, kid)).get()
      if (!row) return false
      db.update(signingKeys)
        .set({ revokedAt: row.revokedAt ?? at, retiredAt: row.retiredAt ?? at, expiresAt: at })
        .where(eq(signingKeys.kid, kid))
        .run()
      return true
    },
  }
}
