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
    // Sent as text: the route's own 503 schema (the readiness probe's) would turn the envelope into a 500 INTERNAL.
    pressureHandler: (req, reply) => {
      void reply
        .code(503)
        .header('retry-after', '5')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(envelope(req, 'OVERLOADED')))
    },
  })
}

export default fp(pressure, { name: 'under-pressure' })
