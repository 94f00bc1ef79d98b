// Login and sessions: one-time codes, refresh rotation with reuse detection, logout, and the audit trail.
import { ErrorEnvelopeSchema, LoginResultSchema } from '@ysx/shared'
import { testConfig } from '@ysx/bff/config'
import { bearer, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
beforeAll(async () => {
  sys = await startSystem()
})
afterAll(async () => sys.close())

const refresh = (refreshToken: string) =>
  sys.call({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } })
const me = (accessToken: string) => sys.call({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })

test('a new WeChat user logs in and gets tokens and a basic profile', async () => {
  const res = await sys.call({ method: 'POST', url: '/v1/auth/login', payload: { code: await sys.code('new-user') } })
  expect(res.statusCode).toBe(200)
  const body = LoginResultSchema.parse(res.json())
  expect(body.profile).toMatchObject({ level: 'basic', name: null, idNumber: null })
  expect(body.accessExpiresIn).toBeLessThanOrEqual(900)
  expect((await me(body.accessToken)).statusCode).toBe(200)
})

test('a login code used twice gets 401 AUTH_CODE_INVALID the second time', async () => {
  const code = await sys.code('twice')
  expect((await sys.call({ method: 'POST', url: '/v1/auth/login', payload: { code } })).statusCode).toBe(200)
  const second = await sys.call({ method: 'POST', url: '/v1/auth/login', payload: { code } })
  expect(second.statusCode).toBe(401)
  expect(ErrorEnvelopeSchema.parse(second.json()).code).toBe('AUTH_CODE_INVALID')
})

test('the same WeChat account logs in to the same user each time', async () => {
  const a = LoginResultSchema.parse(
    (await sys.call({ method: 'POST', url: '/v1/auth/login', payload: { code: await sys.code('same') } })).json(),
  )
  const b = LoginResultSchema.parse(
    (await sys.call({ method: 'POST', url: '/v1/auth/login', payload: { code: await sys.code('same') } })).json(),
  )
  expect(a.profile.userId).toBe(b.profile.userId)
})

test('a refresh rotates the refresh token and the new access token works', async () => {
  const first = await sys.login('rotator')
  const res = await refresh(first.refreshToken)
  expect(res.statusCode).toBe(200)
  const next = res.json()
  expect(next.refreshToken).not.toBe(first.refreshToken)
  expect((await me(next.accessToken)).statusCode).toBe(200)
})

/** Status and error code of a response, as one string (a 2xx has no code). */
const outcome = (res: { statusCode: number; json(): { code?: string } }) =>
  res.statusCode < 300 ? `${res.statusCode}` : `${res.statusCode} ${res.json().code}`

test('reusing a rotated refresh token revokes the family: it and the newest token are rejected', async () => {
  const first = await sys.login('victim')
  const second = (await refresh(first.refreshToken)).json()
  const reuse = await refresh(first.refreshToken)
  expect(outcome(reuse)).toBe('401 AUTH_REFRESH_REUSED')
  expect(outcome(await refresh(second.refreshToken))).toBe('401 AUTH_REFRESH_INVALID')
  expect(outcome(await me(second.accessToken))).toBe('401 AUTH_TOKEN_INVALID')
})

test('two parallel refreshes with one token: exactly one gets 200, the other 401 AUTH_REFRESH_REUSED, and the family is revoked', async () => {
  const first = await sys.login('racer')
  const results = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)])
  expect(results.map(outcome).sort()).toEqual(['200', '401 AUTH_REFRESH_REUSED'])
  // No grace for a racing client (RFC 9700 §4.14): the loser's reuse ends the session, the winner's new tokens too.
  const won = results.find((r) => r.statusCode === 200)!.json()
  expect(outcome(await refresh(won.refreshToken))).toBe('401 AUTH_REFRESH_INVALID')
  expect(outcome(await me(won.accessToken))).toBe('401 AUTH_TOKEN_INVALID')
  expect(outcome(await me(first.accessToken))).toBe('401 AUTH_TOKEN_INVALID')
})

test('after logout the access token gets 401 AUTH_TOKEN_INVALID and the refresh token 401 AUTH_REFRESH_INVALID', async () => {
  const t = await sys.login('leaver')
  const out = await sys.call({ method: 'POST', url: '/v1/auth/logout', headers: bearer(t.accessToken) })
  expect(out.statusCode).toBe(204)
  expect(outcome(await me(t.accessToken))).toBe('401 AUTH_TOKEN_INVALID')
  expect(outcome(await refresh(t.refreshToken))).toBe('401 AUTH_REFRESH_INVALID')
})

test('a refresh token unused for longer than its idle lifetime gets 401 AUTH_REFRESH_INVALID; just inside it, it rotates', async () => {
  const idle = testConfig().auth.refreshIdleSeconds * 1000
  const inside = await sys.login('idle-inside')
  const outside = await sys.login('idle-outside')
  sys.advance(idle - 1000)
  try {
    expect(outcome(await refresh(inside.refreshToken))).toBe('200')
    sys.advance(1000)
    expect(outcome(await refresh(outside.refreshToken))).toBe('401 AUTH_REFRESH_INVALID')
  } finally {
    sys.advance(-idle)
  }
})

test('login success and failure, refresh reuse and logout each write exactly one audit record', async () => {
  const local = await startSystem()
  try {
    const t = await local.login('audited')
    const code = await local.code('audited')
    await local.call({ method: 'POST', url: '/v1/auth/login', payload: { code } })
    await local.call({ method: 'POST', url: '/v1/auth/login', payload: { code } })
    const second = await local.call({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: t.refreshToken },
    })
    await local.call({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: t.refreshToken } })
    const third = await local.login('audited')
    await local.call({ method: 'POST', url: '/v1/auth/logout', headers: bearer(third.accessToken) })
    expect(second.statusCode).toBe(200)
    const events = await auditOf(local)
    expect(events).toEqual([
      'login:success',
      'login:success',
      'login:failure',
      'refresh.reuse:failure',
      'login:success',
      'logout:success',
    ])
  } finally {
    await local.close()
  }
})

async function auditOf(s: TestSystem): Promise<string[]> {
  const { openDataStore } = await import('@ysx/bff/db')
  const store = openDataStore(s.dbFile)
  try {
    return (await store.repos.audit.list()).map((r) => `${r.action}:${r.outcome}`)
  } finally {
    await store.close()
  }
}

test('logins past the per-address limit get 429 with Retry-After; a correct code does not reset it', async () => {
  const limited = await startSystem({ bff: { auth: { ...testConfig().auth, loginRateLimitMax: 3 } } })
  try {
    const statuses: number[] = []
    for (let i = 0; i < 3; i += 1)
      statuses.push(
        (await limited.call({ method: 'POST', url: '/v1/auth/login', payload: { code: `guess-${i}` } })).statusCode,
      )
    const over = await limited.call({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { code: await limited.code('real') },
    })
    expect(statuses).toEqual([401, 401, 401])
    expect(over.statusCode).toBe(429)
    expect(over.json().code).toBe('RATE_LIMITED')
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
  } finally {
    await limited.close()
  }
})
