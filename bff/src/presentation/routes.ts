// Presentation routes: issue a device-bound credential for 亮证, verify a presentation online, and the card's log.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, presentationContracts } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { PresentationService } from './presentation-service'
import { auditContext } from '../audit'
import { verifierLimit } from '../platform/plugins/verifier-limit'

export default async function presentationRoutes(
  app: FastifyInstance,
  opts: { presentations: PresentationService; verifyRateLimitMax: number; verifierRateLimitMax?: number },
) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const c = presentationContracts

  /** POST /v1/wallet/:id/credentials — a credential for one profile, bound to this device's key (step-up) */
  r.route({
    ...fromContract(c.issue),
    onRequest: app.authenticate,
    handler: async (req, reply) => {
      const issued = await opts.presentations.issue(
        req.auth.sub,
        req.params.id,
        req.body.profile,
        req.body.deviceKey,
        auditContext(req),
      )
      return reply.code(201).header('cache-control', 'no-store').send(issued)
    },
  })

  /** POST /v1/verify — online verification: signatures, freshness, current status, one use */
  r.route({
    ...fromContract(c.verify),
    config: { rateLimit: { max: opts.verifyRateLimitMax, timeWindow: 60_000 } },
    preHandler: verifierLimit(app, { max: opts.verifierRateLimitMax ?? opts.verifyRateLimitMax, windowMs: 60_000 }),
    handler: async (req, reply) => (
      reply.header('cache-control', 'no-store'),
      opts.presentations.verifyOnline(req.body.presentation, auditContext(req))
    ),
  })

  /** GET /v1/wallet/:id/presentations — every verification of this card */
  r.route({
    ...fromContract(c.log),
    onRequest: app.authenticate,
    handler: async (req, reply) => (
      reply.header('cache-control', 'private, no-store'),
      { entries: await opts.presentations.log(req.auth.sub, req.params.id) }
    ),
  })
}
