// Runtime fault knobs for a stand-in department (latency, error rate, hang, reset, malformed bodies) and a count of
// the business requests it received.
import { Dice, hashText } from './dice'
import { envelopeFor } from './errors'
import { type Faults, NO_FAULTS } from '@ysx/shared'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export interface FaultState {
  get(): Faults
  set(patch: Partial<Faults>): Faults
  /** Business requests received so far, faulted ones included */
  businessRequests(): number
  countRequest(): void
  /** Holds a reply for the latency knob's `ms`. */
  sleep(ms: number): Promise<void>
  /** A draw in [0, 1) against the error rate. */
  draw(): number
}

/** How the knobs take effect: tests replace the wait and the draws to see what was asked for, without waiting. */
export interface FaultHooks {
  /** Waits `ms` before a delayed reply goes on (default: a timer). */
  sleep?: (ms: number) => Promise<void>
  /** Draws in [0, 1) for the error rate (default: a fixed-seed stream, so the same calls fail on every run). */
  random?: () => number
}

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const seededDraws = () => {
  const dice = new Dice(hashText('fault-knobs'))
  return () => dice.next() / 4_294_967_296
}

export function createFaultState(initial: Faults = NO_FAULTS, hooks: FaultHooks = {}): FaultState {
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
    sleep: hooks.sleep ?? timer,
    draw: hooks.random ?? seededDraws(),
  }
}

const isExempt = (req: FastifyRequest) => req.url === '/healthz' || req.url.startsWith('/_admin/')

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
    if (f.latencyMs > 0) await state.sleep(f.latencyMs)
    if (f.errorRate > 0 && state.draw() < f.errorRate) {
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
