// Rate limits an abuser cannot step around: an IPv6 client cannot rotate through its /64 (nor rewrite an IPv4 address
// as IPv4-mapped IPv6) to get fresh buckets, one signed-in citizen cannot rotate addresses past their own limit, and
// citizens sharing one address (a NAT) keep separate limits while the address limit still holds.
import { bearer, startSystem, type TestSystem } from '../support/system'

const ADDRESS_MAX = 99
const USER_MAX = 3
let sys: TestSystem

beforeAll(async () => {
  // Load shedding off (0: no event-loop delay check): on a starved machine
  // the delay reads as unknown, counted as infinite, and a 503 OVERLOADED would stand in for the 429s this is about.
  const rateLimit = { max: ADDRESS_MAX, windowMs: 60_000, userMax: USER_MAX }
  sys = await startSystem({ bff: { rateLimit, maxEventLoopDelayMs: 0 } })
})
afterAll(async () => sys.close())

/** A public route (a receipt that does not exist: 404), from one client address */
const anonymous = (remoteAddress: string) =>
  sys.call({ method: 'GET', url: '/v1/feedback/00000000-0000-4000-8000-000000000000', remoteAddress })
/** The signed-in profile, from one client address */
const signedIn = (token: string, remoteAddress: string) =>
  sys.call({ method: 'GET', url: '/v1/me', headers: bearer(token), remoteAddress })

test(`${ADDRESS_MAX + 1} IPv6 addresses from one /64 share one bucket: the (limit+1)th request is 429 RATE_LIMITED`, async () => {
  const codes: number[] = []
  for (let i = 1; i <= ADDRESS_MAX; i += 1) codes.push((await anonymous(`2001:db8:aa:1::${i.toString(16)}`)).statusCode)
  expect(codes).toEqual(Array<number>(ADDRESS_MAX).fill(404))
  const over = await anonymous(`2001:db8:aa:1::${(ADDRESS_MAX + 1).toString(16)}`)
  expect([over.statusCode, over.json().code]).toEqual([429, 'RATE_LIMITED'])
  expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
  // The neighbouring /64 is someone else.
  expect((await anonymous('2001:db8:aa:2::1')).statusCode).toBe(404)
})

test('an IPv4 address written as IPv4-mapped IPv6 counts in the same bucket as itself', async () => {
  for (let i = 0; i < ADDRESS_MAX; i += 1) {
    const res = await anonymous(i % 2 ? '203.0.113.9' : '::ffff:203.0.113.9')
    expect(res.statusCode).toBe(404)
  }
  const over = await anonymous('::ffff:cb00:7109') // 203.0.113.9 again, in hex
  expect([over.statusCode, over.json().code]).toEqual([429, 'RATE_LIMITED'])
  expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
})

test('one citizen rotating client addresses still meets their own limit', async () => {
  const { accessToken } = await sys.login('rotating-addresses')
  const codes: number[] = []
  for (let i = 1; i <= USER_MAX + 1; i += 1) codes.push((await signedIn(accessToken, `198.51.100.${i}`)).statusCode)
  expect(codes).toEqual([...Array<number>(USER_MAX).fill(200), 429])
  const res = await signedIn(accessToken, '198.51.100.200')
  expect([res.statusCode, res.json().code]).toEqual([429, 'RATE_LIMITED'])
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
})

test('two citizens behind one address have their own limits, and the address limit still holds', async () => {
  const shared = '192.0.2.50'
  const first = (await sys.login('nat-first')).accessToken
  const second = (await sys.login('nat-second')).accessToken
  const outcome = (res: Awaited<ReturnType<typeof anonymous>>) => [res.statusCode, res.json().code ?? 'served']
  for (let i = 0; i < USER_MAX; i += 1) expect((await signedIn(first, shared)).statusCode).toBe(200)
  expect(outcome(await signedIn(first, shared))).toEqual([429, 'RATE_LIMITED'])
  // The first citizen's limit is theirs: the second, at the same address, is served.
  for (let i = 0; i < USER_MAX; i += 1) expect((await signedIn(second, shared)).statusCode).toBe(200)
  expect(outcome(await signedIn(second, shared))).toEqual([429, 'RATE_LIMITED'])
  // The address's own limit is still counted over everyone behind it.
  const used = 2 * (USER_MAX + 1)
  for (let i = used; i < ADDRESS_MAX; i += 1) expect((await anonymous(shared)).statusCode).toBe(404)
  expect(outcome(await anonymous(shared))).toEqual([429, 'RATE_LIMITED'])
})
