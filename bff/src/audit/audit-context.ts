// Who asked, for the audit record: the request id, the client address and the session (once authenticated).
import type { FastifyRequest } from 'fastify'
import type { AuditContext } from './audit-service'

export const auditContext = (req: FastifyRequest): AuditContext => ({
  requestId: req.id,
  ip: req.ip,
  ...(req.auth?.sid ? { sessionId: req.auth.sid } : {}),
})
