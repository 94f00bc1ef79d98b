// Runtime fault knobs for a stand-in department (latency, error rate, hang, reset, malformed bodies) and a count of
// the business requests it received.
import { envelopeFor } from './errors'
import { type Faults, NO_FAULTS } from '@ysx/shared'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export interface FaultState {
  get(): Faults
  set(patch: Partial<Faults>): Faults
  /** Business requests received so far, faulted ones included */
  businessRequests(): number
  countRequest(): void
}

export function createFaultState(initial: Faults = NO_FAULTS): FaultState {
  let current = { ...initial }
  let requests = 0
  return {
    businessRequests: () => requests,
    countRequest: () => {
      requests += 1
    },
    get: () => ({ ...current }),
    set: (patch) => {
      current = { ...current, ...patch }
      return { ...current }
    },
  }
}

const isExempt = (req: FastifyRequest) => req.url === '/healthz' || req.url.startsWith('/_admin/')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Installs the hooks that apply the current faults to every business route. */
export function installFaults(app: FastifyInstance, state: FaultState): void {
  const hanging = new Set<() => void>()

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (isExempt(req)) return
    state.countRequest()
    const f = state.get()
    if (f.reset) {
      // Drop the connection without a word, as a crashed upstream or a middlebox reset does.
      reply.hijack()
      req.raw.socket.destroy()
      return
    }
    if (f.hang) {
      // Answer nothing until the caller gives up (or the department shuts down).
      await new Promise<void>((resolve) => {
        hanging.add(resolve)
        reply.raw.once('close', resolve)
      })
      reply.hijack()
      return
    }
    if (f.latencyMs > 0) await sleep(f.latencyMs)
    if (f.errorRate > 0 && Math.random() < f.errorRate) {
      return reply.code(503).send(envelopeFor(req, 'OVERLOADED'))
    }
  })

  app.addHook('onSend', async (req, reply, payload) => {
    if (isExempt(req) || !state.get().malformed) return payload
    reply.header('content-type', 'application/json; charset=utf-8')
    return '{"status": "ok", "data": [1, 2,' // truncated JSON, as a broken upstream might send
  })

  app.addHook('onClose', async () => {
    for (const resolve of hanging) resolve()
  })
}
