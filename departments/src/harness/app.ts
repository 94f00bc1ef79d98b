// createDepartmentApp: the Fastify shell every stand-in department shares — zod contracts, envelope errors,
// fault knobs, signed calls and operator tokens (caller-auth.ts), and the /healthz and /_admin/faults routes.
import { randomUUID } from 'node:crypto'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod'
import { z } from '@ysx/shared/z'
import { departmentCommonContracts, fromContract, scrubText } from '@ysx/shared'
import Fastify, { type FastifyInstance } from 'fastify'
import { type CallerAuthOptions, installCallerAuth } from './caller-auth'
import { installErrorHandling } from './errors'
import { createFaultState, type FaultState, installFaults } from './faults'

export interface DepartmentAppOptions extends CallerAuthOptions {
  /** Department code, e.g. `gongan` */
  name: string
  logLevel?: string
  /** How many synthetic citizens the department holds (for /healthz). */
  citizens: () => number
  /** The synthetic world's "today" (for /healthz). */
  referenceDate?: string
  faults?: FaultState
}

export interface DepartmentApp {
  app: FastifyInstance
  faults: FaultState
}

// shared/ turns zod's JIT off for the mini-program (no eval there); a server may use it, and it is faster.
z.config({ jitless: false })

export function createDepartmentApp(opts: DepartmentAppOptions): DepartmentApp {
  const app = Fastify({
    logger: {
      level: opts.logLevel ?? 'warn',
      base: { department: opts.name },
      redact: ['req.headers.authorization', '*.idNumber', '*.phone', '*.name'],
      hooks: { streamWrite: (line: string) => scrubText(line) },
    },
    genReqId: () => randomUUID(),
    bodyLimit: 64 * 1024,
    forceCloseConnections: true,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandling(app)
  // Before the fault knobs: an unsigned call is refused without counting as a business request.
  installCallerAuth(app, opts)
  const faults = opts.faults ?? createFaultState()
  installFaults(app, faults)

  const r = app.withTypeProvider<ZodTypeProvider>()
  const c = departmentCommonContracts
  /** GET /healthz — the department process is alive (never faulted) */
  r.route({
    ...fromContract(c.health),
    handler: async () => ({
      status: 'ok' as const,
      department: opts.name,
      citizens: opts.citizens(),
      ...(opts.referenceDate ? { referenceDate: opts.referenceDate } : {}),
    }),
  })
  /** GET /_admin/faults — current fault knobs */
  r.route({ ...fromContract(c.getFaults), handler: async () => faults.get() })
  /** GET /_admin/stats — business requests received (lets a test see that a breaker stopped the calls) */
  r.route({ ...fromContract(c.stats), handler: async () => ({ businessRequests: faults.businessRequests() }) })
  /** PUT /_admin/faults — change fault knobs at run time */
  r.route({ ...fromContract(c.setFaults), handler: async (req) => faults.set(req.body) })
  return { app, faults }
}
