// Auth service: WeChat login, refresh-token rotation with reuse detection, logout, and access-token sessions.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Tokens } from '@ysx/shared'
import type { SessionsRepository } from './sessions-repository'
import type { UserRow, UsersRepository } from './users-repository'
import type { WechatClient } from '../platform/departments'
import { AppError } from '../platform/app-error'
import type { FieldCipher } from '../platform/field-cipher'
import type { AuditContext, AuditService } from '../audit'

export interface AccessClaims {
  sub: string
  sid: string
}

export interface AuthSettings {
  accessTtlSeconds: number
  refreshIdleSeconds: number
  sessionAbsoluteSeconds: number
}

export interface AuthDeps {
  users: UsersRepository
  sessions: SessionsRepository
  wechat: WechatClient
  cipher: FieldCipher
  audit: AuditService
  /** Signs an access token (HS256 JWT with iss/aud/typ/kid/exp set by the signer). */
  signAccess: (claims: AccessClaims & { jti: string }) => string
  settings: AuthSettings
  now?: () => Date
}

export interface AuthService {
  login(code: string, ctx: AuditContext): Promise<{ tokens: Tokens; user: UserRow }>
  refresh(refreshToken: string, ctx: AuditContext): Promise<Tokens>
  logout(claims: AccessClaims, ctx: AuditContext): Promise<void>
  /** The live session behind verified access-token claims, or AUTH_TOKEN_INVALID. */
  checkSession(claims: AccessClaims): Promise<void>
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export function createAuthService(d: AuthDeps): AuthService {
  const now = d.now ?? (() => new Date())
  const s = d.settings
  const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000)

  function newRefresh(at: Date) {
    const token = randomBytes(32).toString('base64url')
    return { token, row: { tokenHash: hashToken(token), issuedAt: at, idleExpiresAt: later(at, s.refreshIdleSeconds) } }
  }

  function tokens(userId: string, sessionId: string, refreshToken: string): Tokens {
    return {
      accessToken: d.signAccess({ sub: userId, sid: sessionId, jti: randomUUID() }),
      accessExpiresIn: s.accessTtlSeconds,
      refreshToken,
      refreshExpiresIn: s.refreshIdleSeconds,
    }
  }

  return {
    async login(code, ctx) {
      let session
      try {
        session = await d.wechat.code2session(code)
      } catch (err) {
        if (err instanceof AppError && err.code === 'AUTH_CODE_INVALID') {
          await d.audit.record({ userId: null, action: 'login', outcome: 'failure', reason: 'code_invalid' }, ctx)
        }
        throw err
      }
      const at = now()
      // Bound to the account's openid (unique, never changes): the row's id is not known yet for a new account.
      const sealedKey = d.cipher.encrypt(session.sessionKey, {
        table: 'users',
        column: 'session_key_sealed',
        row: session.openid,
      })
      let user = await d.users.findByOpenid(session.openid)
      if (user) await d.users.setSessionKey(user.id, sealedKey)
      else
        user = await d.users.create({
          id: randomUUID(),
          openid: session.openid,
          sessionKeySealed: sealedKey,
          createdAt: at,
        })
      const sessionId = randomUUID()
      const first = newRefresh(at)
      await d.sessions.create(
        { id: sessionId, userId: user.id, createdAt: at, absoluteExpiresAt: later(at, s.sessionAbsoluteSeconds) },
        first.row,
      )
      await d.audit.record({ userId: user.id, action: 'login', outcome: 'success' }, ctx)
      return { tokens: tokens(user.id, sessionId, first.token), user }
    },

    async refresh(refreshToken, ctx) {
      const at = now()
      const next = newRefresh(at)
      const result = await d.sessions.rotate(hashToken(refreshToken), at, next.row)
      switch (result.kind) {
        case 'rotated':
          return tokens(result.session.userId, result.session.id, next.token)
        case 'reused':
          await d.audit.record(
            { userId: result.session.userId, action: 'refresh.reuse', outcome: 'failure', reason: 'family_revoked' },
            ctx,
          )
          throw new AppError('AUTH_REFRESH_REUSED', `refresh token reused; session ${result.session.id} revoked`)
        default:
          // Unknown, expired or of an ended session: one record, naming the account when the token was one of its.
          await d.audit.record(
            {
              userId: result.kind === 'unknown' ? null : result.session.userId,
              action: 'refresh',
              outcome: 'failure',
              reason: result.kind,
            },
            ctx,
          )
          throw new AppError('AUTH_REFRESH_INVALID', `refresh token ${result.kind}`)
      }
    },

    async logout(claims, ctx) {
      await d.sessions.revoke(claims.sid, 'logout', now())
      await d.audit.record({ userId: claims.sub, action: 'logout', outcome: 'success' }, ctx)
    },

    async checkSession(claims) {
      const session = await d.sessions.findActive(claims.sid, now())
      if (!session || session.userId !== claims.sub) throw new AppError('AUTH_TOKEN_INVALID', 'session ended')
    },
  }
}
