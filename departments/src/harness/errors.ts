// The department's error replies: the shared envelope, for validation failures, unknown routes and crashes.
import { hasZodFastifySchemaValidationErrors } from '@fastify/type-provider-zod'
import { ERROR_STATUS, type ErrorCode, type ErrorEnvelope, errorMessage } from '@ysx/shared'
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify'

export class DepartmentError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code)
  }
}

export function envelopeFor(req: FastifyRequest, code: ErrorCode, details?: ErrorEnvelope['details']): ErrorEnvelope {
  return { code, message: errorMessage(code), requestId: req.id, ...(details ? { details } : {}) }
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    if (err instanceof DepartmentError) return reply.code(ERROR_STATUS[err.code]).send(envelopeFor(req, err.code))
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext === 'querystring' ? 'query' : (err.validationContext ?? 'body')
      const details = err.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? '',
      }))
      return reply.code(400).send(envelopeFor(req, 'VALIDATION_FAILED', details))
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    if (status === 500) req.log.error({ err }, 'department request failed')
    return reply.code(status).send(envelopeFor(req, status === 500 ? 'INTERNAL' : 'BAD_REQUEST'))
  })
  app.setNotFoundHandler(async (req, reply) => reply.code(404).send(envelopeFor(req, 'ROUTE_NOT_FOUND')))
}
