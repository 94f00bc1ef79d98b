// Rate limiting per client address (the proxy-aware request.ip), answered with 429 + Retry-After.
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../app-error'

async function limiter(app: FastifyInstance, opts: { max: number; windowMs: number }) {
  // In-process store: the distributed path swaps in Redis here (DESIGN.md, decision 3).
  await app.register(rateLimit, {
    global: true,
    max: opts.max,
    timeWindow: opts.windowMs,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  })
}

export default fp(limiter, { name: 'rate-limit' })
