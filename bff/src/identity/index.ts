// Identity: WeChat login, sessions with rotating refresh tokens, face verification (real name and step-up), the
// masked profile, and the access tokens every other route is guarded by. Public entry: what app.ts and other
// capabilities may use.
import type { AuditService } from '../audit'
import type { DataUseService } from '../data-use'
import type { Config } from '../platform/config'
import type { GonganClient, WechatClient } from '../platform/departments'
import type { FieldCipher } from '../platform/field-cipher'
import { type AccessClaims, type AuthService, createAuthService } from './auth-service'
import type { FaceChallengesRepository } from './face-repository'
import { createFaceService, type FaceService } from './face-service'
import { createIdentityPersonalData, type IdentityPersonalData } from './personal-data'
import { createProfileService, type ProfileService } from './profile-service'
import type { SessionsRepository } from './sessions-repository'
import type { UsersRepository } from './users-repository'

export interface Identity {
  auth: AuthService
  face: FaceService
  profiles: ProfileService
  /** PIPL: the account's copy, its deletion (注销), and the retention purge of sessions and challenges */
  personalData: IdentityPersonalData
}

/** The 公安 face check's thresholds and the challenge's lifetime. */
const FACE = { challengeTtlSeconds: 120, minSimilarity: 0.8, minLiveness: 0.7 }

export function createIdentity(d: {
  repos: { users: UsersRepository; sessions: SessionsRepository; faceChallenges: FaceChallengesRepository }
  departments: { login: WechatClient; faceCheck: GonganClient }
  cipher: FieldCipher
  audit: AuditService
  dataUse: DataUseService
  settings: Config['auth']
  /** Stand-in mode (config.faceStandIn): labelled stand-in face samples are accepted */
  faceStandIn: boolean
  /** Signs an access token; the access-token plugin's, called only once the app is ready */
  signAccess: (claims: AccessClaims & { jti: string }) => string
  now: () => Date
}): Identity {
  const { repos, cipher, audit, now } = d
  const profiles = createProfileService(repos.users, repos.sessions, cipher, audit, d.settings.stepUpSeconds, now)
  const face = createFaceService({
    users: repos.users,
    sessions: repos.sessions,
    challenges: repos.faceChallenges,
    gongan: d.departments.faceCheck,
    dataUse: d.dataUse,
    cipher,
    audit,
    settings: { failuresPerDay: d.settings.faceFailuresPerDay, ...FACE, acceptStandInSamples: d.faceStandIn },
    now,
  })
  const auth = createAuthService({
    users: repos.users,
    sessions: repos.sessions,
    wechat: d.departments.login,
    cipher,
    audit,
    signAccess: d.signAccess,
    settings: d.settings,
    now,
  })
  const personalData = createIdentityPersonalData({ ...repos, cipher })
  return { auth, face, profiles, personalData }
}

export { default as accessTokens } from './access-tokens'
export type { AccessClaims, AuthService } from './auth-service'
export type { FaceService } from './face-service'
export type { AccountCopy, IdentityPersonalData } from './personal-data'
export type { ProfileService } from './profile-service'
export { default } from './routes'
