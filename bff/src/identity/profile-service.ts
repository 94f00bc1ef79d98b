// Profile service: the signed-in citizen's masked profile, and the audited, step-up-guarded ID-number reveal.
import type { Profile } from '@ysx/shared'
import type { UserRow, UsersRepository } from './users-repository'
import { AppError } from '../platform/app-error'
import type { FieldCipher } from '../platform/field-cipher'
import type { AuditContext, AuditService } from '../audit'
import type { Subject } from '../data-use'

export interface ProfileService {
  profile(userId: string): Promise<Profile>
  /** The citizen behind a real-name account (ID number decrypted for department lookups), else 403. */
  subject(userId: string): Promise<Subject>
  /** Step-up: a real-name user whose last face verification is at most `stepUpSeconds` old, else 403. */
  requireRecentFace(userId: string, ctx: AuditContext): Promise<void>
  /** The full ID number, after a step-up; audited. */
  revealIdNumber(userId: string, ctx: AuditContext): Promise<string>
  /** A real-name citizen's masked name (as a health code shows it), else 403. */
  maskedName(userId: string): Promise<string>
  /** A real-name citizen's full name, for a payload they consented to (the 粤澳 transfer), else 403. */
  fullName(userId: string): Promise<string>
  /** The account bound to this ID number, if any (a department's notice about that person). */
  userIdByIdNumber(idNumber: string): Promise<string | undefined>
}

export function toProfile(u: UserRow): Profile {
  return {
    userId: u.id,
    level: u.level,
    name: u.nameMasked,
    idNumber: u.idNumberMasked,
    phone: u.phoneMasked,
    realNameAt: u.realNameAt?.toISOString() ?? null,
    lastFaceVerifiedAt: u.lastFaceAt?.toISOString() ?? null,
  }
}

export function createProfileService(
  users: UsersRepository,
  cipher: FieldCipher,
  audit: AuditService,
  stepUpSeconds: number,
  now: () => Date = () => new Date(),
): ProfileService {
  async function load(userId: string) {
    const user = await users.findById(userId)
    if (!user) throw new AppError('AUTH_TOKEN_INVALID', 'user gone')
    return user
  }
  async function realName(userId: string) {
    const user = await load(userId)
    if (!user.idNumberSealed) throw new AppError('REAL_NAME_REQUIRED')
    return user
  }
  return {
    async profile(userId) {
      return toProfile(await load(userId))
    },
    async subject(userId) {
      const user = await realName(userId)
      return { userId, idNumber: cipher.decrypt(user.idNumberSealed!) }
    },
    async maskedName(userId) {
      return (await realName(userId)).nameMasked ?? '*'
    },
    async fullName(userId) {
      return cipher.decrypt((await realName(userId)).nameSealed!)
    },
    async userIdByIdNumber(idNumber) {
      return (await users.findByIdNumberHash(cipher.lookupHash(idNumber)))?.id
    },
    async requireRecentFace(userId, ctx) {
      const user = await load(userId)
      const fresh = user.lastFaceAt && now().getTime() - user.lastFaceAt.getTime() <= stepUpSeconds * 1000
      if (user.level === 'real_name' && fresh) return
      const code = user.level === 'real_name' ? 'STEP_UP_REQUIRED' : 'REAL_NAME_REQUIRED'
      await audit.record({ userId, action: 'authz.denied', outcome: 'failure', reason: code }, ctx)
      throw new AppError(code)
    },
    async revealIdNumber(userId, ctx) {
      const user = await realName(userId)
      await audit.record({ userId, action: 'id_number.reveal', outcome: 'success' }, ctx)
      return cipher.decrypt(user.idNumberSealed!)
    },
  }
}
