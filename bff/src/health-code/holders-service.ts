// Holders of health codes: the signed-in citizen (`self`) and the family members they added (代亲友). A member is
// confirmed against 公安's register (name and ID number must agree) and added with the consent as given; another
// citizen's member, or a removed one, is a 404 exactly like a member that never existed.
import { randomBytes } from 'node:crypto'
import { type FamilyMemberSchema, gonganContracts, maskName, type z } from '@ysx/shared'
import type { FamilyMemberRow, HealthCodeRepository } from './health-code-repository'
import type { DepartmentReaders, Subject } from '../data-use'
import { AppError } from '../platform/app-error'
import type { FieldCipher, SealedAt } from '../platform/field-cipher'
import type { AuditContext, AuditService } from '../audit'
import type { ProfileService } from '../identity'

export const MAX_FAMILY_MEMBERS = 10

export interface Holder {
  /** As the route names it: 'self' or the member id */
  id: string
  /** `u:<userId>` or `f:<memberId>`: the key every health-code record is filed under */
  key: string
  /** Who the departments are asked about, on whose behalf (the signed-in citizen); 403 for a basic account */
  subject(): Promise<Subject>
  maskedName(): Promise<string>
  /** The full name, for the 粤澳 transfer only */
  fullName(): Promise<string>
  purpose: string
}

export type FamilyMember = z.infer<typeof FamilyMemberSchema>

export interface HolderService {
  /** `holder` is 'self' or a member id of this user's list; 404 otherwise. */
  resolve(userId: string, holder: string): Promise<Holder>
  members(userId: string): Promise<FamilyMember[]>
  add(
    userId: string,
    input: {
      name: string
      idNumber: string
      relation: FamilyMember['relation']
      consent: { method: 'in_person' | 'guardian'; version: string }
    },
    ctx: AuditContext,
  ): Promise<FamilyMember>
  remove(userId: string, id: string, ctx: AuditContext): Promise<void>
}

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
  consentVersion: r.consentVersion,
  consentMethod: r.consentMethod,
  addedAt: r.addedAt.toISOString(),
})

export function createHolderService(d: {
  repo: HealthCodeRepository
  profiles: ProfileService
  readers: DepartmentReaders
  cipher: FieldCipher
  audit: AuditService
  now: () => Date
}): HolderService {
  return {
    async resolve(userId, holder) {
      // `self` costs no read until something is needed: a display whose status is current reads nothing else.
      if (holder === 'self') {
        return {
          id: 'self',
          key: `u:${userId}`,
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
        purpose: '粤康码（代亲友）',
        subject: async () => ({
          userId,
          idNumber: d.cipher.decrypt(m.idNumberSealed, memberSeal(m, 'id_number_sealed')),
        }),
        maskedName: async () => m.nameMasked,
        fullName: async () => d.cipher.decrypt(m.nameSealed, memberSeal(m, 'name_sealed')),
      }
    },

    async members(userId) {
      await d.profiles.subject(userId)
      return (await d.repo.members(userId)).map(toMember)
    },

    async add(userId, input, ctx) {
      const self = await d.profiles.subject(userId)
      if (input.idNumber === self.idNumber) throw new AppError('FAMILY_MEMBER_EXISTS', 'that is the citizen themself')
      const hash = d.cipher.lookupHash(input.idNumber)
      if (await d.repo.activeMemberByHash(userId, hash)) throw new AppError('FAMILY_MEMBER_EXISTS')
      if ((await d.repo.activeMemberCount(userId)) >= MAX_FAMILY_MEMBERS) throw new AppError('FAMILY_LIMIT_REACHED')
      // 公安 confirms the pair; an unknown ID number and a wrong name are told apart to nobody.
      const record = await d.readers.gongan.read(
        gonganContracts.lookupCitizen,
        { userId, idNumber: input.idNumber },
        { purpose: '代亲友：核对亲友身份' },
      )
      if (!record || record.name !== input.name) {
        await d.audit.record({ userId, action: 'family.add', outcome: 'failure', reason: 'not confirmed' }, ctx)
        throw new AppError('FAMILY_MEMBER_NOT_CONFIRMED')
      }
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
        addedAt: d.now(),
        removedAt: null,
      }
      await d.repo.addMember(row)
      await d.audit.record(
        {
          userId,
          action: 'family.add',
          outcome: 'success',
          reason: `consent ${row.consentMethod} ${row.consentVersion}`,
        },
        ctx,
      )
      return toMember(row)
    },

    async remove(userId, id, ctx) {
      if (!(await d.repo.removeMember(userId, id, d.now()))) throw new AppError('NOT_FOUND', 'no such family member')
      // The consent is withdrawn now: a code already on the carer's phone must stop verifying, not live out its credential.
      await d.repo.markStale(`f:${id}`)
      await d.audit.record({ userId, action: 'family.remove', outcome: 'success' }, ctx)
    },
  }
}
