// Aggregation routes: the home dashboard (every section within one budget) and the citizen's own 医保, 社保缴费,
// 养老金, 公积金 and 交通违法 records. Handlers are thin: contract → service, never cached by a proxy.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { dashboardContracts, fromContract, negotiateLocale, queryContracts } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { Aggregation } from '.'
import { privateNoStore } from '../platform/fastify'

export default async function aggregationRoutes(app: FastifyInstance, opts: { aggregation: Aggregation }) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const q = queryContracts
  const { dashboard, data } = opts.aggregation
  const mine = { onRequest: app.authenticate }
  app.addHook('onRequest', privateNoStore)

  /** GET /v1/dashboard — every section, or its error code, within the budget */
  r.route({
    ...fromContract(dashboardContracts.show),
    ...mine,
    handler: async (req) => dashboard.show(req.auth.sub, negotiateLocale(req.headers['accept-language'])),
  })
  /** GET /v1/medical-insurance — balance and 12 months of settlements */
  r.route({ ...fromContract(q.medicalInsurance), ...mine, handler: async (req) => data.medicalInsurance(req.auth.sub) })
  /** GET /v1/social-security/contributions — 24 months of contributions */
  r.route({ ...fromContract(q.contributions), ...mine, handler: async (req) => data.contributions(req.auth.sub) })
  /** GET /v1/social-security/pension — pension eligibility and payments */
  r.route({ ...fromContract(q.pension), ...mine, handler: async (req) => data.pension(req.auth.sub) })
  /** GET /v1/housing-fund — balance and 12 months of statement */
  r.route({ ...fromContract(q.housingFund), ...mine, handler: async (req) => data.housingFund(req.auth.sub) })
  /** GET /v1/traffic/violations — two years of violations and unpaid fines */
  r.route({ ...fromContract(q.violations), ...mine, handler: async (req) => data.violations(req.auth.sub) })
}
