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

test('reusing a rotated refresh token revokes the family: it and the newest token are rejected', async () => {
  const first = await sys.login('victim')
  const second = (await refresh(first.refreshToken)).json()
  const reuse = await refresh(first.refreshToken)
  expect(reuse.statusCode).toBe(401)
  expect(reuse.json().code).toBe('AUTH_REFRESH_REUSED')
  const newest = await refresh(second.refreshToken)
  expect(newest.statusCode).toBe(401)
  expect((await me(second.accessToken)).statusCode).toBe(401)
})

test('two parallel refreshes with one token: exactly one succeeds', async () => {
  const first = await sys.login('racer')
  const results = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)])
  expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401])
})

test('after logout the access token and the refresh token are both rejected', async () => {
  const t = await sys.login('leaver')
  const out = await sys.call({ method: 'POST', url: '/v1/auth/logout', headers: bearer(t.accessToken) })
  expect(out.statusCode).toBe(204)
  expect((await me(t.accessToken)).statusCode).toBe(401)
  expect((await refresh(t.refreshToken)).statusCode).toBe(401)
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
