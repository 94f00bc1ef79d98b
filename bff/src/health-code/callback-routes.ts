// The departments' callbacks to the 粤康码 capability (today: 卫健's new test results). Its own encapsulated plugin:
// the JSON body is kept raw as well as parsed here, because the signature covers its digest byte for byte.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, healthCodeContracts } from '@ysx/shared'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { auditContext } from '../audit'
import type { CallbackService } from './callbacks-service'

export default async function callbackRoutes(app: FastifyInstance, opts: { callbacks: CallbackService }) {
  const raw = new WeakMap<FastifyRequest, string>()
  // Fastify's own JSON parser (secure-json-parse): a __proto__ or constructor.prototype key is refused, as everywhere.
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    raw.set(req, body as string)
    parseJson(req, body as string, done)
  })

  /** POST /v1/callbacks/weijian/test-results — 卫健: a new test result (signed; deduplicated; the code turns stale) */
  app.withTypeProvider<ZodTypeProvider>().route({
    ...fromContract(healthCodeContracts.testResultNotice),
    handler: async (req) => {
      const signed = { method: req.method, url: req.url, headers: req.headers, rawBody: raw.get(req) ?? '' }
      return { status: await opts.callbacks.testResult(signed, req.body, auditContext(req)) }
    },
  })
}
