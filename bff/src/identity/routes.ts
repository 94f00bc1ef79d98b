// Identity routes: login with a WeChat code, refresh, logout, the masked profile, the step-up ID-number reveal, and
// face verification (a digit challenge, then the sample for the 公安 check).
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { authContracts, faceContracts, fromContract } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { Identity } from '.'
import { auditContext } from '../audit'
import { toProfile } from './profile-service'

export interface IdentityRoutesOptions {
  identity: Identity
  loginRateLimitMax: number
  wechat: { appId: string; authorizeUrl: string }
}

export default async function identityRoutes(app: FastifyInstance, opts: IdentityRoutesOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { auth, face, profiles } = opts.identity
  // Per client address, so nobody can lock another person out by failing logins in their name.
  const loginLimit = { rateLimit: { max: opts.loginRateLimitMax, timeWindow: 60_000 } }

  /** GET /v1/auth/config — where the H5 build sends a citizen to authorize with WeChat */
  r.route({ ...fromContract(authContracts.config), handler: async () => opts.wechat })

  /** POST /v1/auth/login — WeChat code → tokens + profile */
  r.route({
    ...fromContract(authContracts.login),
    config: loginLimit,
    handler: async (req) => {
      const { tokens, user } = await auth.login(req.body.code, auditContext(req))
      return { ...tokens, profile: toProfile(user) }
    },
  })

  /** POST /v1/auth/refresh — rotate the refresh token */
  r.route({
    ...fromContract(authContracts.refresh),
    config: loginLimit,
    handler: async (req) => auth.refresh(req.body.refreshToken, auditContext(req)),
  })

  /** POST /v1/auth/logout — end this session */
  r.route({
    ...fromContract(authContracts.logout),
    onRequest: app.authenticate,
    handler: async (req, reply) => {
      await auth.logout(req.auth, auditContext(req))
      return reply.code(204).send(null)
    },
  })

  /** GET /v1/me — the masked profile */
  r.route({
    ...fromContract(authContracts.me),
    onRequest: app.authenticate,
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return profiles.profile(req.auth.sub, req.auth.sid)
    },
  })

  /** POST /v1/me/id-number/reveal — the full ID number after a recent face verification; audited */
  r.route({
    ...fromContract(authContracts.revealIdNumber),
    onRequest: app.authenticate,
    preHandler: async (req) => profiles.requireRecentFace(req.auth.sub, auditContext(req)),
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return { idNumber: await profiles.revealIdNumber(req.auth.sub, auditContext(req)) }
    },
  })

  /** POST /v1/face/challenges — digits to read aloud, valid 2 minutes, single use */
  r.route({
    ...fromContract(faceContracts.start),
    onRequest: app.authenticate,
    handler: async (req, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await face.start(req.auth.sub, auditContext(req))),
  })

  /** POST /v1/face/verifications — the sample (with name and ID number to bind); success is this session's step-up */
  r.route({
    ...fromContract(faceContracts.verify),
    onRequest: app.authenticate,
    handler: async (req) => {
      await face.verify(req.auth, req.body, auditContext(req))
      return profiles.profile(req.auth.sub, req.auth.sid)
    },
  })
}
