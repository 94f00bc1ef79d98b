// Who may call a stand-in: the platform's business calls carry an RFC 9421 signature by a registered key (signatures.ts);
// the operators' /_admin/ routes carry `Authorization: Bearer <token>` from the stand-in's operator registry, and the
// operator's name is kept on the request (a reviewer's decision records it). /healthz is open.
import { createHash, type JsonWebKey, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DepartmentError } from './errors'
import { createMessageVerifier, digestMatches } from './signatures'

/** A stand-in operator (a reviewer, a tester): their name and bearer token. */
export interface Operator {
  name: string
  token: string
}

export interface CallerAuthOptions {
  /** The platform's public keys (JWK); none: every business call is refused */
  callerKeys?: readonly JsonWebKey[]
  /** false: business calls are not signed (WeChat's public API, which authenticates by app secret) */
  signedCalls?: boolean
  /** Who may use the /_admin/ routes; none: nobody */
  operators?: readonly Operator[]
  /** The stand-in's clock for signature ages (default Date.now) */
  now?: () => number
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The operator whose token opened an /_admin/ route */
    operator: Operator['name'] | null
  }
}

/** Parses `name=token,name=token` (DEPT_OPERATORS). A token is at least 24 URL-safe characters. */
export function parseOperators(text: string | undefined): Operator[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf('=')
      const name = pair.slice(0, at).trim()
      const token = pair.slice(at + 1).trim()
      if (at < 1 || !name || !/^[A-Za-z0-9_-]{24,}$/.test(token))
        throw new Error('DEPT_OPERATORS: each entry is name=token, the token at least 24 characters of [A-Za-z0-9_-]')
      return { name, token }
    })
}

const isAdmin = (url: string) => url.startsWith('/_admin/')
const isOpen = (url: string) => url === '/healthz'
const hash = (s: string) => createHash('sha256').update(s).digest()

export function installCallerAuth(app: FastifyInstance, opts: CallerAuthOptions): void {
  const operators = (opts.operators ?? []).map((o) => ({ name: o.name, digest: hash(o.token) }))
  const signed = opts.signedCalls !== false
  const verifier = createMessageVerifier({ keys: opts.callerKeys ?? [], ...(opts.now ? { now: opts.now } : {}) })
  app.decorateRequest('operator', null)

  const operatorOf = (req: FastifyRequest): string | null => {
    const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.headers.authorization ?? '')
    if (!m) return null
    const digest = hash(m[1]!)
    // Every registered token is compared, in constant time each.
    let found: string | null = null
    for (const o of operators) if (timingSafeEqual(o.digest, digest)) found = o.name
    return found
  }

  app.addHook('onRequest', async (req, reply) => {
    if (isOpen(req.url)) return
    if (isAdmin(req.url)) {
      req.operator = operatorOf(req)
      if (!req.operator) {
        reply.header('www-authenticate', 'Bearer realm="operators"')
        throw new DepartmentError('OPERATOR_AUTH_REQUIRED')
      }
      return
    }
    if (!signed) return
    // The signature covers the Content-Digest header; the body itself is checked against it when it is read.
    const host = req.headers.host ?? req.hostname
    const result = await verifier.verify({
      method: req.method,
      url: `${req.protocol}://${host}${req.url}`,
      headers: req.headers,
    })
    if (!result.ok) {
      req.log.warn({ code: result.code, reason: result.reason }, 'unsigned or badly signed call refused')
      throw new DepartmentError(result.code)
    }
  })

  if (!signed) return
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer
    if (!isAdmin(req.url) && !digestMatches(req.headers['content-digest'] as string | undefined, bytes)) {
      done(new DepartmentError('SIGNATURE_INVALID'), undefined)
      return
    }
    parseJson(req, bytes.toString('utf8'), done)
  })
}
