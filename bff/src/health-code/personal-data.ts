// 粤康码's part of the citizen's PIPL rights. The copy (Art. 45): the family members they added (masked: a member's
// name is the member's), the lists that name them (without the adder), and every declaration, check-in, appeal and
// status filed under them or their members; the venues they registered. Closing (Art. 47): all of that deleted, their
// entries on others' lists too (closing withdraws the consent), and their venues kept without their name (others
// checked in there). The retention purge: check-ins, spent declarations and one-use records past their periods.
import type { PersonalDataExport } from '@ysx/shared'
import type { HealthCodeRepository } from './health-code-repository'

/** The 粤康码 part of the copy, as its contract says (shared/src/api/privacy.ts). */
export type HealthCodeCopy = PersonalDataExport['healthCode']

export interface HealthCodePersonalData {
  /** `idNumberHash`: the keyed hash of the citizen's ID number (null before real name), as family rows name them */
  export(userId: string, idNumberHash: string | null): Promise<HealthCodeCopy>
  erase(userId: string, idNumberHash: string | null): Promise<void>
  purge(now: Date): Promise<{ checkIns: number; declarations: number; oneUse: number; familyChallenges: number }>
}

const DAY_MS = 86_400_000
/** How long each kind of record is kept (the table in the README's 保存期限 section says the same). */
export const HEALTH_CODE_RETENTION = {
  /** A check-in counts for 14 days (the risk-venue rule's window); it is deleted after that. */
  checkInMs: 14 * DAY_MS,
  /** A declaration is spent once the longest rule window (14 days) and the day of margin the rules read are past. */
  declarationMs: 15 * DAY_MS,
  /** A QR proof is accepted up to 60 s old (+5 s skew): its one-use record has nothing left to guard after that. */
  oneUseMs: 10 * 60_000,
} as const

const iso = (d: Date | null) => d?.toISOString() ?? null

export function createHealthCodePersonalData(repo: HealthCodeRepository): HealthCodePersonalData {
  async function holdersOf(userId: string) {
    const self = `u:${userId}`
    const { own } = await repo.familyRecords(userId, null)
    return { self, own, keys: [self, ...own.map((m) => `f:${m.id}`)] }
  }
  return {
    async export(userId, idNumberHash) {
      const { self, own, keys } = await holdersOf(userId)
      const { of } = await repo.familyRecords(userId, idNumberHash)
      const r = await repo.holderRecords(keys)
      // A record's holder as the citizen names it: 'self' or the member id, never the account id.
      const named = (holder: string) => (holder === self ? 'self' : holder.slice(2))
      return {
        family: own.map((m) => ({
          id: m.id,
          maskedName: m.nameMasked,
          relation: m.relation,
          consentMethod: m.consentMethod,
          consentVersion: m.consentVersion,
          addedAt: m.addedAt.toISOString(),
          removedAt: iso(m.removedAt),
        })),
        familyOf: of.map((m) => ({
          relation: m.relation,
          consentMethod: m.consentMethod,
          addedAt: m.addedAt.toISOString(),
          removedAt: iso(m.removedAt),
        })),
        declarations: r.declarations.map((x) => ({
          id: x.id,
          holder: named(x.holder),
          kind: x.kind,
          content: JSON.parse(x.payload) as Record<string, unknown>,
          declaredAt: x.declaredAt.toISOString(),
          effectiveAt: x.effectiveAt.toISOString(),
          voidedAt: iso(x.voidedAt),
        })),
        checkIns: r.checkIns.map((c) => ({
          id: c.id,
          holder: named(c.holder),
          venueName: c.venueName,
          areaCode: c.areaCode,
          at: c.at.toISOString(),
          voidedAt: iso(c.voidedAt),
        })),
        venues: (await repo.venuesOf(userId)).map((v) => ({
          id: v.id,
          name: v.name,
          areaCode: v.areaCode,
          creditCode: v.creditCode,
          address: v.address,
          createdAt: v.createdAt.toISOString(),
        })),
        appeals: r.appeals.map((a) => ({
          appealId: a.appealId,
          holder: named(a.holder),
          rule: a.rule,
          targetKind: a.targetKind,
          targetId: a.targetId,
          filedAt: a.filedAt.toISOString(),
          decision: a.decision,
          decidedAt: iso(a.decidedAt),
        })),
        statuses: r.statuses.map((s) => ({
          holder: named(s.holder),
          colour: s.colour,
          ruleVersion: s.ruleVersion,
          evaluatedAt: s.evaluatedAt.toISOString(),
          validUntil: s.validUntil.toISOString(),
        })),
      }
    },
    async erase(userId, idNumberHash) {
      const { keys } = await holdersOf(userId)
      // Their entries on other citizens' lists, and what was filed under those entries, go too.
      const { of } = await repo.familyRecords(userId, idNumberHash)
      await repo.eraseRecords([...keys, ...of.map((m) => `f:${m.id}`)], userId, idNumberHash)
    },
    async purge(now) {
      const t = now.getTime()
      return {
        checkIns: await repo.purgeCheckInsBefore(new Date(t - HEALTH_CODE_RETENTION.checkInMs)),
        declarations: await repo.purgeDeclarationsBefore(new Date(t - HEALTH_CODE_RETENTION.declarationMs)),
        oneUse: await repo.purgeOneUseBefore(new Date(t - HEALTH_CODE_RETENTION.oneUseMs)),
        familyChallenges: await repo.purgeFamilyChallenges(now),
      }
    },
  }
}
