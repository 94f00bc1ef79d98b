// Wallet routes (卡包): the list, one card's detail, and the audited full view after a step-up.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, walletContracts } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { WalletService } from './wallet-service'
import { auditContext } from '../audit'
import { privateNoStore } from '../platform/fastify'

export default async function walletRoutes(app: FastifyInstance, opts: { wallet: WalletService }) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const w = walletContracts
  app.addHook('onRequest', privateNoStore)

  /** GET /v1/wallet — my certificates, masked */
  r.route({
    ...fromContract(w.list),
    onRequest: app.authenticate,
    handler: async (req) => opts.wallet.list(req.auth.sub),
  })
  /** GET /v1/wallet/:id — one certificate, masked; another citizen's id is 404 like a missing one */
  r.route({
    ...fromContract(w.show),
    onRequest: app.authenticate,
    handler: async (req) => opts.wallet.show(req.auth.sub, req.params.id),
  })
  /** POST /v1/wallet/:id/reveal — the full certificate after a recent face verification; audited */
  r.route({
    ...fromContract(w.reveal),
    onRequest: app.authenticate,
    // The full card: not even the citizen's own browser keeps it.
    handler: async (req, reply) => (
      reply.header('cache-control', 'no-store'),
      opts.wallet.reveal(req.auth.sub, req.params.id, auditContext(req))
    ),
  })
}
