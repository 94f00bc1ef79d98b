// Profile service: the signed-in citizen's masked profile, and the audited, step-up-guarded ID-number reveal.
import { maskAs, type Profile } from '@ysx/shared'
import type { SessionsRepository } from './sessions-repository'
import type { UserRow, UsersRepository } from './users-repository'
import { AppError } from '../platform/app-error'
import type { FieldCipher } from '../platform/field-cipher'
import type { AuditContext, AuditService } from '../audit'
import type { Subject } from '../data-use'

export interface ProfileService {
  /** The masked profile; `sessionId`: whose step-up time it shows (none: null) */
  profile(userId: string, sessionId?: string): Promise<Profile>
  /** The citizen behind a real-name account (ID number decrypted for department lookups), else 403. */
  subject(userId: string): Promise<Subject>
  /**
   * Step-up: a real-name user who passed a face verification at most `stepUpSeconds` ago IN THE SESSION this request
   * came in on (`ctx.sessionId`, set by auditContext from the access token), else 403. Another session of the same
   * user, a stolen one included, does not inherit it; no session in `ctx` is never fresh.
   */
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

/** `stepUpAt`: the face verification passed in the session asking (a new login has none). */
export function toProfile(u: UserRow, stepUpAt: Date | null = null): Profile {
  return {
    userId: u.id,
    level: u.level,
    // Masked again by today's policy: a copy stored under an older, looser rule shows no more than the wallet does.
    name: u.nameMasked && maskAs('name', u.nameMasked),
    idNumber: u.idNumberMasked && maskAs('idNumber', u.idNumberMasked),
    phone: u.phoneMasked && maskAs('phone', u.phoneMasked),
    realNameAt: u.realNameAt?.toISOString() ?? null,
    lastFaceVerifiedAt: stepUpAt?.toISOString() ?? null,
  }
}

export function createProfileService(
  users: UsersRepository,
  sessions: SessionsRepository,
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
  /** The session's step-up time, if the session is live and the user's. */
  async function stepUpOf(userId: string, sessionId: string | undefined) {
    const session = sessionId ? await sessions.findActive(sessionId, now()) : undefined
    return session?.userId === userId ? session.stepUpAt : null
  }
  return {
    async profile(userId, sessionId) {
      return toProfile(await load(userId), await stepUpOf(userId, sessionId))
    },
    async subject(userId) {
      const user = await realName(userId)
      return {
        userId,
        idNumber: cipher.decrypt(user.idNumberSealed!, { table: 'users', column: 'id_number_sealed', row: user.id }),
      }
    },
    async maskedName(userId) {
      return (await realName(userId)).nameMasked ?? '*'
    },
    async fullName(userId) {
      const user = await realName(userId)
      return cipher.decrypt(user.nameSealed!, { table: 'users', column: 'name_sealed', row: user.id })
    },
    async userIdByIdNumber(idNumber) {
      return (await users.findByIdNumberHash(cipher.lookupHash(idNumber)))?.id
    },
    async requireRecentFace(userId, ctx) {
      const user = await load(userId)
      const stepUpAt = user.level === 'real_name' ? await stepUpOf(userId, ctx.sessionId) : null
      if (stepUpAt && now().getTime() - stepUpAt.getTime() <= stepUpSeconds * 1000) return
      const code = user.level === 'real_name' ? 'STEP_UP_REQUIRED' : 'REAL_NAME_REQUIRED'
      await audit.record({ userId, action: 'authz.denied', outcome: 'failure', reason: code }, ctx)
      throw new AppError(code)
    },
    async revealIdNumber(userId, ctx) {
      const user = await realName(userId)
      await audit.record({ userId, action: 'id_number.reveal', outcome: 'success' }, ctx)
      return cipher.decrypt(user.idNumberSealed!, { table: 'users', column: 'id_number_sealed', row: user.id })
    },
  }
}
