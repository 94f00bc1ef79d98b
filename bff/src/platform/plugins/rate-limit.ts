// Rate limiting, answered with 429 + Retry-After, in two buckets a request must both fit:
// - per client address (the proxy-aware request.ip), before anything else runs. An IPv6 client is counted by its /64
//   (one subscriber's prefix: a single host can use any of its 2^64 addresses) and an IPv4-mapped IPv6 address
//   (::ffff:a.b.c.d) as the IPv4 address it is, so neither rotating addresses nor rewriting one escapes the limit;
// - per signed-in citizen, once the access token is verified (a route's onRequest), so one account rotating
//   addresses still meets its limit, and citizens behind one NAT do not share theirs (the address limit still holds).
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import ipaddr from 'ipaddr.js'
import { AppError } from '../app-error'

/** The bucket a client address counts in: an IPv4 address, or an IPv6 /64 prefix. */
export function addressBucket(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip.toLowerCase()
  let addr = ipaddr.parse(ip)
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address()
  }
  if (addr.kind() === 'ipv4') return addr.toString()
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4)
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toNormalizedString()}/64`
}

export interface RateLimitOptions {
  max: number
  windowMs: number
  /** Per signed-in citizen and window; `max` when unset */
  userMax?: number | undefined
}

async function limiter(app: FastifyInstance, opts: RateLimitOptions) {
  // In-process store: the distributed path swaps in Redis here (DESIGN.md, decision 3).
  await app.register(rateLimit, {
    global: true,
    max: opts.max,
    timeWindow: opts.windowMs,
    keyGenerator: (req) => `ip:${addressBucket(req.ip)}`,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  })
  // The per-citizen bucket: counted after the route's onRequest verified the access token (req.auth is set only then).
  const perUser = app.createRateLimit({
    max: opts.userMax ?? opts.max,
    timeWindow: opts.windowMs,
    keyGenerator: (req) => `user:${signedIn(req)}`,
  })
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!signedIn(req)) return
    const r = await perUser(req)
    if (r.isAllowed || !r.isExceeded) return
    reply.header('retry-after', r.ttlInSeconds)
    throw new AppError('RATE_LIMITED', `per-user limit of ${r.max} reached`)
  })
}

/** The verified subject of the request's access token, if a route authenticated it. */
const signedIn = (req: FastifyRequest): string | undefined => (req as { auth?: { sub?: string } | null }).auth?.sub

export default fp(limiter, { name: 'rate-limit' })
