// Feedback routes: 意见反馈 submission and receipt lookup.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { feedbackContracts, fromContract } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { FeedbackService } from './feedback-service'

export default async function feedbackRoutes(app: FastifyInstance, opts: { feedback: FeedbackService }) {
  const r = app.withTypeProvider<ZodTypeProvider>()

  /** POST /v1/feedback — file feedback, answer with its receipt (signed in: filed under the citizen's account) */
  r.route({
    ...fromContract(feedbackContracts.create),
    onRequest: async (req, reply) => {
      if (req.headers.authorization) await app.authenticate(req, reply)
    },
    handler: async (req, reply) =>
      reply.code(201).send(await opts.feedback.submit(req.body, req.headers.authorization ? req.auth.sub : undefined)),
  })

  /** GET /v1/feedback/:id — a receipt's status */
  r.route({
    ...fromContract(feedbackContracts.show),
    handler: async (req) => opts.feedback.receipt(req.params.id),
  })
}
