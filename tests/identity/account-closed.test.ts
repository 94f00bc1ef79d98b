// After 注销 (closing the account): the old access and refresh tokens are refused with their codes, and the WeChat
// account that logs in again gets a new, basic account. (A closing that finds the account already closed, 410
// ACCOUNT_CLOSED, needs two closings interleaved: bff/test/identity/account-closed.test.ts holds one at the right step.)
import { bearer, realNameSession, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
beforeAll(async () => {
  sys = await startSystem()
})
afterAll(async () => sys.close())

const outcome = (res: { statusCode: number; json(): { code?: string } }) =>
  res.statusCode < 300 ? `${res.statusCode}` : `${res.statusCode} ${res.json().code}`
const close = (token: string) =>
  sys.call({ method: 'POST', url: '/v1/me/close-account', headers: bearer(token), payload: { confirm: true } })
const me = (token: string) => sys.call({ method: 'GET', url: '/v1/me', headers: bearer(token) })

test('after 注销 the old access token gets 401 AUTH_TOKEN_INVALID, the refresh token 401 AUTH_REFRESH_INVALID, and a new login is a new basic account', async () => {
  const t = await realNameSession(sys, 'closer', 61)
  const userId = (await me(t.accessToken)).json().userId as string
  expect(outcome(await close(t.accessToken))).toBe('200')
  expect(outcome(await me(t.accessToken))).toBe('401 AUTH_TOKEN_INVALID')
  const refresh = await sys.call({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: t.refreshToken } })
  expect(outcome(refresh)).toBe('401 AUTH_REFRESH_INVALID')
  const again = await sys.login('closer')
  const profile = (await me(again.accessToken)).json()
  expect(profile).toMatchObject({ level: 'basic', idNumber: null, name: null })
  expect(profile.userId).not.toBe(userId)
})
