// 粤康码 repository on PostgreSQL: the same contract as health-code-repository.ts. The one-use guard is a primary key
// (INSERT … ON CONFLICT DO NOTHING) and a business's venue count is taken under an advisory lock on its code, so
// both hold across replicas.
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { changed, type PgConn } from '../platform/db.pg'
import type { HealthCodeRepository, SessionsTable } from './health-code-repository'
import {
  checkIns,
  familyFaceChallenges,
  familyMembers,
  healthAppeals,
  healthCodeUses,
  healthDeclarations,
  healthStatus,
  venues,
} from './tables.pg'

export function pgHealthCodeRepository(
  conn: () => PgConn,
  sessions: SessionsTable<PgTable, PgColumn>,
): HealthCodeRepository {
  // The conditional display's one read (see health-code-repository.ts): a named prepared statement, parsed once per
  // pooled connection. Built on the pool's database (the store is opened outside any transaction); a display never
  // runs inside `atomically`.
  const liveSessionAndStatus = conn()
    .select({ sid: sessions.id, status: healthStatus })
    .from(sessions)
    .leftJoin(healthStatus, eq(healthStatus.holder, sql.placeholder('holder')))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sid')),
        eq(sessions.userId, sql.placeholder('userId')),
        isNull(sessions.revokedAt),
        // Placeholders are bound raw (no column encoder): an ISO time, unambiguous for timestamptz.
        gt(sessions.absoluteExpiresAt, sql.placeholder('nowIso')),
      ),
    )
    .prepare('health_code_display')
  // A holder's standing (not voided) declaration or check-in with this id, and whether a write changed one row.
  const standingDeclaration = (holder: string, id: string) =>
    and(eq(healthDeclarations.holder, holder), eq(healthDeclarations.id, id), isNull(healthDeclarations.voidedAt))
  const standingCheckIn = (holder: string, id: string) =>
    and(eq(checkIns.holder, holder), eq(checkIns.id, id), isNull(checkIns.voidedAt))
  const one = (result: { rowCount: number | null }) => changed(result) === 1
  const withVenue = {
    id: checkIns.id,
    holder: checkIns.holder,
    venueId: checkIns.venueId,
    at: checkIns.at,
    voidedAt: checkIns.voidedAt,
    venueName: venues.name,
    areaCode: venues.areaCode,
  }

  return {
    async addMember(row) {
      await conn().insert(familyMembers).values(row)
    },
    async members(ownerId) {
      return conn()
        .select()
        .from(familyMembers)
        .where(and(eq(familyMembers.ownerId, ownerId), isNull(familyMembers.removedAt)))
        .orderBy(asc(familyMembers.addedAt))
    },
    async member(ownerId, id) {
      const [row] = await conn()
        .select()
        .from(familyMembers)
        .where(
          and(
            eq(familyMembers.ownerId, ownerId),
            eq(familyMembers.id, id),
            eq(familyMembers.status, 'active'),
            isNull(familyMembers.removedAt),
          ),
        )
      return row
    },
    async activeMemberByHash(ownerId, hash) {
      const [row] = await conn()
        .select()
        .from(familyMembers)
        .where(
          and(
            eq(familyMembers.ownerId, ownerId),
            eq(familyMembers.idNumberHash, hash),
            isNull(familyMembers.removedAt),
          ),
        )
        .limit(1)
      return row
    },
    async activeMemberCount(ownerId) {
      const [row] = await conn()
        .select({ n: count() })
        .from(familyMembers)
        .where(and(eq(familyMembers.ownerId, ownerId), isNull(familyMembers.removedAt)))
      return row?.n ?? 0
    },
    async removeMember(ownerId, id, at) {
      const standing = and(
        eq(familyMembers.ownerId, ownerId),
        eq(familyMembers.id, id),
        isNull(familyMembers.removedAt),
      )
      return one(await conn().update(familyMembers).set({ removedAt: at }).where(standing))
    },
    async requestsFor(idNumberHash, memberUserId) {
      const naming = and(eq(familyMembers.idNumberHash, idNumberHash), isNull(familyMembers.removedAt))
      return conn().transaction(async (tx) => {
        // First sight binds the rows to the member's account, so reads made for them are recorded in their log.
        await tx
          .update(familyMembers)
          .set({ memberUserId })
          .where(and(naming, isNull(familyMembers.memberUserId)))
        return tx.select().from(familyMembers).where(naming).orderBy(desc(familyMembers.addedAt))
      })
    },
    async acceptRequest(idNumberHash, id, memberUserId, at) {
      const pending = and(
        eq(familyMembers.id, id),
        eq(familyMembers.idNumberHash, idNumberHash),
        eq(familyMembers.status, 'pending'),
        isNull(familyMembers.removedAt),
      )
      const [row] = await conn()
        .update(familyMembers)
        .set({ status: 'active', memberUserId, consentedAt: at, consentMethod: 'member' })
        .where(pending)
        .returning()
      return row
    },
    async withdrawRequest(idNumberHash, id, at) {
      const standing = and(
        eq(familyMembers.id, id),
        eq(familyMembers.idNumberHash, idNumberHash),
        isNull(familyMembers.removedAt),
      )
      return one(await conn().update(familyMembers).set({ removedAt: at }).where(standing))
    },
    async addFamilyChallenge(row) {
      await conn().insert(familyFaceChallenges).values(row)
    },
    async claimFamilyChallenge(ownerId, id, at) {
      const usable = and(
        eq(familyFaceChallenges.id, id),
        eq(familyFaceChallenges.ownerId, ownerId),
        isNull(familyFaceChallenges.usedAt),
        gt(familyFaceChallenges.expiresAt, at),
      )
      const claimed = await conn()
        .update(familyFaceChallenges)
        .set({ usedAt: at })
        .where(usable)
        .returning({ digits: familyFaceChallenges.digits })
      return claimed[0]?.digits
    },

    async activeMember(id) {
      const [row] = await conn()
        .select()
        .from(familyMembers)
        .where(and(eq(familyMembers.id, id), isNull(familyMembers.removedAt)))
      return row
    },
    async activeMembersByIdNumberHash(hash) {
      return conn()
        .select()
        .from(familyMembers)
        .where(and(eq(familyMembers.idNumberHash, hash), isNull(familyMembers.removedAt)))
    },

    async addDeclaration(row) {
      await conn().insert(healthDeclarations).values(row)
    },
    async declarationsSince(holder, since) {
      return conn()
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
    },
    async voidDeclaration(holder, id, at) {
      return one(await conn().update(healthDeclarations).set({ voidedAt: at }).where(standingDeclaration(holder, id)))
    },

    async hasDeclaration(holder, id) {
      const found = await conn()
        .select({ id: healthDeclarations.id })
        .from(healthDeclarations)
        .where(standingDeclaration(holder, id))
      return found.length > 0
    },
    async hasCheckIn(holder, id) {
      const found = await conn().select({ id: checkIns.id }).from(checkIns).where(standingCheckIn(holder, id))
      return found.length > 0
    },

    async addVenueWithin(row, limit) {
      return conn().transaction(async (tx) => {
        // One business's venues are counted and added one writer at a time, on every replica.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`venue:${row.creditCode}`}))`)
        const [taken] = await tx.select({ n: count() }).from(venues).where(eq(venues.creditCode, row.creditCode))
        if ((taken?.n ?? 0) >= limit) return false
        await tx.insert(venues).values(row)
        return true
      })
    },
    async venue(id) {
      const [row] = await conn().select().from(venues).where(eq(venues.id, id))
      return row
    },
    async venuesOf(ownerId) {
      return conn().select().from(venues).where(eq(venues.ownerId, ownerId)).orderBy(desc(venues.createdAt))
    },
    async addCheckIn(row) {
      await conn().insert(checkIns).values(row)
    },
    async checkInsSince(holder, since) {
      return conn()
        .select(withVenue)
        .from(checkIns)
        .innerJoin(venues, eq(checkIns.venueId, venues.id))
        .where(and(eq(checkIns.holder, holder), gte(checkIns.at, since), isNull(checkIns.voidedAt)))
        .orderBy(desc(checkIns.at))
    },
    async voidCheckIn(holder, id, at) {
      return one(await conn().update(checkIns).set({ voidedAt: at }).where(standingCheckIn(holder, id)))
    },

    async status(holder) {
      const [row] = await conn().select().from(healthStatus).where(eq(healthStatus.holder, holder))
      return row
    },
    async displayRead({ sid, userId }, holder, now) {
      const [found] = await liveSessionAndStatus.execute({ sid, userId, holder, nowIso: now.toISOString() })
      return found ? { row: found.status ?? undefined } : undefined
    },
    async statusByCredential(credentialId) {
      const [row] = await conn().select().from(healthStatus).where(eq(healthStatus.credentialId, credentialId))
      return row
    },
    async putStatus(row) {
      const { holder: _holder, ...rest } = row
      await conn().insert(healthStatus).values(row).onConflictDoUpdate({ target: healthStatus.holder, set: rest })
    },
    async markStale(holder) {
      await conn().update(healthStatus).set({ stale: true }).where(eq(healthStatus.holder, holder))
    },
    async firstUse(jti, at) {
      return one(await conn().insert(healthCodeUses).values({ jti, verifiedAt: at }).onConflictDoNothing())
    },
    async releaseUse(jti) {
      await conn().delete(healthCodeUses).where(eq(healthCodeUses.jti, jti))
    },

    async addAppeal(row) {
      await conn().insert(healthAppeals).values(row)
    },
    async appealsOf(holder) {
      return conn()
        .select()
        .from(healthAppeals)
        .where(eq(healthAppeals.holder, holder))
        .orderBy(desc(healthAppeals.filedAt))
    },
    async closeAppeal(appealId, decision, at) {
      await conn().update(healthAppeals).set({ decision, decidedAt: at }).where(eq(healthAppeals.appealId, appealId))
    },

    async familyRecords(ownerId, idNumberHash) {
      const own = await conn().select().from(familyMembers).where(eq(familyMembers.ownerId, ownerId))
      const of = idNumberHash
        ? await conn().select().from(familyMembers).where(eq(familyMembers.idNumberHash, idNumberHash))
        : []
      return { own, of: of.filter((m) => m.ownerId !== ownerId) }
    },
    async holderRecords(holders) {
      if (holders.length === 0) return { declarations: [], checkIns: [], appeals: [], statuses: [] }
      const c = conn()
      return {
        declarations: await c.select().from(healthDeclarations).where(inArray(healthDeclarations.holder, holders)),
        checkIns: await c
          .select(withVenue)
          .from(checkIns)
          .innerJoin(venues, eq(checkIns.venueId, venues.id))
          .where(inArray(checkIns.holder, holders)),
        appeals: await c.select().from(healthAppeals).where(inArray(healthAppeals.holder, holders)),
        statuses: await c.select().from(healthStatus).where(inArray(healthStatus.holder, holders)),
      }
    },
    async eraseRecords(holders, ownerId, idNumberHash) {
      await conn().transaction(async (tx) => {
        if (holders.length > 0) {
          await tx.delete(healthDeclarations).where(inArray(healthDeclarations.holder, holders))
          await tx.delete(checkIns).where(inArray(checkIns.holder, holders))
          await tx.delete(healthAppeals).where(inArray(healthAppeals.holder, holders))
          await tx.delete(healthStatus).where(inArray(healthStatus.holder, holders))
        }
        const named = idNumberHash ? eq(familyMembers.idNumberHash, idNumberHash) : undefined
        await tx
          .delete(familyMembers)
          .where(named ? or(eq(familyMembers.ownerId, ownerId), named) : eq(familyMembers.ownerId, ownerId))
        // The venues they registered stay (others checked in there) but no longer name them.
        await tx.update(venues).set({ ownerId: null }).where(eq(venues.ownerId, ownerId))
      })
    },
    async purgeCheckInsBefore(before) {
      return changed(await conn().delete(checkIns).where(lt(checkIns.at, before)))
    },
    async purgeDeclarationsBefore(before) {
      return changed(await conn().delete(healthDeclarations).where(lt(healthDeclarations.effectiveAt, before)))
    },
    async purgeOneUseBefore(before) {
      return changed(await conn().delete(healthCodeUses).where(lt(healthCodeUses.verifiedAt, before)))
    },
    async purgeFamilyChallenges(now) {
      return changed(await conn().delete(familyFaceChallenges).where(lt(familyFaceChallenges.expiresAt, now)))
    },
  }
}
