// Data-use route: 我的数据使用记录, who looked at my data, when and why.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, queryContracts } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import { privateNoStore } from '../platform/fastify'
import type { DataUseService } from './data-use-service'

export default async function dataUseRoutes(app: FastifyInstance, opts: { dataUse: DataUseService }) {
  app.addHook('onRequest', privateNoStore)

  /** GET /v1/me/data-access — the department calls made for me, newest first, paged with `before` */
  app.withTypeProvider<ZodTypeProvider>().route({
    ...fromContract(queryContracts.dataAccess),
    onRequest: app.authenticate,
    handler: async (req) => opts.dataUse.list(req.auth.sub, req.query.limit, req.query.before),
  })
}
