// The limit per verifier on the public verification routes, beside the limit per client address every route has.
// A verifier is the signed-in account a reader app scans with (its access token, when one is sent and valid); an
// anonymous scan counts against its address only. A self-declared verifier header is not used: anyone could claim
// another verifier's id and spend its allowance, or rotate ids to escape the limit, so it identifies nobody.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../app-error'

export function verifierLimit(app: FastifyInstance, opts: { max: number; windowMs: number }) {
  const limit = app.createRateLimit({
    max: opts.max,
    timeWindow: opts.windowMs,
    keyGenerator: (req) => `verifier:${req.auth.sub}`,
  })
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.headers.authorization) return
    try {
      await app.authenticate(req, reply)
    } catch {
      // A stale or broken token on a public route: the scan is anonymous, limited by its address alone.
      return
    }
    const r = await limit(req)
    if (!r.isAllowed && r.isExceeded) {
      reply.header('retry-after', String(r.ttlInSeconds))
      throw new AppError('RATE_LIMITED', 'verifier limit')
    }
  }
}
