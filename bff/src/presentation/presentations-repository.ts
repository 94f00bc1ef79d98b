// Presentations repository: issued credentials, and verifications with a one-use guard on each presentation id.
import { and, desc, eq, lt } from 'drizzle-orm'
import type { Db } from '../platform/db'
import { presentations, walletCredentials } from './tables'

export type CredentialRow = typeof walletCredentials.$inferSelect
export type PresentationRow = typeof presentations.$inferSelect

export interface PresentationsRepository {
  addCredential(row: CredentialRow): Promise<void>
  findCredential(id: string): Promise<CredentialRow | undefined>
  /** Records the first verification of `jti`; false when it was seen before (a replay, which is not recorded again). */
  firstUse(row: PresentationRow): Promise<boolean>
  /** The outcome of a verification reserved with firstUse, once the department has answered. */
  settle(jti: string, outcome: PresentationRow['outcome']): Promise<void>
  /** Gives a reserved id back (the department failed, so nothing was decided with it). */
  release(jti: string): Promise<void>
  /** Deletes verifications recorded before `before` (the retention job's); how many went. */
  purgeOneUseBefore(before: Date): Promise<number>
  log(userId: string, cardId: string): Promise<PresentationRow[]>
}

export function drizzlePresentationsRepository(db: Db): PresentationsRepository {
  return {
    async addCredential(row) {
      db.insert(walletCredentials).values(row).run()
    },
    async findCredential(id) {
      return db.select().from(walletCredentials).where(eq(walletCredentials.id, id)).get()
    },
    async firstUse(row) {
      return db.insert(presentations).values(row).onConflictDoNothing().run().changes === 1
    },
    async settle(jti, outcome) {
      db.update(presentations).set({ outcome }).where(eq(presentations.jti, jti)).run()
    },
    async release(jti) {
      db.delete(presentations).where(eq(presentations.jti, jti)).run()
    },
    async purgeOneUseBefore(before) {
      return db.delete(presentations).where(lt(presentations.verifiedAt, before)).run().changes
    },
    async log(userId, cardId) {
      return db
        .select({
          jti: presentations.jti,
          credentialId: presentations.credentialId,
          verifiedAt: presentations.verifiedAt,
          outcome: presentations.outcome,
        })
        .from(presentations)
        .innerJoin(walletCredentials, eq(presentations.credentialId, walletCredentials.id))
        .where(and(eq(walletCredentials.userId, userId), eq(walletCredentials.cardId, cardId)))
        .orderBy(desc(presentations.verifiedAt))
        .limit(100)
        .all()
    },
  }
}
