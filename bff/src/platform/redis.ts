// The Redis that BFF replicas share (REDIS_URL): one ioredis client per process, with short timeouts so a Redis that
// is down costs a request milliseconds, not seconds. Commands are never queued while the connection is down (they
// fail at once and the caller decides: see each use) and the client keeps reconnecting in the background.
// What lives there today: the rate limits' counters (plugins/rate-limit.ts). One-use ids (亮证 presentations, 粤康码
// codes, callback nonces), sessions and refresh-token families are rows in the database, which replicas already share.
import type { FastifyBaseLogger } from 'fastify'
import { Redis } from 'ioredis'
import { oncePer } from './once-per'

/** How long a connection attempt and a command may take before they count as failed. */
export const REDIS_CONNECT_TIMEOUT_MS = 1000
export const REDIS_COMMAND_TIMEOUT_MS = 500

/** A fixed window's counter, incremented: INCR, its expiry set with the first increment (or if it was ever lost). */
const WINDOW_INCR = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`

type WindowClient = Redis & {
  windowIncr(key: string, windowMs: number): Promise<[number, number]>
}

export interface SharedRedis {
  /** Counts one more in `key`'s window of `windowMs` (it starts with the first count); rejects when Redis fails. */
  incr(key: string, windowMs: number): Promise<{ current: number; ttl: number }>
  /** Redis answers a PING within the command timeout. */
  ping(): Promise<boolean>
  close(): Promise<void>
}

/**
 * Connects to the shared Redis. A Redis that cannot be reached within the connect timeout does not stop the BFF
 * from starting: each use has its fallback, /readyz answers 503 until Redis answers, and the client keeps trying.
 */
export async function connectRedis(
  opts: { url: string; keyPrefix: string },
  log: FastifyBaseLogger,
): Promise<SharedRedis> {
  const client = new Redis(opts.url, {
    keyPrefix: opts.keyPrefix,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: true,
    // A closed client's socket is destroyed after this if it has not closed by itself (ioredis waits 2 s by default)
    disconnectTimeout: REDIS_COMMAND_TIMEOUT_MS,
  }) as WindowClient
  client.defineCommand('windowIncr', { numberOfKeys: 1, lua: WINDOW_INCR })
  // A Redis that stays down reports every reconnection attempt: logged once a minute, not every time.
  const firstIn = oncePer(60_000)
  client.on('error', (err: Error) => {
    if (firstIn(err.message)) log.warn({ err: { message: err.message } }, 'redis unreachable')
  })
  const waited = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady)
      resolve(false)
    }, REDIS_CONNECT_TIMEOUT_MS)
    const onReady = () => {
      clearTimeout(timer)
      resolve(true)
    }
    client.once('ready', onReady)
    client.connect().catch(() => undefined)
  })
  if (!waited) log.warn('redis not reachable at start: not ready until it is; the rate limits count per replica')

  return {
    async incr(key, windowMs) {
      const [current, ttl] = await client.windowIncr(key, windowMs)
      return { current, ttl }
    },
    async ping() {
      try {
        return (await client.ping()) === 'PONG'
      } catch {
        return false
      }
    },
    async close() {
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect())
      else client.disconnect()
    },
  }
}
