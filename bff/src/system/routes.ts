// System routes: liveness and readiness probes.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, systemContracts } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'

/** under-pressure's per-route handler: returning without a reply lets the request through. */
const liveUnderPressure = () => undefined

export default async function systemRoutes(
  app: FastifyInstance,
  opts: {
    ping: () => Promise<boolean>
    /** The shared Redis answers (REDIS_URL set): without it a replica counts limits alone, so it is not ready */
    pingRedis?: () => Promise<boolean>
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  // Draining (SIGTERM, server.ts): Fastify's return503OnClosing already answers a probe that arrives on a kept-alive
  // connection; this flag covers a probe routed just before the close began, whose checks finish after it.
  let draining = false
  app.addHook('preClose', async () => {
    draining = true
  })

  /** GET /healthz — the process is alive: answered under load too (a busy process is not a dead one) */
  r.route({
    ...fromContract(systemContracts.health),
    config: { rateLimit: false, pressureHandler: liveUnderPressure },
    handler: async () => ({ status: 'ok' as const, uptimeSeconds: process.uptime() }),
  })

  /** GET /readyz — the database answers, and the shared Redis when there is one; 503 otherwise, and while draining */
  r.route({
    ...fromContract(systemContracts.ready),
    config: { rateLimit: false },
    handler: async (_req, reply) => {
      const [database, redis] = await Promise.all([opts.ping(), opts.pingRedis?.()])
      const checks: Record<string, 'ok' | 'failing'> = { database: database ? 'ok' : 'failing' }
      if (redis !== undefined) checks.redis = redis ? 'ok' : 'failing'
      if (draining) checks.draining = 'failing'
      const ready = Object.values(checks).every((c) => c === 'ok')
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks })
    },
  })
}
