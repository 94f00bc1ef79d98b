// Access tokens: HS256 JWTs via fast-jwt — one algorithm, one key per kid, iss/aud/typ/exp checked, and the
// session behind each token looked up so logout and reuse revocation take effect at once. Every token refused (bad,
// expired, forged, or its session ended) writes one audit record; a request with no token is not a refusal.
// fast-jwt directly rather than through @fastify/jwt: its request decorator decoded every token twice and went
// through callbacks, about a third of an authenticated display's time; the signer and verifier are built once.
// A route whose own read checks the session in the same statement (the 粤康码 display: session and status joined)
// verifies the token only (authenticateToken) and refuses an ended session with authenticate's error and audit.
// Verified tokens are kept by fast-jwt's cache (below): never in place of the session read or the expiry check.
import { createHash } from 'node:crypto'
import { createSigner, createVerifier } from 'fast-jwt'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type AuditService, auditContext } from '../audit'
import { AppError } from '../platform/app-error'
import type { AccessClaims } from './auth-service'

export const TOKEN_ISSUER = 'ysx-bff'
export const TOKEN_AUDIENCE = 'ysx-miniapp'
export const TOKEN_TYPE = 'at+jwt'

declare module 'fastify' {
  interface FastifyRequest {
    auth: AccessClaims
  }
  interface FastifyInstance {
    /** onRequest hook: a valid access token with a live session, else 401. */
    authenticate: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
    /**
     * onRequest hook for a route whose own read checks the session in the same statement (the 粤康码 display): the
     * token is verified here (else 401 as authenticate), the session is not. The route must then either call
     * `refuseEndedSession` when its read finds the session ended, or `requireSession` when it reads none.
     */
    authenticateToken: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
    /** The session check authenticate makes, for a request authenticated by authenticateToken: 401 when ended. */
    requireSession: (req: FastifyRequest) => Promise<void>
    /** Refuses a request whose route's own read found its session ended: the same 401 and audit as authenticate. */
    refuseEndedSession: (req: FastifyRequest) => Promise<never>
    signAccess: (claims: AccessClaims & { jti: string }) => string
  }
}

export interface AuthPluginOptions {
  secret: string
  accessTtlSeconds: number
  /** Is the session behind these claims still live? */
  checkSession: (claims: AccessClaims) => Promise<void>
  /** Where refused tokens are recorded */
  audit: AuditService
  /** Does the account still exist? A closed account's id must not come back into the audit through an old token. */
  accountExists: (userId: string) => Promise<boolean>
}

/** Key id: derived from the key, so rotating the secret retires every token signed with the old one. */
export const keyId = (secret: string) => `hs-${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`

const EXPIRED = 'FAST_JWT_EXPIRED'
/** How many verified tokens one process keeps: about the phones displaying within a few minutes at one replica's peak */
const VERIFIED_TOKENS_KEPT = 10_000

async function authPlugin(app: FastifyInstance, opts: AuthPluginOptions) {
  const kid = keyId(opts.secret)
  const sign = createSigner({
    key: opts.secret,
    algorithm: 'HS256',
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    expiresIn: opts.accessTtlSeconds * 1000,
    header: { alg: 'HS256', typ: TOKEN_TYPE, kid },
  })
  const verify = createVerifier({
    key: opts.secret,
    algorithms: ['HS256'],
    allowedIss: TOKEN_ISSUER,
    allowedAud: TOKEN_AUDIENCE,
    checkTyp: TOKEN_TYPE,
    requiredClaims: ['sub', 'sid', 'jti', 'iat', 'exp', 'iss', 'aud'],
    complete: true,
    // Verified tokens kept (LRU, keyed by the token's SHA-256): a phone sends the same token on every display for its
    // lifetime, and a kept one skips the HMAC, the JSON and the claim checks. Its expiry is still checked on every
    // use (fast-jwt keeps an entry no longer than the token's exp); errors are not kept; the session is read on every
    // request whatever the cache says, so a revocation takes effect at once.
    cache: VERIFIED_TOKENS_KEPT,
  })
  app.decorateRequest('auth', null as unknown as AccessClaims)
  app.decorate('signAccess', (claims: AccessClaims & { jti: string }) => sign(claims))
  /** Records the refusal (never the token) and throws it. */
  async function refuse(req: FastifyRequest, err: AppError, userId: string | null = null): Promise<never> {
    const reason = `${err.code}: ${err.message}`.slice(0, 120)
    await opts.audit.record({ userId, action: 'token.refused', outcome: 'failure', reason }, auditContext(req))
    throw err
  }
  /** Verifies the bearer token (never the session): its claims, or a refusal. */
  async function verifyToken(req: FastifyRequest): Promise<AccessClaims> {
    const header = req.headers.authorization
    if (!header) throw new AppError('AUTH_REQUIRED')
    if (!/^Bearer [A-Za-z0-9._~+/=-]+$/.test(header))
      return refuse(req, new AppError('AUTH_TOKEN_INVALID', 'malformed authorization header'))
    let decoded: { header: { kid?: string }; payload: AccessClaims }
    try {
      decoded = verify(header.slice('Bearer '.length)) as typeof decoded
    } catch (err) {
      const code = (err as { code?: string }).code
      return refuse(
        req,
        new AppError(code === EXPIRED ? 'AUTH_TOKEN_EXPIRED' : 'AUTH_TOKEN_INVALID', `jwt: ${code ?? 'rejected'}`),
      )
    }
    if (decoded.header.kid !== kid) return refuse(req, new AppError('AUTH_TOKEN_INVALID', 'unknown kid'))
    return { sub: decoded.payload.sub, sid: decoded.payload.sid }
  }
  /** A refusal for an ended session: the signature held, so the account named is the one the token was issued to;
   * once that account is closed (注销), its id is no longer recorded anywhere, and the refusal names nobody. */
  const refuseSession = async (req: FastifyRequest, claims: AccessClaims, err: AppError): Promise<never> =>
    refuse(req, err, (await opts.accountExists(claims.sub)) ? claims.sub : null)
  async function checkSession(req: FastifyRequest, claims: AccessClaims): Promise<void> {
    try {
      await opts.checkSession(claims)
    } catch (err) {
      if (err instanceof AppError) return refuseSession(req, claims, err)
      throw err
    }
  }
  app.decorate('authenticate', async (req: FastifyRequest) => {
    const claims = await verifyToken(req)
    await checkSession(req, claims)
    req.auth = claims
  })
  app.decorate('authenticateToken', async (req: FastifyRequest) => {
    req.auth = await verifyToken(req)
  })
  app.decorate('requireSession', (req: FastifyRequest) => checkSession(req, req.auth))
  // The session check is asked again for its own refusal, so the error and the audit record are authenticate's; only
  // a refusal pays for that second read.
  app.decorate('refuseEndedSession', async (req: FastifyRequest): Promise<never> => {
    await checkSession(req, req.auth)
    return refuseSession(req, req.auth, new AppError('AUTH_TOKEN_INVALID', 'session ended'))
  })
}

export default fp(authPlugin, { name: 'auth' })
