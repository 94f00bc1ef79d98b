// One error handler and one 404 handler: every failure leaves as the shared envelope; 5xx never leak internals.
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from '@fastify/type-provider-zod'
import {
  ERROR_STATUS,
  type ErrorCode,
  type ErrorEnvelope,
  type ErrorIssue,
  errorMessage,
  isErrorCode,
  negotiateLocale,
} from '@ysx/shared'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../app-error'

const CONTEXT_NAMES: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'params',
  headers: 'headers',
}

/** Fastify's own error codes mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
}

export function envelope(req: FastifyRequest, code: ErrorCode, details?: ErrorIssue[]): ErrorEnvelope {
  const body: ErrorEnvelope = {
    code,
    message: errorMessage(code, negotiateLocale(req.headers['accept-language'])),
    requestId: req.id,
  }
  if (details && details.length > 0) body.details = details
  return body
}

function classify(err: FastifyError): { code: ErrorCode; details?: ErrorIssue[] } {
  if (err instanceof AppError) return { code: err.code, ...(err.details ? { details: err.details } : {}) }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = CONTEXT_NAMES[err.validationContext ?? 'body'] ?? 'body'
    const details = err.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? '',
    }))
    return { code: 'VALIDATION_FAILED', details }
  }
  if (isResponseSerializationError(err)) return { code: 'INTERNAL' }
  if (err.code && FASTIFY_CODES[err.code]) return { code: FASTIFY_CODES[err.code]! }
  if (isErrorCode(err.code)) return { code: err.code }
  const status = err.statusCode ?? 500
  if (status === 429) return { code: 'RATE_LIMITED' }
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE' }
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' }
  if (status === 404) return { code: 'NOT_FOUND' }
  if (status >= 400 && status < 500) return { code: 'BAD_REQUEST' }
  return { code: 'INTERNAL' }
}

async function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const { code, details } = classify(err)
  const status = ERROR_STATUS[code]
  if (status >= 500) req.log.error({ err }, 'request failed')
  else req.log.info({ code, status }, 'request rejected')
  return reply.code(status).send(envelope(req, code, details))
}

export interface ErrorHandlerOptions {
  /**
   * Told of each NOT_FOUND a service raised: an object that is not the caller's answers exactly like a missing one,
   * and this lets the composition root audit the probe. A failure here never changes the answer.
   */
  onNotFound?: (req: FastifyRequest) => Promise<void>
}

/**
 * The language a reply is written in: error messages (and the texts some routes carry, such as the dashboard's and
 * 粤康码's) follow Accept-Language, so API replies and every error envelope say which they chose, and caches key on it.
 */
function markLanguage(req: FastifyRequest, reply: FastifyReply) {
  if (req.url.startsWith('/v1/') || reply.statusCode >= 400) {
    reply.header('content-language', negotiateLocale(req.headers['accept-language']))
    const vary = reply.getHeader('vary')
    const varied = (Array.isArray(vary) ? vary.join(', ') : String(vary ?? '')).toLowerCase()
    if (!varied.split(/\s*,\s*/).includes('accept-language'))
      reply.header('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language')
  }
}

async function errorHandlerPlugin(app: FastifyInstance, opts: ErrorHandlerOptions) {
  app.addHook('onSend', async (req, reply, payload) => {
    markLanguage(req, reply)
    return payload
  })
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    if (opts.onNotFound && err instanceof AppError && err.code === 'NOT_FOUND')
      await opts.onNotFound(req).catch((auditErr: unknown) => req.log.error({ err: auditErr }, 'not-found hook failed'))
    return errorHandler(err, req, reply)
  })
  // 404s are rate-limited too, so probing for routes costs the prober (fastify/demo).
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (req, reply) => {
    req.log.info({ code: 'ROUTE_NOT_FOUND' }, 'route not found')
    return reply.code(404).send(envelope(req, 'ROUTE_NOT_FOUND'))
  })
}

export default fp(errorHandlerPlugin, { name: 'error-handler', dependencies: ['rate-limit'] })
