// Users repository: accounts by id or WeChat openid, and real-name binding (one account per citizen).
import { eq } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { users } from './tables'

export type UserRow = typeof users.$inferSelect

export interface RealNameBinding {
  idNumberSealed: string
  idNumberHash: string
  idNumberMasked: string
  nameSealed: string
  nameMasked: string
  phoneSealed: string | null
  phoneMasked: string | null
  at: Date
}

export interface UsersRepository {
  findById(id: string): Promise<UserRow | undefined>
  findByOpenid(openid: string): Promise<UserRow | undefined>
  findByIdNumberHash(hash: string): Promise<UserRow | undefined>
  create(row: { id: string; openid: string; sessionKeySealed: string; createdAt: Date }): Promise<UserRow>
  setSessionKey(id: string, sealed: string): Promise<void>
  /** Binds the real name; false when another account already holds this ID number. */
  bindRealName(id: string, binding: RealNameBinding): Promise<boolean>
  /** Deletes the account; its sessions, refresh tokens and challenges go with it (ON DELETE CASCADE). */
  remove(id: string): Promise<boolean>
}

export function drizzleUsersRepository(db: Db): UsersRepository {
  return {
    async findById(id) {
      return db.select().from(users).where(eq(users.id, id)).get()
    },
    async findByOpenid(openid) {
      return db.select().from(users).where(eq(users.openid, openid)).get()
    },
    async findByIdNumberHash(hash) {
      return db.select().from(users).where(eq(users.idNumberHash, hash)).get()
    },
    async create(row) {
      return db
        .insert(users)
        .values({ ...row, level: 'basic' })
        .returning()
        .get()
    },
    async setSessionKey(id, sealed) {
      db.update(users).set({ sessionKeySealed: sealed }).where(eq(users.id, id)).run()
    },
    async bindRealName(id, b) {
      return db.transaction((tx) => {
        const holder = tx.select({ id: users.id }).from(users).where(eq(users.idNumberHash, b.idNumberHash)).get()
        if (holder && holder.id !== id) return false
        tx.update(users)
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
          .run()
        return true
      })
    },
    async remove(id) {
      return db.delete(users).where(eq(users.id, id)).run().changes === 1
    },
  }
}
