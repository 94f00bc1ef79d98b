// Auth routes: login with a WeChat code, refresh, logout, the masked profile and the step-up ID-number reveal.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { authContracts, fromContract } from '@ysx/shared'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AuthService } from './auth-service'
import { type ProfileService, toProfile } from './profile-service'

export interface AuthRoutesOptions {
  auth: AuthService
  profiles: ProfileService
  loginRateLimitMax: number
  wechat: { appId: string; authorizeUrl: string }
}

export const auditContext = (req: FastifyRequest) => ({ requestId: req.id, ip: req.ip })

export default async function authRoutes(app: FastifyInstance, opts: AuthRoutesOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  // Per client address, so nobody can lock another person out by failing logins in their name.
  const loginLimit = { rateLimit: { max: opts.loginRateLimitMax, timeWindow: 60_000 } }

  /** GET /v1/auth/config — where the H5 build sends a citizen to authorize with WeChat */
  r.route({ ...fromContract(authContracts.config), handler: async () => opts.wechat })

  /** POST /v1/auth/login — WeChat code → tokens + profile */
  r.route({
    ...fromContract(authContracts.login),
    config: loginLimit,
    handler: async (req) => {
      const { tokens, user } = await opts.auth.login(req.body.code, auditContext(req))
      return { ...tokens, profile: toProfile(user) }
    },
  })

  /** POST /v1/auth/refresh — rotate the refresh token */
  r.route({
    ...fromContract(authContracts.refresh),
    config: loginLimit,
    handler: async (req) => opts.auth.refresh(req.body.refreshToken, auditContext(req)),
  })

  /** POST /v1/auth/logout — end this session */
  r.route({
    ...fromContract(authContracts.logout),
    onRequest: app.authenticate,
    handler: async (req, reply) => {
      await opts.auth.logout(req.auth, auditContext(req))
      return reply.code(204).send(null)
    },
  })

  /** GET /v1/me — the masked profile */
  r.route({
    ...fromContract(authContracts.me),
    onRequest: app.authenticate,
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return opts.profiles.profile(req.auth.sub)
    },
  })

  /** POST /v1/me/id-number/reveal — the full ID number after a recent face verification; audited */
  r.route({
    ...fromContract(authContracts.revealIdNumber),
    onRequest: app.authenticate,
    preHandler: async (req) => opts.profiles.requireRecentFace(req.auth.sub, auditContext(req)),
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return { idNumber: await opts.profiles.revealIdNumber(req.auth.sub, auditContext(req)) }
    },
  })
}
