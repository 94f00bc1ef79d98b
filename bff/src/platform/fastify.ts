// The Fastify instance every capability is registered on: logger (with redaction), request ids, server timeouts,
// the zod type provider's compilers and the x-request-id reply header.
import { randomUUID } from 'node:crypto'
import { serializerCompiler, validatorCompiler } from '@fastify/type-provider-zod'
import { z } from '@ysx/shared/z'
import Fastify, { type FastifyInstance, LogController, type onRequestHookHandler } from 'fastify'
import type { DestinationStream } from 'pino'
import type { Config } from './config'
import { loggerOptions } from './logger'
import { acceptAsSent, bodyParsedOnce, EVERY_PART_ON, jsonOnce, type StackPart, stringifyOnly } from './stack'

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

// shared/ turns zod's JIT off for the mini-program (no eval there); on the server the JIT is allowed and faster.
z.config({ jitless: false })

export function createFastify(
  config: Config,
  opts: {
    logStream?: DestinationStream | undefined
    onRoute?: ((route: { method: string | string[]; url: string }) => void) | undefined
    /** The cost table's parts turned off (BuildOptions.without): none by default */
    without?: ReadonlySet<StackPart> | undefined
  },
): FastifyInstance {
  const off = opts.without ?? EVERY_PART_ON
  const logger = loggerOptions(off.has('logging') ? 'silent' : config.logLevel)
  const requestIds = !off.has('requestId')
  let counted = 0
  const app = Fastify({
    logger: opts.logStream ? { ...logger, stream: opts.logStream } : logger,
    // A caller's request id is kept only if it looks like one, so it cannot inject into logs.
    // (Turned off, a counter as Fastify's own default.)
    genReqId: requestIds
      ? (req) => {
          const given = req.headers['x-request-id']
          return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
        }
      : () => `req-${(counted++).toString(36)}`,
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    // Draining on close (server.ts): a request arriving on a kept-alive connection is answered 503, idle keep-alive
    // connections are closed at once, and the requests in flight finish.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // One access line per request (the onResponse hook below), not Fastify's two (incoming, completed): each line is
    // built, redacted and written, and the profile of the display put the two at a sixth of its CPU.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
  })
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute)
  app.setValidatorCompiler(off.has('validation') ? acceptAsSent : validatorCompiler)
  app.setSerializerCompiler(
    off.has('json') ? jsonOnce : off.has('replySerialisation') ? stringifyOnly : serializerCompiler,
  )
  if (off.has('json')) bodyParsedOnce(app)
  // Fastify closes the keep-alive connections idle when the close begins and answers 503 to requests that arrive after
  // it, but a connection whose request was in flight stays open after its reply until keepAliveTimeout: the drain
  // would wait that long for nothing. Once closing, a reply asks its client to close the connection.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  // The access line, when the request is answered: its id (the child logger's binding), method, URL (scrubbed) and
  // address (the req serializer), status and time taken, through the same redaction as every line.
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed')
    done()
  })
  // A callback hook, not an async one: no promise per reply for two header writes.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (requestIds) reply.header('x-request-id', req.id)
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })
  return app
}

/** An onRequest hook for a capability's scope whose every reply is about one person: no shared cache keeps it. */
export const privateNoStore: onRequestHookHandler = (_req, reply, done) => {
  reply.header('cache-control', 'private, no-store')
  done()
}
