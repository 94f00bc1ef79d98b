// The BFF shell: probes, the 404 envelope, request ids, the API's security headers and the CORS allow-list (the H5
// pages' headers: platform/h5.test.ts).
import { ErrorEnvelopeSchema } from '@ysx/shared'
import { openTestStore } from './support/databases'
import { build, STACK_TRACE, type TestApp } from './helper'

let t: TestApp
beforeAll(async () => {
  // Load shedding off: building the other apps below stalls this process's event loop, which is not what these check.
  t = await build({ maxEventLoopDelayMs: 60_000 })
})
afterAll(async () => t.app.close())

describe('probes', () => {
  test('GET /healthz answers ok while the process runs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok' })
  })

  test('GET /readyz reports the database as ok', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok' } })
  })

  test('GET /readyz answers 503 not_ready when the database stops answering', async () => {
    const store = await openTestStore()
    const failing = await build({}, { store: { ...store, ping: async () => false } })
    try {
      const res = await failing.app.inject({ method: 'GET', url: '/readyz' })
      expect(res.statusCode).toBe(503)
      expect(res.json()).toEqual({ status: 'not_ready', checks: { database: 'failing' } })
    } finally {
      await failing.app.close()
    }
  })
})

describe('load shedding', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  test('while shedding load, an API route and /readyz answer 503 OVERLOADED with Retry-After, and /healthz still 200', async () => {
    // under-pressure samples the event-loop delay on a timer: faked here, so the test decides when it samples.
    jest.useFakeTimers({
      doNotFake: ['Date', 'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate'],
    })
    const shedding = await build({ maxEventLoopDelayMs: 1 })
    try {
      // Two samples with no event-loop turn between them: the second has no measurement, read as an unbounded delay.
      jest.advanceTimersByTime(1000)
      jest.advanceTimersByTime(1000)
      for (const url of ['/v1/auth/config', '/readyz']) {
        const res = await shedding.app.inject({ method: 'GET', url })
        const body = ErrorEnvelopeSchema.parse(res.json())
        expect([url, res.statusCode, body.code, res.headers['retry-after']]).toEqual([url, 503, 'OVERLOADED', '5'])
      }
      const live = await shedding.app.inject({ method: 'GET', url: '/healthz' })
      expect([live.statusCode, live.json().status]).toEqual([200, 'ok'])
    } finally {
      await shedding.app.close()
    }
  })
})

describe('unknown routes', () => {
  test.each([
    ['GET', '/v1/nope'],
    ['POST', '/v1/feedback/extra/segments'],
    ['DELETE', '/healthz'],
  ] as const)('%s %s gets the 404 envelope with ROUTE_NOT_FOUND', async (method, url) => {
    const res = await t.app.inject({ method, url })
    expect(res.statusCode).toBe(404)
    const body = ErrorEnvelopeSchema.parse(res.json())
    expect(body.code).toBe('ROUTE_NOT_FOUND')
    expect(body.message).toMatch(/接口不存在/)
    expect(body.requestId).toBe(res.headers['x-request-id'])
    expect(res.body).not.toMatch(STACK_TRACE)
  })
})

describe('request ids', () => {
  test('a well-formed caller request id is echoed back', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-1234abcd' } })
    expect(res.headers['x-request-id']).toBe('trace-1234abcd')
  })

  test('a request id that could inject into logs is replaced by a fresh one', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\nforged: yes' },
    })
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('headers', () => {
  test('an API reply, 4xx included, carries nosniff, no-store, HSTS, frame-ancestors none and no referrer', async () => {
    for (const url of ['/healthz', '/v1/auth/config', '/v1/does-not-exist']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['cache-control']).toMatch(/no-store/)
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+; includeSubDomains/)
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(res.headers['x-frame-options']).toBe('DENY')
      expect(res.headers['referrer-policy']).toBe('no-referrer')
    }
  })

  test('an allowed origin gets Access-Control-Allow-Origin; a disallowed one does not', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'http://localhost:3000' } })
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:3000')
    const bad = await t.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } })
    expect(bad.headers['access-control-allow-origin']).toBeUndefined()
  })

  test('on every interface in development, the BFF’s LAN address is an allowed origin', async () => {
    const lan = 'http://192.168.1.20:3000'
    const onLan = await build({ corsOrigins: ['http://localhost:3000', lan], lanOrigins: [lan] })
    try {
      const res = await onLan.app.inject({ method: 'GET', url: '/healthz', headers: { origin: lan } })
      expect(res.headers['access-control-allow-origin']).toBe(lan)
      const other = await onLan.app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { origin: 'http://192.168.1.99:3000' },
      })
      expect(other.headers['access-control-allow-origin']).toBeUndefined()
    } finally {
      await onLan.app.close()
    }
  })
})

describe('rate limiting', () => {
  test('the request past the limit gets 429 RATE_LIMITED with Retry-After', async () => {
    const limited = await build({ rateLimit: { max: 3, windowMs: 60_000 } })
    try {
      for (let i = 0; i < 3; i += 1) {
        expect(
          (await limited.app.inject({ method: 'GET', url: '/v1/feedback/00000000-0000-4000-8000-000000000000' }))
            .statusCode,
        ).toBe(404)
      }
      const res = await limited.app.inject({ method: 'GET', url: '/v1/feedback/00000000-0000-4000-8000-000000000000' })
      expect(res.statusCode).toBe(429)
      expect(res.json().code).toBe('RATE_LIMITED')
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    } finally {
      await limited.app.close()
    }
  })

  test('a spoofed X-Forwarded-For from an untrusted peer does not reset the counter', async () => {
    const limited = await build({ rateLimit: { max: 2, windowMs: 60_000 } })
    try {
      const codes: number[] = []
      for (let i = 0; i < 4; i += 1) {
        const res = await limited.app.inject({
          method: 'GET',
          url: '/v1/nope',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
        })
        codes.push(res.statusCode)
      }
      expect(codes).toEqual([404, 404, 429, 429])
    } finally {
      await limited.app.close()
    }
  })
})
