// Presentations repository: issued credentials, and verifications with a one-use guard on each presentation id.
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm'
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
  log(userId: string, cardId: string): Promise<PresentationRow[]>
  /** PIPL: every credential issued to the user and every verification of them, oldest first. */
  recordsOf(userId: string): Promise<{ credentials: CredentialRow[]; presentations: PresentationRow[] }>
  /** PIPL Art. 47: deletes the user's credentials and their verifications. */
  eraseFor(userId: string): Promise<void>
  /** Retention: deletes verifications (the one-use records and the 核验记录) made before `before`. */
  purgeOneUseBefore(before: Date): Promise<number>
  /** Retention: deletes credentials that expired before `before`, with their verifications. */
  purgeCredentialsExpiredBefore(before: Date): Promise<number>
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
    async recordsOf(userId) {
      const credentials = db
        .select()
        .from(walletCredentials)
        .where(eq(walletCredentials.userId, userId))
        .orderBy(asc(walletCredentials.issuedAt))
        .all()
      const ids = credentials.map((c) => c.id)
      const used = ids.length
        ? db
            .select()
            .from(presentations)
            .where(inArray(presentations.credentialId, ids))
            .orderBy(asc(presentations.verifiedAt))
            .all()
        : []
      return { credentials, presentations: used }
    },
    async eraseFor(userId) {
      db.transaction((tx) => {
        const mine = tx
          .select({ id: walletCredentials.id })
          .from(walletCredentials)
          .where(eq(walletCredentials.userId, userId))
        tx.delete(presentations).where(inArray(presentations.credentialId, mine)).run()
        tx.delete(walletCredentials).where(eq(walletCredentials.userId, userId)).run()
      })
    },
    async purgeOneUseBefore(before) {
      return db.delete(presentations).where(lt(presentations.verifiedAt, before)).run().changes
    },
    async purgeCredentialsExpiredBefore(before) {
      // Their verifications go with them (ON DELETE CASCADE).
      return db.delete(walletCredentials).where(lt(walletCredentials.expiresAt, before)).run().changes
    },
  }
}
