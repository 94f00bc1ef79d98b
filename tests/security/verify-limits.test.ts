// The public verification routes under a scanner that will not stop, at the limits the BFF ships with (its
// configuration's defaults, which the test configuration keeps): per client address on both routes, and per
// signed-in verifier whatever address it scans from. Past a limit: 429 RATE_LIMITED with Retry-After, the seconds
// until the minute's window ends; once it has ended, the scans are served again. The clock is jest's: only Date is
// faked (the limits count by it), frozen between the steps the tests take.
import { loadConfig } from '@ysx/bff/config'
import { bearer, startSystem, type TestSystem } from '../support/system'
import { fakeDateOnly } from '../support/clock'

/** The shipped defaults: what a BFF started without BFF_VERIFY_RATE_LIMIT_MAX / BFF_VERIFIER_RATE_LIMIT_MAX enforces. */
const SHIPPED = loadConfig({ NODE_ENV: 'development' })
const PER_ADDRESS = SHIPPED.verifyRateLimitMax
const PER_VERIFIER = SHIPPED.verifierRateLimitMax
const WINDOW_MS = 60_000
const T0 = Date.parse('2026-11-20T02:00:00.000Z')

let sys: TestSystem

beforeAll(async () => {
  fakeDateOnly(T0)
  // No verify limit given: the suite runs with the test configuration's, which must be the shipped ones.
  // Load shedding off (0: no event-loop delay check): on a starved machine
  // the delay reads as unknown, counted as infinite, and a 503 OVERLOADED would stand in for the answers this is about.
  sys = await startSystem({ bff: { maxEventLoopDelayMs: 0 } })
}, 60_000)
afterAll(async () => {
  await sys.close()
  jest.useRealTimers()
})

const ROUTES = [
  ['/v1/verify', { presentation: 'scanned.text~not.a-proof' }],
  ['/v1/health-codes/verify', { code: 'scanned.text~not.a-proof' }],
] as const

/** Moves the Date the limits count by (and the BFF's clock) forward. */
const later = (ms: number) => jest.setSystemTime(Date.now() + ms)

test.each(ROUTES)(
  `at %s one address is served ${PER_ADDRESS} scans a minute; the next is 429 RATE_LIMITED, Retry-After the seconds left`,
  async (url, payload) => {
    const scan = (remoteAddress = '203.0.113.50') => sys.call({ method: 'POST', url, payload, remoteAddress })
    const codes = new Map<number, number>()
    for (let i = 0; i < PER_ADDRESS; i += 1) {
      const { statusCode } = await scan()
      codes.set(statusCode, (codes.get(statusCode) ?? 0) + 1)
    }
    // Every scan within the limit reached the verifier (which refuses this text): none was held back.
    expect([...codes]).toEqual([[422, PER_ADDRESS]])
    const over = await scan()
    expect([over.statusCode, over.json().code, over.headers['retry-after']]).toEqual([429, 'RATE_LIMITED', '60'])
    // Another address is not held back by this one.
    expect((await scan('203.0.113.51')).statusCode).toBe(422)
    later(WINDOW_MS - 1000)
    const still = await scan()
    expect([still.statusCode, still.json().code, still.headers['retry-after']]).toEqual([429, 'RATE_LIMITED', '1'])
    later(1000)
    expect((await scan()).statusCode).toBe(422)
  },
)

test.each(ROUTES)(
  `at %s a signed-in verifier scanning from ever new addresses is served ${PER_VERIFIER} a minute, then 429 RATE_LIMITED`,
  async (url, payload) => {
    const { accessToken } = await sys.login(`verifier-${url}`)
    const scan = (i: number) =>
      sys.call({
        method: 'POST',
        url,
        payload,
        headers: bearer(accessToken),
        remoteAddress: `198.51.${i >> 8}.${i & 255}`,
      })
    const codes = new Map<number, number>()
    for (let i = 0; i < PER_VERIFIER; i += 1) {
      const { statusCode } = await scan(i)
      codes.set(statusCode, (codes.get(statusCode) ?? 0) + 1)
    }
    expect([...codes]).toEqual([[422, PER_VERIFIER]])
    const over = await scan(PER_VERIFIER)
    expect([over.statusCode, over.json().code, over.headers['retry-after']]).toEqual([429, 'RATE_LIMITED', '60'])
    // The same address without the verifier's account is only under its address limit.
    const anonymous = await sys.call({ method: 'POST', url, payload, remoteAddress: `198.51.0.${PER_VERIFIER}` })
    expect(anonymous.statusCode).toBe(422)
    later(WINDOW_MS)
    expect((await scan(PER_VERIFIER + 1)).statusCode).toBe(422)
  },
)
