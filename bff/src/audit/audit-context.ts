// Who asked, for the audit record: the request id and the client address of a request.
import type { FastifyRequest } from 'fastify'
import type { AuditContext } from './audit-service'

export const auditContext = (req: FastifyRequest): AuditContext => ({ requestId: req.id, ip: req.ip })
