// 服务大厅 routes: search, hot services, the guide (办事指南), and a signed-in citizen's recent and favourite services.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, hallContracts } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { HallService } from './hall-service'
import { privateNoStore } from '../platform/fastify'

export default async function hallRoutes(app: FastifyInstance, opts: { hall: HallService }) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const h = hallContracts

  /** GET /v1/services — search the catalogue in one city */
  r.route({
    ...fromContract(h.search),
    handler: async (req) => {
      const { page, ...filter } = req.query
      return opts.hall.search(filter, page)
    },
  })
  /** GET /v1/services/hot — the city's most used services */
  r.route({ ...fromContract(h.hot), handler: async (req) => opts.hall.hot(req.query.city) })
  /** GET /v1/services/:code — the guide; signed in, it is recorded as the citizen's most recent */
  r.route({
    ...fromContract(h.guide),
    onRequest: async (req, reply) => {
      if (!req.headers.authorization) return
      // The answer then says whether the citizen marked it: theirs alone.
      reply.header('cache-control', 'private, no-store')
      await app.authenticate(req, reply)
    },
    handler: async (req) => opts.hall.guide(req.params.code, req.headers.authorization ? req.auth.sub : undefined),
  })

  /** GET /v1/me/services/recent */
  r.route({
    ...fromContract(h.recent),
    onRequest: [privateNoStore, app.authenticate],
    handler: async (req) => opts.hall.recent(req.auth.sub),
  })
  /** GET /v1/me/services/favourites */
  r.route({
    ...fromContract(h.favourites),
    onRequest: [privateNoStore, app.authenticate],
    handler: async (req) => opts.hall.favourites(req.auth.sub),
  })
  /** PUT /v1/me/services/favourites/:code */
  r.route({
    ...fromContract(h.addFavourite),
    onRequest: [privateNoStore, app.authenticate],
    handler: async (req, reply) => {
      await opts.hall.addFavourite(req.auth.sub, req.params.code)
      return reply.code(204).send(null)
    },
  })
  /** DELETE /v1/me/services/favourites/:code */
  r.route({
    ...fromContract(h.removeFavourite),
    onRequest: [privateNoStore, app.authenticate],
    handler: async (req, reply) => {
      await opts.hall.removeFavourite(req.auth.sub, req.params.code)
      return reply.code(204).send(null)
    },
  })
}
