// The cost table's switch (BuildOptions.without, bench only): a default build runs every part of the stack, and a part
// named in `without` is really left out (so the table measures what it says).
import { STACK_PARTS, type StackPart } from '../../src/app'
import { build, type TestApp } from '../helper'

const ORIGIN = 'http://localhost:3000'
const CONFIG = { maxEventLoopDelayMs: 60_000, rateLimit: { max: 2, windowMs: 60_000 } }

/** What each part shows from outside, on a request with a forged token to a signed-in route and an allowed origin. */
async function partsSeen(t: TestApp): Promise<Partial<Record<StackPart, boolean>>> {
  const res = await t.app.inject({
    method: 'GET',
    url: '/v1/me',
    headers: { origin: ORIGIN, authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSIsInNpZCI6InMxIn0.forged' },
  })
  // The limit is 2 a window here: this address's third request (at least) is refused only while requests are counted.
  await t.app.inject({ method: 'GET', url: '/v1/nope' })
  await t.app.inject({ method: 'GET', url: '/v1/nope' })
  const third = await t.app.inject({ method: 'GET', url: '/v1/nope' })
  return {
    securityHeaders: res.headers['strict-transport-security'] !== undefined,
    cors: res.headers['access-control-allow-origin'] === ORIGIN,
    rateLimit: third.statusCode === 429,
    underPressure: t.app.hasDecorator('isUnderPressure'),
    requestId: /^[0-9a-f-]{36}$/.test(String(res.headers['x-request-id'])),
    logging: t.logs.some((l) => l.includes('request completed')),
    // The verifying token plugin (it also signs); the bench's stand-in only decodes, and signs nothing.
    jwt: res.statusCode === 401 && signs(t),
  }
}

function signs(t: TestApp): boolean {
  try {
    return t.app.signAccess({ sub: 'u1', sid: 's1', jti: 'j1' }).length > 0
  } catch {
    return false
  }
}

test('a default build runs every part of the stack', async () => {
  expect(STACK_PARTS).toHaveLength(12)
  const t = await build(CONFIG)
  try {
    expect(await partsSeen(t)).toEqual({
      securityHeaders: true,
      cors: true,
      rateLimit: true,
      underPressure: true,
      requestId: true,
      logging: true,
      jwt: true,
    })
  } finally {
    await t.app.close()
  }
})

test.each(['securityHeaders', 'cors', 'rateLimit', 'underPressure', 'requestId', 'logging', 'jwt'] as const)(
  'a build without %s leaves exactly that part out',
  async (part) => {
    const t = await build(CONFIG, { without: new Set([part]) })
    try {
      const seen = await partsSeen(t)
      expect(seen[part]).toBe(false)
      expect(Object.entries(seen).filter(([, on]) => !on)).toEqual([[part, false]])
    } finally {
      await t.app.close()
    }
  },
)
