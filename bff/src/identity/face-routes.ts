// Face-verification routes: start a digit challenge, then submit the sample for the 公安 check.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { faceContracts, fromContract } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { FaceService } from './face-service'
import type { ProfileService } from './profile-service'
import { auditContext } from './auth-routes'

export default async function faceRoutes(app: FastifyInstance, opts: { face: FaceService; profiles: ProfileService }) {
  const r = app.withTypeProvider<ZodTypeProvider>()

  /** POST /v1/face/challenges — digits to read aloud, valid 2 minutes, single use */
  r.route({
    ...fromContract(faceContracts.start),
    onRequest: app.authenticate,
    handler: async (req, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await opts.face.start(req.auth.sub, auditContext(req))),
  })

  /** POST /v1/face/verifications — the sample with name and ID number; success binds the real name */
  r.route({
    ...fromContract(faceContracts.verify),
    onRequest: app.authenticate,
    handler: async (req) => {
      await opts.face.verify(req.auth.sub, req.body, auditContext(req))
      return opts.profiles.profile(req.auth.sub)
    },
  })
}
