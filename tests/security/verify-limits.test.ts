// The public verification routes under a scanner that will not stop: the real limits, set low here (other tests set
// them high to stay out of the way). Per client address on both routes, and per signed-in verifier whatever
// address it scans from; the answer past the limit is 429 RATE_LIMITED with Retry-After.
import { bearer, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
const PER_ADDRESS = 4
const PER_VERIFIER = 3

beforeAll(async () => {
  sys = await startSystem({ bff: { verifyRateLimitMax: PER_ADDRESS, verifierRateLimitMax: PER_VERIFIER } })
}, 60_000)
afterAll(async () => sys.close())

const ROUTES = [
  ['/v1/verify', { presentation: 'scanned.text~not.a-proof' }],
  ['/v1/health-codes/verify', { code: 'scanned.text~not.a-proof' }],
] as const

test.each(ROUTES)(
  'the (limit+1)th verification from one address at %s is 429 with Retry-After',
  async (url, payload) => {
    const scan = () => sys.call({ method: 'POST', url, payload, remoteAddress: '203.0.113.50' })
    const codes: number[] = []
    for (let i = 0; i < PER_ADDRESS; i += 1) codes.push((await scan()).statusCode)
    expect(codes).toEqual(Array(PER_ADDRESS).fill(422))
    const res = await scan()
    expect([res.statusCode, res.json().code]).toEqual([429, 'RATE_LIMITED'])
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    // Another address is not held back by this one.
    expect((await sys.call({ method: 'POST', url, payload, remoteAddress: '203.0.113.51' })).statusCode).toBe(422)
  },
)

test.each(ROUTES)(
  'a signed-in verifier scanning from ever new addresses is stopped at its own limit at %s',
  async (url, payload) => {
    const { accessToken } = await sys.login(`verifier-${url}`)
    const scan = (i: number) =>
      sys.call({ method: 'POST', url, payload, headers: bearer(accessToken), remoteAddress: `198.51.100.${i}` })
    const codes: number[] = []
    for (let i = 0; i < PER_VERIFIER; i += 1) codes.push((await scan(10 + i)).statusCode)
    expect(codes).toEqual(Array(PER_VERIFIER).fill(422))
    const res = await scan(99)
    expect([res.statusCode, res.json().code]).toEqual([429, 'RATE_LIMITED'])
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    // The same address without the verifier's account is only under its address limit.
    expect((await sys.call({ method: 'POST', url, payload, remoteAddress: '198.51.100.99' })).statusCode).toBe(422)
  },
)
