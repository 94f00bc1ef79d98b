// Privacy routes: 下载我的数据 (PIPL Art. 45) and 注销账号 (Art. 47), each for the signed-in citizen only.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, privacyContracts } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import { auditContext } from '../audit'
import { privateNoStore } from '../platform/fastify'
import type { PrivacyService } from './privacy-service'

export default async function privacyRoutes(app: FastifyInstance, opts: { privacy: PrivacyService }) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  app.addHook('onRequest', privateNoStore)

  /** POST /v1/me/personal-data/export — everything held about me, as JSON (fresh step-up; audited) */
  r.route({
    ...fromContract(privacyContracts.exportData),
    onRequest: app.authenticate,
    handler: async (req, reply) => {
      reply.header('content-disposition', 'attachment; filename="ysx-personal-data.json"')
      return opts.privacy.exportData(req.auth, auditContext(req))
    },
  })

  /** POST /v1/me/close-account — 注销: personal data deleted or anonymised, sessions ended (fresh step-up; audited) */
  r.route({
    ...fromContract(privacyContracts.closeAccount),
    onRequest: app.authenticate,
    handler: async (req) => opts.privacy.closeAccount(req.auth, auditContext(req)),
  })
}
