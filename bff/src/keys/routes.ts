// Key routes: the JWKS that lets anyone verify what the BFF signs, offline once cached.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, keysContracts } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { KeyService } from './key-service'

export default async function keyRoutes(app: FastifyInstance, opts: { keys: KeyService }) {
  /** GET /.well-known/jwks.json — current and overlapping public keys */
  app.withTypeProvider<ZodTypeProvider>().route({
    ...fromContract(keysContracts.jwks),
    config: { rateLimit: false },
    handler: async (_req, reply) => {
      // Verifiers cache it; five minutes keeps a rotation visible well within any overlap.
      reply.header('cache-control', 'public, max-age=300')
      return opts.keys.jwks()
    },
  })
}
