// Load shedding: past the event-loop delay budget, new requests get 503 OVERLOADED + Retry-After instead of queueing.
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { envelope } from './error-handler'

async function pressure(app: FastifyInstance, opts: { maxEventLoopDelayMs: number }) {
  await app.register(underPressure, {
    maxEventLoopDelay: opts.maxEventLoopDelayMs,
    retryAfter: 5,
    exposeStatusRoute: false,
    pressureHandler: (req, reply) => {
      void reply.code(503).header('retry-after', '5').send(envelope(req, 'OVERLOADED'))
    },
  })
}

export default fp(pressure, { name: 'under-pressure' })
