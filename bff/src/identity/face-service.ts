// Face-verification service: digit challenges, the 公安 check, real-name binding, step-up, and the daily limit.
import { randomInt, randomUUID } from 'node:crypto'
import { type ErrorCode, type FaceChallenge, maskIdNumber, maskName, maskPhone } from '@ysx/shared'
import type { z } from '@ysx/shared'
import type { DataUseService } from '../data-use'
import type { FaceChallengesRepository } from './face-repository'
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
}

export interface FaceDeps {
  users: UsersRepository
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
  /** Checks the sample; on success the user is real-name (or re-verified) and `lastFaceAt` is now. */
  verify(userId: string, input: FaceVerifyInput, ctx: AuditContext): Promise<void>
}

const DAY_MS = 24 * 3600 * 1000

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
      return { verifyId: challenge.id, digits: challenge.digits, expiresAt: challenge.expiresAt.toISOString() }
    },

    async verify(userId, input, ctx) {
      await assertUnderLimit(userId, ctx, 'face.verify')
      const claim = await d.challenges.claim(input.verifyId, userId, now())
      if (claim.kind === 'not_found') return fail(userId, 'FACE_CHALLENGE_NOT_FOUND', ctx)
      if (claim.kind === 'used') return fail(userId, 'FACE_CHALLENGE_USED', ctx)
      if (claim.kind === 'expired') return fail(userId, 'FACE_CHALLENGE_EXPIRED', ctx)

      const user = await d.users.findById(userId)
      const idHash = d.cipher.lookupHash(input.idNumber)
      // A real-name account re-verifies as the same citizen only.
      if (user?.idNumberHash && user.idNumberHash !== idHash) return fail(userId, 'FACE_IDENTITY_MISMATCH', ctx)

      const why = { purpose: user?.level === 'real_name' ? '刷脸验证（敏感操作前的身份确认）' : '实名认证（人脸核身）' }
      const call = { userId, department: 'gongan' as const, dataKind: '人脸核身（姓名、身份证号与证件照比对）', why }
      const sample = {
        idNumber: input.idNumber,
        name: input.name,
        challengeDigits: claim.challenge.digits,
        sample: input.sample,
      }
      const result = await d.dataUse.track(call, () => d.gongan.checkFace(sample, why))
      if (!result || !result.identityMatch) return fail(userId, 'FACE_IDENTITY_MISMATCH', ctx)
      if (!result.digitsMatch) return fail(userId, 'FACE_DIGITS_MISMATCH', ctx)
      if (result.liveness < s.minLiveness) return fail(userId, 'FACE_LIVENESS_FAILED', ctx)
      if (result.similarity < s.minSimilarity) return fail(userId, 'FACE_NOT_MATCHED', ctx)

      const at = now()
      if (user?.level === 'real_name') {
        await d.users.setLastFace(userId, at)
      } else {
        const bound = await d.users.bindRealName(userId, {
          idNumberSealed: d.cipher.encrypt(input.idNumber, { table: 'users', column: 'id_number_sealed', row: userId }),
          idNumberHash: idHash,
          idNumberMasked: maskIdNumber(input.idNumber),
          nameSealed: d.cipher.encrypt(input.name, { table: 'users', column: 'name_sealed', row: userId }),
          nameMasked: maskName(input.name),
          phoneSealed: result.phone
            ? d.cipher.encrypt(result.phone, { table: 'users', column: 'phone_sealed', row: userId })
            : null,
          phoneMasked: result.phone ? maskPhone(result.phone) : null,
          at,
        })
        if (!bound) return fail(userId, 'IDENTITY_ALREADY_BOUND', ctx)
      }
      await d.audit.record({ userId, action: 'face.verify', outcome: 'success' }, ctx)
    },
  }
}
