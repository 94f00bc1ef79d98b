// 粤康码 repository: family members, declarations, venues and check-ins, each holder's current status and status
// credential (read on every display, through prepared statements), the one-use guard and the appeals mirror.
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../platform/db'
import {
  checkIns,
  familyFaceChallenges,
  familyMembers,
  healthAppeals,
  healthCodeUses,
  healthDeclarations,
  healthStatus,
  venues,
} from './tables'

export type FamilyMemberRow = typeof familyMembers.$inferSelect
export type FamilyFaceChallengeRow = typeof familyFaceChallenges.$inferSelect
export type DeclarationRow = typeof healthDeclarations.$inferSelect
export type VenueRow = typeof venues.$inferSelect
export type CheckInRow = typeof checkIns.$inferSelect
export type HealthStatusRow = typeof healthStatus.$inferSelect
export type AppealRow = typeof healthAppeals.$inferSelect
export type CheckInWithVenue = CheckInRow & { venueName: string; areaCode: string }

/**
 * Identity's sessions table as the display's one read joins it, handed over by the composition root (store.ts), so
 * this capability imports no other's table. A live session is what identity's checkSession accepts (not revoked,
 * within its absolute lifetime, the token's user): restated in SQL here, held to the same cases by the display tests.
 */
export type SessionsTable<Table, Column> = Table & Record<'id' | 'userId' | 'revokedAt' | 'absoluteExpiresAt', Column>

/** The display's one read: undefined when the session has ended, else the holder's status row (undefined: none yet). */
export type DisplayRead = { row: HealthStatusRow | undefined } | undefined

export interface HealthCodeRepository {
  addMember(row: FamilyMemberRow): Promise<void>
  /** This owner's members not removed, pending or consented */
  members(ownerId: string): Promise<FamilyMemberRow[]>
  /** A consented (active) member of this owner's list; undefined for anyone else's, a pending or a removed one. */
  member(ownerId: string, id: string): Promise<FamilyMemberRow | undefined>
  activeMemberByHash(ownerId: string, idNumberHash: string): Promise<FamilyMemberRow | undefined>
  activeMemberCount(ownerId: string): Promise<number>
  removeMember(ownerId: string, id: string, at: Date): Promise<boolean>
  /** The member's side: every standing request naming this ID number (by its lookup hash), bound to their account */
  requestsFor(idNumberHash: string, memberUserId: string): Promise<FamilyMemberRow[]>
  /** The member accepts a pending request naming them; the row as it now stands, or undefined */
  acceptRequest(idNumberHash: string, id: string, memberUserId: string, at: Date): Promise<FamilyMemberRow | undefined>
  /** The member declines a request or withdraws their consent: the row is removed */
  withdrawRequest(idNumberHash: string, id: string, at: Date): Promise<boolean>
  addFamilyChallenge(row: FamilyFaceChallengeRow): Promise<void>
  /** Marks the owner's unexpired, unused challenge used and returns its digits; undefined otherwise */
  claimFamilyChallenge(ownerId: string, id: string, at: Date): Promise<string | undefined>
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

  /** Adds the venue unless its business already has `limit` venues (counted and written in one transaction). */
  addVenueWithin(row: VenueRow, limit: number): Promise<boolean>
  venue(id: string): Promise<VenueRow | undefined>
  venuesOf(ownerId: string): Promise<VenueRow[]>
  addCheckIn(row: CheckInRow): Promise<void>
  checkInsSince(holder: string, since: Date): Promise<CheckInWithVenue[]>
  voidCheckIn(holder: string, id: string, at: Date): Promise<boolean>

  status(holder: string): Promise<HealthStatusRow | undefined>
  /**
   * The display's one read, one prepared statement: session `sid` of `userId` if it is live at `now` (not revoked,
   * within its absolute lifetime: as identity's checkSession), joined with the status row filed under `holder`.
   */
  displayRead(session: { sid: string; userId: string }, holder: string, now: Date): Promise<DisplayRead>
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

  addAppeal(row: AppealRow): Promise<void>
  appealsOf(holder: string): Promise<AppealRow[]>
  /** Records 卫健's decision (once it has been applied here) */
  closeAppeal(appealId: string, decision: 'upheld' | 'rejected', at: Date): Promise<void>

  /** PIPL: every family-list row this owner made (removed ones too), and the rows of others' lists naming this ID. */
  familyRecords(
    ownerId: string,
    idNumberHash: string | null,
  ): Promise<{ own: FamilyMemberRow[]; of: FamilyMemberRow[] }>
  /** PIPL: everything kept under these holders — declarations, check-ins (with the venue), appeals, status. */
  holderRecords(holders: string[]): Promise<{
    declarations: DeclarationRow[]
    checkIns: CheckInWithVenue[]
    appeals: AppealRow[]
    statuses: HealthStatusRow[]
  }>
  /** PIPL Art. 47: deletes these holders' records and the family rows (by owner, or naming this ID number). */
  eraseRecords(holders: string[], ownerId: string, idNumberHash: string | null): Promise<void>
  /** Retention: deletes check-ins before `before`; the number deleted. */
  purgeCheckInsBefore(before: Date): Promise<number>
  /** Retention: deletes declarations whose fact happened before `before` (the rules no longer read them). */
  purgeDeclarationsBefore(before: Date): Promise<number>
  /** Retention: deletes the one-use records of entrance verifications made before `before`. */
  purgeOneUseBefore(before: Date): Promise<number>
  /** Retention: deletes 代亲友 face-check challenges that expired before `now`, used or not. */
  purgeFamilyChallenges(now: Date): Promise<number>
}

export function drizzleHealthCodeRepository(
  db: Db,
  sessions: SessionsTable<SQLiteTable, SQLiteColumn>,
): HealthCodeRepository {
  // The display path: one prepared read per request.
  const statusByHolder = db
    .select()
    .from(healthStatus)
    .where(eq(healthStatus.holder, sql.placeholder('holder')))
    .prepare()
  // The conditional display's one read: the session's liveness and the status row in one statement. The status is
  // left-joined on the holder alone, so a live session with no status yet still answers (status null).
  const liveSessionAndStatus = db
    .select({ sid: sessions.id, status: healthStatus })
    .from(sessions)
    .leftJoin(healthStatus, eq(healthStatus.holder, sql.placeholder('holder')))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sid')),
        eq(sessions.userId, sql.placeholder('userId')),
        isNull(sessions.revokedAt),
        // Placeholders are bound raw (no column encoder): the driver's value of a timestamp_ms column.
        gt(sessions.absoluteExpiresAt, sql.placeholder('nowMs')),
      ),
    )
    .prepare()
  const activeMember = and(
    eq(familyMembers.ownerId, sql.placeholder('ownerId')),
    eq(familyMembers.id, sql.placeholder('id')),
    eq(familyMembers.status, 'active'),
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
    async requestsFor(idNumberHash, memberUserId) {
      const naming = and(eq(familyMembers.idNumberHash, idNumberHash), isNull(familyMembers.removedAt))
      return db.transaction((tx) => {
        // First sight binds the rows to the member's account, so reads made for them are recorded in their log.
        tx.update(familyMembers)
          .set({ memberUserId })
          .where(and(naming, isNull(familyMembers.memberUserId)))
          .run()
        return tx.select().from(familyMembers).where(naming).orderBy(desc(familyMembers.addedAt)).all()
      })
    },
    async acceptRequest(idNumberHash, id, memberUserId, at) {
      const pending = and(
        eq(familyMembers.id, id),
        eq(familyMembers.idNumberHash, idNumberHash),
        eq(familyMembers.status, 'pending'),
        isNull(familyMembers.removedAt),
      )
      const done = db
        .update(familyMembers)
        .set({ status: 'active', memberUserId, consentedAt: at, consentMethod: 'member' })
        .where(pending)
        .run()
      if (!one(done)) return undefined
      return db.select().from(familyMembers).where(eq(familyMembers.id, id)).get()
    },
    async withdrawRequest(idNumberHash, id, at) {
      const standing = and(
        eq(familyMembers.id, id),
        eq(familyMembers.idNumberHash, idNumberHash),
        isNull(familyMembers.removedAt),
      )
      return one(db.update(familyMembers).set({ removedAt: at }).where(standing).run())
    },
    async addFamilyChallenge(row) {
      db.insert(familyFaceChallenges).values(row).run()
    },
    async claimFamilyChallenge(ownerId, id, at) {
      const usable = and(
        eq(familyFaceChallenges.id, id),
        eq(familyFaceChallenges.ownerId, ownerId),
        isNull(familyFaceChallenges.usedAt),
        gt(familyFaceChallenges.expiresAt, at),
      )
      const claimed = db
        .update(familyFaceChallenges)
        .set({ usedAt: at })
        .where(usable)
        .returning({ digits: familyFaceChallenges.digits })
        .all()
      return claimed[0]?.digits
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

    async addVenueWithin(row, limit) {
      return db.transaction((tx) => {
        const taken = tx.select({ n: count() }).from(venues).where(eq(venues.creditCode, row.creditCode)).get()!.n
        if (taken >= limit) return false
        tx.insert(venues).values(row).run()
        return true
      })
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
          areaCode: venues.areaCode,
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
    async displayRead({ sid, userId }, holder, now) {
      const found = liveSessionAndStatus.get({ sid, userId, holder, nowMs: now.getTime() })
      return found ? { row: found.status ?? undefined } : undefined
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

    async familyRecords(ownerId, idNumberHash) {
      const own = db.select().from(familyMembers).where(eq(familyMembers.ownerId, ownerId)).all()
      const of = idNumberHash
        ? db.select().from(familyMembers).where(eq(familyMembers.idNumberHash, idNumberHash)).all()
        : []
      return { own, of: of.filter((m) => m.ownerId !== ownerId) }
    },
    async holderRecords(holders) {
      if (holders.length === 0) return { declarations: [], checkIns: [], appeals: [], statuses: [] }
      return {
        declarations: db.select().from(healthDeclarations).where(inArray(healthDeclarations.holder, holders)).all(),
        checkIns: db
          .select({
            id: checkIns.id,
            holder: checkIns.holder,
            venueId: checkIns.venueId,
            at: checkIns.at,
            voidedAt: checkIns.voidedAt,
            venueName: venues.name,
            areaCode: venues.areaCode,
          })
          .from(checkIns)
          .innerJoin(venues, eq(checkIns.venueId, venues.id))
          .where(inArray(checkIns.holder, holders))
          .all(),
        appeals: db.select().from(healthAppeals).where(inArray(healthAppeals.holder, holders)).all(),
        statuses: db.select().from(healthStatus).where(inArray(healthStatus.holder, holders)).all(),
      }
    },
    async eraseRecords(holders, ownerId, idNumberHash) {
      db.transaction((tx) => {
        if (holders.length > 0) {
          tx.delete(healthDeclarations).where(inArray(healthDeclarations.holder, holders)).run()
          tx.delete(checkIns).where(inArray(checkIns.holder, holders)).run()
          tx.delete(healthAppeals).where(inArray(healthAppeals.holder, holders)).run()
          tx.delete(healthStatus).where(inArray(healthStatus.holder, holders)).run()
        }
        const named = idNumberHash ? eq(familyMembers.idNumberHash, idNumberHash) : undefined
        tx.delete(familyMembers)
          .where(named ? or(eq(familyMembers.ownerId, ownerId), named) : eq(familyMembers.ownerId, ownerId))
          .run()
        // The venues they registered stay (others checked in there) but no longer name them.
        tx.update(venues).set({ ownerId: null }).where(eq(venues.ownerId, ownerId)).run()
      })
    },
    async purgeCheckInsBefore(before) {
      return db.delete(checkIns).where(lt(checkIns.at, before)).run().changes
    },
    async purgeDeclarationsBefore(before) {
      return db.delete(healthDeclarations).where(lt(healthDeclarations.effectiveAt, before)).run().changes
    },
    async purgeOneUseBefore(before) {
      return db.delete(healthCodeUses).where(lt(healthCodeUses.verifiedAt, before)).run().changes
    },
    async purgeFamilyChallenges(now) {
      return db.delete(familyFaceChallenges).where(lt(familyFaceChallenges.expiresAt, now)).run().changes
    },
  }
}
