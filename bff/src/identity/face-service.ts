// Face-verification service: digit challenges, the 公安 check, real-name binding, step-up, and the daily limit.
// A real-name citizen's step-up is the face check alone: the BFF checks it against the name and ID number bound to
// the account, so they are not asked for again. A pass is the step-up of the session it was made in, no other.
import { randomInt, randomUUID } from 'node:crypto'
import { type ErrorCode, type FaceChallenge, maskIdNumber, maskName, maskPhone } from '@ysx/shared'
import type { z } from '@ysx/shared/z'
import type { DataUseService, DepartmentCall } from '../data-use'
import type { AccessClaims } from './auth-service'
import type { FaceChallengesRepository } from './face-repository'
import type { SessionsRepository } from './sessions-repository'
import type { UsersRepository } from './users-repository'
import type { GonganClient } from '../platform/departments'
import { AppError } from '../platform/app-error'
import type { FieldCipher } from '../platform/field-cipher'
import type { faceContracts } from '@ysx/shared'
import type { AuditContext, AuditService } from '../audit'

export type FaceVerifyInput = z.output<typeof faceContracts.verify.body>

export interface FaceSettings {
  failuresPerDay: number
  challengeTtlSeconds: number
  minSimilarity: number
  minLiveness: number
  /** Whether labelled stand-in samples (no camera) are accepted: only in stand-in mode, never by default */
  acceptStandInSamples: boolean
}

export interface FaceDeps {
  users: UsersRepository
  sessions: SessionsRepository
  challenges: FaceChallengesRepository
  gongan: GonganClient
  /** 我的数据使用记录: the face check is a 公安 query made for the citizen */
  dataUse: DataUseService
  cipher: FieldCipher
  audit: AuditService
  settings: FaceSettings
  now?: () => Date
}

export interface FaceService {
  start(userId: string, ctx: AuditContext): Promise<FaceChallenge>
  /**
   * Checks the sample; on success the user is real-name (or re-verified) and the session's step-up time is now.
   * A basic account gives the name and ID number to bind; a real-name one gives none (the bound ones are used).
   */
  verify(session: AccessClaims, input: FaceVerifyInput, ctx: AuditContext): Promise<void>
}

const DAY_MS = 24 * 3600 * 1000
const FACE_DATA_KIND = '人脸核身（姓名、身份证号与证件照比对）'

/** Who asked, as another citizen's record names them: an account reference, masked. */
const maskedAccount = (userId: string) => `账号 ****${userId.replace(/-/g, '').slice(-4)}`

const missing = (field: 'name' | 'idNumber') => ({ path: `body.${field}`, message: 'Required' })

export function createFaceService(d: FaceDeps): FaceService {
  const now = d.now ?? (() => new Date())
  const s = d.settings

  async function assertUnderLimit(userId: string, ctx: AuditContext, action: 'face.start' | 'face.verify') {
    const failures = await d.audit.failuresSince(userId, 'face.verify', new Date(now().getTime() - DAY_MS))
    if (failures >= s.failuresPerDay) {
      await d.audit.record({ userId, action, outcome: 'failure', reason: 'FACE_ATTEMPTS_EXCEEDED' }, ctx)
      throw new AppError('FACE_ATTEMPTS_EXCEEDED', `${failures} failed face verifications in 24 h`)
    }
  }

  async function fail(userId: string, code: ErrorCode, ctx: AuditContext): Promise<never> {
    await d.audit.record({ userId, action: 'face.verify', outcome: 'failure', reason: code }, ctx)
    throw new AppError(code)
  }

  return {
    async start(userId, ctx) {
      await assertUnderLimit(userId, ctx, 'face.start')
      const issuedAt = now()
      const challenge = {
        id: randomUUID(),
        userId,
        digits: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        issuedAt,
        expiresAt: new Date(issuedAt.getTime() + s.challengeTtlSeconds * 1000),
      }
      await d.challenges.create(challenge)
      await d.audit.record({ userId, action: 'face.start', outcome: 'success' }, ctx)
      const user = await d.users.findById(userId)
      return {
        verifyId: challenge.id,
        digits: challenge.digits,
        expiresAt: challenge.expiresAt.toISOString(),
        purpose: user?.level === 'real_name' ? 'step_up' : 'real_name',
      }
    },

    async verify(session, input, ctx) {
      const userId = session.sub
      const user = await d.users.findById(userId)
      const realName = user?.level === 'real_name' && user.idNumberSealed && user.nameSealed
      // Binding needs both; bad input changes nothing (the challenge stays unspent).
      if (!realName && (!input.name || !input.idNumber)) {
        const details = [...(input.name ? [] : [missing('name')]), ...(input.idNumber ? [] : [missing('idNumber')])]
        throw new AppError('VALIDATION_FAILED', 'name and ID number are needed to bind the real name', details)
      }
      await assertUnderLimit(userId, ctx, 'face.verify')
      if (input.sample.kind === 'standin' && !s.acceptStandInSamples)
        return fail(userId, 'FACE_SAMPLE_NOT_ACCEPTED', ctx)
      const claim = await d.challenges.claim(input.verifyId, userId, now())
      if (claim.kind === 'not_found') return fail(userId, 'FACE_CHALLENGE_NOT_FOUND', ctx)
      if (claim.kind === 'used') return fail(userId, 'FACE_CHALLENGE_USED', ctx)
      if (claim.kind === 'expired') return fail(userId, 'FACE_CHALLENGE_EXPIRED', ctx)

      const sealedAt = (column: string) => ({ table: 'users', column, row: userId })
      const idNumber = realName ? d.cipher.decrypt(user.idNumberSealed!, sealedAt('id_number_sealed')) : input.idNumber!
      const name = realName ? d.cipher.decrypt(user.nameSealed!, sealedAt('name_sealed')) : input.name!
      const idHash = d.cipher.lookupHash(idNumber)
      // A real-name account re-verifies as the same citizen only (an API client may still send the ID number).
      if (realName && input.idNumber && d.cipher.lookupHash(input.idNumber) !== idHash)
        return fail(userId, 'FACE_IDENTITY_MISMATCH', ctx)

      const why = { purpose: realName ? '刷脸验证（敏感操作前的身份确认）' : '实名认证（人脸核身）' }
      const call = { userId, department: 'gongan' as const, dataKind: FACE_DATA_KIND, why }
      // The check is about the citizen whose ID number it carries: when another account holds it, that citizen's
      // own record shows it too, with who asked.
      const holder = realName ? undefined : await d.users.findByIdNumberHash(idHash)
      const alsoFor: DepartmentCall[] =
        holder && holder.id !== userId
          ? [
              {
                ...call,
                userId: holder.id,
                why: { purpose: `他人以您的身份证号申请实名认证（${maskedAccount(userId)}）` },
              },
            ]
          : []
      const passes = (r: NonNullable<Awaited<ReturnType<GonganClient['checkFace']>>>) =>
        r.identityMatch && r.digitsMatch && r.liveness >= s.minLiveness && r.similarity >= s.minSimilarity
      const sample = { idNumber, name, challengeDigits: claim.challenge.digits, sample: input.sample }
      const result = await d.dataUse.track(call, () => d.gongan.checkFace(sample, why), {
        outcome: (r) => (passes(r) ? 'served' : 'rejected'),
        alsoFor,
      })
      if (!result || !result.identityMatch) return fail(userId, 'FACE_IDENTITY_MISMATCH', ctx)
      if (!result.digitsMatch) return fail(userId, 'FACE_DIGITS_MISMATCH', ctx)
      if (result.liveness < s.minLiveness) return fail(userId, 'FACE_LIVENESS_FAILED', ctx)
      if (result.similarity < s.minSimilarity) return fail(userId, 'FACE_NOT_MATCHED', ctx)

      const at = now()
      if (!realName) {
        const bound = await d.users.bindRealName(userId, {
          idNumberSealed: d.cipher.encrypt(idNumber, { table: 'users', column: 'id_number_sealed', row: userId }),
          idNumberHash: idHash,
          idNumberMasked: maskIdNumber(idNumber),
          nameSealed: d.cipher.encrypt(name, { table: 'users', column: 'name_sealed', row: userId }),
          nameMasked: maskName(name),
          phoneSealed: result.phone
            ? d.cipher.encrypt(result.phone, { table: 'users', column: 'phone_sealed', row: userId })
            : null,
          phoneMasked: result.phone ? maskPhone(result.phone) : null,
          at,
        })
        if (!bound) return fail(userId, 'IDENTITY_ALREADY_BOUND', ctx)
      }
      await d.sessions.setStepUp(session.sid, at)
      await d.audit.record({ userId, action: 'face.verify', outcome: 'success' }, ctx)
    },
  }
}
