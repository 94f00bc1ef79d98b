// Two BFF replicas, each listening on its own port, on the SAME fresh PostgreSQL database and the same Redis (this
// file's own key prefix), reached over HTTP as a load balancer would spread a client's requests: a rate limit holds
// in total, a presentation (亮证) replayed at the other replica is refused, a logout on one is refused on the other at
// the next request, and a refresh token reused at the other replica revokes the whole family.
import { randomBytes } from 'node:crypto'
import { CredentialIssuedSchema, WalletListSchema } from '@ysx/shared'
import { createTestDatabase, type TestDatabase } from '../../bff/test/support/databases'
import { newDevice, present } from '../support/device'
import { bearer, CALLER, faceCheckAlwaysFails, realNameUser, startSystem, type TestSystem } from '../support/system'

/** Online verifications per address per minute on each verify route: the limit the replicas must hold between them. */
const VERIFY_LIMIT = 6
/** Requests per signed-in citizen per minute (above what the other tests' citizens make) */
const USER_LIMIT = 8
const REDIS_URL = process.env.YSX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

let database: TestDatabase
let sys: TestSystem
/** The two replicas' base URLs: A is sys.bff, B the replica built beside it. */
let a: string
let b: string

beforeAll(async () => {
  database = await createTestDatabase()
  sys = await startSystem({
    departments: ['jiaoguan'],
    bff: {
      databaseUrl: database.url,
      redis: { url: REDIS_URL, keyPrefix: `ysx:test:${randomBytes(6).toString('hex')}:` },
      verifyRateLimitMax: VERIFY_LIMIT,
      rateLimit: { max: 300, windowMs: 60_000, userMax: USER_LIMIT },
    },
  })
  const other = await sys.replica()
  a = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  b = await other.listen({ host: '127.0.0.1', port: 0 })
}, 60_000)
afterAll(async () => {
  await sys?.close()
  await database?.drop()
})

/** A JSON request to one replica over HTTP: its status and its body's error code (if any). */
async function send(base: string, method: string, url: string, opts: { token?: string; body?: unknown } = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? bearer(opts.token) : {}),
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  })
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>
  return { status: res.status, code: body.code as string | undefined, body }
}

test('a rate limit holds in total: verifications spread over both replicas are accepted at most the limit', async () => {
  const statuses: number[] = []
  // 粤康码 verifications (junk codes: counted before they are read), alternating between the replicas.
  for (let i = 0; i < 3 * VERIFY_LIMIT; i += 1)
    statuses.push((await send(i % 2 === 0 ? a : b, 'POST', '/v1/health-codes/verify', { body: { code: 'x' } })).status)
  const accepted = statuses.filter((s) => s !== 429)
  expect(accepted.length).toBeLessThanOrEqual(VERIFY_LIMIT)
  // Exactly the limit: both replicas counted every request, and each replica refused its share of the rest.
  expect(accepted).toHaveLength(VERIFY_LIMIT)
  expect(statuses.slice(VERIFY_LIMIT)).toEqual(Array(2 * VERIFY_LIMIT).fill(429))
})

test('a citizen’s own limit holds in total too: requests spread over both replicas are accepted at most the limit', async () => {
  const t = await sys.login('replica-busy')
  const statuses: number[] = []
  for (let i = 0; i < 3 * USER_LIMIT; i += 1)
    statuses.push((await send(i % 2 === 0 ? a : b, 'GET', '/v1/me', { token: t.accessToken })).status)
  expect(statuses.filter((s) => s !== 429)).toHaveLength(USER_LIMIT)
  expect(statuses.slice(USER_LIMIT)).toEqual(Array(2 * USER_LIMIT).fill(429))
})

test('a presentation verified at one replica and replayed at the other is refused 409 PRESENTATION_REPLAYED', async () => {
  const holdsValidLicence = async (index: number) => {
    const res = await CALLER.fetch(`${sys.departments.jiaoguan!.url}/v1/certificates/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
      body: JSON.stringify({ idNumber: sys.citizen(index).idNumber }),
    })
    const { certificates } = (await res.json()) as { certificates: { type: string; status: string }[] }
    return certificates.some((c) => c.type === 'driving_licence' && c.status === 'valid')
  }
  let driver = 50
  while (faceCheckAlwaysFails(driver) || !(await holdsValidLicence(driver))) driver += 1
  const token = await realNameUser(sys, 'replica-driver', driver)
  const wallet = WalletListSchema.parse((await send(a, 'GET', '/v1/wallet', { token })).body)
  const card = wallet.cards.find((c) => c.type === 'driving_licence')!
  const device = newDevice()
  const issued = await send(a, 'POST', `/v1/wallet/${card.id}/credentials`, {
    token,
    body: { profile: 'traffic_police', deviceKey: device.jwk },
  })
  expect(issued.status).toBe(201)
  const qr = present(device, CredentialIssuedSchema.parse(issued.body).credential)

  expect((await send(a, 'POST', '/v1/verify', { body: { presentation: qr } })).status).toBe(200)
  const replay = await send(b, 'POST', '/v1/verify', { body: { presentation: qr } })
  expect([replay.status, replay.code]).toEqual([409, 'PRESENTATION_REPLAYED'])
})

test('a logout at one replica is refused at the other on the next request: 401 AUTH_TOKEN_INVALID', async () => {
  const t = await sys.login('replica-logout')
  expect((await send(b, 'GET', '/v1/me', { token: t.accessToken })).status).toBe(200)
  expect((await send(a, 'POST', '/v1/auth/logout', { token: t.accessToken })).status).toBe(204)
  const after = await send(b, 'GET', '/v1/me', { token: t.accessToken })
  expect([after.status, after.code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
  const refresh = await send(b, 'POST', '/v1/auth/refresh', { body: { refreshToken: t.refreshToken } })
  expect([refresh.status, refresh.code]).toEqual([401, 'AUTH_REFRESH_INVALID'])
})

test('a refresh token reused at the other replica revokes the family: the newest tokens are refused at both', async () => {
  const first = await sys.login('replica-refresh')
  const rotated = await send(a, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } })
  expect(rotated.status).toBe(200)
  const second = rotated.body as { accessToken: string; refreshToken: string }

  const reuse = await send(b, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } })
  expect([reuse.status, reuse.code]).toEqual([401, 'AUTH_REFRESH_REUSED'])
  const newest = await send(a, 'POST', '/v1/auth/refresh', { body: { refreshToken: second.refreshToken } })
  expect([newest.status, newest.code]).toEqual([401, 'AUTH_REFRESH_INVALID'])
  for (const base of [a, b]) {
    const me = await send(base, 'GET', '/v1/me', { token: second.accessToken })
    expect([me.status, me.code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
  }
})
