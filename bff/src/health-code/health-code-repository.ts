// 粤康码 repository: family members, declarations, venues and check-ins, each holder's current status and status
// credential (read on every display, through prepared statements), the one-use guard and the appeals mirror.
import { and, asc, count, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '../platform/db'
import {
  checkIns,
  familyMembers,
  healthAppeals,
  healthCodeUses,
  healthDeclarations,
  healthStatus,
  venues,
} from './tables'

export type FamilyMemberRow = typeof familyMembers.$inferSelect
export type DeclarationRow = typeof healthDeclarations.$inferSelect
export type VenueRow = typeof venues.$inferSelect
export type CheckInRow = typeof checkIns.$inferSelect
export type HealthStatusRow = typeof healthStatus.$inferSelect
export type AppealRow = typeof healthAppeals.$inferSelect
export type CheckInWithVenue = CheckInRow & { venueName: string; area: string }

export interface HealthCodeRepository {
  addMember(row: FamilyMemberRow): Promise<void>
  members(ownerId: string): Promise<FamilyMemberRow[]>
  /** An active member of this owner's list; undefined for anyone else's (or a removed one). */
  member(ownerId: string, id: string): Promise<FamilyMemberRow | undefined>
  activeMemberByHash(ownerId: string, idNumberHash: string): Promise<FamilyMemberRow | undefined>
  activeMemberCount(ownerId: string): Promise<number>
  removeMember(ownerId: string, id: string, at: Date): Promise<boolean>
  /** An active member by id alone (whoever added them): the status of `f:<id>` is evaluated again for them. */
  activeMember(id: string): Promise<FamilyMemberRow | undefined>
  /** Every active member with this ID number, on anyone's list (a 卫健 notice about that person). */
  activeMembersByIdNumberHash(idNumberHash: string): Promise<FamilyMemberRow[]>

  addDeclaration(row: DeclarationRow): Promise<void>
  declarationsSince(holder: string, since: Date): Promise<DeclarationRow[]>
  voidDeclaration(holder: string, id: string, at: Date): Promise<boolean>
  /** Whether this holder has a standing (not voided) declaration / check-in with this id */
  hasDeclaration(holder: string, id: string): Promise<boolean>
  hasCheckIn(holder: string, id: string): Promise<boolean>

  addVenue(row: VenueRow): Promise<void>
  venue(id: string): Promise<VenueRow | undefined>
  venuesOf(ownerId: string): Promise<VenueRow[]>
  addCheckIn(row: CheckInRow): Promise<void>
  checkInsSince(holder: string, since: Date): Promise<CheckInWithVenue[]>
  voidCheckIn(holder: string, id: string, at: Date): Promise<boolean>

  status(holder: string): Promise<HealthStatusRow | undefined>
  statusByCredential(credentialId: string): Promise<HealthStatusRow | undefined>
  putStatus(row: HealthStatusRow): Promise<void>
  markStale(holder: string): Promise<void>
  /**
   * Records the first use of a one-use id; false when it was seen before. Ids: `<credential>:<proof>` (an entrance
   * verification), `cb-nonce:<keyid>:<nonce>` and `cb-result:<resultId>` (卫健's signed callbacks).
   */
  firstUse(jti: string, at: Date): Promise<boolean>
  /** Gives a reserved id back (the department asked failed, so nothing was decided with it). */
  releaseUse(jti: string): Promise<void>
  /** Deletes one-use rows recorded before `before` (the retention job's); how many went. */
  purgeOneUseBefore(before: Date): Promise<number>

  addAppeal(row: AppealRow): Promise<void>
  appealsOf(holder: string): Promise<AppealRow[]>
  /** Records 卫健's decision (once it has been applied here) */
  closeAppeal(appealId: string, decision: 'upheld' | 'rejected', at: Date): Promise<void>
}

export function drizzleHealthCodeRepository(db: Db): HealthCodeRepository {
  // The display path: one prepared read per request.
  const statusByHolder = db
    .select()
    .from(healthStatus)
    .where(eq(healthStatus.holder, sql.placeholder('holder')))
    .prepare()
  const activeMember = and(
    eq(familyMembers.ownerId, sql.placeholder('ownerId')),
    eq(familyMembers.id, sql.placeholder('id')),
    isNull(familyMembers.removedAt),
  )
  const memberById = db.select().from(familyMembers).where(activeMember).prepare()
  // A holder's standing (not voided) declaration or check-in with this id, and whether a write changed one row.
  const standingDeclaration = (holder: string, id: string) =>
    and(eq(healthDeclarations.holder, holder), eq(healthDeclarations.id, id), isNull(healthDeclarations.voidedAt))
  const standingCheckIn = (holder: string, id: string) =>
    and(eq(checkIns.holder, holder), eq(checkIns.id, id), isNull(checkIns.voidedAt))
  const one = (result: { changes: number }) => result.changes === 1

  return {
    async addMember(row) {
      db.insert(familyMembers).values(row).run()
    },
    async members(ownerId) {
      return db
        .select()
        .from(familyMembers)
        .where(and(eq(familyMembers.ownerId, ownerId), isNull(familyMembers.removedAt)))
        .orderBy(asc(familyMembers.addedAt))
        .all()
    },
    async member(ownerId, id) {
      return memberById.get({ ownerId, id })
    },
    async activeMemberByHash(ownerId, hash) {
      return db
        .select()
        .from(familyMembers)
        .where(
          and(
            eq(familyMembers.ownerId, ownerId),
            eq(familyMembers.idNumberHash, hash),
            isNull(familyMembers.removedAt),
          ),
        )
        .get()
    },
    async activeMemberCount(ownerId) {
      return (
        db
          .select({ n: count() })
          .from(familyMembers)
          .where(and(eq(familyMembers.ownerId, ownerId), isNull(familyMembers.removedAt)))
          .get()?.n ?? 0
      )
    },
    async removeMember(ownerId, id, at) {
      const standing = and(
        eq(familyMembers.ownerId, ownerId),
        eq(familyMembers.id, id),
        isNull(familyMembers.removedAt),
      )
      return one(db.update(familyMembers).set({ removedAt: at }).where(standing).run())
    },

    async activeMember(id) {
      return db
        .select()
        .from(familyMembers)
        .where(and(eq(familyMembers.id, id), isNull(familyMembers.removedAt)))
        .get()
    },
    async activeMembersByIdNumberHash(hash) {
      return db
        .select()
        .from(familyMembers)
        .where(and(eq(familyMembers.idNumberHash, hash), isNull(familyMembers.removedAt)))
        .all()
    },

    async addDeclaration(row) {
      db.insert(healthDeclarations).values(row).run()
    },
    async declarationsSince(holder, since) {
      return db
        .select()
        .from(healthDeclarations)
        .where(
          and(
            eq(healthDeclarations.holder, holder),
            gte(healthDeclarations.effectiveAt, since),
            isNull(healthDeclarations.voidedAt),
          ),
        )
        .orderBy(desc(healthDeclarations.effectiveAt))
        .all()
    },
    async voidDeclaration(holder, id, at) {
      return one(db.update(healthDeclarations).set({ voidedAt: at }).where(standingDeclaration(holder, id)).run())
    },

    async hasDeclaration(holder, id) {
      const found = db
        .select({ id: healthDeclarations.id })
        .from(healthDeclarations)
        .where(standingDeclaration(holder, id))
      return found.get() !== undefined
    },
    async hasCheckIn(holder, id) {
      return db.select({ id: checkIns.id }).from(checkIns).where(standingCheckIn(holder, id)).get() !== undefined
    },

    async addVenue(row) {
      db.insert(venues).values(row).run()
    },
    async venue(id) {
      return db.select().from(venues).where(eq(venues.id, id)).get()
    },
    async venuesOf(ownerId) {
      return db.select().from(venues).where(eq(venues.ownerId, ownerId)).orderBy(desc(venues.createdAt)).all()
    },
    async addCheckIn(row) {
      db.insert(checkIns).values(row).run()
    },
    async checkInsSince(holder, since) {
      return db
        .select({
          id: checkIns.id,
          holder: checkIns.holder,
          venueId: checkIns.venueId,
          at: checkIns.at,
          voidedAt: checkIns.voidedAt,
          venueName: venues.name,
          area: venues.area,
        })
        .from(checkIns)
        .innerJoin(venues, eq(checkIns.venueId, venues.id))
        .where(and(eq(checkIns.holder, holder), gte(checkIns.at, since), isNull(checkIns.voidedAt)))
        .orderBy(desc(checkIns.at))
        .all()
    },
    async voidCheckIn(holder, id, at) {
      return one(db.update(checkIns).set({ voidedAt: at }).where(standingCheckIn(holder, id)).run())
    },

    async status(holder) {
      return statusByHolder.get({ holder })
    },
    async statusByCredential(credentialId) {
      return db.select().from(healthStatus).where(eq(healthStatus.credentialId, credentialId)).get()
    },
    async putStatus(row) {
      const { holder: _holder, ...rest } = row
      db.insert(healthStatus).values(row).onConflictDoUpdate({ target: healthStatus.holder, set: rest }).run()
    },
    async markStale(holder) {
      db.update(healthStatus).set({ stale: true }).where(eq(healthStatus.holder, holder)).run()
    },
    async firstUse(jti, at) {
      return one(db.insert(healthCodeUses).values({ jti, verifiedAt: at }).onConflictDoNothing().run())
    },
    async releaseUse(jti) {
      db.delete(healthCodeUses).where(eq(healthCodeUses.jti, jti)).run()
    },
    async purgeOneUseBefore(before) {
      return db.delete(healthCodeUses).where(lt(healthCodeUses.verifiedAt, before)).run().changes
    },

    async addAppeal(row) {
      db.insert(healthAppeals).values(row).run()
    },
    async appealsOf(holder) {
      return db
        .select()
        .from(healthAppeals)
        .where(eq(healthAppeals.holder, holder))
        .orderBy(desc(healthAppeals.filedAt))
        .all()
    },
    async closeAppeal(appealId, decision, at) {
      db.update(healthAppeals).set({ decision, decidedAt: at }).where(eq(healthAppeals.appealId, appealId)).run()
    },
  }
}
