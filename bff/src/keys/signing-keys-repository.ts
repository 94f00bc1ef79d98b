// Signing-keys repository: the key ring, and rotation as one transaction (retire the current key, add the next).
import { isNull } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { signingKeys } from './tables'

export type SigningKeyRow = typeof signingKeys.$inferSelect

export interface SigningKeysRepository {
  all(): Promise<SigningKeyRow[]>
  /** Retires every current key (at `at`, expiring at `expiresAt`) and adds `next`, atomically. */
  rotate(next: SigningKeyRow, at: Date, expiresAt: Date): Promise<void>
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
  }
}
