// 粤康码 routes: show the code, declare, check in, appeal, transfer for Macau, family members, venue codes, and the
// entrance verification (public, rate-limited, colour and time only).
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, healthCodeContracts, negotiateLocale } from '@ysx/shared'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { HealthCode } from '.'
import { auditContext } from '../audit'
import { privateNoStore } from '../platform/fastify'
import { verifierLimit } from '../platform/plugins/verifier-limit'
import callbackRoutes from './callback-routes'

export default async function healthCodeRoutes(
  app: FastifyInstance,
  options: { healthCode: HealthCode; verifyRateLimitMax: number; verifierRateLimitMax?: number },
) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const opts = { ...options.healthCode, verifyRateLimitMax: options.verifyRateLimitMax }
  const c = healthCodeContracts
  const locale = (req: FastifyRequest) => negotiateLocale(req.headers['accept-language'])
  const holder = (req: { auth: { sub: string }; params: { holder: string } }) =>
    opts.holders.resolve(req.auth.sub, req.params.holder)
  const mine = { onRequest: app.authenticate }
  /** Routes that act with another person's data or sign a name: a fresh step-up in this session first */
  const freshStepUp = {
    onRequest: app.authenticate,
    preHandler: async (req: FastifyRequest) => opts.stepUp(req.auth, auditContext(req)),
  }

  // Every answer here is about one person: never kept by a cache (the entrance verification says no-store itself).
  app.addHook('onRequest', privateNoStore)

  /**
   * GET /v1/health-codes/:holder/code — the conditional display: 304 while the credential the phone holds
   * (If-None-Match) is current for this device, else the status and a credential bound to its key (ETag: its id).
   * For `self` the token is verified here and the session's liveness is read with the status in one statement; a
   * family member's display checks the session first, as every other route does.
   */
  r.route({
    ...fromContract(c.code),
    onRequest: app.authenticateToken,
    // The hot path, as the POST's: the reply is our own stored row, typed against the contract, not parsed again.
    serializerCompiler: () => (data) => JSON.stringify(data),
    // Bad input from an ended session is refused as the session (401), as on every route that checks it first.
    attachValidation: true,
    handler: async (req, reply) => {
      if (req.validationError) {
        await app.requireSession(req)
        throw req.validationError
      }
      const self = req.params.holder === 'self'
      if (!self) await app.requireSession(req)
      const { x, y } = req.query
      const shown = await opts.status.display(
        await holder(req),
        { kty: 'EC', crv: 'P-256', x, y },
        req.headers['if-none-match'],
        locale(req),
        { userId: req.auth.sub, ctx: auditContext(req) },
        self ? { sid: req.auth.sid } : undefined,
      )
      if (shown.kind === 'session-ended') return app.refuseEndedSession(req)
      reply.header('etag', `"${shown.credentialId}"`)
      // No body at all: send() with no payload (a null would be serialised, and announced in Content-Length).
      if (shown.kind === 'not-modified') return (reply.code(304) as FastifyReply).send()
      return shown.code
    },
  })

  /** POST /v1/health-codes/:holder/show — the status and a credential bound to this device's key (clients before the
   * conditional GET above; kept while they are in use) */
  r.route({
    ...fromContract(c.show),
    ...mine,
    // The hot path: the reply is built from our own stored row, typed against the contract at compile time, so it is
    // not parsed again by zod on the way out (the other routes are).
    serializerCompiler: () => (data) => JSON.stringify(data),
    handler: async (req) =>
      opts.status.show(await holder(req), req.body.deviceKey, locale(req), {
        userId: req.auth.sub,
        ctx: auditContext(req),
      }),
  })

  /** POST /v1/health-codes/:holder/declarations — a health or trip declaration, then the new status */
  r.route({
    ...fromContract(c.declare),
    ...mine,
    handler: async (req, reply) =>
      reply.code(201).send(await opts.activity.declare(await holder(req), req.body, locale(req))),
  })

  /** POST /v1/health-codes/:holder/check-ins — check in with a scanned venue code, then the new status */
  r.route({
    ...fromContract(c.checkIn),
    ...mine,
    handler: async (req, reply) =>
      reply.code(201).send(await opts.activity.checkIn(await holder(req), req.body.venueCode, locale(req))),
  })

  /** GET /v1/health-codes/:holder/check-ins — the last 14 days' check-ins */
  r.route({
    ...fromContract(c.checkIns),
    ...mine,
    handler: async (req) => ({ checkIns: await opts.activity.checkIns(await holder(req)) }),
  })

  /** POST /v1/health-codes/:holder/appeals — an appeal to 卫健 */
  r.route({
    ...fromContract(c.appeal),
    ...mine,
    handler: async (req, reply) => reply.code(201).send(await opts.appeals.file(await holder(req), req.body)),
  })

  /** GET /v1/health-codes/:holder/appeals — appeals and 卫健's decisions */
  r.route({
    ...fromContract(c.appeals),
    ...mine,
    handler: async (req) => ({ appeals: await opts.appeals.list(await holder(req)) }),
  })

  /** POST /v1/health-codes/:holder/transfers — the signed 粤澳 transfer payload */
  r.route({
    ...fromContract(c.transfer),
    ...freshStepUp,
    handler: async (req, reply) =>
      reply.code(201).send(await opts.transfers.transfer(await holder(req), locale(req), auditContext(req))),
  })

  /** POST /v1/health-codes/verify — entrance verification: colour and time only */
  r.route({
    ...fromContract(c.verify),
    config: { rateLimit: { max: opts.verifyRateLimitMax, timeWindow: 60_000 } },
    preHandler: verifierLimit(app, {
      max: options.verifierRateLimitMax ?? options.verifyRateLimitMax,
      windowMs: 60_000,
    }),
    handler: async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await opts.status.verify(req.body.code, auditContext(req))),
  })

  /** POST /v1/callbacks/weijian/test-results — 卫健's signed notice of a new test result (callback-routes.ts) */
  await app.register(callbackRoutes, { callbacks: opts.callbacks })

  /** POST /v1/venues — a venue code for a venue this citizen runs */
  r.route({
    ...fromContract(c.registerVenue),
    ...mine,
    handler: async (req, reply) => reply.code(201).send(await opts.activity.registerVenue(req.auth.sub, req.body)),
  })

  /** POST /v1/venues/preview — the venue a scanned code names, shown for the citizen to confirm; no check-in */
  r.route({
    ...fromContract(c.previewVenue),
    ...mine,
    handler: async (req) => opts.activity.previewVenue(req.body.venueCode),
  })

  /** GET /v1/venues — my venues and their codes */
  r.route({
    ...fromContract(c.venues),
    ...mine,
    handler: async (req) => ({ venues: await opts.activity.venues(req.auth.sub) }),
  })

  /** GET /v1/family — the family members I show codes for */
  r.route({
    ...fromContract(c.family),
    ...mine,
    handler: async (req) => ({ members: await opts.holders.members(req.auth.sub) }),
  })

  /** POST /v1/family — add a member, with their own consent (pending until they accept, or at once: face/household) */
  r.route({
    ...fromContract(c.addFamily),
    ...freshStepUp,
    handler: async (req, reply) =>
      reply.code(201).send(await opts.holders.add(req.auth.sub, req.body, auditContext(req))),
  })

  /** POST /v1/family/face-challenges — digits for the member to read aloud in the face check on this phone */
  r.route({
    ...fromContract(c.familyFaceChallenge),
    ...mine,
    handler: async (req, reply) =>
      reply.code(201).send(await opts.holders.faceChallenge(req.auth.sub, auditContext(req))),
  })

  /** GET /v1/family/requests — the member's side: who asked to show my code, and whom I allowed */
  r.route({
    ...fromContract(c.familyRequests),
    ...mine,
    handler: async (req) => ({ requests: await opts.holders.requests(req.auth.sub) }),
  })

  /** POST /v1/family/requests/:holder/accept — the member accepts */
  r.route({
    ...fromContract(c.acceptFamily),
    ...mine,
    handler: async (req) => opts.holders.accept(req.auth.sub, req.params.holder, auditContext(req)),
  })

  /** DELETE /v1/family/requests/:holder — the member declines, or withdraws a consent given */
  r.route({
    ...fromContract(c.withdrawFamily),
    ...mine,
    handler: async (req, reply) => {
      await opts.holders.withdraw(req.auth.sub, req.params.holder, auditContext(req))
      return reply.code(204).send(null)
    },
  })

  /** DELETE /v1/family/:holder — remove a member */
  r.route({
    ...fromContract(c.removeFamily),
    ...mine,
    handler: async (req, reply) => {
      await opts.holders.remove(req.auth.sub, req.params.holder, auditContext(req))
      return reply.code(204).send(null)
    },
  })
}
