// Dashboard route: the home page's sections, fetched in parallel within one budget.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { dashboardContracts, fromContract, negotiateLocale } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { DashboardService } from './dashboard-service'

export default async function dashboardRoutes(app: FastifyInstance, opts: { dashboard: DashboardService }) {
  /** GET /v1/dashboard — every section, or its error code, within the budget */
  app.withTypeProvider<ZodTypeProvider>().route({
    ...fromContract(dashboardContracts.show),
    onRequest: app.authenticate,
    handler: async (req, reply) => {
      reply.header('cache-control', 'private, no-store')
      return opts.dashboard.show(req.auth.sub, negotiateLocale(req.headers['accept-language']))
    },
  })
}
