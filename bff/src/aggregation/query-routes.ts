// Query routes: the citizen's own 医保, 社保缴费, 养老金, 公积金 and 交通违法 records, and 我的数据使用记录.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, queryContracts } from '@ysx/shared'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { CitizenDataService } from './citizen-data-service'

const private_ = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store')

export default async function queryRoutes(app: FastifyInstance, opts: { data: CitizenDataService }) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const q = queryContracts
  const d = opts.data

  /** GET /v1/medical-insurance — balance and 12 months of settlements */
  r.route({
    ...fromContract(q.medicalInsurance),
    onRequest: app.authenticate,
    handler: async (req, reply) => (private_(reply), d.medicalInsurance(req.auth.sub)),
  })
  /** GET /v1/social-security/contributions — 24 months of contributions */
  r.route({
    ...fromContract(q.contributions),
    onRequest: app.authenticate,
    handler: async (req, reply) => (private_(reply), d.contributions(req.auth.sub)),
  })
  /** GET /v1/social-security/pension — pension eligibility and payments */
  r.route({
    ...fromContract(q.pension),
    onRequest: app.authenticate,
    handler: async (req, reply) => (private_(reply), d.pension(req.auth.sub)),
  })
  /** GET /v1/housing-fund — balance and 12 months of statement */
  r.route({
    ...fromContract(q.housingFund),
    onRequest: app.authenticate,
    handler: async (req, reply) => (private_(reply), d.housingFund(req.auth.sub)),
  })
  /** GET /v1/traffic/violations — two years of violations and unpaid fines */
  r.route({
    ...fromContract(q.violations),
    onRequest: app.authenticate,
    handler: async (req, reply) => (private_(reply), d.violations(req.auth.sub)),
  })
  /** GET /v1/me/data-access — who looked at my data, when and why */
  r.route({
    ...fromContract(q.dataAccess),
    onRequest: app.authenticate,
    handler: async (req, reply) => (private_(reply), d.dataAccess(req.auth.sub, req.query.limit, req.query.before)),
  })
}
