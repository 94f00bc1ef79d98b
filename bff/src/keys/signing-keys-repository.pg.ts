// Signing-keys repository on PostgreSQL: the same contract as signing-keys-repository.ts. A rotation takes a
// transaction advisory lock, so two replicas rotating at once leave one current key, not two.
import { eq, isNull, sql } from 'drizzle-orm'
import type { PgConn } from '../platform/db.pg'
import type { SigningKeysRepository } from './signing-keys-repository'
import { signingKeys } from './tables.pg'

/** The advisory lock key that serialises rotations (any fixed 64-bit number). */
const RING_LOCK = 0x79_73_78_6b_65_79 // "ysxkey"

export function pgSigningKeysRepository(conn: () => PgConn): SigningKeysRepository {
  return {
    async all() {
      return conn().select().from(signingKeys)
    },
    async rotate(next, at, expiresAt) {
      await conn().transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${RING_LOCK})`)
        await tx.update(signingKeys).set({ retiredAt: at, expiresAt }).where(isNull(signingKeys.retiredAt))
        await tx.insert(signingKeys).values(next)
      })
    },
    async revoke(kid, at) {
      return conn().transaction(async (tx) => {
        const [row] = await tx.select().from(signingKeys).where(eq(signingKeys.kid, kid)).for('update')
        if (!row) return false
        await tx
          .update(signingKeys)
          .set({ revokedAt: row.revokedAt ?? at, retiredAt: row.retiredAt ?? at, expiresAt: at })
          .where(eq(signingKeys.kid, kid))
        return true
      })
    },
  }
}
