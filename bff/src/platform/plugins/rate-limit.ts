// Rate limiting, answered with 429 + Retry-After, in two buckets a request must both fit:
// - per client address (the proxy-aware request.ip), before anything else runs. An IPv6 client is counted by its /64
//   (one subscriber's prefix: a single host can use any of its 2^64 addresses) and an IPv4-mapped IPv6 address
//   (::ffff:a.b.c.d) as the IPv4 address it is, so neither rotating addresses nor rewriting one escapes the limit;
// - per signed-in citizen, once the access token is verified (a route's onRequest), so one account rotating
//   addresses still meets its limit, and citizens behind one NAT do not share theirs (the address limit still holds).
// Where the counters live: with REDIS_URL, in the Redis every replica shares, so a limit holds in total however the
// load balancer spreads the requests (every bucket: per address, per citizen, per verifier and each route's own).
// Without it (single-node mode), in this process. When Redis fails (down, or slower than its command timeout) a
// request is counted in this process instead: the limits fail open to per replica, never to none (N replicas then
// accept at most N × a limit until Redis is back). Not closed: every route is rate limited, so failing closed would
// turn a Redis outage into a refusal of everything, 亮证 核验 at a gate included; what decides trust (one-use ids,
// sessions, refresh families) is in the database and fails closed there. /readyz reports Redis as failing meanwhile.
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import ipaddr from 'ipaddr.js'
import { LRUCache } from 'lru-cache'
import { AppError } from '../app-error'

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const CANONICAL_IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`)

/** The bucket a client address counts in: an IPv4 address, or an IPv6 /64 prefix. */
export function addressBucket(ip: string): string {
  // Every request asks: an IPv4 address in its canonical form (what a socket reports) is its own bucket as it stands,
  // without ipaddr.js parsing it (and building a new address object) each time.
  if (CANONICAL_IPV4.test(ip)) return ip
  if (!ipaddr.isValid(ip)) return ip.toLowerCase()
  let addr = ipaddr.parse(ip)
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address()
  }
  if (addr.kind() === 'ipv4') return addr.toString()
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4)
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toNormalizedString()}/64`
}

/** What the limits need of the shared Redis (platform/redis.ts): a fixed window's counter, incremented. */
export interface WindowCounter {
  incr(key: string, windowMs: number): Promise<{ current: number; ttl: number }>
}

export interface RateLimitOptions {
  max: number
  windowMs: number
  /** Per signed-in citizen and window; `max` when unset */
  userMax?: number | undefined
  /** The Redis replicas share: the counters live there (unset: in this process) */
  redis?: WindowCounter | undefined
  /** Told when a count fell back to this process because Redis failed */
  onRedisError?: ((err: Error) => void) | undefined
  /** Bench only (BuildOptions.without): false counts nothing (the routes' limiters are no-ops) */
  counting?: boolean
}

/** Fixed windows counted in this process: the fallback while Redis fails. */
function localWindows(max = 50_000) {
  const windows = new LRUCache<string, { current: number; resetAt: number }>({ max })
  return (key: string, windowMs: number, now = Date.now()) => {
    let w = windows.get(key)
    if (!w || w.resetAt <= now) w = { current: 0, resetAt: now + windowMs }
    w.current += 1
    windows.set(key, w)
    return { current: w.current, ttl: w.resetAt - now }
  }
}

/**
 * @fastify/rate-limit's store over the shared Redis (`rl:<route>-<bucket>` under the deployment's key prefix), each
 * count falling back to this process when Redis fails. Its own RedisStore would answer an error instead.
 */
export function sharedStore(
  redis: WindowCounter,
  onError: (err: Error) => void = () => undefined,
): FastifyRateLimitStoreCtor {
  const local = localWindows()
  class SharedStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'rl:',
    ) {}
    incr(key: string, done: (err: Error | null, res?: { current: number; ttl: number }) => void, windowMs: number) {
      const k = this.prefix + key
      redis.incr(k, windowMs).then(
        (res) => done(null, res),
        (err: Error) => {
          onError(err)
          done(null, local(k, windowMs))
        },
      )
    }
    child(options: unknown) {
      // A route's own limit counts apart from the rest (as @fastify/rate-limit's stores do): keyed by method and URL.
      const route = (options as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo
      return new SharedStore(undefined, `${this.prefix}${String(route?.method ?? '')}${String(route?.url ?? '')}-`)
    }
  }
  return SharedStore
}

async function limiter(app: FastifyInstance, opts: RateLimitOptions) {
  if (opts.counting === false) {
    const allowed = { isAllowed: true as const, key: '' }
    app.decorate('rateLimit', () => async () => undefined)
    app.decorate('createRateLimit', () => async () => allowed)
    return
  }
  await app.register(rateLimit, {
    global: true,
    ...(opts.redis ? { store: sharedStore(opts.redis, opts.onRedisError) } : {}),
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
