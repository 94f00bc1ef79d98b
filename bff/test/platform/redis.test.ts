// The shared Redis (REDIS_URL), for real (127.0.0.1:6379, reached through a proxy this test can cut): the rate limits
// count there, so two BFFs on one Redis hold one limit between them; /readyz answers 503 while Redis is unreachable
// and /healthz stays 200; and a count Redis cannot take falls back to the replica's own, so the limit still holds per
// replica (it fails open to per replica, never to no limit at all).
import { randomBytes } from 'node:crypto'
import { createServer, type Server, type Socket, connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { build, type TestApp } from '../helper'

const REDIS = { host: '127.0.0.1', port: 6379 }
/** This file's keys only: parallel test files on the same Redis never share a counter. */
const keyPrefix = `ysx:test:${randomBytes(6).toString('hex')}:`

/** A TCP proxy to the real Redis that can be cut, closing every connection through it (Redis "goes away"). */
async function redisProxy(): Promise<{ url: string; cut(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    const upstream = connect(REDIS.port, REDIS.host)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('error', () => s.destroy())
      s.on('close', () => sockets.delete(s))
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `redis://127.0.0.1:${port}`,
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
      })
    },
  }
}

const limits = (max: number) => ({ rateLimit: { max, windowMs: 60_000 } })
/** An unknown route: answered 404, counted in the per-address limit like any request. */
const probe = (t: TestApp) => t.app.inject({ method: 'GET', url: '/v1/no-such-route' })
const statuses = async (t: TestApp, n: number) => {
  const out: number[] = []
  for (let i = 0; i < n; i += 1) out.push((await probe(t)).statusCode)
  return out
}

test('two BFFs on one Redis hold one per-address limit between them: accepted ≤ the limit in total', async () => {
  const redis = { url: `redis://${REDIS.host}:${REDIS.port}`, keyPrefix: `${keyPrefix}total:` }
  const [a, b] = [await build({ ...limits(4), redis }), await build({ ...limits(4), redis })]
  try {
    const seen: number[] = []
    for (let i = 0; i < 10; i += 1) seen.push((await probe(i % 2 === 0 ? a : b)).statusCode)
    expect(seen.filter((s) => s !== 429)).toHaveLength(4)
    expect(seen.slice(4)).toEqual(Array(6).fill(429))
  } finally {
    await a.app.close()
    await b.app.close()
  }
})

test('/readyz is 503 (redis failing) while Redis is unreachable, /healthz 200, and the limit holds per replica', async () => {
  const proxy = await redisProxy()
  const t = await build({ ...limits(2), redis: { url: proxy.url, keyPrefix: `${keyPrefix}cut:` } })
  try {
    const up = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(up.statusCode).toBe(200)
    expect(up.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } })
    expect(await statuses(t, 1)).toEqual([404])

    await proxy.cut()
    const down = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(down.statusCode).toBe(503)
    expect(down.json()).toEqual({ status: 'not_ready', checks: { database: 'ok', redis: 'failing' } })
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    // Counted in this process now, from zero: the limit of 2 still holds here.
    expect(await statuses(t, 3)).toEqual([404, 404, 429])
    expect(t.logs.some((l) => l.includes('redis failed: rate limits count per replica'))).toBe(true)
  } finally {
    await t.app.close()
    await proxy.cut()
  }
})

test('a BFF whose Redis cannot be reached starts, not ready, and limits each address on its own', async () => {
  // Port 1 on loopback: nothing listens there, every connection is refused at once.
  const t = await build({ ...limits(2), redis: { url: 'redis://127.0.0.1:1', keyPrefix } })
  try {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(res.statusCode).toBe(503)
    expect(res.json().checks.redis).toBe('failing')
    expect(await statuses(t, 3)).toEqual([404, 404, 429])
    expect(t.logs.some((l) => l.includes('redis not reachable at start'))).toBe(true)
  } finally {
    await t.app.close()
  }
})

test('without REDIS_URL /readyz checks the database alone (single-node mode)', async () => {
  const t = await build()
  try {
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
      checks: { database: 'ok' },
    })
  } finally {
    await t.app.close()
  }
})
