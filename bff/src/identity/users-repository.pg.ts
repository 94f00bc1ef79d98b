// Users repository on PostgreSQL: the same contract as users-repository.ts.
import { eq } from 'drizzle-orm'
import type { PgConn } from '../platform/db.pg'
import { users } from './tables.pg'
import type { UsersRepository } from './users-repository'

/** PostgreSQL's unique_violation: another transaction bound the same ID number first. */
const UNIQUE_VIOLATION = '23505'
/** node-postgres' error, or drizzle's "Failed query" wrapping it (as its cause). */
const isUniqueViolation = (err: unknown) => {
  const { code, cause } = (err ?? {}) as { code?: unknown; cause?: { code?: unknown } }
  return code === UNIQUE_VIOLATION || cause?.code === UNIQUE_VIOLATION
}

export function pgUsersRepository(conn: () => PgConn): UsersRepository {
  return {
    async findById(id) {
      const [row] = await conn().select().from(users).where(eq(users.id, id))
      return row
    },
    async findByOpenid(openid) {
      const [row] = await conn().select().from(users).where(eq(users.openid, openid))
      return row
    },
    async findByIdNumberHash(hash) {
      const [row] = await conn().select().from(users).where(eq(users.idNumberHash, hash))
      return row
    },
    async create(row) {
      const [made] = await conn()
        .insert(users)
        .values({ ...row, level: 'basic' })
        .returning()
      return made!
    },
    async setSessionKey(id, sealed) {
      await conn().update(users).set({ sessionKeySealed: sealed }).where(eq(users.id, id))
    },
    async bindRealName(id, b) {
      try {
        return await conn().transaction(async (tx) => {
          const [holder] = await tx.select({ id: users.id }).from(users).where(eq(users.idNumberHash, b.idNumberHash))
          if (holder && holder.id !== id) return false
          await tx
            .update(users)
            .set({
              level: 'real_name',
              idNumberSealed: b.idNumberSealed,
              idNumberHash: b.idNumberHash,
              idNumberMasked: b.idNumberMasked,
              nameSealed: b.nameSealed,
              nameMasked: b.nameMasked,
              phoneSealed: b.phoneSealed,
              phoneMasked: b.phoneMasked,
              realNameAt: b.at,
            })
            .where(eq(users.id, id))
          return true
        })
      } catch (err) {
        // Two accounts binding one ID number at once: the unique index lets one win; the other is refused.
        if (isUniqueViolation(err)) return false
        throw err
      }
    },
    async remove(id) {
      const gone = await conn().delete(users).where(eq(users.id, id)).returning({ id: users.id })
      return gone.length === 1
    },
  }
}
