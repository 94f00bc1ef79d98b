// The parts of the request stack the cost table (scripts/bench/health-code --costs) turns off one at a time, and the
// bench-only stand-ins for the parts that live inside a route. Only BuildOptions.without reaches this: no config or
// environment variable does, so a deployed BFF always runs every part (server.ts builds with no options).
import { serializerCompiler } from '@fastify/type-provider-zod'
import { z } from '@ysx/shared/z'
import { createDecoder } from 'fast-jwt'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from './app-error'

/** An access token's claims as identity's AccessClaims has them (platform/ imports no capability). */
type AccessClaims = { sub: string; sid: string }

export const STACK_PARTS = [
  'securityHeaders',
  'cors',
  'rateLimit',
  'underPressure',
  'requestId',
  'logging',
  'replySerialisation',
  'validation',
  'jwt',
  'sessionRead',
  'statusRead',
  'json',
] as const
export type StackPart = (typeof STACK_PARTS)[number]

/** What a default build turns off: nothing. */
export const EVERY_PART_ON: ReadonlySet<StackPart> = new Set()

/**
 * `jwt` off: the access token's claims are decoded, not verified (no signature, issuer, audience or expiry check);
 * the session is still checked. Bench only: anyone could name any citizen.
 */
export const unverifiedTokens = fp(
  async (app: FastifyInstance, opts: { checkSession: (claims: AccessClaims) => Promise<void> }) => {
    const decode = createDecoder()
    app.decorateRequest('auth', null as unknown as AccessClaims)
    app.decorate('signAccess', () => {
      throw new Error('this build (jwt off) signs no tokens')
    })
    const claimsOf = (req: FastifyRequest): AccessClaims => {
      const header = req.headers.authorization
      if (!header?.startsWith('Bearer ')) throw new AppError('AUTH_REQUIRED')
      let payload: AccessClaims
      try {
        payload = decode(header.slice('Bearer '.length)) as AccessClaims
      } catch {
        throw new AppError('AUTH_TOKEN_INVALID', 'undecodable token')
      }
      return { sub: payload.sub, sid: payload.sid }
    }
    app.decorate('authenticate', async (req: FastifyRequest) => {
      const claims = claimsOf(req)
      await opts.checkSession(claims)
      req.auth = claims
    })
    // The display's own read checks the session (access-tokens.ts: authenticateToken and its two companions).
    app.decorate('authenticateToken', async (req: FastifyRequest) => {
      req.auth = claimsOf(req)
    })
    app.decorate('requireSession', (req: FastifyRequest) => opts.checkSession(req.auth))
    app.decorate('refuseEndedSession', async (): Promise<never> => {
      throw new AppError('AUTH_TOKEN_INVALID', 'session ended')
    })
  },
  { name: 'auth' },
)

/**
 * `statusRead` off: each holder's status row (and the display's joined read of session and status, per session and
 * holder) is read from the database once, then from memory (writes kept; a revoked session is then not seen).
 */
export function statusFromMemory<
  Row extends { holder: string },
  Repo extends {
    status(holder: string): Promise<Row | undefined>
    putStatus(row: Row): Promise<void>
    displayRead(session: { sid: string; userId: string }, holder: string, now: Date): Promise<unknown>
  },
>(repo: Repo): Repo {
  const rows = new Map<string, Row | undefined>()
  const reads = new Map<string, unknown>()
  return Object.assign(Object.create(repo) as Repo, {
    async status(holder: string) {
      if (!rows.has(holder)) rows.set(holder, await repo.status(holder))
      return rows.get(holder)
    },
    async displayRead(session: { sid: string; userId: string }, holder: string, now: Date) {
      const key = `${session.sid}\u0000${holder}`
      if (!reads.has(key)) reads.set(key, await repo.displayRead(session, holder, now))
      return reads.get(key)
    },
    async putStatus(row: Row) {
      rows.set(row.holder, row)
      await repo.putStatus(row)
    },
  })
}

type SerializerCompiler = typeof serializerCompiler

/** `validation` off: params, query, headers and body reach the handler as sent, unchecked by the route's contract. */
export const acceptAsSent = () => (data: unknown) => ({ value: data })

/** `replySerialisation` off: replies are JSON.stringify'd without the route's zod schema. */
export const stringifyOnly: SerializerCompiler = () => (data) => JSON.stringify(data)

/**
 * `json` off: a route's reply is checked against its zod schema as usual, but stringified once (its first reply is
 * sent for every later one); a request body is parsed once per distinct body text.
 */
export const jsonOnce: SerializerCompiler = (route) => {
  const schema =
    route.schema instanceof z.ZodType ? route.schema : (route.schema as { properties: z.ZodType }).properties
  const full = serializerCompiler(route)
  let first: string | undefined
  return (data) => {
    if (first === undefined) return (first = full(data))
    const checked = z.safeEncode(schema, data)
    if (checked.error) return full(data)
    return first
  }
}

export function bodyParsedOnce(app: FastifyInstance) {
  const parsed = new Map<string, unknown>()
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string
    if (!parsed.has(text)) {
      if (parsed.size >= 64) parsed.clear()
      try {
        parsed.set(text, text === '' ? undefined : JSON.parse(text))
      } catch (err) {
        done(Object.assign(err as Error, { statusCode: 400 }), undefined)
        return
      }
    }
    done(null, parsed.get(text))
  })
}
