// Holders of health codes: the signed-in citizen (`self`) and the family members they added (代亲友), with the
// member's own consent. An adult member confirms from their own account (the request waits, `pending`, and shows
// nothing until then), or passes 公安's face check on the adder's phone; a minor is added when 公安's 户口簿 shows the
// adder as their parent or guardian in the same household. Every kind of failure (a wrong name or ID number, not a
// minor of the household, a failed face check) gets one answer and counts against a daily limit, so the route is no
// name↔ID oracle. Another citizen's member, a pending or a removed one, is a 404 exactly like one that never existed.
import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import type { z } from '@ysx/shared/z'
import {
  type FaceChallenge,
  type FaceSampleSchema,
  type FamilyMemberSchema,
  type FamilyRequestSchema,
  gonganContracts,
  maskName,
} from '@ysx/shared'
import type { FamilyMemberRow, HealthCodeRepository } from './health-code-repository'
import type { DataUseService, DepartmentReaders, Subject } from '../data-use'
import { AppError } from '../platform/app-error'
import type { GonganClient } from '../platform/departments'
import type { FieldCipher, SealedAt } from '../platform/field-cipher'
import type { AuditContext, AuditService } from '../audit'
import type { ProfileService } from '../identity'

export const MAX_FAMILY_MEMBERS = 10
/** Failed attempts to add a member (any kind) a citizen may make in 24 hours; the next is 429. */
export const FAMILY_FAILURES_PER_DAY = 5
const DAY_MS = 24 * 3600 * 1000
/** The family face check's challenge and thresholds: as identity's own face check. */
const FACE = { challengeTtlSeconds: 120, minSimilarity: 0.8, minLiveness: 0.7 }

export interface Holder {
  /** As the route names it: 'self' or the member id */
  id: string
  /** `u:<userId>` or `f:<memberId>`: the key every health-code record is filed under */
  key: string
  /** The signed-in citizen acting (for a member: the adder) */
  askerId: string
  /**
   * Who the departments are asked about, and in whose 我的数据使用记录 the call is recorded: the citizen, or the member
   * (their own account once known, with the adder named as the asker); 403 for a basic account
   */
  subject(): Promise<Subject>
  maskedName(): Promise<string>
  /** The full name, for the 粤澳 transfer only */
  fullName(): Promise<string>
  purpose: string
}

export type FamilyMember = z.infer<typeof FamilyMemberSchema>
export type FamilyRequest = z.infer<typeof FamilyRequestSchema>
export type FamilyConsentMethod = FamilyMember['consentMethod']

export interface AddFamilyInput {
  name: string
  idNumber: string
  relation: FamilyMember['relation']
  consent: { method: FamilyConsentMethod; version: string }
  face?: { verifyId: string; sample: z.input<typeof FaceSampleSchema> }
}

export interface HolderService {
  /** `holder` is 'self' or a consented member id of this user's list; 404 otherwise. */
  resolve(userId: string, holder: string): Promise<Holder>
  members(userId: string): Promise<FamilyMember[]>
  add(userId: string, input: AddFamilyInput, ctx: AuditContext): Promise<FamilyMember>
  /** Digits for the member to read aloud in the face check on the adder's phone */
  faceChallenge(userId: string, ctx: AuditContext): Promise<FaceChallenge>
  remove(userId: string, id: string, ctx: AuditContext): Promise<void>
  /** The member's side: who asked (or may) show my code */
  requests(userId: string): Promise<FamilyRequest[]>
  accept(userId: string, id: string, ctx: AuditContext): Promise<FamilyRequest>
  /** Declines a request or withdraws a consent given: the adder's code for me stops verifying */
  withdraw(userId: string, id: string, ctx: AuditContext): Promise<void>
}

const methodOf = (m: FamilyMemberRow['consentMethod']): FamilyConsentMethod =>
  m === 'in_person' || m === 'guardian' ? 'member' : m

/** Where a member's sealed field lives: the owner and the member's ID hash (unique among the owner's members). */
const memberSeal = (m: Pick<FamilyMemberRow, 'ownerId' | 'idNumberHash'>, column: string): SealedAt => ({
  table: 'family_members',
  column,
  row: `${m.ownerId}/${m.idNumberHash}`,
})

const toMember = (r: FamilyMemberRow): FamilyMember => ({
  id: r.id,
  maskedName: r.nameMasked,
  relation: r.relation as FamilyMember['relation'],
  status: r.status,
  consentVersion: r.consentVersion,
  consentMethod: methodOf(r.consentMethod),
  addedAt: r.addedAt.toISOString(),
})

/** Age in whole years on `on` from the birth date in a GB 11643 ID number (digits 7–14). */
function ageFromIdNumber(idNumber: string, on: Date): number {
  const y = Number(idNumber.slice(6, 10))
  const m = Number(idNumber.slice(10, 12))
  const d = Number(idNumber.slice(12, 14))
  const china = new Date(on.getTime() + 8 * 3600 * 1000)
  const [ty, tm, td] = [china.getUTCFullYear(), china.getUTCMonth() + 1, china.getUTCDate()]
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0)
}

export function createHolderService(d: {
  repo: HealthCodeRepository
  profiles: ProfileService
  readers: DepartmentReaders
  dataUse: DataUseService
  gongan: GonganClient
  cipher: FieldCipher
  audit: AuditService
  now: () => Date
}): HolderService {
  async function assertUnderLimit(userId: string, ctx: AuditContext) {
    const failures = await d.audit.failuresSince(userId, 'family.add', new Date(d.now().getTime() - DAY_MS))
    if (failures < FAMILY_FAILURES_PER_DAY) return
    await d.audit.record({ userId, action: 'family.add', outcome: 'failure', reason: 'FAMILY_ATTEMPTS_EXCEEDED' }, ctx)
    throw new AppError('FAMILY_ATTEMPTS_EXCEEDED', `${failures} failed family additions in 24 h`)
  }

  /** The member's side: their own account's lookup hash (403 for a basic account) */
  async function memberHash(userId: string) {
    return d.cipher.lookupHash((await d.profiles.subject(userId)).idNumber)
  }

  const toRequest = async (r: FamilyMemberRow): Promise<FamilyRequest> => ({
    id: r.id,
    askedBy: await d.profiles.maskedName(r.ownerId),
    relation: r.relation as FamilyRequest['relation'],
    status: r.status,
    consentMethod: methodOf(r.consentMethod),
    consentVersion: r.consentVersion,
    requestedAt: r.addedAt.toISOString(),
  })

  /**
   * The member's own consent, checked with 公安. Every check this method needs is made whatever the earlier ones
   * found (in parallel, never served from a cache), so neither the answer nor its timing tells which one failed.
   */
  async function confirm(userId: string, self: Subject, input: AddFamilyInput): Promise<string | null> {
    const subject = { userId, idNumber: input.idNumber }
    const why = { purpose: '代亲友：核对亲友身份与授权' }
    const adult = ageFromIdNumber(input.idNumber, d.now()) >= 18
    const citizen = d.readers.gongan.read(gonganContracts.lookupCitizen, subject, why, { fresh: true })
    const method = input.consent.method
    let consent: Promise<string | null>
    if (method === 'household') {
      consent = d.readers.gongan
        .read(gonganContracts.guardians, subject, why, { fresh: true })
        .then((g) => (!adult && g?.guardians.some((x) => x.idNumber === self.idNumber) ? null : 'not a guardian'))
    } else if (method === 'face') {
      consent = faceCheck(userId, input).then((ok) => (adult && ok ? null : 'face check'))
    } else {
      consent = Promise.resolve(adult ? null : 'not an adult')
    }
    const [record, refused] = await Promise.all([citizen, consent])
    if (!record || record.name !== input.name) return 'name and ID number'
    return refused
  }

  /** The member's face on the adder's phone, against 公安's photo for the ID number and name given */
  async function faceCheck(userId: string, input: AddFamilyInput): Promise<boolean> {
    const digits = input.face ? await d.repo.claimFamilyChallenge(userId, input.face.verifyId, d.now()) : undefined
    if (!input.face || !digits) return false
    const why = { purpose: '代亲友：亲友本人刷脸授权' }
    const call = { userId, department: 'gongan' as const, dataKind: '人脸核身（亲友本人授权）', why }
    const sample = { idNumber: input.idNumber, name: input.name, challengeDigits: digits, sample: input.face.sample }
    const result = await d.dataUse.track(call, () => d.gongan.checkFace(sample, why))
    return Boolean(
      result?.identityMatch &&
      result.digitsMatch &&
      result.liveness >= FACE.minLiveness &&
      result.similarity >= FACE.minSimilarity,
    )
  }

  return {
    async resolve(userId, holder) {
      // `self` costs no read until something is needed: a display whose status is current reads nothing else.
      if (holder === 'self') {
        return {
          id: 'self',
          key: `u:${userId}`,
          askerId: userId,
          purpose: '粤康码（本人）',
          subject: () => d.profiles.subject(userId),
          maskedName: () => d.profiles.maskedName(userId),
          fullName: () => d.profiles.fullName(userId),
        }
      }
      const m = await d.repo.member(userId, holder)
      if (!m) throw new AppError('NOT_FOUND', 'no such family member')
      return {
        id: m.id,
        key: `f:${m.id}`,
        askerId: userId,
        purpose: '粤康码（代亲友）',
        // Recorded in the member's own log once their account is known, naming the adder; until then (a member
        // without an account) in the adder's.
        subject: async () =>
          m.memberUserId
            ? {
                userId: m.memberUserId,
                idNumber: d.cipher.decrypt(m.idNumberSealed, memberSeal(m, 'id_number_sealed')),
                askedBy: await d.profiles.maskedName(userId),
              }
            : { userId, idNumber: d.cipher.decrypt(m.idNumberSealed, memberSeal(m, 'id_number_sealed')) },
        maskedName: async () => m.nameMasked,
        fullName: async () => d.cipher.decrypt(m.nameSealed, memberSeal(m, 'name_sealed')),
      }
    },

    async members(userId) {
      await d.profiles.subject(userId)
      return (await d.repo.members(userId)).map(toMember)
    },

    async faceChallenge(userId, ctx) {
      await d.profiles.subject(userId)
      await assertUnderLimit(userId, ctx)
      const issuedAt = d.now()
      const row = {
        id: randomUUID(),
        ownerId: userId,
        digits: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        expiresAt: new Date(issuedAt.getTime() + FACE.challengeTtlSeconds * 1000),
        usedAt: null,
      }
      await d.repo.addFamilyChallenge(row)
      return { verifyId: row.id, digits: row.digits, expiresAt: row.expiresAt.toISOString(), purpose: 'family_consent' }
    },

    async add(userId, input, ctx) {
      const self = await d.profiles.subject(userId)
      await assertUnderLimit(userId, ctx)
      if (input.idNumber === self.idNumber) throw new AppError('FAMILY_MEMBER_EXISTS', 'that is the citizen themself')
      const hash = d.cipher.lookupHash(input.idNumber)
      if (await d.repo.activeMemberByHash(userId, hash)) throw new AppError('FAMILY_MEMBER_EXISTS')
      if ((await d.repo.activeMemberCount(userId)) >= MAX_FAMILY_MEMBERS) throw new AppError('FAMILY_LIMIT_REACHED')
      const refused = await confirm(userId, self, input)
      if (refused) {
        // The kind is for the operators' audit only: the citizen gets one answer for all of them.
        const reason = `not confirmed (${input.consent.method}: ${refused})`
        await d.audit.record({ userId, action: 'family.add', outcome: 'failure', reason }, ctx)
        throw new AppError('FAMILY_MEMBER_NOT_CONFIRMED')
      }
      const at = d.now()
      const consented = input.consent.method !== 'member'
      const row: FamilyMemberRow = {
        id: randomBytes(16).toString('base64url'),
        ownerId: userId,
        nameSealed: d.cipher.encrypt(input.name, memberSeal({ ownerId: userId, idNumberHash: hash }, 'name_sealed')),
        nameMasked: maskName(input.name),
        idNumberSealed: d.cipher.encrypt(
          input.idNumber,
          memberSeal({ ownerId: userId, idNumberHash: hash }, 'id_number_sealed'),
        ),
        idNumberHash: hash,
        relation: input.relation,
        consentMethod: input.consent.method,
        consentVersion: input.consent.version,
        addedAt: at,
        removedAt: null,
        status: consented ? 'active' : 'pending',
        memberUserId: null,
        consentedAt: consented ? at : null,
      }
      await d.repo.addMember(row)
      const reason = `${consented ? 'consent' : 'requested'} ${row.consentMethod} ${row.consentVersion}`
      await d.audit.record({ userId, action: 'family.add', outcome: 'success', reason }, ctx)
      return toMember(row)
    },

    async remove(userId, id, ctx) {
      if (!(await d.repo.removeMember(userId, id, d.now()))) throw new AppError('NOT_FOUND', 'no such family member')
      // The consent is withdrawn now: a code already on the carer's phone must stop verifying, not live out its credential.
      await d.repo.markStale(`f:${id}`)
      await d.audit.record({ userId, action: 'family.remove', outcome: 'success' }, ctx)
    },

    async requests(userId) {
      const rows = await d.repo.requestsFor(await memberHash(userId), userId)
      return Promise.all(rows.map(toRequest))
    },

    async accept(userId, id, ctx) {
      const row = await d.repo.acceptRequest(await memberHash(userId), id, userId, d.now())
      if (!row) throw new AppError('NOT_FOUND', 'no such request')
      await d.audit.record({ userId, action: 'family.accept', outcome: 'success' }, ctx)
      return toRequest(row)
    },

    async withdraw(userId, id, ctx) {
      if (!(await d.repo.withdrawRequest(await memberHash(userId), id, d.now()))) {
        throw new AppError('NOT_FOUND', 'no such request')
      }
      await d.repo.markStale(`f:${id}`)
      await d.audit.record({ userId, action: 'family.remove', outcome: 'success', reason: 'withdrawn by member' }, ctx)
    },
  }
}
